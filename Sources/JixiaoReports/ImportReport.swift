import Foundation
import JixiaoCore
import JixiaoInterchange

/// The text summary of an import: one line per form, then the import findings.
public struct ImportReport: Sendable {
    public var document: InterchangeDocument
    public var file: String

    public init(document: InterchangeDocument, file: String) {
        self.document = document
        self.file = file
    }

    public func text() -> String {
        var lines: [String] = []
        lines.append("文件 \(file)：表单 \(document.forms.count) 份" + (document.title.map { "（\($0)）" } ?? ""))
        if let d = document.disclosure {
            lines.append("决算公开说明：\(d.sections.count) 节，\(d.sections.reduce(0) { $0 + $1.paragraphs.count }) 段，数字表述 \(d.claims.count) 条")
        }
        var table = TextTable(headers: ["#", "表单", "类型", "位置", "指标", "分值合计", "总分", "等级", "导入提示"])
        let noteCounts = FindingCounts(document)
        for (n, form) in document.forms.enumerated() {
            let weights = form.indicators.compactMap { $0.weight?.value }
            let execution: Decimal? = {
                if case .projectSelfEvaluation(let e) = form { return e.execution?.weight?.value }
                if case .departmentEvaluation(let e) = form { return e.execution?.weight?.value }
                return nil
            }()
            let weightTotal = weights.isEmpty ? "" : (weights.reduce(0, +) + (execution ?? 0)).plainText
            var total = "", grade = ""
            switch form {
            case .projectSelfEvaluation(let e): total = e.reportedTotal?.description ?? ""; grade = e.reportedGrade ?? ""
            case .departmentEvaluation(let e): total = e.reportedTotal?.description ?? ""; grade = e.reportedGrade ?? ""
            case .targetDeclaration: break
            }
            let line = form.source?.line
            let notes = line.map { noteCounts.byStart[$0] ?? 0 } ?? noteCounts.byTitle[form.title] ?? 0
            let place = line.map { "第\($0)行" } ?? form.source?.cell ?? ""
            table.rows.append([String(n + 1), form.title, form.kind.chineseName, place, String(form.indicators.count),
                               weightTotal, total, grade, notes == 0 ? "" : String(notes)])
        }
        lines.append(table.render())
        for (n, reading) in document.readings.enumerated() where n < document.forms.count {
            lines.append("\(n + 1). 识别为\(reading.summary)")
            if !reading.columns.isEmpty { lines.append("   列：\(reading.columnText)") }
        }
        let counts = Dictionary(grouping: document.importFindings, by: \.severity).mapValues(\.count)
        lines.append("导入提示：错误 \(counts[.error] ?? 0)，警告 \(counts[.warning] ?? 0)，提示 \(counts[.info] ?? 0)")
        for finding in document.importFindings where finding.severity != .info {
            lines.append("  [\(finding.severity.chineseName)] \(finding.code) \(finding.location.source?.description ?? "")：\(finding.message)")
        }
        return lines.joined(separator: "\n")
    }
}

/// How many import findings fall to each form: a text file's by the lines between one form's first line and the
/// next's, an office file's by the form they name. One pass over the findings, not one per form.
private struct FindingCounts {
    var byStart: [Int: Int] = [:]
    var byTitle: [String: Int] = [:]

    init(_ document: InterchangeDocument) {
        let starts = document.forms.compactMap { $0.source?.line }.sorted()
        for finding in document.importFindings {
            if let l = finding.location.source?.line {
                // The last form starting at or before the finding's line.
                var low = 0, high = starts.count
                while low < high {
                    let mid = (low + high) / 2
                    if starts[mid] <= l { low = mid + 1 } else { high = mid }
                }
                if low > 0 { byStart[starts[low - 1], default: 0] += 1 }
            } else if let title = finding.location.form {
                byTitle[title, default: 0] += 1
            }
        }
    }
}
