import Foundation
import JixiaoCore

/// Reads a posted form back into the model: every field the page shows, over the stored form,
/// so what the page does not show (source lines, claims, breakdown rows) is kept.
struct FormReader {
    let post: FormPost
    let profile: ScoringProfile
    /// Fields whose text cannot be saved as it is (a number that is not one), by key.
    private(set) var errors: [String: String] = [:]
    /// The text as posted for fields with errors, so the page shows it again unchanged.
    private(set) var rawTexts: [String: String] = [:]

    /// Forgets what was typed in `key`, so the field shows the form's value (after the suggested score was taken).
    mutating func forget(_ key: String) { rawTexts[key] = nil }

    init(post: FormPost, profile: ScoringProfile) {
        self.post = post
        self.profile = profile
    }

    mutating func read(over stored: EvaluationForm) -> EvaluationForm {
        switch stored {
        case .targetDeclaration(var d):
            d.project = project(d.project, full: true)
            d.project.subTasks = post.rows("s").enumerated().map { position, row in
                SubTask(number: position + 1, title: post.text("s.\(row).title") ?? "", detail: post.text("s.\(row).detail"))
            }
            let unit = MoneyUnit(rawValue: post["f_unit"] ?? "") ?? d.funds?.unit ?? .yuan
            d.funds = Funds(unit: unit, total: number("f_total"), fiscal: number("f_fiscal"), carryOver: number("f_carry"),
                            other: number("f_other"), source: d.funds?.source)
            d.overallGoal = post.text("overall_goal")
            d.annualGoal = post.text("annual_goal")
            d.layout = IndicatorLayout(rawValue: post["layout"] ?? "") ?? d.layout
            d.indicators = indicators(d.indicators, layout: d.layout)
            return .targetDeclaration(d)
        case .projectSelfEvaluation(var e):
            e.project = project(e.project, full: false)
            e.execution = execution(e.execution)
            e.execution?.deviationReason = post.text("x_reason")
            e.goals = goals(e.goals)
            e.layout = IndicatorLayout(rawValue: post["layout"] ?? "") ?? e.layout
            e.indicators = indicators(e.indicators, layout: e.layout)
            e.reportedTotal = number("total")
            e.reportedGrade = post.text("grade")
            e.analysis = post.rows("a").compactMap { row in
                let heading = post.text("a.\(row).heading") ?? ""
                let text = post.text("a.\(row).text") ?? ""
                return heading.isEmpty && text.isEmpty ? nil : AnalysisText(heading: heading, text: text)
            }
            e.filledBy = post.text("filled_by")
            e.date = post.text("date")
            return .projectSelfEvaluation(e)
        case .departmentEvaluation(var e):
            e.execution = execution(e.execution)
            e.deviationReason = post.text("x_reason")
            e.goals = goals(e.goals).enumerated().map { index, goal in var goal = goal; goal.number = index + 1; return goal }
            e.layout = IndicatorLayout(rawValue: post["layout"] ?? "") ?? e.layout
            e.indicators = indicators(e.indicators, layout: e.layout)
            e.reportedTotal = number("total")
            e.reportedGrade = post.text("grade")
            e.conclusion = post.text("conclusion")
            return .departmentEvaluation(e)
        }
    }

    /// A printed number from a field; text that is no number is an error on that field, reported under
    /// `shown` (the key the re-rendered page uses, which differs for reordered rows).
    mutating func number(_ key: String, shownAs shown: String? = nil) -> PrintedNumber? {
        guard let text = post.text(key) else { return nil }
        if let number = PrintedNumber(text: text) { return number }
        let place = shown ?? key
        errors[place] = shown == nil ? "“\(text)”不是有效的数字，请只填写数字（可带小数点和%）。" : "“\(text)”不是有效的数字。"
        rawTexts[place] = text
        return nil
    }

    func project(_ stored: Project, full: Bool) -> Project {
        var p = stored
        p.name = post.text("p_name") ?? stored.name
        if full {
            p.nature = post.text("p_nature")
            p.category = post.text("p_category")
            p.plannedStart = post.text("p_start")
            p.plannedEnd = post.text("p_end")
        }
        p.manager = post.text("p_manager")
        p.phone = post.text("p_phone")
        return p
    }

    mutating func execution(_ stored: BudgetExecution?) -> BudgetExecution? {
        var x = stored ?? BudgetExecution()
        x.unit = MoneyUnit(rawValue: post["x_unit"] ?? "") ?? x.unit
        x.initialBudget = number("x_initial")
        x.annualBudget = number("x_annual")
        x.executed = number("x_executed")
        x.weight = number("x_weight")
        // 执行率 is worked out from A and B (to two places, as printed), not typed; with either missing the stored
        // value the page carried is kept.
        x.reportedRate = Self.computedRate(x) ?? number("x_rate")
        x.reportedScore = number("x_score")
        x.breakdown = breakdown(x.breakdown)
        return x
    }

