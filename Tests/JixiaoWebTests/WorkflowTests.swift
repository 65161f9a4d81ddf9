import Foundation
import HummingbirdTesting
import JixiaoStore
import JixiaoWeb
import Testing

/// The review workflow through the web routes, including the transitions that must be refused.
@Suite struct WorkflowTests {
    static let evaluation = "2025年国省干线公路日常养护"

    static func transition(_ browser: inout Browser, _ id: Int64, _ transition: String, comment: String? = nil) async throws -> TestResponse {
        let page = try await browser.get("/forms/\(id)").text
        let version = try #require(page.firstMatch(of: /action="\/forms\/\d+\/transition"[^>]*><input type="hidden" name="_csrf" value="[0-9a-f]+"><input type="hidden" name="_version" value="(\d+)"/).map { String($0.1) }
                                   ?? page.firstMatch(of: /name="_version" value="(\d+)"/).map { String($0.1) }
                                   // A reader without buttons: the version the page shows (`第3版`).
                                   ?? page.firstMatch(of: /· 第(\d+)版 ·/).map { String($0.1) })
        var fields = ["_csrf": Page.csrf(in: page) ?? "", "_version": version, "transition": transition]
        if let comment { fields["comment"] = comment }
        return try await browser.post("/forms/\(id)/transition", fields)
    }

    @Test func submitReturnCorrectResubmitAndApproveWithAFullTrail() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { unit in
            let page = try await unit.get("/forms/\(id)").text
            #expect(page.contains("value=\"submit\""))
            let step1 = try await Self.transition(&unit, id, "department_approve")
            #expect(step1.status == .forbidden)
            let submitted = try await Self.transition(&unit, id, "submit")
            #expect(submitted.status == .seeOther)
            let locked = try await unit.get("/forms/\(id)").text
            #expect(locked.contains("已提交") && locked.contains("表单已锁定") && !locked.contains("value=\"save\""))
            var fields = Page.formFields(page)
            fields["i.0.actual"] = "480公里"
            let refused = try await unit.post("/forms/\(id)", fields)
            #expect(refused.status == .conflict && refused.text.contains("已锁定"))
        }
        try await h.signedIn("jiaotong") { reviewer in
            let noComment = try await Self.transition(&reviewer, id, "return")
            #expect(noComment.status == .unprocessableContent && noComment.text.contains("必须填写审核意见"))
            let step2 = try await Self.transition(&reviewer, id, "return", comment: "病害处治及时率的偏差原因请写明降雨天数。")
            #expect(step2.status == .seeOther)
        }
        try await h.signedIn("gonglu") { unit in
            var fields = Page.formFields(try await unit.get("/forms/\(id)").text)
            fields["i.4.reason"] = "7月至8月降雨23天，坑槽修补顺延；已增设应急养护班组。"
            #expect(try await unit.post("/forms/\(id)", fields).status == .seeOther)
            let step3 = try await Self.transition(&unit, id, "submit")
            #expect(step3.status == .seeOther)
        }
        try await h.signedIn("jiaotong") { reviewer in
            let step4 = try await Self.transition(&reviewer, id, "department_approve", comment: "同意。")
            #expect(step4.status == .seeOther)
            let step5 = try await Self.transition(&reviewer, id, "finance_approve")
            #expect(step5.status == .forbidden)
        }
        try await h.signedIn("caizheng") { finance in
            let moved = try await Self.transition(&finance, id, "finance_approve")
            #expect(moved.status == .seeOther)
            let page = try await finance.get(try #require(moved.location)).text
            #expect(page.contains("已财政审核通过，表单现为“已审定”"))
            #expect(page.contains("修改记录（7条）"))
            #expect(page.contains("病害处治及时率的偏差原因请写明降雨天数。"))
            #expect(page.contains("<td>第5条指标的偏差原因分析及改进措施</td><td>7月至8月连续降雨，部分坑槽修补顺延；已增设应急养护班组。</td><td>7月至8月降雨23天，坑槽修补顺延；已增设应急养护班组。</td>"))
            #expect(page.contains("<td>陈立群</td>") && page.contains("<td>李晓燕</td>") && page.contains("<td>孙慧</td>"))
        }
        let events = try await h.store.events(formID: id)
        #expect(events.compactMap(\.transition) == [.submit, .returnForRevision, .submit, .departmentApprove, .financeApprove])
        #expect(try await h.store.form(id: id)?.status == .approved)
    }

    @Test func nobodyApprovesTheirOwnSubmission() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID("示例市交通运输局")
        try await h.signedIn("jiaotong") { reviewer in
            let step6 = try await Self.transition(&reviewer, id, "submit")
            #expect(step6.status == .seeOther)
            let own = try await Self.transition(&reviewer, id, "department_approve")
            #expect(own.status == .forbidden && own.text.contains("不能审核自己提交的表单") && own.text.contains("WEB_OWN_SUBMISSION"))
        }
        #expect(try await h.store.form(id: id)?.status == .submitted)
    }

    @Test func listsFilterByStatus() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { unit in
            _ = try await Self.transition(&unit, id, "submit")
            let submitted = try await unit.get("/forms?status=submitted").text
            #expect(submitted.contains("共1张表单") && submitted.contains(Self.evaluation))
            #expect(try await unit.get("/forms?status=draft").text.contains("共1张表单"))
        }
    }

    @Test func theMenuShowsWhatTheRoleMayDoAndCountsWhatWaits() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID("2025年国省干线公路日常养护")
        @Sendable func menu(_ html: String) -> String { String(html.firstMatch(of: /<nav>(.*?)<span class="who">/)?.1 ?? "") }
        try await h.signedIn("gonglu") { browser in
            let nav = menu(try await browser.get("/forms").text)
            // The unit's two drafts wait for it; it does not review and may create and import.
            #expect(nav.contains("待填报<b class=\"count\">2</b>") && !nav.contains("审核总览") && nav.contains("新建表单") && nav.contains("导入文件"))
            let list = try await browser.get("/forms?waiting=1").text
            #expect(list.contains("<h1>待填报</h1>") && list.contains("共2张表单"))
            #expect(try await Self.transition(&browser, id, "submit").status == .seeOther)
            #expect(menu(try await browser.get("/forms").text).contains("待填报<b class=\"count\">1</b>"))
        }
        try await h.signedIn("jiaotong") { browser in
            let nav = menu(try await browser.get("/forms").text)
            #expect(nav.contains("待我审核<b class=\"count\">1</b>") && nav.contains("审核总览"))
            let list = try await browser.get("/forms?waiting=1").text
            #expect(list.contains("<h1>待我审核</h1>") && list.contains("共1张表单") && list.contains("2025年国省干线公路日常养护"))
        }
        try await h.signedIn("caizheng") { browser in
            let nav = menu(try await browser.get("/forms").text)
            // Finance reviews; it neither creates nor imports forms. Nothing has reached it yet.
            #expect(nav.contains("待我审核") && !nav.contains("class=\"count\"") && !nav.contains("新建表单") && !nav.contains("导入文件"))
        }
    }

    @Test func theSubmitterWithdrawsBeforeReviewStartsAndNotAfter() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { unit in
            let r1 = try await Self.transition(&unit, id, "submit").status
            #expect(r1 == .seeOther)
            let submitted = try await unit.get("/forms/\(id)").text
            #expect(submitted.contains("value=\"withdraw\""))
            let r2 = try await Self.transition(&unit, id, "withdraw").status
            #expect(r2 == .seeOther)
            let back = try await unit.get("/forms/\(id)").text
            #expect(back.contains("草稿") && back.contains("value=\"save\"") && back.contains("撤回"))
            let r3 = try await Self.transition(&unit, id, "submit").status
            #expect(r3 == .seeOther)
        }
        try await h.signedIn("jiaotong") { reviewer in
            // Another person never withdraws the unit's submission.
            let r4 = try await Self.transition(&reviewer, id, "withdraw").status
            #expect(r4 == .forbidden)
            let r5 = try await Self.transition(&reviewer, id, "start_department_review").status
            #expect(r5 == .seeOther)
        }
        try await h.signedIn("gonglu") { unit in
            // Once review has started, the submitter can no longer take the form back.
            let page = try await unit.get("/forms/\(id)").text
            #expect(!page.contains("value=\"withdraw\""))
            let r6 = try await Self.transition(&unit, id, "withdraw").status
            #expect(r6 == .forbidden)
        }
        let stored = try #require(try await h.store.form(id: id))
        #expect(stored.status == .departmentReview)
        let events = try await h.store.events(formID: id)
        #expect(events.contains { $0.transition == .withdraw && $0.toStatus == .draft })
    }

    @Test func aReturnedFormSaysSoWithTheOpinionAtTheTop() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { unit in
            let r = try await Self.transition(&unit, id, "submit").status
            #expect(r == .seeOther)
        }
        try await h.signedIn("jiaotong") { reviewer in
            let r = try await Self.transition(&reviewer, id, "return", comment: "请补充满意度调查的样本数。").status
            #expect(r == .seeOther)
        }
        try await h.signedIn("gonglu") { unit in
            let page = try await unit.get("/forms/\(id)").text
            #expect(page.contains("· 已退回 ·") && page.contains("<div class=\"returned\""))
            #expect(page.contains("审核意见：请补充满意度调查的样本数。") && page.contains("陈立群于"))
            // Resubmitted, it no longer says returned.
            let r = try await Self.transition(&unit, id, "submit").status
            #expect(r == .seeOther)
            let after = try await unit.get("/forms/\(id)").text
            #expect(!after.contains("<div class=\"returned\"") && after.contains("· 已提交 ·"))
        }
    }
}
