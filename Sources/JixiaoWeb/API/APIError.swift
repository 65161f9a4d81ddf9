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
        var body: [String: Any] = ["code": error.code, "message": error.message]
        if !error.rows.isEmpty {
            body["rows"] = error.rows.sorted { $0.key < $1.key }.map { ["row": $0.key, "message": $0.value] as [String: Any] }
        }
        return json(["error": body], status: error.status)
    }
}
