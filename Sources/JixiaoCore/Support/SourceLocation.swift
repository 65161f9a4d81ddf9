/// Where a value came from: a file and a line (text layouts) or a cell (spreadsheets).
public struct SourceLocation: Sendable, Hashable, Codable {
    /// File name or path as given by the reader; nil for values made in the program.
    public var file: String?
    /// 1-based line number in a text file.
    public var line: Int?
    /// Spreadsheet cell reference such as `Sheet1!C12`.
    public var cell: String?

    public init(file: String? = nil, line: Int? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.cell = cell
    }

    /// Human-readable position: `file.txt 第12行`, `Sheet1!C12`.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append("第\(line)行") }
        if let cell { parts.append(cell) }
        return parts.joined(separator: " ")
    }
}
