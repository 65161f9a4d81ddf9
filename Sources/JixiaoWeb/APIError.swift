import Foundation
import Hummingbird
import NIOCore

/// A JSON API answer: `{"error": {"code": …, "message": …}}` for refusals, the value itself otherwise.
enum APIResponse {
    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ error: WebError) -> Response {
        json(["error": ["code": error.code, "message": error.message]], status: error.status)
    }
}
