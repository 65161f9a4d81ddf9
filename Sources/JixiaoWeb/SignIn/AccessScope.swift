import JixiaoCore
import JixiaoStore

/// What a person may read and edit, from their role and place in the organisation tree.
public struct AccessScope: Sendable, Hashable {
    /// Organisations whose forms the person may read.
    public var readable: Set<Int64>
    /// Organisations whose draft forms the person may edit.
    public var editable: Set<Int64>
    /// Organisations an uploaded document may create forms for: a unit its own; a department and an
    /// administrator anything below them (the drafts then belong to the units, which fill and submit them).
    public var importable: Set<Int64>
    /// All organisations by id, for names.
    public var organisations: [Int64: OrganisationRecord]
    /// The person's role.
    public var role: UserRole

    public init(user: UserRecord, organisations: [OrganisationRecord]) {
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
        self.organisations = byID
        role = user.role
        var children: [Int64: [Int64]] = [:]
        for organisation in organisations { if let parent = organisation.parentID { children[parent, default: []].append(organisation.id) } }
        func subtree(_ root: Int64) -> Set<Int64> {
            var result: Set<Int64> = [root]
            var stack = [root]
            while let next = stack.popLast() {
                for child in children[next] ?? [] where result.insert(child).inserted { stack.append(child) }
            }
            return result
        }
        switch user.role {
        case .unitFiller:
            readable = [user.organisationID]
            editable = [user.organisationID]
            importable = editable
        case .departmentReviewer:
            readable = subtree(user.organisationID)
            // A department fills its own overall evaluation; its units' forms are theirs to edit.
            editable = [user.organisationID]
            importable = readable
        case .administrator:
            readable = subtree(user.organisationID)
            editable = []
            importable = readable
        case .financeReviewer:
            readable = subtree(user.organisationID)
            editable = []
            importable = []
        }
    }

    public func canRead(_ organisationID: Int64) -> Bool { readable.contains(organisationID) }

    /// What waits for this person: the statuses of forms that are theirs to act on next, the organisations they
    /// are looked for in, and the menu's word for them; nil for a role nothing waits for.
    public var waiting: (label: String, statuses: [FormStatus], organisations: [Int64])? {
        switch role {
        case .unitFiller: return ("待填报", [.draft], editable.sorted())
        case .departmentReviewer: return ("待我审核", [.submitted, .departmentReview], readable.subtracting(editable).sorted())
        case .financeReviewer: return ("待我审核", [.financeReview], readable.sorted())
        case .administrator: return nil
        }
    }

    /// Where the person lands after signing in: a reviewer's queue (待我审核), else the list of their forms.
    public var home: String {
        switch role {
        case .departmentReviewer, .financeReviewer: return "/forms?waiting=1"
        case .unitFiller, .administrator: return "/forms"
        }
    }

    /// Whether this person may create forms (the menu shows 新建表单) and import files (导入文件).
    public var canCreate: Bool { !editable.isEmpty }
    public var canImport: Bool { !importable.isEmpty }

    /// Only drafts are edited; a submitted form belongs to its reviewers (issue 6's workflow).
    public func canEdit(_ record: FormRecord) -> Bool { editable.contains(record.organisationID) && record.status == .draft }

    public func name(of organisationID: Int64) -> String { organisations[organisationID]?.name ?? "—" }

    /// The organisations the person may create forms for, with the kinds each takes.
    public var creatable: [OrganisationRecord] {
        editable.compactMap { organisations[$0] }.sorted { $0.code < $1.code }
    }
}
