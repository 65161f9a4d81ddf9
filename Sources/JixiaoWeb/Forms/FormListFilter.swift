import Foundation
import JixiaoCore
import JixiaoStore

/// The filters, order and page of a form list as they travel in the address (`/forms?…`, `/export?…`).
struct FormListFilter: Sendable, Hashable {
    var year: Int?
    var kind: FormKind?
    var status: FormStatus?
    /// One organisation (a reviewer's 单位 filter).
    var organisationID: Int64?
    var grade: Grade?
    /// Only forms whose checks found errors (有错误).
    var withErrors = false
    var words: String?
    /// The forms that wait for the signed-in person (待填报 / 待我审核).
    var waiting = false
    var sort: FormSort = .newest
    var descending = false
    var page = 1

    init() {}

    /// Reads the parameters of an address; unknown values are ignored, not errors.
    init(_ parameters: [String: String]) {
        year = parameters["year"].flatMap(Int.init)
        kind = parameters["kind"].flatMap(FormKind.init(rawValue:))
        status = parameters["status"].flatMap(FormStatus.init(rawValue:))
        organisationID = parameters["unit"].flatMap(Int64.init)
        grade = parameters["grade"].flatMap(Grade.init(rawValue:))
        withErrors = parameters["errors"] == "1"
        words = parameters["q"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        waiting = parameters["waiting"] == "1"
        sort = parameters["sort"].flatMap(FormSort.init(rawValue:)) ?? .newest
        descending = parameters["dir"] == "desc"
        page = max(1, parameters["page"].flatMap(Int.init) ?? 1)
    }

    /// The store query within the person's scope; a unit outside the scope finds nothing.
    func query(scope: AccessScope, offset: Int = 0, limit: Int) -> FormQuery {
        let waitingFor = waiting ? scope.waiting : nil
        var organisations = waitingFor?.organisations ?? Array(scope.readable).sorted()
        if let organisationID { organisations = organisations.filter { $0 == organisationID } }
        var query = FormQuery(organisationIDs: organisations, fiscalYear: year, kind: kind, status: status, titleContains: words,
                              offset: offset, limit: limit, statuses: waitingFor?.statuses)
        query.grade = grade
        query.withErrors = withErrors
        query.sort = sort
        query.descending = descending
        return query
    }

    /// The parameters that are set, in a fixed order (for links and hidden fields); the page only when asked.
    func items(page withPage: Bool = false) -> [(name: String, value: String)] {
        var items: [(String, String)] = []
        if waiting { items.append(("waiting", "1")) }
        if let year { items.append(("year", String(year))) }
        if let kind { items.append(("kind", kind.rawValue)) }
        if let status { items.append(("status", status.rawValue)) }
        if let organisationID { items.append(("unit", String(organisationID))) }
        if let grade { items.append(("grade", grade.rawValue)) }
        if withErrors { items.append(("errors", "1")) }
        if let words { items.append(("q", words)) }
        if sort != .newest { items.append(("sort", sort.rawValue)) }
        if descending { items.append(("dir", "desc")) }
        if withPage && page > 1 { items.append(("page", String(page))) }
        return items
    }

    /// `/forms?…` with these parameters.
    func link(path: String = "/forms") -> String {
        var components = URLComponents()
        components.path = path
        let items = self.items(page: true)
        if !items.isEmpty { components.queryItems = items.map { URLQueryItem(name: $0.name, value: $0.value) } }
        // `+` would read as a space in a query.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.string ?? path
    }
}
