import Foundation
import HummingbirdTesting
import Testing

/// The reviewers' overview: counts by status, exceptions first with the reason in words, charts with their tables
/// and links, drafts left out unless asked for, within scope.
@Suite struct OverviewTests {
    @Test func reviewersSeeWhatIsWrongFirst() async throws {
        let h = try await WebHarness.make()
        try await h.signedIn("caizheng") { browser in
            // Every demo form is a draft: the finance bureau's overview leaves them out and says so.
            let handedIn = try await browser.get("/overview").text
            #expect(handedIn.contains("<td class=\"num\">0</td></tr></tbody></table>") && handedIn.contains("未计入6张草稿"))
            #expect(handedIn.contains("暂无：没有审核错误") && handedIn.contains("暂无数据"))

            let page = try await browser.get("/overview?drafts=1").text
            #expect(page.contains("<td class=\"num\">6</td></tr></tbody></table>"))
            let exceptions = try #require(page.firstMatch(of: /(?s)<table class="rows exceptions">(.*?)<\/table>/).map { String($0.1) })
            let first = try #require(exceptions.firstMatch(of: /<tr><td><a href="\/forms\/\d+">([^<]+)<\/a>/).map { String($0.1) })
            #expect(first == "2025年交通运输综合执法装备购置")
            // Why, in words: the errors, and the score against the money spent.
            #expect(exceptions.contains("审核发现2个错误；得分97分，但预算执行率仅74.48%"))
            #expect(page.contains("<svg class=\"chart\"") && page.contains("<figcaption>建议等级分布</figcaption>"))
            #expect(page.contains("<summary>数据表</summary>") && page.contains("<td>优</td>"))
            // Bars and points lead to their forms; a grade's bar to the list of that grade.
            #expect(page.contains("<a href=\"/forms?grade=%E4%BC%98\"><title>优：4张</title>"))
            #expect(page.firstMatch(of: /<a href="\/forms\/\d+"><title>2025年交通运输综合执法装备购置：74\.5，97\.0<\/title><circle/) != nil)
            let good = try await browser.get("/overview?grade=%E4%BC%98&kind=project_self_evaluation&drafts=1").text
            #expect(good.contains("<td class=\"num\">3</td></tr></tbody></table>"))
        }
        try await h.signedIn("gonglu") { browser in
            let page = try await browser.get("/overview?drafts=1").text
            #expect(!page.contains("综合执法装备购置") && page.contains("<td class=\"num\">2</td></tr></tbody></table>"))
        }
    }
}
