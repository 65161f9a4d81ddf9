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
        let items = uploadItems(document, signedIn)
        let unmatched = items.filter { $0.match.organisationID == nil }.count
        var html = "<h1>确认导入：\(HTML.escape(upload.fileName))</h1>"
        html += "<p class=\"meta\">\(Self.byteText(upload.byteCount))，读出表单\(items.count)份"
        if let title = document.title { html += "，标题“\(HTML.escape(title))”" }
        if let disclosure = document.disclosure {
            html += "；部门决算公开说明\(disclosure.sections.count)节，数字表述\(disclosure.claims.count)条（说明正文不导入为表单）"
        }
        html += "。</p>"
        if !problems.isEmpty {
            html += "<div class=\"error-box\" role=\"alert\"><p>没有导入任何表单：</p><ul>" + problems.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul></div>"
        }
        html += unmatched == 0 ? "<p class=\"notice\">每份表单都已按文件中的编码或名称找到单位。请核对后确认。</p>"
            : "<p class=\"error-box\">有\(unmatched)份表单没有找到对应单位，请在“导入到”一栏选择，或选“不导入”。</p>"
        html += "<form method=\"post\" action=\"/uploads/\(upload.id)\" class=\"confirm-upload\">"
        html += "<input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.escape(signedIn.session.csrfToken))\">"
        let guessed = UploadMatcher.documentYear(document)
        let needsYear = items.contains { $0.ownYear == nil }
        if needsYear {
            html += HTML.field("年度", HTML.input("year", yearText ?? guessed.map(String.init), size: 5),
                               note: guessed == nil ? "文件没有写明年度的表单按此年度导入。" : "按文件标题推断，请核对；文件没有写明年度的表单按此年度导入。")
        }
        let importable = signedIn.scope.importable.compactMap { signedIn.scope.organisations[$0] }.sorted { $0.code < $1.code }
        html += "<div class=\"table-scroll\"><table class=\"rows matches\"><thead><tr><th>#</th><th>表单</th><th>类别</th><th>文件中的单位</th><th>年度</th><th>指标</th><th>导入到</th><th>匹配说明</th></tr></thead><tbody>"
        for item in items {
            let (unit, department) = UploadMatcher.named(item.form)
            let printed = [unit, department].compactMap { $0 }.map { ($0.code.map { $0 + " " } ?? "") + $0.name }.first ?? "—"
            var options: [(value: String, label: String)] = [("", "— 请选择 —"), ("skip", "不导入")]
            options += importable.filter { item.form.kind != .departmentEvaluation || $0.kind == .department }.map { (String($0.id), "\($0.code) \($0.name)") }
            let selected = chosen[item.index] ?? item.match.organisationID.map(String.init) ?? ""
            html += "<tr class=\"\(item.match.organisationID == nil ? "unmatched" : "")\"><td>\(item.index + 1)</td>"
            html += "<td>\(HTML.escape(item.form.title.isEmpty ? "（未命名）" : item.form.title))\(item.form.source.map { "<br><small class=\"meta\">\(HTML.escape($0.description))</small>" } ?? "")</td>"
            html += "<td>\(item.form.kind.chineseName)"
            if item.index < document.readings.count {
                // How the reader recognised the form: its layout family, the text's shape, each column.
                let reading = document.readings[item.index]
                html += "<details class=\"reading\"><summary>\(HTML.escape(reading.family.chineseName))</summary><p class=\"meta\">\(HTML.escape(reading.summary))</p>"
                if !reading.columns.isEmpty { html += "<p class=\"meta\">列：\(HTML.escape(reading.columnText))</p>" }
                html += "</details>"
            }
            html += "</td><td>\(HTML.escape(printed))</td><td>\(item.ownYear.map(String.init) ?? "—")</td>"
            html += "<td class=\"num\">\(item.form.indicators.count)</td>"
            html += "<td><label><span class=\"visually-hidden\">第\(item.index + 1)份导入到</span>\(HTML.select("organisation.\(item.index)", options, selected: selected))</label></td>"
            html += "<td class=\"\(item.match.organisationID == nil ? "bad" : "")\">\(HTML.escape(item.match.reason))</td></tr>"
        }
        html += "</tbody></table></div>"
        html += "<h2>读出的内容</h2><p class=\"meta\">每份表单读出的指标、数值和审核结果；确认前请展开核对。</p>"
        for item in items { html += uploadPreview(item.index, item.form) }
        html += "<p><button type=\"submit\" class=\"primary\">确认导入</button> 导入后每份表单都是草稿，由所属单位核对、填报后提交。</p></form>"
        html += "<form method=\"post\" action=\"/uploads/\(upload.id)/discard\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.escape(signedIn.session.csrfToken))\"><button type=\"submit\">放弃这次上传</button></form>"
        html += importFindingsHTML(document.importFindings)
        return Page.response(title: "确认导入", body: html, signedIn: signedIn, status: status, wide: true)
    }

    /// One form as read, folded: its indicators with their values and scores, the suggested score beside each,
    /// and what the checks found, so a person sees what will be imported before confirming.
    func uploadPreview(_ index: Int, _ form: EvaluationForm) -> String {
        let analysis = FormAnalysis(form, profile: profile)
        let counts = Dictionary(grouping: analysis.findings, by: \.severity).mapValues(\.count)
        let scored = form.kind != .targetDeclaration
        var summary = "第\(index + 1)份《\(form.title.isEmpty ? "未命名" : form.title)》：指标\(form.indicators.count)条"
        if scored { summary += "，建议总分\(analysis.score.suggestedTotal.shortText())" }
        summary += "；审核：错误\(counts[.error] ?? 0)条，警告\(counts[.warning] ?? 0)条，提示\(counts[.info] ?? 0)条"
        var html = "<details class=\"upload-preview\"\((counts[.error] ?? 0) > 0 ? " open" : "")><summary>\(HTML.escape(summary))</summary>"
        html += "<div class=\"table-scroll\"><table class=\"rows\"><thead><tr><th>#</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th>"
        if scored { html += "<th>实际完成值</th><th>分值</th><th>得分</th><th>建议得分</th>" }
        html += "</tr></thead><tbody>"
        for (n, indicator) in form.indicators.enumerated() {
            html += "<tr><td>\(n + 1)</td><td>\(HTML.escape(indicator.level1Label ?? indicator.level1?.chineseName ?? ""))</td>"
            html += "<td>\(HTML.escape(indicator.level2Label ?? indicator.level2?.chineseName ?? ""))</td><td>\(HTML.escape(indicator.name))</td>"
            html += "<td>\(HTML.escape(indicator.target?.text ?? ""))</td>"
            if scored {
                let suggested = n < analysis.score.indicators.count ? analysis.score.indicators[n].suggested?.shortText() : nil
                html += "<td>\(HTML.escape(indicator.actual?.text ?? ""))</td><td class=\"num\">\(indicator.weight?.description ?? "")</td>"
                html += "<td class=\"num\">\(indicator.reportedScore?.description ?? "")</td><td class=\"num\">\(suggested ?? "—")</td>"
            }
            html += "</tr>"
        }
        if form.indicators.isEmpty { html += "<tr><td colspan=\"\(scored ? 9 : 5)\">暂无（没有读出指标）</td></tr>" }
        html += "</tbody></table></div>"
        html += FormAnalysis.findingList(analysis.findings) + "</details>"
        return html
    }

    /// The importer's findings: errors and warnings in a table, the informational ones folded away.
    func importFindingsHTML(_ findings: [Finding]) -> String {
        let counts = Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
        var html = "<h2>导入提示</h2><p class=\"meta\">错误\(counts[.error] ?? 0)条，警告\(counts[.warning] ?? 0)条，提示\(counts[.info] ?? 0)条。"
        html += "它们说明读取文件时无法识别或需要推断的内容，导入后请在表单中核对。</p>"
        func table(_ rows: [Finding]) -> String {
            "<table class=\"rows\"><thead><tr><th>级别</th><th>代码</th><th>位置</th><th>说明</th></tr></thead><tbody>" + rows.map { f in
                "<tr><td class=\"\(f.severity == .error ? "bad" : "")\">\(f.severity.chineseName)</td><td>\(f.code.rawValue)</td>" +
                    "<td>\(HTML.escape(f.location.source?.description ?? f.location.description))</td><td>\(HTML.escape(f.message))</td></tr>"
            }.joined() + "</tbody></table>"
        }
        let serious = findings.filter { $0.severity != .info }
        if !serious.isEmpty { html += table(serious) }
        let notes = findings.filter { $0.severity == .info }
        if !notes.isEmpty { html += "<details><summary>提示（\(notes.count)条）</summary>\(table(notes))</details>" }
        return html
    }

    func confirmedPage(_ upload: PendingUpload, _ created: [FormRecord], _ signedIn: SignedIn) -> Response {
        var html = "<h1>已导入 \(created.count) 份表单</h1><p class=\"notice\">来自 \(HTML.escape(upload.fileName))。每份都是草稿。</p>"
        html += "<table class=\"rows\"><thead><tr><th>表单</th><th>类别</th><th>单位</th><th>年度</th><th>检查</th></tr></thead><tbody>"
        for record in created {
            html += "<tr><td><a href=\"/forms/\(record.id)\">\(HTML.escape(record.form.title.isEmpty ? "（未命名）" : record.form.title))</a></td>"
            html += "<td>\(record.kind.chineseName)</td><td>\(HTML.escape(signedIn.scope.name(of: record.organisationID)))</td><td>\(record.fiscalYear)</td>"
            html += "<td class=\"\(record.summary.errorCount > 0 ? "bad" : "")\">\(record.summary.errorCount)个错误，\(record.summary.warningCount)个警告</td></tr>"
        }
        html += "</tbody></table><p><a href=\"/forms\">查看全部表单</a> · <a href=\"/uploads\">继续导入</a></p>"
        return Page.response(title: "导入完成", body: html, signedIn: signedIn)
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
            APIBody.Upload.Finding(code: $0.code, severity: $0.severity, message: $0.message,
                                   location: $0.location.source?.description ?? $0.location.description)
        }
        return APIBody.Upload(id: upload.id, fileName: upload.fileName, byteCount: upload.byteCount,
                              createdAt: ISO8601DateFormatter().string(from: upload.createdAt), title: document.title,
                              fiscalYear: UploadMatcher.documentYear(document), forms: forms, findings: findings)
    }

    static func byteText(_ count: Int) -> String {
        count < 1024 ? "\(count)字节" : count < 1024 * 1024 ? "\(count / 1024)KB" : String(format: "%.1fMB", Double(count) / 1_048_576)
    }

    static func timeText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "zh_CN")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
