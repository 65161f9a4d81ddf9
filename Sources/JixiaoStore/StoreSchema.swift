/// The database schema as data: tables, columns and indexes that each backend renders in its own SQL.
public enum StoreSchema {
    /// Every migration, oldest first. Never edit one that has shipped; add a new one.
    public static let migrations: [SchemaMigration] = [version1, version2, version3, version4]

    /// Revision counters (the organisation tree's, for caches in every process), and the index the
    /// "waiting for me" counts read (forms by status within a scope).
    static let version4 = SchemaMigration(
        id: "v4-revisions-status-index",
        tables: [
            SchemaTable("store_revisions", [
                SchemaColumn("name", .text, primaryKey: true),
                SchemaColumn("value", .integer),
            ]),
        ],
        indexes: [SchemaIndex("forms_status_organisation", table: "forms", columns: ["status", "organisation_id"])]
    )

    /// Uploaded documents waiting for their forms to be assigned to organisations.
    static let version3 = SchemaMigration(
        id: "v3-pending-uploads",
        tables: [
            SchemaTable("pending_uploads", [
                SchemaColumn("id", .text, primaryKey: true),
                SchemaColumn("user_id", .integer, references: "users"),
                SchemaColumn("file_name", .text),
                SchemaColumn("byte_count", .integer),
                SchemaColumn("form_count", .integer),
                SchemaColumn("created_at", .timestamp),
                SchemaColumn("document", .json),
            ]),
        ],
        indexes: [SchemaIndex("pending_uploads_user", table: "pending_uploads", columns: ["user_id", "created_at"])]
    )

    /// The audit trail: every creation, changed field and transition of a form.
    static let version2 = SchemaMigration(
        id: "v2-form-events",
        tables: [
            SchemaTable("form_events", [
                .id,
                SchemaColumn("form_id", .integer, references: "forms"),
                SchemaColumn("at", .timestamp),
                SchemaColumn("user_id", .integer, nullable: true, references: "users"),
                SchemaColumn("kind", .text),
                SchemaColumn("version", .integer),
                SchemaColumn("transition", .text, nullable: true),
                SchemaColumn("from_status", .text, nullable: true),
                SchemaColumn("to_status", .text, nullable: true),
                SchemaColumn("field", .text, nullable: true),
                SchemaColumn("old_value", .text, nullable: true),
                SchemaColumn("new_value", .text, nullable: true),
                SchemaColumn("comment", .text, nullable: true),
            ]),
        ],
        indexes: [SchemaIndex("form_events_form", table: "form_events", columns: ["form_id", "id"])]
    )

    static let version1 = SchemaMigration(
        id: "v1-organisations-users-sessions-forms",
        tables: [
            SchemaTable("organisations", [
                .id,
                SchemaColumn("parent_id", .integer, nullable: true, references: "organisations"),
                SchemaColumn("kind", .text),
                SchemaColumn("code", .text, unique: true),
                SchemaColumn("name", .text),
            ]),
            SchemaTable("users", [
                .id,
                SchemaColumn("username", .text, unique: true),
                SchemaColumn("display_name", .text),
                SchemaColumn("password_hash", .text),
                SchemaColumn("role", .text),
                SchemaColumn("organisation_id", .integer, references: "organisations"),
                SchemaColumn("created_at", .timestamp),
            ]),
            SchemaTable("sessions", [
                SchemaColumn("token", .text, primaryKey: true),
                SchemaColumn("user_id", .integer, references: "users"),
                SchemaColumn("csrf_token", .text),
                SchemaColumn("created_at", .timestamp),
                SchemaColumn("expires_at", .timestamp),
            ]),
            SchemaTable("forms", [
                .id,
                SchemaColumn("organisation_id", .integer, references: "organisations"),
                SchemaColumn("kind", .text),
                SchemaColumn("fiscal_year", .integer),
                SchemaColumn("title", .text),
                SchemaColumn("status", .text),
                SchemaColumn("version", .integer),
                SchemaColumn("indicator_count", .integer),
                SchemaColumn("weight_total", .decimal, nullable: true),
                SchemaColumn("reported_total", .decimal, nullable: true),
                SchemaColumn("suggested_total", .decimal, nullable: true),
                SchemaColumn("suggested_grade", .text, nullable: true),
                SchemaColumn("execution_rate", .decimal, nullable: true),
                SchemaColumn("error_count", .integer),
                SchemaColumn("warning_count", .integer),
                SchemaColumn("created_at", .timestamp),
                SchemaColumn("updated_at", .timestamp),
                SchemaColumn("updated_by", .integer, nullable: true, references: "users"),
                // Last, so reading the list columns never walks the document's overflow pages.
                SchemaColumn("document", .json),
            ]),
        ],
        indexes: [
            SchemaIndex("users_organisation", table: "users", columns: ["organisation_id"]),
            SchemaIndex("sessions_user", table: "sessions", columns: ["user_id"]),
            SchemaIndex("sessions_expiry", table: "sessions", columns: ["expires_at"]),
            SchemaIndex("forms_organisation_year", table: "forms", columns: ["organisation_id", "fiscal_year", "id"]),
            SchemaIndex("forms_year_kind", table: "forms", columns: ["fiscal_year", "kind", "id"]),
        ]
    )
}

