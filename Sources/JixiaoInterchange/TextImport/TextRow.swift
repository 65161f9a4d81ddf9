import Foundation

/// One table row (or one paragraph) of an extracted text file, with the lines it came from.
struct TextRow: Sendable {
    /// 1-based number of the first and last source line.
    var line: Int
    var endLine: Int
    /// Cells as written, trimmed, without HTML tags; wrapped lines of a cell joined by `\n`.
    var cells: [String]
    /// True when the row came from tab-separated cells (a table), false for a plain paragraph.
    var isTable: Bool

    /// The non-empty cells.
    var filled: [String] { cells.filter { !$0.isEmpty } }

    /// All cells joined, for messages and paragraph text.
    var text: String { filled.joined(separator: " ") }

    /// The first non-empty cell with all white space removed (`总 分` → `总分`).
    var head: String { filled.first.map(TextRow.compact) ?? "" }

    /// A cell's text with every kind of white space removed, for matching labels.
    static func compact(_ text: String) -> String {
        // Most cells have no white space at all: U+3000 and U+00A0 start with 0xE3 0x80 0x80 / 0xC2 0xA0.
        if !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0xE3 || $0 == 0xC2 || $0 == 0xE2 }) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            if b == 0xE3, i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0x80 { i += 3; continue }  // U+3000
            if b == 0xC2, i + 1 < utf8.count, utf8[i + 1] == 0xA0 { i += 2; continue }  // U+00A0
            if b == 0xE2, i + 2 < utf8.count, utf8[i + 1] == 0x80, (0x80...0x8B).contains(utf8[i + 2]) { i += 3; continue }  // U+2000…200B
            bytes.append(b)
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when some cell, compacted, equals one of `labels`.
    func hasCell(_ labels: Set<String>) -> Bool {
        cells.contains { !$0.isEmpty && labels.contains(TextRow.compact($0)) }
    }

    /// Index of the first cell whose compacted text satisfies `predicate`.
    func index(where predicate: (String) -> Bool) -> Int? {
        cells.indices.first { !cells[$0].isEmpty && predicate(TextRow.compact(cells[$0])) }
    }
}
