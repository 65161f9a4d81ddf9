import Foundation
import JixiaoCore

/// How the cells of one indicator row line up with the columns of its table.
///
/// Text extracted from a PDF adds an empty cell where a merged cell was, or drops one, so a
/// row's cells are not at their header positions. Every way of reading the row is tried — each
/// number as the 分值, each way of dropping surplus empty cells or leaving columns empty — and
/// the most plausible one is kept: a 得分 not above its 分值 beside it, the 实际完成值 filled,
/// the 定性值情况说明 (almost always empty) empty, no bare number where text belongs.
struct RowAlignment: Sendable, Equatable {
    /// Index of the 分值 cell; nil for tables without weights.
    var weightIndex: Int?
    /// Index of the 得分 cell when it holds a number.
    var scoreIndex: Int?
    /// The text of each value column (nil when empty).
    var values: [String?]
    /// Filled cells that fit no column, in their order.
    var extra: [String]
    /// What had to be guessed, in Chinese.
    var guesses: [String]
    var plausibility: Int

    /// The best reading of `cells`, whose name is at `nameIndex`; nil when a weighted table's
    /// row has no number that can be its 分值.
    static func best(_ cells: [String], nameIndex: Int, columns: IndicatorColumns) -> RowAlignment? {
        let roles = columns.values
        guard columns.hasWeight else {
            let end = (cells.lastIndex { !$0.isEmpty } ?? nameIndex) + 1
            return assign(cells[min(nameIndex + 1, end)..<end], to: roles)
        }
        var best: RowAlignment?
        for w in stride(from: cells.count - 1, to: nameIndex, by: -1) {
            guard let weight = Cells.score(cells[w]), weight.value <= 100 else { continue }
            var alignment = assign(cells[(nameIndex + 1)..<w], to: roles)
            alignment.weightIndex = w
            let next = w + 1 < cells.count ? cells[w + 1] : ""
            if let score = Cells.score(next) {
                alignment.scoreIndex = w + 1
                alignment.plausibility += score.value <= weight.value ? 5 : 3
            } else if next.isEmpty, w + 2 < cells.count, let score = Cells.score(cells[w + 2]), score.value <= weight.value {
                alignment.scoreIndex = w + 2
                alignment.plausibility += 4
                alignment.guesses.append("分值与得分之间多出一个空单元格，得分按其后的“\(cells[w + 2])”读取")
            } else if next.isEmpty {
                alignment.plausibility += 1
            }
            if best == nil || alignment.plausibility > best!.plausibility { best = alignment }
        }
        return best
    }

    /// Assigns the cells between the name and the 分值 to the value columns.
    static func assign(_ between: ArraySlice<String>, to roles: [IndicatorColumns.Role]) -> RowAlignment {
        let cells = Array(between)
        let k = roles.count
        if cells.count == k {
            return RowAlignment(values: cells.map { $0.isEmpty ? nil : $0 }, extra: [], guesses: [],
                                plausibility: plausibility(of: cells, roles) + 2)
        }
        let empties = cells.indices.filter { cells[$0].isEmpty }
        if cells.count > k, empties.count >= cells.count - k {
            // Surplus empty cells: try every choice of which to drop.
            var best: (dropped: [Int], values: [String?], score: Int)?
            for dropped in combinations(of: empties, choose: cells.count - k) {
                let kept = cells.indices.filter { !dropped.contains($0) }.map { cells[$0] }
                let score = plausibility(of: kept, roles)
                if best == nil || score > best!.score { best = (dropped, kept.map { $0.isEmpty ? nil : $0 }, score) }
            }
            return RowAlignment(values: best!.values, extra: [], guesses: [], plausibility: best!.score + 2)
        }
        if cells.count > k {
            // More filled cells than columns: the leftmost surplus is kept as text, never dropped.
            let extra = cells.dropLast(k).filter { !$0.isEmpty }
            let kept = Array(cells.suffix(k))
            let guess = "名称后多出的单元格“\(extra.joined(separator: " "))”未能对应到列，已并入偏差原因"
            return RowAlignment(values: kept.map { $0.isEmpty ? nil : $0 }, extra: extra, guesses: [guess],
                                plausibility: plausibility(of: kept, roles) - 2 * (cells.count - k) - 3 * extra.filter(isBareNumber).count)
        }
        // Fewer cells than columns: try every choice of the columns left empty; ties keep the
        // cells right-aligned (the usual shift).
        var best: (missing: [Int], values: [String?], score: Int)?
        for missing in combinations(of: Array(0..<k), choose: k - cells.count) {
            var values: [String?] = []
            var next = cells.makeIterator()
            for slot in 0..<k { values.append(missing.contains(slot) ? nil : next.next().flatMap { $0.isEmpty ? nil : $0 }) }
            let score = plausibility(of: values.map { $0 ?? "" }, roles)
            if best == nil || score >= best!.score { best = (missing, values, score) }
        }
        let names = best!.missing.map { IndicatorTableReader.columnName(roles[$0]) }.joined(separator: "、")
        let guess = "该行少\(k - cells.count)列（合并单元格留空造成列位移），\(names)视为空"
        return RowAlignment(values: best!.values, extra: [], guesses: [guess], plausibility: best!.score - (k - cells.count))
    }

    /// How well cells fit their columns.
    static func plausibility(of cells: [String], _ roles: [IndicatorColumns.Role]) -> Int {
        var score = 0
        for (cell, role) in zip(cells, roles) {
            switch role {
            case .target, .adjustedTarget: if !cell.isEmpty { score += 1 }
            case .actual: if !cell.isEmpty { score += 2 }
            case .qualitativeNote: score += cell.isEmpty ? 1 : (isBareNumber(cell) ? -3 : 0)
            default: break
            }
        }
        return score
    }

    static func isBareNumber(_ cell: String) -> Bool { Cells.score(cell) != nil }

    /// Every choice of `n` elements of `items`, in order, the rightmost choices first.
    static func combinations(of items: [Int], choose n: Int) -> [[Int]] {
        guard n > 0 else { return [[]] }
        guard items.count >= n else { return [] }
        var result: [[Int]] = []
        for (i, item) in items.enumerated().reversed() {
            for rest in combinations(of: Array(items[..<i]), choose: n - 1) { result.append(rest + [item]) }
        }
        return result
    }
}
