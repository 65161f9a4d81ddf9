import Foundation
import JixiaoStore

/// The workflow box of a form page: its state, the transitions the reader may take, and the audit trail.
struct WorkflowPanel {
    var record: FormRecord
    var events: [FormEvent]
    var allowed: [FormTransition]
    var csrfToken: String
    var names: [Int64: String]
    var error: String?
    /// The page's editor form, when the reader may edit: the transition buttons then submit its fields too,
    /// so 提交 saves what was typed instead of throwing it away.
    var editorFormID: String?

    /// A transition as a button of the page: its value, words, look and the question asked first.
    struct TransitionButton: Sendable {
        var value: String
        var label: String
        var primary: Bool
        /// Asked before the step is taken (with the script); nil for none.
        var confirm: String?

        init(_ transition: FormTransition) {
            value = transition.rawValue
            label = transition.chineseName
            primary = transition != .returnForRevision
            confirm = transition.confirmation
        }
    }

    /// The buttons of the steps this reader may take.
    var buttons: [TransitionButton] { allowed.map(TransitionButton.init) }

    /// Whether the steps offered take a reviewer's opinion (needed to return, welcome when approving).
    var asksOpinion: Bool { allowed.contains { $0.needsComment || $0 == .departmentApprove || $0 == .financeApprove } }

    /// Who handed in the form last (nobody reviews their own submission).
    static func submitter(_ events: [FormEvent]) -> Int64? {
        events.last { $0.transition == .submit }?.userID
    }

    /// The reviewer's return of a draft that came back: who, when, and the opinion; nil for a draft not returned.
    var lastReturn: (who: String, at: Date, comment: String)? {
        guard record.status == .draft, let last = events.filter({ $0.kind == .transition }).max(by: { $0.version < $1.version }),
              last.transition == .returnForRevision else { return nil }
        return (last.userID.flatMap { names[$0] } ?? "审核人", last.at, last.comment ?? "")
    }

    /// For a form handed in again after a return: that return and the fields changed since (the reviewer checks
    /// what was fixed); nil while the form is a draft or was never returned.
    var changesSinceReturn: (returned: FormEvent, changes: [FormEvent])? {
        guard record.status != .draft,
              let returned = events.last(where: { $0.kind == .transition && $0.transition == .returnForRevision }) else { return nil }
        return (returned, events.filter { $0.kind == .field && $0.version > returned.version })
    }

    static func time(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

}
