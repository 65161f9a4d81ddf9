/// The review workflow of a form: draft → submitted → department review → finance review → approved,
/// with return for revision (a comment required) at each review step, and withdrawal by the submitter before
/// review starts.
public enum FormTransition: String, Sendable, Hashable, Codable, CaseIterable {
    /// The unit hands in its draft.
    case submit
    /// The department takes a submitted form into review.
    case startDepartmentReview = "start_department_review"
    /// The department passes the form on to the finance bureau.
    case departmentApprove = "department_approve"
    /// The finance bureau approves the form.
    case financeApprove = "finance_approve"
    /// A reviewer sends the form back to the unit as a draft.
    case returnForRevision = "return"
    /// The submitter takes a submitted form back before review starts.
    case withdraw

    public var chineseName: String {
        switch self {
        case .submit: return "提交"
        case .startDepartmentReview: return "开始部门审核"
        case .departmentApprove: return "部门审核通过"
        case .financeApprove: return "财政审核通过"
        case .returnForRevision: return "退回修改"
        case .withdraw: return "撤回"
        }
    }

    /// The states this transition leaves from.
    public var from: Set<FormStatus> {
        switch self {
        case .submit: return [.draft]
        case .startDepartmentReview: return [.submitted]
        case .departmentApprove: return [.submitted, .departmentReview]
        case .financeApprove: return [.financeReview]
        case .returnForRevision: return [.submitted, .departmentReview, .financeReview]
        case .withdraw: return [.submitted]
        }
    }

    /// The state it leads to.
    public var to: FormStatus {
        switch self {
        case .submit: return .submitted
        case .returnForRevision, .withdraw: return .draft
        case .startDepartmentReview: return .departmentReview
        case .departmentApprove: return .financeReview
        case .financeApprove: return .approved
        }
    }

    /// Whether a comment must be given.
    public var needsComment: Bool { self == .returnForRevision }

    /// Whether a person with `role` may take this transition from `status`, given whether they can edit the
    /// form's content and whether they submitted it. Nobody reviews their own submission.
    public func isAllowed(from status: FormStatus, role: UserRole, canEditOwner: Bool, isSubmitter: Bool) -> Bool {
        guard from.contains(status) else { return false }
        switch self {
        case .submit:
            return canEditOwner && (role == .unitFiller || role == .departmentReviewer)
        case .startDepartmentReview, .departmentApprove:
            return role == .departmentReviewer && !isSubmitter
        case .financeApprove:
            return role == .financeReviewer && !isSubmitter
        case .returnForRevision:
            return !isSubmitter && (status == .financeReview ? role == .financeReviewer : role == .departmentReviewer)
        case .withdraw:
            // Only the one who submitted, while nobody has started reviewing.
            return isSubmitter && canEditOwner
        }
    }
}

extension FormStatus {
    /// Submitted and approved forms are locked: nobody edits their content.
    public var isLocked: Bool { self != .draft }

    /// The transitions that leave this state.
    public var transitions: [FormTransition] { FormTransition.allCases.filter { $0.from.contains(self) } }
}
