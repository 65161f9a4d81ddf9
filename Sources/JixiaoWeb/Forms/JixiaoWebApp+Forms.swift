import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore
import NIOCore

extension JixiaoWebApp {
    func addFormRoutes(to router: Router<WebContext>) {
        router.get("/forms") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            return try await listPage(request, signedIn)
        }
        router.get("/forms/new") { _, context -> Response in
            let signedIn = try context.requireSignedIn()
            return newFormPage(signedIn, message: nil)
        }
        router.post("/forms") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            return try await createForm(request, signedIn)
        }
        router.get("/forms/:id") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            let record = try await readable(context, signedIn)
            let saved = request.uri.queryParameters.get("saved").flatMap(Int.init)
            let moved = request.uri.queryParameters.get("moved").flatMap { FormTransition(rawValue: String($0)) }
            let notice = saved.map { "已保存（第\($0)版）。" } ?? moved.map { "已\($0.chineseName)，表单现为“\(record.status.chineseName)”。" }
            return try await editorPage(record, signedIn, shown: record.form, notice: notice)
        }
        router.post("/forms/:id") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            return try await saveForm(request, context, signedIn)
        }
        router.post("/forms/:id/transition") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            return try await transition(request, context, signedIn)
        }
        router.post("/forms/:id/preview") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            return try await preview(request, context, signedIn)
        }
        router.get("/forms/:id/print") { _, context -> Response in
            let signedIn = try context.requireSignedIn()
            let record = try await readable(context, signedIn)
            let form = OfficialForm(record: record, form: record.form, organisationName: signedIn.scope.name(of: record.organisationID),
                                    analysis: FormAnalysis(record.form, profile: profile), screen: false)
            return Views.response(PrintPage(form: form, version: record.version))
        }
    }

    /// The form named in the path, when the signed-in person may read it (else 404, which does not reveal that it exists).
    func readable(_ context: WebContext, _ signedIn: SignedIn) async throws -> FormRecord {
        guard let id = context.parameters.get("id").flatMap(Int64.init), let record = try await store.form(id: id),
              signedIn.scope.canRead(record.organisationID) else { throw WebError.notFound }
        return record
    }

    func editorPage(_ record: FormRecord, _ signedIn: SignedIn, shown: EvaluationForm, version: Int? = nil, notice: String? = nil,
                    error: String? = nil, reader: FormReader? = nil, rowErrors: [Int: String] = [:],
                    status: HTTPResponse.Status = .ok, workflowError: String? = nil,
                    otherChanges: [FormEditor.OtherChange] = [], analysis known: FormAnalysis? = nil) async throws -> Response {
        // Scored and checked once per request: a caller that analysed the form already passes it on.
        let analysis = known ?? FormAnalysis(shown, profile: profile)
        var rollup: DepartmentRollup?
        if case .departmentEvaluation = shown { rollup = try await self.rollup(for: record, signedIn) }
        var errors = reader?.errors ?? [:]
        for (row, message) in rowErrors { errors["i.\(row)"] = message }
        var editor = FormEditor(record: record, form: shown, analysis: analysis, editable: signedIn.scope.canEdit(record),
                                csrfToken: signedIn.session.csrfToken, fieldErrors: errors, fieldWarnings: FormWarnings.of(shown),
                                rawTexts: reader?.rawTexts ?? [:], version: version ?? record.version,
                                organisationName: signedIn.scope.name(of: record.organisationID), rollup: rollup, otherChanges: otherChanges)
        var panel = try await workflowPanel(record, signedIn, error: workflowError)
        if editor.editable { panel.editorFormID = FormEditor.formID }
        editor.returned = panel.lastReturn
        // Someone who acts on the form without editing it (a reviewer; the submitter who may withdraw) finds the
        // buttons, what changed since the last return and the next form of their queue at the top.
        if panel.editorFormID == nil, !panel.allowed.isEmpty || panel.changesSinceReturn != nil || signedIn.scope.waiting != nil {
            let box = ReviewBox(panel: panel, next: try await nextInQueue(after: record, signedIn))
            if box.hasActions || box.hasChanges || box.nextID != nil { editor.top = Views.render(box) }
        }
        return Views.response(FormPageView(frame: Frame(title: shown.title, signedIn: signedIn, wide: true),
                                           editor: editor.view(notice: notice, error: error), panel: WorkflowPanelView(panel)), status: status)
    }

    /// The first other form waiting for this person (a reviewer's 下一张), with how many wait in all.
    func nextInQueue(after record: FormRecord, _ signedIn: SignedIn) async throws -> (id: Int64, title: String, waiting: Int)? {
        guard signedIn.scope.role != .unitFiller, signedIn.scope.waiting != nil else { return nil }
        var filter = FormListFilter()
        filter.waiting = true
        let page = try await store.forms(filter.query(scope: signedIn.scope, limit: 2))
        return page.items.first { $0.id != record.id }.map { ($0.id, $0.title.isEmpty ? "（未命名）" : $0.title, page.total) }
    }

    /// The department's project self-evaluations of the form's year, summed.
    func rollup(for record: FormRecord, _ signedIn: SignedIn) async throws -> DepartmentRollup {
        let units = signedIn.scope.organisations.values.filter { $0.parentID == record.organisationID }.map(\.id)
        return DepartmentRollup(records: try await store.fullForms(organisationIDs: units + [record.organisationID], fiscalYear: record.fiscalYear),
                                names: signedIn.scope.name(of:))
    }

    /// Refuses a change to a form the person may not change: a locked one of theirs (409), or one outside their scope (403).
    func checkEditable(_ record: FormRecord, _ signedIn: SignedIn) throws {
        if signedIn.scope.editable.contains(record.organisationID) && record.status.isLocked {
            let locked = StoreError.locked(formID: record.id, status: record.status)
            throw WebError(.conflict, code: locked.code.rawValue, locked.message)
        }
        guard signedIn.scope.canEdit(record) else { throw WebError.forbidden }
    }

    /// Refuses a transition the person may not take, saying whether it is their own submission.
    func checkTransition(_ transition: FormTransition, _ record: FormRecord, _ signedIn: SignedIn) async throws {
        let isSubmitter = WorkflowPanel.submitter(try await store.events(formID: record.id)) == signedIn.user.id
        guard transition.isAllowed(from: record.status, role: signedIn.user.role, canEditOwner: signedIn.scope.editable.contains(record.organisationID),
                                   isSubmitter: isSubmitter) else {
            throw isSubmitter && transition != .submit
                ? WebError(.forbidden, code: "WEB_OWN_SUBMISSION", "不能审核自己提交的表单。")
                : WebError(.forbidden, code: "WEB_TRANSITION_FORBIDDEN", "您不能对这张“\(record.status.chineseName)”的表单执行“\(transition.chineseName)”。")
        }
    }

    func workflowPanel(_ record: FormRecord, _ signedIn: SignedIn, error: String?) async throws -> WorkflowPanel {
        let events = try await store.events(formID: record.id)
        let submitter = WorkflowPanel.submitter(events)
        let allowed = record.status.transitions.filter {
            $0.isAllowed(from: record.status, role: signedIn.user.role, canEditOwner: signedIn.scope.editable.contains(record.organisationID),
                         isSubmitter: submitter == signedIn.user.id)
        }
        let names = try await displayNames(of: events)
        return WorkflowPanel(record: record, events: events, allowed: allowed, csrfToken: signedIn.session.csrfToken, names: names, error: error)
    }

    /// The names of the people in an audit trail, read together.
    func displayNames(of events: [FormEvent]) async throws -> [Int64: String] {
        let users = try await store.users(ids: Array(Set(events.compactMap(\.userID))))
        return Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.displayName) })
    }

    func transition(_ request: Request, _ context: WebContext, _ signedIn: SignedIn) async throws -> Response {
        let record = try await readable(context, signedIn)
        let post = try await readPost(request)
        try checkCSRF(post, signedIn)
        guard let transition = post.text("transition").flatMap(FormTransition.init(rawValue:)) else { throw WebError.badRequest("未知的流程操作。") }
        guard var version = post.text("_version").flatMap(Int.init) else { throw WebError.badRequest("缺少版本号，请刷新页面后重试。") }
        try await checkTransition(transition, record, signedIn)
        let comment = post.text("comment")
        // A button of the editor page posts the editor's fields: what was typed is saved first, or the page comes
        // back with it kept and nothing moved.
        var shown = record.form
        var reader: FormReader?
        if post["_editor"] == "1", signedIn.scope.canEdit(record) {
            switch try await readEdit(post, record, signedIn, version: version, refusal: "未\(transition.chineseName)") {
            case .refused(let page): return page
            case .unchanged: break
            case .changed(let form, let analysis, let edit):
                shown = form
                reader = edit
                do {
                    version = try await store.saveForm(id: record.id, expectedVersion: version,
                                                       form: EvaluationFormContent(form: form, summary: analysis.summary), by: signedIn.user.id).version
                } catch let error as StoreError where error.code == .conflict {
                    return try await conflictPage(record, signedIn, typed: form, startedFrom: version, reader: edit)
                } catch let error as StoreError where error.code == .invalidState {
                    return try await editorPage(record, signedIn, shown: form, version: version,
                                                error: "未\(transition.chineseName)：" + error.message, reader: edit, status: .conflict)
                }
            }
        }
        if transition.needsComment && comment == nil {
            let current = try await store.form(id: record.id) ?? record
            return try await editorPage(current, signedIn, shown: shown, version: version, reader: reader, status: .unprocessableContent,
                                        workflowError: "退回修改时必须填写审核意见，说明要改什么。")
        }
        do {
            let moved = try await store.transitionForm(id: record.id, expectedVersion: version, transition: transition, by: signedIn.user.id, comment: comment)
            return .redirect(to: "/forms/\(moved.id)?moved=\(transition.rawValue)")
        } catch let error as StoreError where error.code == .conflict || error.code == .invalidState {
            let current = try await store.form(id: record.id) ?? record
            return try await editorPage(current, signedIn, shown: current.form, status: .conflict, workflowError: error.message)
        }
    }

    /// What the editor's fields say, read over the stored form and checked as a save checks them.
    enum EditOutcome {
        /// Nothing differs from the stored form.
        case unchanged
        /// The edited form, its analysis and the reader (for re-showing fields as typed).
        case changed(EvaluationForm, FormAnalysis, FormReader)
        /// The editor page again, with what was typed and why it cannot be saved.
        case refused(Response)
    }

    /// Reads and checks the editor's fields; `refusal` starts the message of a refused page (`未保存`, `未提交`).
    func readEdit(_ post: FormPost, _ record: FormRecord, _ signedIn: SignedIn, version: Int, refusal: String) async throws -> EditOutcome {
        var reader = FormReader(post: post, profile: profile)
        var form = reader.read(over: record.form)
        if !reader.errors.isEmpty {
            return .refused(try await editorPage(record, signedIn, shown: form, version: version,
                                                 error: "有\(reader.errors.count)处填写无法识别，\(refusal)。请按标出的提示修改。",
                                                 reader: reader, status: .unprocessableContent))
        }
        if post["auto_total"] == "on" { FormActions.keepTotalCurrent(&form, profile: profile) }
        let analysis = FormAnalysis(form, profile: profile)
        if let refused = ScoreRefusal(form, analysis) {
            return .refused(try await editorPage(record, signedIn, shown: form, version: version, error: refused.message(refusal),
                                                 reader: reader, rowErrors: refused.rows, status: .unprocessableContent, analysis: analysis))
        }
        // Compared as the store records changes: field by field, parse results left out.
        let same = FormDiff.changes(from: try FormDocumentCodec.encode(record.form), to: try FormDocumentCodec.encode(form)).isEmpty
        return same && version == record.version ? .unchanged : .changed(form, analysis, reader)
    }

    func saveForm(_ request: Request, _ context: WebContext, _ signedIn: SignedIn) async throws -> Response {
        let record = try await readable(context, signedIn)
        let post = try await readPost(request)
        try checkCSRF(post, signedIn)
        try checkEditable(record, signedIn)
        guard let version = post.text("_version").flatMap(Int.init) else { throw WebError.badRequest("表单缺少版本号，无法保存。请刷新页面后重试。") }
        let actionText = post.text("action") ?? "save"
        guard let action = EditorAction(actionText) else { throw WebError.badRequest("未知的操作“\(actionText)”，未保存。请刷新页面后重试。") }
        if action != .save {
            // A button that changes the page but does not save: the form comes back with the change, unsaved.
            var reader = FormReader(post: post, profile: profile)
            var form = reader.read(over: record.form)
            let notice: String
            switch action {
            case .adopt(let row):
                let taken = Self.adoptSuggestedScores(in: &form, rows: row.map { [$0] }, profile: profile)
                for row in taken { reader.forget("i.\(row).score") }
                notice = taken.isEmpty ? "没有可采用的建议得分。" : "已采用\(taken.count)行的建议得分，尚未保存。"
            case .assemble:
                notice = try await rollup(for: record, signedIn).assemble(into: &form) + "尚未保存。"
            case .row(let verb, let kind, let index):
                _ = FormActions.apply(verb, kind, index: index, to: &form)
                notice = "已调整行，尚未保存。"
            case .save:
                notice = ""
            }
            return try await editorPage(record, signedIn, shown: form, version: version, notice: notice, reader: reader)
        }
        let form: EvaluationForm, analysis: FormAnalysis, reader: FormReader
        switch try await readEdit(post, record, signedIn, version: version, refusal: "未保存") {
        case .refused(let page): return page
        case .unchanged: return .redirect(to: "/forms/\(record.id)?saved=\(record.version)")
        case .changed(let f, let a, let r): (form, analysis, reader) = (f, a, r)
        }
        do {
            let saved = try await store.saveForm(id: record.id, expectedVersion: version,
                                                 form: EvaluationFormContent(form: form, summary: analysis.summary), by: signedIn.user.id)
            return .redirect(to: "/forms/\(saved.id)?saved=\(saved.version)")
        } catch let error as StoreError where error.code == .conflict {
            return try await conflictPage(record, signedIn, typed: form, startedFrom: version, reader: reader)
        } catch let error as StoreError where error.code == .invalidState {
            return try await editorPage(record, signedIn, shown: form, version: version, error: error.message, reader: reader, status: .conflict)
        }
    }

    /// After a save refused because someone else saved first: the editor keeps what this person typed, lists what
    /// the other person changed since this person opened the form, and carries the current version, so the next
    /// save (after checking) goes through.
    func conflictPage(_ record: FormRecord, _ signedIn: SignedIn, typed form: EvaluationForm, startedFrom version: Int,
                      reader: FormReader) async throws -> Response {
        let current = try await store.form(id: record.id) ?? record
        let events = try await store.events(formID: record.id).filter { $0.version > version && $0.kind == .field }
        let names = try await displayNames(of: events)
        // The other person's changes to fields this person left alone are taken over; a field both changed keeps
        // what this person typed and is named.
        let theirs = events.compactMap { e in e.field.map { FormDiff.Change(field: $0, old: e.oldValue, new: e.newValue) } }
        let merge = FormDiff.merge(theirs: theirs, mine: try FormDocumentCodec.encode(form), current: try FormDocumentCodec.encode(current.form))
        let merged = (try? FormDocumentCodec.decode(merge.json, formID: record.id)) ?? form
        let clashing = Set(merge.clashes.map(\.field))
        let changes = events.map { event in
            FormEditor.OtherChange(field: FieldPath(changePath: event.field ?? "").chineseName, old: event.oldValue, new: event.newValue,
                                   who: event.userID.flatMap { names[$0] } ?? "其他用户", clashes: clashing.contains(event.field ?? ""))
        }
        var message = "保存未完成：您打开此表后，别人已保存了新的内容（第\(version)版→第\(current.version)版）。您填写的内容仍在下面，尚未保存。"
        if !merge.taken.isEmpty { message += "对方改过、您未改的\(merge.taken.count)处已并入下面的表中。" }
        if !merge.clashes.isEmpty { message += "有\(merge.clashes.count)处您和对方都改了，下面保留您的内容，请对照“对方的修改”决定。" }
        message += "核对后再点“保存”即保存为新版本。"
        return try await editorPage(current, signedIn, shown: merged, version: current.version, error: message, reader: merge.taken.isEmpty ? reader : nil,
                                    status: .conflict, otherChanges: changes)
    }

    /// Puts the suggested score, as the page shows it, into the 得分 of the given rows (all when nil) that have one;
    /// returns the rows changed.
    static func adoptSuggestedScores(in form: inout EvaluationForm, rows: [Int]?, profile: ScoringProfile) -> [Int] {
        let analysis = FormAnalysis(form, profile: profile)
        var indicators = form.indicators
        var taken: [Int] = []
        for (index, score) in analysis.score.indicators.enumerated() where rows?.contains(index) ?? true {
            guard index < indicators.count, let suggested = score.suggested,
                  let shown = Decimal(string: suggested.shortText(), locale: Locale(identifier: "en_US_POSIX")) else { continue }
            if indicators[index].reportedScore?.value == shown { continue }
            indicators[index].reportedScore = PrintedNumber(shown)
            taken.append(index)
        }
        form.indicators = indicators
        return taken
    }

    func preview(_ request: Request, _ context: WebContext, _ signedIn: SignedIn) async throws -> Response {
        let record = try await readable(context, signedIn)
        let post = try await readPost(request)
        try checkCSRF(post, signedIn)
        var reader = FormReader(post: post, profile: profile)
        let form = reader.read(over: record.form)
        let analysis = FormAnalysis(form, profile: profile)
        let body = PreviewBody(
            rows: analysis.score.indicators.map { .init(suggested: $0.suggested?.shortText() ?? "—", range: "允许 \($0.rangeWords)", explanation: $0.explanation) },
            suggestedTotal: analysis.summary.suggestedTotal?.shortText() ?? "—", suggestedGrade: analysis.summary.suggestedGrade?.rawValue ?? "—",
            reportedSum: analysis.score.reportedSum?.shortText() ?? "—", executionRate: FormReader.computedRate(form.execution)?.description ?? "—")
        return APIResponse.json(body)
    }
}

