import Foundation
import JixiaoCore
import JixiaoStore
import Mustache

/// A form laid out as the official table people know: labels and values in bordered cells, 一级 and 二级 labels
/// merged down their rows, the funds block with its 其中 rows, amounts with thousands separators, line breaks kept.
/// The print view shows it on A4; reviewers read it on the form page instead of greyed-out inputs (with the
/// suggested scores and the findings of each row beside it).
struct OfficialForm: TemplateView {
    static let template = "official-form"

    struct Cell: Sendable {
        var text: String
        var colspan = 1
        var rowspan = 1
        /// A printed label (项目名称), not a value.
        var label = false
        var numeric = false
        /// A finding's severity for the screen's check column (`error`, `warning`, `info`).
        var severity: String?

        static func label(_ text: String, colspan: Int = 1, rowspan: Int = 1) -> Cell {
            Cell(text: text, colspan: colspan, rowspan: rowspan, label: true)
        }

        static func value(_ text: String?, colspan: Int = 1) -> Cell { Cell(text: text ?? "", colspan: colspan) }

        static func number(_ text: String) -> Cell { Cell(text: text, numeric: true) }
    }

    struct Row: Sendable {
        var cells: [Cell]
        /// A class for the row (`total`, `sub`).
        var kind: String?
    }

    struct Table: Sendable {
        var header: [Row] = []
        var hasHeader: Bool { !header.isEmpty }
        var rows: [Row] = []
        /// Relative column widths (percent), so no column is squeezed to one character.
        var widths: [Int] = []
        var className = "official"
    }

    var title: String
    var meta: String
    var tables: [Table]
    /// The status printed on the form; a watermark unless approved.
    var status: String
    var watermark: String?
    /// A signature line of the printed form: its label and what is known already (blank lines to sign otherwise).
    struct Signature: Sendable {
        var label: String
        var value: String
    }

    var signatures: [Signature]
    /// With the screen's columns (建议得分, 审核).
    var screen: Bool

    /// - Parameter screen: adds the suggested score and the findings of each row (the reviewers' text view).
    init(record: FormRecord, form: EvaluationForm, organisationName: String, analysis: FormAnalysis, screen: Bool) {
        self.screen = screen
        status = record.status.chineseName
        watermark = record.status == .approved ? nil : (record.status == .draft ? "草稿" : record.status.chineseName)
        switch form {
        case .targetDeclaration(let d):
            title = "项目支出绩效目标申报表"
            meta = "（\(record.fiscalYear)年度）　金额单位：\(d.funds?.unit.rawValue ?? "元")"
            tables = Self.declaration(d, organisationName: organisationName)
            signatures = [Signature(label: "单位负责人", value: ""), Signature(label: "填表人", value: ""), Signature(label: "联系电话", value: d.project.phone ?? ""), Signature(label: "审核人", value: ""), Signature(label: "日期", value: "")]
        case .projectSelfEvaluation(let e):
            title = "项目支出绩效自评表"
            meta = "（\(record.fiscalYear)年度）　金额单位：\(e.execution?.unit.rawValue ?? "万元")"
            tables = Self.evaluation(e, organisationName: organisationName, analysis: analysis, screen: screen)
            signatures = [Signature(label: "单位负责人", value: ""), Signature(label: "填表人", value: e.filledBy ?? ""), Signature(label: "联系电话", value: e.phone ?? ""), Signature(label: "审核人", value: ""), Signature(label: "日期", value: e.date ?? "")]
        case .departmentEvaluation(let e):
            title = "部门整体支出绩效自评表"
            meta = "（\(record.fiscalYear)年度）　金额单位：\(e.execution?.unit.rawValue ?? "万元")"
            tables = Self.department(e, analysis: analysis, screen: screen)
            signatures = [Signature(label: "部门负责人", value: ""), Signature(label: "联系人", value: e.contact ?? ""), Signature(label: "联系电话", value: e.phone ?? ""), Signature(label: "审核人", value: ""), Signature(label: "日期", value: "")]
        }
    }

