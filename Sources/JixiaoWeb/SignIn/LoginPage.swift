/// The sign-in page: the login-page token, the page to return to and an editor's post carried through.
struct LoginPage: PageView {
    static let template = "login"
    var frame = Frame(title: "登录", signedIn: nil)
    /// Why the last attempt failed, if it did.
    var message: String?
    var username: String
    /// The login page's own CSRF token (also in its cookie).
    var token: String
    /// The local page to go to afterwards.
    var next: String?
    /// An editor's post kept through signing in (base64).
    var kept: String?
}
