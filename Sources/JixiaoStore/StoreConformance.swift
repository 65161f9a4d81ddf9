import Foundation
import JixiaoCore

/// The behaviour every backend must show. Each backend's tests run every case on a fresh, empty store:
/// `for name in StoreConformance.caseNames { try await StoreConformance.run(name, on: makeStore()) }`.
public enum StoreConformance {
    /// A failed expectation, with what was expected.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public typealias Case = @Sendable (any JixiaoStore) async throws -> Void

    public static let cases: [(name: String, run: Case)] = [
        ("organisationsKeepTheirTree", organisationsKeepTheirTree),
        ("usernamesAreUnique", usernamesAreUnique),
        ("sessionsExpire", sessionsExpire),
        ("formsRoundTripExactly", formsRoundTripExactly),
        ("staleSaveIsRefused", staleSaveIsRefused),
        ("listsAreScopedFilteredAndPaged", listsAreScopedFilteredAndPaged),
        ("workflowMovesAndLocks", workflowMovesAndLocks),
        ("auditTrailKeepsFieldsAndTransitions", auditTrailKeepsFieldsAndTransitions),
        ("uploadsConfirmOnceAndWhole", uploadsConfirmOnceAndWhole),
    ]

    public static var caseNames: [String] { cases.map(\.name) }

    public static func run(_ name: String, on store: any JixiaoStore) async throws {
        guard let test = cases.first(where: { $0.name == name }) else { throw Failure(description: "no case \(name)") }
        try await test.run(store)
    }

    static func expect(_ condition: Bool, _ what: @autoclosure () -> String) throws {
        if !condition { throw Failure(description: what()) }
    }

    /// A bureau, a department with two units, and a unit filler in unit A (for a backend's own tests too).
    public struct Tree: Sendable {
        public var bureau: OrganisationRecord
        public var department: OrganisationRecord
        public var unitA: OrganisationRecord
        public var unitB: OrganisationRecord
        public var user: UserRecord
    }

    public static func makeTree(_ store: any JixiaoStore) async throws -> Tree {
        let bureau = try await store.addOrganisation(NewOrganisation(parentID: nil, kind: .financeBureau, code: "900", name: "测试市财政局"))
        let department = try await store.addOrganisation(NewOrganisation(parentID: bureau.id, kind: .department, code: "901", name: "测试市水务局"))
        let unitA = try await store.addOrganisation(NewOrganisation(parentID: department.id, kind: .unit, code: "901001", name: "测试市水务局机关"))
        let unitB = try await store.addOrganisation(NewOrganisation(parentID: department.id, kind: .unit, code: "901002", name: "测试市水文站"))
        let user = try await store.addUser(NewUser(username: "tianye", displayName: "田野", passwordHash: "$2b$04$x", role: .unitFiller, organisationID: unitA.id))
        return Tree(bureau: bureau, department: department, unitA: unitA, unitB: unitB, user: user)
    }

    /// A one-indicator project self-evaluation titled `title`.
    public static func sampleForm(_ title: String, actual: String = "95%") -> EvaluationForm {
        let indicator = Indicator(level1Label: "产出指标", level2Label: "质量指标", name: "供水水质达标率",
                                  target: IndicatorValue(parsing: "≥95%"), actual: IndicatorValue(parsing: actual),
                                  weight: PrintedNumber(text: "20"), reportedScore: PrintedNumber(text: "19.5"),
                                  deviationReason: "汛期浊度偏高，已加密检测。")
        let execution = BudgetExecution(annualBudget: PrintedNumber(text: "120.5"), executed: PrintedNumber(text: "118.09"))
        let project = Project(name: title, fiscalYear: 2025, manager: "田野")
        return .projectSelfEvaluation(ProjectSelfEvaluation(project: project, execution: execution, indicators: [indicator],
                                                            reportedTotal: PrintedNumber(text: "97.30")))
    }

