import ArgumentParser
import Foundation
import JixiaoStore
import JixiaoStoreSQLite
import JixiaoWeb

/// `jixiao serve`: the multi-user web system on an embedded SQLite file.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动 Web 系统（内嵌 SQLite 数据库）。",
        discussion: "--demo 装入演示部门和账号，并为每个演示账号生成本次运行的新密码。"
    )

    @Option(name: .long, help: "监听地址") var hostname = "127.0.0.1"
    @Option(name: .long, help: "端口（0 表示任选一个空闲端口）") var port = 8080
    @Option(name: .long, help: "SQLite 数据库文件") var db = "jixiao.sqlite"
    @Flag(name: .long, help: "装入演示数据；已有演示数据时只重置演示账号的密码") var demo = false
    @Option(name: .long, help: "评分规则（national、shanxi）") var profile = "national"
    @Option(name: .long, help: "bcrypt 强度（4–31）") var bcryptCost: UInt8 = 12

    func run() async throws { try await guarded(perform) }

        func perform() async throws {
        let store: SQLiteStore
        do { store = try SQLiteStore(path: db) } catch let error as StoreError { throw Failure.unusable(error.message + "（\(error.detail)）") }
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(hostname)
        let configuration = WebConfiguration(profileID: profile, bcryptCost: bcryptCost, secureCookies: !loopback)
        let app = try JixiaoWebApp(store: store, configuration: configuration)
        var accounts: [DemoData.Account] = []
        if demo {
            let hasher = PasswordHasher(cost: bcryptCost)
            do {
                accounts = try await store.organisations().isEmpty
                    ? try await DemoData.load(into: store, hasher: hasher, profileID: profile)
                    : try await DemoData.resetPasswords(in: store, hasher: hasher)
            } catch let error as StoreError { throw Failure.unusable(error.message) }
        }
        if !loopback { print("注意：在非本机地址上，登录 Cookie 带 Secure 标记，请经 HTTPS（反向代理）访问。") }
        let lines = accounts.map { "账号 \($0.username) 密码 \($0.password) 角色 \($0.role.chineseName)" }
        let host = hostname.contains(":") ? "[\(hostname)]" : hostname
        let application = app.application(hostname: hostname, port: port) { channel in
            let actual = channel.localAddress?.port ?? port
            print("jixiao 已启动：http://\(host):\(actual)/login （数据库 \(db)）")
            for line in lines { print(line) }
            fflush(nil)
        }
        try await application.runService()
    }
}
