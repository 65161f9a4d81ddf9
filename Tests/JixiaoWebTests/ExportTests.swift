import Foundation
import HummingbirdTesting
import JixiaoStore
import Testing

/// Export of a selection of forms: interchange JSON and the HTML audit report, within the reader's scope.
@Suite struct ExportTests {
    @Test func chosenOrFilteredFormsExportAsJSONOrAnAuditReport() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID("2025年国省干线公路日常养护")
        let other = try await h.formID("2025年城乡客运公交运营补贴")
        try await h.signedIn("gonglu") { browser in
            let list = try await browser.get("/forms").text
            #expect(list.contains("name=\"id\" value=\"\(id)\"") && list.contains("action=\"/export\""))
            let chosen = try await browser.get("/export?format=json&id=\(id)")
            #expect(chosen.status == .ok && chosen.headers[.contentDisposition]?.contains("jixiao-forms.json") == true)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(chosen.text.utf8)) as? [String: Any])
            #expect(document["format"] as? String == "jixiao-interchange")
            #expect((document["forms"] as? [[String: Any]])?.count == 1)
            let filtered = try JSONSerialization.jsonObject(with: Data(try await browser.get("/export?format=json&year=2026").text.utf8)) as? [String: Any]
            #expect((filtered?["forms"] as? [[String: Any]])?.first?["kind"] as? String == "target_declaration")
            let report = try await browser.get("/export?format=html&year=2025")
            #expect(report.text.hasPrefix("<!doctype html>") && report.text.contains("<dt>表单</dt><dd>1 份</dd>"))
            #expect(try await browser.get("/export?format=json&id=\(other)").status == .notFound)
            #expect(try await browser.get("/export?format=xlsx").status == .badRequest)
        }
        try await h.signedIn("caizheng") { browser in
            let all = try JSONSerialization.jsonObject(with: Data(try await browser.get("/export?format=json").text.utf8)) as? [String: Any]
            #expect((all?["forms"] as? [[String: Any]])?.count == 6)
            let audit = try await browser.get("/export?format=html").text
            #expect(audit.contains("2025年交通运输综合执法装备购置") && audit.contains("EVAL_"))
        }
    }
}
