import Foundation

/// A document that cannot be used: a stable code, a Chinese message naming the file and position,
/// and details for logs.
public struct InterchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var file: String
    /// `第3行第5列`, `forms[0].indicators[2].weight` — where the problem is.
    public var position: String?
    public var message: String
    public var details: String

    public init(code: String, file: String, position: String? = nil, message: String, details: String = "") {
        self.code = code
        self.file = file
        self.position = position
        self.message = message
        self.details = details
    }

    /// `文件 a.json 第3行第5列：JSON 语法错误`.
    public var description: String {
        var text = "文件 \(file)"
        if let position { text += " \(position)" }
        return text + "：" + message
    }
}
