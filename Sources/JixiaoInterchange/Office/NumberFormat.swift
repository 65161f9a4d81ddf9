import Foundation

/// An Excel number format (`0.00%`, `#,##0.00`, `yyyy"年"m"月"d"日"`) applied to a stored number, giving the
/// text a person sees in the cell. The stored number is read as a decimal, so no binary rounding shows.
struct NumberFormat: Sendable, Hashable {
    let code: String

    /// The formats Excel numbers 0–58 without writing them into the file (as a Chinese Excel shows them).
    static func builtIn(_ id: Int) -> String {
        switch id {
        case 1: return "0"
        case 2: return "0.00"
        case 3: return "#,##0"
        case 4: return "#,##0.00"
        case 5, 6: return "\"¥\"#,##0;\"¥\"-#,##0"
        case 7, 8: return "\"¥\"#,##0.00;\"¥\"-#,##0.00"
        case 9: return "0%"
        case 10: return "0.00%"
        case 11: return "0.00E+00"
        case 14: return "yyyy/m/d"
        case 15: return "d-mmm-yy"
        case 16: return "d-mmm"
        case 17: return "mmm-yy"
        case 18: return "h:mm AM/PM"
        case 19: return "h:mm:ss AM/PM"
        case 20: return "h:mm"
        case 21: return "h:mm:ss"
        case 22: return "yyyy/m/d h:mm"
        case 27, 50, 52, 57: return "yyyy\"年\"m\"月\""
        case 28, 29, 51, 53, 54, 58: return "m\"月\"d\"日\""
        case 30: return "m-d-yy"
        case 31: return "yyyy\"年\"m\"月\"d\"日\""
        case 32, 55: return "h\"时\"mm\"分\""
        case 33, 56: return "h\"时\"mm\"分\"ss\"秒\""
        case 37, 38: return "#,##0;-#,##0"
        case 39, 40: return "#,##0.00;-#,##0.00"
        case 41, 42: return "#,##0"
        case 43, 44: return "#,##0.00"
        case 45: return "mm:ss"
        case 46: return "[h]:mm:ss"
        case 47: return "mm:ss.0"
        case 48: return "##0.0E+0"
        case 49: return "@"
        default: return "General"
        }
    }

    /// The text of the stored number `raw` (as written in the file: `0.98950000000000005`, `1.5E-3`).
    func text(_ raw: String, date1904: Bool = false) -> String {
        guard let value = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")) else { return raw }
        let sections = Self.sections(code)
        var section = sections[0]
        var negativeSection = false
        if value < 0, sections.count > 1 {
            section = sections[1]
            negativeSection = true
        } else if value == 0, sections.count > 2 {
            section = sections[2]
        }
        let tokens = Self.tokens(section)
        let plain = tokens.filter { if case .literal = $0 { return false } else { return true } }
        if plain.isEmpty || plain == [.general] || plain == [.text] {
            let literals = tokens.compactMap { if case .literal(let text) = $0 { return text } else { return nil } }.joined()
            return Self.general(value) + literals
        }
        if plain.contains(where: \.isDate) { return dateText(value, tokens: tokens, date1904: date1904) }
        return numberText(negativeSection ? -value : value, tokens: tokens)
    }

    // MARK: Numbers

