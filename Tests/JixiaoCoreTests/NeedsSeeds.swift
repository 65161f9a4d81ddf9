import Foundation
import Testing

extension Trait where Self == ConditionTrait {
    /// Runs where the published seed documents lie beside the repository (`../shared/fixtures/seeds`). In a clone
    /// without them the test is skipped with this message; in CI (`CI` set) it runs and their absence fails it.
    static var needsSeeds: Self {
        .enabled(if: FileManager.default.fileExists(atPath: SeedCorpus.folder.path) || ProcessInfo.processInfo.environment["CI"] != nil,
                 "needs the seed documents in ../shared/fixtures/seeds beside the repository (skipped without them; CI fails instead)")
    }
}
