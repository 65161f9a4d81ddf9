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

    /// What each section of the code does, worked out once per format (a workbook has a few dozen).
    private let plans: [Plan]

    init(code: String) {
        self.code = code
        plans = Self.sections(code).map { Plan(Self.tokens($0)) }
    }

    static func == (a: NumberFormat, b: NumberFormat) -> Bool { a.code == b.code }
    func hash(into hasher: inout Hasher) { hasher.combine(code) }

    enum Plan: Sendable {
        case general(suffix: String)
        case date([Token])
        case number(places: Int, grouped: Bool, shift: Int, prefix: String, suffix: String)

        init(_ tokens: [Token]) {
            let plain = tokens.filter { if case .literal = $0 { return false } else { return true } }
            if plain.isEmpty || plain == [.general] || plain == [.text] || plain.contains(.exponent) {
                self = .general(suffix: tokens.compactMap { if case .literal(let text) = $0 { return text } else { return nil } }.joined())
                return
            }
            if plain.contains(where: \.isDate) { self = .date(tokens); return }
            // Digits after the point, grouping, and scaling: each % by a hundred, each comma after the last digit
            // placeholder (`#,##0,`) by a thousand.
            var places = 0, afterPoint = false, grouped = false, sawDigit = false, trailingCommas = 0
            for token in tokens {
                switch token {
                case .point: afterPoint = true
                case .digit: if afterPoint { places += 1 }; sawDigit = true; trailingCommas = 0
                case .comma: if sawDigit && !afterPoint { grouped = true; trailingCommas += 1 }
                default: break
                }
            }
            let percents = tokens.filter { $0 == .percent }.count
            var prefix = "", suffix = "", seenNumber = false
            for token in tokens {
                switch token {
                case .literal(let text): if seenNumber { suffix += text } else { prefix += text }
                case .percent: suffix += "%"; seenNumber = true
                case .digit, .point, .comma: seenNumber = true
                default: break
                }
            }
            self = .number(places: places, grouped: grouped && trailingCommas == 0 || grouped && tokens.filter { $0 == .comma }.count > trailingCommas,
                           shift: 2 * percents - 3 * trailingCommas, prefix: prefix, suffix: suffix)
        }
    }

    /// The text of the stored number `raw` (as written in the file: `0.98950000000000005`, `1.5E-3`).
    func text(_ raw: String, date1904: Bool = false) -> String {
        guard var number = DecimalDigits(raw) else { return raw }
        var plan = plans[0]
        var negativeSection = false
        if number.negative && !number.isZero, plans.count > 1 {
            plan = plans[1]
            negativeSection = true
        } else if number.isZero, plans.count > 2 {
            plan = plans[2]
        }
        switch plan {
        case .general(let suffix):
            return number.generalText + suffix
        case .date(let tokens):
            guard let serial = Double(raw) else { return raw }
            return dateText(serial, tokens: tokens, date1904: date1904)
        case .number(let places, let grouped, let shift, let prefix, let suffix):
            if negativeSection { number.negative = false }
            number.point += shift
            number.round(places)
            return prefix + number.text(places: places, grouped: grouped) + suffix
        }
    }

    // MARK: Dates

    private func dateText(_ serial: Double, tokens: [Token], date1904: Bool) -> String {
        var days = Int(floor(serial))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        // The 1900 system counts a 29 February 1900 that never was: serials from 61 on are a day ahead.
        if !date1904 { days -= days >= 61 ? 1 : 0 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let base = date1904 ? DateComponents(year: 1904, month: 1, day: 1) : DateComponents(year: 1899, month: 12, day: 31)
        guard let start = calendar.date(from: base),
              let date = calendar.date(byAdding: .second, value: days * 86_400 + seconds, to: start) else { return String(serial) }
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

/// A number as the decimal digits of its text, for formatting without binary rounding: the value is the
/// digits as an integer times 10^(point − count). Rounding is half away from zero, as Excel rounds.
struct DecimalDigits: Sendable {
    var negative = false
    /// Digit values 0–9, no leading zeros.
    var digits: [UInt8] = []
    /// How many of `digits` stand before the decimal point (may be negative or past the end).
    var point = 0

    /// `-0.98950000000000005`, `582.4`, `1.5E-3`, `9028372`; nil for anything else.
    init?(_ text: String) {
        var sawDigit = false, sawPoint = false
        var exponent = 0
        var utf8 = text.utf8[...]
        if utf8.first == UInt8(ascii: "-") { negative = true; utf8 = utf8.dropFirst() } else if utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        while let byte = utf8.first {
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                if digits.isEmpty && byte == 0x30 {
                    if sawPoint { point -= 1 }
                } else {
                    digits.append(byte - 0x30)
                    if !sawPoint { point += 1 }
                }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if byte == UInt8(ascii: "E") || byte == UInt8(ascii: "e") {
                guard sawDigit, let e = Int(String(decoding: utf8.dropFirst(), as: UTF8.self)), abs(e) < 400 else { return nil }
                exponent = e
                utf8 = utf8[utf8.endIndex...]
                break
            } else {
                return nil
            }
            utf8 = utf8.dropFirst()
        }
        guard sawDigit else { return nil }
        while digits.last == 0 { digits.removeLast() }
        point += exponent
        if digits.isEmpty { point = 0 }
    }

    var isZero: Bool { digits.isEmpty }

    /// Rounds to `places` digits after the point.
    mutating func round(_ places: Int) {
        let keep = point + places
        guard keep < digits.count else { return }
        guard keep >= 0 else { digits = []; point = 0; return }
        let up = digits[keep] >= 5
        digits.removeSubrange(keep...)
        if up {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 { digits.insert(1, at: 0); point += 1 }
        }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { point = 0 }
    }

    /// The digits with exactly `places` after the point, thousands grouped if asked; a minus only when not zero.
    func text(places: Int, grouped: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(point, 1) + places + 8)
        if negative && !isZero { bytes.append(UInt8(ascii: "-")) }
        func digit(_ i: Int) -> UInt8 { i >= 0 && i < digits.count ? digits[i] + 0x30 : 0x30 }
        if point <= 0 {
            bytes.append(0x30)
        } else {
            for i in 0..<point {
                if grouped && i > 0 && (point - i) % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(digit(i))
            }
        }
        if places > 0 {
            bytes.append(UInt8(ascii: "."))
            for i in 0..<places { bytes.append(digit(point + i)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Excel's General: fifteen significant digits, no trailing zeros; very large and very small numbers in
    /// exponent form.
    var generalText: String {
        if isZero { return "0" }
        if point > 15 || point < -9 {
            return String(format: "%.10G", Double((negative ? "-" : "") + "0." + digits.map(String.init).joined() + "E\(point)") ?? 0)
        }
        var copy = self
        copy.round(15 - point)
        let places = max(0, copy.digits.count - copy.point)
        return copy.text(places: places, grouped: false)
    }
}
