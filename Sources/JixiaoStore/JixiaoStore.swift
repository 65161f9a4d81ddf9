import Foundation

/// Everything the web system keeps: organisations, people, sessions and forms.
/// Every backend implements it and passes `StoreConformance`; every write is one transaction.
public protocol JixiaoStore: Sendable {
    // Organisations
    func addOrganisation(_ new: NewOrganisation) async throws -> OrganisationRecord
    func organisations() async throws -> [OrganisationRecord]
    /// A number that changes whenever the organisation tree changes, by this process or another one (caches compare it).
    func organisationsRevision() async throws -> Int

    // People
    /// Throws `StoreError.duplicate` when the username is taken.
    func addUser(_ new: NewUser) async throws -> UserRecord
    func user(id: Int64) async throws -> UserRecord?
    func user(username: String) async throws -> UserRecord?
    func users() async throws -> [UserRecord]
    /// The people with these ids (in one read), in no particular order; unknown ids are left out.
    func users(ids: [Int64]) async throws -> [UserRecord]
    func setPasswordHash(_ hash: String, userID: Int64) async throws

    // Sessions
    func addSession(_ session: SessionRecord) async throws
    func session(token: String) async throws -> SessionRecord?
    /// A session with its person and the organisation tree's revision, in one read (what every request needs).
    func signedIn(token: String) async throws -> SignedInRecords?
    func removeSession(token: String) async throws
    /// Removes sessions that expired before `now`; returns how many.
    @discardableResult func removeExpiredSessions(now: Date) async throws -> Int

    // Forms
    func addForm(_ new: NewForm) async throws -> FormRecord
    func form(id: Int64) async throws -> FormRecord?
    func forms(_ query: FormQuery) async throws -> FormPage
    /// Saves a new content for a form read at `expectedVersion`, and records each changed field in the audit trail.
    /// Throws `StoreError.conflict` when someone saved it since, `invalidState` when the form is locked; nothing is written then.
    func saveForm(id: Int64, expectedVersion: Int, form: EvaluationFormContent, by userID: Int64?) async throws -> FormRecord
    /// Moves a form along the workflow and records the transition (with its comment) in the audit trail.
    /// Throws `conflict` for a stale version and `invalidState` when the transition does not leave the form's state.
    func transitionForm(id: Int64, expectedVersion: Int, transition: FormTransition, by userID: Int64?, comment: String?) async throws -> FormRecord
    /// The audit trail of a form, oldest first.
    func events(formID: Int64) async throws -> [FormEvent]
    /// The forms of the given organisations and year, in full (for roll-ups).
    func fullForms(organisationIDs: [Int64], fiscalYear: Int) async throws -> [FormRecord]
    /// The forms with these ids, in full and in the order asked (in one read); unknown ids are left out.
    func fullForms(ids: [Int64]) async throws -> [FormRecord]

    // Uploads waiting for confirmation
    func addUpload(_ upload: PendingUpload) async throws
    func upload(id: String) async throws -> PendingUpload?
    /// The person's pending uploads, newest first.
    func uploads(userID: Int64) async throws -> [PendingUpload]
    func removeUpload(id: String) async throws
    /// Creates the forms and removes the upload in one transaction; throws `notFound` when the upload
    /// was already confirmed or discarded, and then nothing is created.
    func confirmUpload(id: String, forms: [NewForm]) async throws -> [FormRecord]
    /// Removes uploads made before `date`; returns how many.
    @discardableResult func removeUploads(before date: Date) async throws -> Int
}

import JixiaoCore

/// The content a save writes: the form and the figures computed from it.
public struct EvaluationFormContent: Sendable, Hashable {
    public var form: EvaluationForm
    public var summary: FormSummary

    public init(form: EvaluationForm, summary: FormSummary) {
        self.form = form
        self.summary = summary
    }
}
