import Foundation
import HummingbirdTesting
import Testing

/// The reviewers' overview: counts by status, exceptions first, charts with their tables, within scope.
@Suite struct OverviewTests {
    @Test func reviewersSeeWhatIsWrongFirst() async throws {
        let h = try await WebHarness.make()
        try await h.signedIn("caizheng") { browser in
            let page = try await browser.get("/overview").text
            #expect(page.contains("<td class=\"num\">6</td></tr></tbody></table>"))
            let exceptions = try #require(page.firstMatch(of: /<table class="rows exceptions">(.*?)<\/table>/).map { String($0.1) })
            let first = try #require(exceptions.firstMatch(of: /<tbody><tr><td><a href="\/forms\/\d+">([^<]+)<\/a>/).map { String($0.1) })
            #expect(first == "2025年交通运输综合执法装备购置")
            #expect(exceptions.contains("<td class=\"num\">0.23</td>"))
            #expect(page.contains("<svg class=\"chart\"") && page.contains("<figcaption>建议等级分布</figcaption>"))
            #expect(page.contains("<summary>数据表</summary>") && page.contains("<td>优</td>"))
            let good = try await browser.get("/overview?grade=%E4%BC%98&kind=project_self_evaluation").text
            #expect(good.contains("<td class=\"num\">3</td></tr></tbody></table>"))
        }
        try await h.signedIn("gonglu") { browser in
            let page = try await browser.get("/overview").text
            #expect(!page.contains("综合执法装备购置") && page.contains("<td class=\"num\">2</td></tr></tbody></table>"))
        }
    }
}
