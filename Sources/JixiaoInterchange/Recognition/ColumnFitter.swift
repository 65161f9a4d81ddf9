import Foundation
import JixiaoCore

/// Puts the cells of one indicator row into the columns of its header by meaning.
///
/// Every order-keeping assignment of the filled cells to the header's columns is weighed (dynamic
/// programming over cells × columns): how well each cell's shape fits its column (a weight is a small
/// number, a 指标性质 is a comparison sign or 正向 / 反向 / 定性, a 度量单位 is a unit word), and a bonus
/// when the cell stands at its header position. Columns may stay empty (merged cells printed once,
/// empty cells dropped by extraction); a cell that fits nowhere is kept as extra text, never dropped.
struct ColumnFitter {
    typealias Role = ColumnDictionary.IndicatorRole

    /// The columns of the header, in order, with their positions in the header row.
    let columns: [(position: Int, role: Role)]

    init(positions: [Role?]) {
        columns = positions.enumerated().compactMap { index, role in role.map { (index, $0) } }
    }

    /// One cell as placed.
    struct Placed: Sendable, Equatable {
        var role: Role?
        /// Index in the row's cells.
        var index: Int
    }

    /// The best placement of the filled cells of `cells`; `aligned` gives the position bonus (cells that
    /// came with their real positions: tab-separated, pipe rows, office files).
    func fit(_ cells: [String], aligned: Bool) -> (placed: [Placed], score: Int) {
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        return fit(filled.map { cells[$0] }, indices: filled, aligned: aligned)
    }

    static let impossible = Int.min / 4

    /// The best placement of `texts` (filled cells, in order, at `indices` of their row).
    func fit(_ texts: [String], indices: [Int], aligned: Bool) -> (placed: [Placed], score: Int) {
        fit(shapes: texts.map(CellShape.init)[...], indices: indices, aligned: aligned)
    }

