import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import JixiaoInterchange
import JixiaoStore
import JixiaoWeb
import NIOCore
import Testing

/// Uploading documents: forms matched to units by code and name, confirmed all at once, and bad
/// uploads refused with a clear error and nothing stored.
@Suite struct UploadTests {
    static let boundary = "----jixiaoTestBoundary7MA4YWxkTrZu0gW"

    /// A `multipart/form-data` body with the CSRF field and one file.
    static func multipart(csrf: String, fileName: String, data: Data, closed: Bool = true) -> ByteBuffer {
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(data)
        body.append(Data((closed ? "\r\n--\(boundary)--\r\n" : "").utf8))
        return ByteBuffer(data: body)
    }

    static let multipartType = "multipart/form-data; boundary=\(boundary)"

    /// A small document of our own, naming demo units by code, by name, and one outside a unit user's reach.
    static func document() throws -> Data {
        func evaluation(_ name: String, unit: Organisation?) -> EvaluationForm {
            let indicator = Indicator(level1Label: "产出指标", level2Label: "数量指标", name: "养护里程", target: IndicatorValue(parsing: "≥120公里"),
                                      actual: IndicatorValue(parsing: "126公里"), weight: PrintedNumber(text: "20"), reportedScore: PrintedNumber(text: "20"))
            return .projectSelfEvaluation(ProjectSelfEvaluation(
                project: Project(name: name, department: Organisation(code: "305", name: "示例市交通运输局", kind: .department), unit: unit),
                execution: BudgetExecution(annualBudget: PrintedNumber(text: "80"), executed: PrintedNumber(text: "76"), weight: PrintedNumber(text: "10")),
                indicators: [indicator], reportedTotal: PrintedNumber(text: "30")))
        }
        let document = InterchangeDocument(title: "示例市交通运输局2024年度项目支出绩效自评", forms: [
            evaluation("县道桥梁加固", unit: Organisation(code: "305002", name: "示例市公路事业发展中心", kind: .unit)),
            evaluation("公路标志标线更新", unit: Organisation(name: "示例市公路事业发展中心", kind: .unit)),
            evaluation("客运站安全改造", unit: Organisation(code: "305003", name: "示例市道路运输服务中心", kind: .unit)),
        ])
        return try InterchangeCodec.encode(document)
    }

    static func uploadID(_ location: String?) -> String? {
        location.flatMap { $0.firstMatch(of: /^\/uploads\/([0-9a-f]+)$/) }.map { String($0.1) }
    }

    @Test func aUnitUploadsConfirmsWhatMatchesAndChoosesTheRest() async throws {
        let h = try await WebHarness.make()
        let before = try await h.store.forms(FormQuery()).total
        let data = try Self.document()
        try await h.signedIn("gonglu") { browser in
            let page = try await browser.get("/uploads")
            #expect(page.status == .ok && page.text.contains("enctype=\"multipart/form-data\""))
            let csrf = try #require(Page.csrf(in: page.text))
            let sent = try await browser.send("/uploads", method: .post, body: Self.multipart(csrf: csrf, fileName: "C:\\报表\\自评.json", data: data),
                                              contentType: Self.multipartType)
            #expect(sent.status == .seeOther)
            let id = try #require(Self.uploadID(sent.location))

            let confirm = try await browser.get("/uploads/\(id)")
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("确认导入：自评.json"))
            #expect(confirm.text.contains("按编码 305002匹配") && confirm.text.contains("按名称“示例市公路事业发展中心”匹配"))
            #expect(confirm.text.contains("但它不在您可导入的范围内"), "305003 exists but is not this unit's")
            #expect(confirm.text.contains("name=\"year\" value=\"2024\""), "the year is read from the title")

            // The third form has no organisation yet: nothing is created.
            let fields = ["_csrf": csrf, "year": "2024"]
            let refused = try await browser.post("/uploads/\(id)", fields)
            #expect(refused.status == .unprocessableContent && refused.text.contains("第3份“客运站安全改造”还没有选择导入到哪个单位。"))
            #expect(try await h.store.forms(FormQuery()).total == before)
            // Choosing an organisation outside the unit's reach is refused too.
            let units = try await h.store.organisations()
            let other = try #require(units.first { $0.code == "305003" })
            let outside = try await browser.post("/uploads/\(id)", fields.merging(["organisation.2": String(other.id)]) { $1 })
            #expect(outside.status == .unprocessableContent && outside.text.contains("不在您可导入的范围内"))
            #expect(try await h.store.forms(FormQuery()).total == before)

            let done = try await browser.post("/uploads/\(id)", fields.merging(["organisation.2": "skip"]) { $1 })
            #expect(done.status == .ok && done.text.contains("已导入 2 份表单"))
            let again = try await browser.post("/uploads/\(id)", fields.merging(["organisation.2": "skip"]) { $1 })
            #expect(again.status == .notFound, "an upload is confirmed once")
        }
        let unit = try #require(try await h.store.organisations().first { $0.code == "305002" })
        let created = try await h.store.forms(FormQuery(organisationIDs: [unit.id], fiscalYear: 2024))
        #expect(Set(created.items.map(\.title)) == ["县道桥梁加固", "公路标志标线更新"])
        #expect(created.items.allSatisfy { $0.status == .draft && $0.summary.indicatorCount == 1 })
        let stored = try #require(try await h.store.form(id: created.items[0].id))
        if case .projectSelfEvaluation(let e) = stored.form { #expect(e.project.fiscalYear == 2024 && e.project.unit?.name == "示例市公路事业发展中心") }
        #expect(try await h.store.forms(FormQuery()).total == before + 2)
        let gonglu = try #require(try await h.store.user(username: "gonglu"))
        #expect(try await h.store.uploads(userID: gonglu.id).isEmpty)
    }

