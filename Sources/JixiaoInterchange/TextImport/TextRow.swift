import Foundation
import JixiaoCore

/// One table row (or one paragraph) of an extracted text file, with the lines it came from.
///
/// The readers ask the same questions of a row many times (its first label, its text without
/// white space), so the answers are worked out once, when the row is made.
struct TextRow: Sendable {
    /// 1-based number of the first and last source line.
    let line: Int
    let endLine: Int
    /// Cells as written, trimmed, without HTML tags; wrapped lines of a cell joined by `\n`.
    let cells: [String]
    /// True when the row came from tab-separated cells (a table), false for a plain paragraph.
    let isTable: Bool
    /// Each cell with all white space removed, for matching labels (same count as `cells`).
    let compactCells: [String]
    /// The non-empty cells.
    let filled: [String]
    /// The non-empty cells without white space (same count as `filled`).
    let compactFilled: [String]
    /// All cells joined by a space, for messages and paragraph text.
    let text: String
    /// The first non-empty cell with all white space removed (`总 分` → `总分`).
    let head: String
    /// The whole row without white space (the cells joined).
    let compactText: String
    /// True for text every page repeats and that carries no data (see `Furniture`).
    private(set) var isFurniture = false

    init(line: Int, endLine: Int, cells: [String], isTable: Bool) {
        self.line = line
        self.endLine = endLine
        self.cells = cells
        self.isTable = isTable
        let compactCells = cells.map(TextRow.compact)
        self.compactCells = compactCells
        filled = cells.filter { !$0.isEmpty }
        compactFilled = cells.indices.compactMap { cells[$0].isEmpty ? nil : compactCells[$0] }
        text = filled.count == 1 ? filled[0] : filled.joined(separator: " ")
        head = compactCells.first { !$0.isEmpty } ?? ""
        compactText = compactCells.count == 1 ? compactCells[0] : compactCells.joined()
        isFurniture = Furniture.isFurniture(self)
    }

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
    func hasCell(_ labels: Set<ExactText>) -> Bool {
        compactCells.contains { !$0.isEmpty && labels.contains($0) }
    }

    /// Index of the first cell whose compacted text satisfies `predicate`.
    func index(where predicate: (String) -> Bool) -> Int? {
        cells.indices.first { !cells[$0].isEmpty && predicate(compactCells[$0]) }
    }
}
