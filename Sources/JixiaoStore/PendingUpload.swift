import Foundation

/// An uploaded document read but not yet confirmed: its forms wait here until the person who
/// uploaded it assigns each to an organisation, or discards it. Confirming creates every form and
/// removes the upload in one transaction.
public struct PendingUpload: Sendable, Hashable {
    /// A random token, also the address of the confirmation page.
    public var id: String
    public var userID: Int64
    /// The name the file had on the uploader's machine.
    public var fileName: String
    /// The size of the file as uploaded.
    public var byteCount: Int
    /// How many forms the importer found.
    public var formCount: Int
    public var createdAt: Date
    /// The document as interchange JSON (forms, disclosure and import findings).
    public var document: Data

    public init(id: String, userID: Int64, fileName: String, byteCount: Int, formCount: Int, createdAt: Date, document: Data) {
        self.id = id
        self.userID = userID
        self.fileName = fileName
        self.byteCount = byteCount
        self.formCount = formCount
        self.createdAt = createdAt
        self.document = document
    }
}
