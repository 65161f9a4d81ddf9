/// A field of a form, however it is written: the editor's input name (`i.4.actual`, `x_annual`) or the path of a
/// stored change in the audit trail (`indicators[4].actual.text`, `execution.annual_budget`). One table gives its
/// Chinese name, so the editor's notes, error messages, the audit trail, the conflict page and the reviewer's box
/// all say `第5条指标的实际完成值`.
struct FieldPath: Hashable, Sendable {
    /// The repeated rows of a form.
    enum RowKind: String, Sendable, CaseIterable {
        case indicators, goals, subTasks = "sub_tasks", analysis, breakdown

        var chineseName: String {
            switch self {
            case .indicators: "指标"
            case .goals: "目标"
            case .subTasks: "子项"
            case .analysis: "分析说明"
            case .breakdown: "资金行"
            }
        }
    }

    /// The row the field belongs to, when it belongs to one.
    var rowKind: RowKind?
    var rowIndex: Int?
    /// The model's keys from the form (or the row) down to the field: `["execution", "annual_budget"]`, `["actual"]`.
    var keys: [String]

    init(rowKind: RowKind? = nil, rowIndex: Int? = nil, keys: [String]) {
        self.rowKind = rowKind
        self.rowIndex = rowIndex
        self.keys = keys
    }

    /// From an editor input name; a name the table does not know keeps its own word.
    init(editorKey key: String) {
        let parts = key.split(separator: ".").map(String.init)
        if parts.count == 3, let row = Self.editorRows[parts[0]], let index = Int(parts[1]) {
            self.init(rowKind: row, rowIndex: index, keys: [Self.editorRowFields[parts[2]] ?? parts[2]])
        } else {
            self.init(keys: Self.editorFields[key] ?? [key])
        }
    }

    /// From the path of a stored change (`indicators[4].actual.text`).
    init(changePath path: String) {
        var rowKind: RowKind?, rowIndex: Int?
        var keys: [String] = []
        for part in path.split(separator: ".") {
            if let bracket = part.firstIndex(of: "["), let index = Int(part[part.index(after: bracket)...].dropLast()),
               let kind = RowKind(rawValue: String(part[..<bracket])) {
                rowKind = kind
                rowIndex = index
                keys = []
            } else if let bracket = part.firstIndex(of: "[") {
                keys.append(String(part[..<bracket]))
            } else {
                keys.append(String(part))
            }
        }
        // A value keeps its printed text under `text`: the field is the value (but an analysis text is a field).
        if keys.count > 1, keys.last == "text" { keys.removeLast() }
        self.init(rowKind: rowKind, rowIndex: rowIndex, keys: keys)
    }

    /// `第5条指标的实际完成值`, `预算执行的全年预算数（A）`, `项目名称`.
    var chineseName: String {
        // The project's fields are named in full (项目名称, 项目负责人): its block name is left out.
        let names = keys.enumerated().filter { $0.element != "project" || $0.offset == keys.count - 1 }.map { position, key -> String in
            // The last key names the field in its context (a row's `name` is its 三级指标); the others name the block.
            let context = position == 0 ? rowKind?.rawValue : keys[position - 1]
            return context.flatMap { Self.names["\($0).\(key)"] } ?? Self.names[key] ?? key
        }
        let field = names.joined(separator: "的")
        guard let rowKind, let rowIndex else { return field }
        return "第\(rowIndex + 1)条\(rowKind.chineseName)的\(field)"
    }

    // MARK: The one table

    /// Chinese names by model key, or by `context.key` where a key means something else in a block or row.
    static let names: [String: String] = [
        // Rows
        "indicators.name": "三级指标", "level1_label": "一级指标", "level2_label": "二级指标", "target": "指标值",
        "adjusted_target": "调整后指标值", "actual": "实际完成值", "qualitative_note": "定性值情况说明", "weight": "分值",
        "reported_score": "得分", "deviation_reason": "偏差原因分析及改进措施", "sub_tasks_text": "子项编号", "goal_number": "所属目标",
        "goals.target": "预期目标", "goals.actual": "实际完成情况", "sub_tasks.title": "名称", "sub_tasks.detail": "内容",
        "heading": "标题", "analysis.text": "内容", "label": "资金来源", "explanation": "指标解释",
        // Blocks
        "project": "项目", "execution": "预算执行", "funds": "项目资金",
        "project.name": "项目名称", "manager": "项目负责人", "phone": "联系电话", "nature": "项目属性", "category": "项目类别",
        "planned_start": "计划开始日期", "planned_end": "计划完成日期",
        "unit": "金额单位", "initial_budget": "年初预算数", "annual_budget": "全年预算数（A）", "executed": "全年执行数（B）",
        "reported_rate": "执行率", "execution.reported_score": "得分", "execution.weight": "分值", "execution.deviation_reason": "偏差原因",
        "total": "资金总额", "fiscal": "当年财政拨款", "carry_over": "上年结转资金", "other": "其他资金",
        "reported_total": "总分", "reported_grade": "自评等级", "overall_goal": "项目总目标", "annual_goal": "年度总体目标",
        "conclusion": "自评结论", "filled_by": "填表人", "date": "填报日期", "contact": "联系人", "layout": "指标体系", "name": "名称",
        "title": "名称", "detail": "内容", "text": "内容",
    ]

    /// The editor's rows by the prefix of their inputs (`i.4.actual`).
    static let editorRows: [String: RowKind] = ["i": .indicators, "g": .goals, "s": .subTasks, "a": .analysis, "xb": .breakdown]

    /// The editor's short names of row fields, as model keys.
    static let editorRowFields: [String: String] = [
        "level1": "level1_label", "level2": "level2_label", "adjusted": "adjusted_target", "note": "qualitative_note",
        "score": "reported_score", "reason": "deviation_reason", "tags": "sub_tasks_text", "goal": "goal_number",
        "initial": "initial_budget", "annual": "annual_budget",
    ]

    /// The editor's names of form fields, as model keys.
    static let editorFields: [String: [String]] = [
        "p_name": ["project", "name"], "p_manager": ["project", "manager"], "p_phone": ["project", "phone"],
        "p_nature": ["project", "nature"], "p_category": ["project", "category"], "p_start": ["project", "planned_start"],
        "p_end": ["project", "planned_end"],
        "x_unit": ["execution", "unit"], "x_initial": ["execution", "initial_budget"], "x_annual": ["execution", "annual_budget"],
        "x_executed": ["execution", "executed"], "x_weight": ["execution", "weight"], "x_rate": ["execution", "reported_rate"],
        "x_score": ["execution", "reported_score"], "x_reason": ["execution", "deviation_reason"],
        "f_total": ["funds", "total"], "f_fiscal": ["funds", "fiscal"], "f_carry": ["funds", "carry_over"], "f_other": ["funds", "other"],
        "total": ["reported_total"], "grade": ["reported_grade"],
    ]
}
