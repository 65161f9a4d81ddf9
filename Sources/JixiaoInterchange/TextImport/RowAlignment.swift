import Foundation
import JixiaoCore

/// How the cells of one indicator row line up with the columns of its table.
///
/// Text extracted from a PDF adds an empty cell where a merged cell was, or drops one, so a
/// row's cells are not at their header positions. Every way of reading the row is tried — each
/// number as the 分值, each way of dropping surplus empty cells or leaving columns empty — and
/// the most plausible one is kept: a 得分 not above its 分值 beside it, the 实际完成值 filled,
/// the 定性值情况说明 (almost always empty) empty, no bare number where text belongs.
struct RowAlignment: Sendable {
    /// Index of the 分值 cell; nil for tables without weights.
    var weightIndex: Int?
    /// Index of the 得分 cell when it holds a number.
    var scoreIndex: Int?
    /// The text of each value column (nil when empty).
    var values: [String?]
    /// The value of each value column when reading the row already parsed it.
    var parsed: [IndicatorValue?]
    /// Filled cells that fit no column, in their order.
    var extra: [String]
    /// Guesses that decide a figure the checks use (the 实际完成值, text moved to the reason), in Chinese.
    var guesses: [String]
    /// Placements worth reporting that do not change what is checked.
    var notes: [String] = []

    /// The best reading of `cells`, whose name is at `nameIndex`; nil when a weighted table's
    /// row has no number that can be its 分值.
    static func best(_ cells: [String], nameIndex: Int, columns: IndicatorColumns) -> RowAlignment? {
        let roles = columns.values
        // Each cell read as a number once; only cells that can sit between the name and a 分值
        // need their shape (not the long reason text).
        let printed = cells.map(Cells.number)
        let numbers = printed.map { $0?.isPercent == false ? $0 : nil }
        let lastNumber = columns.hasWeight ? (numbers.lastIndex { $0 != nil } ?? nameIndex) : cells.count
        var shapes = [CellShape](repeating: .empty, count: cells.count)
        var parsed = [IndicatorValue?](repeating: nil, count: cells.count)
        for index in cells.indices where index > nameIndex && index < lastNumber {
            (shapes[index], parsed[index]) = CellShape.read(cells[index], isBareNumber: numbers[index] != nil, isNumber: printed[index] != nil)
        }
        guard columns.hasWeight else {
            let end = (cells.lastIndex { !$0.isEmpty } ?? nameIndex) + 1
            let range = min(nameIndex + 1, end)..<end
            return describe(place(cells, shapes, range, roles, keep: true), cells, parsed, range, roles)
        }
        // Every candidate 分值 is scored without building any text or array; the winner is described.
        var best: (weight: Int, score: Int?, scoreAfterGap: Bool, plausibility: Int)?
        for w in stride(from: cells.count - 1, to: nameIndex, by: -1) {
            guard let weight = numbers[w], weight.isAtMost(Self.hundred) else { continue }
            let placement = place(cells, shapes, (nameIndex + 1)..<w, roles, keep: false)
            var plausibility = placement.score
            var scoreIndex: Int?
            var scoreAfterGap = false
            let nextIsEmpty = w + 1 >= cells.count || cells[w + 1].isEmpty
            if w + 1 < cells.count, let score = numbers[w + 1] {
                scoreIndex = w + 1
                plausibility += score.isAtMost(weight) ? 5 : 3
            } else if nextIsEmpty, w + 2 < cells.count, let score = numbers[w + 2], score.isAtMost(weight) {
                scoreIndex = w + 2
                scoreAfterGap = true
                plausibility += 4
            } else if nextIsEmpty {
                plausibility += 1
            }
            if best == nil || plausibility > best!.plausibility {
                best = (w, scoreIndex, scoreAfterGap, plausibility)
            }
        }
        guard let best else { return nil }
        let range = (nameIndex + 1)..<best.weight
        var alignment = describe(place(cells, shapes, range, roles, keep: true), cells, parsed, range, roles)
        alignment.weightIndex = best.weight
        alignment.scoreIndex = best.score
        if best.scoreAfterGap, let score = best.score {
            alignment.notes.append("分值与得分之间多出一个空单元格，得分按其后的“\(cells[score])”读取")
        }
        return alignment
    }

    static let hundred = PrintedNumber(100)