    static func organisationsKeepTheirTree(_ store: any JixiaoStore) async throws {
        let before = try await store.organisationsRevision()
        let tree = try await makeTree(store)
        let after = try await store.organisationsRevision()
        try expect(after != before, "the organisations' revision changes when organisations are added (\(before) → \(after))")
        let all = try await store.organisations()
        try expect(all.count == 4, "4 organisations, got \(all.count)")
        try expect(all.first { $0.id == tree.unitB.id }?.parentID == tree.department.id, "unit B under the department")
        try expect(all.first { $0.id == tree.bureau.id }?.kind == .financeBureau, "bureau kind kept")
        do {
            _ = try await store.addOrganisation(NewOrganisation(parentID: nil, kind: .unit, code: "901001", name: "重复"))
            throw Failure(description: "a duplicate code was accepted")
        } catch let error as StoreError {
            try expect(error.code == .duplicate, "duplicate code gives STORE_DUPLICATE, got \(error.code)")
        }
        try expect(try await store.organisationsRevision() == after, "a refused organisation leaves the revision as it was")
    }

    static func usernamesAreUnique(_ store: any JixiaoStore) async throws {
        let tree = try await makeTree(store)
        let read = try await store.user(username: "tianye")
        try expect(read == tree.user, "user reads back as written")
        try expect(try await store.user(id: tree.user.id)?.username == "tianye", "user by id")
        do {
            _ = try await store.addUser(NewUser(username: "tianye", displayName: "另一人", passwordHash: "h", role: .administrator, organisationID: tree.bureau.id))
            throw Failure(description: "a duplicate username was accepted")
        } catch let error as StoreError {
            try expect(error.code == .duplicate, "duplicate username gives STORE_DUPLICATE")
        }
        try await store.setPasswordHash("$2b$04$new", userID: tree.user.id)
        try expect(try await store.user(id: tree.user.id)?.passwordHash == "$2b$04$new", "password hash replaced")
        try expect(try await store.users().count == 1, "one user listed")
        try expect(try await store.users(ids: [tree.user.id, 999_999]).map(\.id) == [tree.user.id], "users by ids leave unknown ids out")
        try expect(try await store.users(ids: []).isEmpty, "no ids, no users")
    }

    static func sessionsExpire(_ store: any JixiaoStore) async throws {
        let tree = try await makeTree(store)
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let live = SessionRecord(token: "live-token", userID: tree.user.id, csrfToken: "c1", createdAt: now, expiresAt: now.addingTimeInterval(3600))
        let old = SessionRecord(token: "old-token", userID: tree.user.id, csrfToken: "c2", createdAt: now.addingTimeInterval(-7200), expiresAt: now.addingTimeInterval(-3600))
        try await store.addSession(live)
        try await store.addSession(old)
        try expect(try await store.session(token: "live-token") == live, "session reads back")
        let signedIn = try await store.signedIn(token: "live-token")
        try expect(signedIn?.session == live && signedIn?.user == tree.user, "a session reads back with its person")
        try expect(signedIn?.organisationsRevision == (try await store.organisationsRevision()), "and the tree's revision")
        try expect(try await store.signedIn(token: "no-such-token") == nil, "an unknown token signs nobody in")
        let removed = try await store.removeExpiredSessions(now: now)
        try expect(removed == 1, "one expired session removed, got \(removed)")
        try expect(try await store.session(token: "old-token") == nil, "expired session gone")
        try await store.removeSession(token: "live-token")
        try expect(try await store.session(token: "live-token") == nil, "signed-out session gone")
    }

    static func formsRoundTripExactly(_ store: any JixiaoStore) async throws {
        let tree = try await makeTree(store)
        let form = sampleForm("2025年度城区供水管网维护")
        let summary = FormSummary(indicatorCount: 1, weightTotal: Decimal(string: "20"), reportedTotal: Decimal(string: "97.30"),
                                  suggestedTotal: Decimal(string: "98.12"), suggestedGrade: .excellent,
                                  executionRate: Decimal(string: "0.98"), errorCount: 1, warningCount: 2)
        let added = try await store.addForm(NewForm(organisationID: tree.unitA.id, fiscalYear: 2025, form: form, summary: summary, createdBy: tree.user.id))
        try expect(added.version == 1 && added.status == .draft, "a new form is a draft at version 1")
        guard let read = try await store.form(id: added.id) else { throw Failure(description: "form not found after add") }
        try expect(read.form == form, "form reads back unchanged")
        try expect(read.summary == summary, "summary reads back exactly: \(read.summary)")
        try expect(read.organisationID == tree.unitA.id && read.fiscalYear == 2025, "owner and year kept")
        try expect(try await store.form(id: added.id + 1000) == nil, "unknown id gives nil")
        let full = try await store.fullForms(organisationIDs: [tree.unitA.id], fiscalYear: 2025)
        try expect(full.map(\.id) == [added.id], "full forms of the unit")
    }