/// One step of the schema, applied once and recorded by its id.
public struct SchemaMigration: Sendable, Hashable {
    public var id: String
    public var tables: [SchemaTable]
    public var indexes: [SchemaIndex]

    public init(id: String, tables: [SchemaTable], indexes: [SchemaIndex]) {
        self.id = id
        self.tables = tables
        self.indexes = indexes
    }

    /// The statements that apply this migration in `dialect`.
    public func statements(in dialect: SQLDialect) -> [String] {
        tables.map { $0.createStatement(in: dialect) } + indexes.map { $0.createStatement() }
    }
}

/// A table and its columns.
public struct SchemaTable: Sendable, Hashable {
    public var name: String
    public var columns: [SchemaColumn]

    public init(_ name: String, _ columns: [SchemaColumn]) {
        self.name = name
        self.columns = columns
    }

    public func createStatement(in dialect: SQLDialect) -> String {
        let body = columns.map { $0.definition(in: dialect) }.joined(separator: ",\n  ")
        return "CREATE TABLE \(name) (\n  \(body)\n)"
    }
}

/// A column: its name, its kind of value and its constraints.
public struct SchemaColumn: Sendable, Hashable {
    public enum ValueType: String, Sendable, Hashable {
        /// A generated 64-bit key.
        case identity
        case integer
        case text
        /// Exact decimal numbers, stored as their text (`98.75`) so nothing is rounded.
        case decimal
        /// Milliseconds since 1970 (UTC).
        case timestamp
        /// A JSON document.
        case json
    }

    public var name: String
    public var type: ValueType
    public var nullable: Bool
    public var unique: Bool
    public var primaryKey: Bool
    public var references: String?

    public init(_ name: String, _ type: ValueType, nullable: Bool = false, unique: Bool = false,
                primaryKey: Bool = false, references: String? = nil) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.unique = unique
        self.primaryKey = primaryKey
        self.references = references
    }

    /// The generated primary key every entity table starts with.
    public static let id = SchemaColumn("id", .identity, primaryKey: true)

    func definition(in dialect: SQLDialect) -> String {
        var sql = "\(name) \(dialect.typeName(type))"
        if type == .identity { return sql }
        if primaryKey { sql += " PRIMARY KEY" }
        if !nullable && !primaryKey { sql += " NOT NULL" }
        if unique { sql += " UNIQUE" }
        if let references { sql += " REFERENCES \(references)(id)" }
        return sql
    }
}

/// An index on some columns of a table.
public struct SchemaIndex: Sendable, Hashable {
    public var name: String
    public var table: String
    public var columns: [String]

    public init(_ name: String, table: String, columns: [String]) {
        self.name = name
        self.table = table
        self.columns = columns
    }

    public func createStatement() -> String {
        "CREATE INDEX \(name) ON \(table) (\(columns.joined(separator: ", ")))"
    }
}

/// The SQL flavours the backends speak.
public enum SQLDialect: Sendable, Hashable {
    case sqlite
    case postgres

    func typeName(_ type: SchemaColumn.ValueType) -> String {
        switch (self, type) {
        case (.sqlite, .identity): return "INTEGER PRIMARY KEY AUTOINCREMENT"
        case (.postgres, .identity): return "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        case (.sqlite, .integer), (.sqlite, .timestamp): return "INTEGER"
        case (.postgres, .integer), (.postgres, .timestamp): return "BIGINT"
        case (.sqlite, .json): return "TEXT"
        case (.postgres, .json): return "JSONB"
        case (_, .text), (_, .decimal): return "TEXT"
        }
    }
}