    private func numberText(_ value: Decimal, tokens: [Token]) -> String {
        var scaled = value
        let percents = tokens.filter { $0 == .percent }.count
        for _ in 0..<percents { scaled *= 100 }
        if tokens.contains(.exponent) { return Self.general(value) }
        // Digits after the point, and whether thousands are grouped.
        var places = 0
        var afterPoint = false
        var grouped = false
        var sawDigit = false
        var trailingCommas = 0
        for token in tokens {
            switch token {
            case .point: afterPoint = true
            case .digit: if afterPoint { places += 1 }; sawDigit = true; trailingCommas = 0
            case .comma: if sawDigit && !afterPoint { grouped = true; trailingCommas += 1 }
            default: break
            }
        }
        // A comma after the last digit placeholder scales by a thousand (`#,##0,` shows thousands).
        if trailingCommas > 0, let lastDigit = tokens.lastIndex(of: .digit), let lastComma = tokens.lastIndex(of: .comma), lastComma > lastDigit {
            for _ in 0..<trailingCommas { scaled /= 1000 }
        }
        var rounded = Decimal()
        var source = scaled
        NSDecimalRound(&rounded, &source, places, .plain)
        let number = Self.fixed(rounded, places: places, grouped: grouped)
        // Literal text before the first and after the last placeholder (`¥`, `元`, `%`) keeps its place.
        var prefix = ""
        var suffix = ""
        var seenNumber = false
        for token in tokens {
            switch token {
            case .literal(let text): if seenNumber { suffix += text } else { prefix += text }
            case .percent: suffix += "%"; seenNumber = true
            case .digit, .point, .comma: seenNumber = true
            default: break
            }
        }
        return prefix + number + suffix
    }

