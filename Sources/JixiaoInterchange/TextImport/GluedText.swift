import Foundation
import JixiaoCore

/// A form whose table text was stored with no separator between cells (layouts.md §3, glued cells):
/// `…三级指标分值年度指标值全年实际值得分…数量指标安装坡面水标尺10≥266米≥266米10…`.
///
/// The text is cut where the words of the form's frame stand (column names, field labels, 一级 / 二级
/// labels with their points, 总分) and where the values the header promises have their shapes (a
/// comparison and a number with its unit, a percentage, a bare number). Two values glued into one
/// (`20100%` before `100%`) are parted when the second is printed again right after; a qualitative
/// target and actual printed alike (`显著提升显著提升`) are halved. What cannot be parted stays one cell,
/// so no text is lost; the cells then go through the stream reader like any form whose rows were lost.
enum GluedText {
    /// True for a line that is a glued table: long, with almost no spaces, and the names of an indicator
    /// table's columns in it.
    static func isGlued(_ line: Substring) -> Bool {
        guard line.utf8.count >= 240, !line.utf8.contains(0x09) else { return false }
        let compact = line.filter { $0 != " " && $0 != "\u{3000}" }
        guard compact.contains("三级指标") || compact.contains("指标名称") || (compact.contains("一级指标") && compact.contains("二级指标")) else { return false }
        // Spaces between Chinese characters are a scan's, not separators: the others must be rare.
        let kept = withoutInnerSpaces(line)
        return kept.utf8.lazy.filter { $0 == 0x20 }.count * 40 < kept.count
    }

    /// True for a line that continues a glued form on its next page: long, with few spaces.
    static func goesOn(_ line: Substring) -> Bool {
        guard line.count >= 40 else { return false }
        let kept = withoutInnerSpaces(line)
        return kept.utf8.lazy.filter { $0 == 0x20 }.count * 10 < kept.count
    }

    /// The cells of a glued line, in order; their texts joined are the line's text without spaces
    /// between Chinese characters (and without the page number `2、` a document site puts before each page).
    static func cells(_ line: Substring) -> [String] {
        var line = line
        if let mark = line.firstIndex(of: "、"), line.distance(from: line.startIndex, to: mark) <= 2,
           line[..<mark].allSatisfy({ $0.isASCII && $0.isNumber }), mark != line.startIndex {
            line = line[line.index(after: mark)...]
        }
        let chars = Array(withoutInnerSpaces(line))
        var pieces: [Piece] = []
        var text = ""
        func flushText() {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { pieces.append(Piece(text: trimmed, kind: .text)) }
            text = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\u{3000}" { flushText(); i += 1; continue }
            if c == "—" || c == "－" {
                // A run of dashes: one empty cell each (`———`).
                flushText()
                pieces.append(Piece(text: String(c), kind: .value))
                i += 1
                continue
            }
            if let end = date(chars, at: i) {
                flushText()
                pieces.append(Piece(text: String(chars[i..<end]), kind: .value))
                i = end
                continue
            }
            if let word = frameWord(chars, at: i) {
                flushText()
                pieces.append(Piece(text: String(chars[i..<word]), kind: .frame))
                i = word
                continue
            }
            // A number right after a value is the next cell (`≥266米` `10`); after a name or a label it may begin a name.
            let afterValue = text.isEmpty && pieces.last?.kind == .value
            if let end = value(chars, at: i) {
                if afterValue || !continuesName(chars, valueStart: i, end: end) {
                    flushText()
                    pieces.append(Piece(text: String(chars[i..<end]), kind: .value))
                } else {
                    text.append(contentsOf: chars[i..<end])  // the number is part of the text, whole
                }
                i = end
                continue
            }
            text.append(c)
            i += 1
        }
        flushText()
        return parted(pieces).map(\.text)
    }

    struct Piece {
        enum Kind { case frame, value, text }
        var text: String
        var kind: Kind
    }

