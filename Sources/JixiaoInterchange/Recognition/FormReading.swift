import Foundation
import JixiaoCore

/// What the reader recognised in one form: its layout family, the text shape of the file, and how each
/// column was found — shown in the import summary and on the upload confirmation page.
public struct FormReading: Sendable, Hashable, Codable {
    /// The layout families of ../shared/docs/layouts.md §2.
    public enum Family: String, Sendable, Hashable, Codable, CaseIterable {
        case national, jincheng, splitValue = "split_value", hubei, rubric, coefficient, declaration, department, unknown

        public var chineseName: String {
            switch self {
            case .national: return "全国标准格式"
            case .jincheng: return "年初／调整后指标值格式（山西晋城等）"
            case .splitValue: return "指标性质＋指标值＋度量单位格式（四川、云南等）"
            case .hubei: return "无分值列、预算执行单列计分格式（湖北等）"
            case .rubric: return "评价指标体系格式（决策／过程／产出／效益）"
            case .coefficient: return "得分系数格式（重庆部门整体等）"
            case .declaration: return "绩效目标申报表"
            case .department: return "部门整体支出绩效自评表"
            case .unknown: return "未识别的格式"
            }
        }
    }

    /// How a column was found.
    public enum How: String, Sendable, Hashable, Codable {
        /// The header cell names it (the column dictionary).
        case byName = "by_name"
        /// The header cell is not in the dictionary; its cells were kept with the reason text.
        case unknown

        public var chineseName: String {
            switch self {
            case .byName: return "按表头名称"
            case .unknown: return "未识别，内容并入偏差原因"
            }
        }
    }

    /// One header cell and the column it was read as.
    public struct Column: Sendable, Hashable, Codable {
        /// The header cell as printed.
        public var header: String
        /// The canonical column in Chinese (`实际完成值`), nil when none.
        public var column: String?
        public var how: How

        public init(header: String, column: String?, how: How) {
            self.header = header
            self.column = column
            self.how = how
        }
    }

    public var family: Family
    /// The shape of the text (`制表符分隔`, `每行一格` …), for text files.
    public var shape: String?
    /// The columns of the indicator table, in the header's order.
    public var columns: [Column]
    /// Indicator rows read whose cells did not stand under their headers (placed by content).
    public var placedByContent: Int
    /// The part of an office file, web page or PDF the form starts in (`工作表“指标”`, `表格2`, `第3页`).
    public var place: String?

    public init(family: Family, shape: String? = nil, columns: [Column] = [], placedByContent: Int = 0) {
        self.family = family
        self.shape = shape
        self.columns = columns
        self.placedByContent = placedByContent
    }

    /// One line for people: `指标性质＋指标值＋度量单位格式；每行一格；列按表头名称识别 10/10`.
    public var summary: String {
        let named = columns.filter { $0.how == .byName }.count
        var parts = [family.chineseName]
        if let shape { parts.append(shape) }
        if let place { parts.append("始于" + place) }
        if !columns.isEmpty { parts.append("指标表 \(columns.count) 列中 \(named) 列按表头名称识别") }
        if placedByContent > 0 { parts.append("\(placedByContent) 行按内容对应到列") }
        return parts.joined(separator: "；")
    }

    /// The columns in words: `完成值→实际完成值，权重→分值`.
    public var columnText: String {
        columns.map { column in
            column.column.map { column.header == $0 ? $0 : "\(column.header)→\($0)" } ?? "\(column.header)（\(column.how.chineseName)）"
        }.joined(separator: "，")
    }
}

extension FormReading {
    /// What a form's session saw: the family from the form's kind, its table's columns and labels.
    init(kind: FormKind, session: ImportSession, shape: String?) {
        var columns: [Column] = []
        var family: Family = kind == .targetDeclaration ? .declaration : .unknown
        if let (row, table) = session.indicatorHeader {
            let named = table.positions ?? table.namedPositions
            for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
                let role = named.flatMap { index < $0.count ? $0[index] : nil }
                columns.append(Column(header: Cells.unwrapped(cell), column: role.map(IndicatorTableReader.columnTitle), how: role == nil ? .unknown : .byName))
            }
            let roles = Set((named ?? []).compactMap { $0 })
            if kind == .targetDeclaration {
                family = .declaration
            } else if roles.contains(.coefficient) {
                family = .coefficient
            } else if session.sawRubricLabel || row.compactFilled.contains(where: { $0.has("参考分值") }) {
                family = .rubric
            } else if roles.contains(.comparison) || roles.contains(.unit) {
                family = .splitValue
            } else if roles.contains(.score) && !roles.contains(.weight) {
                family = .hubei
            } else if kind == .departmentEvaluation {
                family = .department
            } else if roles.contains(.adjustedTarget) {
                family = .jincheng
            } else {
                family = .national
            }
        }
        self.init(family: family, shape: shape, columns: columns, placedByContent: session.placedByContent)
    }
}
