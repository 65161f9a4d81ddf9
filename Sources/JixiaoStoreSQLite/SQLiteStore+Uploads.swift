import Foundation
import GRDB
import JixiaoStore

extension SQLiteStore {
    public func addUpload(_ upload: PendingUpload) async throws {
        try await write { db in
            try db.execute(sql: """
                INSERT INTO pending_uploads (id, user_id, file_name, byte_count, form_count, created_at, document)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [upload.id, upload.userID, upload.fileName, upload.byteCount, upload.formCount,
                                 FormDocumentCodec.millis(upload.createdAt), String(decoding: upload.document, as: UTF8.self)])
        }
    }

    static func upload(_ row: Row) -> PendingUpload {
        let document: String = row["document"]
        return PendingUpload(id: row["id"], userID: row["user_id"], fileName: row["file_name"], byteCount: row["byte_count"],
                             formCount: row["form_count"], createdAt: FormDocumentCodec.date(row["created_at"]), document: Data(document.utf8))
    }

    public func upload(id: String) async throws -> PendingUpload? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM pending_uploads WHERE id = ?", arguments: [id]).map(Self.upload) }
    }

    public func uploads(userID: Int64) async throws -> [PendingUpload] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pending_uploads WHERE user_id = ? ORDER BY created_at DESC, id", arguments: [userID]).map(Self.upload)
        }
    }

    public func removeUpload(id: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM pending_uploads WHERE id = ?", arguments: [id]) }
    }

    public func confirmUpload(id: String, forms: [NewForm]) async throws -> [FormRecord] {
        let documents = try forms.map { try FormDocumentCodec.encode($0.form) }
        let now = FormDocumentCodec.millis(Date())
        let ids: [Int64] = try await write { db in
            try db.execute(sql: "DELETE FROM pending_uploads WHERE id = ?", arguments: [id])
            guard db.changesCount == 1 else {
                throw StoreError(.notFound, "这次上传已经确认或放弃，或已过期，没有再次导入。", detail: "upload \(id)")
            }
            return try zip(forms, documents).map { try Self.insertForm($0, document: $1, now: now, db) }
        }
        return try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM forms WHERE id IN (\(databaseQuestionMarks(count: ids.count))) ORDER BY id",
                             arguments: StatementArguments(ids)).map(Self.record)
        }
    }

    public func removeUploads(before date: Date) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM pending_uploads WHERE created_at < ?", arguments: [FormDocumentCodec.millis(date)])
            return db.changesCount
        }
    }
}
