import Foundation
import JixiaoStore

/// The box at the top of a form a reviewer (or its submitter) may act on: what changed since the form was last
/// returned, the opinion and the buttons, and the next form waiting in the reviewer's queue.
struct ReviewBox: TemplateView {
    static let template = "review-box"

    struct Change: Sendable {
        var field: String
        var old: String
        /// The field was empty before (shown as （空）, not struck through).
        var oldEmpty: Bool
        var new: String
        var who: String
        var at: String
    }

    var formID: Int64
    var version: Int
    var csrf: String
    var status: String
    /// The return this form came back from (who, when): the changes below are since then.
    var returnedBy: String?
    var returnOpinion: String?
    var changes: [Change]
    var changeCount: Int
    var hasChangeRows: Bool
    /// The form came back from a return (the changes box is shown, even when nothing changed).
    var hasChanges: Bool
    var actions: [WorkflowPanel.TransitionButton]
    var hasActions: Bool
    var askOpinion: Bool
    /// The next form waiting for this person, and how many wait in all.
    var nextID: Int64?
    var nextTitle: String?
    var waitingCount: Int?

    init(panel: WorkflowPanel, next: (id: Int64, title: String, waiting: Int)?) {
        let record = panel.record
        formID = record.id
        version = record.version
        csrf = panel.csrfToken
        status = record.status.chineseName
        let review = panel.changesSinceReturn
        returnedBy = review.map { "\(($0.returned.userID.flatMap { panel.names[$0] }) ?? "审核人")于\(WorkflowPanel.time($0.returned.at))" }
        returnOpinion = review?.returned.comment
        changes = (review?.changes ?? []).map { event in
            Change(field: FieldPath(changePath: event.field ?? "").chineseName, old: event.oldValue ?? "（空）", oldEmpty: event.oldValue == nil, new: event.newValue ?? "（空）",
                   who: event.userID.flatMap { panel.names[$0] } ?? "—", at: WorkflowPanel.time(event.at))
        }
        changeCount = changes.count
        hasChangeRows = !changes.isEmpty
        hasChanges = review != nil
        actions = panel.buttons
        hasActions = !actions.isEmpty
        askOpinion = panel.asksOpinion
        nextID = next?.id
        nextTitle = next?.title
        waitingCount = next?.waiting
    }
}

extension FormTransition {
    /// What the page asks before this step, for the steps that hand a form on and lock it.
    var confirmation: String? {
        switch self {
        case .submit: return "提交后表单将锁定，由审核人审核，不能再修改（审核开始前可撤回）。确定提交？"
        case .departmentApprove: return "确定部门审核通过？通过后表单送财政审核。"
        case .financeApprove: return "确定财政审核通过？通过后表单审定，不能再修改。"
        case .startDepartmentReview, .returnForRevision, .withdraw: return nil
        }
    }
}