    /// An amount as printed, with thousands separators (`12,345.60`; the editor shows amounts so too, and reads them
    /// back as the same number); a percentage stays as it is.
    static func amount(_ number: PrintedNumber?) -> String {
        guard let number else { return "" }
        let printed = number.description
        guard printed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == "-" }) else { return printed }
        let plain = printed.replacingOccurrences(of: ",", with: "")
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts.first ?? "")
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    // MARK: The forms

    static func declaration(_ d: TargetDeclaration, organisationName: String) -> [Table] {
        let f = d.funds
        var top = Table(widths: [16, 34, 16, 34])
        top.rows = [
            Row(cells: [.label("项目名称"), .value(d.project.name, colspan: 3)]),
            Row(cells: [.label("主管部门"), .value(d.project.department?.name), .label("实施单位"), .value(d.project.unit?.name ?? organisationName)]),
            Row(cells: [.label("项目负责人"), .value(d.project.manager), .label("联系电话"), .value(d.project.phone)]),
            Row(cells: [.label("项目属性"), .value(d.project.nature), .label("项目期"), .value(d.project.period ?? d.project.category)]),
            Row(cells: [.label("项目资金", rowspan: 4), .label("资金总额"), .number(amount(f?.total)), .value(nil)]),
            Row(cells: [.label("其中：财政拨款"), .number(amount(f?.fiscal)), .value(nil)], kind: "sub"),
            Row(cells: [.label("上年结转"), .number(amount(f?.carryOver)), .value(nil)], kind: "sub"),
            Row(cells: [.label("其他资金"), .number(amount(f?.other)), .value(nil)], kind: "sub"),
            Row(cells: [.label("总体目标"), .value(d.overallGoal, colspan: 3)]),
            Row(cells: [.label("年度目标"), .value(d.annualGoal, colspan: 3)]),
        ]
        if !d.project.subTasks.isEmpty {
            top.rows.append(Row(cells: [.label("子项"), .value(d.project.subTasks.map { "\($0.number). \($0.title)" }.joined(separator: "\n"), colspan: 3)]))
        }
        var indicators = Table(widths: [14, 16, 40, 30])
        indicators.header = [Row(cells: [.label("一级指标"), .label("二级指标"), .label("三级指标"), .label("指标值")])]
        indicators.rows = merged(d.indicators, goal: false) { _, i in
            [.value((i.subTasks.map { $0.text } ?? "") + i.name), .value(i.target?.text)]
        }
        return [top, indicators]
    }

    /// The funds block: the total row, its 其中 rows, the rate (computed when not printed) and the points.
    static func execution(_ x: BudgetExecution?, kind: FormKind, analysis: FormAnalysis) -> [Row] {
        let computed = analysis.score.execution?.rate.map { $0.percentText(places: 2) }
        let printed: String? = x?.reportedRate?.description
        let rate: String = printed ?? computed.map { "\($0)（计算）" } ?? ""
        var rows = [
            Row(cells: [.label("项目资金"), .label("年初预算数"), .label("全年预算数（A）"), .label("全年执行数（B）"), .label("分值"),
                        .label("执行率"), .label("得分")]),
            Row(cells: [.label("年度资金总额"), .number(amount(x?.initialBudget)), .number(amount(x?.annualBudget)), .number(amount(x?.executed)),
                        .number(x?.weight?.description ?? ""), .number(rate), .number(x?.reportedScore?.description ?? "")], kind: "total"),
        ]
        let breakdown = x?.breakdown ?? []
        if breakdown.isEmpty {
            // The rows the official form prints under the total, left to fill by hand.
            for label in FormReader.usualBreakdown(kind) {
                rows.append(Row(cells: [.label(label), .value(nil), .value(nil), .value(nil), .label("—"), .value(nil), .label("—")], kind: "sub"))
            }
        } else {
            for (index, item) in breakdown.enumerated() {
                let label = index == 0 && !item.label.hasPrefix("其中") ? "其中：" + item.label : item.label
                rows.append(Row(cells: [.label(label), .number(amount(item.initialBudget)), .number(amount(item.annualBudget)),
                                        .number(amount(item.executed)), .label("—"), .number(item.reportedRate?.description ?? ""), .label("—")],
                                kind: "sub"))
            }
        }
        return rows
    }

    static func evaluation(_ e: ProjectSelfEvaluation, organisationName: String, analysis: FormAnalysis, screen: Bool) -> [Table] {
        var top = Table(widths: [16, 14, 14, 14, 14, 14, 14])
        top.rows = [
            Row(cells: [.label("项目名称"), .value(e.project.name, colspan: 6)]),
            Row(cells: [.label("主管部门"), .value(e.project.department?.name, colspan: 2), .label("实施单位"),
                        .value(e.project.unit?.name ?? organisationName, colspan: 3)]),
            Row(cells: [.label("项目负责人"), .value(e.project.manager, colspan: 2), .label("联系电话"), .value(e.project.phone, colspan: 3)]),
        ] + execution(e.execution, kind: .projectSelfEvaluation, analysis: analysis)
        for goal in e.goals {
            top.rows.append(Row(cells: [.label("年度总体目标"), .value(goal.target, colspan: 3), .label("实际完成情况"), .value(goal.actual, colspan: 2)]))
        }
        var tables = [top, scored(e.indicators, goal: false, analysis: analysis, screen: screen)]
        var bottom = Table(widths: [16, 34, 16, 34])
        bottom.rows = [Row(cells: [.label("总分"), .number(e.reportedTotal?.description ?? ""), .label("自评等级"), .value(e.reportedGrade)], kind: "total")]
        for item in e.analysis { bottom.rows.append(Row(cells: [.label(item.heading), .value(item.text, colspan: 3)])) }
        tables.append(bottom)
        return tables
    }

    static func department(_ e: DepartmentEvaluation, analysis: FormAnalysis, screen: Bool) -> [Table] {
        var top = Table(widths: [16, 14, 14, 14, 14, 14, 14])
        top.rows = [
            Row(cells: [.label("部门名称"), .value(e.department.name, colspan: 6)]),
            Row(cells: [.label("联系人"), .value(e.contact, colspan: 2), .label("联系电话"), .value(e.phone, colspan: 3)]),
        ] + execution(e.execution, kind: .departmentEvaluation, analysis: analysis)
        top.rows.append(Row(cells: [.label("偏差原因"), .value(e.deviationReason, colspan: 6)]))
        for goal in e.goals {
            top.rows.append(Row(cells: [.label("目标\(goal.number.map(String.init) ?? "")"), .value(goal.target, colspan: 3), .label("完成情况"),
                                        .value(goal.actual, colspan: 2)]))
        }
        var bottom = Table(widths: [16, 34, 16, 34])
        bottom.rows = [
            Row(cells: [.label("总分"), .number(e.reportedTotal?.description ?? ""), .label("自评等级"), .value(e.reportedGrade)], kind: "total"),
            Row(cells: [.label("自评结论"), .value(e.conclusion, colspan: 3)]),
        ]
        return [top, scored(e.indicators, goal: true, analysis: analysis, screen: screen), bottom]
    }

    /// The scored indicator table; on screen with each row's suggested score and findings.
    static func scored(_ indicators: [Indicator], goal: Bool, analysis: FormAnalysis, screen: Bool) -> Table {
        var table = Table()
        var head: [Cell] = goal ? [.label("目标")] : []
        head += [.label("一级指标"), .label("二级指标"), .label("三级指标"), .label("年度指标值"), .label("实际完成值"), .label("分值"), .label("得分"),
                 .label("偏差原因分析及改进措施")]
        table.widths = (goal ? [6] : []) + [10, 11, 16, 12, 12, 6, 6, 27]
        if screen {
            head += [.label("建议得分"), .label("审核")]
            table.widths = (goal ? [5] : []) + [7, 8, 14, 10, 10, 5, 5, 18, 6, 17]
        }
        table.header = [Row(cells: head)]
        table.rows = merged(indicators, goal: goal) { index, i in
            let target = i.adjustedTarget?.isFilled == true ? "\(i.target?.text ?? "")\n（调整后 \(i.adjustedTarget?.text ?? "")）" : i.target?.text
            var cells: [Cell] = [.value(i.name), .value(target), .value(i.actual?.text), .number(i.weight?.description ?? ""),
                                 .number(i.reportedScore?.description ?? ""), .value(i.deviationReason)]
            if screen {
                let suggested = index < analysis.score.indicators.count ? analysis.score.indicators[index].suggested?.shortText() : nil
                cells.append(.number(suggested ?? "—"))
                let findings = analysis.findings(forRow: index)
                var check = Cell.value(findings.map { "\($0.severity.chineseName)：\($0.message)" }.joined(separator: "\n"))
                // The most serious first (errors sort before warnings).
                check.severity = findings.map(\.severity).min().map(\.rawValue)
                cells.append(check)
            }
            return cells
        }
        return table
    }

    /// Indicator rows with the 一级 and 二级 labels (and the goal) merged down their runs, as the official table prints them.
    static func merged(_ indicators: [Indicator], goal: Bool, cells: (Int, Indicator) -> [Cell]) -> [Row] {
        func level1(_ i: Indicator) -> String { i.level1Label ?? i.level1?.chineseName ?? "" }
        func level2(_ i: Indicator) -> String { i.level2Label ?? i.level2?.chineseName ?? "" }
        func goalText(_ i: Indicator) -> String { i.goalNumber.map { "目标\($0)" } ?? "" }
        /// How many rows from `start` share `key` (only runs start cells).
        func run(_ start: Int, _ key: (Indicator) -> String) -> Int {
            var end = start + 1
            while end < indicators.count, key(indicators[end]) == key(indicators[start]) { end += 1 }
            return end - start
        }
        var rows: [Row] = []
        var goalLeft = 0, level1Left = 0, level2Left = 0
        for (index, indicator) in indicators.enumerated() {
            var row: [Cell] = []
            if goal {
                if goalLeft == 0 {
                    goalLeft = run(index) { goalText($0) }
                    row.append(.label(goalText(indicator), rowspan: goalLeft))
                }
                goalLeft -= 1
            }
            if level1Left == 0 {
                // A 一级 run does not cross a goal's rows.
                level1Left = run(index) { goalText($0) + "|" + level1($0) }
                row.append(.label(level1(indicator), rowspan: level1Left))
            }
            if level2Left == 0 {
                level2Left = run(index) { goalText($0) + "|" + level1($0) + "|" + level2($0) }
                row.append(.label(level2(indicator), rowspan: level2Left))
            }
            level1Left -= 1
            level2Left -= 1
            rows.append(Row(cells: row + cells(index, indicator)))
        }
        return rows
    }
}

