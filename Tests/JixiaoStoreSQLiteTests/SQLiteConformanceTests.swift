import Foundation
import JixiaoStore
import JixiaoStoreSQLite
import Testing

/// The shared conformance suite, on a real SQLite file per case.
@Suite struct SQLiteConformanceTests {
    static func freshStore() throws -> SQLiteStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try SQLiteStore(path: dir.appendingPathComponent("jixiao.sqlite").path)
    }

    @Test(arguments: StoreConformance.caseNames)
    func conformance(_ name: String) async throws {
        try await StoreConformance.run(name, on: try Self.freshStore())
    }

    @Test func reopeningKeepsDataAndMigratesOnce() async throws {
        let store = try Self.freshStore()
        _ = try await store.addOrganisation(NewOrganisation(parentID: nil, kind: .financeBureau, code: "900", name: "测试市财政局"))
        let again = try SQLiteStore(path: store.path)
        #expect(try await again.organisations().count == 1)
        #expect(try await again.integrityCheck() == ["ok"])
    }
}
