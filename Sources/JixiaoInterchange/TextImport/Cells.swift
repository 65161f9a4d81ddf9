import Foundation
import JixiaoCore

/// Small readers of single cells.
enum Cells {
    /// A plain printed number (`0.55`, `10.00`, `98.1%`, `9,028,372.00`); nil for anything else.
    static func number(_ text: String) -> PrintedNumber? {
        // The first scalar is a digit (of any script, `５`), a sign or a point; ASCII is decided on its byte.
        guard let lead = text.utf8.first else { return nil }
        if lead < 0x80 {
            guard (0x30...0x39).contains(lead) || lead == UInt8(ascii: "-") || lead == UInt8(ascii: "+") || lead == UInt8(ascii: ".") else { return nil }
        } else {
            guard let first = text.unicodeScalars.first, first.properties.numericType != nil else { return nil }
        }
        // Fast exact reading of `-9,028,372.00%`; anything unusual goes to the general reader.
        var mantissa: UInt64 = 0, digits = 0, places = 0
        var negative = false, point = false, percent = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !percent, digits < 18 else { return PrintedNumber(text: text) }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if point { places += 1 }
            case UInt8(ascii: "."): if point || percent { return nil }; point = true
            case UInt8(ascii: ","): if point || percent { return nil }
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if index != 0 { return nil }; negative = byte == UInt8(ascii: "-")
            case UInt8(ascii: "%"): if percent { return nil }; percent = true
            case 0x20, 0x09, 0x0A, 0x0D, 0x80...0xE3, 0xEA...0xFF:
                // Spaces, full-width `，％` and other signs the general reader knows.
                return PrintedNumber(text: text)
            default:
                return nil  // a letter or a Chinese character: not a plain number
            }
        }
        guard digits > 0 else { return nil }
        return PrintedNumber(mantissa: mantissa, places: places, negative: negative, isPercent: percent)
    }

    /// A plain number that is not a percent: the shape of 分值 and 得分.
    static func score(_ text: String) -> PrintedNumber? {
        guard let n = number(text), !n.isPercent else { return nil }
        return n
    }

    /// `绩效目标3`, `目标12` → 3, 12.
    static func goalNumber(_ compact: String) -> Int? {
        for prefix in ["绩效目标", "目标"] where compact.hasBytePrefix(prefix) {
            let rest = compact.dropFirst(prefix.count)
            if !rest.isEmpty, rest.count <= 3, let n = Int(rest) { return n }
        }
        return nil
    }

    /// `(2024年度)`, `（2021年度）`, `2024年度` anywhere in a title → 2024.
    static func fiscalYear(_ text: String) -> Int? {
        guard let range = text.byteRange(of: "年度") else { return nil }
        let digits = text[..<range.lowerBound].suffix(4)
        guard digits.count == 4, let year = Int(digits), (1990...2100).contains(year) else { return nil }
        return year
    }

    /// Removes line breaks that only wrapped a cell (`社会效益\n指标` → `社会效益指标`).
    static func unwrapped(_ text: String) -> String {
        text.utf8.contains(0x0A) ? text.split(separator: "\n").map { $0.trimmingSpaces() }.joined() : text
    }
}