    /// Spaces between two Chinese characters are dropped (a scan's or a layout's, not a cell boundary:
    /// `绩 效 指 标`, `成 品粮`); spaces next to digits and Latin text are kept as boundaries.
    static func withoutInnerSpaces(_ line: Substring) -> String {
        let chars = Array(line)
        var out = ""
        out.reserveCapacity(line.utf8.count)
        for (n, c) in chars.enumerated() {
            if c == " " || c == "\u{3000}" {
                let before = chars[..<n].last { $0 != " " && $0 != "\u{3000}" }
                let after = chars[(n + 1)...].first { $0 != " " && $0 != "\u{3000}" }
                if let before, let after, isChinese(before), isChinese(after) { continue }
                if out.last == " " { continue }
            }
            out.append(c)
        }
        return out
    }

    static func isChinese(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || "（）：、，".contains(c)
    }

    /// The words of a form's frame, longest first: column names of the indicator and funds tables, field
    /// labels, 一级 / 二级 labels, the rows that end a table.
    static let frameWords: [[Character]] = {
        var words = Set<String>()
        // Column names of four characters and more: shorter ones (`执行率`, `实际值`) end many indicator names.
        for names in ColumnDictionary.shared.allNames where names.count >= 4 { words.insert(names) }
        words.formUnion(["项目名称", "专项资金名称", "主管部门", "县级主管部门", "实施单位", "项目负责人及电话", "负责人及电话", "项目负责人", "联系电话", "填表人", "填报日期", "单位负责人", "财务负责人", "资金情况(万元)", "项目资金(万元)",
                         "年度资金总额:", "年度资金总额", "其中:本年财政拨款", "其中:财政拨款", "本年财政拨款", "上年结转资金", "其他资金", "年度总体目标",
                         "年初设定目标", "年度总体目标完成情况综述", "全年实际完成情况", "实际完成情况", "预期目标", "绩效指标", "总分", "合计",
                         "未完成原因及拟采取的改进措施", "未完成原因和改进措施", "偏差原因分析及改进措施", "全年实际值", "全年完成值",
                         "一级指标", "二级指标", "三级指标", "年度指标值", "分值", "得分", "执行率(B/A)", "全年预算数(A)", "全年执行数(B)"])
        for label in ["产出指标", "效益指标", "满意度指标", "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
                      "生态效益指标", "可持续影响指标", "服务对象满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标"] {
            words.insert(label)
        }
        return words.map { Array($0) }.sorted { $0.count > $1.count }
    }()

    /// The end of a frame word at `i` (with the points a label carries: `产出指标(70分)`), nil when none starts there.
    static func frameWord(_ chars: [Character], at i: Int) -> Int? {
        for word in frameWords where i + word.count <= chars.count && chars[i] == word[0] {
            guard chars[i..<(i + word.count)].elementsEqual(word) else { continue }
            var end = i + word.count
            // Inside a title (`…绩效目标自评表`, `…绩效目标表`) the word is no cell of its own.
            if ["表", "自评表", "申报表", "批复表", "评价表"].contains(where: { chars[end...].starts(with: $0) }) { return nil }
            if end < chars.count, chars[end] == "(" || chars[end] == "（" {
                var j = end + 1
                while j < chars.count, j - end <= 8, chars[j].isASCII && (chars[j].isNumber || chars[j] == "." || chars[j] == "-") { j += 1 }
                if j + 1 < chars.count, j > end + 1, chars[j] == "分", chars[j + 1] == ")" || chars[j + 1] == "）" { end = j + 2 }
            }
            return end
        }
        return nil
    }

