import Foundation
import JixiaoCore

/// 新建表单: the organisation, the kind of form and its year (and the project's name).
struct NewFormPage: PageView {
    static let template = "new-form"

    var frame: Frame
    /// Why this person cannot create forms, when they cannot.
    var refusal: String?
    var message: String?
    var csrf: String
    var organisations: [SelectOption]
    var kinds: [SelectOption]
    var year: String

    init(signedIn: SignedIn, message: String?) {
        frame = Frame(title: "新建表单", signedIn: signedIn)
        let owners = signedIn.scope.creatable
        refusal = owners.isEmpty ? "您的角色（\(signedIn.user.role.chineseName)）只能查看表单，不能新建。" : nil
        self.message = message
        csrf = signedIn.session.csrfToken
        organisations = owners.map { SelectOption(value: String($0.id), label: "\($0.code) \($0.name)", selected: false) }
        kinds = FormKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.chineseName, selected: false) }
        year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
    }
}