    @Test(.needsSeeds) func aSeedDocumentIsMatchedByUnitCodesThroughTheAPI() async throws {
        let h = try await WebHarness.make()
        let all = try await h.store.organisations()
        let bureau = try #require(all.first { $0.code == "300" })
        let department = try await h.store.addOrganisation(NewOrganisation(parentID: bureau.id, kind: .department, code: "218", name: "晋城市生态环境局"))
        for (code, name) in [("218001", "晋城市生态环境局"), ("218004", "晋城市生态环境监测事务中心"), ("218005", "晋城市生态环境局城区分局")] {
            _ = try await h.store.addOrganisation(NewOrganisation(parentID: department.id, kind: .unit, code: code, name: name))
        }
        let seed = try Data(contentsOf: try #require(try SeedFiles.url("004_")))
        let password = try #require(h.passwords["admin"])
        let before = try await h.store.forms(FormQuery()).total
        try await h.test { client in
            var api = APITests.Client(client)
            _ = try await api.login("admin", password)
            let sent = try await api.send("/api/uploads?file_name=%E6%99%8B%E5%9F%8E.txt", .post, raw: String(decoding: seed, as: UTF8.self), contentType: "text/plain; charset=utf-8")
            #expect(sent.status == .created)
            let upload = try #require(try JSONSerialization.jsonObject(with: Data(sent.text.utf8)) as? [String: Any])
            #expect(upload["file_name"] as? String == "晋城.txt")
            let forms = try #require(upload["forms"] as? [[String: Any]])
            #expect(forms.count == 64)
            let matched = forms.filter { !($0["organisation"] is NSNull) }
            #expect(matched.count == 38, "29 forms of 218001, 4 of 218004 and 5 of 218005")
            #expect(forms.contains { ($0["match_reason"] as? String)?.contains("系统中没有“晋城市生态环境局泽州分局”（编码 218006）") == true })
            #expect((upload["findings"] as? [Any])?.isEmpty == false, "the import findings come with the upload")
            let id = try #require(upload["id"] as? String)

            let incomplete = try await api.send("/api/uploads/\(id)/confirm", .post, json: ["fiscal_year": 2024])
            #expect(incomplete.status == .unprocessableContent && APITests.error(incomplete)?.code == "WEB_UPLOAD_UNASSIGNED")
            #expect(try await h.store.forms(FormQuery()).total == before)

            let unknown = try await api.send("/api/uploads/\(id)/confirm", .post, json: ["fiscal_year": 2024, "assign": []])
            #expect(unknown.status == .badRequest && APITests.error(unknown)?.code == "API_UNKNOWN_FIELD")
            let wrongType = try await api.send("/api/uploads/\(id)/confirm", .post, json: ["assignments": [["form": 0, "organisation_id": "218001"]]])
            #expect(wrongType.status == .badRequest && APITests.error(wrongType)?.message.contains("assignments[0].organisation_id") == true)

            let skips = forms.filter { $0["organisation"] is NSNull }.map { ["form": $0["index"] as Any, "organisation_id": NSNull()] }
            let confirmed = try await api.send("/api/uploads/\(id)/confirm", .post, json: ["fiscal_year": 2024, "assignments": skips])
            #expect(confirmed.status == .created)
            let created = try #require((try JSONSerialization.jsonObject(with: Data(confirmed.text.utf8)) as? [String: Any])?["created"] as? [Any])
            #expect(created.count == 38)
            let gone = try await api.send("/api/uploads/\(id)", .get)
            #expect(gone.status == .notFound && APITests.error(gone)?.code == "WEB_NOT_FOUND")
        }
        let units = try await h.store.organisations().filter { $0.parentID == department.id }.map(\.id)
        #expect(try await h.store.forms(FormQuery(organisationIDs: units, fiscalYear: 2024)).total == 38)
        #expect(try await h.store.forms(FormQuery()).total == before + 38)
    }

    @Test func badUploadsAreRefusedClearlyAndStoreNothing() async throws {
        let h = try await WebHarness.make()
        let before = try await h.store.forms(FormQuery()).total
        let good = try Self.document()
        try await h.signedIn("jiaotong") { browser in
            let csrf = try #require(Page.csrf(in: try await browser.get("/uploads").text))
            func upload(_ body: ByteBuffer, type: String = Self.multipartType) async throws -> TestResponse {
                try await browser.send("/uploads", method: .post, body: body, contentType: type)
            }
            let urlencoded = try await upload(ByteBuffer(string: "_csrf=\(csrf)&file=x"), type: "application/x-www-form-urlencoded")
            #expect(urlencoded.status == .unsupportedMediaType && urlencoded.text.contains("multipart/form-data"))
            #expect(urlencoded.text.contains("<form method=\"post\" action=\"/uploads\""), "the upload form is shown again")

            var truncated = Self.multipart(csrf: csrf, fileName: "自评.json", data: good, closed: false)
            truncated.moveWriterIndex(to: truncated.writerIndex - 100)
            let cut = try await upload(truncated)
            #expect(cut.status == .badRequest && cut.text.contains("WEB_UPLOAD_TRUNCATED") && cut.text.contains("上传的内容不完整"))

            let huge = try await upload(Self.multipart(csrf: csrf, fileName: "大.txt", data: Data(repeating: 0x41, count: 50 * 1024 * 1024)))
            #expect(huge.status == .contentTooLarge && huge.text.contains("文件超过20MB上限"))

            let binary = try await upload(Self.multipart(csrf: csrf, fileName: "表.xlsx", data: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08])))
            // Named .xlsx, a ZIP cut after its first bytes: a damaged file, said so, nothing stored.
            #expect(binary.status == .unprocessableContent && binary.text.contains("IMPORT_BROKEN_FILE") && binary.text.contains("表.xlsx"))

            let broken = try await upload(Self.multipart(csrf: csrf, fileName: "坏.json", data: Data("{\"format\": \"jixiao-interchange\", \"forms\": [".utf8)))
            #expect(broken.status == .unprocessableContent && broken.text.contains("坏.json") && broken.text.contains("第1行"))

            let empty = try await upload(Self.multipart(csrf: csrf, fileName: "空.txt", data: Data()))
            #expect(empty.status == .badRequest && empty.text.contains("没有收到文件"))

            let forged = try await upload(Self.multipart(csrf: "0123", fileName: "自评.json", data: good))
            #expect(forged.status == .forbidden)
        }
        try await h.signedIn("caizheng") { browser in
            let csrf = try #require(Page.csrf(in: try await browser.get("/uploads").text))
            let refused = try await browser.send("/uploads", method: .post, body: Self.multipart(csrf: csrf, fileName: "自评.json", data: good),
                                                 contentType: Self.multipartType)
            #expect(refused.status == .forbidden && refused.text.contains("不能导入文件"))
        }
        let password = try #require(h.passwords["jiaotong"])
        try await h.test { client in
            var api = APITests.Client(client)
            _ = try await api.login("jiaotong", password)
            let wrongType = try await api.send("/api/uploads", .post, raw: "a=1", contentType: "application/x-www-form-urlencoded")
            #expect(wrongType.status == .unsupportedMediaType && APITests.error(wrongType)?.code == "WEB_CONTENT_TYPE")
            // A file of a kind that cannot be read: an old Excel file is refused with what to do, nothing stored.
            let legacy = try await api.send("/api/uploads", .post, bytes: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), contentType: "application/vnd.ms-excel")
            // Without LibreOffice it is refused with what to do; with it, this scrap converts to nothing readable.
            let converts = FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")
            #expect(legacy.status == .unprocessableContent && APITests.error(legacy)?.code == (converts ? "IMPORT_NO_FORMS" : "IMPORT_LEGACY_OFFICE"))
            // An Excel workbook made by another program: read, each form says its sheet.
            let office = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("JixiaoInterchangeTests/Fixtures/Office/01-national-evaluation.two-sheets.xlsx")
            let workbook = try await api.send("/api/uploads?file_name=forms.xlsx", .post, bytes: try Data(contentsOf: office),
                                              contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(workbook.status == .created)
            let read = try #require(try JSONSerialization.jsonObject(with: Data(workbook.text.utf8)) as? [String: Any])
            let sheets = (read["forms"] as? [[String: Any]])?.compactMap { ($0["reading"] as? [String: Any])?["place"] as? String } ?? []
            #expect(sheets.count == 2 && sheets.allSatisfy { $0.hasPrefix("工作表") }, "\(sheets)")
            if let id = read["id"] as? String { _ = try await api.send("/api/uploads/\(id)", .delete) }
            let truncated = try await api.send("/api/uploads", .post, raw: String(decoding: good.prefix(good.count / 2), as: UTF8.self))
            #expect(truncated.status == .unprocessableContent && APITests.error(truncated)?.message.contains("第") == true)
            let noForms = try await api.send("/api/uploads", .post, raw: "这是一份没有表格的说明。\n", contentType: "text/plain")
            #expect(noForms.status == .unprocessableContent && APITests.error(noForms)?.code == "IMPORT_NO_FORMS")
            let huge = try await api.send("/api/uploads", .post, raw: String(repeating: "A", count: 50 * 1024 * 1024), contentType: "text/plain")
            #expect(huge.status == .contentTooLarge && APITests.error(huge)?.code == "WEB_UPLOAD_TOO_LARGE")
        }
        #expect(try await h.store.forms(FormQuery()).total == before)
        for user in try await h.store.users() { #expect(try await h.store.uploads(userID: user.id).isEmpty) }
    }

