import Foundation
import JixiaoCore

/// One table row (or one paragraph) of an extracted text file, with the lines it came from.
///
/// The readers ask the same questions of a row many times (its first label, its text without
/// white space), so the answers are worked out once, when the row is made. They live in one
/// shared, immutable box: the readers pass rows around, and a copy is one reference.
struct TextRow: Sendable {
    private let storage: Storage

    /// 1-based number of the first source line.
    var line: Int { storage.line }
    /// 1-based number of the last source line.
    var endLine: Int { storage.endLine }
    /// Cells as written, trimmed, without HTML tags; wrapped lines of a cell joined by `\n`.
    var cells: [String] { storage.cells }
    /// True when the row came from tab-separated cells (a table), false for a plain paragraph.
    var isTable: Bool { storage.isTable }
    /// Each cell with all white space removed, for matching labels (same count as `cells`).
    var compactCells: [String] { storage.compactCells }
    /// The non-empty cells.
    var filled: [String] { storage.filled }
    /// The non-empty cells without white space (same count as `filled`).
    var compactFilled: [String] { storage.compactFilled }
    /// All cells joined by a space, for messages and paragraph text.
    var text: String { storage.filled.count == 1 ? storage.filled[0] : storage.filled.joined(separator: " ") }
    /// The first non-empty cell with all white space removed (`总 分` → `总分`).
    var head: String { storage.head }
    /// The whole row without white space (the cells joined).
    var compactText: String { storage.compactText }
    /// True for text every page repeats and that carries no data (see `Furniture`).
    var isFurniture: Bool { storage.isFurniture }

    init(line: Int, endLine: Int, cells: [String], isTable: Bool) {
        storage = Storage(line: line, endLine: endLine, cells: cells, isTable: isTable)
    }

    private final class Storage: Sendable {
        let line: Int
        let endLine: Int
        let cells: [String]
        let isTable: Bool
        let compactCells: [String]
        let filled: [String]
        let compactFilled: [String]
        let compactText: String
        let head: String
        let isFurniture: Bool

        init(line: Int, endLine: Int, cells: [String], isTable: Bool) {
            self.line = line
            self.endLine = endLine
            self.cells = cells
            self.isTable = isTable
            var compactCells: [String] = []
            var filled: [String] = []
            var compactFilled: [String] = []
            compactCells.reserveCapacity(cells.count)
            for cell in cells {
                let compact = cell.isEmpty ? cell : TextRow.compact(cell)
                compactCells.append(compact)
                if !cell.isEmpty {
                    filled.append(cell)
                    compactFilled.append(compact)
                }
            }
            self.compactCells = compactCells
            self.filled = filled
            self.compactFilled = compactFilled
            let compactText = compactFilled.count == 1 ? compactFilled[0] : compactFilled.joined()
            self.compactText = compactText
            head = compactFilled.first { !$0.isEmpty } ?? ""
            isFurniture = Furniture.isFurniture(cells: cells, compactText: compactText)
        }
    }

    /// A cell's text with every kind of white space removed, for matching labels.
    static func compact(_ text: String) -> String {
        // Most cells have no white space at all: U+3000 and U+00A0 start with 0xE3 0x80 0x80 / 0xC2 0xA0.
        let spaced = text.utf8.withContiguousStorageIfAvailable { $0.contains { $0 <= 0x20 || $0 == 0xE3 || $0 == 0xC2 || $0 == 0xE2 } }
            ?? text.utf8.contains { $0 <= 0x20 || $0 == 0xE3 || $0 == 0xC2 || $0 == 0xE2 }
        if !spaced { return text }
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
