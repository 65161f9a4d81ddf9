import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore

extension JixiaoWebApp {
    func addOverviewRoutes(to router: Router<WebContext>) {
        router.get("/overview") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            return try await overview(request, signedIn)
        }
    }

    /// The gap between what a form claims and what it spent: reported total (as a share of 100) minus the execution rate.
    static func gap(_ s: FormSummary) -> Decimal? {
        guard let total = s.reportedTotal ?? s.suggestedTotal, let rate = s.executionRate else { return nil }
        return total / 100 - rate
    }

    /// The reviewers' overview: counts by status, forms and units ranked by what is wrong, and charts.
    func overview(_ request: Request, _ signedIn: SignedIn) async throws -> Response {
        let q = request.uri.queryParameters
        let year = q.get("year").flatMap(Int.init)
        let kind = q.get("kind").flatMap(FormKind.init(rawValue:))
        let status = q.get("status").flatMap(FormStatus.init(rawValue:))
        let grade = q.get("grade").flatMap { Grade(rawValue: String($0)) }
        let scopeFilter = q.get("org").flatMap(Int64.init)
        var scope = Array(signedIn.scope.readable)
        if let scopeFilter {
            // A department or a unit: the chosen organisation and what lies below it, within the reader's scope.
            let below = Set(signedIn.scope.organisations.values.filter { $0.parentID == scopeFilter }.map(\.id)).union([scopeFilter])
            scope = scope.filter { below.contains($0) }
        }
        let page = try await store.forms(FormQuery(organisationIDs: scope.sorted(), fiscalYear: year, kind: kind, status: status, limit: 10_000))
        let items = page.items.filter { grade == nil || $0.summary.suggestedGrade == grade }
        let name = signedIn.scope.name(of:)

        var html = "<h1>审核总览</h1><form method=\"get\" action=\"/overview\" class=\"filters\">"
        html += HTML.field("年度", HTML.input("year", year.map(String.init), size: 5))
        let organisations = signedIn.scope.readable.compactMap { signedIn.scope.organisations[$0] }.filter { $0.kind != .financeBureau }.sorted { $0.code < $1.code }
        html += HTML.field("部门或单位", HTML.select("org", [("", "全部")] + organisations.map { (String($0.id), "\($0.code) \($0.name)") }, selected: scopeFilter.map(String.init) ?? ""))
        html += HTML.field("状态", HTML.select("status", [("", "全部")] + FormStatus.allCases.map { ($0.rawValue, $0.chineseName) }, selected: status?.rawValue ?? ""))
        html += HTML.field("建议等级", HTML.select("grade", [("", "全部")] + Grade.allCases.map { ($0.rawValue, $0.rawValue) }, selected: grade?.rawValue ?? ""))
        html += HTML.field("类别", HTML.select("kind", [("", "全部")] + FormKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: kind?.rawValue ?? ""))
        html += "<button type=\"submit\">筛选</button></form>"

        let byStatus = Dictionary(grouping: items, by: \.status).mapValues(\.count)
        html += "<h2>按状态</h2><table class=\"rows counts\"><thead><tr>" + FormStatus.allCases.map { "<th>\($0.chineseName)</th>" }.joined() + "<th>合计</th></tr></thead><tbody><tr>"
        html += FormStatus.allCases.map { "<td class=\"num\">\(byStatus[$0] ?? 0)</td>" }.joined() + "<td class=\"num\">\(items.count)</td></tr></tbody></table>"

        // Exceptions first: errors, then the gap between the score claimed and the money spent.
        let ranked = items.filter { $0.summary.errorCount > 0 || (Self.gap($0.summary) ?? 0) > Decimal(string: "0.15")! }
            .sorted { a, b in
                if a.summary.errorCount != b.summary.errorCount { return a.summary.errorCount > b.summary.errorCount }
                return (Self.gap(a.summary) ?? -1) > (Self.gap(b.summary) ?? -1)
            }
        html += "<h2>需要先看的表单（\(ranked.count)张）</h2><p class=\"meta\">按审核错误数，再按“得分高于花钱”的差距排序：差距 = 总分 ÷ 100 − 预算执行率，超过 0.15 即列出。</p>"
        html += "<div class=\"table-scroll\"><table class=\"rows exceptions\"><thead><tr><th>表单</th><th>单位</th><th>状态</th><th>错误</th><th>警告</th><th>总分</th><th>执行率</th><th>差距</th></tr></thead><tbody>"
        for item in ranked.prefix(100) {
            let s = item.summary
            html += "<tr><td><a href=\"/forms/\(item.id)\">\(HTML.escape(item.title))</a></td><td>\(HTML.escape(name(item.organisationID)))</td><td>\(item.status.chineseName)</td>"
            html += "<td class=\"num bad\">\(s.errorCount)</td><td class=\"num\">\(s.warningCount)</td><td class=\"num\">\((s.reportedTotal ?? s.suggestedTotal)?.shortText() ?? "—")</td>"
            html += "<td class=\"num\">\(s.executionRate.map { ($0 * 100).fixedText(places: 2) + "%" } ?? "—")</td><td class=\"num\">\(Self.gap(s)?.fixedText(places: 2) ?? "—")</td></tr>"
        }
        html += "</tbody></table></div>"

        let byUnit = Dictionary(grouping: items, by: \.organisationID)
        let units = byUnit.map { (id: $0.key, forms: $0.value.count, errors: $0.value.map(\.summary.errorCount).reduce(0, +),
                                   gaps: $0.value.compactMap { Self.gap($0.summary) }.filter { $0 > Decimal(string: "0.15")! }.count) }
            .sorted { ($0.errors, $0.gaps) > ($1.errors, $1.gaps) }
        html += "<h2>单位排序</h2><table class=\"rows units\"><thead><tr><th>单位</th><th>表单</th><th>审核错误</th><th>得分与执行差距大的表</th></tr></thead><tbody>"
        html += units.map { "<tr><td>\(HTML.escape(name($0.id)))</td><td class=\"num\">\($0.forms)</td><td class=\"num\">\($0.errors)</td><td class=\"num\">\($0.gaps)</td></tr>" }.joined()
        html += "</tbody></table>"

        let evaluations = items.filter { $0.kind != .targetDeclaration }
        let grades = Grade.allCases.map { grade in (label: grade.rawValue, value: Double(evaluations.filter { $0.summary.suggestedGrade == grade }.count), text: "\(evaluations.filter { $0.summary.suggestedGrade == grade }.count)张") }
        html += "<h2>图表</h2>" + SVGChart.bars(title: "建议等级分布", grades)
        let rates = evaluations.compactMap { item in item.summary.executionRate.map { (label: item.title, value: NSDecimalNumber(decimal: $0 * 100).doubleValue, text: ($0 * 100).fixedText(places: 2) + "%") } }
            .sorted { $0.value < $1.value }.prefix(60)
        html += SVGChart.bars(title: "各项目预算执行率（从低到高，最多60个）", Array(rates), maxValue: 100)
        let points = evaluations.compactMap { item -> (label: String, x: Double, y: Double)? in
            guard let rate = item.summary.executionRate, let total = item.summary.reportedTotal ?? item.summary.suggestedTotal else { return nil }
            return (item.title, NSDecimalNumber(decimal: rate * 100).doubleValue, NSDecimalNumber(decimal: total).doubleValue)
        }
        html += SVGChart.scatter(title: "总分与预算执行率（右下角：花得多得分低；左上角：花得少得分高）", xLabel: "预算执行率（%）", yLabel: "总分",
                                 Array(points.prefix(2000)), xMax: 100, yMax: 100)
        return Page.response(title: "审核总览", body: html, signedIn: signedIn, wide: true)
    }
}
