import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body (a browser's file upload), read strictly: the whole body must be
/// there up to its closing boundary, text fields are UTF-8 within the field limit, and at most one
/// file per field name.
struct MultipartForm: Sendable {
    /// An uploaded file.
    struct File: Sendable {
        /// The name the file had on the sender's machine (without folders).
        var name: String
        var contentType: String?
        var data: Data
    }

    /// The text fields, read like an urlencoded post.
    var fields: FormPost
    var files: [String: File]

    static let maxParts = 32

    /// Reads `body` sent with `contentType`; refuses another content type, a missing boundary and a truncated body.
    init(body: ByteBuffer, contentType: String, maxFieldLength: Int) throws {
        guard let boundary = Self.boundary(contentType) else {
            throw WebError(.unsupportedMediaType, code: "WEB_CONTENT_TYPE",
                           "上传文件应以 multipart/form-data 提交（带 boundary 参数），收到的是“\(contentType)”。")
        }
        // The closing delimiter proves the body arrived whole; a cut-off upload lacks it.
        let closing = Data("--\(boundary)--".utf8)
        let bytes = Data(buffer: body)
        guard bytes.range(of: closing, options: .backwards) != nil else {
            throw WebError(.badRequest, code: "WEB_UPLOAD_TRUNCATED",
                           "上传的内容不完整（收到\(bytes.count)字节，缺少结尾分隔线），可能是网络中断。没有保存任何内容，请重新上传。")
        }
        var parts: [(headers: [String: String], body: ByteBuffer)] = []
        var headers: [String: String] = [:]
        var current = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in current.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, current))
            headers = [:]
            current = ByteBuffer()
        }
        do { try parser.execute(body) } catch {
            throw WebError(.badRequest, code: "WEB_UPLOAD_MALFORMED", "上传的内容格式有误（multipart 分段无法解析），没有保存任何内容。")
        }
        guard parts.count <= Self.maxParts else {
            throw WebError(.badRequest, code: "WEB_UPLOAD_MALFORMED", "上传的内容分段过多（\(parts.count)段，上限\(Self.maxParts)段）。")
        }
        var values: [String: String] = [:]
        var files: [String: File] = [:]
        for (index, part) in parts.enumerated() {
            guard let disposition = part.headers["content-disposition"], let name = Self.parameter("name", in: disposition) else {
                throw WebError(.badRequest, code: "WEB_UPLOAD_MALFORMED", "上传内容的第\(index + 1)段缺少 Content-Disposition 字段名。")
            }
            if let fileName = Self.parameter("filename", in: disposition) {
                guard files[name] == nil else {
                    throw WebError(.badRequest, code: "WEB_UPLOAD_MALFORMED", "一次只能上传一个文件（字段“\(name)”出现了多次）。")
                }
                files[name] = File(name: Self.baseName(fileName), contentType: part.headers["content-type"], data: Data(buffer: part.body))
            } else {
                guard let text = part.body.getString(at: part.body.readerIndex, length: part.body.readableBytes),
                      text.utf8.count == part.body.readableBytes else {
                    throw WebError.badRequest("字段“\(FieldPath(editorKey: name).chineseName)”不是有效的UTF-8文本，没有保存任何内容。")
                }
                if text.count > maxFieldLength {
                    throw WebError(.contentTooLarge, code: "WEB_FIELD_TOO_LONG",
                                   "字段“\(FieldPath(editorKey: name).chineseName)”有\(text.count)个字，超过上限\(maxFieldLength)个字。")
                }
                values[name] = text
            }
        }
        self.fields = FormPost(values: values)
        self.files = files
    }

    /// The `boundary` parameter of a `multipart/form-data` content type.
    static func boundary(_ contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// A parameter of a header value (`name="file"`, or RFC 5987 `filename*=UTF-8''%E5%86%B3…`).
    static func parameter(_ key: String, in header: String) -> String? {
        var plain: String?
        for piece in Self.pieces(header).dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            let name = pair[0].lowercased()
            if name == key + "*", let quote = pair[1].range(of: "''") {
                if let decoded = pair[1][quote.upperBound...].removingPercentEncoding { return decoded }
            } else if name == key {
                var value = pair[1]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                }
                plain = value
            }
        }
        return plain
    }

    /// A header value split at the semicolons that are not inside quotes.
    static func pieces(_ header: String) -> [Substring] {
        var result: [Substring] = []
        var start = header.startIndex
        var quoted = false
        var escaped = false
        for index in header.indices {
            let character = header[index]
            if escaped { escaped = false; continue }
            if character == "\\" && quoted { escaped = true } else if character == "\"" { quoted.toggle() } else if character == ";" && !quoted {
                result.append(header[start..<index])
                start = header.index(after: index)
            }
        }
        result.append(header[start...])
        return result
    }

    /// The last path component, whichever separator the sender's system uses.
    static func baseName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return last.isEmpty ? "上传的文件" : last
    }
}
