import Foundation
import Testing

/// The web system in a real browser: headless Chromium, driven through the DevTools protocol.
@Suite struct BrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs where Chromium is installed; in CI (`CI` set) a missing Chromium is a failure, not a skip.
    @Test(.enabled(if: chromium != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func aUnitUserEditsAnActualValueAndSeesTheNewSuggestedScore() async throws {
        let chromium = try #require(Self.chromium, "Chromium is not installed (.ci/run installs it)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let server = try ServerProcess(arguments: ["--demo", "--db", dir.appendingPathComponent("browser.sqlite").path], expectAccounts: 6)
        defer { server.stop() }
        let artifacts = ServerProcess.root.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts.appendingPathComponent("browser-edit-actual-value.png")
        try? FileManager.default.removeItem(at: screenshot)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/edit_actual_value.py")
        process.arguments = ["python3", script.path, server.base, "gonglu", try #require(server.passwords["gonglu"]), "1", screenshot.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["CHROMIUM": chromium]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: errData, as: UTF8.self)
        try #require(process.terminationStatus == 0, "browser flow failed: \(stderr)")
        let seen = try #require(try JSONSerialization.jsonObject(with: outData) as? [String: String?])
        #expect(seen["after_login"]??.contains("李晓燕") == true)
        #expect(seen["before"] == "4.89")
        #expect(seen["preview"] == "5")
        #expect(seen["notice"] == "已保存（第2版）。")
        #expect(seen["after"] == "5")
        #expect(seen["actual"] == "95%")
        #expect(seen["total"] == "99.65")
        let png = try Data(contentsOf: screenshot)
        #expect(png.count > 10_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
