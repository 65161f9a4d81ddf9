import Foundation
import JixiaoCore

/// Reads text extracted from published PDF and Word documents (the layouts of the seed files)
/// into an interchange document: every form it finds, the final-accounts text when the file is
/// a 部门决算公开, and import findings for every line it could not use or had to guess.
public enum TextImporter {
    /// Reads a file; errors are Chinese and name the file and position.
    public static func read(path: String) throws -> InterchangeDocument {
        try read(InterchangeCodec.fileData(path: path), file: path)
    }

    /// Reads the bytes of a file named `file` (the name is used in messages and source locations).
    public static func read(_ data: Data, file: String) throws -> InterchangeDocument {
        try read(data, file: file, parallel: true)
    }

    /// Reads the bytes of a file; with `parallel` false everything runs on the calling thread
    /// (the result is the same either way).
    package static func read(_ data: Data, file: String, parallel: Bool) throws -> InterchangeDocument {
        let (text, folding) = TextFolding.fold(try TextLayout.decode(data, file: file))
        let (rows, shape) = TextLayout.read(text, parallel: parallel)
        return try recognise(rows, shape: shape, folding: folding, file: file, parallel: parallel)
    }

    /// Reads the tables and paragraphs an office file, web page or PDF gave: the same recogniser as for text.
    package static func read(_ source: SourceDocument, file: String, parallel: Bool = true) throws -> InterchangeDocument {
        let (folded, folding) = GridRows.folded(source)
        let rows = GridRows.rows(folded)
        var document = try recognise(rows, shape: nil, folding: folding, file: file, parallel: parallel)
        if let conversion = source.conversion {
            document.importFindings.append(CheckCatalogue.finding(.importConverted, ["how": conversion],
                                                                  at: FindingLocation(source: SourceLocation(file: document.origin))))
        }
        for what in source.skipped {
            document.importFindings.append(CheckCatalogue.finding(.importSkipped, ["what": what],
                                                                  at: FindingLocation(source: SourceLocation(file: document.origin))))
        }
        return document
    }

    /// Turns rows into forms: finds where each form starts, reads each, reports what was not used.
    static func recognise(_ rows: [TextRow], shape: String?, folding: TextFolding?, file: String, parallel: Bool) throws -> InterchangeDocument {
        let name = (file as NSString).lastPathComponent
        let session = ImportSession(file: name, rows: rows)
        let segments = segment(session.rows)
        guard !segments.isEmpty else {
            throw InterchangeError(code: "IMPORT_NO_FORMS", file: file,
                                   message: "文件中没有找到可识别的绩效表单（目标申报表、项目支出绩效自评表、部门整体支出绩效自评表）或部门决算公开说明")
        }
        var document = InterchangeDocument(origin: name, forms: [])
        if let first = segments.first, first.range.lowerBound > 0 {
            // Titles before the first form: the document title (`…项目绩效目标汇总表`).
            for row in session.rows[0..<first.range.lowerBound] where row.filled.count == 1 && !row.isFurniture {
                document.title = document.title ?? row.text
                session.use(row)
            }
        }
        // Each form reads only its own rows, so the forms are read on their own sessions (in
        // parallel for a long file) and the sessions are merged in document order.
        let outcomes = ParallelWork.map(segments.count, worthIt: parallel && rows.count >= parallelRows,
                                        cost: { segments[$0].range.count }) { index in
            let part = ImportSession(file: name, rows: rows, range: segments[index].range)
            return (readSegment(segments[index], session: part), part)
        }
        for (index, (outcome, part)) in outcomes.enumerated() {
            session.absorb(part)
            switch outcome {
            case .disclosure(let disclosure):
                document.disclosure = disclosure
                if document.title == nil {
                    document.title = [disclosure.department?.name, disclosure.fiscalYear.map { "\($0)年度部门决算公开" }].compactMap { $0 }.joined()
                }
            case .form(let form):
                document.forms.append(form)
                var reading = FormReading(kind: form.kind, session: part, shape: shape)
                reading.place = rows[segments[index].range].lazy.compactMap(\.place).first?.container
                document.readings.append(reading)
            }
        }
        session.reportUnused()
        if let folding {
            document.forms = document.forms.map(folding.restore)
            let what = [folding.traditional ? "繁体字" : nil, folding.pinyinRemoved > 0 ? "字后夹注的拼音（\(folding.pinyinRemoved)处）" : nil]
            session.report(.importTextFolded, ["what": what.compactMap { $0 }.joined(separator: "和")], row: nil)
        }
        document.importFindings = session.findings
        return document
    }

    /// Files with at least this many rows have their forms read in parallel.
    static let parallelRows = 400

    enum SegmentOutcome {
        case disclosure(FinalAccountsDisclosure)
        case form(EvaluationForm)
    }

