import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoStore
import JixiaoWeb
import NIOCore
import Testing

/// The JSON API: the same operations and rules as the pages, JSON errors with a code and a Chinese message.
@Suite struct APITests {
    /// A JSON client: signs in through the API and sends the CSRF header on writes.
    struct Client {
        var browser: Browser
        var csrf = ""

        init(_ client: any TestClientProtocol) { browser = Browser(client) }

        mutating func login(_ username: String, _ password: String) async throws -> TestResponse {
            let response = try await send("/api/login", .post, json: ["username": username, "password": password])
            csrf = (try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])?["csrf_token"] as? String ?? ""
            return response
        }

        mutating func send(_ uri: String, _ method: HTTPRequest.Method, json: Any? = nil, raw: String? = nil, bytes: Data? = nil,
                           contentType: String = "application/json", csrf: Bool = true) async throws -> TestResponse {
            var headers = HTTPFields()
            if !browser.cookies.isEmpty { headers[.cookie] = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
            headers[.contentType] = contentType
            if csrf, !self.csrf.isEmpty { headers[.init("X-CSRF-Token")!] = self.csrf }
            let body = try bytes.map { ByteBuffer(bytes: $0) } ?? raw.map { ByteBuffer(string: $0) }
                ?? json.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
            let response = try await browser.client.execute(uri: uri, method: method, headers: headers, body: body)
            for line in response.headers[values: .setCookie] {
                let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                browser.cookies[String(pair[0])] = pair.count > 1 ? String(pair[1]) : nil
            }
            return response
        }

        mutating func get(_ uri: String) async throws -> [String: Any] {
            let response = try await send(uri, .get)
            return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
        }
    }

