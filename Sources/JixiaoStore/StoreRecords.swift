import Foundation
import JixiaoCore

/// An organisation of the tree: finance bureau → departments → units.
public struct OrganisationRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var parentID: Int64?
    public var kind: OrganisationKind
    public var code: String
    public var name: String

    public init(id: Int64, parentID: Int64?, kind: OrganisationKind, code: String, name: String) {
        self.id = id
        self.parentID = parentID
        self.kind = kind
        self.code = code
        self.name = name
    }

    /// The organisation as the domain model names it.
    public var organisation: Organisation { Organisation(code: code, name: name, kind: kind) }
}

/// A new organisation, before the store gives it an id.
public struct NewOrganisation: Sendable, Hashable {
    public var parentID: Int64?
    public var kind: OrganisationKind
    public var code: String
    public var name: String

    public init(parentID: Int64?, kind: OrganisationKind, code: String, name: String) {
        self.parentID = parentID
        self.kind = kind
        self.code = code
        self.name = name
    }
}

/// A person's role; each role is scoped to the user's organisation and what lies below it.
public enum UserRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// 单位填报: fills the forms of one unit.
    case unitFiller = "unit_filler"
    /// 部门审核: reads the forms of a department and its units; fills the department's own forms.
    case departmentReviewer = "department_reviewer"
    /// 财政审核: reads every form under the finance bureau.
    case financeReviewer = "finance_reviewer"
    /// 管理员: manages people; reads everything.
    case administrator

    public var chineseName: String {
        switch self {
        case .unitFiller: return "单位填报"
        case .departmentReviewer: return "部门审核"
        case .financeReviewer: return "财政审核"
        case .administrator: return "管理员"
        }
    }

    /// Reads `unit_filler` or the Chinese name.
    public init?(text: String) {
        if let role = UserRole(rawValue: text) { self = role; return }
        guard let role = UserRole.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = role
    }
}

/// A person who can sign in.
public struct UserRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var username: String
    public var displayName: String
    /// A bcrypt hash; never the password.
    public var passwordHash: String
    public var role: UserRole
    public var organisationID: Int64
    public var createdAt: Date

    public init(id: Int64, username: String, displayName: String, passwordHash: String, role: UserRole,
                organisationID: Int64, createdAt: Date) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.organisationID = organisationID
        self.createdAt = createdAt
    }
}

/// A new user, before the store gives it an id.
public struct NewUser: Sendable, Hashable {
    public var username: String
    public var displayName: String
    public var passwordHash: String
    public var role: UserRole
    public var organisationID: Int64

    public init(username: String, displayName: String, passwordHash: String, role: UserRole, organisationID: Int64) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.organisationID = organisationID
    }
}

/// A signed-in browser: the cookie's random token and the CSRF token of its forms.
public struct SessionRecord: Sendable, Hashable, Codable {
    public var token: String
    public var userID: Int64
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(token: String, userID: Int64, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.token = token
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// What a request learns from its session cookie: the session, its person, and the organisation tree's revision.
public struct SignedInRecords: Sendable, Hashable {
    public var session: SessionRecord
    public var user: UserRecord
    public var organisationsRevision: Int

    public init(session: SessionRecord, user: UserRecord, organisationsRevision: Int) {
        self.session = session
        self.user = user
        self.organisationsRevision = organisationsRevision
    }
}
