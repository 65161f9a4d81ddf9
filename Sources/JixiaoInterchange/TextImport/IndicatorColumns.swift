import Foundation
import JixiaoCore

/// The columns of an indicator table, read from its header row.
///
/// Two readings exist. The seed layouts (一级 / 二级 / 三级 / value columns / 分值 / 得分) are read by
/// `values` and `hasWeight`, and their rows are aligned by `RowAlignment`, which copes with the
/// shifted cells of PDF extraction. Every other header the column dictionary recognises (separate
/// 指标性质 and 度量单位 columns, 得分系数, 复核分, a 得分 without 分值 …) carries `positions`, the
/// canonical column of each header cell, and its rows are read by `ColumnFitter`.
struct IndicatorColumns: Sendable, Equatable {
    typealias Role = ColumnDictionary.IndicatorRole

    /// The value columns between the 三级 name and 分值 (or the end of the row), for the seed layouts.
    var values: [Role]
    /// True when the table has 分值 / 得分 columns (self-evaluations).
    var hasWeight: Bool
    /// The canonical column of each header cell (nil for cells no column is named by), when the table is
    /// read by the dictionary rather than by the seed layouts' alignment.
    var positions: [Role?]?
    /// The dictionary's reading of the header even for the seed layouts: rows whose cells are not at their
    /// positions (space-separated text) are read by it.
    var namedPositions: [Role?]?

    /// Reads a header row; nil when the row is not one.
    init?(header row: TextRow) {
        guard row.filled.count >= 3, Self.namesALevelOrName(row) else { return nil }
        let general = Self.positions(row)
        if let general, !Self.isSeedLayout(general) {
            self.init(general: general)
            return
        }
        if var seed = Self.seedLayout(row) {
            seed.namedPositions = general
            self = seed
            return
        }
        guard let general else { return nil }
        self.init(general: general)
    }

    init(values: [Role], hasWeight: Bool) {
        self.values = values
        self.hasWeight = hasWeight
        positions = nil
        namedPositions = nil
    }

    private init(general positions: [Role?]) {
        let roles = positions.compactMap { $0 }
        values = roles.filter { [.target, .adjustedTarget, .actual, .qualitativeNote].contains($0) }
        hasWeight = roles.contains(.weight)
        self.positions = positions
        namedPositions = positions
    }

    /// The header of the seed layouts, read as before the column dictionary existed.
    private static func seedLayout(_ row: TextRow) -> IndicatorColumns? {
        let labels = row.compactFilled
        guard labels.contains("三级指标") || (labels.contains("一级指标") && labels.contains("二级指标")) else { return nil }
        var values: [Role] = []
        var hasWeight = false
        for label in labels {
            if label.hasBytePrefix("一级") || label.hasBytePrefix("二级") || label.hasBytePrefix("三级") { continue }
            if label.has("调整后") { values.append(.adjustedTarget) }
            else if label.has("指标值") { values.append(.target) }
            else if label.has("实际") { values.append(.actual) }
            else if label.has("定性") { values.append(.qualitativeNote) }
            else if label == "分值" || label == "权重" { hasWeight = true; break }
        }
        guard !values.isEmpty else { return nil }
        // A table with 实际完成值 is scored even when its header was cut before 分值.
        return IndicatorColumns(values: values, hasWeight: hasWeight || values.contains(.actual))
    }

    /// The columns the seed layouts have: anything else (a separate 指标性质, 度量单位, 得分系数, 复核分,
    /// 是否核心指标, a 得分 without a 分值, a weight not called 分值) is read by the dictionary.
    private static func isSeedLayout(_ positions: [Role?]) -> Bool {
        let roles = Set(positions.compactMap { $0 })
        let seed: Set<Role> = [.goal, .level1, .level2, .name, .target, .adjustedTarget, .actual, .qualitativeNote, .weight, .score, .reason]
        // A 实际完成值 without 分值 (a self-evaluation that scores nothing per row) is no seed layout either.
        return roles.isSubset(of: seed) && (!roles.contains(.score) || roles.contains(.weight)) && (!roles.contains(.actual) || roles.contains(.weight))
    }

    /// True when one of the row's first cells is exactly the name of a level or indicator-name column: every
    /// header has one, and the test costs a few hash lookups, so every row of a file can be asked.
    static func namesALevelOrName(_ row: TextRow) -> Bool {
        let exact = ColumnDictionary.shared.indicatorExact
        return row.compactFilled.prefix(4).contains { cell in
            // The first character decides most cells without hashing the whole text.
            guard cell.utf8.count <= 30, let first = cell.unicodeScalars.first, ColumnDictionary.shared.headerStarts.contains(first.value),
                  let role = exact[ExactText(cell)] else { return false }
            return role == .name || role == .level1 || role == .level2
        }
    }

    /// The canonical column of each cell of a header row, when the row is one: a name column, a value or
    /// score column, and most of its cells named by the dictionary.
    static func positions(_ row: TextRow) -> [Role?]? {
        let dictionary = ColumnDictionary.shared
        guard namesALevelOrName(row) else { return nil }
        var positions = [Role?](repeating: nil, count: row.cells.count)
        var seen = Set<Role>()
        var matched = 0
        for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
            guard let role = dictionary.indicatorRole(cell) else { continue }
            if seen.contains(role) {
                // `绩效指标` as a block label before the levels, then `三级指标`: the later name is the column.
                guard role == .name, let earlier = positions.firstIndex(of: .name) else { continue }
                positions[earlier] = nil
                matched -= 1
            }
            // A block label (`绩效指标`) left of the levels names no column.
            if role == .name, row.cells[(index + 1)...].contains(where: { dictionary.indicatorRole($0) == .level1 }) { continue }
            positions[index] = role
            seen.insert(role)
            matched += 1
        }
        guard seen.contains(.name) || seen.contains(.level2) && seen.contains(.level1),
              seen.contains(.target) || seen.contains(.actual) || seen.contains(.score) || seen.contains(.weight),
              matched >= 3, matched * 10 >= row.filled.count * 6 else { return nil }
        return positions
    }
}
