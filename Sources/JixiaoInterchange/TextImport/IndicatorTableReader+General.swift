import Foundation
import JixiaoCore

extension IndicatorTableReader {
    /// Reads a row of a table whose header the column dictionary recognised: cells are put into columns by
    /// `ColumnFitter`, merged 目标 / 一级 / 二级 cells carry down, and split values (指标性质 + 指标值 +
    /// 度量单位) are read as one value with the cells kept.
    mutating func readGeneralRow(_ row: TextRow, positions header: [ColumnDictionary.IndicatorRole?]) {
        var positions = header
        let cells = row.cells.map(Cells.unwrapped)
        // Cells of an office file, web page or ruled PDF stand where the file puts them: under their headers,
        // empty where the unit wrote nothing. Only cells of extracted text are placed by their content.
        let placed: [ColumnFitter.Placed]
        if row.place != nil, row.isAligned {
            placed = cells.indices.filter { !cells[$0].isEmpty }.map { ColumnFitter.Placed(role: $0 < positions.count ? positions[$0] : nil, index: $0) }
        } else if row.isAligned, positions.count > 1, positions[0] == nil, positions[1] != nil {
            // A leading label column (`绩效指标(90分)`, a cell merged down every row) is lost from the rows after
            // the header in extracted text, so their cells stand one place to the left: weigh both readings.
            let asHeader = ColumnFitter(positions: positions).fit(cells, aligned: true)
            let shifted = ColumnFitter(positions: Array(positions.dropFirst())).fit(cells, aligned: true)
            if shifted.score > asHeader.score {
                placed = shifted.placed
                positions = Array(positions.dropFirst())
            } else {
                placed = asHeader.placed
            }
        } else {
            placed = ColumnFitter(positions: positions).fit(cells, aligned: row.isAligned).placed
        }
        var texts: [ColumnDictionary.IndicatorRole: String] = [:]
        var extra: [String] = []
        var moved: [String] = []
        for cell in placed {
            let text = cells[cell.index]
            guard let role = cell.role else { extra.append(text); continue }
            texts[role] = texts[role].map { $0 + "\n" + text } ?? text
            if row.isAligned, positions.indices.contains(cell.index), positions[cell.index] != role {
                moved.append("“\(text)”→\(Self.columnTitle(role))")
            }
        }
        if let goalText = texts[.goal], let n = Cells.goalNumber(TextRow.compact(goalText)) ?? Int(TextRow.compact(goalText)) {
            if n != goal { level1 = nil; level2 = nil }
            goal = n
        }
        if let l1 = texts[.level1] {
            let compact = TextRow.compact(l1)
            level1 = Label(text: compact, categories: CategoryLabel.classify(ColumnDictionary.withoutPoints(ColumnDictionary.fold(compact))))
            if texts[.level2] == nil { level2 = nil }
        }
        if let l2 = texts[.level2] {
            let compact = TextRow.compact(l2)
            level2 = Label(text: compact, categories: CategoryLabel.classify(ColumnDictionary.withoutPoints(ColumnDictionary.fold(compact))))
        }
        // A template's row numbering (`指标1:`) with `/` only is an unused template row. A numbering before a
        // name is kept with the name, as printed.
        if let name = texts[.name], let rest = Self.templateNumbering(name.trimmingCharacters(in: .whitespaces)),
           rest.allSatisfy({ $0 == "/" }),
           texts.filter({ ![.goal, .level1, .level2, .name].contains($0.key) }).values.allSatisfy({ TextRow.compact($0).allSatisfy { $0 == "/" } }) {
            session.use(row)
            return
        }
        guard var name = texts[.name] else {
            session.use(row)  // a row of labels only, or values without a name: said, never dropped
            let values = texts.filter { ![.goal, .level1, .level2].contains($0.key) }.map(\.value)
            if !extra.isEmpty || !values.isEmpty {
                session.report(.importRowUnreadable, ["table": "指标（找不到指标名称）", "text": row.text], row: row, form: form)
            }
            return
        }
        var isCore = texts[.core].map { ["是", "√", "★", "核心"].contains(TextRow.compact($0)) }
        if let unmarked = Self.withoutCoreMark(name) {
            name = unmarked
            isCore = true
        }
        let unit = texts[.unit].map(TextRow.compact)
        let comparison = texts[.comparison].map(TextRow.compact)
        var indicator = Indicator(
            level1Label: level1?.text, level2Label: level2?.text, level1: level1Category ?? level2Category?.level1(in: layout),
            level2: level2Category, name: name, goalNumber: goal,
            weight: texts[.weight].flatMap(Cells.score), reportedScore: texts[.score].flatMap(Cells.score),
            source: session.source(row), layout: layout)
        if let (tag, rest) = SubTaskTag.split(name) {
            indicator.subTasks = tag
            indicator.name = rest
        }
        indicator.target = Self.value(Self.composed(comparison: comparison, value: texts[.target], unit: unit))
        indicator.adjustedTarget = Self.value(Self.composed(comparison: comparison, value: texts[.adjustedTarget], unit: unit))
        indicator.actual = Self.value(Self.withUnit(texts[.actual], unit: unit))
        indicator.qualitativeNote = texts[.qualitativeNote]
        indicator.explanation = texts[.explanation]
        indicator.comparisonText = comparison
        indicator.unitText = unit
        indicator.scoreCoefficient = texts[.coefficient].flatMap(Cells.number)
        indicator.reviewScore = texts[.reviewScore].flatMap(Cells.score)
        indicator.isCore = isCore
        var reason = texts[.reason].flatMap { Self.isInstruction($0) ? nil : $0 }
        if let instruction = texts[.reason], Self.isInstruction(instruction) {
            session.report(.importTemplateText, ["what": "指标“\(indicator.name)”的偏差原因", "text": instruction], row: row, form: form,
                           indicator: indicator.name)
        }
        if !extra.isEmpty {
            reason = ([reason].compactMap { $0 } + extra).joined(separator: "\n")
            indicator.guesses.append("单元格“\(extra.joined(separator: " "))”未能对应到列，已并入偏差原因")
        }
        indicator.deviationReason = reason
        if !moved.isEmpty || !extra.isEmpty { session.placedByContent += 1 }
        if let l1 = level1?.text, ColumnDictionary.shared.isRubricLabel(l1).level1, level1?.categories.level1 == nil { session.sawRubricLabel = true }
        if !moved.isEmpty { indicator.guesses.append("该行单元格与表头错位，按内容对应：" + moved.joined(separator: "，")) }
        for guess in indicator.guesses {
            session.report(.importGuessed, ["what": "指标“\(indicator.name)”", "how": guess], row: row, form: form, indicator: indicator.name)
        }
        indicators.append(indicator)
        session.use(row)
    }

