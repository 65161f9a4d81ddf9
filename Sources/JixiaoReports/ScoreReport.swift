import Foundation
import JixiaoCore
import JixiaoInterchange

/// The `score` output: every form of a document scored under one profile.
public struct ScoreReport: Sendable, Codable {
    public var file: String
    public var profile: String
    public var profileName: String
    public var evaluations: [EvaluationEntry]

    /// One form's scoring, in the shape documented in docs/cli.md.
    public struct EvaluationEntry: Sendable, Codable {
        public var title: String
        public var kind: FormKind
        public var indicatorCount: Int
        @DecimalString public var weightTotal: Decimal?
        public var reportedTotal: String?
        @DecimalString public var reportedSum: Decimal?
        @DecimalString public var suggestedTotal: Decimal?
        public var reportedGrade: String?
        public var suggestedGrade: String?
        /// Grade the profile gives the reported total.
        public var gradeOfReportedTotal: String?
        /// B ÷ A as a fraction (`"0.980808"`).
        @DecimalString public var executionRate: Decimal?
        public var execution: ExecutionEntry?
        public var rescaled: Bool
        public var judgedCount: Int
        public var unscoredCount: Int
        public var indicators: [IndicatorEntry]
    }

    public struct ExecutionEntry: Sendable, Codable {
        @DecimalString public var annualBudget: Decimal?
        @DecimalString public var executed: Decimal?
        public var weight: String?
        public var reportedRate: String?
        public var reportedScore: String?
        @DecimalString public var suggestedScore: Decimal?
        public var rule: String
        public var explanation: String
    }

    public struct IndicatorEntry: Sendable, Codable {
        public var name: String
        public var level1: String?
        public var level2: String?
        public var level1Category: Level1Category?
        public var level2Category: Level2Category?
        public var goal: Int?
        public var target: String?
        public var targetKind: ValueKind?
        public var actual: String?
        public var actualKind: ValueKind?
        public var weight: String?
        public var reportedScore: String?
        @DecimalString public var suggestedScore: Decimal?
        @DecimalString public var allowedMin: Decimal?
        @DecimalString public var allowedMax: Decimal?
        public var allowedMaxInclusive: Bool
        public var rule: String
        public var explanation: String
        public var notes: [String]
        public var line: Int?
    }

    /// Scores every form of a document.
    public init(document: InterchangeDocument, file: String, profile: ScoringProfile) {
        self.file = file
        self.profile = profile.id
        profileName = profile.name
        let scorer = EvaluationScorer(profile: profile)
        evaluations = document.forms.map { form in Self.entry(form, score: scorer.score(form)) }
    }

    static func entry(_ form: EvaluationForm, score: EvaluationScore) -> EvaluationEntry {
        var total: PrintedNumber?
        var grade: String?
        var execution: BudgetExecution?
        switch form {
        case .targetDeclaration: break
        case .projectSelfEvaluation(let e): total = e.reportedTotal; grade = e.reportedGrade; execution = e.execution
        case .departmentEvaluation(let e): total = e.reportedTotal; grade = e.reportedGrade; execution = e.execution
        }
        let indicators = zip(form.indicators, score.indicators).map { i, s in
            IndicatorEntry(
                name: i.name, level1: i.level1Label ?? i.level1?.chineseName, level2: i.level2Label ?? i.level2?.chineseName,
                level1Category: i.level1, level2Category: i.level2, goal: i.goalNumber,
                target: i.effectiveTarget?.text, targetKind: i.effectiveTarget?.kind, actual: i.actual?.text, actualKind: i.actual?.kind,
                weight: i.weight?.description, reportedScore: i.reportedScore?.description, suggestedScore: s.suggested,
                allowedMin: s.allowedMin, allowedMax: s.allowedMax, allowedMaxInclusive: s.maxInclusive,
                rule: s.rule.rawValue, explanation: s.explanation, notes: (i.effectiveTarget?.notes ?? []) + (i.actual?.notes ?? []) + s.notes,
                line: i.source?.line)
        }
        let executionEntry = score.execution.map { e in
            ExecutionEntry(annualBudget: e.annualBudget, executed: e.executed, weight: execution?.weight?.description,
                           reportedRate: execution?.reportedRate?.description, reportedScore: execution?.reportedScore?.description,
                           suggestedScore: e.suggested, rule: e.rule.rawValue, explanation: e.explanation)
        }
        let isDeclaration = form.kind == .targetDeclaration
        return EvaluationEntry(
            title: form.title, kind: form.kind, indicatorCount: indicators.count, weightTotal: score.weightTotal,
            reportedTotal: total?.description, reportedSum: score.reportedSum,
            suggestedTotal: isDeclaration ? nil : score.suggestedTotal, reportedGrade: grade,
            suggestedGrade: isDeclaration ? nil : score.suggestedGrade?.rawValue, gradeOfReportedTotal: score.gradeOfReportedTotal?.rawValue,
            executionRate: score.execution?.rate, execution: executionEntry, rescaled: score.rescaled,
            judgedCount: score.judgedCount, unscoredCount: score.unscoredCount, indicators: indicators)
    }

    /// JSON for programs.
    public func json() throws -> String {
        String(decoding: try InterchangeCodec.makeEncoder().encode(self), as: UTF8.self)
    }

    /// A readable Chinese report for a terminal.
    public func text() -> String {
        var out = "文件：\(file)\n评分规则：\(profileName)（\(profile)）\n"
        for (index, e) in evaluations.enumerated() {
            out += "\n【\(index + 1)】\(e.title)　\(e.kind.chineseName)\n"
            var table = TextTable(headers: ["#", "一级", "二级", "三级指标", "指标值", "实际完成值", "分值", "得分", "建议", "允许范围", "说明"],
                                  maxWidths: [nil, 10, 12, 24, 14, 14, nil, nil, nil, nil, nil])
            for (n, i) in e.indicators.enumerated() {
                let range: String
                if let lo = i.allowedMin, let hi = i.allowedMax {
                    range = "[\(lo.shortText()), \(hi.shortText())\(i.allowedMaxInclusive ? "]" : ")")"
                } else { range = "—" }
                table.rows.append([
                    "\(n + 1)", i.level1 ?? "", i.level2 ?? "", i.name, i.target ?? "", i.actual ?? "", i.weight ?? "",
                    i.reportedScore ?? "", i.suggestedScore?.plainText ?? "—", range, i.explanation,
                ])
            }
            out += table.render() + "\n"
            if let x = e.execution {
                out += "预算执行：\(x.explanation)；表内得分 \(x.reportedScore ?? "空白")\n"
            }
            out += "指标 \(e.indicatorCount) 项，分值合计 \(e.weightTotal?.plainText ?? "—")"
            if e.kind != .targetDeclaration {
                out += "；表内总分 \(e.reportedTotal ?? "空白")，各项得分合计 \(e.reportedSum?.plainText ?? "—")"
                out += "，建议总分 \(e.suggestedTotal?.plainText ?? "—")\(e.rescaled ? "（剔除不适用指标后折算）" : "")"
                out += "；表内等级 \(e.reportedGrade ?? "空白")，建议等级 \(e.suggestedGrade ?? "—")"
                if e.judgedCount > 0 { out += "；\(e.judgedCount) 项定性指标采用表内得分" }
                if e.unscoredCount > 0 { out += "；\(e.unscoredCount) 项无法计分" }
            }
            out += "\n"
        }
        return out
    }
}
