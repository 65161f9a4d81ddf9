import Foundation
import Hummingbird
import JixiaoStore

extension JixiaoWebApp {
    static let loginCookie = "jixiao_login"

    func addAuthRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, context -> Response in
            if context.signedIn != nil { return .redirect(to: "/forms") }
            return loginPage(message: nil, username: "", status: .ok, request: request)
        }
        router.post("/login") { request, context -> Response in
            try await login(request, context)
        }
        router.post("/logout") { request, context -> Response in
            guard let signedIn = context.signedIn else { return .redirect(to: "/login") }
            try checkCSRF(try await readPost(request), signedIn)
            try await store.removeSession(token: signedIn.session.token)
            var response = Response.redirect(to: "/login")
            response.setCookie(cookie(SessionMiddleware.cookieName, "", maxAge: 0))
            return response
        }
    }

    func loginPage(message: String?, username: String, status: HTTPResponse.Status, request: Request) -> Response {
        let token = request.cookies[Self.loginCookie]?.value ?? PasswordHasher.randomToken()
        let body = """
        <section class="login"><h1>登录</h1>
        \(message.map { "<p class=\"error-box\" role=\"alert\">\(HTML.escape($0))</p>" } ?? "")
        <form method="post" action="/login"><input type="hidden" name="_csrf" value="\(token)">
        <label class="field"><span>账号</span><input type="text" name="username" value="\(HTML.escape(username))" autocomplete="username" required autofocus></label>
        <label class="field"><span>密码</span><input type="password" name="password" autocomplete="current-password" required></label>
        <button type="submit" class="primary">登录</button></form></section>
        """
        var response = Page.response(title: "登录", body: body, signedIn: nil, status: status)
        response.setCookie(cookie(Self.loginCookie, token, maxAge: 3600, sameSite: .strict))
        return response
    }

    func login(_ request: Request, _ context: WebContext) async throws -> Response {
        let post = try await readPost(request)
        guard let expected = request.cookies[Self.loginCookie]?.value, let token = post["_csrf"], Self.constantTimeEqual(token, expected) else {
            return loginPage(message: "登录页面已过期，请重新输入账号和密码。", username: post.text("username") ?? "", status: .forbidden, request: request)
        }
        let username = post.text("username") ?? ""
        let password = post["password"] ?? ""
        let session: SessionRecord
        switch try await signIn(username: username, password: password, address: context.remoteAddress) {
        case .throttled(let wait):
            let minutes = Int((wait / 60).rounded(.up))
            var response = loginPage(message: "登录失败次数过多，请\(minutes)分钟后再试。", username: username, status: .tooManyRequests, request: request)
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        case .failed:
            return loginPage(message: "账号或密码不正确。", username: username, status: .unauthorized, request: request)
        case .signedIn(_, let started):
            session = started
        }
        var response = Response.redirect(to: "/forms")
        response.setCookie(cookie(SessionMiddleware.cookieName, session.token, maxAge: Int(configuration.sessionLifetime)))
        response.setCookie(cookie(Self.loginCookie, "", maxAge: 0, sameSite: .strict))
        return response
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
