import Foundation
import HummingbirdTesting
import JixiaoStore
import JixiaoStoreSQLite
import JixiaoWeb
import Testing

/// Sign-in, sessions, cookies, CSRF and throttling.
@Suite struct AuthTests {
    @Test func signInSetsASecureHttpOnlySameSiteCookieAndSignOutEndsIt() async throws {
        let h = try await WebHarness.make()
        let password = try #require(h.passwords["gonglu"])
        try await h.test { client in
            var browser = Browser(client)
            #expect(try await browser.get("/").location == "/login")
            let anonymous = try await browser.get("/forms")
            #expect(anonymous.status == .seeOther && anonymous.location == "/login?next=/forms")
            let response = try await browser.login("gonglu", password)
            #expect(response.status == .seeOther && response.location == "/forms")
            let session = try #require(browser.lastSetCookies.first { $0.hasPrefix("jixiao_session=") })
            #expect(session.contains("HttpOnly") && session.contains("Secure") && session.contains("SameSite=Lax"))
            #expect(try await browser.get("/").location == "/forms")
            #expect(try await browser.get("/login").location == "/forms")
            let list = try await browser.get("/forms")
            #expect(list.status == .ok && list.text.contains("李晓燕（单位填报"))
            let token = try #require(Page.csrf(in: list.text))
            let out = try await browser.post("/logout", ["_csrf": token])
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/forms").location == "/login?next=/forms")
        }
    }

    @Test func wrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() async throws {
        let h = try await WebHarness.make { $0.maxFailedLogins = 3 }
        let password = try #require(h.passwords["gonglu"])
        try await h.test { client in
            var browser = Browser(client)
            for _ in 0..<3 {
                let wrong = try await browser.login("gonglu", "not-the-password")
                #expect(wrong.status == .unauthorized && wrong.text.contains("账号或密码不正确"))
            }
            let blocked = try await browser.login("gonglu", password)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("登录失败次数过多") && blocked.headers[.retryAfter] != nil)
            #expect(browser.cookies["jixiao_session"] == nil)
        }
    }

    @Test func signInWithoutTheLoginPageTokenIsRefused() async throws {
        let h = try await WebHarness.make()
        let password = try #require(h.passwords["gonglu"])
        try await h.test { client in
            var browser = Browser(client)
            let response = try await browser.post("/login", ["username": "gonglu", "password": password])
            #expect(response.status == .forbidden && response.text.contains("登录页面已过期"))
            #expect(browser.cookies["jixiao_session"] == nil)
        }
    }

    @Test func pagesCarrySecurityHeaders() async throws {
        let h = try await WebHarness.make()
        try await h.test { client in
            let response = try await client.execute(uri: "/login", method: .get)
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.text.contains("<html lang=\"zh-CN\">"))
        }
    }

    @Test func signingInReturnsOnlyToAPageOfThisSite() async throws {
        let h = try await WebHarness.make()
        let password = try #require(h.passwords["gonglu"])
        for (next, landing) in [("/forms/1/print", "/forms/1/print"), ("//evil.example/x", "/forms"), ("https://evil.example", "/forms"),
                                ("/\\evil.example", "/forms"), ("/login?next=/x", "/forms")] {
            try await h.test { client in
                var browser = Browser(client)
                let page = try await browser.get("/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                let token = Page.csrf(in: String(buffer: page.body)) ?? ""
                // The page carries only a local path on; the post is tried with the raw value too.
                let carried = String(buffer: page.body).contains("name=\"next\"")
                #expect(carried == (landing != "/forms"), "\(next)")
                let response = try await browser.post("/login", ["_csrf": token, "username": "gonglu", "password": password, "next": next])
                #expect(response.status == .seeOther && response.location == landing, "\(next) → \(response.location ?? "")")
            }
        }
    }
}

/// The access scope is kept between requests and dropped when the organisation tree changes, also by another process.
@Suite struct ScopeCacheTests {
    @Test func aUnitAddedByAnotherProcessIsSeenOnTheNextRequest() async throws {
        let h = try await WebHarness.make()
        let department = try #require(try await h.store.organisations().first { $0.kind == .department })
        let sample = try #require(try await h.store.form(id: try await h.formID(FormRouteTests.evaluation)))
        try await h.signedIn("jiaotong") { browser in
            #expect(!(try await browser.get("/forms").text.contains("新设单位甲")))
            // Another process (as `jixiao org add` would) opens the same file and adds a unit with a form.
            let other = try SQLiteStore(path: h.store.path)
            let unit = try await other.addOrganisation(NewOrganisation(parentID: department.id, kind: .unit, code: "ZZ001", name: "新设单位甲"))
            _ = try await other.addForm(NewForm(organisationID: unit.id, fiscalYear: sample.fiscalYear, form: sample.form,
                                               summary: sample.summary, createdBy: nil))
            let list = try await browser.get("/forms").text
            #expect(list.contains("新设单位甲"))
        }
    }
}
