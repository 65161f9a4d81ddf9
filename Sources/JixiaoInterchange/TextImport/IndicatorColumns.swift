import Foundation

/// The columns of an indicator table, read from its header row.
struct IndicatorColumns: Sendable, Equatable {
    enum Role: Sendable, Equatable {
        case target, adjustedTarget, actual, qualitativeNote, weight, score, reason
    }

    /// The value columns between the 三级 name and 分值 (or the end of the row).
    var values: [Role]
    /// True when the table has 分值 / 得分 columns (self-evaluations).
    var hasWeight: Bool

    /// Reads a header row (`一级指标 二级指标 三级指标 年初指标值 … 分值 得分`); nil when the row is not one.
    init?(header row: TextRow) {
        // Every header names its 一级 / 二级 / 三级 columns: skip rows without a 级 cheaply.
        guard row.cells.contains(where: { $0.has("级") }) else { return nil }
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
        self.values = values
        // A table with 实际完成值 is scored even when its header was cut before 分值.
        self.hasWeight = hasWeight || values.contains(.actual)
    }

    init(values: [Role], hasWeight: Bool) {
        self.values = values
        self.hasWeight = hasWeight
    }
}