/// What the editor's script shows while a person types: each row's suggestion, the totals and the rate.
struct PreviewBody: Encodable {
    struct Row: Encodable {
        var suggested: String
        var range: String
        var explanation: String
    }

    var rows: [Row]
    var suggestedTotal: String
    var suggestedGrade: String
    var reportedSum: String
    var executionRate: String
}

/// Cautions about values the value language reads as words where a number was expected, recomputed on every page.
enum FormWarnings {
    static func of(_ form: EvaluationForm) -> [String: String] {
        var warnings: [String: String] = [:]
        for (index, indicator) in form.indicators.enumerated() {
            if let target = indicator.effectiveTarget, let actual = indicator.actual, target.kind == .quantitative,
               actual.kind == .qualitative || actual.kind == .unfilledTemplate {
                warnings["i.\(index).actual"] = "“\(actual.text)”不是数值，已按文字保存；建议得分需人工判断。"
            }
            if let target = indicator.target, target.kind == .unfilledTemplate {
                warnings["i.\(index).target"] = "“\(target.text)”是未填写的模板，请补上数值。"
            }
            if let tags = indicator.subTasks, tags.numbers.isEmpty {
                warnings["i.\(index).tags"] = "子项编号“\(tags.text)”无法识别，已按原文保存。"
            }
        }
        return warnings
    }
}
