import Foundation

/// A cursor over the folded scalars of a value string.
///
/// Folding maps full-width ASCII (`＞`, `％`, `１`, `（`) to half-width, `≧`/`≦` to `≥`/`≤`,
/// and removes every kind of white space, so `= 10台` and `=10台` read alike.
struct ValueScanner {
    private(set) var scalars: [Unicode.Scalar]
    var position: Int = 0
    /// The exact form of the last number read, when it fits 18 digits.
    var lastExact: ExactDecimal?

    init(_ text: String) {
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0, 0x200B, 0xFEFF:
                continue
            case 0xFF01...0xFF5E:
                folded.append(Unicode.Scalar(v - 0xFEE0)!)
            case 0x2267, 0x2A7E:  // ≧ ⩾
                folded.append("≥")
            case 0x2266, 0x2A7D:  // ≦ ⩽
                folded.append("≤")
            case 0x2550, 0xFE66:  // ═ ﹦: look-alike equals signs of some regions' forms
                folded.append("=")
            case 0xFE65:  // ﹥
                folded.append(">")
            case 0xFE64:  // ﹤
                folded.append("<")
            default:
                folded.append(scalar)
            }
        }
        scalars = folded
    }

    var atEnd: Bool { position >= scalars.count }

    /// Skips the first matching word; true when one matched.
    mutating func skip(_ words: ScalarWords) -> Bool {
        guard let n = words.match(in: scalars, at: position) else { return false }
        position += words.words[n].count
        return true
    }

    static let comparisonForms: [([Unicode.Scalar], Comparison)] = ([
        (">=", .atLeast), ("=>", .atLeast), ("<=", .atMost), ("=<", .atMost), ("==", .equal),
        ("≥", .atLeast), ("≤", .atMost), (">", .greaterThan), ("<", .lessThan), ("=", .equal), ("≠", .garbled),
        ("大于或等于", .atLeast), ("大于或者等于", .atLeast), ("大于等于", .atLeast), ("不少于", .atLeast), ("不低于", .atLeast),
        ("不小于", .atLeast), ("至少", .atLeast), ("高于", .greaterThan), ("大于", .greaterThan),
        ("超过", .greaterThan), ("多于", .greaterThan), ("小于或等于", .atMost), ("小于或者等于", .atMost), ("小于等于", .atMost),
        ("不超过", .atMost), ("不高于", .atMost), ("不大于", .atMost), ("不多于", .atMost), ("控制在", .atMost),
        ("最多", .atMost), ("低于", .lessThan), ("小于", .lessThan), ("少于", .lessThan), ("等于", .equal),
        ("达到", .equal),
    ] as [(String, Comparison)]).map { (Array($0.0.unicodeScalars), $0.1) }

    /// A quick filter on the first scalar (most values start with a digit).
    static let comparisonFirsts = ScalarWords(comparisonForms.map { String(String.UnicodeScalarView($0.0)) })

    /// Reads a comparison symbol or word at the cursor.
    mutating func readLeadingComparison() -> Comparison? {
        // `W85%`, `W%`: a `≥` rendered in the wrong font in some published PDFs.
        if position < scalars.count, scalars[position] == "W",
           position + 1 < scalars.count, scalars[position + 1] == "%" || Self.digit(scalars[position + 1]) != nil {
            position += 1
            return .garbled
        }
        guard position < scalars.count, Self.comparisonFirsts.mayStart(scalars[position]) else { return nil }
        // In the order of `comparisonForms`, so `>=` is tried before `>`; the first-scalar test is one compare.
        let first = scalars[position]
        for (form, comparison) in Self.comparisonForms where form[0] == first && scalars.hasWord(form, at: position) {
            position += form.count
            return comparison
        }
        return nil
    }

    @inline(__always) static func digit(_ s: Unicode.Scalar) -> UInt64? {
        let v = s.value
        return v >= 0x30 && v <= 0x39 ? UInt64(v - 0x30) : nil
    }

    /// Reads `9,028,372.00`, `-3`, `98.40` exactly; nil (cursor unmoved) when no digits follow.
    mutating func readNumber() -> Decimal? {
        var i = position
        var negative = false
        if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" {
            negative = scalars[i] == "-"
            i += 1
        }
        guard i < scalars.count, Self.digit(scalars[i]) != nil else { return nil }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var overflow = false
        var seenPoint = false
        let start = i
        while i < scalars.count {
            let c = scalars[i]
            if let d = Self.digit(c) {
                if digits < 18 {
                    mantissa = mantissa * 10 + d
                    if mantissa != 0 { digits += 1 }
                } else {
                    overflow = true
                }
                if seenPoint { fraction += 1 }
                i += 1
            } else if c == ",", !seenPoint, isThousandsGroup(at: i + 1) {
                i += 1
            } else if c == ".", !seenPoint, i + 1 < scalars.count, Self.digit(scalars[i + 1]) != nil {
                seenPoint = true
                i += 1
            } else {
                break
            }
        }
        position = i
        lastExact = overflow ? nil : ExactDecimal(mantissa: negative ? -Int64(mantissa) : Int64(mantissa), exponent: -fraction)
        if overflow {
            let digits = scalars[start..<i].filter { $0 != "," }
            let value = Decimal(string: String(String.UnicodeScalarView(digits)), locale: Locale(identifier: "en_US_POSIX")) ?? 0
            return negative ? -value : value
        }
        if mantissa == 0 { return 0 }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fraction, significand: Decimal(mantissa))
    }

    /// True when exactly three digits follow at `index` and no fourth digit after them.
    private func isThousandsGroup(at index: Int) -> Bool {
        guard index + 2 < scalars.count else { return false }
        for k in 0..<3 where Self.digit(scalars[index + k]) == nil { return false }
        if index + 3 < scalars.count, Self.digit(scalars[index + 3]) != nil { return false }
        return true
    }
}
