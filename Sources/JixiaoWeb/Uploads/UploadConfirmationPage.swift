import Foundation
import JixiaoCore
import JixiaoInterchange
import JixiaoStore

/// A finding as listed on a page: its level (错误 / 警告 / 提示), code, place and message.
struct FindingView: Sendable {
    var level: String
    var severity: String
    var isError: Bool
    var code: String
    var place: String
    var message: String

    init(_ finding: Finding) {
        level = finding.severity.chineseName
        severity = finding.severity.rawValue
        isError = finding.severity == .error
        code = finding.code.rawValue
        place = finding.location.source?.description ?? finding.location.description
        message = finding.message
    }
}

/// A table of findings (the `findings-table` partial).
struct FindingTable: Sendable {
    var items: [FindingView]

    /// Nil for no findings (the template then shows no table).
    init?(_ findings: [Finding]) {
        guard !findings.isEmpty else { return nil }
        items = findings.map(FindingView.init)
    }
}

/// 确认导入: each form read from the file, where it would go, how it was read, what it holds and what the checks
/// found, before anything is saved.
struct UploadConfirmationPage: PageView {
    static let template = "upload-confirm"

    struct Row: Sendable {
        var number: Int
        var title: String
        var source: String?
        var kind: String
        var family: String?
        var readingSummary: String?
        var readingColumns: String?
        var printed: String
        var year: String
        var indicators: Int
        var unmatched: Bool
        var field: String
        var fieldLabel: String
        var options: [SelectOption]
        var reason: String
    }

    /// One form as read, folded (opened when the checks found errors).
    struct Preview: Sendable {
        struct Indicator: Sendable {
            var number: Int
            var level1: String
            var level2: String
            var name: String
            var target: String
            var actual: String
            var weight: String
            var score: String
            var suggested: String
        }

        var summary: String
        var open: Bool
        var scored: Bool
        var indicators: [Indicator]
        var findings: [FindingView]
        var hasFindings: Bool
        var emptyColumns: Int
    }

    var frame: Frame
    var uploadID: String
    var fileName: String
    var meta: String
    var problems: [String]
    var hasProblems: Bool
    var unmatched: Int?
    var csrf: String
    var needsYear: Bool
    var year: String
    var yearNote: String
    var rows: [Row]
    var previews: [Preview]
    var serious: FindingTable?
    var notes: FindingTable?
    var noteCount: Int?
    var findingCounts: String

