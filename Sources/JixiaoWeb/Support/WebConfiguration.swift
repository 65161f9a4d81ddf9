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
    /// The largest uploaded document accepted, in bytes.
    public var maxUploadBytes: Int
    /// How long an uploaded document waits for confirmation before it is discarded.
    public var uploadLifetime: TimeInterval
    /// The longest text accepted in one field, in characters.
    public var maxFieldLength: Int
    /// Failed sign-ins allowed per account and per address within `throttleWindow`.
    public var maxFailedLogins: Int
    public var throttleWindow: TimeInterval
    /// Forms per page in lists.
    public var pageSize: Int

    public init(profileID: String = "national", bcryptCost: UInt8 = 12, sessionLifetime: TimeInterval = 8 * 3600,
                secureCookies: Bool = true, maxBodyBytes: Int = 2 * 1024 * 1024, maxFieldLength: Int = 4000,
                maxUploadBytes: Int = 20 * 1024 * 1024, uploadLifetime: TimeInterval = 7 * 24 * 3600,
                maxFailedLogins: Int = 5, throttleWindow: TimeInterval = 15 * 60, pageSize: Int = 50) {
        self.profileID = profileID
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.maxBodyBytes = maxBodyBytes
        self.maxFieldLength = maxFieldLength
        self.maxUploadBytes = maxUploadBytes
        self.uploadLifetime = uploadLifetime
        self.maxFailedLogins = maxFailedLogins
        self.throttleWindow = throttleWindow
        self.pageSize = pageSize
    }
}
