import Foundation
import JixiaoCore

/// The scoring profiles shipped with jixiao (resource files), and loading of profile files: the edge where profiles
/// are read; the core decodes them (`ScoringProfile.decode`).
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
        return try ScoringProfile.decode(data, path: url.path)
    }

    /// Decodes a profile from JSON data.
    public static func decode(_ data: Data, path: String = "") throws -> ScoringProfile {
        try ScoringProfile.decode(data, path: path)
    }
}
