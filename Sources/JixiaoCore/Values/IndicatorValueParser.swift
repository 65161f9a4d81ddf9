import Foundation

/// Parses the indicator value language (domain.md §3) into `IndicatorValue`.
///
/// The parser never throws and never drops text: whatever it does not understand becomes a
/// qualitative value with a note. It works on Unicode scalars after folding full-width forms.
public enum IndicatorValueParser {
    /// Parses one 指标值 or 实际完成值.
    public static func parse(_ text: String) -> IndicatorValue {
        var scanner = ValueScanner(text)
        let s = scanner.scalars
        if s.isEmpty {
            return IndicatorValue(text: text, kind: .empty)
        }
        if isNotApplicable(s) {
            return IndicatorValue(text: text, kind: .notApplicable)
        }
        let deadlineShape = mayBeDeadline(s)
        if deadlineShape, let value = parseDeadline(s, text: text) { return value }

        var notes: [String] = []
        var comparison = scanner.readLeadingComparison()
        // `成本不超过1.4万元`, `总成本不超过200万元`: a few words naming what is compared, then the value.
        if comparison == nil, let start = subjectEnd(s) {
            notes.append("值前的“\(String(String.UnicodeScalarView(s[..<start])))”是说明文字，按其后的值计")
            scanner.position = start
            comparison = scanner.readLeadingComparison()
        }
        if comparison != nil, deadlineShape, var value = parseDeadline(Array(s[scanner.position...]), text: text) {
            value.comparison = comparison
            return value
        }
        if comparison == .garbled {
            notes.append("比较符号“\(scanner.scalars[scanner.position - 1])”疑为“≥”或“=”的错误渲染，按等值处理")
        }
        let approximate = scanner.skip(Self.approximatePrefixes)
        if let number = scanner.readNumber() {
            if scanner.skip(Self.approximateSuffixes) || approximate {
                notes.append("约数，按所写数字计")
            }
            // The rest of the text, as a range: a trailing `以上` / `以内` gives the comparison, the remainder is the unit.
            var end = s.count
            if let (trailing, length) = trailingComparison(s, from: scanner.position) {
                // `达到95%以上`: 达到 only says "reach"; the trailing word gives the direction.
                if comparison == nil || comparison == .equal { comparison = trailing }
                end -= length
            }
            if end == scanner.position {
                return IndicatorValue(text: text, kind: .quantitative, comparison: comparison, magnitude: number, exactMagnitude: scanner.lastExact,
                                      unit: nil, notes: notes)
            }
            if let unit = UnitCatalogue.unit(scalars: s, scanner.position..<end) {
                return IndicatorValue(text: text, kind: .quantitative, comparison: comparison, magnitude: number, exactMagnitude: scanner.lastExact,
                                      unit: unit, notes: notes)
            }
            if let value = parseRelativeSchedule(s, text: text) { return value }
            notes.append("含数字但不是“数值＋单位”的写法，按定性处理")
            return IndicatorValue(text: text, kind: .qualitative, comparison: comparison, notes: notes)
        }

        // No number.
        let restScalars = Array(s[scanner.position...])
        if comparison != nil {
            let unit = restScalars.isEmpty ? nil : UnitCatalogue.unit(scalars: restScalars)
            if restScalars.isEmpty || unit != nil {
                return IndicatorValue(
                    text: text, kind: .unfilledTemplate, comparison: comparison,
                    unit: unit,
                    notes: notes + ["只有比较符号和单位，数值未填写"])
            }
            notes.append("有比较词但没有数值，按定性处理")
            return IndicatorValue(text: text, kind: .qualitative, comparison: comparison, notes: notes)
        }
        if Self.templateUnits.contains(restScalars) {
            return IndicatorValue(text: text, kind: .unfilledTemplate, unit: UnitCatalogue.unit(scalars: restScalars),
                                  notes: ["只有单位，数值未填写"])
        }
        if let value = parseSchedule(s, text: text) { return value }
        return IndicatorValue(text: text, kind: .qualitative, notes: notes)
    }

    static let notApplicableForms: Set<[Unicode.Scalar]> = Set(
        ["/", "—", "——", "-", "--", "–", "不适用", "无此项", "N/A", "n/a", "NA", "\\"].map { Array($0.unicodeScalars) })

    static func isNotApplicable(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 3 else { return false }
        switch s[0] {
        case "/", "—", "-", "–", "不", "无", "N", "n", "\\": return notApplicableForms.contains(s)
        default: return false
        }
    }

    /// A unit written alone stands for a value not filled in: `%`, `万元`.
    static let templateUnits: Set<[Unicode.Scalar]> = Set((Array(UnitCatalogue.percentWords) + ["万元", "元", "亿元"]).map { Array($0.unicodeScalars) })

    /// A necessary condition for a deadline: 年, 月 or 季 somewhere, or two date separators (`2024-12-31`).
    static func mayBeDeadline(_ s: [Unicode.Scalar]) -> Bool {
        var separators = 0
        for scalar in s {
            switch scalar {
            case "年", "月", "季": return true
            case "-", "/", ".": separators += 1
            default: continue
            }
        }
        return separators >= 2
    }

    /// Where a comparison word followed by a number starts after at most eight scalars of words without
    /// digits (`成本不超过1.4万元` → 2); nil when the text does not have that shape.
    static func subjectEnd(_ s: [Unicode.Scalar]) -> Int? {
        guard s.count > 3, ValueScanner.digit(s[0]) == nil else { return nil }
        for start in 1...min(8, s.count - 2) {
            if ValueScanner.digit(s[start - 1]) != nil { return nil }
            var probe = ValueScanner(String(String.UnicodeScalarView(s[start...])))
            guard let comparison = probe.readLeadingComparison(), comparison != .garbled, comparison != .equal else { continue }
            if probe.position < probe.scalars.count, ValueScanner.digit(probe.scalars[probe.position]) != nil { return start }
        }
        return nil
    }

    static let approximatePrefixes = ScalarWords(["大约", "约", "近"])
    static let approximateSuffixes = ScalarWords(["余", "多"])
    static let trailingWords = ScalarWords(["及以上", "以上", "及以下", "以下", "以内", "之内"])
    static let trailingComparisons: [Comparison] = [.atLeast, .atLeast, .atMost, .atMost, .atMost, .atMost]

    /// `以上` → ≥, `以内` / `以下` / `之内` → ≤ at the end of the text; the length removed.
    static func trailingComparison(_ s: [Unicode.Scalar], from start: Int) -> (Comparison, Int)? {
        guard let n = trailingWords.suffix(of: s, from: start) else { return nil }
        return (trailingComparisons[n], trailingWords.words[n].count)
    }
}
