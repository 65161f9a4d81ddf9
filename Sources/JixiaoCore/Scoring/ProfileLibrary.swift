import Foundation

/// The scoring profiles shipped with jixiao, and loading of profile files.
public enum ProfileLibrary {
    /// The identifier of the default profile.
    public static let defaultID = "national"

    /// Identifiers of the bundled profiles, sorted.
    public static var bundledIDs: [String] {
        guard let folder = Bundle.module.url(forResource: "Profiles", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A bundled profile by identifier.
    public static func profile(id: String) throws -> ScoringProfile {
        guard id.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" }),
              let folder = Bundle.module.url(forResource: "Profiles", withExtension: nil)
        else { throw ProfileError.unknown(id: id, known: bundledIDs) }
        let url = folder.appendingPathComponent(id + ".json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ProfileError.unknown(id: id, known: bundledIDs)
        }
        return try load(contentsOf: url)
    }

    /// Reads a profile from a JSON file.
    public static func load(contentsOf url: URL) throws -> ScoringProfile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw ProfileError.unreadable(path: url.path, reason: "\(error)") }
        return try decode(data, path: url.path)
    }

    /// Decodes a profile from JSON data.
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
