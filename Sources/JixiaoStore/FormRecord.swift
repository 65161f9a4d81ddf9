import Foundation
import JixiaoCore

/// Where a form stands in its workflow. Part 1 of the web system knows drafts only.
public enum FormStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    case submitted
    case departmentReview = "department_review"
    case financeReview = "finance_review"
    case approved

    public var chineseName: String {
        switch self {
        case .draft: return "草稿"
        case .submitted: return "已提交"
        case .departmentReview: return "部门审核中"
        case .financeReview: return "财政审核中"
        case .approved: return "已审定"
        }
    }
}

/// Figures computed from a form when it is saved, kept beside it so lists need not score.
public struct FormSummary: Sendable, Hashable, Codable {
    public var indicatorCount: Int
    public var weightTotal: Decimal?
    public var reportedTotal: Decimal?
    public var suggestedTotal: Decimal?
    public var suggestedGrade: Grade?
    public var executionRate: Decimal?
    public var errorCount: Int
    public var warningCount: Int

    public init(indicatorCount: Int = 0, weightTotal: Decimal? = nil, reportedTotal: Decimal? = nil,
                suggestedTotal: Decimal? = nil, suggestedGrade: Grade? = nil, executionRate: Decimal? = nil,
                errorCount: Int = 0, warningCount: Int = 0) {
        self.indicatorCount = indicatorCount
        self.weightTotal = weightTotal
        self.reportedTotal = reportedTotal
        self.suggestedTotal = suggestedTotal
        self.suggestedGrade = suggestedGrade
        self.executionRate = executionRate
        self.errorCount = errorCount
        self.warningCount = warningCount
    }
}

/// A stored form: the domain form, its owner, its state and its version for optimistic concurrency.
public struct FormRecord: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var organisationID: Int64
    public var fiscalYear: Int
    public var status: FormStatus
    /// Grows by one on every save; a save names the version it started from.
    public var version: Int
    public var form: EvaluationForm
    public var summary: FormSummary
    public var createdAt: Date
    public var updatedAt: Date
    public var updatedBy: Int64?

    public init(id: Int64, organisationID: Int64, fiscalYear: Int, status: FormStatus, version: Int, form: EvaluationForm,
                summary: FormSummary, createdAt: Date, updatedAt: Date, updatedBy: Int64?) {
        self.id = id
        self.organisationID = organisationID
        self.fiscalYear = fiscalYear
        self.status = status
        self.version = version
        self.form = form
        self.summary = summary
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    public var kind: FormKind { form.kind }
    public var title: String { form.title }
}

/// A new form, before the store gives it an id.
public struct NewForm: Sendable, Hashable {
    public var organisationID: Int64
    public var fiscalYear: Int
    public var form: EvaluationForm
    public var summary: FormSummary
    public var createdBy: Int64?

    public init(organisationID: Int64, fiscalYear: Int, form: EvaluationForm, summary: FormSummary, createdBy: Int64?) {
        self.organisationID = organisationID
        self.fiscalYear = fiscalYear
        self.form = form
        self.summary = summary
        self.createdBy = createdBy
    }
}

/// One row of a form list: everything but the form itself.
public struct FormListing: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var organisationID: Int64
    public var kind: FormKind
    public var fiscalYear: Int
    public var title: String
    public var status: FormStatus
    public var version: Int
    public var summary: FormSummary
    public var updatedAt: Date
    /// The last workflow step taken, if any (a draft whose last step is `returnForRevision` was sent back).
    public var lastTransition: FormTransition?

    /// A draft a reviewer sent back (已退回).
    public var isReturned: Bool { status == .draft && lastTransition == .returnForRevision }

    public init(id: Int64, organisationID: Int64, kind: FormKind, fiscalYear: Int, title: String, status: FormStatus,
                version: Int, summary: FormSummary, updatedAt: Date, lastTransition: FormTransition? = nil) {
        self.lastTransition = lastTransition
        self.id = id
        self.organisationID = organisationID
        self.kind = kind
        self.fiscalYear = fiscalYear
        self.title = title
        self.status = status
        self.version = version
        self.summary = summary
        self.updatedAt = updatedAt
    }
}

/// Which forms to list. `organisationIDs` is the reader's scope; nil means every organisation.
public struct FormQuery: Sendable, Hashable {
    public var organisationIDs: [Int64]?
    public var fiscalYear: Int?
    public var kind: FormKind?
    public var status: FormStatus?
    /// Any of these statuses (with `status`, both must hold).
    public var statuses: [FormStatus]?
    /// Words the title must contain.
    public var titleContains: String?
    /// The suggested grade the forms have.
    public var grade: Grade?
    /// Only forms whose checks found at least one error.
    public var withErrors: Bool = false
    /// The order of the list; `descending` turns it round.
    public var sort: FormSort = .newest
    public var descending: Bool = false
    public var offset: Int
    public var limit: Int

    public init(organisationIDs: [Int64]? = nil, fiscalYear: Int? = nil, kind: FormKind? = nil, status: FormStatus? = nil,
                titleContains: String? = nil, offset: Int = 0, limit: Int = 50, statuses: [FormStatus]? = nil) {
        self.organisationIDs = organisationIDs
        self.statuses = statuses
        self.fiscalYear = fiscalYear
        self.kind = kind
        self.status = status
        self.titleContains = titleContains
        self.offset = offset
        self.limit = limit
    }
}

/// The orders a form list can be read in.
public enum FormSort: String, Sendable, Hashable, CaseIterable {
    /// Latest year first, then in the order the forms were made.
    case newest
    case title, organisation, status
    case reportedTotal = "reported_total"
    case suggestedTotal = "suggested_total"
    case executionRate = "execution_rate"
    case errors
    case updated
}

/// A page of a form list and the number of forms the query matches in all.
public struct FormPage: Sendable, Hashable {
    public var items: [FormListing]
    public var total: Int

    public init(items: [FormListing], total: Int) {
        self.items = items
        self.total = total
    }
}