    static func staleSaveIsRefused(_ store: any JixiaoStore) async throws {
        let tree = try await makeTree(store)
        let added = try await store.addForm(NewForm(organisationID: tree.unitA.id, fiscalYear: 2025, form: sampleForm("管网维护"),
                                                    summary: FormSummary(), createdBy: tree.user.id))
        let first = EvaluationFormContent(form: sampleForm("管网维护", actual: "96%"), summary: FormSummary(indicatorCount: 1))
        let saved = try await store.saveForm(id: added.id, expectedVersion: 1, form: first, by: tree.user.id)
        try expect(saved.version == 2 && saved.updatedBy == tree.user.id, "save bumps the version to 2")
        let second = EvaluationFormContent(form: sampleForm("管网维护", actual: "90%"), summary: FormSummary())
        do {
            _ = try await store.saveForm(id: added.id, expectedVersion: 1, form: second, by: tree.user.id)
            throw Failure(description: "a stale save was accepted")
        } catch let error as StoreError {
            try expect(error.code == .conflict && error.currentVersion == 2, "stale save gives STORE_CONFLICT at version 2")
        }
        let read = try await store.form(id: added.id)
        try expect(read?.form == first.form && read?.version == 2, "the first save is kept, the stale one not written")
        do {
            _ = try await store.saveForm(id: added.id + 99, expectedVersion: 1, form: second, by: nil)
            throw Failure(description: "saving an unknown form was accepted")
        } catch let error as StoreError {
            try expect(error.code == .notFound, "unknown form gives STORE_NOT_FOUND")
        }
    }

    static func listsAreScopedFilteredAndPaged(_ store: any JixiaoStore) async throws {
        let tree = try await makeTree(store)
        for index in 1...7 {
            let owner = index <= 5 ? tree.unitA.id : tree.unitB.id
            let year = index == 7 ? 2024 : 2025
            // Suggested totals 91, 82, 73 … (the 7th has none); grades 优 for the first two; errors on the even ones.
            let summary = FormSummary(indicatorCount: index, suggestedTotal: index == 7 ? nil : Decimal(100 - 9 * index),
                                      suggestedGrade: index <= 2 ? .excellent : .good, errorCount: index % 2 == 0 ? 1 : 0)
            _ = try await store.addForm(NewForm(organisationID: owner, fiscalYear: year, form: sampleForm("项目\(index)号"),
                                                summary: summary, createdBy: nil))
        }
        let scoped = try await store.forms(FormQuery(organisationIDs: [tree.unitA.id], limit: 3))
        try expect(scoped.total == 5 && scoped.items.count == 3, "unit A: 5 forms, first page of 3; got \(scoped.total)/\(scoped.items.count)")
        let next = try await store.forms(FormQuery(organisationIDs: [tree.unitA.id], offset: 3, limit: 3))
        try expect(next.items.count == 2 && Set(next.items.map(\.id)).isDisjoint(with: scoped.items.map(\.id)), "second page holds the other 2")
        let year = try await store.forms(FormQuery(fiscalYear: 2024))
        try expect(year.total == 1 && year.items.first?.title == "项目7号", "year filter")
        let titled = try await store.forms(FormQuery(titleContains: "6号"))
        try expect(titled.total == 1 && titled.items.first?.summary.indicatorCount == 6, "title filter and summary")
        let kind = try await store.forms(FormQuery(kind: .targetDeclaration))
        try expect(kind.total == 0, "kind filter")
        let all = try await store.forms(FormQuery()).items.map(\.id)
        let full = try await store.fullForms(ids: all.reversed() + [999_999])
        try expect(full.map(\.id) == all.reversed() && full.first?.form.title == "项目7号", "full forms by ids, in the order asked")
        let none = try await store.forms(FormQuery(organisationIDs: []))
        try expect(none.total == 0 && none.items.isEmpty, "an empty scope sees nothing")
        var graded = FormQuery()
        graded.grade = .excellent
        try expect(try await store.forms(graded).items.map(\.title) == ["项目1号", "项目2号"], "grade filter")
        var failing = FormQuery()
        failing.withErrors = true
        try expect(try await store.forms(failing).total == 3, "only forms with errors")
        var sorted = FormQuery(limit: 4)
        sorted.sort = .suggestedTotal
        sorted.descending = true
        let highest = try await store.forms(sorted).items.map(\.title)
        try expect(highest == ["项目1号", "项目2号", "项目3号", "项目4号"], "sorted by suggested total, highest first: \(highest)")
        sorted.descending = false
        sorted.offset = 4
        let lowestLast = try await store.forms(sorted).items.map(\.title)
        try expect(lowestLast == ["项目2号", "项目1号", "项目7号"], "ascending, the form without a total last: \(lowestLast)")
        sorted = FormQuery()
        sorted.sort = .organisation
        sorted.descending = true
        try expect(try await store.forms(sorted).items.first?.organisationID == tree.unitB.id, "sorted by organisation code")
    }

