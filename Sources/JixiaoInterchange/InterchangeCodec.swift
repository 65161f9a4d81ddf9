import Foundation
import JixiaoCore

/// Reads and writes interchange JSON.
public enum InterchangeCodec {
    /// A JSON encoder with the format's conventions: snake_case keys, sorted, pretty.
    public static func makeEncoder(pretty: Bool = true) -> JSONEncoder { FormJSON.encoder(pretty: pretty) }

    public static func makeDecoder() -> JSONDecoder { FormJSON.decoder() }

    /// Writes a document as UTF-8 JSON.
    public static func encode(_ document: InterchangeDocument) throws -> Data {
        try makeEncoder().encode(document)
    }

    /// Reads a file; every failure is an `InterchangeError` in Chinese with the file and position.
    public static func read(path: String) throws -> InterchangeDocument {
        try decode(fileData(path: path), file: path)
    }

    /// The bytes of a file, or an `InterchangeError` saying why there are none.
    public static func fileData(path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InterchangeError(code: "FILE_NOT_FOUND", file: path, message: "文件不存在")
        }
        guard !isDirectory.boolValue else {
            throw InterchangeError(code: "FILE_IS_DIRECTORY", file: path, message: "这是一个文件夹，不是文件")
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InterchangeError(code: "FILE_UNREADABLE", file: path, message: "无法读取文件", details: "\(error)")
        }
    }

    /// Decodes interchange JSON; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws -> InterchangeDocument {
        if data.isEmpty {
            throw InterchangeError(code: "JSON_EMPTY", file: file, message: "文件是空的，不是 jixiao 交换格式（JSON）")
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw InterchangeError(code: "JSON_NOT_UTF8", file: file, message: "文件不是 UTF-8 编码的文本，不是 jixiao 交换格式（JSON）")
        }
        if let (line, column, expected) = JSONSyntaxLocator.firstError(in: Array(data)) {
            throw InterchangeError(code: "JSON_SYNTAX", file: file, position: "第\(line)行第\(column)列",
                                   message: "JSON 语法错误：此处应为\(expected)")
        }
        struct Header: Decodable { var format: String?; var version: Int? }
        let header: Header
        do { header = try makeDecoder().decode(Header.self, from: data) } catch { throw describe(error, file: file) }
        guard header.format == InterchangeDocument.formatName else {
            throw InterchangeError(code: "JSON_NOT_INTERCHANGE", file: file, position: "字段 format",
                                   message: "不是 jixiao 交换格式：format 应为“\(InterchangeDocument.formatName)”，实际为“\(header.format ?? "（缺失）")”")
        }
        guard header.version == InterchangeDocument.currentVersion else {
            throw InterchangeError(code: "JSON_VERSION", file: file, position: "字段 version",
                                   message: "不支持的格式版本 \(header.version.map(String.init) ?? "（缺失）")，本程序读取版本 \(InterchangeDocument.currentVersion)")
        }
        do {
            var document = try makeDecoder().decode(InterchangeDocument.self, from: data)
            document.normalise()
            return document
        } catch {
            throw describe(error, file: file)
        }
    }

    /// Turns a decoding error into a positioned Chinese message.
    static func describe(_ error: any Error, file: String) -> InterchangeError {
        guard let decoding = error as? DecodingError else {
            return InterchangeError(code: "JSON_INVALID", file: file, message: "无法解析", details: "\(error)")
        }
        switch decoding {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let details = "\(context.debugDescription) \(context.underlyingError.map { "\($0)" } ?? "")"
            return InterchangeError(code: "JSON_SYNTAX", file: file, message: "JSON 语法错误，文件不是有效的 JSON", details: details)
        case .dataCorrupted(let context):
            return InterchangeError(code: "JSON_VALUE", file: file, position: "字段 \(path(context.codingPath))",
                                    message: "取值无效：\(context.debugDescription)", details: "\(decoding)")
        case .keyNotFound(let key, let context):
            return InterchangeError(code: "JSON_MISSING_FIELD", file: file, position: "字段 \(path(context.codingPath + [key]))",
                                    message: "缺少必填字段“\(key.stringValue)”", details: "\(decoding)")
        case .typeMismatch(let type, let context):
            return InterchangeError(code: "JSON_TYPE", file: file, position: "字段 \(path(context.codingPath))",
                                    message: "类型不对：应为\(typeName(type))", details: "\(decoding)")
        case .valueNotFound(let type, let context):
            return InterchangeError(code: "JSON_NULL", file: file, position: "字段 \(path(context.codingPath))",
                                    message: "不能为空：应为\(typeName(type))", details: "\(decoding)")
        @unknown default:
            return InterchangeError(code: "JSON_INVALID", file: file, message: "无法解析", details: "\(decoding)")
        }
    }

    /// `forms[0].indicators[2].weight`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + snake(key.stringValue) }
        }
        return text.isEmpty ? "（根）" : text
    }

    static func snake(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "文本（带引号的字符串）"
        case is Int.Type: return "整数"
        case is Bool.Type: return "true 或 false"
        case is Decimal.Type: return "数字（用字符串书写，如 \"9.80\"）"
        case is [Any].Type: return "数组"
        case is [String: Any].Type: return "对象"
        default: return "\(type)"
        }
    }
}
