import Foundation
import GRDB
import JixiaoCore
import JixiaoStore

extension SQLiteStore {
    static let listColumns = """
        id, organisation_id, kind, fiscal_year, title, status, version, indicator_count, weight_total, reported_total,
        suggested_total, suggested_grade, execution_rate, error_count, warning_count, created_at, updated_at, updated_by
        """

    static func summary(_ row: Row) throws -> FormSummary {
        FormSummary(indicatorCount: row["indicator_count"], weightTotal: FormDocumentCodec.decimal(row["weight_total"]),
                    reportedTotal: FormDocumentCodec.decimal(row["reported_total"]),
                    suggestedTotal: FormDocumentCodec.decimal(row["suggested_total"]),
                    suggestedGrade: try storedIfAny(row, "suggested_grade", in: "forms"),
                    executionRate: FormDocumentCodec.decimal(row["execution_rate"]),
                    errorCount: row["error_count"], warningCount: row["warning_count"])
    }

    static func listing(_ row: Row) throws -> FormListing {
        FormListing(id: row["id"], organisationID: row["organisation_id"], kind: try stored(row, "kind", in: "forms"),
                    fiscalYear: row["fiscal_year"], title: row["title"], status: try stored(row, "status", in: "forms"),
                    version: row["version"], summary: try summary(row), updatedAt: FormDocumentCodec.date(row["updated_at"]),
                    lastTransition: try storedIfAny(row, "last_transition", in: "form_events"))
    }

    static func record(_ row: Row) throws -> FormRecord {
        let id: Int64 = row["id"]
        return FormRecord(id: id, organisationID: row["organisation_id"], fiscalYear: row["fiscal_year"],
                          status: try stored(row, "status", in: "forms"), version: row["version"],
                          form: try FormDocumentCodec.decode(row["document"], formID: id), summary: try summary(row),
                          createdAt: FormDocumentCodec.date(row["created_at"]), updatedAt: FormDocumentCodec.date(row["updated_at"]),
                          updatedBy: row["updated_by"])
    }

    static func summaryArguments(_ summary: FormSummary) -> StatementArguments {
        [summary.indicatorCount, FormDocumentCodec.text(summary.weightTotal), FormDocumentCodec.text(summary.reportedTotal),
         FormDocumentCodec.text(summary.suggestedTotal), summary.suggestedGrade?.rawValue, FormDocumentCodec.text(summary.executionRate),
         summary.errorCount, summary.warningCount]
    }

    public func addForm(_ new: NewForm) async throws -> FormRecord {
        let document = try FormDocumentCodec.encode(new.form)
        let now = FormDocumentCodec.millis(Date())
        let id: Int64 = try await write { db in try Self.insertForm(new, document: document, now: now, db) }
        guard let record = try await form(id: id) else { throw StoreError(.notFound, "新建的表单无法读回。") }
        return record
    }

