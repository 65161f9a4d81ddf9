import Foundation
import Testing
import JixiaoCore
@testable import JixiaoInterchange

/// One file of `Fixtures/Office`, made from the corpus by a second implementation (openpyxl, python-docx,
/// LibreOffice; see `scripts/make_office_fixtures.py`).
struct OfficeFixture: Decodable, Sendable, CustomStringConvertible {
    var file: String
    var corpus: [String]?
    var format: String
    var producer: String
    var features: [String]
    var expect: String

    var description: String { file }

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/Office")
    }

    static let all: [OfficeFixture] = {
        let url = folder.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        do { return try JSONDecoder().decode([OfficeFixture].self, from: data) } catch { preconditionFailure("manifest.json: \(error)") }
    }()

    static var readable: [OfficeFixture] { all.filter { $0.expect == "read" } }
    static var bad: [OfficeFixture] { all.filter { $0.expect != "read" } }

    var data: Data { get throws { try Data(contentsOf: Self.folder.appendingPathComponent(file)) } }
}

extension Trait where Self == ConditionTrait {
    /// Runs where a PDF library's tools are installed (`.ci/run` installs MuPDF's and poppler's); in CI their
    /// absence fails the test.
    static var needsPoppler: Self {
        .enabled(if: ExternalTool.find("mutool") != nil || ExternalTool.find("pdftotext") != nil || ProcessInfo.processInfo.environment["CI"] != nil,
                 "needs mupdf-tools or poppler-utils for PDF reading; skipped without them outside CI")
    }
}

@Suite("Office files, web pages and PDF made by other programs")
struct OfficeFixtureTests {
    static func compare(_ form: CorpusForm, _ read: EvaluationForm) -> (rows: Int, exact: Int, misses: [String]) {
        var exact = 0
        var misses: [String] = []
        for (index, expected) in form.expected.indicators.enumerated() {
            guard index < read.indicators.count else { misses.append("missing \(expected)"); continue }
            let i = read.indicators[index]
            let got = CorpusForm.ExpectedIndicator(name: i.name, target: i.target?.text, actual: i.actual?.text,
                                                   weight: i.weight?.description, score: i.reportedScore?.description)
            if got == expected { exact += 1 } else { misses.append("want \(expected)\n      got  \(got)") }
        }
        if read.indicators.count > form.expected.indicators.count { misses.append("\(read.indicators.count - form.expected.indicators.count) extra rows") }
        return (form.expected.indicators.count, exact, misses)
    }

    @Test("The fixtures are there, in every format")
    func fixturesExist() {
        let formats = Set(OfficeFixture.readable.map(\.format))
        #expect(formats.isSuperset(of: ["xlsx", "docx", "pdf", "html"]), "\(formats)")
    }

    @Test("Each format: every form found, at least 95 % of indicator rows exact", .needsPoppler, arguments: ["xlsx", "docx", "html", "pdf"])
    func fidelity(_ format: String) throws {
        let byID = Dictionary(uniqueKeysWithValues: CorpusForm.all.map { ($0.id, $0) })
        var rows = 0, exact = 0, forms = 0, found = 0
        var report: [String] = []
        for fixture in OfficeFixture.readable where fixture.format == format {
            let ids = fixture.corpus ?? []
            forms += ids.count
            let document: InterchangeDocument
            do { document = try DocumentReader.read(fixture.data, file: fixture.file) } catch {
                report.append("\(fixture.file): \(error)")
                rows += ids.compactMap { byID[$0]?.expected.indicators.count }.reduce(0, +)
                continue
            }
            var remaining = document.forms[...]
            for id in ids {
                guard let form = byID[id] else { continue }
                guard let index = remaining.firstIndex(where: { $0.kind.rawValue == form.kind }) else {
                    report.append("\(fixture.file): \(id) not found among \(document.forms.map(\.title))")
                    rows += form.expected.indicators.count
                    continue
                }
                found += 1
                let outcome = Self.compare(form, remaining[index])
                remaining = remaining[(index + 1)...]
                rows += outcome.rows
                exact += outcome.exact
                if let miss = outcome.misses.first { report.append("\(fixture.file) \(id): \(miss)") }
            }
        }
        let summary = "\(format): \(exact)/\(rows) rows exact, \(found)/\(forms) forms found\n    " + report.joined(separator: "\n    ")
        print(summary)
        #expect(forms > 0 && found == forms, "\(summary)")
        #expect(exact * 100 >= rows * 95, "\(summary)")
    }

    @Test("Each fixture reads to the same indicators as the form's text rendering", .needsPoppler)
    func sameAsText() throws {
        let byID = Dictionary(uniqueKeysWithValues: CorpusForm.all.map { ($0.id, $0) })
        for fixture in OfficeFixture.readable where fixture.corpus?.count == 1 {
            guard let form = fixture.corpus.flatMap({ byID[$0[0]] }) else { continue }
            let text = try TextImporter.read(Data(CorpusShape.tabs.render(form).utf8), file: "\(form.id).txt")
            let office = try DocumentReader.read(fixture.data, file: fixture.file)
            let a = text.forms.first?.indicators.map(CorpusHonestyTests.summary) ?? []
            let b = office.forms.first(where: { $0.kind.rawValue == form.kind })?.indicators.map(CorpusHonestyTests.summary) ?? []
            #expect(a == b, "\(fixture.file): \(zip(a, b).first { $0 != $1 }.map { "\n  text:   \($0)\n  office: \($1)" } ?? "counts \(a.count) / \(b.count)")")
        }
    }

