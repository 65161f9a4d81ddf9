import Foundation
import Hummingbird
import JixiaoCore
import JixiaoInterchange
import JixiaoStore
import NIOCore
import NIOPosix

/// Uploading a document: its forms wait as a pending upload until the uploader confirms which
/// organisation each goes to; confirming creates them all at once, or none.
extension JixiaoWebApp {
    /// One form of an upload with where it is proposed to go.
    struct UploadItem: Sendable {
        var index: Int
        var form: EvaluationForm
        var match: UploadMatch
        var ownYear: Int?
    }

    /// A person's choice for one form.
    enum UploadChoice: Sendable, Hashable {
        case organisation(Int64)
        case skip
    }

    func addUploadRoutes(to router: Router<WebContext>) {
        router.get("/uploads") { _, context -> Response in
            let signedIn = try context.requireSignedIn()
            return try await uploadsPage(signedIn)
        }
        router.post("/uploads") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            do {
                let body = try await readUploadBody(request)
                let post = try MultipartForm(body: body, contentType: request.headers[.contentType] ?? "", maxFieldLength: configuration.maxFieldLength)
                try checkCSRF(post.fields, signedIn)
                guard let file = post.files["file"], !file.data.isEmpty else {
                    throw WebError(.badRequest, code: "WEB_UPLOAD_NO_FILE", "没有收到文件，请选择要上传的文件。")
                }
                let (upload, _) = try await receiveUpload(file.data, fileName: file.name, signedIn)
                return .redirect(to: "/uploads/\(upload.id)")
            } catch let error as WebError where error.code != WebError.csrf.code {
                return try await uploadsPage(signedIn, error: error)
            }
        }
        router.get("/uploads/:upload") { _, context -> Response in
            let signedIn = try context.requireSignedIn()
            let (upload, document) = try await ownUpload(context, signedIn)
            return confirmationPage(upload, document, signedIn)
        }
        router.post("/uploads/:upload") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            let post = try await readPost(request)
            try checkCSRF(post, signedIn)
            let (upload, document) = try await ownUpload(context, signedIn)
            var choices: [Int: UploadChoice] = [:]
            var chosen: [Int: String] = [:]
            for index in document.forms.indices {
                guard let value = post.text("organisation.\(index)") else { continue }
                chosen[index] = value
                if value == "skip" { choices[index] = .skip } else if let id = Int64(value) { choices[index] = .organisation(id) }
            }
            let yearText = post.text("year")
            let year = yearText.flatMap(Int.init).flatMap { (2000...2100).contains($0) ? $0 : nil }
            if let yearText, year == nil {
                return confirmationPage(upload, document, signedIn, chosen: chosen, yearText: yearText,
                                        problems: ["年度应为四位数字，如 2024（收到“\(yearText)”）。"], status: .unprocessableContent)
            }
            do {
                let created = try await confirmUpload(upload, document, choices: choices, year: year, signedIn)
                return confirmedPage(upload, created, signedIn)
            } catch let problem as UploadProblem {
                return confirmationPage(upload, document, signedIn, chosen: chosen, yearText: yearText, problems: problem.messages,
                                        status: .unprocessableContent)
            }
        }
        router.post("/uploads/:upload/discard") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            let post = try await readPost(request)
            try checkCSRF(post, signedIn)
            let (upload, _) = try await ownUpload(context, signedIn)
            try await store.removeUpload(id: upload.id)
            return .redirect(to: "/uploads")
        }

        router.post("/api/uploads") { request, context -> Response in
            let signedIn = try apiSignedIn(context, request: request)
            let type = (request.headers[.contentType] ?? "").lowercased()
            let body = try await readUploadBody(request)
            let data: Data, name: String
            if type.hasPrefix("multipart/form-data") {
                let post = try MultipartForm(body: body, contentType: request.headers[.contentType] ?? "", maxFieldLength: configuration.maxFieldLength)
                guard let file = post.files["file"] else {
                    throw WebError(.badRequest, code: "WEB_UPLOAD_NO_FILE", "multipart 请求中没有名为 file 的文件。")
                }
                (data, name) = (file.data, file.name)
            } else if !type.hasPrefix("application/x-www-form-urlencoded") {
                // The file itself as the body, of any type: the reader tells the format by the content.
                data = Data(buffer: body)
                name = request.uri.queryParameters.get("file_name").map { MultipartForm.baseName(String($0)) }
                    ?? (type.hasPrefix("application/json") ? "上传.json" : type.hasPrefix("text/plain") ? "上传.txt" : "上传的文件")
            } else {
                throw WebError(.unsupportedMediaType, code: "WEB_CONTENT_TYPE",
                               "上传应为文件本身（Excel、Word、PDF、网页、文本或交换格式 JSON，任意 Content-Type）或 multipart/form-data，收到的是“\(type)”。")
            }
            guard !data.isEmpty else { throw WebError(.badRequest, code: "WEB_UPLOAD_NO_FILE", "请求体是空的，没有可导入的内容。") }
            let (upload, document) = try await receiveUpload(data, fileName: name, signedIn)
            return APIResponse.json(uploadJSON(upload, document, signedIn), status: .created)
        }
        router.get("/api/uploads/:upload") { _, context -> Response in
            let signedIn = try apiSignedIn(context)
            let (upload, document) = try await ownUpload(context, signedIn)
            return APIResponse.json(uploadJSON(upload, document, signedIn))
        }
        router.delete("/api/uploads/:upload") { request, context -> Response in
            let signedIn = try apiSignedIn(context, request: request)
            let (upload, _) = try await ownUpload(context, signedIn)
            try await store.removeUpload(id: upload.id)
            return Response(status: .noContent)
        }
        router.post("/api/uploads/:upload/confirm") { request, context -> Response in
            let signedIn = try apiSignedIn(context, request: request)
            let (upload, document) = try await ownUpload(context, signedIn)
            let body: ConfirmUploadRequest = try await readJSON(request)
            let year = body.fiscalYear
            if let year, !(2000...2100).contains(year) { throw Self.fieldError("fiscal_year", "应为四位年度") }
            var choices: [Int: UploadChoice] = [:]
            for (n, item) in (body.assignments ?? []).enumerated() {
                guard document.forms.indices.contains(item.form) else {
                    throw Self.fieldError("assignments[\(n)].form", "应为表单序号（0 到 \(document.forms.count - 1)）")
                }
                choices[item.form] = item.organisationId.map { .organisation($0) } ?? .skip
            }
            do {
                let created = try await confirmUpload(upload, document, choices: choices, year: year, signedIn)
                return APIResponse.json(APIBody.CreatedList(created: created.map { record in
                    APIBody.Created(id: record.id, kind: record.kind, title: record.form.title, fiscalYear: record.fiscalYear,
                                    organisation: APIBody.Organisation(record.organisationID, signedIn.scope))
                }), status: .created)
            } catch let problem as UploadProblem {
                throw WebError(.unprocessableContent, code: "WEB_UPLOAD_UNASSIGNED", problem.messages.joined(separator: ""))
            }
        }
    }

    // MARK: The steps, shared by pages and API

    /// The body of an upload, refused beyond the upload limit (with room for the multipart framing).
    func readUploadBody(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: configuration.maxUploadBytes + 64 * 1024)
        } catch {
            throw uploadTooLarge()
        }
    }

    func uploadTooLarge() -> WebError {
        WebError(.contentTooLarge, code: "WEB_UPLOAD_TOO_LARGE",
                 "文件超过\(configuration.maxUploadBytes / (1024 * 1024))MB上限，没有保存。请拆分文件，或只上传包含绩效表的部分。")
    }

    /// Reads an uploaded file and keeps it as a pending upload of the signed-in person; returns it with the document read.
    func receiveUpload(_ data: Data, fileName: String, _ signedIn: SignedIn) async throws -> (PendingUpload, InterchangeDocument) {
        guard !signedIn.scope.importable.isEmpty else {
            throw WebError(.forbidden, code: "WEB_FORBIDDEN", "您的角色（\(signedIn.user.role.chineseName)）只能查看表单，不能导入文件。")
        }
        guard data.count <= configuration.maxUploadBytes else { throw uploadTooLarge() }
        let document: InterchangeDocument, encoded: Data
        do {
            (document, encoded) = try await NIOThreadPool.singleton.runIfActive {
                let document = try DocumentReader.read(data, file: fileName)
                return (document, try InterchangeCodec.encode(document))
            }
        } catch let error as InterchangeError {
            throw WebError(.unprocessableContent, code: error.code, error.description + "。没有保存任何内容。")
        }
        guard !document.forms.isEmpty else {
            throw WebError(.unprocessableContent, code: "IMPORT_NO_FORMS", "文件 \(fileName) 中没有找到绩效表单，没有保存任何内容。")
        }
        let now = Date()
        try await store.removeUploads(before: now.addingTimeInterval(-configuration.uploadLifetime))
        let upload = PendingUpload(id: PasswordHasher.randomToken(), userID: signedIn.user.id, fileName: fileName, byteCount: data.count,
                                   formCount: document.forms.count, createdAt: now, document: encoded)
        try await store.addUpload(upload)
        return (upload, document)
    }

    /// The upload named in the path, when it is the signed-in person's (else 404).
    func ownUpload(_ context: WebContext, _ signedIn: SignedIn) async throws -> (PendingUpload, InterchangeDocument) {
        guard let id = context.parameters.get("upload"), let upload = try await store.upload(id: id), upload.userID == signedIn.user.id else {
            throw WebError(.notFound, code: "WEB_NOT_FOUND", "找不到这次上传：它可能已经确认导入、已放弃或已过期。")
        }
        do {
            return (upload, try InterchangeCodec.decode(upload.document, file: upload.fileName))
        } catch {
            throw WebError(.internalServerError, code: "STORE_CORRUPT", "这次上传的内容无法读回，请放弃后重新上传。")
        }
    }

    func uploadItems(_ document: InterchangeDocument, _ signedIn: SignedIn) -> [UploadItem] {
        let matcher = UploadMatcher(organisations: signedIn.scope.organisations.values.sorted { $0.code < $1.code },
                                    importable: signedIn.scope.importable)
        return document.forms.enumerated().map { index, form in
            UploadItem(index: index, form: form, match: matcher.match(form, document: document), ownYear: UploadMatcher.ownYear(of: form))
        }
    }

    /// What stops a confirmation, one message per problem.
    struct UploadProblem: Error {
        var messages: [String]
    }

    /// Creates the chosen forms, all or none; a form without a choice takes its match.
    func confirmUpload(_ upload: PendingUpload, _ document: InterchangeDocument, choices: [Int: UploadChoice], year: Int?,
                       _ signedIn: SignedIn) async throws -> [FormRecord] {
        var problems: [String] = []
        var forms: [NewForm] = []
        let fallbackYear = year ?? UploadMatcher.documentYear(document)
        for item in uploadItems(document, signedIn) {
            let label = "第\(item.index + 1)份“\(item.form.title.isEmpty ? item.form.kind.chineseName : item.form.title)”"
            let choice = choices[item.index] ?? item.match.organisationID.map(UploadChoice.organisation)
            guard let choice else { problems.append("\(label)还没有选择导入到哪个单位。"); continue }
            guard case .organisation(let id) = choice else { continue }
            guard signedIn.scope.importable.contains(id), let owner = signedIn.scope.organisations[id] else {
                problems.append("\(label)选择的机构不在您可导入的范围内。"); continue
            }
            if item.form.kind == .departmentEvaluation && owner.kind != .department {
                problems.append("\(label)是部门整体支出绩效自评表，只能导入到部门，不能导入到“\(owner.name)”。"); continue
            }
            guard let formYear = item.ownYear ?? fallbackYear else { problems.append("\(label)没有年度，请填写年度。"); continue }
            let form = UploadMatcher.assign(item.form, to: owner, parent: owner.parentID.flatMap { signedIn.scope.organisations[$0] }, year: formYear)
            forms.append(NewForm(organisationID: owner.id, fiscalYear: formYear, form: form,
                                 summary: FormAnalysis(form, profile: profile).summary, createdBy: signedIn.user.id))
        }
        if problems.isEmpty && forms.isEmpty { problems.append("没有选择任何要导入的表单。不需要导入时请点“放弃”。") }
        guard problems.isEmpty else { throw UploadProblem(messages: problems) }
        do {
            return try await store.confirmUpload(id: upload.id, forms: forms)
        } catch let error as StoreError where error.code == .notFound {
            throw WebError(.conflict, code: error.code.rawValue, error.message)
        }
    }

    // MARK: Pages

    func uploadsPage(_ signedIn: SignedIn, error: WebError? = nil) async throws -> Response {
        let pending = signedIn.scope.importable.isEmpty ? [] : try await store.uploads(userID: signedIn.user.id)
        return Views.response(UploadsPage(signedIn: signedIn, error: error, pending: pending, configuration: configuration),
                              status: error?.status ?? .ok)
    }

    func confirmationPage(_ upload: PendingUpload, _ document: InterchangeDocument, _ signedIn: SignedIn, chosen: [Int: String] = [:],
                          yearText: String? = nil, problems: [String] = [], status: HTTPResponse.Status = .ok) -> Response {
        Views.response(UploadConfirmationPage(upload: upload, document: document, items: uploadItems(document, signedIn), signedIn: signedIn,
                                              profile: profile, chosen: chosen, yearText: yearText, problems: problems), status: status)
    }

    func confirmedPage(_ upload: PendingUpload, _ created: [FormRecord], _ signedIn: SignedIn) -> Response {
        Views.response(UploadConfirmedPage(upload: upload, created: created, signedIn: signedIn))
    }

    func uploadJSON(_ upload: PendingUpload, _ document: InterchangeDocument, _ signedIn: SignedIn) -> APIBody.Upload {
        let forms = uploadItems(document, signedIn).map { item -> APIBody.Upload.Form in
            let (unit, department) = UploadMatcher.named(item.form)
            var reading: APIBody.Upload.Reading?
            if item.index < document.readings.count {
                let r = document.readings[item.index]
                reading = APIBody.Upload.Reading(family: r.family, familyName: r.family.chineseName, shape: r.shape, summary: r.summary,
                                                 placedByContent: r.placedByContent, place: r.place,
                                                 columns: r.columns.map { .init(header: $0.header, column: $0.column, how: $0.how) })
            }
            return APIBody.Upload.Form(index: item.index, kind: item.form.kind, title: item.form.title, indicatorCount: item.form.indicators.count,
                                       matchReason: item.match.reason, fiscalYear: item.ownYear, line: item.form.source?.line,
                                       place: item.form.source?.cell, printedUnit: unit.map { .init(code: $0.code, name: $0.name) },
                                       printedDepartment: department.map { .init(code: $0.code, name: $0.name) },
                                       organisation: item.match.organisationID.map { APIBody.Organisation($0, signedIn.scope) }, reading: reading)
        }
        let findings = document.importFindings.map {
            APIBody.Finding(code: $0.code, severity: $0.severity, message: $0.message,
                                   location: $0.location.source?.description ?? $0.location.description)
        }
        return APIBody.Upload(id: upload.id, fileName: upload.fileName, byteCount: upload.byteCount,
                              createdAt: ISO8601DateFormatter().string(from: upload.createdAt), title: document.title,
                              fiscalYear: UploadMatcher.documentYear(document), forms: forms, findings: findings)
    }

    static func byteText(_ count: Int) -> String {
        count < 1024 ? "\(count)字节" : count < 1024 * 1024 ? "\(count / 1024)KB" : String(format: "%.1fMB", Double(count) / 1_048_576)
    }

    /// `2026-12-02 17:30` in Beijing time (one list shows many).
    static func timeText(_ date: Date) -> String { String(WorkflowPanel.time(date).dropLast(3)) }
}