/// The print view: the official form on A4 with its status, signature lines and the print foot.
struct PrintPage: TemplateView {
    static let template = "print"
    var form: OfficialForm
    var version: Int
    var printedOn: String = PrintPage.today()

    /// Today in Beijing time, as printed on forms (`2026年12月2日`).
    static func today() -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: Date())
        return "\(c.year!)年\(c.month!)月\(c.day!)日"
    }
}

// Rendered cell by cell: answered by name rather than by reflection. A name a cell knows but has no value for
// answers `false`, not nil: nil would send the template up through every enclosing view to look for it.
extension OfficialForm.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "colspan": colspan > 1 ? colspan : false
        case "rowspan": rowspan > 1 ? rowspan : false
        case "classes":
            // Only the classes the cell needs (most value cells need none).
            [label ? "label" : nil, numeric ? "num" : nil, severity.map { "check-" + $0 }].compactMap { $0 }.joined(separator: " ")
                .nilIfEmpty ?? false
        default: nil
        }
    }
}

extension OfficialForm: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "meta": meta
        case "tables": tables
        case "status": status
        case "watermark": watermark ?? false
        case "signatures": signatures
        case "screen": screen
        default: nil
        }
    }
}

extension OfficialForm.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "cells": cells
        case "kind": kind ?? false
        default: nil
        }
    }
}

extension OfficialForm.Table: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "header": header
        case "hasHeader": hasHeader
        case "rows": rows
        case "widths": widths
        case "className": className
        default: nil
        }
    }
}

extension String {
    /// Nil for the empty string (a template section then renders nothing).
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