    /// The best placement of cells whose shapes were worked out already (a stream's cells are weighed in many rows).
    func fit(shapes: ArraySlice<CellShape>, indices: [Int], aligned: Bool) -> (placed: [Placed], score: Int) {
        let n = shapes.count, m = columns.count
        let base = shapes.startIndex
        // best[i][j]: the best score with the first i cells placed in (or dropped before) the first j columns.
        var best = [[Int]](repeating: [Int](repeating: Self.impossible, count: m + 1), count: n + 1)
        var step = [[UInt8]](repeating: [UInt8](repeating: 0, count: m + 1), count: n + 1)  // 1 skip column, 2 place, 3 extra cell
        best[0][0] = 0
        for i in 0...n {
            for j in 0...m {
                let here = best[i][j]
                guard here > Self.impossible else { continue }
                if j < m {
                    let skipped = here + Self.skipCost(columns[j].role)
                    if skipped > best[i][j + 1] { best[i][j + 1] = skipped; step[i][j + 1] = 1 }
                }
                if i < n, j < m {
                    let f = Self.fit(shapes[base + i], columns[j].role)
                    if f > Self.impossible {
                        var placed = here + f
                        if aligned, indices[i] == columns[j].position { placed += 3 }
                        if placed > best[i + 1][j + 1] { best[i + 1][j + 1] = placed; step[i + 1][j + 1] = 2 }
                    }
                }
                if i < n {
                    // A cell no column takes: kept as extra text, at a cost.
                    let extra = here - 6
                    if extra > best[i + 1][j] { best[i + 1][j] = extra; step[i + 1][j] = 3 }
                }
            }
        }
        var placed: [Placed] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            switch step[i][j] {
            case 1: j -= 1
            case 2: placed.append(Placed(role: columns[j - 1].role, index: indices[i - 1])); i -= 1; j -= 1
            case 3: placed.append(Placed(role: nil, index: indices[i - 1])); i -= 1
            default: i = 0; j = 0
            }
        }
        return (placed.reversed(), best[n][m])
    }

    /// What leaving a column empty costs: a row without a name is no row; weights and scores are usually there.
    static func skipCost(_ role: Role) -> Int {
        switch role {
        case .name: return -12
        case .target: return -1
        case .weight: return -2
        case .score: return -1
        default: return 0
        }
    }

    /// How well a cell fits a column; `impossible` when it cannot be that column.
    static func fit(_ cell: CellShape, _ role: Role) -> Int {
        switch role {
        case .goal:
            return cell.goalNumber ? 4 : (cell.isLabel ? 0 : impossible)
        case .level1, .level2:
            if cell.isCategory { return 4 }
            return cell.isLabel ? 0 : impossible
        case .name:
            if cell.isNumber || cell.isComparisonOnly || cell.isUnit { return -4 }
            return cell.looksLikeValue ? -3 : 2
        case .comparison:
            return cell.isComparisonOnly ? 5 : impossible
        case .unit:
            return cell.isUnit ? 4 : (cell.isShortWord ? 0 : impossible)
        case .target, .adjustedTarget:
            if cell.isComparisonOnly || cell.isCategory { return impossible }
            return cell.looksLikeValue || cell.isNumber ? 3 : 1
        case .actual:
            if cell.isComparisonOnly || cell.isCategory { return impossible }
            return cell.looksLikeValue || cell.isNumber ? 3 : 1
        case .qualitativeNote:
            return cell.isNumber ? impossible : 0
        case .weight:
            return cell.isSmallNumber ? 4 : impossible
        case .score, .reviewScore:
            return cell.isScoreNumber ? 4 : impossible
        case .coefficient:
            return cell.isNumber ? 3 : impossible
        case .reason, .explanation:
            return cell.isNumber ? -2 : 1
        case .core:
            return cell.isCoreMark ? 5 : impossible
        }
    }

    /// What the fit of a cell depends on, worked out once.
    struct CellShape {
        var isNumber = false
        var isSmallNumber = false
        var isScoreNumber = false
        var looksLikeValue = false
        var isComparisonOnly = false
        var isUnit = false
        var isCategory = false
        var isLabel = false
        var goalNumber = false
        var isCoreMark = false
        /// A few characters of text that could be a unit nobody listed (`元/生·年`, `/10万`).
        var isShortWord = false

        /// A number with its unit and nothing else (`1.5亩`, `29.5万元`, `3个`): a value, not a name.
        static func isNumberWithUnit(_ compact: String) -> Bool {
            guard compact.utf8.count <= 30, let first = compact.utf8.first, (0x30...0x39).contains(first) else { return false }
            let rest = compact.drop { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !rest.isEmpty, rest.count <= 4, !rest.contains(where: { $0.isASCII && $0.isNumber }) else { return false }
            return UnitCatalogue.unit(for: String(rest)) != nil
        }

        init(_ text: String) {
            let compact = TextRow.compact(text)
            let number = Cells.number(compact)
            isNumber = number != nil
            if let number, !number.isPercent {
                isScoreNumber = number.value >= 0 && number.value <= 1000
                isSmallNumber = number.value >= 0 && number.value <= 100
            }
            looksLikeValue = IndicatorTableReader.looksLikeValue(compact, isNumber: isNumber) || Self.isNumberWithUnit(compact)
            // Sizes on bytes: a Chinese character is three.
            let bytes = compact.utf8.count
            isComparisonOnly = bytes <= 12 && ColumnFitter.comparisonWords.contains(compact)
            isUnit = !isNumber && bytes <= 18 && UnitCatalogue.unit(for: compact) != nil
            if bytes <= 48, !isNumber {
                let categories = CategoryLabel.classify(ColumnDictionary.withoutPoints(ColumnDictionary.fold(compact)))
                let rubric = ColumnDictionary.shared.isRubricLabel(compact)
                isCategory = categories.level1 != nil || categories.level2 != nil || rubric.level1 || rubric.level2
            }
            isLabel = !isNumber && !looksLikeValue && bytes <= 42
            goalNumber = bytes <= 15 && Cells.goalNumber(compact) != nil
            isCoreMark = bytes <= 9 && ["是", "否", "√", "★", "核心", "非核心"].contains(compact)
            isShortWord = !isNumber && !isComparisonOnly && bytes <= 24
        }
    }

    /// What a 指标性质 cell holds.
    static let comparisonWords: Set<String> = [
        "≥", "≤", "=", ">", "<", "≧", "≦", "═", "﹦", "＝", "＞", "＜", ">=", "<=", "≠",
        "正向", "反向", "定性", "定量", "正向指标", "反向指标", "定性指标", "大于等于", "小于等于", "等于", "大于", "小于",
    ]
}