    /// The end of a date at `i` (`2023年12月20日`, `2023年12月底前`, `2024年3月`), nil when none starts there.
    static func date(_ chars: [Character], at i: Int) -> Int? {
        func digits(_ from: Int, _ most: Int) -> Int {
            var j = from
            while j < chars.count, j - from < most, chars[j].isASCII && chars[j].isNumber { j += 1 }
            return j
        }
        let year = digits(i, 4)
        guard year - i == 4, year < chars.count, chars[year] == "年", i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber) else { return nil }
        var j = year + 1
        let month = digits(j, 2)
        guard month > j, month < chars.count, chars[month] == "月" else { return nil }
        j = month + 1
        let day = digits(j, 2)
        if day > j, day < chars.count, chars[day] == "日" || chars[day] == "号" { j = day + 1 }
        for tail in ["底前", "底", "前", "以前", "之前", "内", "末"] where chars[j...].starts(with: tail) {
            j += tail.count
            break
        }
        return j
    }

    static let signs: Set<Character> = ["≥", "≤", "=", "＝", ">", "<", "＞", "＜", "≧", "≦", "═", "﹦"]

    /// The end of a value at `i`: an optional comparison, a number, and a percent sign or a unit; nil when
    /// none starts there.
    static func value(_ chars: [Character], at i: Int) -> Int? {
        var j = i
        while j < chars.count, signs.contains(chars[j]) { j += 1 }
        let digitsStart = j
        while j < chars.count, chars[j].isASCII && chars[j].isNumber { j += 1 }
        guard j > digitsStart else { return nil }
        if j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCII && chars[j + 1].isNumber {
            let point = j
            j += 1
            while j < chars.count, chars[j].isASCII && chars[j].isNumber { j += 1 }
            // Two amounts glued (`194.9194.9`): the first ends where the same number is printed again.
            if j < chars.count, chars[j] == "." {
                for places in 1..<(j - point - 1) {
                    let end = point + 1 + places
                    if chars[end...].starts(with: chars[digitsStart..<end]) { return end }
                }
                // Otherwise amounts are printed with two decimals.
                if j - point - 1 > 2 { return point + 3 }
            }
        }
        if j < chars.count, chars[j] == "%" || chars[j] == "％" { return j + 1 }
        // The longest unit the catalogue knows (not any short word: `10水标尺宽度` is a number and a name).
        // A unit counts when a cell boundary follows it (`≥50厘米≥50厘米`), or when it is a known unit of two
        // characters or more; not a single character Chinese text runs on from (`109.81部分路段…`).
        for length in stride(from: min(4, chars.count - j), through: 1, by: -1) {
            let word = String(chars[j..<(j + length)])
            guard frameWord(chars, at: j) == nil, let unit = UnitCatalogue.unit(for: word) else { continue }
            let end = j + length
            let boundary = end == chars.count || !isChinese(chars[end]) || frameWord(chars, at: end) != nil
            if boundary || (unit.family != .other && length >= 2) { return end }
        }
        return j
    }

    /// True when a value without a comparison runs on into Chinese text that starts no cell
    /// (`5000吨稻谷、500吨成品粮储备到位率`): it is part of a name.
    static func continuesName(_ chars: [Character], valueStart: Int, end: Int) -> Bool {
        guard !signs.contains(chars[valueStart]), end < chars.count else { return false }
        // A bare small number (a 分值 or 得分) is a cell of its own: `…改善状况10显著提升…`.
        if chars[valueStart..<end].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
           let number = Double(String(chars[valueStart..<end])), number <= 100 || weightAndScore(String(chars[valueStart..<end])) != nil { return false }
        let next = chars[end]
        guard isChinese(next), frameWord(chars, at: end) == nil else { return false }
        // A value after a name and before the next name (`…完成率100%库存…`) ends there when it is a percentage.
        return !(chars[end - 1] == "%" || chars[end - 1] == "％")
    }

    /// Values glued into one parted by the value printed after them (`20100%` `100%` → `20` `100%` `100%`;
    /// `1020万元` `20万元` → `10` `20万元` `20万元`), and a text printed twice halved (`显著提升显著提升`, `00`).
    /// A 分值 and a 得分 glued (`1515`, `109.81`, `10099.60`, `1097.95%` before a score): a bare number printed
    /// twice, or one over 100 that parts into an integer up to 100 and a number no larger (a percentage up
    /// to 100 %); nil when the text reads as one number.
    static func weightAndScore(_ text: String) -> (String, String)? {
        let chars = Array(text)
        let percent = chars.last == "%" || chars.last == "％"
        let body = percent ? Array(chars.dropLast()) : chars
        guard body.count >= 2, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), body.first != "." else { return nil }
        if !percent, body.count % 2 == 0, !body.contains("."), body[..<(body.count / 2)] == body[(body.count / 2)...] {
            return (String(body[..<(body.count / 2)]), String(body[(body.count / 2)...]))
        }
        guard let whole = Double(String(body)), whole > 100 else { return nil }
        for k in 1..<body.count {
            let head = String(body[..<k]), tail = String(body[k...])
            guard !head.contains("."), !head.hasPrefix("0"), let h = Int(head), h <= 100, let t = Double(tail), tail.first != ".",
                  !tail.hasPrefix("0") || tail == "0" else { continue }
            if percent ? t <= 100 : t <= Double(h) { return (head, percent ? tail + "%" : tail) }
        }
        return nil
    }

    /// An actual, a 分值 and an equal 得分 glued (`461010` → `46` `10` `10`): a bare number ending in a small
    /// number printed twice, with something before it.
    static func valueWeightScore(_ text: String) -> (String, String, String)? {
        let chars = Array(text)
        guard chars.count >= 4, chars.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        for length in 1...3 where chars.count > 2 * length {
            let score = chars[(chars.count - length)...], weight = chars[(chars.count - 2 * length)..<(chars.count - length)]
            let head = chars[..<(chars.count - 2 * length)]
            guard score == weight, weight.first != "0", head.first != "0", let w = Int(String(weight)), w <= 100, w >= 2 else { continue }
            return (String(head), String(weight), String(score))
        }
        return nil
    }

    /// A bare number with decimals over 100 (an amount of money).
    static func isAmount(_ piece: Piece) -> Bool {
        piece.kind == .value && piece.text.contains(".") && piece.text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && (Double(piece.text) ?? 0) > 100
    }

    /// The text that ends a longer text twice over (`明显改善` in `…条件明显改善明显改善`), at least two characters.
    static func repeatedEnd(_ text: String) -> String? {
        let chars = Array(text)
        guard chars.count >= 6 else { return nil }
        for length in stride(from: (chars.count - 1) / 2, through: 2, by: -1) {
            let end = chars.count
            if chars[(end - length)...] == chars[(end - 2 * length)..<(end - length)] { return String(chars[(end - length)...]) }
        }
        return nil
    }

    static func parted(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        for (n, piece) in pieces.enumerated() {
            if piece.kind == .value, n + 1 < pieces.count, pieces[n + 1].kind == .value, case let next = pieces[n + 1].text,
               piece.text.count > next.count, piece.text.hasSuffix(next) {
                let head = String(piece.text.dropLast(next.count))
                if let n = Int(head), n <= 100, !head.hasPrefix("0") {
                    out.append(Piece(text: head, kind: .value))
                    out.append(Piece(text: next, kind: .value))
                    continue
                }
            }
            // `194.9` `194.9100%`: the amount printed again, and the rate glued after it.
            if piece.kind == .value, let previous = out.last, previous.kind == .value, piece.text.count > previous.text.count,
               piece.text.hasPrefix(previous.text), case let rest = Array(piece.text.dropFirst(previous.text.count)),
               rest.first?.isNumber == true, value(rest, at: 0) == rest.count {
                out.append(Piece(text: previous.text, kind: .value))
                out.append(Piece(text: String(rest), kind: .value))
                continue
            }
            // Not after an amount (`860.00` `842.35` are amounts, not a 分值 and a 得分).
            if piece.kind == .value, let (actual, weight, score) = valueWeightScore(piece.text) {
                out += [Piece(text: actual, kind: .value), Piece(text: weight, kind: .value), Piece(text: score, kind: .value)]
                continue
            }
            if piece.kind == .value, !(out.last.map(isAmount) ?? false) || piece.text.hasSuffix("%"), let (head, tail) = weightAndScore(piece.text) {
                out.append(Piece(text: head, kind: .value))
                out.append(Piece(text: tail, kind: .value))
                continue
            }
            // A target and an actual printed alike after a name: `…出行条件明显改善明显改善`.
            if piece.kind == .text, let half = repeatedEnd(piece.text), half.count < piece.text.count / 2 {
                out.append(Piece(text: String(piece.text.dropLast(half.count * 2)), kind: .text))
                out.append(Piece(text: half, kind: .text))
                out.append(Piece(text: half, kind: .text))
                continue
            }
            if piece.text.count >= 2, piece.text.count % 2 == 0, piece.kind == .text || piece.text.hasPrefix("0") {
                let half = piece.text.count / 2
                let first = piece.text.prefix(half), second = piece.text.suffix(half)
                if first == second {
                    out.append(Piece(text: String(first), kind: piece.kind))
                    out.append(Piece(text: String(second), kind: piece.kind))
                    continue
                }
            }
            out.append(piece)
        }
        return out
    }
}
