import Foundation
import JixiaoCore

/// The jixiao interchange document: the forms of one file, as JSON (docs/interchange.md).
public struct InterchangeDocument: Sendable, Hashable, Codable {
    /// Always `jixiao-interchange`.
    public var format: String
    /// Format version; this reader understands 1.
    public var version: Int
    /// A title for the whole document (optional).
    public var title: String?
    /// Where the forms came from (a file name, a URL) (optional).
    public var origin: String?
    public var forms: [EvaluationForm]
    /// The final-accounts text the forms are attached to, when the file is a 部门决算公开.
    public var disclosure: FinalAccountsDisclosure?
    /// What the importer could not read or had to guess (codes IMPORT_*), with line numbers.
    @Default<EmptyList<Finding>> public var importFindings: [Finding]
    /// What the importer recognised in each form (same order as `forms`): layout family, text shape, columns.
    @Default<EmptyList<FormReading>> public var readings: [FormReading]

    public static let formatName = "jixiao-interchange"
    public static let currentVersion = 1

    public init(title: String? = nil, origin: String? = nil, forms: [EvaluationForm],
                disclosure: FinalAccountsDisclosure? = nil, importFindings: [Finding] = []) {
        format = Self.formatName
        version = Self.currentVersion
        self.title = title
        self.origin = origin
        self.forms = forms
        self.disclosure = disclosure
        self.importFindings = importFindings
        readings = []
    }

    /// Completes what the JSON may leave out: canonical categories from labels.
    public mutating func normalise() {
        forms = forms.map { form in
            switch form {
            case .targetDeclaration(var d):
                d.indicators = d.indicators.classified(layout: d.layout)
                return .targetDeclaration(d)
            case .projectSelfEvaluation(var e):
                e.indicators = e.indicators.classified(layout: e.layout)
                return .projectSelfEvaluation(e)
            case .departmentEvaluation(var e):
                e.indicators = e.indicators.classified(layout: e.layout)
                return .departmentEvaluation(e)
            }
        }
    }
}
