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
            return APIResponse.json(["user": userJSON(signedIn.user, signedIn.scope), "csrf_token": signedIn.session.csrfToken])
        }
        router.get("/api/forms") { request, context -> Response in
            let signedIn = try apiSignedIn(context)
            let q = request.uri.queryParameters
            let size = min(200, max(1, q.get("limit").flatMap(Int.init) ?? configuration.pageSize))
            let page = try await store.forms(FormQuery(
                organisationIDs: Array(signedIn.scope.readable).sorted(), fiscalYear: q.get("year").flatMap(Int.init),
                kind: q.get("kind").flatMap(FormKind.init(rawValue:)), status: q.get("status").flatMap(FormStatus.init(rawValue:)),
                titleContains: q.get("q").map { String($0) }, offset: max(0, q.get("offset").flatMap(Int.init) ?? 0), limit: size))
            return APIResponse.json(["total": page.total, "items": page.items.map { listingJSON($0, signedIn.scope) }])
        }
        router.get("/api/forms/:id") { _, context -> Response in
            let signedIn = try apiSignedIn(context)
            let record = try await readable(context, signedIn)
            return APIResponse.json(try recordJSON(record, signedIn.scope))
        }
        router.post("/api/forms") { request, context -> Response in
            let signedIn = try apiSignedIn(context, request: request)
            let body = try await readJSON(request, allowed: ["organisation_id", "fiscal_year", "form"])
            guard let organisationID = (body["organisation_id"] as? NSNumber)?.int64Value else { throw Self.fieldError("organisation_id", "应为机构编号（整数）") }
            guard let year = (body["fiscal_year"] as? NSNumber)?.intValue, (2000...2100).contains(year) else { throw Self.fieldError("fiscal_year", "应为四位年度") }
            guard signedIn.scope.editable.contains(organisationID) else { throw WebError.forbidden }
            let form = try decodeForm(body["form"])
            let record = try await store.addForm(NewForm(organisationID: organisationID, fiscalYear: year, form: form,
                                                         summary: FormAnalysis(form, profile: profile).summary, createdBy: signedIn.user.id))
            return APIResponse.json(try recordJSON(record, signedIn.scope), status: .created)
        }
        router.put("/api/forms/:id") { request, context -> Response in
            let signedIn = try apiSignedIn(context, request: request)
            let record = try await readable(context, signedIn)
            let body = try await readJSON(request, allowed: ["version", "form"])
            guard let version = (body["version"] as? NSNumber)?.intValue else { throw Self.fieldError("version", "应为整数（读取时的版本号）") }
            let form = try decodeForm(body["form"])
            guard form.kind == record.kind else { throw Self.fieldError("form.kind", "不能改变表单类别（现为\(record.kind.rawValue)）") }
            try checkEditable(record, signedIn)
            let analysis = FormAnalysis(form, profile: profile)
            if let refused = ScoreRefusal(form, analysis) { throw refused.error }
            let saved = try await store.saveForm(id: record.id, expectedVersion: version, form: EvaluationFormContent(form: form, summary: analysis.summary),
                                                 by: signedIn.user.id)
            return APIResponse.json(try recordJSON(saved, signedIn.scope))
        }
        router.post("/api/forms/:id/transition") { request, context -> Response in
            let signedIn = try apiSignedIn(context, request: request)
            let record = try await readable(context, signedIn)
            let body = try await readJSON(request, allowed: ["version", "transition", "comment"])
            guard let version = (body["version"] as? NSNumber)?.intValue else { throw Self.fieldError("version", "应为整数") }
            guard let name = body["transition"] as? String, let transition = FormTransition(rawValue: name) else {
                throw Self.fieldError("transition", "应为 " + FormTransition.allCases.map(\.rawValue).joined(separator: "、") + " 之一")
            }
            let comment = (body["comment"] as? String).flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            if body["comment"] != nil && !(body["comment"] is String) { throw Self.fieldError("comment", "应为文字") }
            try await checkTransition(transition, record, signedIn)
            if transition.needsComment && comment == nil { throw Self.fieldError("comment", "退回修改时必须填写审核意见") }
            let moved = try await store.transitionForm(id: record.id, expectedVersion: version, transition: transition, by: signedIn.user.id, comment: comment)
            return APIResponse.json(try recordJSON(moved, signedIn.scope))
        }
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

    /// A JSON object body; refuses other content types, oversized or truncated bodies, and unknown top-level fields.
    func readJSON(_ request: Request, allowed: Set<String>) async throws -> [String: Any] {
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
        let unknown = Set(dictionary.keys).subtracting(allowed).sorted()
        if !unknown.isEmpty {
            throw WebError(.badRequest, code: "API_UNKNOWN_FIELD", "未知字段：" + unknown.joined(separator: "、") + "。可用字段：" + allowed.sorted().joined(separator: "、") + "。")
        }
        return dictionary
    }

    func decodeForm(_ value: Any?) throws -> EvaluationForm {
        guard let value, value is [String: Any] else { throw Self.fieldError("form", "应为交换格式的表单对象（见 docs/interchange.md）") }
        do {
            let data = try JSONSerialization.data(withJSONObject: value)
            return try InterchangeCodec.makeDecoder().decode(EvaluationForm.self, from: data)
        } catch let error as DecodingError {
            throw WebError(.badRequest, code: "API_FORM", "表单内容有误：\(Self.describe(error))。未保存。")
        } catch {
            throw WebError(.badRequest, code: "API_FORM", "表单内容有误，未保存。")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        // In the names the client sent: the exchange format's keys are snake_case (`reported_score`).
        func snake(_ key: String) -> String {
            key.reduce(into: "") { out, c in
                if c.isUppercase, !out.isEmpty { out += "_" + c.lowercased() } else { out.append(c) }
            }
        }
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\(snake($0.stringValue))" }.joined()
            return text.isEmpty ? "顶层" : "form" + text
        }
        switch error {
        case .typeMismatch(_, let c): return "\(path(c)) 类型不对"
        case .valueNotFound(_, let c): return "\(path(c)) 缺少值"
        case .keyNotFound(let key, let c): return "\(path(c)) 缺少字段“\(key.stringValue)”"
        case .dataCorrupted(let c): return "\(path(c)) \(c.debugDescription)"
        @unknown default: return "无法读取"
        }
    }

    func userJSON(_ user: UserRecord, _ scope: AccessScope) -> [String: Any] {
        ["id": user.id, "username": user.username, "display_name": user.displayName, "role": user.role.rawValue,
         "organisation": organisationJSON(user.organisationID, scope)]
    }

    func organisationJSON(_ id: Int64, _ scope: AccessScope) -> [String: Any] {
        guard let o = scope.organisations[id] else { return ["id": id] }
        return ["id": o.id, "code": o.code, "name": o.name, "kind": o.kind.rawValue]
    }

    func summaryJSON(_ s: FormSummary) -> [String: Any] {
        var out: [String: Any] = ["indicator_count": s.indicatorCount, "error_count": s.errorCount, "warning_count": s.warningCount]
        out["weight_total"] = s.weightTotal?.plainText
        out["reported_total"] = s.reportedTotal?.plainText
        out["suggested_total"] = s.suggestedTotal?.plainText
        out["suggested_grade"] = s.suggestedGrade?.rawValue
        out["execution_rate"] = s.executionRate?.plainText
        return out
    }

    func listingJSON(_ item: FormListing, _ scope: AccessScope) -> [String: Any] {
        ["id": item.id, "kind": item.kind.rawValue, "title": item.title, "fiscal_year": item.fiscalYear, "status": item.status.rawValue,
         "version": item.version, "organisation": organisationJSON(item.organisationID, scope), "summary": summaryJSON(item.summary)]
    }

    func recordJSON(_ record: FormRecord, _ scope: AccessScope) throws -> [String: Any] {
        let formData = try InterchangeCodec.makeEncoder(pretty: false).encode(record.form)
        let analysis = FormAnalysis(record.form, profile: profile)
        let findings = analysis.findings.map { ["code": $0.code.rawValue, "severity": $0.severity.rawValue, "message": $0.message, "location": $0.location.description] }
        return ["id": record.id, "kind": record.kind.rawValue, "fiscal_year": record.fiscalYear, "status": record.status.rawValue,
                "version": record.version, "organisation": organisationJSON(record.organisationID, scope), "summary": summaryJSON(record.summary),
                "form": try JSONSerialization.jsonObject(with: formData), "findings": findings]
    }

    func apiLogin(_ request: Request, _ context: WebContext) async throws -> Response {
        let body = try await readJSON(request, allowed: ["username", "password"])
        guard let username = body["username"] as? String, let password = body["password"] as? String else {
            throw WebError(.badRequest, code: "API_FIELD", "需要字段 username 和 password（文字）。")
        }
        let user: UserRecord, session: SessionRecord
        switch try await signIn(username: username, password: password, address: context.remoteAddress) {
        case .throttled: throw WebError(.tooManyRequests, code: "WEB_THROTTLED", "登录失败次数过多，请稍后再试。")
        case .failed: throw WebError(.unauthorized, code: "WEB_SIGN_IN_FAILED", "账号或密码不正确。")
        case .signedIn(let signedInUser, let started): (user, session) = (signedInUser, started)
        }
        let scope = try await scopes.scope(for: user)
        var response = APIResponse.json(["user": userJSON(user, scope), "csrf_token": session.csrfToken])
        response.setCookie(cookie(SessionMiddleware.cookieName, session.token, maxAge: Int(configuration.sessionLifetime)))
        return response
    }
}