    static func readSegment(_ segment: Segment, session: ImportSession) -> SegmentOutcome {
        switch segment.kind {
        case .disclosure:
            return .disclosure(DisclosureReader(session: session).read(segment.range))
        case .declaration:
            return .form(.targetDeclaration(DeclarationReader(session: session).read(segment.range, title: segment.title)))
        case .projectEvaluation:
            return .form(.projectSelfEvaluation(ProjectEvaluationReader(session: session).read(segment.range, title: segment.title)))
        case .departmentEvaluation:
            return .form(.departmentEvaluation(DepartmentEvaluationReader(session: session).read(segment.range, title: segment.title)))
        }
    }

    enum SegmentKind { case disclosure, declaration, projectEvaluation, departmentEvaluation }

    struct Segment {
        var kind: SegmentKind
        var range: Range<Int>
        var title: String?
    }

    /// The kind a title row announces, if it is a title.
    static func titleKind(_ row: TextRow) -> SegmentKind? {
        guard row.filled.count == 1 else { return nil }
        let text = row.compactText
        guard text.isShort(90) else { return nil }
        // Every form's title says 表 or 报告; a disclosure's says 公开 or ends in 部门决算. A sentence that names a
        // form (`详见单位的项目绩效目标表`, `…见附表。`) is no title.
        if text.hasBytePrefix("详见") || text.hasBytePrefix("见") || text.hasBytePrefix("参见") || text.has("。") || text.has("，") || text.has("；") {
            return nil
        }
        if mayBeFormTitle(text[...]) && !text.has("汇总") {
            for (words, kind) in titleWords where words.contains(where: { text.has($0) }) { return kind }
        }
        if text.has("部门决算公开") || text.has("部门决算") && (text.hasSuffix("公开") || text.hasSuffix("部门决算")) { return .disclosure }
        return nil
    }

    /// True when a text holds the word every form title has (`…表`, `…评价报告`): the cheap test before the title words.
    static func mayBeFormTitle(_ text: Substring) -> Bool {
        text.has("表") || text.has("报告")
    }

    /// Title words of each form kind, in the order they are tried (the department's before the generic 自评表).
    static let titleWords: [([String], SegmentKind)] = [
        (["绩效目标申报表", "绩效目标表", "绩效目标审核表", "绩效目标审批表", "绩效目标申报审批表", "绩效目标申报审核表"], .declaration),
        (["整体支出绩效自评表", "整体绩效自评表", "整体支出绩效评价表"], .departmentEvaluation),
        (["项目支出绩效自评表", "项目支出绩效评价报告", "项目支出绩效评价表", "绩效自评表", "绩效目标自评表", "绩效评价评分表", "绩效自评评分表",
          "绩效评价指标体系", "绩效评价表", "评分表"], .projectEvaluation),
    ]

    /// Finds where forms start: at title rows, and at `项目名称` rows not just after a title.
    static func segment(_ rows: [TextRow]) -> [Segment] {
        var starts: [(index: Int, kind: SegmentKind?, title: String?)] = []
        var lastTitle: Int?
        var projectSinceTitle = false
        for (i, row) in rows.enumerated() {
            if let kind = titleKind(row) {
                if kind == .disclosure, starts.contains(where: { $0.kind == .disclosure }) { continue }
                starts.append((i, kind, kind == .disclosure ? nil : row.text))
                lastTitle = i
                projectSinceTitle = false
                continue
            }
            if row.head == "项目名称" {
                if let t = lastTitle, !projectSinceTitle, i - t <= 8, starts.last?.kind != .disclosure {
                    projectSinceTitle = true
                    continue
                }
                // A cut-off or wrapped title printed just above (`…项目支出绩 (2024年度)`).
                var first = i
                var k = i - 1
                while k >= 0, i - k <= 4, !rows[k].isTable || rows[k].filled.count == 1 {
                    if rows[k].isFurniture { k -= 1; continue }
                    if !rows[k].text.isShort(60) || starts.last.map({ $0.index >= k }) == true { break }
                    first = k
                    k -= 1
                }
                let title = first < i ? rows[first..<i].filter { !$0.isFurniture }.map(\.text).joined(separator: " ") : nil
                starts.append((first, nil, title))
                lastTitle = nil
            }
        }
        var segments: [Segment] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1].index : rows.count
            let range = start.index..<end
            let kind = start.kind ?? guessKind(rows[range])
            segments.append(Segment(kind: kind, range: range, title: start.title))
        }
        return segments
    }

    /// A form without a title: an evaluation when it has an 实际完成值 column or an execution block.
    static func guessKind(_ rows: ArraySlice<TextRow>) -> SegmentKind {
        for row in rows {
            if FormFields.isExecutionHeader(row) { return .projectEvaluation }
            if let columns = IndicatorColumns(header: row) { return columns.values.contains(.actual) ? .projectEvaluation : .declaration }
        }
        return .projectEvaluation
    }
}
