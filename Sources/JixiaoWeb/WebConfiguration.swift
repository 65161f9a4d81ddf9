import Foundation

/// Settings of the web system.
public struct WebConfiguration: Sendable {
    /// The scoring profile used for suggested scores and checks.
    public var profileID: String
    /// bcrypt cost for new password hashes (12 in production; tests may lower it).
    public var bcryptCost: UInt8
    /// How long a sign-in lasts.
    public var sessionLifetime: TimeInterval
    /// Send cookies with `Secure` (browsers accept them over plain HTTP on localhost only).
    public var secureCookies: Bool
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// The longest text accepted in one field, in characters.
    public var maxFieldLength: Int
    /// Failed sign-ins allowed per account and per address within `throttleWindow`.
    public var maxFailedLogins: Int
    public var throttleWindow: TimeInterval
    /// Forms per page in lists.
    public var pageSize: Int

    public init(profileID: String = "national", bcryptCost: UInt8 = 12, sessionLifetime: TimeInterval = 8 * 3600,
                secureCookies: Bool = true, maxBodyBytes: Int = 2 * 1024 * 1024, maxFieldLength: Int = 4000,
                maxFailedLogins: Int = 5, throttleWindow: TimeInterval = 15 * 60, pageSize: Int = 50) {
        self.profileID = profileID
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.maxBodyBytes = maxBodyBytes
        self.maxFieldLength = maxFieldLength
        self.maxFailedLogins = maxFailedLogins
        self.throttleWindow = throttleWindow
        self.pageSize = pageSize
    }
}
