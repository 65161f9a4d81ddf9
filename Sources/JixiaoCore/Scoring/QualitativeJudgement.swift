/// Places a written actual value into a qualitative band by its wording.
///
/// It only suggests: a person chooses the score inside the band. Words that deny (`未达成`)
/// are read before words that affirm (`达成`), and text cut off at the cell width is not judged.
public enum QualitativeJudgement {
    static let truncatedStarts = ScalarWords(["预期指标", "如期指标且", "年度指标且"])
    static let failedWords = ScalarWords(["未达成", "未完成", "未达到", "没有完成", "未实现", "未能", "效果较差", "未开展", "逾期", "未按期", "不满意", "不合格"])
    static let partialWords = ScalarWords(["部分达成", "部分完成", "部分实现", "基本达成", "基本完成", "基本实现", "一定效果", "并具", "基本满意", "基本符合"])
    static let achievedWords = ScalarWords(["达成", "完成", "实现", "达到", "满意", "符合", "合格", "通过", "按时", "按期", "如期", "及时", "全覆盖", "无违章", "无事故"])

    /// The band id (`achieved`, `partial`, `failed`) the wording points to; nil when a person must judge.
    public static func band(actual: String, target: String?) -> String? {
        let a = ValueScanner(actual).scalars
        guard !a.isEmpty else { return nil }
        let t = target.map { ValueScanner($0).scalars } ?? []
        if !t.isEmpty, a == t { return "achieved" }
        if truncatedStarts.match(in: a, at: 0) != nil { return nil }
        if failedWords.occurs(in: a) { return "failed" }
        if partialWords.occurs(in: a) { return "partial" }
        if achievedWords.occurs(in: a) { return "achieved" }
        if t.count >= 2, a.count >= 2, a.containsWord(t) || t.containsWord(a) { return "achieved" }
        return nil
    }
}
