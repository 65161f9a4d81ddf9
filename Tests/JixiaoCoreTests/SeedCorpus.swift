import Foundation

/// Reads the published seed documents from `../shared/fixtures/seeds/` (beside the repository).
enum SeedCorpus {
    static var folder: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/JixiaoCoreTests/SeedCorpus.swift → repo root
        return url.deletingLastPathComponent().appendingPathComponent("shared/fixtures/seeds")
    }

    static func files() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Every distinct cell (tab-separated) and every distinct line of every seed, trimmed.
    static func distinctCells() throws -> [String] {
        var seen = Set<String>()
        for file in try files() {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline) {
                for cell in line.split(separator: "\t") + [line] {
                    let trimmed = cell.trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty { seen.insert(trimmed) }
                }
            }
        }
        return seen.sorted()
    }
}
