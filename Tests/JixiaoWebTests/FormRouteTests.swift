import Foundation
import HummingbirdTesting
import JixiaoCore
import JixiaoStore
import JixiaoWeb
import Testing

/// The form routes: reading, editing, saving, and every refusal.
@Suite struct FormRouteTests {
    static let evaluation = "2025年国省干线公路日常养护"

    @Test func aUnitUserCannotReadOrChangeAnotherUnitsForm() async throws {
        let h = try await WebHarness.make()
        let other = try await h.formID("2025年城乡客运公交运营补贴")
        let department = try await h.formID("示例市交通运输局")
        try await h.signedIn("gonglu") { browser in
            let token = try #require(Page.csrf(in: try await browser.get("/forms").text))
            #expect(try await browser.get("/forms/\(other)").status == .notFound)
            #expect(try await browser.get("/forms/\(department)").status == .notFound)
            #expect(try await browser.get("/forms/\(other)/print").status == .notFound)
            let post = try await browser.post("/forms/\(other)", ["_csrf": token, "_version": "1", "action": "save", "p_name": "改名"])
            #expect(post.status == .notFound)
            let list = try await browser.get("/forms").text
            #expect(list.contains(Self.evaluation) && !list.contains("城乡客运公交运营补贴"))
        }
        #expect(try await h.store.form(id: other)?.title == "2025年城乡客运公交运营补贴")
    }

