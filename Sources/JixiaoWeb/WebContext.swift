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
}

/// A signed-in person with their session and what they may see.
public struct SignedIn: Sendable {
    public var user: UserRecord
    public var session: SessionRecord
    public var scope: AccessScope
    /// How many forms wait for this person (the menu's count), when counted.
    public var waitingCount: Int? = nil
}
