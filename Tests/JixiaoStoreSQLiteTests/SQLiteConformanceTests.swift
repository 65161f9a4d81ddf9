import Foundation
import GRDB
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

    @Test func aValueThisVersionDoesNotKnowIsACorruptStoreNotADefault() async throws {
        let store = try Self.freshStore()
        let tree = try await StoreConformance.makeTree(store)
        let added = try await store.addForm(NewForm(organisationID: tree.unitA.id, fiscalYear: 2025, form: StoreConformance.sampleForm("管网维护"),
                                                    summary: FormSummary(), createdBy: nil))
        // As a newer version (or a hand edit) would leave it.
        let queue = try DatabaseQueue(path: store.path)
        try await queue.write { db in try db.execute(sql: "UPDATE forms SET status = 'archived' WHERE id = ?", arguments: [added.id]) }
        for read in [{ _ = try await store.form(id: added.id) }, { _ = try await store.forms(FormQuery()) }] as [@Sendable () async throws -> Void] {
            do {
                try await read()
                Issue.record("an unknown status was read")
            } catch let error as StoreError {
                #expect(error.code == .corrupt && error.message.contains("archived"))
            }
        }
        try await queue.write { db in try db.execute(sql: "UPDATE users SET role = 'auditor'") }
        await #expect(throws: StoreError.self) { _ = try await store.user(id: tree.user.id) }
    }
}
