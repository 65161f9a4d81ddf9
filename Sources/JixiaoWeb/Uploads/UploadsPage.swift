import Foundation
import JixiaoStore

/// 导入文件: the file to send, what can be read, and the person's uploads still waiting for confirmation.
struct UploadsPage: PageView {
    static let template = "uploads"

    struct Pending: Sendable {
        var id: String
        var fileName: String
        var forms: Int
        var size: String
        var at: String
    }

    var frame: Frame
    /// Nil when the person may import; else why not.
    var refusal: String?
    var error: String?
    var errorCode: String?
    var csrf: String
    var maxMegabytes: Int
    var maxBytes: Int
    var pending: [Pending]
    var keptDays: Int

    init(signedIn: SignedIn, error: WebError?, pending uploads: [PendingUpload], configuration: WebConfiguration) {
        frame = Frame(title: "导入文件", signedIn: signedIn)
        refusal = signedIn.scope.importable.isEmpty ? "您的角色（\(signedIn.user.role.chineseName)）只能查看表单，不能导入文件。" : nil
        self.error = error?.message
        errorCode = error?.code
        csrf = signedIn.session.csrfToken
        maxMegabytes = configuration.maxUploadBytes / (1024 * 1024)
        maxBytes = configuration.maxUploadBytes
        pending = uploads.map {
            Pending(id: $0.id, fileName: $0.fileName, forms: $0.formCount, size: JixiaoWebApp.byteText($0.byteCount),
                    at: JixiaoWebApp.timeText($0.createdAt))
        }
        keptDays = Int(configuration.uploadLifetime / 86_400)
    }
}