    /// Inserts a new draft and its `created` event; returns its id.
    static func insertForm(_ new: NewForm, document: String, now: Int64, _ db: Database) throws -> Int64 {
        var arguments: StatementArguments = [new.organisationID, new.form.kind.rawValue, new.fiscalYear, new.form.title,
                                             FormStatus.draft.rawValue, 1, document]
        arguments += Self.summaryArguments(new.summary)
        arguments += [now, now, new.createdBy]
        try db.execute(sql: """
            INSERT INTO forms (organisation_id, kind, fiscal_year, title, status, version, document, indicator_count, weight_total,
              reported_total, suggested_total, suggested_grade, execution_rate, error_count, warning_count, created_at, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: arguments)
        let id = db.lastInsertedRowID
        try insert(FormEvent(formID: id, at: FormDocumentCodec.date(now), userID: new.createdBy, kind: .created, version: 1,
                             toStatus: .draft), db)
        return id
    }

    public func form(id: Int64) async throws -> FormRecord? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM forms WHERE id = ?", arguments: [id]).map(Self.record) }
    }

    /// The ORDER BY of a sort; every order ends with the id, so pages never overlap. Decimals are stored as text and
    /// compared as numbers; forms without the figure come last either way.
    static func order(_ sort: FormSort, descending: Bool) -> String {
        let direction = descending ? "DESC" : "ASC"
        func numeric(_ column: String) -> String { "\(column) IS NULL, CAST(\(column) AS REAL) \(direction), id" }
        switch sort {
        case .newest: return descending ? "fiscal_year ASC, id DESC" : "fiscal_year DESC, id"
        case .title: return "title \(direction), id"
        case .organisation: return "(SELECT code FROM organisations o WHERE o.id = forms.organisation_id) \(direction), id"
        case .status:
            // In the workflow's order, not the alphabet's.
            let position = FormStatus.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
            return "CASE status \(position) END \(direction), id"
        case .reportedTotal: return numeric("reported_total")
        case .suggestedTotal: return numeric("suggested_total")
        case .executionRate: return numeric("execution_rate")
        case .errors: return "error_count \(direction), warning_count \(direction), id"
        case .updated: return "updated_at \(direction), id"
        }
    }

    public func forms(_ query: FormQuery) async throws -> FormPage {
        if let scope = query.organisationIDs, scope.isEmpty { return FormPage(items: [], total: 0) }
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let scope = query.organisationIDs {
            clauses.append("organisation_id IN (\(databaseQuestionMarks(count: scope.count)))")
            arguments += StatementArguments(scope)
        }
        if let year = query.fiscalYear { clauses.append("fiscal_year = ?"); arguments += [year] }
        if let kind = query.kind { clauses.append("kind = ?"); arguments += [kind.rawValue] }
        if let status = query.status { clauses.append("status = ?"); arguments += [status.rawValue] }
        if let statuses = query.statuses {
            clauses.append(statuses.isEmpty ? "0" : "status IN (\(databaseQuestionMarks(count: statuses.count)))")
            arguments += StatementArguments(statuses.map(\.rawValue))
        }
        if let words = query.titleContains, !words.isEmpty { clauses.append("instr(title, ?) > 0"); arguments += [words] }
        if let grade = query.grade { clauses.append("suggested_grade = ?"); arguments += [grade.rawValue] }
        if query.withErrors { clauses.append("error_count > 0") }
        let order = Self.order(query.sort, descending: query.descending)
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let filterArguments = arguments
        let pageArguments = arguments + [max(1, query.limit), max(0, query.offset)]
        return try await read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM forms \(whereSQL)", arguments: filterArguments) ?? 0
            // The page's ids first: with only scope and year filters this reads the index alone.
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM forms \(whereSQL) ORDER BY \(order) LIMIT ? OFFSET ?",
                                         arguments: pageArguments)
            guard !ids.isEmpty else { return FormPage(items: [], total: total) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.listColumns), (SELECT transition FROM form_events e WHERE e.form_id = forms.id AND e.kind = 'transition'
                                            ORDER BY e.id DESC LIMIT 1) AS last_transition
                FROM forms WHERE id IN (\(databaseQuestionMarks(count: ids.count)))
                """, arguments: StatementArguments(ids))
            // In the page's order (the ids were read in it).
            let byID = Dictionary(uniqueKeysWithValues: rows.map { (($0["id"] as Int64), $0) })
            return FormPage(items: try ids.compactMap { try byID[$0].map(Self.listing) }, total: total)
        }
    }

    public func saveForm(id: Int64, expectedVersion: Int, form: EvaluationFormContent, by userID: Int64?) async throws -> FormRecord {
        let document = try FormDocumentCodec.encode(form.form)
        let now = FormDocumentCodec.millis(Date())
        try await write { db in
            let (version, status, stored) = try Self.current(id, expectedVersion: expectedVersion, db)
            guard !status.isLocked else { throw StoreError.locked(formID: id, status: status) }
            var arguments: StatementArguments = [form.form.title, document]
            arguments += Self.summaryArguments(form.summary)
            arguments += [now, userID, id, expectedVersion]
            try db.execute(sql: """
                UPDATE forms SET title = ?, document = ?, indicator_count = ?, weight_total = ?, reported_total = ?, suggested_total = ?,
                  suggested_grade = ?, execution_rate = ?, error_count = ?, warning_count = ?,
                  version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ? AND version = ?
                """, arguments: arguments)
            if db.changesCount != 1 { throw StoreError.conflict(formID: id, expected: expectedVersion, current: version + 1) }
            for change in FormDiff.changes(from: stored, to: document) {
                try Self.insert(FormEvent(formID: id, at: FormDocumentCodec.date(now), userID: userID, kind: .field, version: version + 1,
                                          field: change.field, oldValue: change.old, newValue: change.new), db)
            }
        }
        guard let record = try await self.form(id: id) else { throw StoreError(.notFound, "找不到第\(id)号表单。") }
        return record
    }

    public func transitionForm(id: Int64, expectedVersion: Int, transition: FormTransition, by userID: Int64?, comment: String?) async throws -> FormRecord {
        let now = FormDocumentCodec.millis(Date())
        try await write { db in
            let (version, status, _) = try Self.current(id, expectedVersion: expectedVersion, db)
            guard transition.from.contains(status) else { throw StoreError.transition(transition, from: status) }
            try db.execute(sql: "UPDATE forms SET status = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
                           arguments: [transition.to.rawValue, now, userID, id, expectedVersion])
            try Self.insert(FormEvent(formID: id, at: FormDocumentCodec.date(now), userID: userID, kind: .transition, version: version + 1,
                                      transition: transition, fromStatus: status, toStatus: transition.to, comment: comment), db)
        }
        guard let record = try await self.form(id: id) else { throw StoreError(.notFound, "找不到第\(id)号表单。") }
        return record
    }

    public func events(formID: Int64) async throws -> [FormEvent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM form_events WHERE form_id = ? ORDER BY id", arguments: [formID]).map { row in
                FormEvent(formID: row["form_id"], at: FormDocumentCodec.date(row["at"]), userID: row["user_id"],
                          kind: try Self.stored(row, "kind", in: "form_events"), version: row["version"],
                          transition: try Self.storedIfAny(row, "transition", in: "form_events"),
                          fromStatus: try Self.storedIfAny(row, "from_status", in: "form_events"),
                          toStatus: try Self.storedIfAny(row, "to_status", in: "form_events"),
                          field: row["field"], oldValue: row["old_value"], newValue: row["new_value"], comment: row["comment"])
            }
        }
    }

    /// The stored version, status and document of a form, once its version is known to be `expectedVersion`.
    static func current(_ id: Int64, expectedVersion: Int, _ db: Database) throws -> (version: Int, status: FormStatus, document: String) {
        guard let row = try Row.fetchOne(db, sql: "SELECT version, status, document FROM forms WHERE id = ?", arguments: [id]) else {
            throw StoreError(.notFound, "找不到第\(id)号表单。", detail: "form \(id)")
        }
        let version: Int = row["version"]
        guard version == expectedVersion else { throw StoreError.conflict(formID: id, expected: expectedVersion, current: version) }
        return (version, try stored(row, "status", in: "forms"), row["document"])
    }

    static func insert(_ event: FormEvent, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO form_events (form_id, at, user_id, kind, version, transition, from_status, to_status, field, old_value, new_value, comment)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [event.formID, FormDocumentCodec.millis(event.at), event.userID, event.kind.rawValue, event.version,
                             event.transition?.rawValue, event.fromStatus?.rawValue, event.toStatus?.rawValue, event.field,
                             event.oldValue, event.newValue, event.comment])
    }

    public func fullForms(organisationIDs: [Int64], fiscalYear: Int) async throws -> [FormRecord] {
        guard !organisationIDs.isEmpty else { return [] }
        return try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM forms WHERE fiscal_year = ? AND organisation_id IN (\(databaseQuestionMarks(count: organisationIDs.count))) ORDER BY id",
                             arguments: [fiscalYear] + StatementArguments(organisationIDs)).map(Self.record)
        }
    }

    public func fullForms(ids: [Int64]) async throws -> [FormRecord] {
        guard !ids.isEmpty else { return [] }
        // In chunks, under SQLite's limit on bound values.
        return try await read { db in
            var byID: [Int64: FormRecord] = [:]
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                for row in try Row.fetchAll(db, sql: "SELECT * FROM forms WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))",
                                            arguments: StatementArguments(chunk)) {
                    let record = try Self.record(row)
                    byID[record.id] = record
                }
            }
            return ids.compactMap { byID[$0] }
        }
    }
}
