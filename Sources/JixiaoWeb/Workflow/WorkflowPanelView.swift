import Foundation
import JixiaoStore
import Mustache

/// The workflow box under a form: its state, the editor's transition buttons (which post the editor's fields with
/// them) and the audit trail, newest first.
struct WorkflowPanelView: TemplateView {
    static let template = "workflow-panel"

    struct Entry: Sendable {
        var at: String
        var who: String
        var version: Int
        var what: String
        var old: String
        var new: String
        var comment: String
    }

    var formID: Int64
    var status: String
    var error: String?
    var lockedNote: String?
    /// The editor's form the buttons belong to (nil when they are in the review box instead).
    var editorFormID: String?
    var actions: [WorkflowPanel.TransitionButton]
    var askOpinion: Bool
    var entries: [Entry]
    var entryCount: Int
    var open: Bool

    init(_ panel: WorkflowPanel) {
        let record = panel.record
        formID = record.id
        status = record.status.chineseName
        error = panel.error
        lockedNote = record.status.isLocked ? "已\(record.status == .approved ? "审定" : "提交")，表单已锁定；需要修改时请审核人退回。" : nil
        let buttonsHere = panel.editorFormID != nil && !panel.allowed.isEmpty
        editorFormID = buttonsHere ? panel.editorFormID : nil
        actions = buttonsHere ? panel.buttons : []
        askOpinion = buttonsHere && panel.asksOpinion
        entries = panel.events.reversed().map { event in
            var entry = Entry(at: WorkflowPanel.time(event.at), who: event.userID.flatMap { panel.names[$0] } ?? "—", version: event.version,
                              what: "", old: "", new: "", comment: event.comment ?? "")
            switch event.kind {
            case .created: entry.what = "新建"
            case .transition:
                entry.what = event.transition?.chineseName ?? ""
                entry.old = event.fromStatus?.chineseName ?? ""
                entry.new = event.toStatus?.chineseName ?? ""
            case .field:
                entry.what = FieldPath(changePath: event.field ?? "").chineseName
                entry.old = event.oldValue ?? "（空）"
                entry.new = event.newValue ?? "（空）"
            }
            return entry
        }
        entryCount = entries.count
        open = entries.count <= 12
    }
}

// A long history renders many rows: answered by name rather than by reflection.
extension WorkflowPanelView.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "at": at
        case "who": who
        case "version": version
        case "what": what
        case "old": old
        case "new": new
        case "comment": comment
        default: nil
        }
    }
}
