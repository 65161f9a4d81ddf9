import Foundation
import Hummingbird
import JixiaoStore

extension JixiaoWebApp {
    static let loginCookie = "jixiao_login"

    func addAuthRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, context -> Response in
            let next = SignInRequired.safeNext(request.uri.queryParameters.get("next"))
            if let signedIn = context.signedIn { return .redirect(to: next ?? signedIn.scope.home) }
            return loginPage(message: nil, username: "", status: .ok, request: request, next: next)
        }
        router.post("/login") { request, context -> Response in
            try await login(request, context)
        }
        router.post("/logout") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            try checkCSRF(try await readPost(request), signedIn)
            try await store.removeSession(token: signedIn.session.token)
            var response = Response.redirect(to: "/login")
            response.setCookie(cookie(SessionMiddleware.cookieName, "", maxAge: 0))
            return response
        }
    }

    /// The sign-in page; `next` is the page to go to afterwards, `kept` an editor's post (base64) to put back.
    func loginPage(message: String?, username: String, status: HTTPResponse.Status, request: Request, next: String? = nil,
                   kept: String? = nil) -> Response {
        let token = request.cookies[Self.loginCookie]?.value ?? PasswordHasher.randomToken()
        var response = Views.response(LoginPage(message: message, username: username, token: token, next: next, kept: kept), status: status)
        response.setCookie(cookie(Self.loginCookie, token, maxAge: 3600, sameSite: .strict))
        return response
    }

    func login(_ request: Request, _ context: WebContext) async throws -> Response {
        // A kept editor post rides along in one field, as long as the body may be.
        let post = try await readPost(request, maxFieldLength: configuration.maxBodyBytes)
        let next = SignInRequired.safeNext(post["next"])
        let kept = post["_kept"]
        func again(_ message: String, _ status: HTTPResponse.Status) -> Response {
            loginPage(message: message, username: post.text("username") ?? "", status: status, request: request, next: next, kept: kept)
        }
        guard let expected = request.cookies[Self.loginCookie]?.value, let token = post["_csrf"], Self.constantTimeEqual(token, expected) else {
            return again("登录页面已过期，请重新输入账号和密码。", .forbidden)
        }
        let username = post.text("username") ?? ""
        let password = post["password"] ?? ""
        let session: SessionRecord, home: String
        switch try await signIn(username: username, password: password, address: context.remoteAddress) {
        case .throttled(let wait):
            let minutes = Int((wait / 60).rounded(.up))
            var response = again("登录失败次数过多，请\(minutes)分钟后再试。", .tooManyRequests)
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        case .failed:
            return again("账号或密码不正确。", .unauthorized)
        case .signedIn(let user, let started):
            session = started
            let scope = try await scopes.scope(for: user)
            home = scope.home
            if let kept, let next, let id = SignInRequired.editedForm(next),
               let restored = try await restoredEditor(formID: id, kept: kept, signedIn: SignedIn(user: user, session: started, scope: scope)) {
                var response = restored
                response.setCookie(cookie(SessionMiddleware.cookieName, session.token, maxAge: Int(configuration.sessionLifetime)))
                response.setCookie(cookie(Self.loginCookie, "", maxAge: 0, sameSite: .strict))
                return response
            }
        }
        var response = Response.redirect(to: next ?? home)
        response.setCookie(cookie(SessionMiddleware.cookieName, session.token, maxAge: Int(configuration.sessionLifetime)))
        response.setCookie(cookie(Self.loginCookie, "", maxAge: 0, sameSite: .strict))
        return response
    }

    /// The editor with a post kept through signing in put back over the stored form, not saved; nil when the
    /// post cannot be read or the form is not this person's to change (they land on the page instead).
    func restoredEditor(formID: Int64, kept: String, signedIn: SignedIn) async throws -> Response? {
        guard let data = Data(base64Encoded: kept), let body = String(data: data, encoding: .utf8),
              let post = try? FormPost(body: body, maxFieldLength: configuration.maxFieldLength), post["_editor"] == "1" || post["action"] != nil,
              let record = try await store.form(id: formID), signedIn.scope.canRead(record.organisationID), signedIn.scope.canEdit(record) else { return nil }
        var reader = FormReader(post: post, profile: profile)
        let form = reader.read(over: record.form)
        let version = post.text("_version").flatMap(Int.init) ?? record.version
        return try await editorPage(record, signedIn, shown: form, version: version,
                                    notice: "已重新登录：您登录过期前填写的内容已放回表中，尚未保存。请核对后点“保存”。", reader: reader)
    }

    /// What a sign-in attempt came to.
    enum SignInResult {
        case throttled(TimeInterval)
        case failed
        case signedIn(UserRecord, SessionRecord)
    }

    /// Checks the password (throttled per account and per address) and starts a session; shared by the page and the API.
    func signIn(username: String, password: String, address: String?) async throws -> SignInResult {
        let keys = ["user:\(username)", "address:\(address ?? "unknown")"]
        if let wait = await throttle.waitTime(for: keys) { return .throttled(wait) }
        let user = try await store.user(username: username)
        // Verify against a dummy hash when the account does not exist, so timing does not reveal it.
        let valid = (try? await hasher.verify(password, hash: user?.passwordHash ?? dummyHash)) ?? false
        guard let user, valid else {
            await throttle.recordFailure(for: keys)
            return .failed
        }
        await throttle.reset("user:\(username)")
        let now = Date()
        let session = SessionRecord(token: PasswordHasher.randomToken(), userID: user.id, csrfToken: PasswordHasher.randomToken(),
                                    createdAt: now, expiresAt: now.addingTimeInterval(configuration.sessionLifetime))
        try await store.removeExpiredSessions(now: now)
        try await store.addSession(session)
        return .signedIn(user, session)
    }
}
