import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, read strictly.
struct FormPost: Sendable {
    private(set) var values: [String: String] = [:]

    /// Reads a body; a malformed one (bad percent escapes, not UTF-8) is refused with its position.
    init(body: String, maxFieldLength: Int) throws {
        for (index, pair) in body.split(separator: "&", omittingEmptySubsequences: true).enumerated() {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw WebError.badRequest("提交的表单数据格式有误（第\(index + 1)个字段无法解码），未保存任何内容。")
            }
            if value.count > maxFieldLength {
                throw WebError(.contentTooLarge, code: "WEB_FIELD_TOO_LONG",
                               "字段“\(FieldPath(editorKey: key).chineseName)”有\(value.count)个字，超过上限\(maxFieldLength)个字，未保存。请精简后重新提交。")
            }
            values[key] = value
        }
    }

    init(values: [String: String]) { self.values = values }

    /// Decodes one key or value; line ends become `\n` (browsers send a textarea's lines with CRLF, which would
    /// otherwise differ from the stored text and show as a change that nobody made).
    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding?
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    subscript(_ key: String) -> String? { values[key] }

    /// The field trimmed, or nil when empty.
    func text(_ key: String) -> String? {
        guard let value = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// The row numbers present for `prefix` (`i` for keys `i.3.name`), in order.
    func rows(_ prefix: String) -> [Int] {
        let head = prefix + "."
        var numbers = Set<Int>()
        for key in values.keys where key.hasPrefix(head) {
            let rest = key.dropFirst(head.count)
            if let dot = rest.firstIndex(of: "."), let number = Int(rest[..<dot]) { numbers.insert(number) }
        }
        return numbers.sorted()
    }
}
