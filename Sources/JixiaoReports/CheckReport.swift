import Foundation
import JixiaoCore
import JixiaoInterchange

/// The `check` output: findings of every form, with counts by severity.
public struct CheckReport: Sendable, Codable {
    public var file: String
    public var profile: String
    public var profileName: String
    public var formCount: Int
    public var findings: [Finding]
    public var summary: Summary

    public struct Summary: Sendable, Codable {
        public var error: Int
        public var warning: Int
        public var info: Int
        /// Checks applied, by outcome.
        public var outcomes: [String: Int]
    }

    public init(document: InterchangeDocument, file: String, profile: ScoringProfile) {
        self.file = file
        self.profile = profile.id
        profileName = profile.name
        formCount = document.forms.count
        var run = FormChecker(profile: profile).check(document.forms)
        if let disclosure = document.disclosure {
            run.merge(DisclosureChecker(profile: profile).check(disclosure, forms: document.forms))
        }
        // A form the importer found cut off cannot be judged on its weights and total.
        let cutOff = Set(document.importFindings.filter { $0.code == .importFormIncomplete }.compactMap(\.location.form))
        for index in run.findings.indices where run.findings[index].severity == .error
            && [CheckCode.evalWeightsTotal, .evalTotalSum].contains(run.findings[index].code)
            && run.findings[index].location.form.map(cutOff.contains) == true {
            run.findings[index].severity = .warning
            run.findings[index].message += "（表单在文件中不完整，合计可能因截断而不全）"
        }
        // What the import found belongs to the audit too: unread lines, guesses, cut-off forms.
        var imported = document.importFindings
        let indexByTitle = Dictionary(document.forms.enumerated().map { ($0.element.title, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for index in imported.indices where imported[index].location.formIndex == nil {
            imported[index].location.formIndex = imported[index].location.form.flatMap { indexByTitle[$0] }
        }
        run.findings = imported + run.findings
        // Lines read from this file carry no file name of their own.
        for index in run.findings.indices where run.findings[index].location.source?.file == nil {
            run.findings[index].location.source?.file = file
        }
        findings = run.findings
        let counts = run.countsBySeverity
        var outcomes: [String: Int] = [:]
        for (_, byOutcome) in run.tallies { for (outcome, n) in byOutcome { outcomes[outcome.rawValue, default: 0] += n } }
        summary = Summary(error: counts[.error] ?? 0, warning: counts[.warning] ?? 0, info: counts[.info] ?? 0, outcomes: outcomes)
    }

    public func json() throws -> String {
        String(decoding: try InterchangeCodec.makeEncoder().encode(self), as: UTF8.self)
    }

    /// Grouped by form; `color` adds ANSI colours (only for a terminal).
    public func text(color: Bool = false) -> String {
        func paint(_ text: String, _ severity: Severity) -> String {
            guard color else { return text }
            let code = severity == .error ? "31" : (severity == .warning ? "33" : "36")
            return "\u{1B}[\(code)m\(text)\u{1B}[0m"
        }
        var out = "文件：\(file)\n评分规则：\(profileName)（\(profile)）\n表单 \(formCount) 份\n"
        for group in groupedByForm() {
            out += "\n" + (group.number == "—" ? "【文件】" : "【\(group.number)】") + "\(group.title)\n"
            for f in group.findings {
                var place = ""
                if let line = f.location.source?.line { place = "第\(line)行 " }
                out += "  " + paint("[\(f.severity.chineseName)]", f.severity) + " \(f.code) \(place)\(f.message)\n"
            }
        }
        if findings.isEmpty { out += "\n未发现问题。\n" }
        out += "\n合计：错误 \(summary.error) 项，警告 \(summary.warning) 项，提示 \(summary.info) 项\n"
        return out
    }
}