    static func error(_ response: TestResponse) -> (code: String, message: String)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        return (error["code"] as? String ?? "", error["message"] as? String ?? "")
    }

    @Test func readUpdateAndTransitionThroughTheAPI() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID("2025年国省干线公路日常养护")
        let other = try await h.formID("2025年城乡客运公交运营补贴")
        let password = try #require(h.passwords["gonglu"])
        try await h.test { client in
            var api = Client(client)
            let anonymous = try await api.send("/api/forms", .get)
            #expect(anonymous.status == .unauthorized && Self.error(anonymous)?.code == "API_SIGN_IN")
            let wrong = try await api.login("gonglu", "wrong")
            #expect(wrong.status == .unauthorized && Self.error(wrong)?.message == "账号或密码不正确。")
            #expect(try await api.login("gonglu", password).status == .ok)
            let list = try await api.get("/api/forms?year=2025")
            #expect(list["total"] as? Int == 1)
            let missing = try await api.send("/api/forms/\(other)", .get)
            #expect(missing.status == .notFound && Self.error(missing)?.code == "WEB_NOT_FOUND")

            var record = try await api.get("/api/forms/\(id)")
            #expect(record["version"] as? Int == 1 && record["status"] as? String == "draft")
            var form = try #require(record["form"] as? [String: Any])
            var indicators = try #require(form["indicators"] as? [[String: Any]])
            indicators[4]["actual"] = "95%"
            indicators[4]["reported_score"] = "5"
            form["indicators"] = indicators
            let noCSRF = try await api.send("/api/forms/\(id)", .put, json: ["version": 1, "form": form], csrf: false)
            #expect(noCSRF.status == .forbidden && Self.error(noCSRF)?.code == "WEB_CSRF")
            let saved = try await api.send("/api/forms/\(id)", .put, json: ["version": 1, "form": form])
            #expect(saved.status == .ok)
            record = try await api.get("/api/forms/\(id)")
            #expect(record["version"] as? Int == 2)
            #expect((record["summary"] as? [String: Any])?["suggested_total"] as? String == "99.65")
            let stale = try await api.send("/api/forms/\(id)", .put, json: ["version": 1, "form": form])
            #expect(stale.status == .conflict && Self.error(stale)?.code == "STORE_CONFLICT")

            let reviewerAction = try await api.send("/api/forms/\(id)/transition", .post, json: ["version": 2, "transition": "department_approve"])
            #expect(reviewerAction.status == .forbidden && Self.error(reviewerAction)?.code == "WEB_TRANSITION_FORBIDDEN")
            let submitted = try await api.send("/api/forms/\(id)/transition", .post, json: ["version": 2, "transition": "submit"])
            #expect(submitted.status == .ok)
            let locked = try await api.send("/api/forms/\(id)", .put, json: ["version": 3, "form": form])
            #expect(locked.status == .conflict && Self.error(locked)?.code == "STORE_INVALID_STATE")
        }
        #expect(try await h.store.form(id: id)?.status == .submitted)
    }

    @Test func badRequestsGetAClearJSONErrorAndStoreNothing() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID("2025年国省干线公路日常养护")
        let password = try #require(h.passwords["gonglu"])
        try await h.test { client in
            var api = Client(client)
            _ = try await api.login("gonglu", password)
            let record = try await api.get("/api/forms/\(id)")
            let form = try #require(record["form"] as? [String: Any])

            let wrongType = try await api.send("/api/forms/\(id)", .put, raw: "version=1", contentType: "application/x-www-form-urlencoded")
            #expect(wrongType.status == .unsupportedMediaType && Self.error(wrongType)?.code == "WEB_CONTENT_TYPE")
            let truncated = try await api.send("/api/forms/\(id)", .put, raw: "{\"version\": 1, \"form\": {\"kind\": \"project_")
            #expect(truncated.status == .badRequest && Self.error(truncated)?.code == "API_JSON")
            #expect(Self.error(truncated)?.message.contains("第1行") == true)
            let unknown = try await api.send("/api/forms/\(id)", .put, json: ["version": 1, "form": form, "approved": true])
            #expect(unknown.status == .badRequest && Self.error(unknown)?.message.hasPrefix("未知字段：approved。") == true)
            let badVersion = try await api.send("/api/forms/\(id)", .put, json: ["version": "一", "form": form])
            #expect(badVersion.status == .badRequest && Self.error(badVersion)?.message.contains("字段“version”") == true)
            var broken = form
            broken["indicators"] = "很多"
            let badForm = try await api.send("/api/forms/\(id)", .put, json: ["version": 1, "form": broken])
            #expect(badForm.status == .badRequest && Self.error(badForm)?.code == "API_FORM")
            #expect(Self.error(badForm)?.message.contains("form.indicators") == true)
            let huge = String(repeating: "x", count: 50 * 1024 * 1024)
            let tooLarge = try await api.send("/api/forms/\(id)", .put, raw: "{\"version\": 1, \"form\": \"\(huge)\"}")
            #expect(tooLarge.status == .contentTooLarge && Self.error(tooLarge)?.code == "WEB_BODY_TOO_LARGE")
        }
        let stored = try #require(try await h.store.form(id: id))
        #expect(stored.version == 1)
        #expect(try await h.store.events(formID: id).count == 1)
    }

    @Test func theAPIRefusesEveryOutOfRangeScoreAtOnceAndNamesFieldsAsSent() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID("2025年国省干线公路日常养护")
        let password = try #require(h.passwords["gonglu"])
        try await h.test { client in
            var api = Client(client)
            _ = try await api.login("gonglu", password)
            let form = try #require(try await api.get("/api/forms/\(id)")["form"] as? [String: Any])
            var indicators = try #require(form["indicators"] as? [[String: Any]])
            // Two rows score more than their weight: both are named, as the editor names them.
            indicators[1]["reported_score"] = "99"
            indicators[3]["reported_score"] = "98"
            var edited = form
            edited["indicators"] = indicators
            let refused = try await api.send("/api/forms/\(id)", .put, json: ["version": 1, "form": edited])
            #expect(refused.status == .unprocessableContent && Self.error(refused)?.code == "WEB_SCORE_OUT_OF_RANGE")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(refused.text.utf8)) as? [String: Any])
            let rows = try #require((object["error"] as? [String: Any])?["rows"] as? [[String: Any]])
            #expect(rows.compactMap { $0["row"] as? Int } == [1, 3])
            #expect(Self.error(refused)?.message.hasPrefix("有2个指标的得分超出允许范围") == true)
            // A wrong value deep in the form is named by the path the client sent (snake_case).
            indicators = try #require(form["indicators"] as? [[String: Any]])
            indicators[0]["reported_score"] = ["分": 1]
            edited["indicators"] = indicators
            let wrong = try await api.send("/api/forms/\(id)", .put, json: ["version": 1, "form": edited])
            #expect(wrong.status == .badRequest && Self.error(wrong)?.message.contains("form.indicators[0].reported_score") == true,
                    "\(Self.error(wrong)?.message ?? "")")
        }
        #expect(try await h.store.form(id: id)?.version == 1)
    }

    @Test func formsAreCreatedOnlyWhereThePersonMayEdit() async throws {
        let h = try await WebHarness.make()
        let password = try #require(h.passwords["gonglu"])
        let organisations = try await h.store.organisations()
        let own = try #require(organisations.first { $0.code == "305002" }?.id)
        let other = try #require(organisations.first { $0.code == "305003" }?.id)
        try await h.test { client in
            var api = Client(client)
            _ = try await api.login("gonglu", password)
            let form: [String: Any] = ["kind": "target_declaration", "project": ["name": "2027年桥梁检测", "fiscal_year": 2027],
                                       "indicators": [["level1_label": "产出指标", "level2_label": "数量指标", "name": "检测桥梁数", "target": "≥36座"]]]
            let created = try await api.send("/api/forms", .post, json: ["organisation_id": own, "fiscal_year": 2027, "form": form])
            #expect(created.status == .created && created.text.contains("\"title\"") == false && created.text.contains("2027年桥梁检测"))
            let elsewhere = try await api.send("/api/forms", .post, json: ["organisation_id": other, "fiscal_year": 2027, "form": form])
            #expect(elsewhere.status == .forbidden && Self.error(elsewhere)?.code == "WEB_FORBIDDEN")
        }
        #expect(try await h.store.forms(FormQuery(fiscalYear: 2027)).total == 1)
    }
}