    init(upload: PendingUpload, document: InterchangeDocument, items: [JixiaoWebApp.UploadItem], signedIn: SignedIn, profile: ScoringProfile,
         chosen: [Int: String], yearText: String?, problems: [String]) {
        frame = Frame(title: "确认导入", signedIn: signedIn, wide: true)
        uploadID = upload.id
        fileName = upload.fileName
        var meta = "\(JixiaoWebApp.byteText(upload.byteCount))，读出表单\(items.count)份"
        if let title = document.title { meta += "，标题“\(title)”" }
        if let disclosure = document.disclosure {
            meta += "；部门决算公开说明\(disclosure.sections.count)节，数字表述\(disclosure.claims.count)条（说明正文不导入为表单）"
        }
        self.meta = meta + "。"
        self.problems = problems
        hasProblems = !problems.isEmpty
        let unmatchedCount = items.filter { $0.match.organisationID == nil }.count
        unmatched = unmatchedCount > 0 ? unmatchedCount : nil
        csrf = signedIn.session.csrfToken
        let guessed = UploadMatcher.documentYear(document)
        needsYear = items.contains { $0.ownYear == nil }
        year = yearText ?? guessed.map(String.init) ?? ""
        yearNote = guessed == nil ? "文件没有写明年度的表单按此年度导入。" : "按文件标题推断，请核对；文件没有写明年度的表单按此年度导入。"
        let importable = signedIn.scope.importable.compactMap { signedIn.scope.organisations[$0] }.sorted { $0.code < $1.code }
        rows = items.map { item in
            let (unit, department) = UploadMatcher.named(item.form)
            let printed = [unit, department].compactMap { $0 }.map { ($0.code.map { $0 + " " } ?? "") + $0.name }.first ?? "—"
            let selected = chosen[item.index] ?? item.match.organisationID.map(String.init) ?? ""
            var values: [(String, String)] = [("", "— 请选择 —"), ("skip", "不导入")]
            values += importable.filter { item.form.kind != .departmentEvaluation || $0.kind == .department }.map { (String($0.id), "\($0.code) \($0.name)") }
            let reading = item.index < document.readings.count ? document.readings[item.index] : nil
            return Row(number: item.index + 1, title: item.form.title.isEmpty ? "（未命名）" : item.form.title, source: item.form.source?.description,
                       kind: item.form.kind.chineseName, family: reading?.family.chineseName, readingSummary: reading?.summary,
                       readingColumns: reading.flatMap { $0.columns.isEmpty ? nil : $0.columnText }, printed: printed,
                       year: item.ownYear.map(String.init) ?? "—", indicators: item.form.indicators.count,
                       unmatched: item.match.organisationID == nil, field: "organisation.\(item.index)", fieldLabel: "第\(item.index + 1)份导入到",
                       options: values.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == selected) }, reason: item.match.reason)
        }
        previews = items.map { Self.preview($0.index, $0.form, profile: profile) }
        let findings = document.importFindings
        serious = FindingTable(findings.filter { $0.severity != .info })
        notes = FindingTable(findings.filter { $0.severity == .info })
        noteCount = notes?.items.count
        let counts = Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
        findingCounts = "错误\(counts[.error] ?? 0)条，警告\(counts[.warning] ?? 0)条，提示\(counts[.info] ?? 0)条。"
    }

    static func preview(_ index: Int, _ form: EvaluationForm, profile: ScoringProfile) -> Preview {
        let analysis = FormAnalysis(form, profile: profile)
        let counts = Dictionary(grouping: analysis.findings, by: \.severity).mapValues(\.count)
        let scored = form.kind != .targetDeclaration
        var summary = "第\(index + 1)份《\(form.title.isEmpty ? "未命名" : form.title)》：指标\(form.indicators.count)条"
        if scored { summary += "，建议总分\(analysis.score.suggestedTotal.shortText())" }
        summary += "；审核：错误\(counts[.error] ?? 0)条，警告\(counts[.warning] ?? 0)条，提示\(counts[.info] ?? 0)条"
        let indicators = form.indicators.enumerated().map { n, i in
            Preview.Indicator(number: n + 1, level1: i.level1Label ?? i.level1?.chineseName ?? "", level2: i.level2Label ?? i.level2?.chineseName ?? "",
                              name: i.name, target: i.target?.text ?? "", actual: i.actual?.text ?? "", weight: i.weight?.description ?? "",
                              score: i.reportedScore?.description ?? "",
                              suggested: (n < analysis.score.indicators.count ? analysis.score.indicators[n].suggested?.shortText() : nil) ?? "—")
        }
        return Preview(summary: summary, open: (counts[.error] ?? 0) > 0, scored: scored, indicators: indicators,
                       findings: analysis.findings.map(FindingView.init), hasFindings: !analysis.findings.isEmpty, emptyColumns: scored ? 9 : 5)
    }
}

/// 已导入: the forms made from an upload, each a draft of its unit.
struct UploadConfirmedPage: PageView {
    static let template = "upload-confirmed"

    struct Row: Sendable {
        var id: Int64
        var title: String
        var kind: String
        var unit: String
        var year: Int
        var errors: Int
        var warnings: Int
        var hasErrors: Bool
    }

    var frame: Frame
    var count: Int
    var fileName: String
    var rows: [Row]

    init(upload: PendingUpload, created: [FormRecord], signedIn: SignedIn) {
        frame = Frame(title: "导入完成", signedIn: signedIn)
        count = created.count
        fileName = upload.fileName
        rows = created.map { record in
            Row(id: record.id, title: record.form.title.isEmpty ? "（未命名）" : record.form.title, kind: record.kind.chineseName,
                unit: signedIn.scope.name(of: record.organisationID), year: record.fiscalYear, errors: record.summary.errorCount,
                warnings: record.summary.warningCount, hasErrors: record.summary.errorCount > 0)
        }
    }
}
