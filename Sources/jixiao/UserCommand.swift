import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoStore
import JixiaoStoreSQLite
import JixiaoWeb

/// `jixiao user add`: accounts for administrators.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "管理账号。", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新建账号；不给 --password-stdin 时生成随机密码并打印。")

        @Argument(help: "账号（登录名）") var username: String
        @Option(name: .long, help: "角色：单位填报、部门审核、财政审核、管理员（或 unit_filler 等）") var role: String
        @Option(name: .long, help: "所属机构的代码") var organisation: String
        @Option(name: .long, help: "姓名") var name: String?
        @Flag(name: .long, help: "从标准输入读密码（一行）") var passwordStdin = false
        @Option(name: .long, help: "SQLite 数据库文件") var db = "jixiao.sqlite"
        @Option(name: .long, help: "bcrypt 强度") var bcryptCost: UInt8 = 12

        func run() async throws { try await guarded(perform) }

        func perform() async throws {
            guard let role = UserRole(text: role) else {
                throw Failure.unusable("未知角色“\(role)”。可用：" + UserRole.allCases.map(\.chineseName).joined(separator: "、"))
            }
            guard username.range(of: "^[A-Za-z0-9_.-]{2,40}$", options: .regularExpression) != nil else {
                throw Failure.unusable("账号“\(username)”不合规：只能用2到40个英文字母、数字、下划线、点或连字符。")
            }
            let store = try openStore(db)
            guard let owner = try await store.organisations().first(where: { $0.code == organisation }) else {
                throw Failure.unusable("找不到代码为“\(organisation)”的机构。先用 jixiao org add 新建机构。")
            }
            var password = PasswordHasher.generatePassword()
            if passwordStdin {
                guard let line = readLine(), line.count >= 10 else { throw Failure.unusable("密码至少10个字符。") }
                password = line
            }
            let hash = try await PasswordHasher(cost: bcryptCost).hash(password)
            do {
                _ = try await store.addUser(NewUser(username: username, displayName: name ?? username, passwordHash: hash, role: role, organisationID: owner.id))
            } catch let error as StoreError where error.code == .duplicate {
                throw Failure.unusable("账号“\(username)”已存在。")
            }
            print(passwordStdin ? "账号 \(username) 已建立 角色 \(role.chineseName)" : "账号 \(username) 密码 \(password) 角色 \(role.chineseName)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出账号。")
        @Option(name: .long, help: "SQLite 数据库文件") var db = "jixiao.sqlite"

        func run() async throws { try await guarded(perform) }

        func perform() async throws {
            let store = try openStore(db)
            let names = Dictionary(uniqueKeysWithValues: try await store.organisations().map { ($0.id, $0.name) })
            for user in try await store.users() {
                print("\(user.username)\t\(user.displayName)\t\(user.role.chineseName)\t\(names[user.organisationID] ?? "")")
            }
        }
    }
}

/// `jixiao org add`: the organisation tree.
struct OrganisationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "org", abstract: "管理机构（财政局、部门、单位）。", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新建机构。")
        @Option(name: .long, help: "代码，如 305002") var code: String
        @Option(name: .long, help: "名称") var name: String
        @Option(name: .long, help: "类别：finance_bureau、department、unit") var kind: String
        @Option(name: .long, help: "上级机构的代码（财政局不填）") var parent: String?
        @Option(name: .long, help: "SQLite 数据库文件") var db = "jixiao.sqlite"

        func run() async throws { try await guarded(perform) }

        func perform() async throws {
            guard let kind = OrganisationKind(rawValue: kind) else { throw Failure.unusable("未知机构类别“\(kind)”：应为 finance_bureau、department 或 unit。") }
            let store = try openStore(db)
            var parentID: Int64?
            if let parent {
                guard let found = try await store.organisations().first(where: { $0.code == parent }) else {
                    throw Failure.unusable("找不到代码为“\(parent)”的上级机构。")
                }
                parentID = found.id
            }
            do {
                let record = try await store.addOrganisation(NewOrganisation(parentID: parentID, kind: kind, code: code, name: name))
                print("机构 \(record.code) \(record.name) 已建立")
            } catch let error as StoreError { throw Failure.unusable(error.message) }
        }
    }
}

func openStore(_ path: String) throws -> SQLiteStore {
    do { return try SQLiteStore(path: path) } catch let error as StoreError { throw Failure.unusable(error.message + "（\(error.detail)）") }
}
