import Foundation

extension ScoringProfile {
    /// A profile from its JSON (the core decodes what it is given; the files are read at the edge, `JixiaoProfiles`).
    public static func decode(_ data: Data, path: String = "") throws -> ScoringProfile {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(ScoringProfile.self, from: data)
        } catch {
            throw ProfileError.invalid(path: path, reason: "\(error)")
        }
    }
}

/// Errors of loading scoring profiles.
public enum ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(id: String, known: [String])
    case unreadable(path: String, reason: String)
    case invalid(path: String, reason: String)

    /// Stable code.
    public var code: String {
        switch self {
        case .unknown: return "PROFILE_UNKNOWN"
        case .unreadable: return "PROFILE_UNREADABLE"
        case .invalid: return "PROFILE_INVALID"
        }
    }

    /// Chinese message for people.
    public var description: String {
        switch self {
        case .unknown(let id, let known):
            return "未知的评分规则“\(id)”。可用的评分规则：\(known.joined(separator: "、"))"
        case .unreadable(let path, _):
            return "无法读取评分规则文件 \(path)"
        case .invalid(let path, let reason):
            return "评分规则文件 \(path) 格式有误：\(reason)"
        }
    }
}
