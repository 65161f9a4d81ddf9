import Foundation
import Testing
import JixiaoCore
@testable import JixiaoInterchange

@Suite("Interchange JSON")
struct InterchangeTests {
    static var examples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/sample-forms.json")
    }

    @Test("The example document reads, and writes back to an equal document with decimals as strings")
    func roundTrip() throws {
        let document = try InterchangeCodec.read(path: Self.examples.path)
        #expect(document.forms.map(\.kind) == [.projectSelfEvaluation, .targetDeclaration, .departmentEvaluation])
        let data = try InterchangeCodec.encode(document)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"weight\" : \"8\""))
        #expect(text.contains("\"reported_total\" : \"99.88\""))
        #expect(!text.contains("\"weight\" : 8"))
        let again = try InterchangeCodec.decode(data, file: "again.json")
        #expect(again == document)
    }

    @Test("Values written as plain strings are parsed; printed precision is kept")
    func plainStrings() throws {
        let json = """
        {"format":"jixiao-interchange","version":1,"forms":[{"kind":"project_self_evaluation",
         "project":{"name":"P"},"indicators":[{"name":"I","level2_label":"数量指标","target":"≥1.2万件","actual":"13000件","weight":"9.80"}]}]}
        """
        let document = try InterchangeCodec.decode(Data(json.utf8), file: "p.json")
        guard case .projectSelfEvaluation(let e) = document.forms[0] else { Issue.record("wrong kind"); return }
        #expect(e.indicators[0].target?.baseMagnitude == 12000)
        #expect(e.indicators[0].level1 == .output)
        #expect(e.indicators[0].weight?.places == 2)
        #expect(e.indicators[0].weight?.description == "9.80")
        #expect(e.layout == .classic)
    }

    @Test("Unusable input is a positioned Chinese error",
          arguments: [
            ("", "文件 x.json：文件是空的，不是 jixiao 交换格式（JSON）"),
            ("{\n  \"format\": \"jixiao-interchange\",\n  \"version\": 1,\n  \"forms\": [,]\n}", "文件 x.json 第4行第13列：JSON 语法错误：此处应为一个值（对象、数组、字符串、数字、true、false 或 null）"),
            ("{\"format\": \"other\", \"version\": 1, \"forms\": []}", "文件 x.json 字段 format：不是 jixiao 交换格式：format 应为“jixiao-interchange”，实际为“other”"),
            ("{\"format\": \"jixiao-interchange\", \"version\": 9, \"forms\": []}", "文件 x.json 字段 version：不支持的格式版本 9，本程序读取版本 1"),
            ("{\"format\": \"jixiao-interchange\", \"version\": 1, \"forms\": [{\"kind\": \"project_self_evaluation\", \"project\": {\"name\": 3}}]}",
             "文件 x.json 字段 forms[0].project.name：类型不对：应为文本（带引号的字符串）"),
            ("{\"format\": \"jixiao-interchange\", \"version\": 1, \"forms\": [{\"kind\": \"project_self_evaluation\", \"project\": {\"name\": \"a\"}, \"indicators\": [{\"name\": \"b\", \"weight\": \"十\"}]}]}",
             "文件 x.json 字段 forms[0].indicators[0].weight：取值无效：不是有效的数字：“十”"),
            ("{\"format\": \"jixiao-interchange\", \"version\": 1, \"forms\": [{\"kind\": \"unknown_form\"}]}",
             "文件 x.json 字段 forms[0].kind：取值无效：Cannot initialize FormKind from invalid String value unknown_form"),
          ])
    func errors(_ example: (String, String)) {
        do {
            _ = try InterchangeCodec.decode(Data(example.0.utf8), file: "x.json")
            Issue.record("no error for \(example.0)")
        } catch let error as InterchangeError {
            #expect(error.description == example.1)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("Binary input is refused")
    func binary() {
        #expect(throws: InterchangeError.self) { try InterchangeCodec.decode(Data([0x89, 0x50, 0xFF, 0xFE, 0x00]), file: "b.png") }
    }

    @Test("The syntax locator accepts valid JSON and never crashes on random bytes")
    func locator() {
        #expect(JSONSyntaxLocator.firstError(in: Array("{\"a\": [1, 2.5e3, \"x\\\"y\", true, null, {}]}".utf8)) == nil)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in Array("{}[],:\"0-9etrufaln \n\\x".utf8).randomElement(using: &generator)! }
            _ = JSONSyntaxLocator.firstError(in: bytes)
        }
    }
}

@Suite("Terminal tables")
struct TextTableTests {
    @Test("Chinese text counts two columns; long cells are cut")
    func widths() {
        #expect(TextTable.width("产出指标") == 8)
        #expect(TextTable.width("≥90%") == 4)
        #expect(TextTable.clip("为大气污染防治提供数据支撑", to: 10) == "为大气污…")
        let table = TextTable(headers: ["名称", "值"], rows: [["数量", "1"], ["a", "22"]]).render()
        #expect(table == "名称  值\n----  --\n数量  1\na     22")
    }
}