    /// 全年执行数 ÷ 全年预算数 as a percentage with two places (`96.54%`); nil unless both are there and A is not zero.
    static func computedRate(_ x: BudgetExecution?) -> PrintedNumber? {
        guard let a = x?.annualBudget?.value, let b = x?.executed?.value, a > 0 else { return nil }
        let printed: PrintedNumber? = PrintedNumber(text: ((b / a) * 100).fixedText(places: 2) + "%")
        return printed
    }

    /// The rows the editor offers under the funds total when a form has none.
    static func usualBreakdown(_ kind: FormKind) -> [String] {
        switch kind {
        case .departmentEvaluation: return ["其中：基本支出", DepartmentRollup.projectRowLabel]
        default: return ["其中：当年财政拨款", "上年结转资金", "其他资金"]
        }
    }

    /// Two row labels name the same row when they differ only in the `其中：` prefix.
    static func sameRow(_ a: String, _ b: String) -> Bool {
        func bare(_ label: String) -> Substring {
            var rest = Substring(label)
            for prefix in ["其中：", "其中:", "其中"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count); break }
            return rest
        }
        return bare(a) == bare(b)
    }

    /// The funds rows as posted; an offered row left without figures is not kept, any row with text of its own is.
    mutating func breakdown(_ stored: [BudgetExecutionRow]) -> [BudgetExecutionRow] {
        guard !post.rows("xb").isEmpty else { return stored }
        let offered = Self.usualBreakdown(.projectSelfEvaluation) + Self.usualBreakdown(.departmentEvaluation)
        return post.rows("xb").compactMap { index in
            let key = "xb.\(index)"
            let label = post.text("\(key).label") ?? ""
            // What the page does not show (the printed rate, the source line) is kept from the stored row of that name.
            var row = stored.first { $0.label == label } ?? BudgetExecutionRow(label: label)
            row.label = label
            row.initialBudget = number("\(key).initial")
            row.annualBudget = number("\(key).annual")
            row.executed = number("\(key).executed")
            let empty = row.initialBudget == nil && row.annualBudget == nil && row.executed == nil
            return empty && (label.isEmpty || offered.contains(label)) ? nil : row
        }
    }

    func goals(_ stored: [Goal]) -> [Goal] {
        post.rows("g").compactMap { row in
            let target = post.text("g.\(row).target") ?? ""
            let actual = post.text("g.\(row).actual")
            let old = stored.indices.contains(row) ? stored[row] : nil
            return Goal(number: old?.number, target: target, actual: actual, source: old?.source)
        }
    }

    mutating func indicators(_ stored: [Indicator], layout: IndicatorLayout) -> [Indicator] {
        post.rows("i").enumerated().map { position, row in
            let original = post.text("i.\(row).orig").flatMap(Int.init).flatMap { stored.indices.contains($0) ? stored[$0] : nil }
            func value(_ field: String) -> IndicatorValue? { post.text("i.\(row).\(field)").map(IndicatorValueParser.parse) }
            let target = value("target")
            let actual = value("actual")
            var tags: SubTaskTag?
            if let text = post.text("i.\(row).tags") {
                let normalised = text.hasSuffix(".") || text.hasSuffix("、") ? text : text + "."
                // An unreadable tag is kept as written; `FormWarnings` says so beside the field.
                tags = SubTaskTag.split(normalised + "指标")?.tag ?? SubTaskTag(text: text, numbers: [])
            }
            var goal: Int?
            if let text = post.text("i.\(row).goal") {
                goal = Int(text.filter(\.isNumber))
                if goal == nil {
                    errors["i.\(position).goal"] = "所属目标应填目标序号，如 1。"
                    rawTexts["i.\(position).goal"] = text
                }
            }
            let weight = number("i.\(row).weight", shownAs: "i.\(position).weight")
            let score = number("i.\(row).score", shownAs: "i.\(position).score")
            return Indicator(level1Label: post.text("i.\(row).level1"), level2Label: post.text("i.\(row).level2"),
                             name: post.text("i.\(row).name") ?? "", subTasks: tags, goalNumber: goal, target: target,
                             adjustedTarget: value("adjusted"), actual: actual, qualitativeNote: post.text("i.\(row).note"),
                             weight: weight, reportedScore: score, deviationReason: post.text("i.\(row).reason"),
                             source: original?.source, guesses: original?.guesses ?? [], layout: layout)
        }
    }

}
