import Foundation

extension IndicatorValueParser {
    static let deadlinePrefixes = ScalarWords(["截止到", "截至", "截止", "于", "在", "至"])
    static let deadlineSuffixes = ScalarWords([
        "前完成", "之前完成", "以前完成", "底前完成", "内完成", "完成", "完工", "办结", "结束", "前", "之前", "以前", "止", "内",
    ])
    static let yearWords = ScalarWords(["年度", "年"])
    static let monthWords = ScalarWords(["月份", "月"])
    static let dayWords = ScalarWords(["日", "号"])
    static let yearEndWords = ScalarWords(["年底", "年末", "年终", "下半年", "年内"])
    static let midYearWords = ScalarWords(["上半年", "年中"])
    static let monthEndWords = ScalarWords(["月底", "底", "末", "下旬"])
    static let monthPartWords = ScalarWords(["中旬", "上旬", "初"])

    /// Dates and deadlines: `2024年12月底前`, `6月`, `2024年6月30日`, `2024-12-31`, `2022.1.10`,
    /// `年底`, `上半年`, `第四季度`. The whole text must be the date (with the usual words around it).
    static func parseDeadline(_ s: [Unicode.Scalar], text: String) -> IndicatorValue? {
        guard s.count <= 24 else { return nil }
        var scanner = ValueScannerView(s)
        _ = scanner.skip(Self.deadlinePrefixes)
        var deadline = Deadline()
        let start = scanner.position

        if let numeric = scanner.readNumericDate() {
            deadline = numeric
        } else {
            if let year = scanner.readInteger(maxDigits: 4, followedBy: Self.yearWords) {
                guard (1900...2200).contains(year) else { return nil }
                deadline.year = year
            }
            if let month = scanner.readInteger(maxDigits: 2, followedBy: Self.monthWords) {
                deadline.month = month
                if let day = scanner.readInteger(maxDigits: 2, followedBy: Self.dayWords) {
                    deadline.day = day
                }
            }
            if deadline.month == nil {
                if scanner.skip(Self.yearEndWords) {
                    deadline.month = 12
                    deadline.end = true
                } else if scanner.skip(Self.midYearWords) {
                    deadline.month = 6
                    deadline.end = true
                } else if let quarter = scanner.readQuarter() {
                    deadline.month = quarter * 3
                    deadline.end = true
                }
            }
        }
        guard scanner.position > start, deadline.year != nil || deadline.month != nil else { return nil }
        if deadline.day == nil, scanner.skip(Self.monthEndWords) { deadline.end = true }
        _ = scanner.skip(Self.monthPartWords)
        if scanner.skip(Self.deadlineSuffixes) {
            let suffix = scanner.lastSkipped
            deadline.before = suffix.unicodeScalars.contains("前") || suffix == "止" || suffix == "内"
        }
        guard scanner.atEnd, deadline.isValid else { return nil }
        return IndicatorValue(text: text, kind: .deadline, deadline: deadline)
    }

    static let scheduleWords = ScalarWords([
        "及时", "按时", "如期", "按期", "准时", "法定时限", "规定时限", "规定时间", "规定期限", "时限内", "限期", "实时",
        "常态化", "全年", "按月", "按季", "按年", "按周", "定期", "随时", "当日", "当天", "即时",
    ])
    static let notScheduleWords = ScalarWords(["指标", "达成"])
    static let relativeMarkers = ScalarWords(["个月内", "月内", "日内", "天内", "工作日内", "小时内", "周内", "年内", "日之内", "天之内", "个月之内"])

    /// Schedules without a number: `每月`, `每天`, `及时`, `法定时限内`.
    static func parseSchedule(_ s: [Unicode.Scalar], text: String) -> IndicatorValue? {
        if s.first == "每", s.count <= 6 {
            return IndicatorValue(text: text, kind: .schedule, schedule: folded(s, of: text))
        }
        if let relative = parseRelativeSchedule(s, text: text) { return relative }
        guard s.count <= 10, !notScheduleWords.occurs(in: s), scheduleWords.occurs(in: s) else { return nil }
        return IndicatorValue(text: text, kind: .schedule, schedule: folded(s, of: text))
    }

    /// The folded scalars as a string: the original text itself when folding changed nothing.
    static func folded(_ s: [Unicode.Scalar], of text: String) -> String {
        text.unicodeScalars.elementsEqual(s) ? text : String(String.UnicodeScalarView(s))
    }

    /// Relative time limits with a number: `1个月内`, `30日内`, `3个工作日内完成`, `每月结束之后的30日内完成`.
    static func parseRelativeSchedule(_ s: [Unicode.Scalar], text: String) -> IndicatorValue? {
        guard s.count <= 18, relativeMarkers.occurs(in: s) else { return nil }
        return IndicatorValue(text: text, kind: .schedule, schedule: folded(s, of: text))
    }
}

/// A light cursor used by the date parser.
struct ValueScannerView {
    let s: [Unicode.Scalar]
    var position = 0
    var lastSkipped = ""

    init(_ s: [Unicode.Scalar]) { self.s = s }

    static let ordinal = ScalarWords(["第"])
    static let quarters = ScalarWords(["一季度", "二季度", "三季度", "四季度", "1季度", "2季度", "3季度", "4季度"])
    static let quarterNumbers = [1, 2, 3, 4, 1, 2, 3, 4]
    static let quarterEnd = ScalarWords(["末"])

    var atEnd: Bool { position >= s.count }

    mutating func skip(_ words: ScalarWords) -> Bool {
        guard let n = words.match(in: s, at: position) else { return false }
        position += words.words[n].count
        lastSkipped = words.texts[n]
        return true
    }

    /// An integer of 1…maxDigits digits immediately followed by one of the words.
    mutating func readInteger(maxDigits: Int, followedBy words: ScalarWords) -> Int? {
        var i = position
        var value = 0
        while i < s.count, let d = ValueScanner.digit(s[i]) {
            value = value * 10 + Int(d)
            i += 1
        }
        let count = i - position
        guard count >= 1, count <= maxDigits else { return nil }
        let saved = position
        position = i
        if skip(words) { return value }
        position = saved
        return nil
    }

    /// `第四季度`, `第4季度`, `四季度`, `Q4`.
    mutating func readQuarter() -> Int? {
        let saved = position
        _ = skip(Self.ordinal)
        if skip(Self.quarters) {
            _ = skip(Self.quarterEnd)
            return Self.quarterNumbers[Self.quarters.texts.firstIndex(of: lastSkipped) ?? 0]
        }
        position = saved
        return nil
    }

    /// `2024-12-31`, `2024/12/31`, `2024.12.31`, `2022.1.10`.
    mutating func readNumericDate() -> Deadline? {
        var parts: [Int] = []
        var i = position
        var separator: Unicode.Scalar?
        while parts.count < 3 {
            var value = 0
            var digits = 0
            while i < s.count, let d = ValueScanner.digit(s[i]) {
                value = value * 10 + Int(d)
                digits += 1
                i += 1
            }
            guard digits > 0, digits <= (parts.isEmpty ? 4 : 2) else { return nil }
            if parts.isEmpty, digits != 4 { return nil }
            parts.append(value)
            if parts.count == 3 { break }
            guard i < s.count, s[i] == "-" || s[i] == "/" || s[i] == "." else { break }
            if let separator, separator != s[i] { return nil }
            separator = s[i]
            i += 1
        }
        guard parts.count == 3, (1900...2200).contains(parts[0]) else { return nil }
        position = i
        return Deadline(year: parts[0], month: parts[1], day: parts[2])
    }
}
