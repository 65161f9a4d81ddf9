/// A plain-text table for terminals that lines up Chinese text (full-width characters count two columns).
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Widest a column may get before its cells are cut with `…`; nil for no limit.
    public var maxWidths: [Int?]

    public init(headers: [String], rows: [[String]] = [], maxWidths: [Int?]? = nil) {
        self.headers = headers
        self.rows = rows
        self.maxWidths = maxWidths ?? Array(repeating: nil, count: headers.count)
    }

    /// Display width: East Asian wide and full-width characters take two columns.
    public static func width(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 { continue }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            total += wide ? 2 : 1
        }
        return total
    }

    /// Cuts text to a display width, ending with `…` when cut.
    public static func clip(_ text: String, to limit: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        guard width(flat) > limit else { return flat }
        var out = ""
        var used = 0
        for character in flat {
            let w = width(String(character))
            if used + w > limit - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    public func render() -> String {
        let clipped = ([headers] + rows).map { row in
            row.enumerated().map { index, cell in
                if index < maxWidths.count, let limit = maxWidths[index] { return Self.clip(cell, to: limit) }
                return Self.clip(cell, to: Int.max)
            }
        }
        var widths = Array(repeating: 0, count: headers.count)
        for row in clipped { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Self.width(cell)) } }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = i == row.count - 1 ? 0 : widths[i] - Self.width(cell)
                parts.append(cell + String(repeating: " ", count: max(0, pad)))
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [line(clipped[0])]
        lines.append(widths.enumerated().map { i, w in String(repeating: "-", count: i == widths.count - 1 ? min(w, 40) : w) }.joined(separator: "  "))
        for row in clipped.dropFirst() { lines.append(line(row)) }
        return lines.joined(separator: "\n")
    }
}
