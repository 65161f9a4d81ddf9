import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoStore
import JixiaoStoreSQLite
import JixiaoWeb
import NIOCore

/// A web system on a fresh SQLite file with the demo data, and the demo passwords of this run.
struct WebHarness {
    let store: SQLiteStore
    let app: JixiaoWebApp
    let passwords: [String: String]

    static func make(configure: (inout WebConfiguration) -> Void = { _ in }) async throws -> WebHarness {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: dir.appendingPathComponent("web.sqlite").path)
        let accounts = try await DemoData.load(into: store, hasher: PasswordHasher(cost: 4))
        var configuration = WebConfiguration(bcryptCost: 4, secureCookies: true)
        configure(&configuration)
        let app = try JixiaoWebApp(store: store, configuration: configuration)
        return WebHarness(store: store, app: app, passwords: Dictionary(uniqueKeysWithValues: accounts.map { ($0.username, $0.password) }))
    }

    /// Runs `body` with the router in process.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let application = Application(router: app.buildRouter())
        return try await application.test(.router, body)
    }

    /// Runs `body` with a browser signed in as the demo account `username`.
    func signedIn<Value: Sendable>(_ username: String, _ body: @escaping @Sendable (inout Browser) async throws -> Value) async throws -> Value {
        guard let password = passwords[username] else { throw HarnessError("no demo account \(username)") }
        return try await test { client in
            var browser = Browser(client)
            let response = try await browser.login(username, password)
            guard response.location?.hasPrefix("/forms") == true else { throw HarnessError("\(username) could not sign in") }
            return try await body(&browser)
        }
    }

    /// The id of the demo form with this title.
    func formID(_ title: String) async throws -> Int64 {
        let page = try await store.forms(FormQuery(titleContains: title))
        guard let id = page.items.first?.id else { throw HarnessError("no form titled \(title)") }
        return id
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A client that keeps cookies between requests, like a browser.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    /// Set-Cookie lines of the last response.
    var lastSetCookies: [String] = []

    init(_ client: any TestClientProtocol) { self.client = client }

    mutating func get(_ uri: String) async throws -> TestResponse {
        try await send(uri, method: .get, body: nil, contentType: nil)
    }

    mutating func post(_ uri: String, _ fields: [String: String], contentType: String = "application/x-www-form-urlencoded") async throws -> TestResponse {
        try await post(uri, raw: Browser.encode(fields), contentType: contentType)
    }

    mutating func post(_ uri: String, raw: String, contentType: String = "application/x-www-form-urlencoded") async throws -> TestResponse {
        try await send(uri, method: .post, body: ByteBuffer(string: raw), contentType: contentType)
    }

    mutating func send(_ uri: String, method: HTTPRequest.Method, body: ByteBuffer?, contentType: String?) async throws -> TestResponse {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        lastSetCookies = response.headers[values: .setCookie]
        for line in lastSetCookies {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if line.contains("Max-Age=0") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    /// Signs in through the login page; returns the response of the sign-in post.
    @discardableResult
    mutating func login(_ username: String, _ password: String) async throws -> TestResponse {
        let page = try await get("/login")
        let token = Page.csrf(in: String(buffer: page.body)) ?? ""
        return try await post("/login", ["_csrf": token, "username": username, "password": password])
    }
}

/// Reading pages the way a browser submits them.
enum Page {
    static func csrf(in html: String) -> String? {
        html.firstMatch(of: /name="_csrf" value="([0-9a-f]+)"/).map { String($0.1) }
    }

    static func unescape(_ text: Substring) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The fields the editor form would submit: inputs, textareas, selected options, checked boxes (no buttons).
    static func formFields(_ html: String) -> [String: String] {
        guard let start = html.range(of: "<form method=\"post\" action=\"/forms/"), let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex) else { return [:] }
        let form = html[start.lowerBound..<end.upperBound]
        var fields: [String: String] = [:]
        for match in form.matches(of: /<input type="(?:text|hidden)" name="([^"]*)" value="([^"]*)"/) {
            fields[unescape(match.1)] = unescape(match.2)
        }
        for match in form.matches(of: /<textarea name="([^"]*)"[^>]*>([^<]*)<\/textarea>/) {
            fields[unescape(match.1)] = unescape(match.2)
        }
        for match in form.matches(of: /<select name="([^"]*)">(.*?)<\/select>/) {
            if let selected = match.2.firstMatch(of: /<option value="([^"]*)" selected>/) { fields[unescape(match.1)] = unescape(selected.1) }
        }
        for match in form.matches(of: /<input type="checkbox" name="([^"]*)" value="([^"]*)" checked>/) {
            fields[unescape(match.1)] = unescape(match.2)
        }
        fields["action"] = "save"
        return fields
    }

    /// The text of the suggestion cell of indicator row `row`.
    static func suggested(_ html: String, row: Int) -> String? {
        guard let range = html.range(of: "<tr data-row=\"\(row)\"") else { return nil }
        return html[range.upperBound...].firstMatch(of: /<b class="suggested">([^<]*)<\/b>/).map { String($0.1) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}