    /// Where the filled cells between the name and the 分值 go: `slots[n]` is the value column of
    /// `filled[n]`; with more filled cells than columns, the leftmost `surplus` cells have none.
    struct Placement {
        var filled: [Int]
        var slots: [Int]
        var surplus: Int
        var score: Int
    }

    /// Places the filled cells of `range` in the value columns: every order-keeping placement is
    /// tried, scored by how well each cell fits its column and whether it sits where the row's
    /// left or right edge puts it; the first of equally good placements wins. Works in stack
    /// memory; with `keep` false only the score is returned (the arrays stay empty).
    static func place(_ cells: [String], _ shapes: [CellShape], _ range: Range<Int>, _ roles: [IndicatorColumns.Role],
                      keep: Bool) -> Placement {
        let k = roles.count
        let width = range.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width + 2 * k) { ints in
            withUnsafeTemporaryAllocation(of: CellShape.self, capacity: k) { placed in
                ints.initialize(repeating: 0)
                placed.initialize(repeating: .empty)
                var n = 0
                for index in range where !cells[index].isEmpty {
                    ints[n] = index
                    n += 1
                }
                let filled = UnsafeMutableBufferPointer(rebasing: ints[0..<n])
                if n > k {
                    // More filled cells than columns: the leftmost surplus is kept as text, never dropped.
                    let surplus = n - k
                    for slot in 0..<k { placed[slot] = shapes[filled[surplus + slot]] }
                    var bareSurplus = 0
                    for r in 0..<surplus where shapes[filled[r]].isBareNumber { bareSurplus += 1 }
                    return Placement(filled: keep ? Array(filled) : [], slots: keep ? Array(0..<k) : [], surplus: surplus,
                                     score: fit(placed, roles) - 2 * surplus - 3 * bareSurplus)
                }
                // Combinations of n of the k columns in lexicographic order (the leftmost choices first).
                let slots = UnsafeMutableBufferPointer(rebasing: ints[width..<(width + n)])
                let bestSlots = UnsafeMutableBufferPointer(rebasing: ints[(width + k)..<(width + k + n)])
                for r in 0..<n { slots[r] = r }
                let shift = width - k
                var bestScore = Int.min
                while true {
                    for slot in 0..<k { placed[slot] = .empty }
                    var score = 0
                    for r in 0..<n {
                        let index = filled[r], slot = slots[r]
                        placed[slot] = shapes[index]
                        let position = index - range.lowerBound
                        if slot == position || slot == position - shift { score += 2 }
                    }
                    score += fit(placed, roles)
                    if score > bestScore {
                        bestScore = score
                        for r in 0..<n { bestSlots[r] = slots[r] }
                    }
                    // Next combination: the rightmost slot that can move right moves, the ones after it follow.
                    var m = n - 1
                    while m >= 0, slots[m] == k - n + m { m -= 1 }
                    if m < 0 { break }
                    slots[m] += 1
                    for r in (m + 1)..<n { slots[r] = slots[r - 1] + 1 }
                }
                return Placement(filled: keep ? Array(filled) : [], slots: keep ? Array(bestSlots) : [], surplus: 0, score: bestScore)
            }
        }
    }

    /// The reading a placement gives, with the guesses and notes that explain it in Chinese.
    static func describe(_ placement: Placement, _ cells: [String], _ parsedCells: [IndicatorValue?], _ range: Range<Int>,
                         _ roles: [IndicatorColumns.Role]) -> RowAlignment {
        let k = roles.count
        if placement.surplus > 0 {
            let extra = placement.filled.prefix(placement.surplus).map { cells[$0] }
            let kept: [String?] = placement.filled.suffix(k).map { cells[$0] }
            let guess = "名称后多出的单元格“\(extra.joined(separator: " "))”未能对应到列，已并入偏差原因"
            return RowAlignment(values: kept, parsed: placement.filled.suffix(k).map { parsedCells[$0] },
                                extra: extra, guesses: [guess])
        }
        let pairs = zip(placement.slots, placement.filled.map { $0 - range.lowerBound })
        var values = [String?](repeating: nil, count: k)
        var parsed = [IndicatorValue?](repeating: nil, count: k)
        for (slot, position) in pairs {
            values[slot] = cells[range.lowerBound + position]
            parsed[slot] = parsedCells[range.lowerBound + position]
        }
        var guesses: [String] = []
        var notes: [String] = []
        let actualSlot = roles.firstIndex(of: .actual)
        if range.count < k {
            let empty = (0..<k).filter { values[$0] == nil }.map { IndicatorTableReader.columnName(roles[$0]) }.joined(separator: "、")
            let note = "该行只有\(range.count)个值单元格，表头有\(k)列，无法确定哪一列空缺；按内容读取，\(empty)为空"
            if let actualSlot, values[actualSlot] == nil { guesses.append(note) } else { notes.append(note) }
        } else if !pairs.allSatisfy({ $0 == $1 }) {
            let placed = pairs.map { "“\(cells[range.lowerBound + $1])”→\(IndicatorTableReader.columnName(roles[$0]))" }.joined(separator: "，")
            let note = "该行单元格与表头错位（合并单元格留空或多出空格），按内容对应：\(placed)"
            let actualGuessed = pairs.contains { slot, position in
                slot == actualSlot && slot != position && !RowAlignment.isAchievementWording(cells[range.lowerBound + position])
            }
            if actualGuessed { guesses.append(note) } else { notes.append(note) }
        }
        return RowAlignment(values: values, parsed: parsed, extra: [], guesses: guesses, notes: notes)
    }

    /// How well cells fit their columns: 实际完成值 filled (with the template's 达成预期指标
    /// wording there and nowhere else), 定性值情况说明 empty and never a value, an unfilled
    /// template (`≥%`) only as the 年初指标值, no unitless number as the actual of a target with a unit.
    static func fit<Shapes: Collection<CellShape>>(_ cells: Shapes, _ roles: [IndicatorColumns.Role]) -> Int {
        var score = 0
        let hasAdjusted = roles.contains(.adjustedTarget)
        let targetWithUnit = zip(cells, roles).contains { cell, role in
            (role == .target || role == .adjustedTarget) && !cell.isEmpty && !cell.isBareNumber
        }
        for (cell, role) in zip(cells, roles) where !cell.isEmpty || role == .qualitativeNote {
            switch role {
            case .target:
                score += cell.isAchievement ? -3 : 1
            case .adjustedTarget:
                score += cell.isAchievement ? -3 : (cell.isTemplate ? -1 : 1)
            case .actual:
                if cell.isAchievement { score += 4 }
                else if cell.isTemplate && hasAdjusted { score -= 1 }
                else if cell.isBareNumber && targetWithUnit { score -= 1 }
                else { score += 2 }
            case .qualitativeNote:
                score += cell.isEmpty ? 1 : (cell.looksLikeValue ? -3 : 0)
            default: break
            }
        }
        return score
    }

    /// What the fit of a cell depends on, worked out once per cell.
    struct CellShape: Sendable, Equatable {
        var isEmpty = true
        var isAchievement = false
        var isTemplate = false
        var isBareNumber = false
        var looksLikeValue = false

        static let empty = CellShape()

        /// The shape of a filled cell, and the cell read as a value when deciding `isTemplate`
        /// needed it (kept for the indicator, so it is not parsed twice).
        static func read(_ cell: String, isBareNumber: Bool, isNumber: Bool) -> (CellShape, IndicatorValue?) {
            var shape = CellShape()
            guard !cell.isEmpty else { return (shape, nil) }
            shape.isEmpty = false
            shape.isAchievement = RowAlignment.isAchievementWording(cell)
            shape.isBareNumber = isBareNumber
            shape.looksLikeValue = IndicatorTableReader.looksLikeValue(cell, isNumber: isNumber)
            // Templates are short (`≥%`, `=元/台`, `立方米`); longer text is never one.
            guard !isBareNumber, !shape.isAchievement, cell.utf8.count <= 24 else { return (shape, nil) }
            let value = IndicatorValueParser.parse(cell)
            shape.isTemplate = value.kind == .unfilledTemplate
            return (shape, value)
        }
    }

    /// The actual-value wording of the self-evaluation template (`达成预期指标`,
    /// `部分达成预期指标并具有一定效果`, `未达成预期指标且效果较差`), also when cut off.
    static func isAchievementWording(_ cell: String) -> Bool {
        cell.has("预期指") || cell.has("指标并具") || cell.has("指标且") || cell.hasBytePrefix("达成") || cell.hasBytePrefix("如期")
    }
}
