import Foundation

extension IndicatorScore {
    /// One line of Chinese a reviewer can read, with the numbers: `反向指标未达成：70 ÷ 80 × 10 = 8.75`.
    public var explanation: String {
        let w = weight?.plainText ?? "—"
        let s = suggested?.plainText ?? "—"
        let a = terms.actual?.plainText ?? terms.actualText ?? "—"
        let t = terms.target?.plainText ?? terms.targetText ?? "—"
        let u = terms.unit.map { "（\($0)）" } ?? ""
        let quotedA = "“\(terms.actualText ?? "")”"
        let quotedT = "“\(terms.targetText ?? "")”"
        switch rule {
        case .positiveMet:
            return "正向指标已达成：实际 \(a) ≥ 目标 \(t)\(u)，得满分 \(s)"
        case .positivePartial:
            return "正向指标未达成：\(a) ÷ \(t) × \(w) = \(s)"
        case .reverseMet:
            return "反向指标已达成：实际 \(a) ≤ 目标 \(t)\(u)，得满分 \(s)"
        case .reversePartial:
            if terms.target == 0 || terms.actual == 0 { return "反向指标未达成：目标 \(t)，实际 \(a)\(u)，得 0 分" }
            return "反向指标未达成：\(t) ÷ \(a) × \(w) = \(s)"
        case .reverseLinear:
            return "反向指标未达成（线性）：\(w) × (1 − (\(a) − \(t)) ÷ \(t)) = \(s)"
        case .equalityMet:
            return "等值指标已达成：实际 \(a) = 目标 \(t)\(u)，得满分 \(s)"
        case .equalityZero:
            return (terms.actual ?? 0) <= 0 ? "目标为 0：实际 \(a) ≤ 0，得满分 \(s)" : "目标为 0：实际 \(a) > 0，得 0 分"
        case .equalityDeviation:
            return "等值指标偏离目标：\(w) × (1 − |\(a) − \(t)| ÷ \(t)) = \(s)"
        case .overAchievementFull:
            let ratio = ((terms.deviation ?? 0) + 1).percentText(places: 1)
            return "超额完成：实际 \(a) 为目标 \(t) 的\(ratio)\(u)，得满分 \(s)，需说明超额原因"
        case .overAchievementDeducted:
            let d = (terms.deviation ?? 0).percentText(places: 2)
            let floor = terms.floor?.plainText ?? "0"
            return "超额完成扣分：实际 \(a) 超出目标 \(t) 的\(d)\(u)，\(w) × max(\(floor), 1 − \(d)) = \(s)"
        case .timeOnTime:
            return "按期完成：实际\(quotedA)不晚于期限\(quotedT)，得满分 \(s)"
        case .timeLate:
            return "逾期完成：实际\(quotedA)晚于期限\(quotedT)，按“\(terms.bandLabel ?? "")”档 \(rangeText) 评分，建议 \(s)"
        case .qualitativeAchieved, .qualitativePartial, .qualitativeFailed:
            return "\(direction == .time ? "时效指标" : "定性指标")：实际\(quotedA)属“\(terms.bandLabel ?? "")”档 \(rangeText)，建议 \(s)"
        case .qualitativeJudged:
            return "\(direction == .time ? "时效指标" : "定性指标")：实际\(quotedA)需评价人判断，得分应在 \(rangeText) 内"
        case .notApplicable:
            return "不适用：不计分，总分按适用指标的分值折算"
        case .missingWeight:
            return "缺少分值，无法计分"
        case .missingTarget:
            return "指标值未填写，无法按公式计分，得分应在 \(rangeText) 内"
        case .missingActual:
            return "缺少实际完成值，无法计分"
        case .unitMismatch:
            return "目标与实际的单位不可比，需评价人打分，得分应在 \(rangeText) 内"
        case .executionRate, .executionNotApplicable, .executionMissing:
            return rule.chineseName
        }
    }

}
