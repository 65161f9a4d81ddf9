import Foundation
import Hummingbird
import JixiaoCore
import JixiaoInterchange
import JixiaoStore
import NIOCore

/// The JSON API under `/api`: the same operations as the pages, the same sessions and rules.
/// Writes carry the session's CSRF token in `X-CSRF-Token`; errors are `{"error": {"code", "message"}}`.
extension JixiaoWebApp {
    func addAPIRoutes(to router: Router<WebContext>) {
        router.post("/api/login") { request, context -> Response in try await apiLogin(request, context) }
        router.get("/api/session") { _, context -> Response in
            let signedIn = try apiSignedIn(context)
            return APIResponse.json(APIBody.Session(user: APIBody.User(signedIn.user, signedIn.scope), csrfToken: signedIn.session.csrfToken))
        }
        router.get("/api/forms") { request, context -> Response in
            let signedIn = try apiSignedIn(context)
            let q = request.uri.queryParameters
            let size = min(200, max(1, q.get("limit").flatMap(Int.init) ?? configuration.pageSize))
            let page = try await store.forms(FormQuery(
                organisationIDs: Array(signedIn.scope.readable).sorted(), fiscalYear: q.get("year").flatMap(Int.init),
                kind: q.get("kind").flatMap(FormKind.init(rawValue:)), status: q.get("status").flatMap(FormStatus.init(rawValue:)),
                titleContains: q.get("q").map { String($0) }, offset: max(0, q.get("offset").flatMap(Int.init) ?? 0), limit: size))
            return APIResponse.json(APIBody.Page(total: page.total, items: page.items.map { APIBody.Listing($0, signedIn.scope) }))
        }
        router.get("/api/forms/:id") { _, context -> Response in
            let signedIn = try apiSignedIn(context)
            let record = try await readable(context, signedIn)
            return APIResponse.json(recordBody(record, signedIn.scope))
        }
        router.post("/api/forms") { request, context -> Response in
            let signedIn = try apiSignedIn(context, request: request)
            let body: NewFormRequest = try await readJSON(request)
            guard (2000...2100).contains(body.fiscalYear) else { throw Self.fieldError("fiscal_year", "应为四位年度") }
            guard signedIn.scope.editable.contains(body.organisationId) else { throw WebError.forbidden }
            let record = try await store.addForm(NewForm(organisationID: body.organisationId, fiscalYear: body.fiscalYear, form: body.form,
                                                         summary: FormAnalysis(body.form, profile: profile).summary, createdBy: signedIn.user.id))
            return APIResponse.json(recordBody(record, signedIn.scope), status: .created)
        }
        router.put("/api/forms/:id") { request, context -> Response in
            let signedIn = try apiSignedIn(context, request: request)
            let record = try await readable(context, signedIn)
            let body: SaveFormRequest = try await readJSON(request)
            guard body.form.kind == record.kind else { throw Self.fieldError("form.kind", "不能改变表单类别（现为\(record.kind.rawValue)）") }
            try checkEditable(record, signedIn)
            // The same refusal as the editor's: every out-of-range score at once.
            let analysis = FormAnalysis(body.form, profile: profile)
            if let refused = ScoreRefusal(body.form, analysis) { throw refused.error }
            let saved = try await store.saveForm(id: record.id, expectedVersion: body.version,
                                                 form: EvaluationFormContent(form: body.form, summary: analysis.summary), by: signedIn.user.id)
            return APIResponse.json(recordBody(saved, signedIn.scope))
        }
        router.post("/api/forms/:id/transition") { request, context -> Response in
            let signedIn = try apiSignedIn(context, request: request)
            let record = try await readable(context, signedIn)
            let body: TransitionRequest = try await readJSON(request)
            let comment = body.comment.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            try await checkTransition(body.transition, record, signedIn)
            if body.transition.needsComment && comment == nil { throw Self.fieldError("comment", "退回修改时必须填写审核意见") }
            let moved = try await store.transitionForm(id: record.id, expectedVersion: body.version, transition: body.transition,
                                                       by: signedIn.user.id, comment: comment)
            return APIResponse.json(recordBody(moved, signedIn.scope))
        }
    }

    /// A form as the API gives it: its figures, the form itself and its findings (scored and checked once).
    func recordBody(_ record: FormRecord, _ scope: AccessScope) -> APIBody.Record {
        APIBody.Record(record, scope, analysis: FormAnalysis(record.form, profile: profile))
    }

    static func fieldError(_ field: String, _ what: String) -> WebError {
        WebError(.badRequest, code: "API_FIELD", "字段“\(field)”\(what)。")
    }

