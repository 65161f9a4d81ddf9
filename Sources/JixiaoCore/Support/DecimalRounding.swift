import Foundation

/// Decimal helpers: the one place where rounding and number printing happen.
extension Decimal {
    /// Rounds half-up (away from zero at .5) to `places` decimal places.
    public func rounded(places: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, places, .plain)
        return result
    }

    /// The number of digits after the decimal point as the value is stored
    /// (`9.80` parsed from text keeps 2; trailing zeros of computed values are not added).
    public var decimalPlaces: Int {
        if isNaN || isZero { return 0 }
        return Swift.max(0, -Int(exponent))
    }

    /// Plain text without exponent, trailing zeros removed: `8.75`, `100`, `0.5`.
    public var plainText: String {
        isNaN ? "NaN" : description
    }

    /// Text with exactly `places` decimals after half-up rounding: `9.80`.
    public func fixedText(places: Int) -> String {
        let value = rounded(places: places)
        var text = value.plainText
        guard places > 0 else { return text }
        if let dot = text.firstIndex(of: ".") {
            let have = text.distance(from: text.index(after: dot), to: text.endIndex)
            if have < places { text += String(repeating: "0", count: places - have) }
        } else {
            text += "." + String(repeating: "0", count: places)
        }
        return text
    }

    /// Text rounded half-up to at most `places` decimals, trailing zeros removed: `8.75`, `9.8`, `10`.
    public func shortText(places: Int = 2) -> String {
        rounded(places: places).plainText
    }

    /// Text of a fraction as a percentage with at most `places` decimals: `0.981` → `98.1%`.
    public func percentText(places: Int = 2) -> String {
        (self * 100).shortText(places: places) + "%"
    }
}
