import Hummingbird
import JixiaoStore
import NIOCore

/// The request context: who is signed in, and from where.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's address (for sign-in throttling).
    public var remoteAddress: String?
    /// The signed-in person, set by `SessionMiddleware`.
    public var signedIn: SignedIn?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    public var maxUploadSize: Int { 2 * 1024 * 1024 }

    /// The signed-in person of a route that needs one. `SignInRequired` sends everybody else to the sign-in page
    /// before any such route runs, so this refusal is only a safety net.
    func requireSignedIn() throws -> SignedIn {
        guard let signedIn else { throw WebError(.unauthorized, code: "WEB_SIGN_IN", "请先登录。") }
        return signedIn
    }
}

/// A signed-in person with their session and what they may see.
public struct SignedIn: Sendable {
    public var user: UserRecord
    public var session: SessionRecord
    public var scope: AccessScope
    /// How many forms wait for this person (the menu's count), when counted.
    public var waitingCount: Int? = nil
}
