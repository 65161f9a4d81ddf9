import Foundation
import Hummingbird
import JixiaoCore
import JixiaoInterchange
import JixiaoReports
import JixiaoStore
import NIOCore

extension JixiaoWebApp {
    /// The most forms one export holds.
    static let exportLimit = 5000

    func addExportRoutes(to router: Router<WebContext>) {
        router.get("/export") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            return try await export(request, signedIn)
        }
    }

    /// `/export?format=json|html` with `id=…` for chosen forms, or the list's filters (`FormListFilter`) for all that match.
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
            ids = try await store.forms(FormListFilter(filters).query(scope: signedIn.scope, limit: Self.exportLimit)).items.map(\.id)
        }
        guard ids.count <= Self.exportLimit else { throw WebError.badRequest("一次最多导出\(Self.exportLimit)张表单，请缩小筛选范围。") }
        let records = try await store.fullForms(ids: ids)
        guard records.count == ids.count, records.allSatisfy({ signedIn.scope.canRead($0.organisationID) }) else { throw WebError.notFound }
        let forms = records.map(\.form)
        let document = InterchangeDocument(title: "jixiao 导出（\(forms.count)张表单）", origin: "jixiao 网页导出", forms: forms)
        let stamp = PrintPage.today()
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
