import Foundation
import JixiaoCore
import JixiaoProfiles
import JixiaoInterchange
import JixiaoStore

/// The demo department shipped with the project (`Resources/Demo/demo.json`): its organisations,
/// accounts and forms, loaded into an empty store with a fresh random password per account.
public enum DemoData {
    /// A demo account and its password for this run.
    public struct Account: Sendable, Hashable {
        public var username: String
        public var password: String
        public var role: UserRole
        public var organisation: String
    }

    struct File: Decodable {
        struct Org: Decodable { var code: String; var name: String }
        struct Department: Decodable { var code: String; var name: String; var units: [Org] }
        struct AccountEntry: Decodable { var username: String; var displayName: String; var role: String; var organisation: String }
        struct FormEntry: Decodable { var organisation: String; var fiscalYear: Int; var form: EvaluationForm }
        var bureau: Org
        var departments: [Department]
        var accounts: [AccountEntry]
        var forms: [FormEntry]

        /// The demo file shipped in the bundle.
        static func bundled() throws -> File {
            guard let url = Bundle.module.url(forResource: "demo", withExtension: "json", subdirectory: "Demo") else {
                throw StoreError(.notFound, "找不到演示数据文件。")
            }
            return try InterchangeCodec.makeDecoder().decode(File.self, from: Data(contentsOf: url))
        }
    }

    /// Loads the demo into `store`, which must hold no organisations yet; returns the accounts with their passwords.
    public static func load(into store: any JixiaoStore, hasher: PasswordHasher, profileID: String = ProfileLibrary.defaultID) async throws -> [Account] {
        let file = try File.bundled()
        guard try await store.organisations().isEmpty else {
            throw StoreError(.duplicate, "数据库中已有机构，演示数据只能装入空数据库。请换一个 --db 文件。")
        }
        var ids: [String: OrganisationRecord] = [:]
        let bureau = try await store.addOrganisation(NewOrganisation(parentID: nil, kind: .financeBureau, code: file.bureau.code, name: file.bureau.name))
        ids[bureau.code] = bureau
        for department in file.departments {
            let d = try await store.addOrganisation(NewOrganisation(parentID: bureau.id, kind: .department, code: department.code, name: department.name))
            ids[d.code] = d
            for unit in department.units {
                ids[unit.code] = try await store.addOrganisation(NewOrganisation(parentID: d.id, kind: .unit, code: unit.code, name: unit.name))
            }
        }
        var accounts: [Account] = []
        for entry in file.accounts {
            guard let organisation = ids[entry.organisation], let role = UserRole(rawValue: entry.role) else { continue }
            let password = PasswordHasher.generatePassword()
            _ = try await store.addUser(NewUser(username: entry.username, displayName: entry.displayName, passwordHash: try await hasher.hash(password),
                                                role: role, organisationID: organisation.id))
            accounts.append(Account(username: entry.username, password: password, role: role, organisation: organisation.name))
        }
        let profile = try ProfileLibrary.profile(id: profileID)
        for entry in file.forms {
            guard let organisation = ids[entry.organisation] else { continue }
            let summary = FormAnalysis(entry.form, profile: profile).summary
            _ = try await store.addForm(NewForm(organisationID: organisation.id, fiscalYear: entry.fiscalYear, form: entry.form, summary: summary, createdBy: nil))
        }
        return accounts
    }
}

extension DemoData {
    /// Gives every demo account that exists in `store` a new random password (a later run on the same file).
    public static func resetPasswords(in store: any JixiaoStore, hasher: PasswordHasher) async throws -> [Account] {
        let file = try File.bundled()
        let names = Dictionary(uniqueKeysWithValues: try await store.organisations().map { ($0.id, $0.name) })
        var accounts: [Account] = []
        for entry in file.accounts {
            guard let user = try await store.user(username: entry.username) else { continue }
            let password = PasswordHasher.generatePassword()
            try await store.setPasswordHash(try await hasher.hash(password), userID: user.id)
            accounts.append(Account(username: user.username, password: password, role: user.role, organisation: names[user.organisationID] ?? ""))
        }
        return accounts
    }
}