    /// The signed-in person; for writes, also the CSRF header.
    func apiSignedIn(_ context: WebContext, request: Request? = nil) throws -> SignedIn {
        guard let signedIn = context.signedIn else { throw WebError(.unauthorized, code: "API_SIGN_IN", "请先登录（POST /api/login）。") }
        if let request {
            guard let token = request.headers[.init("X-CSRF-Token")!], Self.constantTimeEqual(token, signedIn.session.csrfToken) else {
                throw WebError(.forbidden, code: "WEB_CSRF", "缺少或错误的 X-CSRF-Token 请求头（取自 GET /api/session）。")
            }
        }
        return signedIn
    }

    /// A request body; refuses other content types, oversized or truncated bodies, unknown top-level fields, and
    /// values of the wrong kind (named by the path the client sent, `form.indicators[0].reported_score`).
    func readJSON<Body: APIRequestBody>(_ request: Request) async throws -> Body {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("application/json") else {
            throw WebError(.unsupportedMediaType, code: "WEB_CONTENT_TYPE", "只接受 application/json，收到的是“\(type)”。")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: configuration.maxBodyBytes) } catch {
            throw WebError(.contentTooLarge, code: "WEB_BODY_TOO_LARGE", "请求体超过\(configuration.maxBodyBytes / 1024)KB上限，未保存。")
        }
        let data = Data(buffer: buffer)
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            let place = JSONSyntaxLocator.firstError(in: [UInt8](data)).map { "第\($0.line)行第\($0.column)列，应为\($0.expected)" } ?? "某处"
            throw WebError(.badRequest, code: "API_JSON", "JSON 格式有误（\(place)），可能不完整，未保存。")
        }
        guard let dictionary = object as? [String: Any] else { throw WebError(.badRequest, code: "API_JSON", "请求体应为 JSON 对象。") }
        let unknown = Set(dictionary.keys).subtracting(Body.fields).sorted()
        if !unknown.isEmpty {
            throw WebError(.badRequest, code: "API_UNKNOWN_FIELD", "未知字段：" + unknown.joined(separator: "、") + "。可用字段：" + Body.fields.joined(separator: "、") + "。")
        }
        do {
            return try FormJSON.decoder().decode(Body.self, from: data)
        } catch let error as DecodingError {
            let (path, what) = Self.describe(error)
            if path.hasPrefix("form") { throw WebError(.badRequest, code: "API_FORM", "表单内容有误：\(path) \(what)。未保存。") }
            if path == "transition" {
                throw Self.fieldError("transition", "应为 " + FormTransition.allCases.map(\.rawValue).joined(separator: "、") + " 之一")
            }
            throw Self.fieldError(path, what)
        }
    }

    /// Where a decoding error is, in the names the client sent (snake_case), and what is wrong there.
    static func describe(_ error: DecodingError) -> (path: String, what: String) {
        func snake(_ key: String) -> String {
            key.reduce(into: "") { out, c in
                if c.isUppercase, !out.isEmpty { out += "_" + c.lowercased() } else { out.append(c) }
            }
        }
        func path(_ context: DecodingError.Context, adding key: CodingKey? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\(snake($0.stringValue))" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "请求体" : text)
        }
        switch error {
        case .typeMismatch(_, let c): return (path(c), "类型不对")
        case .valueNotFound(_, let c): return (path(c), "缺少值")
        case .keyNotFound(let key, let c): return (path(c, adding: key), "缺少")
        case .dataCorrupted(let c): return (path(c), c.debugDescription)
        @unknown default: return ("请求体", "无法读取")
        }
    }

    func apiLogin(_ request: Request, _ context: WebContext) async throws -> Response {
        let body: LoginRequest = try await readJSON(request)
        let user: UserRecord, session: SessionRecord
        switch try await signIn(username: body.username, password: body.password, address: context.remoteAddress) {
        case .throttled: throw WebError(.tooManyRequests, code: "WEB_THROTTLED", "登录失败次数过多，请稍后再试。")
        case .failed: throw WebError(.unauthorized, code: "WEB_SIGN_IN_FAILED", "账号或密码不正确。")
        case .signedIn(let signedInUser, let started): (user, session) = (signedInUser, started)
        }
        let scope = try await scopes.scope(for: user)
        var response = APIResponse.json(APIBody.Session(user: APIBody.User(user, scope), csrfToken: session.csrfToken))
        response.setCookie(cookie(SessionMiddleware.cookieName, session.token, maxAge: Int(configuration.sessionLifetime)))
        return response
    }
}
