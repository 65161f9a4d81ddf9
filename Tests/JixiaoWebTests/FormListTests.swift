import Foundation
import HummingbirdTesting
import JixiaoStore
import JixiaoWeb
import Testing

/// The form list as a reviewer's queue: filters, sortable columns, returned forms marked, the landing page.
@Suite struct FormListTests {
    /// The titles of the list's rows, in order.
    static func titles(_ html: String) -> [String] {
        html.matches(of: /<td><a href="\/forms\/\d+">([^<]*)<\/a><\/td>/).map { Page.unescape($0.1) }
    }

    @Test func aReviewerLandsOnTheQueueAndFiltersSortsAndSeesReturnedForms() async throws {
        let h = try await WebHarness.make()
        let organisations = try await h.store.organisations()
        let gonglu = try #require(organisations.first { $0.code == "305002" })
        let id = try await h.formID(FormRouteTests.evaluation)
        try await h.signedIn("gonglu") { unit in
            let submitted = try await WorkflowTests.transition(&unit, id, "submit")
            #expect(submitted.status == .seeOther)
        }
        let password = try #require(h.passwords["jiaotong"])
        try await h.test { client in
            var reviewer = Browser(client)
            // A reviewer's first page is what waits for them.
            #expect(try await reviewer.login("jiaotong", password).location == "/forms?waiting=1")
            let queue = try await reviewer.get("/forms?waiting=1").text
            #expect(queue.contains("<h1>待我审核</h1>") && Self.titles(queue) == [FormRouteTests.evaluation])

            let all = Self.titles(try await reviewer.get("/forms").text)
            #expect(all.count > 2)
            let one = try await reviewer.get("/forms?unit=\(gonglu.id)").text
            let mine = try await h.store.forms(FormQuery(organisationIDs: [gonglu.id]))
            #expect(Set(Self.titles(one)) == Set(mine.items.map(\.title)) && Self.titles(one).count < all.count)
            #expect(one.contains("<option value=\"\(gonglu.id)\" selected>"))

            // Sorted by the suggested total, highest first; the heading links to the other direction.
            let sorted = try await reviewer.get("/forms?sort=suggested_total&dir=desc").text
            let values = sorted.matches(of: /<td class="num">[^<]*<\/td><td class="num">[^<]*<\/td><td class="num">([0-9.]+|—)<\/td>/)
                .compactMap { Decimal(string: String($0.1)) }
            #expect(values.count >= 2 && values == values.sorted(by: >))
            #expect(sorted.contains("href=\"/forms?sort=suggested_total\" class=\"sort\">建议总分 <span aria-hidden=\"true\">↓</span>"))

            // Only forms with errors; the grade filter.
            let failing = try await reviewer.get("/forms?errors=1").text
            let withErrors = try await h.store.forms({ var q = FormQuery(organisationIDs: organisations.map(\.id)); q.withErrors = true; return q }())
            #expect(Self.titles(failing).count == withErrors.total && failing.contains("checked"))
            let graded = try await reviewer.get("/forms?grade=%E4%BC%98").text
            #expect(graded.contains("<option value=\"优\" selected>优</option>"))

            // Returned with an opinion: the unit's list marks it.
            let returned = try await WorkflowTests.transition(&reviewer, id, "return", comment: "请补充依据。")
            #expect(returned.status == .seeOther)
            let empty = try await reviewer.get("/forms?waiting=1").text
            #expect(empty.contains("暂无符合条件的表单"))
        }
        try await h.signedIn("gonglu") { unit in
            let list = try await unit.get("/forms").text
            let row = try #require(list.components(separatedBy: "<tr>").first { $0.contains(FormRouteTests.evaluation) })
            #expect(row.contains("已退回"))
            // A unit reads one organisation: no unit filter.
            #expect(!list.contains("name=\"unit\""))
        }
    }
}
