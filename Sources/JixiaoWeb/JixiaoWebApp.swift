import Foundation
import Hummingbird
import HummingbirdBcrypt
import JixiaoCore
import JixiaoProfiles
import JixiaoStore
import NIOCore

/// The web system as a library: build its router for tests, or an application to serve.
public struct JixiaoWebApp: Sendable {
    public let store: any JixiaoStore
    public let configuration: WebConfiguration
    let profile: ScoringProfile
    let throttle: LoginThrottle
    let hasher: PasswordHasher
    let assets: [String: (type: String, body: String)]
    /// Access scopes by person, dropped when the organisation tree changes.
    let scopes: ScopeCache
    /// Checked when an account does not exist, so a wrong username takes as long as a wrong password.
    let dummyHash: String

    public init(store: any JixiaoStore, configuration: WebConfiguration = WebConfiguration()) throws {
        self.store = store
        self.configuration = configuration
        profile = try ProfileLibrary.profile(id: configuration.profileID)
        throttle = LoginThrottle(limit: configuration.maxFailedLogins, window: configuration.throttleWindow)
        hasher = PasswordHasher(cost: configuration.bcryptCost)
        dummyHash = Bcrypt.hash(PasswordHasher.generatePassword(), cost: configuration.bcryptCost)
        var assets: [String: (String, String)] = [:]
        for (name, type) in [("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8")] {
            if let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Static"),
               let text = try? String(contentsOf: url, encoding: .utf8) {
                assets[name] = (type, text)
            }
        }
        self.assets = assets
        scopes = ScopeCache(store: store)
    }

    /// Every route of the system.
    public func buildRouter() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SessionMiddleware(store: store, scopes: scopes))
        router.add(middleware: SignInRequired(app: self))
        router.get("/static/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), let asset = assets[name] else { throw WebError.notFound }
            return Response(status: .ok, headers: [.contentType: asset.type, .cacheControl: "public, max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(string: asset.body)))
        }
        router.get("/") { _, context -> Response in
            .redirect(to: context.signedIn?.scope.home ?? "/login")
        }
        addAuthRoutes(to: router)
        addFormRoutes(to: router)
        addAPIRoutes(to: router)
        addExportRoutes(to: router)
        addOverviewRoutes(to: router)
        addUploadRoutes(to: router)
        return router
    }

    /// The application listening on `hostname:port`.
    public func application(hostname: String, port: Int, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in })
        -> some ApplicationProtocol {
        Application(router: buildRouter(), configuration: .init(address: .hostname(hostname, port: port), serverName: "jixiao"),
                    onServerRunning: onServerRunning)
    }

    // MARK: Helpers shared by the routes

    /// The form fields of a posted body; refuses other content types, oversized bodies and bad encodings.
    func readPost(_ request: Request, maxFieldLength: Int? = nil) async throws -> FormPost {
        try FormPost(body: try await readBody(request), maxFieldLength: maxFieldLength ?? configuration.maxFieldLength)
    }

    /// The text of a posted form body; refuses other content types, oversized bodies and bad encodings.
    func readBody(_ request: Request) async throws -> String {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw WebError(.unsupportedMediaType, code: "WEB_CONTENT_TYPE", "只接受网页表单提交（application/x-www-form-urlencoded），收到的是“\(type)”。")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch {
            throw WebError(.contentTooLarge, code: "WEB_BODY_TOO_LARGE", "提交的内容超过\(configuration.maxBodyBytes / 1024)KB上限，未保存。")
        }
        guard let body = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes), body.utf8.count == buffer.readableBytes else {
            throw WebError.badRequest("提交的内容不是有效的UTF-8文本，未保存。")
        }
        return body
    }

    /// Refuses a post whose CSRF token is not the session's.
    func checkCSRF(_ post: FormPost, _ signedIn: SignedIn) throws {
        guard let token = post["_csrf"], Self.constantTimeEqual(token, signedIn.session.csrfToken) else { throw WebError.csrf }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    func cookie(_ name: String, _ value: String, maxAge: Int?, sameSite: Cookie.SameSite = .lax) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: sameSite)
    }
}
