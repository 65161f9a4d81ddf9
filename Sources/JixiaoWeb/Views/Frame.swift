/// The frame of every page: its title, the menu of what the role may do with the counts of what waits, and the
/// signed-in person with the sign-out button.
struct Frame: Sendable {
    struct Link: Sendable {
        var href: String
        var label: String
        /// Shown as a badge when something waits; nil for none.
        var count: Int?
    }

    struct Menu: Sendable {
        var links: [Link]
        var who: String
        var csrf: String
    }

    var title: String
    var wide: Bool
    /// Nil when nobody is signed in.
    var menu: Menu?

    init(title: String, signedIn: SignedIn?, wide: Bool = false) {
        self.title = title
        self.wide = wide
        guard let signedIn else { menu = nil; return }
        var links = [Link(href: "/forms", label: "表单")]
        if let waiting = signedIn.scope.waiting {
            links.append(Link(href: "/forms?waiting=1", label: waiting.label, count: signedIn.waitingCount.flatMap { $0 > 0 ? $0 : nil }))
        }
        if signedIn.scope.role != .unitFiller { links.append(Link(href: "/overview", label: "审核总览")) }
        if signedIn.scope.canCreate { links.append(Link(href: "/forms/new", label: "新建表单")) }
        if signedIn.scope.canImport { links.append(Link(href: "/uploads", label: "导入文件")) }
        let who = "\(signedIn.user.displayName)（\(signedIn.user.role.chineseName)，\(signedIn.scope.name(of: signedIn.user.organisationID))）"
        menu = Menu(links: links, who: who, csrf: signedIn.session.csrfToken)
    }
}

/// The error page: 找不到 or 无法完成, the message and its code.
struct ErrorPage: PageView {
    static let template = "error"
    var frame: Frame
    var heading: String
    var message: String
    var code: String
}