    /// A name without the ★ (or `*`) that marks a core indicator; nil when it has none.
    static func withoutCoreMark(_ name: String) -> String? {
        guard let first = name.unicodeScalars.first, first == "★" || first == "☆" || first == "*" || first == "＊" else { return nil }
        return String(name.unicodeScalars.dropFirst()).trimmingCharacters(in: .whitespaces)
    }

    static func value(_ text: String?) -> IndicatorValue? {
        text.map(IndicatorValueParser.parse)
    }

    /// 指标性质 + 指标值 + 度量单位 as one value: `≥` `500` `人次` → `≥500人次`; 正向 / 反向 become ≥ / ≤,
    /// 定性 adds nothing; a value that already carries its sign or unit is not given them twice.
    static func composed(comparison: String?, value: String?, unit: String?) -> String? {
        guard let value else { return nil }
        var text = value
        if let comparison, let sign = sign(comparison), !sign.isEmpty,
           !comparisonMarks.contains(text.unicodeScalars.first ?? " ") {
            text = sign + text
        }
        return withUnit(text, unit: unit)
    }

    /// A value with the 度量单位 column's unit appended when the value is a bare number (or a sign and a number).
    static func withUnit(_ value: String?, unit: String?) -> String? {
        guard let value else { return nil }
        guard let unit, !unit.isEmpty, !value.hasSuffix(unit) else { return value }
        // A unit that starts with a digit after a number that ends with one would make another number.
        if unit.first.map({ $0.isASCII && $0.isNumber }) == true, value.last.map({ $0.isASCII && $0.isNumber }) == true { return value }
        var digits = Substring(value)
        while let first = digits.unicodeScalars.first, comparisonMarks.contains(first) || first == "=" { digits = digits.dropFirst() }
        guard Cells.number(String(digits)) != nil else { return value }
        if unit == "%" || unit == "％", digits.hasSuffix("%") || digits.hasSuffix("％") { return value }
        return value + unit
    }

    /// The sign a 指标性质 word stands for (`正向` → `≥`); nil when the cell is no comparison.
    static func sign(_ comparison: String) -> String? {
        switch comparison {
        case "正向", "正向指标", "大于等于": return "≥"
        case "反向", "反向指标", "小于等于": return "≤"
        case "等于": return "="
        case "大于": return ">"
        case "小于": return "<"
        case "定性", "定性指标", "定量": return ""
        default: return ColumnFitter.comparisonWords.contains(comparison) ? comparison : nil
        }
    }

    /// Template instructions left in a cell (`…（200字以内）`, `请填写…`): an unfilled field, not an answer.
    static func isInstruction(_ text: String) -> Bool {
        let compact = TextRow.compact(text)
        return compact.has("字以内") || compact.has("字左右") || compact.hasBytePrefix("请填写") || compact.hasBytePrefix("填写说明")
            || compact.hasBytePrefix("（请") || compact.hasBytePrefix("(请")
    }

    static func columnTitle(_ role: ColumnDictionary.IndicatorRole) -> String {
        switch role {
        case .goal: return "绩效目标"
        case .level1: return "一级指标"
        case .level2: return "二级指标"
        case .name: return "三级指标"
        case .comparison: return "指标性质"
        case .target: return "指标值"
        case .adjustedTarget: return "调整后指标值"
        case .unit: return "度量单位"
        case .actual: return "实际完成值"
        case .qualitativeNote: return "定性值情况说明"
        case .explanation: return "指标解释"
        case .weight: return "分值"
        case .score: return "得分"
        case .coefficient: return "得分系数"
        case .reviewScore: return "复核分"
        case .reason: return "偏差原因"
        case .core: return "是否核心指标"
        }
    }
}