    @Test func anUploadIsOnlyItsUploadersAndCanBeDiscarded() async throws {
        let h = try await WebHarness.make()
        let data = try Self.document()
        let id: String = try await h.signedIn("jiaotong") { browser in
            let csrf = try #require(Page.csrf(in: try await browser.get("/uploads").text))
            let sent = try await browser.send("/uploads", method: .post, body: Self.multipart(csrf: csrf, fileName: "自评.json", data: data),
                                              contentType: Self.multipartType)
            let id = try #require(Self.uploadID(sent.location))
            let page = try await browser.get("/uploads/\(id)")
            // A department reaches all its units: every form is matched.
            #expect(page.text.contains("每份表单都已按文件中的编码或名称找到单位"))
            #expect(try await browser.get("/uploads").text.contains("待确认的上传"))
            return id
        }
        try await h.signedIn("gonglu") { browser in
            #expect(try await browser.get("/uploads/\(id)").status == .notFound)
            let csrf = try #require(Page.csrf(in: try await browser.get("/uploads").text))
            #expect(try await browser.post("/uploads/\(id)/discard", ["_csrf": csrf]).status == .notFound)
        }
        #expect(try await h.store.upload(id: id) != nil)
        try await h.signedIn("jiaotong") { browser in
            let csrf = try #require(Page.csrf(in: try await browser.get("/uploads").text))
            let discarded = try await browser.post("/uploads/\(id)/discard", ["_csrf": csrf])
            #expect(discarded.status == .seeOther && discarded.location == "/uploads")
        }
        #expect(try await h.store.upload(id: id) == nil)
    }
}

/// The published seed documents beside the repository.
enum SeedFiles {
    static var folder: URL {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("shared/fixtures/seeds")
    }

    static func url(_ prefix: String) throws -> URL? {
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).first { $0.lastPathComponent.hasPrefix(prefix) }
    }
}
