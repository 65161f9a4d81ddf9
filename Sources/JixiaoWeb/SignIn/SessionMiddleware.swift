import Foundation
import Hummingbird
import JixiaoStore

/// Finds the signed-in person from the session cookie, adds security headers,
/// and turns refusals into Chinese pages.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let store: any JixiaoStore
    let scopes: ScopeCache

    static let cookieName = "jixiao_session"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        var response: Response
        let api = request.uri.path.hasPrefix("/api/")
        do {
            if let token = request.cookies[Self.cookieName]?.value, let found = try await store.signedIn(token: token),
               found.session.expiresAt > Date() {
                let scope = try await scopes.scope(for: found.user, revision: found.organisationsRevision)
                var signedIn = SignedIn(user: found.user, session: found.session, scope: scope)
                // The menu's count: pages only (not the API, not static files).
                if let waiting = scope.waiting, !api, !request.uri.path.hasPrefix("/static/") {
                    signedIn.waitingCount = try await store.forms(FormQuery(organisationIDs: waiting.organisations, limit: 1,
                                                                            statuses: waiting.statuses)).total
                }
                context.signedIn = signedIn
            }
            response = try await next(request, context)
        } catch let error as WebError {
            response = api ? APIResponse.error(error) : Self.errorPage(error, signedIn: context.signedIn)
        } catch let error as StoreError {
            context.logger.error("store: \(error)")
            let status: HTTPResponse.Status = switch error.code {
            case .notFound: .notFound
            case .conflict, .invalidState, .duplicate: .conflict
            default: .internalServerError
            }
            let web = WebError(status, code: error.code.rawValue, error.message)
            response = api ? APIResponse.error(web) : Self.errorPage(web, signedIn: context.signedIn)
        } catch let error as HTTPError where error.status == .notFound {
            // A path no route has: the system's own page (JSON under /api/), not an empty 404 the browser dresses in English.
            context.logger.debug("no route: \(error)")
            response = api ? APIResponse.error(WebError.notFound) : Self.errorPage(WebError.notFound, signedIn: context.signedIn)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            let web = WebError(.contentTooLarge, code: "WEB_BODY_TOO_LARGE", "提交的内容太大，未保存。")
            response = api ? APIResponse.error(web) : Self.errorPage(web, signedIn: context.signedIn)
        }
        if api, response.status == .notFound, response.headers[.contentType]?.hasPrefix("text/html") == true {
            response = APIResponse.error(WebError.notFound)
        }
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    static func errorPage(_ error: WebError, signedIn: SignedIn?) -> Response {
        Views.response(ErrorPage(frame: Frame(title: "出错了", signedIn: signedIn), heading: error.status == .notFound ? "找不到" : "无法完成",
                                 message: error.message, code: error.code), status: error.status)
    }
}
