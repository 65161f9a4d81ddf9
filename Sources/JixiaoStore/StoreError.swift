import Foundation

/// A storage failure with a stable code, a Chinese message for people and details for logs.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Someone else saved the record since it was read.
        case conflict = "STORE_CONFLICT"
        case notFound = "STORE_NOT_FOUND"
        /// The form's state does not allow the change (a locked form, a transition from the wrong state).
        case invalidState = "STORE_INVALID_STATE"
        /// A unique name or code is taken.
        case duplicate = "STORE_DUPLICATE"
        /// The stored data could not be read back.
        case corrupt = "STORE_CORRUPT"
        case failure = "STORE_FAILURE"
    }

    public var code: Code
    public var message: String
    public var detail: String
    /// For a conflict: the version now stored.
    public var currentVersion: Int?

    public init(_ code: Code, _ message: String, detail: String = "", currentVersion: Int? = nil) {
        self.code = code
        self.message = message
        self.detail = detail
        self.currentVersion = currentVersion
    }

    public var description: String { "\(code.rawValue): \(message)" + (detail.isEmpty ? "" : " (\(detail))") }

    /// The save of a form that changed since it was read.
    public static func conflict(formID: Int64, expected: Int, current: Int) -> StoreError {
        StoreError(.conflict, "保存被拒绝：这张表在您打开之后已被他人保存（您编辑的是第\(expected)版，现在是第\(current)版）。您的修改没有丢失，请对照最新内容后重新保存。",
                   detail: "form \(formID) expected version \(expected), found \(current)", currentVersion: current)
    }

    /// A save of a form that is submitted or approved.
    public static func locked(formID: Int64, status: FormStatus) -> StoreError {
        StoreError(.invalidState, "这张表\(status.chineseName)，已锁定，不能修改。需要修改时请审核人退回。", detail: "form \(formID) is \(status.rawValue)")
    }

    /// A transition that does not leave the form's state.
    public static func transition(_ transition: FormTransition, from status: FormStatus) -> StoreError {
        StoreError(.invalidState, "这张表现在是“\(status.chineseName)”，不能“\(transition.chineseName)”。请刷新页面查看最新状态。",
                   detail: "\(transition.rawValue) from \(status.rawValue)")
    }
}