    @Test("MuPDF and poppler read every PDF to the same cells",
          .enabled(if: (ExternalTool.find("mutool") != nil && ExternalTool.find("pdftotext") != nil) || ProcessInfo.processInfo.environment["CI"] != nil))
    func bothEngines() throws {
        for fixture in OfficeFixture.readable where fixture.format == "pdf" {
            let mupdf = GridRows.rows(try PDFReader.read(fixture.data, file: fixture.file, deadline: Deadline(seconds: 60), engine: .mupdf))
            let poppler = GridRows.rows(try PDFReader.read(fixture.data, file: fixture.file, deadline: Deadline(seconds: 60), engine: .poppler))
            let a = mupdf.map { $0.cells.filter { !$0.isEmpty }.joined(separator: "|") }
            let b = poppler.map { $0.cells.filter { !$0.isEmpty }.joined(separator: "|") }
            #expect(a == b, "\(fixture.file): \(zip(a, b).first { $0 != $1 }.map { "\n  mupdf:   \($0)\n  poppler: \($1)" } ?? "rows \(a.count) / \(b.count)")")
        }
    }

    @Test("Every form says where it starts: the sheet, table or page", .needsPoppler)
    func formsSayWhere() throws {
        for fixture in OfficeFixture.readable {
            let document = try DocumentReader.read(fixture.data, file: fixture.file)
            for (form, reading) in zip(document.forms, document.readings) {
                #expect(reading.place != nil, "\(fixture.file): \(form.title)")
                #expect(form.source?.cell != nil && form.source?.line == nil, "\(fixture.file): \(form.title) at \(String(describing: form.source))")
            }
        }
    }

    /// The error each bad file must give: a stable code, a Chinese message, no crash, no hang.
    static let badCodes: [String: Set<String>] = [
        "zero": ["IMPORT_EMPTY"], "renamed-png": ["IMPORT_NEEDS_OCR"], "truncated": ["IMPORT_BROKEN_FILE"],
        "zip-bomb": ["IMPORT_TOO_LARGE"], "many-entries": ["IMPORT_TOO_LARGE"], "entities": ["IMPORT_XML_ENTITIES"],
        "encrypted": ["IMPORT_ENCRYPTED"], "broken-xref": ["IMPORT_BROKEN_FILE", "read"], "scanned": ["IMPORT_NEEDS_OCR"],
        "legacy-xls": ["IMPORT_LEGACY_OFFICE"], "legacy-doc": ["IMPORT_LEGACY_OFFICE"],
    ]

    @Test("Old Office files are converted when LibreOffice is installed, and said so",
          .enabled(if: ExternalTool.find("soffice") != nil, "needs LibreOffice (not installed in CI: there the files are refused, see badFiles)"))
    func legacyConverted() throws {
        let fixture = try #require(OfficeFixture.bad.first { $0.expect == "legacy-xls" })
        let document = try DocumentReader.read(fixture.data, file: fixture.file)
        #expect(document.importFindings.contains { $0.code == .importConverted })
    }

    @Test("A reader past its time limit stops with IMPORT_TIMEOUT")
    func timeLimit() throws {
        let fixture = try #require(OfficeFixture.readable.first { $0.format == "xlsx" })
        #expect(throws: InterchangeError.self) {
            do { _ = try OfficeReader.read(fixture.data, file: fixture.file, deadline: Deadline(seconds: -1)) } catch let error as InterchangeError {
                #expect(error.code == "IMPORT_TIMEOUT")
                throw error
            }
        }
    }

    @Test("Bad files: a clear Chinese error with a stable code, quickly, nothing read", .needsPoppler)
    func badFiles() throws {
        #expect(!OfficeFixture.bad.isEmpty)
        for fixture in OfficeFixture.bad {
            var wanted = Self.badCodes[fixture.expect] ?? []
            // With LibreOffice installed old Office files are converted and read instead.
            if fixture.expect.hasPrefix("legacy"), ExternalTool.find("soffice") != nil { wanted.insert("read") }
            #expect(!wanted.isEmpty, "\(fixture.file): no expectation for \(fixture.expect)")
            let start = ContinuousClock.now
            var code = "read"
            do { _ = try DocumentReader.read(fixture.data, file: fixture.file) } catch let error as InterchangeError {
                code = error.code
                #expect(error.message.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(fixture.file): \(error.message)")
            }
            #expect(wanted.contains(code), "\(fixture.file): \(code), wanted \(wanted)")
            #expect(ContinuousClock.now - start < .seconds(20), "\(fixture.file) took \(ContinuousClock.now - start)")
        }
    }
}
