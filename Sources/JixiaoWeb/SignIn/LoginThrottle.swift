import Foundation

/// Counts failed sign-ins per account and per address, and refuses more once the limit is reached.
/// An actor: the counts are shared by every request of the process.
public actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    let limit: Int
    let window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before another attempt is allowed for any of `keys`, or nil when allowed.
    public func waitTime(for keys: [String], now: Date = Date()) -> TimeInterval? {
        var longest: TimeInterval?
        for key in keys {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= limit, let oldest = recent.first {
                let wait = window - now.timeIntervalSince(oldest)
                longest = max(longest ?? 0, wait)
            }
        }
        return longest
    }

    public func recordFailure(for keys: [String], now: Date = Date()) {
        for key in keys { failures[key, default: []].append(now) }
    }

    public func reset(_ key: String) { failures[key] = nil }
}
