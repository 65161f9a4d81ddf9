import Foundation
import JixiaoCore
import JixiaoStore

/// The reviewers' overview: counts by status, the forms to look at first with the reason in words, units ranked,
/// and charts whose bars and points lead to their forms.
struct OverviewPage: PageView {
    static let template = "overview"

    struct Count: Sendable {
        var label: String
        var count: Int
    }

    /// A form to look at first, and why, in words.
    struct Exception: Sendable {
        var id: Int64
        var title: String
        var unit: String
        var status: String
        var errors: Int
        var hasErrors: Bool
        var warnings: Int
        var total: String
        var rate: String
        var why: String
    }

    struct UnitRow: Sendable {
        var name: String
        var forms: Int
        var errors: Int
        var gaps: Int
        /// The unit's forms with errors, in the list.
        var link: String
    }

    var frame: Frame
    var year: String
    var organisations: [SelectOption]
    var statuses: [SelectOption]
    var grades: [SelectOption]
    var kinds: [SelectOption]
    /// Drafts are left out unless asked for (a finance bureau reviews what was handed in).
    var includeDrafts: Bool
    /// How many drafts the counts leave out (nil for none: a template section shows any number, 0 too).
    var draftsLeftOut: Int?
    var counts: [Count]
    var total: Int
    var exceptions: [Exception]
    var exceptionCount: Int
    var units: [UnitRow]
    var charts: [Chart]

    /// The gap between the score claimed and the money spent: total ÷ 100 − execution rate.
    static func gap(_ s: FormSummary) -> Decimal? {
        guard let total = s.reportedTotal ?? s.suggestedTotal, let rate = s.executionRate else { return nil }
        return total / 100 - rate
    }

    static let gapThreshold = Decimal(string: "0.15")!

    /// Why a form is listed first, as an accountant would say it.
    static func why(_ s: FormSummary) -> String {
        var reasons: [String] = []
        if s.errorCount > 0 { reasons.append("审核发现\(s.errorCount)个错误") }
        if let gap = gap(s), gap > gapThreshold, let total = s.reportedTotal ?? s.suggestedTotal, let rate = s.executionRate {
            reasons.append("得分\(total.shortText())分，但预算执行率仅\((rate * 100).fixedText(places: 2))%")
        }
        return reasons.joined(separator: "；")
    }

    init(filter: OverviewFilter, items all: [FormListing], signedIn: SignedIn) {
        let scope = signedIn.scope
        frame = Frame(title: "审核总览", signedIn: signedIn, wide: true)
        year = filter.year.map(String.init) ?? ""
        let readable = scope.readable.compactMap { scope.organisations[$0] }.filter { $0.kind != .financeBureau }.sorted { $0.code < $1.code }
        organisations = SelectOption.filter(readable.map { (String($0.id), "\($0.code) \($0.name)") }, selected: filter.organisationID.map(String.init))
        statuses = SelectOption.filter(FormStatus.allCases.map { ($0.rawValue, $0.chineseName) }, selected: filter.status?.rawValue)
        grades = SelectOption.filter(Grade.allCases.map { ($0.rawValue, $0.rawValue) }, selected: filter.grade?.rawValue)
        kinds = SelectOption.filter(FormKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: filter.kind?.rawValue)
        includeDrafts = filter.includeDrafts
        let items = all.filter { filter.includeDrafts || filter.status == .draft || $0.status != .draft }
        draftsLeftOut = all.count > items.count ? all.count - items.count : nil

        let byStatus = Dictionary(grouping: items, by: \.status).mapValues(\.count)
        counts = FormStatus.allCases.map { Count(label: $0.chineseName, count: byStatus[$0] ?? 0) }
        total = items.count

        let ranked = items.filter { $0.summary.errorCount > 0 || (Self.gap($0.summary) ?? 0) > Self.gapThreshold }
            .sorted { a, b in
                if a.summary.errorCount != b.summary.errorCount { return a.summary.errorCount > b.summary.errorCount }
                return (Self.gap(a.summary) ?? -1) > (Self.gap(b.summary) ?? -1)
            }
        exceptionCount = ranked.count
        exceptions = ranked.prefix(100).map { item in
            let s = item.summary
            return Exception(id: item.id, title: item.title.isEmpty ? "（未命名）" : item.title, unit: scope.name(of: item.organisationID),
                             status: item.status.chineseName, errors: s.errorCount, hasErrors: s.errorCount > 0, warnings: s.warningCount,
                             total: (s.reportedTotal ?? s.suggestedTotal)?.shortText() ?? "—",
                             rate: s.executionRate.map { ($0 * 100).fixedText(places: 2) + "%" } ?? "—", why: Self.why(s))
        }

        units = Dictionary(grouping: items, by: \.organisationID).map { id, forms in
            var list = FormListFilter()
            list.organisationID = id
            list.withErrors = true
            return UnitRow(name: scope.name(of: id), forms: forms.count, errors: forms.map(\.summary.errorCount).reduce(0, +),
                           gaps: forms.compactMap { Self.gap($0.summary) }.filter { $0 > Self.gapThreshold }.count, link: list.link())
        }.sorted { ($0.errors, $0.gaps, $0.name) > ($1.errors, $1.gaps, $1.name) }

        let evaluations = items.filter { $0.kind != .targetDeclaration }
        var charts: [Chart] = []
        charts.append(.bars(title: "建议等级分布", Grade.allCases.map { grade in
            let count = evaluations.filter { $0.summary.suggestedGrade == grade }.count
            var list = FormListFilter()
            list.grade = grade
            return Chart.BarInput(label: grade.rawValue, value: Double(count), text: "\(count)张", link: list.link())
        }))
        let rates = evaluations.compactMap { item in
            item.summary.executionRate.map {
                Chart.BarInput(label: item.title, value: NSDecimalNumber(decimal: $0 * 100).doubleValue,
                               text: ($0 * 100).fixedText(places: 2) + "%", link: "/forms/\(item.id)")
            }
        }.sorted { $0.value < $1.value }
        charts.append(.bars(title: "各项目预算执行率（从低到高，最多60个）", Array(rates.prefix(60)), maxValue: 100))
        let points = evaluations.compactMap { item -> Chart.PointInput? in
            guard let rate = item.summary.executionRate, let total = item.summary.reportedTotal ?? item.summary.suggestedTotal else { return nil }
            return Chart.PointInput(label: item.title, x: NSDecimalNumber(decimal: rate * 100).doubleValue,
                                    y: NSDecimalNumber(decimal: total).doubleValue, link: "/forms/\(item.id)")
        }
        charts.append(.scatter(title: "总分与预算执行率（右下角：花得多得分低；左上角：花得少得分高）", xLabel: "预算执行率（%）", yLabel: "总分",
                               Array(points.prefix(2000)), xMax: 100, yMax: 100))
        self.charts = charts
    }
}

/// The overview's filters as they travel in the address.
struct OverviewFilter: Sendable {
    var year: Int?
    var kind: FormKind?
    var status: FormStatus?
    var grade: Grade?
    var organisationID: Int64?
    var includeDrafts: Bool

    init(_ parameters: [String: String]) {
        year = parameters["year"].flatMap(Int.init)
        kind = parameters["kind"].flatMap(FormKind.init(rawValue:))
        status = parameters["status"].flatMap(FormStatus.init(rawValue:))
        grade = parameters["grade"].flatMap(Grade.init(rawValue:))
        organisationID = parameters["org"].flatMap(Int64.init)
        includeDrafts = parameters["drafts"] == "1"
    }
}
