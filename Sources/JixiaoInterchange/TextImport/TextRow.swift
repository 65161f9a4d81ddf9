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
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace { result.append(scalar) }
        return String(result)
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
