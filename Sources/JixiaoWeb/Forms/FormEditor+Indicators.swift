import Foundation
import JixiaoCore

extension FormEditor {
    /// Which columns an indicator table has.
    enum IndicatorColumns {
        case declaration, evaluation, department
    }

    static let level1Options = ["产出指标", "成本指标", "效益指标", "满意度指标"]
    static let level2Options = Level2Category.allCases.map(\.chineseName)

    func indicatorBlock(_ indicators: [Indicator], layout: IndicatorLayout, columns: IndicatorColumns) -> EditorView.Block {
        let scored = columns != .declaration
        var block = EditorView.Block(legend: "绩效指标", isIndicators: true)
        block.layout = layoutField(layout)
        var heads = ["#"]
        if columns == .department { heads.append("目标") }
        heads += ["一级指标", "二级指标"]
        if columns == .declaration { heads.append("子项") }
        heads += ["三级指标", columns == .declaration ? "指标值" : "年度指标值"]
        if scored { heads += ["调整后指标值", "实际完成值", "分值", "得分", "建议得分", "偏差原因分析及改进措施"] }
        block.columns = heads + [""]
        if scored {
            block.adoptAll = EditorView.Button(value: EditorAction.adopt(row: nil).value, label: "全部采用建议得分", title: "把每行的建议得分填入得分（不保存）",
                                               className: "adopt-all")
        }
        block.indicators = indicators.enumerated().map { index, indicator in
            indicatorRow(index, indicator, columns: columns, previous: index > 0 ? indicators[index - 1] : nil)
        }
        block.add = addButton(.indicator, "增加指标", className: "add-indicator")
        return block
    }

    /// One field of an indicator row; `wrap` for text that must show whole (names, targets, values, reasons): a
    /// box that wraps its lines and grows with them, not a one-line input that cuts the text off.
    func cell(_ index: Int, _ field: String, _ value: String?, size: Int, list: String? = nil, wrap: Bool = false,
              sameAbove: Bool = false) -> EditorView.Cell {
        let key = "i.\(index).\(field)"
        var classes: [String] = []
        if fieldErrors[key] != nil { classes.append("invalid") } else if fieldWarnings[key] != nil { classes.append("warned") }
        // The label repeats the row above's: drawn as one merged cell, as the official table prints it (still editable).
        if sameAbove { classes.append("same-above") }
        let label = FieldPath(editorKey: key).chineseName
        let control: EditorView.Control = wrap ? .area(key, rawTexts[key] ?? value, label: label, rows: 1, className: "cell-text")
            : .text(key, rawTexts[key] ?? value, label: label, size: size, list: list)
        return EditorView.Cell(control: control, classes: classes.isEmpty ? nil : classes.joined(separator: " "),
                               note: fieldErrors[key] ?? fieldWarnings[key], noteIsError: fieldErrors[key] != nil)
    }

    func indicatorRow(_ index: Int, _ indicator: Indicator, columns: IndicatorColumns, previous: Indicator? = nil) -> EditorView.IndicatorRow {
        func level1(_ i: Indicator?) -> String? { i.flatMap { $0.level1Label ?? $0.level1?.chineseName } }
        func level2(_ i: Indicator?) -> String? { i.flatMap { $0.level2Label ?? $0.level2?.chineseName } }
        let sameGoal = columns != .department || previous?.goalNumber == indicator.goalNumber
        let sameLevel1 = sameGoal && level1(indicator) != nil && level1(previous) == level1(indicator)
        let sameLevel2 = sameLevel1 && level2(indicator) != nil && level2(previous) == level2(indicator)
        var cells: [EditorView.Cell] = []
        if columns == .department { cells.append(cell(index, "goal", indicator.goalNumber.map(String.init), size: 2)) }
        cells.append(cell(index, "level1", level1(indicator), size: 7, list: "level1-options", sameAbove: sameLevel1))
        cells.append(cell(index, "level2", level2(indicator), size: 8, list: "level2-options", sameAbove: sameLevel2))
        if columns == .declaration { cells.append(cell(index, "tags", indicator.subTasks?.text, size: 4)) }
        cells.append(cell(index, "name", indicator.name, size: 14, wrap: true))
        cells.append(cell(index, "target", indicator.target?.text, size: 10, wrap: true))
        let scored = columns != .declaration
        if scored {
            cells.append(cell(index, "adjusted", indicator.adjustedTarget?.text, size: 8, wrap: true))
            cells.append(cell(index, "actual", indicator.actual?.text, size: 10, wrap: true))
            cells.append(cell(index, "weight", indicator.weight?.description, size: 4))
            cells.append(cell(index, "score", indicator.reportedScore?.description, size: 4))
        }
        let score = index < analysis.score.indicators.count ? analysis.score.indicators[index] : nil
        let rowError = fieldErrors["i.\(index)"]
        let findings = analysis.findings(forRow: index)
        let reasonKey = "i.\(index).reason"
        let span = (columns == .declaration ? 7 : (columns == .department ? 12 : 11)) + 1
        return EditorView.IndicatorRow(
            index: index, number: index + 1, refused: rowError != nil, cells: cells, scored: scored,
            suggested: score?.suggested?.shortText() ?? "—",
            adopt: score.map { s in
                EditorView.Button(value: EditorAction.adopt(row: index).value, label: "采用", title: "把建议得分填入本行得分（不保存）", className: "adopt",
                                  hidden: s.suggested == nil)
            },
            range: score?.rangeWords ?? "", explanation: score?.explanation ?? "",
            reason: scored ? .area(reasonKey, rawTexts[reasonKey] ?? indicator.deviationReason, label: FieldPath(editorKey: reasonKey).chineseName, rows: 1,
                                   className: "cell-text reason") : nil,
            note: scored ? indicator.qualitativeNote.map { .hidden("i.\(index).note", $0) } : nil,
            buttons: rowButtons(.indicator, index), rowError: rowError, findings: findings.map(FindingView.init), hasFindings: !findings.isEmpty,
            hasFindingsRow: rowError != nil || !findings.isEmpty, span: span)
    }
}
