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
        switch PrintedNumber.scan(text) {
        case .number(let number): return number
        case .notNumber: return nil
        case .unusual: return PrintedNumber(text: text)
        }
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
