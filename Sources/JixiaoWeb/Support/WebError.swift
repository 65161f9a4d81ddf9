import Hummingbird

/// A refusal shown to people as a Chinese page with a stable code.
public struct WebError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Reasons by indicator row (0-based), for a refusal about several rows at once.
    public var rows: [Int: String] = [:]

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, rows: [Int: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.rows = rows
    }

    static let forbidden = WebError(.forbidden, code: "WEB_FORBIDDEN", "您没有权限查看或修改这项内容。")
    static let notFound = WebError(.notFound, code: "WEB_NOT_FOUND", "找不到该页面或表单。")
    static let csrf = WebError(.forbidden, code: "WEB_CSRF", "表单已过期或来源不明（安全校验未通过）。请返回上一页刷新后重新提交，您填写的内容仍在浏览器中。")
    static func badRequest(_ message: String) -> WebError { WebError(.badRequest, code: "WEB_BAD_REQUEST", message) }
}
