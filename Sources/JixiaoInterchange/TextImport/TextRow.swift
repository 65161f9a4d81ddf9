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
    /// True when each cell stands at its column's position (tab-separated, pipe rows, rows rebuilt from a
    /// stream of cells); false when empty cells were dropped (space-separated text).
    var isAligned: Bool { storage.isAligned }
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
    /// Where the row's first cell is in an office file, web page or PDF; nil for text files (the line says it).
    var place: SourcePlace? { storage.place }

    init(line: Int, endLine: Int, cells: [String], isTable: Bool, isAligned: Bool? = nil, place: SourcePlace? = nil) {
        storage = Storage(line: line, endLine: endLine, cells: cells, isTable: isTable, isAligned: isAligned ?? isTable, place: place)
    }

    private final class Storage: Sendable {
        let line: Int
        let endLine: Int
        let cells: [String]
        let isTable: Bool
        let isAligned: Bool
        let compactCells: [String]
        let filled: [String]
        let compactFilled: [String]
        let compactText: String
        let head: String
        let isFurniture: Bool
        let place: SourcePlace?

        init(line: Int, endLine: Int, cells: [String], isTable: Bool, isAligned: Bool, place: SourcePlace?) {
            self.place = place
            self.line = line
            self.endLine = endLine
            self.cells = cells
            self.isTable = isTable
            self.isAligned = isAligned
            var compactCells: [String] = []
            var filled: [String] = []
            var compactFilled: [String] = []
            compactCells.reserveCapacity(cells.count)
            filled.reserveCapacity(cells.count)
            compactFilled.reserveCapacity(cells.count)
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
        var copy = text
        let compacted: String? = copy.withUTF8 { bytes in
            // Most cells have no white space at all: find the first, if any, before building anything.
            var i = 0
            while i < bytes.count, compactedSpace(bytes, i) == 0 { i += 1 }
            guard i < bytes.count else { return nil }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            kept.append(contentsOf: bytes[0..<i])
            while i < bytes.count {
                let n = compactedSpace(bytes, i)
                if n > 0 { i += n; continue }
                kept.append(bytes[i])
                i += 1
            }
            return String(decoding: kept, as: UTF8.self)
        }
        return compacted ?? text
    }

    /// Bytes of the white space `compact` removes at `i`: space, tab, line ends, U+3000,
    /// U+00A0 and U+2000–200B; 0 for anything else.
    @inline(__always)
    static func compactedSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        switch b[i] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0xE3: return i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
        case 0xC2: return i + 1 < b.count && b[i + 1] == 0xA0 ? 2 : 0
        case 0xE2: return i + 2 < b.count && b[i + 1] == 0x80 && (0x80...0x8B).contains(b[i + 2]) ? 3 : 0
        default: return 0
        }
    }

    /// True when some cell, compacted, equals one of `labels`.
    func hasCell(_ labels: Set<ExactText>) -> Bool {
        compactCells.contains { !$0.isEmpty && labels.contains($0) }
    }
}
