import Foundation
import JixiaoCore
import JixiaoStore

/// A request body of the API: decoded from JSON with snake_case keys; the fields it may have are listed, so an
/// unknown one is refused by name rather than ignored.
protocol APIRequestBody: Decodable {
    static var fields: [String] { get }
}

struct LoginRequest: APIRequestBody {
    static let fields = ["username", "password"]
    var username: String
    var password: String
}

struct NewFormRequest: APIRequestBody {
    static let fields = ["organisation_id", "fiscal_year", "form"]
    var organisationId: Int64
    var fiscalYear: Int
    var form: EvaluationForm
}

struct SaveFormRequest: APIRequestBody {
    static let fields = ["version", "form"]
    var version: Int
    var form: EvaluationForm
}

struct TransitionRequest: APIRequestBody {
    static let fields = ["version", "transition", "comment"]
    var version: Int
    var transition: FormTransition
    var comment: String?
}

/// The bodies of the API's answers, encoded with snake_case keys (nil fields left out).
enum APIBody {
    struct Organisation: Encodable {
        var id: Int64
        var code: String?
        var name: String?
        var kind: OrganisationKind?

        init(_ id: Int64, _ scope: AccessScope) {
            self.id = id
            let record = scope.organisations[id]
            code = record?.code
            name = record?.name
            kind = record?.kind
        }
    }

    struct User: Encodable {
        var id: Int64
        var username: String
        var displayName: String
        var role: UserRole
        var organisation: Organisation

        init(_ user: UserRecord, _ scope: AccessScope) {
            id = user.id
            username = user.username
            displayName = user.displayName
            role = user.role
            organisation = Organisation(user.organisationID, scope)
        }
    }

    struct Session: Encodable {
        var user: User
        var csrfToken: String
    }

    struct Summary: Encodable {
        var indicatorCount: Int
        var errorCount: Int
        var warningCount: Int
        var weightTotal: String?
        var reportedTotal: String?
        var suggestedTotal: String?
        var suggestedGrade: Grade?
        var executionRate: String?

        init(_ s: FormSummary) {
            indicatorCount = s.indicatorCount
            errorCount = s.errorCount
            warningCount = s.warningCount
            weightTotal = s.weightTotal?.plainText
            reportedTotal = s.reportedTotal?.plainText
            suggestedTotal = s.suggestedTotal?.plainText
            suggestedGrade = s.suggestedGrade
            executionRate = s.executionRate?.plainText
        }
    }

    struct Listing: Encodable {
        var id: Int64
        var kind: FormKind
        var title: String
        var fiscalYear: Int
        var status: FormStatus
        var version: Int
        var organisation: Organisation
        var summary: Summary

        init(_ item: FormListing, _ scope: AccessScope) {
            id = item.id
            kind = item.kind
            title = item.title
            fiscalYear = item.fiscalYear
            status = item.status
            version = item.version
            organisation = Organisation(item.organisationID, scope)
            summary = Summary(item.summary)
        }
    }

    struct Page: Encodable {
        var total: Int
        var items: [Listing]
    }

    /// A finding: its code, level, message and where it points.
    struct Finding: Encodable {
        var code: CheckCode
        var severity: Severity
        var message: String
        var location: String
    }

    struct Record: Encodable {
        var id: Int64
        var kind: FormKind
        var fiscalYear: Int
        var status: FormStatus
        var version: Int
        var organisation: Organisation
        var summary: Summary
        var form: EvaluationForm
        var findings: [Finding]

        init(_ record: FormRecord, _ scope: AccessScope, analysis: FormAnalysis) {
            id = record.id
            kind = record.kind
            fiscalYear = record.fiscalYear
            status = record.status
            version = record.version
            organisation = Organisation(record.organisationID, scope)
            summary = Summary(record.summary)
            form = record.form
            findings = analysis.findings.map {
                Finding(code: $0.code, severity: $0.severity, message: $0.message, location: $0.location.description)
            }
        }
    }
}
