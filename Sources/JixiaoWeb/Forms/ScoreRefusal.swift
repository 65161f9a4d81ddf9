import JixiaoCore

/// A save refused because typed scores lie outside their allowed ranges: every such row with its reason.
/// The editor and the API refuse alike through it (all rows at once, not the first).
struct ScoreRefusal: Sendable {
    /// The reason by indicator row (0-based).
    var rows: [Int: String]

    /// Nil when every typed score is allowed.
    init?(_ form: EvaluationForm, _ analysis: FormAnalysis) {
        let refused = analysis.outOfRange(form.indicators)
        guard !refused.isEmpty else { return nil }
        rows = refused
    }

    /// `有2个指标的得分超出允许范围，未保存。`; `outcome` says what did not happen (未保存, 未提交).
    func message(_ outcome: String) -> String {
        "有\(rows.count)个指标的得分超出允许范围，\(outcome)。请按每行的说明修改得分。"
    }

    /// The API's refusal: the message, then each row's reason, and the rows by number.
    var error: WebError {
        let each = rows.sorted { $0.key < $1.key }.map { "第\($0.key + 1)条指标：\($0.value)" }.joined(separator: "；")
        return WebError(.unprocessableContent, code: "WEB_SCORE_OUT_OF_RANGE", message("未保存") + each, rows: rows)
    }
}