    @Test func aReviewerReadsAUnitsDraftButCannotEditIt() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("jiaotong") { browser in
            let page = try await browser.get("/forms/\(id)")
            #expect(page.status == .ok && page.text.contains("只读") && !page.text.contains("value=\"save\""))
            // The reviewer reads the official table (whole texts, no greyed-out inputs), with each row's suggestion.
            #expect(page.text.contains("class=\"official-form on-screen\"") && !page.text.contains("name=\"i.4.actual\""))
            #expect(page.text.contains("<td>日常养护里程</td><td>≥486公里</td><td>486公里</td><td class=\"num\">15</td><td class=\"num\">15</td>"))
            // A post made up of the fields is still refused.
            var fields = Page.formFields(page.text)
            fields["_csrf"] = Page.csrf(in: page.text)
            fields["_version"] = "1"
            fields["i.4.actual"] = "99%"
            let post = try await browser.post("/forms/\(id)", fields)
            #expect(post.status == .forbidden && post.text.contains("没有权限"))
            #expect(try await browser.get("/forms/new").text.contains("部门整体支出绩效自评表"))
        }
        #expect(try await h.store.form(id: id)?.version == 1)
    }

    @Test func savingAnActualValueRecomputesTheSuggestedScore() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            let page = try await browser.get("/forms/\(id)")
            #expect(Page.suggested(page.text, row: 4) == "4.89")
            var fields = Page.formFields(page.text)
            fields["i.4.actual"] = "95%"
            fields["i.4.score"] = "5"
            let saved = try await browser.post("/forms/\(id)", fields)
            #expect(saved.status == .seeOther && saved.location == "/forms/\(id)?saved=2")
            let after = try await browser.get(saved.location!)
            #expect(after.text.contains("已保存（第2版）"))
            #expect(Page.suggested(after.text, row: 4) == "5")
            #expect(after.text.contains("name=\"total\" value=\"99.65\""))
        }
        let stored = try #require(try await h.store.form(id: id))
        #expect(stored.version == 2 && stored.form.indicators[4].actual?.text == "95%")
        #expect(stored.summary.suggestedTotal == Decimal(string: "99.65"))
    }

    @Test func aStaleSaveIsRefusedThenMergedAndBothEditsSurvive() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        let password = try #require(h.passwords["gonglu"])
        try await h.test { client in
            var first = Browser(client), second = Browser(client)
            try await first.login("gonglu", password)
            try await second.login("gonglu", password)
            var a = Page.formFields(try await first.get("/forms/\(id)").text)
            var b = Page.formFields(try await second.get("/forms/\(id)").text)
            a["i.0.actual"] = "490公里"
            b["i.1.actual"] = "34000平方米"
            #expect(try await first.post("/forms/\(id)", a).status == .seeOther)
            let refused = try await second.post("/forms/\(id)", b)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("别人已保存") && refused.text.contains("您填写的内容仍在下面"))
            // What the second person typed stays; the first person's change (a field the second left alone) is taken
            // over and listed; the page carries the current version, so saving again goes through with both.
            let kept = Page.formFields(refused.text)
            #expect(kept["i.1.actual"] == "34000平方米")
            #expect(kept["i.0.actual"] == "490公里")
            #expect(kept["_version"] == "2")
            #expect(refused.text.contains("对方的修改"))
            #expect(try await second.post("/forms/\(id)", kept).status == .seeOther)
        }
        let stored = try #require(try await h.store.form(id: id))
        #expect(stored.version == 3 && stored.form.indicators[0].actual?.text == "490公里" && stored.form.indicators[1].actual?.text == "34000平方米")
    }

    @Test func findingsStayWithTheirRowWhenTwoRowsShareAName() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            var fields = Page.formFields(try await browser.get("/forms/\(id)").text)
            // Row 3 takes row 4's name and loses its actual value: only row 3 may show the missing actual.
            fields["i.3.name"] = try #require(fields["i.4.name"])
            fields["i.3.actual"] = ""
            fields["i.3.score"] = ""
            let saved = try await browser.post("/forms/\(id)", fields)
            #expect(saved.status == .seeOther)
            let page = try await browser.get(try #require(saved.location)).text
            let rows = page.components(separatedBy: "<tr class=\"row-findings\">").dropFirst()
                .map { $0.components(separatedBy: "</tr>")[0] }
            #expect(rows.filter { $0.contains("EVAL_ACTUAL_MISSING") }.count == 1)
        }
    }

    @Test func theExecutionRateIsWorkedOutFromBudgetAndSpendingNotTyped() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            let page = try await browser.get("/forms/\(id)").text
            #expect(page.contains("<output id=\"execution-rate\" class=\"computed\" aria-live=\"polite\">96.54%</output>"))
            var fields = Page.formFields(page)
            fields["x_annual"] = "200"
            fields["x_executed"] = "150"
            fields["x_rate"] = "99%"
            fields["x_score"] = "7.5"
            let saved = try await browser.post("/forms/\(id)", fields)
            #expect(saved.status == .seeOther)
        }
        let stored = try #require(try await h.store.form(id: id))
        guard case .projectSelfEvaluation(let e) = stored.form else { Issue.record("not a self-evaluation"); return }
        #expect(e.execution?.reportedRate?.description == "75.00%")
    }

    @Test func aPrintedRateThatDisagreesIsShownBeforeSavingReplacesIt() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        let record = try #require(try await h.store.form(id: id))
        guard case .projectSelfEvaluation(var e) = record.form else { Issue.record("not a self-evaluation"); return }
        e.execution?.reportedRate = PrintedNumber(text: "98%")
        _ = try await h.store.saveForm(id: id, expectedVersion: 1, form: EvaluationFormContent(form: .projectSelfEvaluation(e), summary: record.summary),
                                       by: nil)
        try await h.signedIn("gonglu") { browser in
            let page = try await browser.get("/forms/\(id)").text
            #expect(page.contains("原表印为98%，按 B÷A 应为96.54%；保存时改为计算值。"))
        }
    }

    @Test func amountsShownWithSeparatorsSaveAsTheSameNumbers() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            let fields = Page.formFields(try await browser.get("/forms/\(id)").text)
            #expect(fields["x_annual"] == "1,860" && fields["x_executed"] == "1,795.62")
            // Saved as shown: nothing changed, no new version, no phantom entry in the history.
            let saved = try await browser.post("/forms/\(id)", fields)
            #expect(saved.location == "/forms/\(id)?saved=1")
        }
        #expect(try await h.store.form(id: id)?.version == 1)
        #expect(try await h.store.events(formID: id).count == 1)
    }

    @Test func anActionNoButtonSendsIsRefusedAndNothingChanges() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            var fields = Page.formFields(try await browser.get("/forms/\(id)").text)
            for action in ["explode-indicator:1", "up-indicator:x", "adopt:"] {
                fields["action"] = action
                let refused = try await browser.post("/forms/\(id)", fields)
                #expect(refused.status == .badRequest && refused.text.contains("未知的操作"), "\(action)")
            }
            fields["action"] = "down-indicator:0"
            let moved = try await browser.post("/forms/\(id)", fields)
            #expect(moved.status == .ok && moved.text.contains("已调整行，尚未保存。"))
        }
        #expect(try await h.store.form(id: id)?.version == 1)
    }

    @Test func theSuggestedScoresAreTakenOverRowByRowOrAllWithoutScript() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            var fields = Page.formFields(try await browser.get("/forms/\(id)").text)
            fields["i.4.actual"] = "94%"
            fields["i.4.score"] = "1"
            fields["action"] = "adopt:4"
            let one = try await browser.post("/forms/\(id)", fields)
            #expect(one.status == .ok && one.text.contains("已采用1行的建议得分，尚未保存。"))
            let afterOne = Page.formFields(one.text)
            #expect(afterOne["i.4.score"] == "4.95" && afterOne["i.4.actual"] == "94%")
            var all = afterOne
            all["i.0.score"] = "3"
            all["action"] = "adopt-all"
            let every = try await browser.post("/forms/\(id)", all)
            #expect(every.text.contains("已采用1行的建议得分"))
            #expect(Page.formFields(every.text)["i.0.score"] != "3")
            var save = Page.formFields(every.text)
            save["action"] = "save"
            #expect(try await browser.post("/forms/\(id)", save).status == .seeOther)
        }
        let stored = try #require(try await h.store.form(id: id))
        #expect(stored.form.indicators[4].reportedScore?.value == Decimal(string: "4.95"))
        #expect(stored.form.indicators[0].reportedScore?.value != 3)
    }

    @Test func aScoreOutsideItsAllowedRangeIsRefusedWithTheReason() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            var fields = Page.formFields(try await browser.get("/forms/\(id)").text)
            fields["i.4.score"] = "5"
            let refused = try await browser.post("/forms/\(id)", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("得分超出允许范围，未保存"))
            #expect(refused.text.contains("得分5不在允许范围"))
            #expect(Page.formFields(refused.text)["i.4.score"] == "5")
        }
        #expect(try await h.store.form(id: id)?.version == 1)
    }

    @Test func badInputIsRefusedClearlyAndNothingIsStored() async throws {
        let h = try await WebHarness.make { $0.maxFieldLength = 200 }
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            let page = try await browser.get("/forms/\(id)").text
            let token = try #require(Page.csrf(in: page))
            let malformed = try await browser.post("/forms/\(id)", raw: "_csrf=\(token)&_version=1&p_name=%E4%ZZ")
            #expect(malformed.status == .badRequest && malformed.text.contains("格式有误"))
            let json = try await browser.post("/forms/\(id)", raw: "{\"p_name\":1}", contentType: "application/json")
            #expect(json.status == .unsupportedMediaType && json.text.contains("application/x-www-form-urlencoded"))
            var long = Page.formFields(page)
            long["i.2.reason"] = String(repeating: "长", count: 201)
            let tooLong = try await browser.post("/forms/\(id)", long)
            #expect(tooLong.status == .contentTooLarge && tooLong.text.contains("第3条指标的偏差原因分析及改进措施") && tooLong.text.contains("201个字"))
            var noCSRF = Page.formFields(page)
            noCSRF["_csrf"] = nil
            #expect(try await browser.post("/forms/\(id)", noCSRF).status == .forbidden)
            var notANumber = Page.formFields(page)
            notANumber["i.0.weight"] = "十五"
            let refused = try await browser.post("/forms/\(id)", notANumber)
            #expect(refused.status == .unprocessableContent && refused.text.contains("“十五”不是有效的数字"))
            #expect(Page.formFields(refused.text)["i.0.weight"] == "十五")
        }
        #expect(try await h.store.form(id: id)?.version == 1)
    }

    @Test func aValueTheLanguageCannotReadIsKeptAsTextWithAWarning() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            var fields = Page.formFields(try await browser.get("/forms/\(id)").text)
            fields["i.0.actual"] = "基本完成（待复核）"
            fields["i.0.score"] = ""
            let saved = try await browser.post("/forms/\(id)", fields)
            #expect(saved.status == .seeOther)
            let after = try await browser.get("/forms/\(id)").text
            #expect(after.contains("“基本完成（待复核）”不是数值，已按文字保存"))
            #expect(Page.formFields(after)["i.0.actual"] == "基本完成（待复核）")
        }
    }

    @Test func rowsAreAddedMovedAndRemovedWithoutJavaScript() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID("2026年农村公路养护工程")
        try await h.signedIn("gonglu") { browser in
            var fields = Page.formFields(try await browser.get("/forms/\(id)").text)
            fields["action"] = "add-indicator"
            let added = try await browser.post("/forms/\(id)", fields)
            #expect(added.status == .ok && added.text.contains("已调整行，尚未保存"))
            var next = Page.formFields(added.text)
            #expect(next["i.9.name"] == "")
            next["i.9.name"] = "养护巡查频次"
            next["i.9.target"] = "每周"
            next["action"] = "up-indicator:9"
            let moved = Page.formFields(try await browser.post("/forms/\(id)", next).text)
            #expect(moved["i.8.name"] == "养护巡查频次" && moved["i.9.name"] == "沿线群众满意度")
            var removing = moved
            removing["action"] = "remove-indicator:0"
            var final = Page.formFields(try await browser.post("/forms/\(id)", removing).text)
            #expect(final["i.0.name"] == "乡道养护里程")
            final["action"] = "save"
            #expect(try await browser.post("/forms/\(id)", final).status == .seeOther)
        }
        let stored = try #require(try await h.store.form(id: id))
        #expect(stored.form.indicators.map(\.name).prefix(1) == ["乡道养护里程"])
        #expect(stored.form.indicators[7].name == "养护巡查频次" && stored.form.indicators[7].target?.kind == .schedule)
        #expect(stored.form.indicators.first?.subTasks?.numbers == [2])
    }

    @Test func aDeclarationShowsItsChecksBesideTheFields() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID("2026年道路运输安全监管信息化运维")
        try await h.signedIn("yunshu") { browser in
            let page = try await browser.get("/forms/\(id)").text
            #expect(page.contains("“≥%”是未填写的模板，请补上数值"))
            #expect(page.contains("<option value=\"central_2021\" selected>"))
        }
    }

    @Test func newFormsAreCreatedOnlyWhereThePersonMayEdit() async throws {
        let h = try await WebHarness.make()
        let unitPassword = try #require(h.passwords["gonglu"])
        let financePassword = try #require(h.passwords["caizheng"])
        try await h.test { client in
            var browser = Browser(client)
            try await browser.login("gonglu", unitPassword)
            let page = try await browser.get("/forms/new").text
            let token = try #require(Page.csrf(in: page))
            let organisation = try #require(page.firstMatch(of: /<option value="(\d+)">305002/).map { String($0.1) })
            let created = try await browser.post("/forms", ["_csrf": token, "organisation": organisation, "kind": "target_declaration", "year": "2027", "name": "2027年桥梁检测"])
            #expect(created.status == .seeOther)
            let form = try await browser.get(try #require(created.location)).text
            #expect(form.contains("2027年桥梁检测") && form.contains("绩效目标申报表"))
            let elsewhere = try await browser.post("/forms", ["_csrf": token, "organisation": "1", "kind": "target_declaration", "year": "2027", "name": "越权"])
            #expect(elsewhere.status == .forbidden)

            var finance = Browser(client)
            try await finance.login("caizheng", financePassword)
            #expect(try await finance.get("/forms/new").text.contains("只能查看表单"))
            #expect(try await finance.get("/forms").text.contains("共7张表单"))
        }
    }

    @Test func theDepartmentEvaluationRollsUpItsProjects() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID("示例市交通运输局")
        try await h.signedIn("jiaotong") { browser in
            let page = try await browser.get("/forms/\(id)").text
            #expect(page.contains("本部门项目支出绩效自评汇总（3个项目）"))
            #expect(page.contains("4206.00") && page.contains("4117.12"))
            var fields = Page.formFields(page)
            fields["action"] = "assemble"
            let answer = try await browser.post("/forms/\(id)", fields).text
            let assembled = Page.formFields(answer)
            // The department's own budget holds 基本支出: it stays; the projects' sums go into the 项目支出 row.
            #expect(assembled["x_annual"] == fields["x_annual"] && assembled["x_executed"] == fields["x_executed"])
            #expect(assembled["x_rate"] == fields["x_rate"] && assembled["x_score"] == fields["x_score"])
            let row = try #require(assembled.first { $0.key.hasPrefix("xb.") && $0.value == "项目支出" }?.key.split(separator: ".")[1])
            // Amounts are shown with thousands separators (and read back as the same numbers).
            #expect(assembled["xb.\(row).annual"] == "4,206.00" && assembled["xb.\(row).executed"] == "4,117.12")
            #expect(answer.contains("已按3个项目的汇总数填入“项目支出”行（万元）") && answer.contains("未改动"))
            // Saved, the row is kept.
            var save = assembled
            save["action"] = "save"
            _ = try await browser.post("/forms/\(id)", save)
            let stored = try #require(try await h.store.form(id: id))
            guard case .departmentEvaluation(let e) = stored.form else { Issue.record("not a department form"); return }
            #expect(e.execution?.breakdown.last?.label == "项目支出" && e.execution?.breakdown.last?.executed?.description == "4117.12")
        }
    }

    @Test func thePrintViewIsTheOfficialFormOnA4() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            let page = try await browser.get("/forms/\(id)/print").text
            #expect(page.contains("<h1 class=\"official-title\">项目支出绩效自评表</h1>") && page.contains("class=\"official\""))
            #expect(page.contains("<td>日常养护里程</td><td>≥486公里</td><td>486公里</td><td class=\"num\">15</td><td class=\"num\">15</td>"))
            // Unapproved forms carry their status as a watermark; the signature lines are there to sign.
            #expect(page.contains("<div class=\"watermark\" aria-hidden=\"true\">草稿</div>"))
            #expect(page.contains("单位负责人：") && page.contains("审核人：") && page.contains("填表人："))
            let css = try await browser.get("/static/app.css").text
            #expect(css.contains("size: A4 portrait"))
        }
    }

    @Test func thePreviewAnswersWithScoresForUnsavedValues() async throws {
        let h = try await WebHarness.make()
        let id = try await h.formID(Self.evaluation)
        try await h.signedIn("gonglu") { browser in
            var fields = Page.formFields(try await browser.get("/forms/\(id)").text)
            fields["i.4.actual"] = "76%"
            let answer = try await browser.post("/forms/\(id)/preview", fields)
            #expect(answer.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(answer.text.utf8)) as? [String: Any]
            let rows = try #require(json?["rows"] as? [[String: String]])
            #expect(rows[4]["suggested"] == "4")
        }
        #expect(try await h.store.form(id: id)?.version == 1)
    }
}
