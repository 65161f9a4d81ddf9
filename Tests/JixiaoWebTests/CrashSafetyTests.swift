import Foundation
import JixiaoStore
import JixiaoStoreSQLite
import Testing

/// A server killed with SIGKILL while saves are in flight leaves a sound database that keeps every acknowledged save.
@Suite struct CrashSafetyTests {
    actor Acknowledged {
        var versions: [Int64: Int] = [:]
        func record(_ id: Int64, _ version: Int) { versions[id] = max(versions[id] ?? 0, version) }
    }

    @Test func killingTheServerDuringSavesLeavesTheDatabaseIntact() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("kill.sqlite").path
        let server = try ServerProcess(arguments: ["--demo", "--db", db], expectAccounts: 6)
        let browser = HTTPBrowser(base: server.base)
        try await browser.login("gonglu", try #require(server.passwords["gonglu"]))
        let acknowledged = Acknowledged()
        let started = Date()
        // Two writers save continuously (forms 1 and 4 belong to this unit) until the server dies.
        async let writers: Void = withThrowingTaskGroup(of: Void.self) { group in
            for id in [Int64(1), 4] {
                group.addTask {
                    var round = 0
                    while Date().timeIntervalSince(started) < 20 {
                        round += 1
                        guard let (page, _) = try? await browser.get("/forms/\(id)") else { return }
                        var fields = Page.formFields(page)
                        fields["p_manager"] = "保存第\(round)次"
                        guard let (_, response) = try? await browser.post("/forms/\(id)", fields) else { return }
                        if let saved = response.url?.query?.firstMatch(of: /saved=(\d+)/).flatMap({ Int($0.1) }) {
                            await acknowledged.record(id, saved)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        // Kill once some saves were acknowledged (however slow the machine), with more in flight.
        while await (acknowledged.versions[1] ?? 0) <= 2, Date().timeIntervalSince(started) < 15 {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(200))
        server.kill()
        try await writers
        let versions = await acknowledged.versions
        #expect((versions[1] ?? 0) > 2, "saves were acknowledged before the kill: \(versions)")

        let store = try SQLiteStore(path: db)
        #expect(try await store.integrityCheck() == ["ok"])
        for (id, version) in versions {
            let form = try #require(try await store.form(id: id))
            #expect(form.version >= version, "acknowledged version \(version) of form \(id) survived (found \(form.version))")
            if case .projectSelfEvaluation(let e) = form.form { #expect(e.project.manager?.hasPrefix("保存第") == true) }
        }
        #expect(try await store.forms(FormQuery()).total == 6)

        let restarted = try ServerProcess(arguments: ["--db", db], expectAccounts: 0)
        defer { restarted.stop() }
        let (page, response) = try await HTTPBrowser(base: restarted.base).get("/login")
        #expect(response.statusCode == 200 && page.contains("登录"))
    }
}
