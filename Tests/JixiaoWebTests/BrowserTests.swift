import Foundation
import Testing

/// The web system in a real browser: headless Chromium, driven through the DevTools protocol.
@Suite struct BrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs where Chromium is installed; in CI (`CI` set) a missing Chromium is a failure, not a skip.
    @Test(.enabled(if: chromium != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func aUnitUserEditsAnActualValueAndSeesTheNewSuggestedScore() async throws {
        let chromium = try #require(Self.chromium, "Chromium is not installed (.ci/run installs it)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let server = try ServerProcess(arguments: ["--demo", "--db", dir.appendingPathComponent("browser.sqlite").path], expectAccounts: 6)
        defer { server.stop() }
        let artifacts = ServerProcess.root.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts.appendingPathComponent("browser-edit-actual-value.png")
        try? FileManager.default.removeItem(at: screenshot)

        let outData = try Self.runScript("edit_actual_value.py", [server.base, "gonglu", try #require(server.passwords["gonglu"]), "1", screenshot.path], chromium: chromium)
        let seen = try #require(try JSONSerialization.jsonObject(with: outData) as? [String: String?])
        #expect(seen["after_login"]??.contains("李晓燕") == true)
        #expect(seen["before"] == "4.89")
        #expect(seen["preview"] == "5")
        #expect(seen["notice"] == "已保存（第2版）。")
        #expect(seen["after"] == "5")
        #expect(seen["actual"] == "95%")
        #expect(seen["total"] == "99.65")
        let png = try Data(contentsOf: screenshot)
        #expect(png.count > 10_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// Runs a driver script under `Browser/`; returns what it printed, or fails with what it said on stderr.
    static func runScript(_ name: String, _ arguments: [String], chromium: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/\(name)")
        process.arguments = ["python3", script.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["CHROMIUM": chromium]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw ServerError("\(name) failed: \(String(decoding: errData, as: UTF8.self))") }
        return outData
    }

    @Test(.enabled(if: chromium != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func aFormGoesThroughReviewAndTheTrailShowsEveryStep() async throws {
        let chromium = try #require(Self.chromium, "Chromium is not installed (.ci/run installs it)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let server = try ServerProcess(arguments: ["--demo", "--db", dir.appendingPathComponent("review.sqlite").path], expectAccounts: 6)
        defer { server.stop() }
        let artifacts = ServerProcess.root.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let accounts = String(decoding: try JSONSerialization.data(withJSONObject: server.passwords), as: UTF8.self)
        let out = try Self.runScript("review_flow.py", [server.base, "1", artifacts.path, accounts], chromium: chromium)
        let seen = try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
        #expect(seen["statuses"] as? [String] == ["流程：已提交", "流程：草稿", "流程：已提交", "流程：财政审核中", "流程：已审定"])
        let trail = try #require(seen["trail"] as? [String])
        #expect(trail == [
            "孙慧|7|财政审核通过|财政审核中|已审定|",
            "陈立群|6|部门审核通过|已提交|财政审核中|同意。",
            "李晓燕|5|提交|草稿|已提交|",
            "李晓燕|4|第10条指标的偏差原因分析及改进措施|（空）|抽样调查420人，满意390人。|",
            "陈立群|3|退回修改|已提交|草稿|满意度偏差原因请写明调查样本数。",
            "李晓燕|2|提交|草稿|已提交|",
            "—|1|新建|||",
        ])
        // The reviewer's day: the queue first, 已退回 and the opinion for the unit, the fix shown to the reviewer,
        // the next form after approving, and a question before each 提交 and 通过.
        #expect(seen["landing"] as? String == "/forms?waiting=1")
        #expect(Set(seen["queue"] as? [String] ?? []) == ["2025年国省干线公路日常养护", "2026年农村公路养护工程"])
        #expect((seen["unit_list_row"] as? String)?.contains("已退回") == true)
        #expect((seen["opinion_at_top"] as? String)?.contains("满意度偏差原因请写明调查样本数。") == true)
        #expect(seen["since_return"] as? [String] == ["第10条指标的偏差原因分析及改进措施|（空）|抽样调查420人，满意390人。"])
        #expect((seen["next"] as? String)?.contains("2026年农村公路养护工程") == true)
        #expect((seen["next_opened"] as? String)?.contains("2026年农村公路养护工程") == true)
        let dialogs = seen["dialogs"] as? [String] ?? []
        #expect(dialogs.count == 5 && dialogs.filter { $0.contains("确定提交") }.count == 3, "\(dialogs)")
        for name in ["review-0-queue.png", "review-1-submitted.png", "review-2-returned.png", "review-2b-changes-since-return.png",
                     "review-3-approved-trail.png"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent(name).path))
        }
    }

    @Test(.enabled(if: chromium != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func aUnitUploadsADocumentThroughTheFileInputAndConfirmsIt() async throws {
        let chromium = try #require(Self.chromium, "Chromium is not installed (.ci/run installs it)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("2024年自评.json")
        try UploadTests.document().write(to: file)
        let server = try ServerProcess(arguments: ["--demo", "--db", dir.appendingPathComponent("upload.sqlite").path], expectAccounts: 6)
        defer { server.stop() }
        let artifacts = ServerProcess.root.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let out = try Self.runScript("upload_flow.py", [server.base, "gonglu", try #require(server.passwords["gonglu"]), file.path, artifacts.path],
                                     chromium: chromium)
        let seen = try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
        #expect(seen["confirm_title"] as? String == "确认导入：2024年自评.json", "Chromium's file name arrives intact")
        #expect(seen["year"] as? String == "2024")
        #expect((seen["button_while_working"] as? String)?.hasPrefix("正在") == true, "the button says it is working and cannot be pressed twice")
        let reasons = try #require(seen["reasons"] as? [String])
        #expect(reasons.count == 3 && reasons[0] == "按编码 305002匹配" && reasons[2].contains("不在您可导入的范围内"))
        let preview = try #require(seen["preview"] as? [String])
        #expect(preview.count == 3 && preview[0].hasPrefix("第1份《县道桥梁加固》：指标1条，建议总分") && preview[0].contains("审核：错误"))
        #expect(seen["preview_rows"] as? Int == 1)
        #expect(seen["result_title"] as? String == "已导入 2 份表单")
        #expect(seen["created"] as? [String] == ["县道桥梁加固", "公路标志标线更新"])
        for name in ["upload-1-confirm.png", "upload-2-created.png"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent(name).path))
        }
    }

    /// The ways the editor lost or blocked work (issue "Filling and reviewing", bugs 1–7), each as a person meets it.
    @Test(.enabled(if: chromium != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func theEditorKeepsWorkThatUsedToBeLost() async throws {
        let out = try Self.runOnDemo("work_kept.py")
        let seen = try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
        // 1. 94% against ≥95% of 5 points: the suggestion 4.95 is shown, allowed and saved.
        #expect(seen["suggested"] as? String == "4.95")
        #expect(seen["range"] as? String == "允许 0 至 4.95 分")
        #expect(seen["suggested_error"] is NSNull, "\(seen["suggested_error"] ?? "")")
        #expect(seen["suggested_saved"] as? String == "已保存（第2版）。")
        #expect(seen["score_after"] as? String == "4.95")
        // 2. 提交 saved the reason typed just before it.
        #expect(seen["submitted_status"] as? String == "流程：已提交")
        #expect(seen["submitted_reason"] as? String == "7月至8月连续降雨；已增设应急养护班组，9月起按周通报处治进度。")
        // 3. Enter saves and moves nothing; leaving with unsaved text asks.
        #expect(seen["enter_notice"] as? String == "已保存（第2版）。")
        #expect(seen["manager_after"] as? String == "周海")
        let subtasks = try #require(seen["subtasks_before"] as? [String])
        #expect(subtasks.count == 3 && subtasks.allSatisfy { !$0.isEmpty })
        #expect(seen["subtasks_after"] as? [String] == subtasks)
        #expect(seen["leave_dialog"] as? String == "beforeunload")
        #expect(seen["after_staying"] as? String == "/forms/4")
        // The department's budget (with 基本支出) survives Enter and the roll-up; the roll-up fills the 项目支出 row.
        let before = try #require(seen["department_before"] as? [String: String])
        #expect(before["x_annual"]?.isEmpty == false && before["x_rate"]?.isEmpty == false && before["x_score"]?.isEmpty == false)
        #expect(seen["department_enter_notice"] as? String == "已保存（第2版）。" || seen["department_enter_notice"] as? String == "已保存（第1版）。")
        #expect(seen["department_after_enter"] as? [String: String] == before)
        #expect(seen["department_after_assemble"] as? [String: String] == before)
        let notice = try #require(seen["assemble_notice"] as? String)
        #expect(notice.contains("“项目支出”行") && notice.contains("未改动") && notice.hasSuffix("尚未保存。"))
        #expect(seen["breakdown_labels"] as? [String] == ["其中：基本支出", "项目支出"])
        let projectRow = try #require(seen["project_row"] as? [String])
        #expect(projectRow.count == 3 && projectRow.allSatisfy { !$0.isEmpty })
        // 7. An unknown path: the system's own page, not the browser's English one.
        #expect(seen["unknown_heading"] as? String == "找不到")
        #expect((seen["unknown_title"] as? String)?.contains("出错了") == true)
        #expect(seen["unknown_link"] as? String == "返回表单列表")
        // 4. The save conflict: kept, merged, listed, and saved on the next try.
        #expect((seen["other_save"] as? String)?.hasPrefix("200") == true, "\(seen["other_save"] ?? "")")
        #expect((seen["conflict_error"] as? String)?.contains("别人已保存") == true, "\(seen["conflict_error"] ?? "")")
        #expect((seen["conflict_changes"] as? String)?.contains("另一位同事") == true)
        #expect(seen["conflict_phone"] as? String == "0771-5550123")
        #expect(seen["conflict_manager"] as? String == "另一位同事")
        let startVersion = Int(seen["conflict_version_before"] as? String ?? "") ?? 0
        #expect(Int(seen["conflict_version"] as? String ?? "") == startVersion + 1)
        #expect(seen["resaved_error"] is NSNull, "\(seen["resaved_error"] ?? "")")
        #expect(seen["resaved_notice"] as? String == "已保存（第\(startVersion + 2)版）。")
        #expect(seen["resaved_phone"] as? String == "0771-5550123")
        #expect(seen["resaved_manager"] as? String == "另一位同事")
        // 5. The expired session: kept through signing in, put back, saved; the page asked for comes after signing in.
        #expect((seen["expired_message"] as? String)?.contains("登录已过期") == true, "\(seen["expired_message"] ?? "")")
        #expect((seen["restored_notice"] as? String)?.contains("已放回表中") == true, "\(seen["restored_notice"] ?? "")")
        #expect(seen["restored_manager"] as? String == "过期前填写的负责人")
        #expect(seen["restored_saved"] as? String == "已保存（第\(startVersion + 3)版）。")
        #expect(seen["restored_saved_manager"] as? String == "过期前填写的负责人")
        #expect(seen["next_login_url"] as? String == "/login?next=/forms/4/print")
        #expect(seen["next_after_login"] as? String == "/forms/4/print")
        // 6. Line ends: the second, unchanged save makes no version and no history entry.
        #expect(seen["multiline_saved"] as? String == "已保存（第\(startVersion + 4)版）。")
        #expect(seen["multiline_value"] as? String == "第一行：路面修补\n第二行：边沟清理")
        #expect(seen["multiline_resaved"] as? String == "已保存（第\(startVersion + 4)版）。")
        #expect(seen["multiline_history"] as? Int == 1)
        // 7. 采用建议得分 in place, then saved.
        let suggested = try #require(seen["adopt_suggested"] as? String)
        #expect(suggested != "—" && seen["adopt_row_score"] as? String == suggested)
        #expect(seen["adopt_row_status"] as? String == "已采用1行的建议得分，尚未保存。")
        #expect(seen["adopt_row_url"] as? String == "/forms/2")
        #expect(seen["adopt_all_matches"] as? Bool == true)
        #expect((seen["adopt_saved"] as? String)?.hasPrefix("已保存") == true)
        #expect(seen["adopt_saved_score"] as? String == suggested)
    }

    /// Every editor at 1366 px and at 1093 px (125 % scaling): the page does not scroll sideways and no indicator
    /// text is cut off in its box; screenshots kept in test-artifacts.
    @Test(.enabled(if: chromium != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func everyEditorFitsTheWindowAndShowsItsWholeText() async throws {
        let out = try Self.runOnDemo("editor_widths.py")
        let seen = try #require(try JSONSerialization.jsonObject(with: out) as? [String: [String: Any]])
        #expect(seen.count == 6)
        for (page, measured) in seen.sorted(by: { $0.key < $1.key }) {
            let width = measured["page"] as? Int ?? .max, window = measured["window"] as? Int ?? 0
            #expect(width <= window, "\(page): the page is \(width) px wide in a \(window) px window: \(measured["wide"] ?? "")")
            #expect((measured["cut"] as? [String])?.isEmpty == true, "\(page): text cut off in \(measured["cut"] ?? "")")
        }
    }

    /// Runs a browser script against a fresh demo server with the demo accounts and the artifacts folder; its output.
    static func runOnDemo(_ script: String) throws -> Data {
        let chromium = try #require(Self.chromium, "Chromium is not installed (.ci/run installs it)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let server = try ServerProcess(arguments: ["--demo", "--db", dir.appendingPathComponent("demo.sqlite").path], expectAccounts: 6)
        defer { server.stop() }
        let artifacts = ServerProcess.root.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let accounts = String(decoding: try JSONSerialization.data(withJSONObject: server.passwords), as: UTF8.self)
        return try Self.runScript(script, [server.base, accounts, artifacts.path], chromium: chromium)
    }
}
