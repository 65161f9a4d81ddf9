import Foundation
import Hummingbird
import JixiaoCore
import JixiaoInterchange
import JixiaoStore
import NIOCore

extension JixiaoWebApp {
    /// The most forms one export holds.
    static let exportLimit = 5000

    func addExportRoutes(to router: Router<WebContext>) {
        router.get("/export") { request, context -> Response in
            guard let signedIn = context.signedIn else { return .redirect(to: "/login") }
            return try await export(request, signedIn)
        }
    }

    /// `/export?format=json|html` with `id=…` for chosen forms, or the list's filters (`year`, `kind`, `status`, `q`) for all that match.
    func export(_ request: Request, _ signedIn: SignedIn) async throws -> Response {
        var chosen: [Int64] = []
        var filters: [String: String] = [:]
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard parts.count == 2 else { continue }
            if parts[0] == "id", let id = Int64(parts[1]) { chosen.append(id) } else { filters[parts[0]] = parts[1] }
        }
        let format = filters["format"] ?? "json"
        guard format == "json" || format == "html" else { throw WebError.badRequest("导出格式应为 json 或 html。") }
        var ids = chosen
        if ids.isEmpty {
            let page = try await store.forms(FormQuery(
                organisationIDs: Array(signedIn.scope.readable).sorted(), fiscalYear: filters["year"].flatMap(Int.init),
                kind: filters["kind"].flatMap(FormKind.init(rawValue:)), status: filters["status"].flatMap(FormStatus.init(rawValue:)),
                titleContains: filters["q"].flatMap { $0.isEmpty ? nil : $0 }, limit: Self.exportLimit))
            ids = page.items.map(\.id)
        }
        guard ids.count <= Self.exportLimit else { throw WebError.badRequest("一次最多导出\(Self.exportLimit)张表单，请缩小筛选范围。") }
        var forms: [EvaluationForm] = []
        for id in ids {
            guard let record = try await store.form(id: id), signedIn.scope.canRead(record.organisationID) else { throw WebError.notFound }
            forms.append(record.form)
        }
        let document = InterchangeDocument(title: "jixiao 导出（\(forms.count)张表单）", origin: "jixiao 网页导出", forms: forms)
        let stamp = PrintView.today()
        if format == "html" {
            let report = CheckReport(document: document, file: "jixiao 导出 \(stamp)", profile: profile)
            return download(report.html(), type: "text/html; charset=utf-8", name: "jixiao-audit.html")
        }
        let data = try InterchangeCodec.encode(document)
        return download(String(decoding: data, as: UTF8.self), type: "application/json; charset=utf-8", name: "jixiao-forms.json")
    }

    func download(_ text: String, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
