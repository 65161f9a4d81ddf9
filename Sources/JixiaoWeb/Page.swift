import Hummingbird
import NIOCore

/// The frame of every page: header, navigation, the signed-in person, and the body.
enum Page {
    static func html(title: String, body: String, signedIn: SignedIn?, wide: Bool = false) -> String {
        var nav = ""
        if let signedIn {
            // Only what the role may do, and what waits for the person with its count.
            var links = "<a href=\"/forms\">表单</a>"
            if let waiting = signedIn.scope.waiting {
                let count = signedIn.waitingCount.map { $0 > 0 ? "<b class=\"count\">\($0)</b>" : "" } ?? ""
                links += "<a href=\"/forms?waiting=1\">\(HTML.escape(waiting.label))\(count)</a>"
            }
            if signedIn.scope.role != .unitFiller { links += "<a href=\"/overview\">审核总览</a>" }
            if signedIn.scope.canCreate { links += "<a href=\"/forms/new\">新建表单</a>" }
            if signedIn.scope.canImport { links += "<a href=\"/uploads\">导入文件</a>" }
            nav = """
            <nav>\(links)\
            <span class="who">\(HTML.escape(signedIn.user.displayName))（\(HTML.escape(signedIn.user.role.chineseName))，\(HTML.escape(signedIn.scope.name(of: signedIn.user.organisationID)))）</span>\
            <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="\(HTML.escape(signedIn.session.csrfToken))"><button type="submit">退出</button></form></nav>
            """
        }
        return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · jixiao 绩效</title><link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
        <body><header><a class="brand" href="/forms">jixiao 绩效</a>\(nav)</header>
        <main class="\(wide ? "wide" : "")">\(body)</main></body></html>
        """
    }

    static func response(title: String, body: String, signedIn: SignedIn?, status: HTTPResponse.Status = .ok, wide: Bool = false) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: html(title: title, body: body, signedIn: signedIn, wide: wide))))
    }

    /// A page without the frame (the print view).
    static func bare(_ html: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
