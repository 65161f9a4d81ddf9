import Foundation
import GRDB
import JixiaoCore
import JixiaoStore

/// The embedded backend: one SQLite file in WAL mode, every write one transaction.
public final class SQLiteStore: JixiaoStore {
    let pool: DatabasePool
    /// The file the store lives in.
    public let path: String

    /// Opens (or creates) the database at `path` and applies any migrations it lacks.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.failure, "无法打开数据库文件“\(path)”。", detail: "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in StoreSchema.migrations {
            migrator.registerMigration(migration.id) { db in
                for statement in migration.statements(in: .sqlite) { try db.execute(sql: statement) }
            }
        }
        return migrator
    }

    /// Runs `PRAGMA integrity_check`; returns its lines ("ok" when the file is sound).
    public func integrityCheck() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError(.duplicate, "名称或代码已被使用，请换一个。", detail: "\(error)")
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.failure, "数据库写入失败，本次修改未保存。", detail: "\(error)")
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.failure, "数据库读取失败。", detail: "\(error)")
        }
    }

    // MARK: Organisations

    public func addOrganisation(_ new: NewOrganisation) async throws -> OrganisationRecord {
        try await write { db in
            try db.execute(sql: "INSERT INTO organisations (parent_id, kind, code, name) VALUES (?, ?, ?, ?)",
                           arguments: [new.parentID, new.kind.rawValue, new.code, new.name])
            try Self.bumpRevision("organisations", db)
            return OrganisationRecord(id: db.lastInsertedRowID, parentID: new.parentID, kind: new.kind, code: new.code, name: new.name)
        }
    }

    public func organisationsRevision() async throws -> Int {
        try await read { db in try Self.revision("organisations", db) }
    }

    /// Counts a change of `name` in the same transaction as the change.
    static func bumpRevision(_ name: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO store_revisions (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1
            """, arguments: [name])
    }

    static func revision(_ name: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT value FROM store_revisions WHERE name = ?", arguments: [name]) ?? 0
    }

    public func organisations() async throws -> [OrganisationRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT id, parent_id, kind, code, name FROM organisations ORDER BY code").map { row in
                OrganisationRecord(id: row["id"], parentID: row["parent_id"], kind: try Self.stored(row, "kind", in: "organisations"),
                                   code: row["code"], name: row["name"])
            }
        }
    }

    // MARK: People

    /// A stored code read back as its type. A value this program does not know (a newer version's, or an edit by
    /// hand) is reported as a corrupt store, never read as some default.
    static func stored<Value: RawRepresentable>(_ row: Row, _ column: String, in table: String) throws -> Value where Value.RawValue == String {
        let text: String? = row[column]
        guard let text, let value = Value(rawValue: text) else {
            throw StoreError(.corrupt, "数据库中的\(table).\(column)值“\(text ?? "（空）")”无法识别，可能由更新版本的 jixiao 写入或被手工修改。",
                             detail: "\(table).\(column) = \(text ?? "NULL")")
        }
        return value
    }

    /// A nullable stored code: nil when NULL, corrupt when unknown.
    static func storedIfAny<Value: RawRepresentable>(_ row: Row, _ column: String, in table: String) throws -> Value? where Value.RawValue == String {
        (row[column] as String?) == nil ? nil : try stored(row, column, in: table) as Value
    }

    static func user(_ row: Row) throws -> UserRecord {
        UserRecord(id: row["id"], username: row["username"], displayName: row["display_name"], passwordHash: row["password_hash"],
                   role: try stored(row, "role", in: "users"), organisationID: row["organisation_id"],
                   createdAt: FormDocumentCodec.date(row["created_at"]))
    }

    public func addUser(_ new: NewUser) async throws -> UserRecord {
        let now = Date()
        return try await write { db in
            try db.execute(sql: """
                INSERT INTO users (username, display_name, password_hash, role, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [new.username, new.displayName, new.passwordHash, new.role.rawValue, new.organisationID, FormDocumentCodec.millis(now)])
            return UserRecord(id: db.lastInsertedRowID, username: new.username, displayName: new.displayName, passwordHash: new.passwordHash,
                              role: new.role, organisationID: new.organisationID, createdAt: FormDocumentCodec.date(FormDocumentCodec.millis(now)))
        }
    }

    public func user(id: Int64) async throws -> UserRecord? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).map(Self.user) }
    }

    public func user(username: String) async throws -> UserRecord? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE username = ?", arguments: [username]).map(Self.user) }
    }

    public func users() async throws -> [UserRecord] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY username").map(Self.user) }
    }

    public func users(ids: [Int64]) async throws -> [UserRecord] {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM users WHERE id IN (\(databaseQuestionMarks(count: ids.count)))",
                             arguments: StatementArguments(ids)).map(Self.user)
        }
    }

    public func setPasswordHash(_ hash: String, userID: Int64) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
            if db.changesCount == 0 { throw StoreError(.notFound, "找不到该用户。", detail: "user \(userID)") }
        }
    }

    // MARK: Sessions

    public func addSession(_ session: SessionRecord) async throws {
        try await write { db in
            try db.execute(sql: "INSERT INTO sessions (token, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [session.token, session.userID, session.csrfToken,
                                       FormDocumentCodec.millis(session.createdAt), FormDocumentCodec.millis(session.expiresAt)])
        }
    }

    public func session(token: String) async throws -> SessionRecord? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE token = ?", arguments: [token]).map(Self.session) }
    }

    public func signedIn(token: String) async throws -> SignedInRecords? {
        try await read { db in
            guard let session = try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE token = ?", arguments: [token]).map(Self.session),
                  let user = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [session.userID]).map(Self.user) else { return nil }
            return SignedInRecords(session: session, user: user, organisationsRevision: try Self.revision("organisations", db))
        }
    }

    static func session(_ row: Row) -> SessionRecord {
        SessionRecord(token: row["token"], userID: row["user_id"], csrfToken: row["csrf_token"],
                      createdAt: FormDocumentCodec.date(row["created_at"]), expiresAt: FormDocumentCodec.date(row["expires_at"]))
    }

    public func removeSession(token: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM sessions WHERE token = ?", arguments: [token]) }
    }

    public func removeExpiredSessions(now: Date) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [FormDocumentCodec.millis(now)])
            return db.changesCount
        }
    }
}
