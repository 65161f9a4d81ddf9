import Foundation
import JixiaoCore

extension FormEditor {
    /// Which columns an indicator table has.
    enum IndicatorColumns {
        case declaration, evaluation, department
    }

    static let level1Options = ["产出指标", "成本指标", "效益指标", "满意度指标"]
    static let level2Options = Level2Category.allCases.map(\.chineseName)

    func indicatorTable(_ indicators: [Indicator], columns: IndicatorColumns) -> String {
        let scored = columns != .declaration
        var head = "<th>#</th>"
        if columns == .department { head += "<th>目标</th>" }
        head += "<th>一级指标</th><th>二级指标</th>"
        if columns == .declaration { head += "<th>子项</th>" }
        head += "<th>三级指标</th><th>\(columns == .declaration ? "指标值" : "年度指标值")</th>"
        if scored { head += "<th>调整后指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>建议得分</th><th>偏差原因分析及改进措施</th>" }
        if editable { head += "<th></th>" }
        var html = "<datalist id=\"level1-options\">" + Self.level1Options.map { "<option value=\"\($0)\">" }.joined() + "</datalist>"
        html += "<datalist id=\"level2-options\">" + Self.level2Options.map { "<option value=\"\($0)\">" }.joined() + "</datalist>"
        if editable && scored {
            html += "<p class=\"table-tools\"><button type=\"submit\" name=\"action\" value=\"\(EditorAction.adopt(row: nil).value)\" class=\"adopt-all\" "
                + "title=\"把每行的建议得分填入得分（不保存）\">全部采用建议得分</button></p>"
        }
        html += "<div class=\"table-scroll\"><table class=\"indicators\"><thead><tr>\(head)</tr></thead><tbody>"
        for (index, indicator) in indicators.enumerated() {
            html += indicatorRow(index, indicator, columns: columns, previous: index > 0 ? indicators[index - 1] : nil)
        }
        html += "</tbody></table></div>"
        if editable { html += addButton(.indicator, "增加指标", className: "add-indicator") }
        return html
    }

    /// One field of an indicator row; `wrap` for text that must show whole (names, targets, values, reasons): a
    /// box that wraps its lines and grows with them, not a one-line input that cuts the text off.
    func cell(_ index: Int, _ field: String, _ value: String?, size: Int, list: String? = nil, wrap: Bool = false, sameAbove: Bool = false) -> String {
        let key = "i.\(index).\(field)"
        let note = fieldErrors[key] ?? fieldWarnings[key]
        var cls = fieldErrors[key] != nil ? "invalid" : fieldWarnings[key] != nil ? "warned" : ""
        // The label repeats the row above's: drawn as one merged cell, as the official table prints it (still editable).
        if sameAbove { cls += (cls.isEmpty ? "" : " ") + "same-above" }
        let control = wrap
            ? HTML.textarea(key, rawTexts[key] ?? value, label: FieldLabels.label(for: key), rows: 1, readOnly: !editable, className: "cell-text")
            : HTML.input(key, rawTexts[key] ?? value, label: FieldLabels.label(for: key), size: size, list: list, readOnly: !editable)
        var html = "<td class=\"\(cls)\">" + control
        if let note { html += "<small class=\"\(fieldErrors[key] != nil ? "bad" : "warn")\">\(HTML.escape(note))</small>" }
        return html + "</td>"
    }

    func indicatorRow(_ index: Int, _ indicator: Indicator, columns: IndicatorColumns, previous: Indicator? = nil) -> String {
        func level1(_ i: Indicator?) -> String? { i.flatMap { $0.level1Label ?? $0.level1?.chineseName } }
        func level2(_ i: Indicator?) -> String? { i.flatMap { $0.level2Label ?? $0.level2?.chineseName } }
        let sameGoal = columns != .department || previous?.goalNumber == indicator.goalNumber
        let sameLevel1 = sameGoal && level1(indicator) != nil && level1(previous) == level1(indicator)
        let sameLevel2 = sameLevel1 && level2(indicator) != nil && level2(previous) == level2(indicator)
        let rowError = fieldErrors["i.\(index)"]
        var html = "<tr data-row=\"\(index)\"\(rowError != nil ? " class=\"refused\"" : "")><td>\(index + 1)<input type=\"hidden\" name=\"i.\(index).orig\" value=\"\(index)\"></td>"
        if columns == .department { html += cell(index, "goal", indicator.goalNumber.map(String.init), size: 2) }
        html += cell(index, "level1", level1(indicator), size: 7, list: "level1-options", sameAbove: sameLevel1)
        html += cell(index, "level2", level2(indicator), size: 8, list: "level2-options", sameAbove: sameLevel2)
        if columns == .declaration { html += cell(index, "tags", indicator.subTasks?.text, size: 4) }
        html += cell(index, "name", indicator.name, size: 14, wrap: true)
        html += cell(index, "target", indicator.target?.text, size: 10, wrap: true)
        if columns != .declaration {
            html += cell(index, "adjusted", indicator.adjustedTarget?.text, size: 8, wrap: true)
            html += cell(index, "actual", indicator.actual?.text, size: 10, wrap: true)
            html += cell(index, "weight", indicator.weight?.description, size: 4)
            html += cell(index, "score", indicator.reportedScore?.description, size: 4)
            html += "<td class=\"suggestion\">\(suggestion(index))</td>"
            html += "<td>" + HTML.textarea("i.\(index).reason", rawTexts["i.\(index).reason"] ?? indicator.deviationReason,
                                           label: FieldLabels.label(for: "i.\(index).reason"), rows: 1, readOnly: !editable, className: "cell-text reason")
            if let note = indicator.qualitativeNote { html += "<input type=\"hidden\" name=\"i.\(index).note\" value=\"\(HTML.escape(note))\">" }
            html += "</td>"
        }
        if editable { html += "<td>\(rowButtons(.indicator, index))</td>" }
        html += "</tr>"
        let findings = analysis.findings(forRow: index)
        if rowError != nil || !findings.isEmpty {
            let span = columns == .declaration ? 7 : (columns == .department ? 12 : 11)
            html += "<tr class=\"row-findings\"><td colspan=\"\(span + (editable ? 1 : 0))\">"
            if let rowError { html += "<p class=\"bad\">保存被拒绝：\(HTML.escape(rowError))</p>" }
            html += FormAnalysis.findingList(findings) + "</td></tr>"
        }
        return html
    }

    /// The suggested score, the allowed range and the explanation of row `index`.
    func suggestion(_ index: Int) -> String {
        guard index < analysis.score.indicators.count else { return "" }
        let s = analysis.score.indicators[index]
        var html = "<b class=\"suggested\">\(s.suggested?.shortText() ?? "—")</b>"
        if editable {
            html += "<button type=\"submit\" name=\"action\" value=\"\(EditorAction.adopt(row: index).value)\" class=\"adopt\" title=\"把建议得分填入本行得分（不保存）\""
                + (s.suggested == nil ? " hidden" : "") + ">采用</button>"
        }
        return html + "<span class=\"range\">允许 \(s.rangeWords)</span><span class=\"explanation\">\(HTML.escape(s.explanation))</span>"
    }
}
