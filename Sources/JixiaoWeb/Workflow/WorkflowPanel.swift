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

    /// The panel: the buttons (only when they belong to the editor's form; otherwise they are in the review box at
    /// the top) and the audit trail.
    func html() -> String {
        var html = "<fieldset class=\"workflow\"><legend>流程：\(record.status.chineseName)</legend>"
        if let error { html += "<p class=\"error-box\" role=\"alert\">\(HTML.escape(error))</p>" }
        if record.status.isLocked { html += "<p class=\"readonly-note\">已\(record.status == .approved ? "审定" : "提交")，表单已锁定；需要修改时请审核人退回。</p>" }
        if !allowed.isEmpty, let editorFormID {
            // With an editor on the page, the buttons belong to its form (the `form` attribute) and post its fields.
            let owner = " " + HTML.attribute("form", editorFormID) + " " + HTML.attribute("formaction", "/forms/\(record.id)/transition")
            html += "<div class=\"transition\">"
            if allowed.contains(where: \.needsComment) || allowed.contains(.departmentApprove) || allowed.contains(.financeApprove) {
                let comment = "<textarea name=\"comment\" rows=\"2\" aria-label=\"审核意见\" \(HTML.attribute("form", editorFormID))></textarea>"
                html += HTML.field("审核意见（退回时必填）", comment)
            }
            html += allowed.map { transition in
                let confirm = transition.confirmation.map { " " + HTML.attribute("data-confirm", $0) } ?? ""
                return "<button type=\"submit\" name=\"transition\" value=\"\(transition.rawValue)\"\(owner)\(transition == .returnForRevision ? "" : " class=\"primary\"")\(confirm)>\(transition.chineseName)</button>"
            }.joined(separator: " ")
            html += "</div>"
        }
        html += "<details\(events.count <= 12 ? " open" : "")><summary>修改记录（\(events.count)条）</summary><table class=\"rows history\"><thead><tr><th>时间</th><th>人员</th><th>版本</th><th>操作或栏目</th><th>原值</th><th>新值</th><th>意见</th></tr></thead><tbody>"
        for event in events.reversed() {
            html += "<tr><td>\(Self.time(event.at))</td><td>\(HTML.escape(event.userID.flatMap { names[$0] } ?? "—"))</td><td>\(event.version)</td>"
            switch event.kind {
            case .created: html += "<td>新建</td><td></td><td></td>"
            case .transition:
                html += "<td>\(event.transition?.chineseName ?? "")</td><td>\(event.fromStatus?.chineseName ?? "")</td><td>\(event.toStatus?.chineseName ?? "")</td>"
            case .field:
                html += "<td>\(HTML.escape(Self.fieldName(event.field ?? "")))</td><td>\(HTML.escape(event.oldValue ?? "（空）"))</td><td>\(HTML.escape(event.newValue ?? "（空）"))</td>"
            }
            html += "<td>\(HTML.escape(event.comment ?? ""))</td></tr>"
        }
        return html + "</tbody></table></details></fieldset>"
    }

    static func time(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// `indicators[4].actual.text` → `第5条指标的实际完成值`.
    static func fieldName(_ path: String) -> String { FieldPath(changePath: path).chineseName }
}
