import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoProfiles
import JixiaoStore
import JixiaoStoreSQLite
import JixiaoWeb

/// `jixiao bench-web`: the web system under load, with many projects in SQLite (needs `wrk`).
struct WebBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-web",
        abstract: "性能测量：SQLite 中放入大量项目，启动 jixiao serve，用 wrk 压测项目列表和表单页面（请用 release 构建）。")

    @Option(name: .long, help: "项目自评表数量") var projects = 10_000
    @Option(name: .long, help: "每张表的指标数") var indicators = 20
    @Option(name: .long, help: "单位数") var units = 100
    @Option(name: .long, help: "每个页面的压测秒数") var seconds = 10
    @Option(name: .long, help: "并发连接数") var connections = 16
    @Option(name: .long, help: "数据库文件（缺省用临时文件）") var db: String?

    func run() async throws { try await guarded(perform) }

    func perform() async throws {
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure.unusable("需要 wrk：apt-get install -y wrk")
        }
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-\(UUID().uuidString).sqlite").path
        let store = try openStore(path)
        let started = Date()
        let token = try await fill(store)
        print("数据：\(projects)张项目自评表、\(projects * indicators)个指标、\(units)个单位，写入用时 \(String(format: "%.1f", Date().timeIntervalSince(started))) 秒（\(path)）")

        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: server.executableURL!.path) { server.executableURL = Bundle.main.executableURL }
        server.arguments = ["serve", "--db", path, "--port", "0"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        var printed = ""
        while !printed.contains("/login") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { throw Failure.unusable("jixiao serve 未能启动") }
            printed += String(decoding: data, as: UTF8.self)
        }
        guard let base = printed.firstMatch(of: /(http:\/\/[0-9.]+:\d+)\/login/).map({ String($0.1) }) else { throw Failure.unusable("找不到服务地址") }

        let script = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-forms.lua")
        try """
        math.randomseed(42)
        request = function() return wrk.format("GET", "/forms/" .. math.random(1, \(projects))) end
        """.write(to: script, atomically: true, encoding: .utf8)
        let cookie = "Cookie: jixiao_session=\(token)"
        var rows: [String] = []
        for (label, arguments) in [("项目列表 /forms", ["\(base)/forms"]), ("表单页面 /forms/N", ["-s", script.path, "\(base)/forms/1"])] {
            let result = try runWrk(wrk, ["-t", "2", "-c", String(connections), "-d", "\(seconds)s", "--latency", "-H", cookie] + arguments)
            rows.append("\(label)\t\(result.requestsPerSecond) 请求/秒\tp50 \(result.p50)\tp99 \(result.p99)\t非2xx \(result.errors)")
        }
        let status = (try? String(contentsOfFile: "/proc/\(server.processIdentifier)/status", encoding: .utf8)) ?? ""
        let peak = status.firstMatch(of: /VmHWM:\s+(\d+) kB/).map { (Int($0.1) ?? 0) / 1024 } ?? 0
        let resident = status.firstMatch(of: /VmRSS:\s+(\d+) kB/).map { (Int($0.1) ?? 0) / 1024 } ?? 0
        rows.forEach { print($0) }
        print("服务进程内存：常驻 \(resident) MB，峰值 \(peak) MB")
    }

    /// Writes the organisation tree, the forms and a session; returns the session's cookie token.
    func fill(_ store: SQLiteStore) async throws -> String {
        let profile = try ProfileLibrary.profile(id: ProfileLibrary.defaultID)
        let bureau = try await store.addOrganisation(NewOrganisation(parentID: nil, kind: .financeBureau, code: "900", name: "压测市财政局"))
        let department = try await store.addOrganisation(NewOrganisation(parentID: bureau.id, kind: .department, code: "901", name: "压测市交通运输局"))
        var unitRecords: [OrganisationRecord] = []
        for index in 0..<units {
            unitRecords.append(try await store.addOrganisation(NewOrganisation(parentID: department.id, kind: .unit,
                                                                              code: String(format: "901%03d", index + 1), name: "压测单位\(index + 1)")))
        }
        let pool = BenchCommand.pool
        for number in 0..<projects {
            let unit = unitRecords[number % unitRecords.count]
            let rows = (0..<indicators).map { i -> Indicator in
                let (target, actual, weight, level2) = pool[(number + i) % pool.count]
                return Indicator(level1Label: "产出指标", level2Label: level2, name: "指标\(i + 1)", target: IndicatorValueParser.parse(target),
                                 actual: IndicatorValueParser.parse(actual), weight: PrintedNumber(text: weight), reportedScore: PrintedNumber(text: weight))
            }
            let project = Project(name: "2025年压测项目\(number + 1)号", unit: unit.organisation, fiscalYear: 2025)
            let execution = BudgetExecution(annualBudget: PrintedNumber(text: "120"), executed: PrintedNumber(text: "\(100 + number % 20)"), weight: PrintedNumber(text: "10"))
            let form = EvaluationForm.projectSelfEvaluation(ProjectSelfEvaluation(project: project, execution: execution, indicators: rows))
            _ = try await store.addForm(NewForm(organisationID: unit.id, fiscalYear: 2025, form: form,
                                                summary: FormSummaries.of(form, profile: profile), createdBy: nil))
        }
        let user = try await store.addUser(NewUser(username: "bench", displayName: "压测", passwordHash: "-", role: .departmentReviewer, organisationID: department.id))
        let token = PasswordHasher.randomToken()
        try await store.addSession(SessionRecord(token: token, userID: user.id, csrfToken: PasswordHasher.randomToken(), createdAt: Date(),
                                                 expiresAt: Date().addingTimeInterval(86_400)))
        return token
    }

    struct WrkResult { var requestsPerSecond: String; var p50: String; var p99: String; var errors: String }

    func runWrk(_ wrk: String, _ arguments: [String]) throws -> WrkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        func find(_ pattern: Regex<(Substring, Substring)>) -> String { text.firstMatch(of: pattern).map { String($0.1) } ?? "?" }
        return WrkResult(requestsPerSecond: find(/Requests\/sec:\s+([0-9.]+)/), p50: find(/\n\s+50%\s+(\S+)/), p99: find(/\n\s+99%\s+(\S+)/),
                         errors: text.firstMatch(of: /Non-2xx or 3xx responses: (\d+)/).map { String($0.1) } ?? "0")
    }
}