    static func workflowMovesAndLocks(_ store: any JixiaoStore) async throws {
        let tree = try await makeTree(store)
        let added = try await store.addForm(NewForm(organisationID: tree.unitA.id, fiscalYear: 2025, form: sampleForm("管网维护"),
                                                    summary: FormSummary(), createdBy: tree.user.id))
        let submitted = try await store.transitionForm(id: added.id, expectedVersion: 1, transition: .submit, by: tree.user.id, comment: nil)
        try expect(submitted.status == .submitted && submitted.version == 2, "submit: submitted at version 2")
        try expect(try await store.forms(FormQuery()).items.first?.lastTransition == .submit, "the list carries the last step")
        do {
            _ = try await store.saveForm(id: added.id, expectedVersion: 2, form: EvaluationFormContent(form: sampleForm("改"), summary: FormSummary()), by: tree.user.id)
            throw Failure(description: "a submitted form was saved")
        } catch let error as StoreError {
            try expect(error.code == .invalidState, "saving a submitted form gives STORE_INVALID_STATE, got \(error.code)")
        }
        do {
            _ = try await store.transitionForm(id: added.id, expectedVersion: 2, transition: .financeApprove, by: nil, comment: nil)
            throw Failure(description: "finance approval skipped the department")
        } catch let error as StoreError {
            try expect(error.code == .invalidState, "a transition from the wrong state gives STORE_INVALID_STATE")
        }
        do {
            _ = try await store.transitionForm(id: added.id, expectedVersion: 1, transition: .departmentApprove, by: nil, comment: nil)
            throw Failure(description: "a stale transition was accepted")
        } catch let error as StoreError {
            try expect(error.code == .conflict, "a stale transition gives STORE_CONFLICT")
        }
        let returned = try await store.transitionForm(id: added.id, expectedVersion: 2, transition: .returnForRevision, by: nil, comment: "补充")
        try expect(try await store.forms(FormQuery()).items.first?.isReturned == true, "a returned draft is listed as returned")
        let again = try await store.transitionForm(id: added.id, expectedVersion: returned.version, transition: .submit, by: tree.user.id, comment: nil)
        try expect(try await store.forms(FormQuery()).items.first?.isReturned == false, "and no longer once resubmitted")
        let passed = try await store.transitionForm(id: added.id, expectedVersion: again.version, transition: .departmentApprove, by: nil, comment: nil)
        let approved = try await store.transitionForm(id: added.id, expectedVersion: passed.version, transition: .financeApprove, by: nil, comment: nil)
        try expect(approved.status == .approved && approved.version == 6, "approved at version 6")
        try expect(try await store.forms(FormQuery(status: .approved)).total == 1, "status filter finds the approved form")
    }

