import Foundation

/// Reads any document jixiao understands: interchange JSON, or text extracted from a published
/// PDF or Word file. The format is told by the content, not the file name.
public enum DocumentReader {
    public static func read(path: String) throws -> InterchangeDocument {
        try read(InterchangeCodec.fileData(path: path), file: path)
    }

    public static func read(_ data: Data, file: String) throws -> InterchangeDocument {
        if isJSON(data) { return try InterchangeCodec.decode(data, file: file) }
        return try TextImporter.read(data, file: file)
    }

    /// True when the first character that is not white space (after a BOM) opens a JSON value.
    static func isJSON(_ data: Data) -> Bool {
        var bytes = data.prefix(4096)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return true }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}
