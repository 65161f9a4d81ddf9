import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `jixiao serve` running as its own process, as a user starts it.
final class ServerProcess: @unchecked Sendable {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var binary: URL {
        let candidates = [root.appendingPathComponent(".build/debug/jixiao")]
            + ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".build").path)) ?? [])
                .map { root.appendingPathComponent(".build/\($0)/debug/jixiao") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    let process = Process()
    let output = Pipe()
    /// The address printed at start, e.g. `http://127.0.0.1:40123`.
    private(set) var base = ""
    /// Demo passwords printed at start, by account.
    private(set) var passwords: [String: String] = [:]
    private(set) var printed = ""

    /// Starts `jixiao serve --port 0 …` and waits until it prints its address (and, with `--demo`, its accounts).
    init(arguments: [String], expectAccounts: Int) throws {
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0", "--bcrypt-cost", "4"] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
            if let match = printed.firstMatch(of: /jixiao 已启动：(http:\/\/[0-9.]+:\d+)\/login/) {
                base = String(match.1)
                for line in printed.matches(of: /账号 (\S+) 密码 (\S+) 角色 (\S+)/) { passwords[String(line.1)] = String(line.2) }
                if passwords.count >= expectAccounts { return }
            }
        }
        process.terminate()
        throw ServerError("jixiao serve did not start: \(printed)")
    }

    /// Ends the process with SIGKILL: no clean shutdown, as when power or the OOM killer strikes.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
    }

    deinit { stop() }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A URLSession with its own cookie jar, like one browser.
struct HTTPBrowser {
    let session: URLSession
    let base: String

    init(base: String) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = true
        configuration.httpCookieAcceptPolicy = .always
        configuration.timeoutIntervalForRequest = 10
        session = URLSession(configuration: configuration)
        self.base = base
    }

    func get(_ path: String) async throws -> (String, HTTPURLResponse) {
        let (data, response) = try await session.data(from: URL(string: base + path)!)
        return (String(decoding: data, as: UTF8.self), response as! HTTPURLResponse)
    }

    /// Posts the fields; redirects are followed, so the answer is the page after the save.
    func post(_ path: String, _ fields: [String: String]) async throws -> (String, HTTPURLResponse) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(Browser.encode(fields).utf8)
        let (data, response) = try await session.data(for: request)
        return (String(decoding: data, as: UTF8.self), response as! HTTPURLResponse)
    }

    func login(_ username: String, _ password: String) async throws {
        let (page, _) = try await get("/login")
        let token = Page.csrf(in: page) ?? ""
        let (after, response) = try await post("/login", ["_csrf": token, "username": username, "password": password])
        guard response.url?.path == "/forms" else { throw ServerError("login failed: \(after.prefix(300))") }
    }
}