    static func auditTrailKeepsFieldsAndTransitions(_ store: any JixiaoStore) async throws {
        let tree = try await makeTree(store)
        let added = try await store.addForm(NewForm(organisationID: tree.unitA.id, fiscalYear: 2025, form: sampleForm("管网维护"),
                                                    summary: FormSummary(), createdBy: tree.user.id))
        _ = try await store.saveForm(id: added.id, expectedVersion: 1, form: EvaluationFormContent(form: sampleForm("管网维护", actual: "96.5%"), summary: FormSummary()),
                                     by: tree.user.id)
        _ = try await store.transitionForm(id: added.id, expectedVersion: 2, transition: .submit, by: tree.user.id, comment: nil)
        _ = try await store.transitionForm(id: added.id, expectedVersion: 3, transition: .returnForRevision, by: nil, comment: "请补充偏差原因")
        let events = try await store.events(formID: added.id)
        try expect(events.map(\.kind) == [.created, .field, .transition, .transition], "events: created, one field, two transitions; got \(events.map(\.kind))")
        let field = events[1]
        try expect(field.field == "indicators[0].actual.text" && field.oldValue == "95%" && field.newValue == "96.5%" && field.userID == tree.user.id,
                   "the field change names the path, old and new value: \(field)")
        try expect(events[3].transition == .returnForRevision && events[3].fromStatus == .submitted && events[3].toStatus == .draft
                   && events[3].comment == "请补充偏差原因", "the return keeps its comment")
        try expect(try await store.form(id: added.id)?.status == .draft, "returned forms are drafts again")
    }

    static func uploadsConfirmOnceAndWhole(_ store: any JixiaoStore) async throws {
        let tree = try await makeTree(store)
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let document = Data(#"{"format":"jixiao-interchange","version":1,"forms":[],"title":"含“引号”的标题"}"#.utf8)
        let upload = PendingUpload(id: "u-1", userID: tree.user.id, fileName: "决算公开.txt", byteCount: 1234, formCount: 2, createdAt: now, document: document)
        try await store.addUpload(upload)
        try await store.addUpload(PendingUpload(id: "u-old", userID: tree.user.id, fileName: "旧.json", byteCount: 9, formCount: 0,
                                                createdAt: now.addingTimeInterval(-86_400 * 2), document: Data("{}".utf8)))
        try expect(try await store.upload(id: "u-1") == upload, "an upload reads back exactly")
        try expect(try await store.uploads(userID: tree.user.id).map(\.id) == ["u-1", "u-old"], "uploads listed newest first")
        try expect(try await store.removeUploads(before: now.addingTimeInterval(-86_400)) == 1, "the stale upload is purged")

        // A form the database refuses (an organisation that does not exist) rolls back the whole confirmation.
        let good = NewForm(organisationID: tree.unitA.id, fiscalYear: 2025, form: sampleForm("甲"), summary: FormSummary(), createdBy: tree.user.id)
        let bad = NewForm(organisationID: 987_654, fiscalYear: 2025, form: sampleForm("乙"), summary: FormSummary(), createdBy: tree.user.id)
        do {
            _ = try await store.confirmUpload(id: "u-1", forms: [good, bad])
            throw Failure(description: "a form for a missing organisation was created")
        } catch is StoreError {}
        try expect(try await store.forms(FormQuery()).total == 0, "nothing created by the failed confirmation")
        try expect(try await store.upload(id: "u-1") != nil, "the upload waits after a failed confirmation")

        let created = try await store.confirmUpload(id: "u-1", forms: [good, NewForm(organisationID: tree.unitB.id, fiscalYear: 2024, form: sampleForm("乙"),
                                                                                   summary: FormSummary(), createdBy: tree.user.id)])
        try expect(created.map(\.form.title) == ["甲", "乙"] && created.map(\.organisationID) == [tree.unitA.id, tree.unitB.id], "both forms created in order")
        try expect(try await store.events(formID: created[0].id).map(\.kind) == [.created], "each created form has its creation event")
        try expect(try await store.upload(id: "u-1") == nil, "the confirmed upload is gone")
        do {
            _ = try await store.confirmUpload(id: "u-1", forms: [good])
            throw Failure(description: "an upload was confirmed twice")
        } catch let error as StoreError {
            try expect(error.code == .notFound, "a second confirmation gives STORE_NOT_FOUND")
        }
        try expect(try await store.forms(FormQuery()).total == 2, "the second confirmation created nothing")
        try await store.addUpload(PendingUpload(id: "u-2", userID: tree.user.id, fileName: "x.txt", byteCount: 1, formCount: 0, createdAt: now, document: Data("{}".utf8)))
        try await store.removeUpload(id: "u-2")
        try expect(try await store.uploads(userID: tree.user.id).isEmpty, "a discarded upload is gone")
    }
}
