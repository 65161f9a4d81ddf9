import Hummingbird
import NIOCore

/// Pages whose body is still built as HTML by the feature: framed by the layout template.
enum Page {
    static func html(title: String, body: String, signedIn: SignedIn?, wide: Bool = false) -> String {
        Views.render(BuiltPage(frame: Frame(title: title, signedIn: signedIn, wide: wide), body: body))
    }

    static func response(title: String, body: String, signedIn: SignedIn?, status: HTTPResponse.Status = .ok, wide: Bool = false) -> Response {
        Views.response(BuiltPage(frame: Frame(title: title, signedIn: signedIn, wide: wide), body: body), status: status)
    }

    /// A page without the frame (the print view).
    static func bare(_ html: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
