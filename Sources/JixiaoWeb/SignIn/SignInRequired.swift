import Foundation
import Hummingbird

/// Sends a person who is not signed in (or whose session ran out) to sign in first, without losing what they
/// were doing: a page asked for is returned to after signing in, and an editor's post is carried through the
/// sign-in page and put back into the form.
struct SignInRequired: RouterMiddleware {
    typealias Context = WebContext
    let app: JixiaoWebApp

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard context.signedIn == nil, !Self.isPublic(path) else { return try await next(request, context) }
        if request.method == .get || request.method == .head {
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return .redirect(to: "/login?next=" + Self.percentEncoded(path + query))
        }
        // A post of the editor (save, or a workflow button with the editor's fields) is kept for after signing in.
        if let id = Self.editedForm(path), request.method == .post {
            let body = try await app.readBody(request)
            let kept = Data(body.utf8).base64EncodedString()
            return app.loginPage(message: "登录已过期。您刚才填写的内容已暂存，重新登录后会放回表中（尚未保存）。", username: "",
                                 status: .unauthorized, request: request, next: "/forms/\(id)", kept: kept)
        }
        return app.loginPage(message: "登录已过期，请重新登录后再试。", username: "", status: .unauthorized, request: request, next: nil, kept: nil)
    }

    /// Paths anyone may open: the sign-in page, the static files, the API (which answers with its own JSON error).
    static func isPublic(_ path: String) -> Bool {
        path == "/" || path == "/login" || path.hasPrefix("/static/") || path.hasPrefix("/api/") || path == "/api"
    }

    /// The form id of an editor post (`/forms/12`, `/forms/12/transition`).
    static func editedForm(_ path: String) -> Int64? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, parts[0] == "forms", let id = Int64(parts[1]) else { return nil }
        return parts.count == 2 || (parts.count == 3 && parts[2] == "transition") ? id : nil
    }

    /// A local path to return to after signing in; anything else (another site, `//host`) is refused.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.hasPrefix("/login"),
              !next.contains("\n"), !next.contains("\r") else { return nil }
        return next
    }

    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/forms"
    }
}
