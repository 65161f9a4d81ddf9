import Foundation
import JixiaoCore
import JixiaoStore
import Mustache

/// The form list: filters, sortable columns, the rows with their figures, export buttons and pages.
struct FormListPage: PageView {
    static let template = "form-list"

    /// A column heading; sortable ones link to the list in their order (again: the other way round).
    struct Column: Sendable {
        var label: String
        var link: String?
        /// `↑` or `↓` on the column the list is sorted by.
        var arrow: String?
        var numeric: Bool
    }

    struct Row: Sendable {
        var id: Int64
        var title: String
        var kind: String
        var unit: String
        var year: Int
        var status: String
        /// 已退回: a draft a reviewer sent back.
        var returned: Bool
        var indicators: Int
        var reportedTotal: String
        var suggestedTotal: String
        var grade: String
        var executionRate: String
        var errors: Int
        var warnings: Int
    }

    struct Hidden: Sendable {
        var name: String
        var value: String
    }

    var frame: Frame
    var heading: String
    var waiting: Bool
    var year: String
    var words: String
    var kinds: [SelectOption]
    var statuses: [SelectOption]
    var grades: [SelectOption]
    var units: [SelectOption]
    /// The unit filter only when the person reads more than one organisation.
    var showUnits: Bool
    var withErrors: Bool
    /// The order travels with the filters (hidden fields of the filter form).
    var order: [Hidden]
    /// The filters travel with the export (hidden fields of the export form).
    var filters: [Hidden]
    var columns: [Column]
    var rows: [Row]
    var total: Int
    var previous: String?
    var next: String?
    var pageWords: String?

    init(filter: FormListFilter, result: FormPage, pageSize: Int, signedIn: SignedIn) {
        let scope = signedIn.scope
        let waitingFor = filter.waiting ? scope.waiting : nil
        heading = waitingFor?.label ?? "表单"
        frame = Frame(title: heading, signedIn: signedIn, wide: true)
        waiting = waitingFor != nil
        year = filter.year.map(String.init) ?? ""
        words = filter.words ?? ""
        kinds = SelectOption.filter(FormKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: filter.kind?.rawValue)
        statuses = SelectOption.filter(FormStatus.allCases.map { ($0.rawValue, $0.chineseName) }, selected: filter.status?.rawValue)
        grades = SelectOption.filter(Grade.allCases.map { ($0.rawValue, $0.rawValue) }, selected: filter.grade?.rawValue)
        let readable = scope.readable.compactMap { scope.organisations[$0] }.sorted { $0.code < $1.code }
        units = SelectOption.filter(readable.map { (String($0.id), $0.name) }, selected: filter.organisationID.map(String.init))
        showUnits = readable.count > 1
        withErrors = filter.withErrors
        order = filter.items().filter { $0.name == "sort" || $0.name == "dir" }.map { Hidden(name: $0.name, value: $0.value) }
        filters = filter.items().filter { $0.name != "waiting" }.map { Hidden(name: $0.name, value: $0.value) }
        func column(_ label: String, _ sort: FormSort?, numeric: Bool = false) -> Column {
            guard let sort else { return Column(label: label, numeric: numeric) }
            var target = filter
            target.page = 1
            // A column's first click sorts the way a reviewer looks first: figures and errors from the highest.
            let firstDescending = numeric || sort == .errors
            if filter.sort == sort {
                target.descending = !filter.descending
            } else {
                target.sort = sort
                target.descending = firstDescending
            }
            // The default order (newest) lists the latest year first: its arrow points down.
            let shownDescending = sort == .newest ? !filter.descending : filter.descending
            let arrow = filter.sort == sort ? (shownDescending ? "↓" : "↑") : nil
            return Column(label: label, link: target.link(), arrow: arrow, numeric: numeric)
        }
        columns = [column("名称", .title), column("类别", nil), column("单位", .organisation), column("年度", .newest),
                   column("状态", .status), column("指标", nil, numeric: true), column("总分", .reportedTotal, numeric: true),
                   column("建议总分", .suggestedTotal, numeric: true), column("建议等级", nil),
                   column("执行率", .executionRate, numeric: true), column("审核", .errors)]
        rows = result.items.map { item in
            let s = item.summary
            return Row(id: item.id, title: item.title.isEmpty ? "（未命名）" : item.title, kind: item.kind.chineseName,
                       unit: scope.name(of: item.organisationID), year: item.fiscalYear, status: item.status.chineseName,
                       returned: item.isReturned, indicators: s.indicatorCount, reportedTotal: s.reportedTotal?.shortText() ?? "—",
                       suggestedTotal: s.suggestedTotal?.shortText() ?? "—", grade: s.suggestedGrade?.rawValue ?? "—",
                       executionRate: s.executionRate.map { ($0 * 100).fixedText(places: 2) + "%" } ?? "—",
                       errors: s.errorCount, warnings: s.warningCount)
        }
        total = result.total
        let pages = max(1, (result.total + pageSize - 1) / pageSize)
        if pages > 1 {
            pageWords = "第\(filter.page)页，共\(pages)页"
            var other = filter
            other.page = filter.page - 1
            previous = filter.page > 1 ? other.link() : nil
            other.page = filter.page + 1
            next = filter.page < pages ? other.link() : nil
        }
    }
}

// The list renders hundreds of values per page: its views answer the template by name directly instead of
// through reflection (`Mirror`), which cost five times the rest of the request.
extension FormListPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": frame
        case "heading": heading
        case "waiting": waiting
        case "year": year
        case "words": words
        case "kinds": kinds
        case "statuses": statuses
        case "grades": grades
        case "units": units
        case "showUnits": showUnits
        case "withErrors": withErrors
        case "order": order
        case "filters": filters
        case "columns": columns
        case "rows": rows
        case "total": total
        case "previous": previous as Any?
        case "next": next as Any?
        case "pageWords": pageWords as Any?
        default: nil
        }
    }
}

extension FormListPage.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "kind": kind
        case "unit": unit
        case "year": year
        case "status": status
        case "returned": returned
        case "indicators": indicators
        case "reportedTotal": reportedTotal
        case "suggestedTotal": suggestedTotal
        case "grade": grade
        case "executionRate": executionRate
        case "errors": errors
        case "warnings": warnings
        case "hasErrors": errors > 0
        default: nil
        }
    }
}

extension FormListPage.Column: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "link": link as Any?
        case "arrow": arrow as Any?
        case "numeric": numeric
        default: nil
        }
    }
}

extension FormListPage.Hidden: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "value": value
        default: nil
        }
    }
}

extension Frame: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "wide": wide
        case "menu": menu as Any?
        default: nil
        }
    }
}
