import Foundation
import Testing

/// Runs the built `jixiao` binary as a user would.
enum CLI {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var binary: URL {
        let candidates = [root.appendingPathComponent(".build/debug/jixiao")]
            + ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".build").path)) ?? [])
                .map { root.appendingPathComponent(".build/\($0)/debug/jixiao") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

@Suite("The jixiao command", .serialized)
struct CLITests {
    @Test("score --format json carries the documented fields")
    func scoreJSON() throws {
        let r = try CLI.run(["score", "examples/sample-forms.json", "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(json["profile"] as? String == "national")
        let evaluations = json["evaluations"] as! [[String: Any]]
        let first = evaluations[0]
        for key in ["title", "kind", "indicator_count", "weight_total", "reported_total", "reported_sum", "suggested_total",
                    "reported_grade", "suggested_grade", "execution_rate", "indicators"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["reported_total"] as? String == "99.88")
        #expect(first["reported_sum"] as? String == "98.88")
        #expect(first["suggested_total"] as? String == "96.68")
        #expect(first["execution_rate"] as? String == "0.9875")
        let indicator = (first["indicators"] as! [[String: Any]])[4]
        for key in ["name", "level1", "level2", "target", "actual", "weight", "reported_score", "suggested_score",
                    "allowed_min", "allowed_max", "rule", "explanation"] {
            #expect(indicator[key] != nil, "missing \(key)")
        }
        #expect(indicator["suggested_score"] as? String == "6.3")
        #expect(indicator["rule"] as? String == "positive.partial")
        #expect(indicator["explanation"] as? String == "正向指标未达成：90 ÷ 100 × 7 = 6.3")
    }

    @Test("check --format json lists findings and a summary; exit 0 with findings")
    func checkJSON() throws {
        let r = try CLI.run(["check", "examples/sample-forms.json", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let findings = json["findings"] as! [[String: Any]]
        #expect(findings.contains { $0["code"] as? String == "EVAL_GRADE" })
        for key in ["code", "severity", "message", "location"] { #expect(findings[0][key] != nil) }
        let summary = json["summary"] as! [String: Any]
        #expect(summary["error"] as? Int == 8)
        #expect(summary["warning"] as? Int == 5)
        #expect(summary["info"] as? Int == 2)
    }

    @Test("check text output is grouped by form without colour when not a terminal")
    func checkText() throws {
        let r = try CLI.run(["check", "examples/sample-forms.json"])
        #expect(r.status == 0)
        #expect(r.out.contains("【3】示例市生态环境局"))
        #expect(r.out.contains("[错误] EVAL_GRADE 总分 97.54 按“全国通用（默认）”应评为“优”，表中为“良”"))
        #expect(r.out.contains("合计：错误 8 项，警告 5 项，提示 2 项"))
        #expect(!r.out.contains("\u{1B}["))
    }

    @Test("The Shanxi profile changes scores")
    func profileOption() throws {
        let national = try CLI.run(["score", "examples/sample-forms.json", "--format", "json"])
        let shanxi = try CLI.run(["score", "examples/sample-forms.json", "--format", "json", "--profile", "shanxi"])
        #expect(shanxi.status == 0)
        #expect(shanxi.out.contains("\"profile\" : \"shanxi\""))
        #expect(national.out != shanxi.out)
    }

    @Test("Unusable input exits 2 with a Chinese message naming the file",
          arguments: [
            (["score", "examples/missing.json"], "jixiao：文件 examples/missing.json：文件不存在\n"),
            (["check", "Package.swift"], "jixiao：文件 Package.swift：文件中没有找到可识别的绩效表单（目标申报表、项目支出绩效自评表、部门整体支出绩效自评表）或部门决算公开说明\n"),
            (["score", "examples/sample-forms.json", "--profile", "beijing"], "jixiao：未知的评分规则“beijing”。可用的评分规则：national、shanxi\n"),
          ])
    func unusable(_ example: ([String], String)) throws {
        let r = try CLI.run(example.0)
        #expect(r.status == 2)
        #expect(r.err == example.1)
        #expect(r.out.isEmpty)
    }

    @Test("checks and profiles list the catalogue")
    func listings() throws {
        let checks = try CLI.run(["checks"])
        #expect(checks.status == 0)
        #expect(checks.out.contains("EVAL_SCORE_OUT_OF_RANGE"))
        let json = try CLI.run(["checks", "--format", "json"])
        let list = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [[String: Any]]
        #expect(list.count > 30)
        let profiles = try CLI.run(["profiles"])
        #expect(profiles.out.contains("national") && profiles.out.contains("shanxi"))
    }
}

@Suite("jixiao import") struct ImportCLITests {
    static var seedFolder: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared/fixtures/seeds")
    }

    static var seed002: String {
        let folder = seedFolder
        let name = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.first { $0.hasPrefix("002_") } ?? "002"
        return folder.appendingPathComponent(name).path
    }

    @Test(.needsSeeds) func importsAndScoresAPublishedText() throws {
        let summary = try CLI.run(["import", Self.seed002])
        #expect(summary.status == 0)
        #expect(summary.out.contains("固定污染源排污许可证核发和登记情况抽查专项工作") && summary.out.contains("97.3"))
        let json = try CLI.run(["import", Self.seed002, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "jixiao-interchange")
        #expect((object?["forms"] as? [[String: Any]])?.first?["kind"] as? String == "project_self_evaluation")
        let score = try CLI.run(["score", Self.seed002, "--format", "json"])
        #expect(score.status == 0 && score.out.contains("\"reported_total\" : \"97.3\""))
    }

    @Test(.needsSeeds) func checkWritesAnHTMLReportQuotingTheRows() throws {
        let r = try CLI.run(["check", Self.seed002, "--format", "html"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("<!doctype html>") && r.out.contains("</html>"))
        #expect(r.out.contains("原文第") && r.out.contains("EVAL_GRADE_MISSING"))
        let refused = try CLI.run(["score", Self.seed002, "--format", "html"])
        #expect(refused.status == 2 && refused.err.contains("score 不支持 html"))
    }

    @Test func administratorsAddOrganisationsAndAccounts() throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-\(UUID().uuidString).sqlite").path
        #expect(try CLI.run(["org", "add", "--code", "700", "--name", "测试市财政局", "--kind", "finance_bureau", "--db", db]).status == 0)
        #expect(try CLI.run(["org", "add", "--code", "701", "--name", "测试市水务局", "--kind", "department", "--parent", "700", "--db", db]).status == 0)
        let added = try CLI.run(["user", "add", "shuiwu", "--role", "部门审核", "--organisation", "701", "--name", "周静", "--bcrypt-cost", "4", "--db", db])
        #expect(added.status == 0)
        #expect(added.out.firstMatch(of: /^账号 shuiwu 密码 [A-Za-z0-9]{16} 角色 部门审核\n$/) != nil)
        let again = try CLI.run(["user", "add", "shuiwu", "--role", "部门审核", "--organisation", "701", "--bcrypt-cost", "4", "--db", db])
        #expect(again.status == 2 && again.err.contains("账号“shuiwu”已存在"))
        let unknown = try CLI.run(["user", "add", "li", "--role", "局长", "--organisation", "701", "--db", db])
        #expect(unknown.status == 2 && unknown.err.contains("未知角色“局长”"))
        let missing = try CLI.run(["user", "add", "li", "--role", "单位填报", "--organisation", "799", "--db", db])
        #expect(missing.status == 2 && missing.err.contains("找不到代码为“799”的机构"))
        let list = try CLI.run(["user", "list", "--db", db])
        #expect(list.out == "shuiwu\t周静\t部门审核\t测试市水务局\n")
    }
}
