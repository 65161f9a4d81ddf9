import Foundation
import Hummingbird
import JixiaoCore
import NIOCore

/// A JSON API answer, typed: `{"error": {"code": …, "message": …}}` for refusals, the value itself otherwise.
enum APIResponse {
    /// A typed answer (snake_case keys, as the exchange format writes them).
    static func json<Body: Encodable>(_ body: Body, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? FormJSON.encoder(pretty: false).encode(body)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"error": {"code", "message", "rows"?}}`: a refusal with its stable code.
    static func error(_ error: WebError) -> Response {
        json(ErrorBody(error: .init(code: error.code, message: error.message,
                                    rows: error.rows.isEmpty ? nil : error.rows.sorted { $0.key < $1.key }.map { .init(row: $0.key, message: $0.value) })),
             status: error.status)
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            struct Row: Encodable {
                var row: Int
                var message: String
            }

            var code: String
            var message: String
            var rows: [Row]?
        }

        var error: Detail
    }
}