    /// `1234.5` with 2 places and grouping → `1,234.50`.
    static func fixed(_ value: Decimal, places: Int, grouped: Bool) -> String {
        var text = "\(value)"
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        var whole = text
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            whole = String(text[..<dot])
            fraction = String(text[text.index(after: dot)...])
        }
        if fraction.count < places { fraction += String(repeating: "0", count: places - fraction.count) }
        if grouped, whole.count > 3 {
            var groups: [Substring] = []
            var end = whole.endIndex
            while end > whole.startIndex {
                let start = whole.index(end, offsetBy: -3, limitedBy: whole.startIndex) ?? whole.startIndex
                groups.insert(whole[start..<end], at: 0)
                end = start
            }
            whole = groups.joined(separator: ",")
        }
        let body = places > 0 ? whole + "." + fraction.prefix(places) : whole
        return negative && body.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" + body : body
    }

    /// Excel's General: up to 15 significant digits, no trailing zeros (`0.98950000000000005` → `0.9895`).
    static func general(_ value: Decimal) -> String {
        let double = NSDecimalNumber(decimal: value).doubleValue
        if double != 0, abs(double) < 1e-9 || abs(double) >= 1e15 { return String(format: "%.10G", double) }
        var source = value
        var rounded = Decimal()
        // Fifteen significant digits: the places left after the digits before the point.
        let magnitude = double == 0 ? 0 : Int(floor(log10(abs(double)))) + 1
        NSDecimalRound(&rounded, &source, max(0, 15 - max(magnitude, 0)), .plain)
        return "\(rounded)"
    }

    // MARK: Dates

    private func dateText(_ value: Decimal, tokens: [Token], date1904: Bool) -> String {
        let serial = NSDecimalNumber(decimal: value).doubleValue
        var days = Int(floor(serial))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        // The 1900 system counts a 29 February 1900 that never was: serials from 61 on are a day ahead.
        if !date1904 { days -= days >= 61 ? 1 : 0 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let base = date1904 ? DateComponents(year: 1904, month: 1, day: 1) : DateComponents(year: 1899, month: 12, day: 31)
        guard let start = calendar.date(from: base),
              let date = calendar.date(byAdding: .second, value: days * 86_400 + seconds, to: start) else { return Self.general(value) }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        var out = ""
        for (index, token) in tokens.enumerated() {
            switch token {
            case .literal(let text): out += text
            case .year(let n): out += n <= 2 ? String(format: "%02d", (parts.year ?? 0) % 100) : String(parts.year ?? 0)
            case .month(let n):
                // `m` next to an hour or before seconds is minutes.
                let previous = tokens[..<index].last { $0.isDate }
                let following = tokens[(index + 1)...].first { $0.isDate }
                if previous == .hour(1) || previous == .hour(2) || following == .second(1) || following == .second(2) {
                    out += n >= 2 ? String(format: "%02d", parts.minute ?? 0) : String(parts.minute ?? 0)
                } else {
                    out += n >= 2 ? String(format: "%02d", parts.month ?? 0) : String(parts.month ?? 0)
                }
            case .day(let n): out += n >= 2 ? String(format: "%02d", parts.day ?? 0) : String(parts.day ?? 0)
            case .hour(let n): out += n >= 2 ? String(format: "%02d", parts.hour ?? 0) : String(parts.hour ?? 0)
            case .second(let n): out += n >= 2 ? String(format: "%02d", parts.second ?? 0) : String(parts.second ?? 0)
            case .point: out += "."
            case .comma: out += ","
            case .percent: out += "%"
            case .digit: out += "0"
            default: break
            }
        }
        return out
    }

    // MARK: Parsing the code

    enum Token: Hashable {
        case literal(String), digit, point, comma, percent, exponent, general, text
        case year(Int), month(Int), day(Int), hour(Int), second(Int)

        var isDate: Bool {
            switch self {
            case .year, .month, .day, .hour, .second: return true
            default: return false
            }
        }
    }

    /// The sections of a code split at `;` outside quotes.
    static func sections(_ code: String) -> [String] {
        var sections: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for ch in code {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { current.append(ch); escaped = true; continue }
            if ch == "\"" { quoted.toggle() }
            if ch == ";" && !quoted { sections.append(current); current = ""; continue }
            current.append(ch)
        }
        sections.append(current)
        return sections
    }

    static func tokens(_ section: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(section)
        var i = 0
        func run(_ c: Character) -> Int {
            var n = 0
            while i + n < chars.count, chars[i + n].lowercased() == String(c) { n += 1 }
            return n
        }
        while i < chars.count {
            let ch = chars[i]
            switch ch {
            case "\"":
                var text = ""
                i += 1
                while i < chars.count, chars[i] != "\"" { text.append(chars[i]); i += 1 }
                tokens.append(.literal(text))
                i += 1
            case "\\":
                if i + 1 < chars.count { tokens.append(.literal(String(chars[i + 1]))) }
                i += 2
            case "[":
                // `[Red]`, `[$-804]`, `[DBNum1]`: colours and locales; `[h]` elapsed hours.
                var inside = ""
                i += 1
                while i < chars.count, chars[i] != "]" { inside.append(chars[i]); i += 1 }
                i += 1
                if inside.lowercased().allSatisfy({ $0 == "h" }) { tokens.append(.hour(inside.count)) }
                if inside.hasPrefix("$"), let dash = inside.firstIndex(of: "-"), inside.index(after: inside.startIndex) < dash {
                    tokens.append(.literal(String(inside[inside.index(after: inside.startIndex)..<dash])))
                }
            case "_":
                tokens.append(.literal(" "))
                i += 2
            case "*":
                i += 2
            case "0", "#", "?":
                tokens.append(.digit)
                i += 1
            case ".":
                tokens.append(.point)
                i += 1
            case ",":
                tokens.append(.comma)
                i += 1
            case "%":
                tokens.append(.percent)
                i += 1
            case "E" where i + 1 < chars.count && (chars[i + 1] == "+" || chars[i + 1] == "-"),
                 "e" where i + 1 < chars.count && (chars[i + 1] == "+" || chars[i + 1] == "-"):
                tokens.append(.exponent)
                i += 2
            case "@":
                tokens.append(.text)
                i += 1
            case "y", "Y": let n = run("y"); tokens.append(.year(n)); i += n
            case "m", "M": let n = run("m"); tokens.append(.month(n)); i += n
            case "d", "D": let n = run("d"); tokens.append(.day(n)); i += n
            case "h", "H": let n = run("h"); tokens.append(.hour(n)); i += n
            case "s", "S": let n = run("s"); tokens.append(.second(n)); i += n
            case "G" where String(chars[i...]).lowercased().hasPrefix("general"),
                 "g" where String(chars[i...]).lowercased().hasPrefix("general"):
                tokens.append(.general)
                i += 7
            default:
                tokens.append(.literal(String(ch)))
                i += 1
            }
        }
        return tokens
    }
}
