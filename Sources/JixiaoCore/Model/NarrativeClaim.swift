import Foundation

/// A figure that a narrative sentence states, in structured form, so that checks can verify it:
/// `收入总计47,549.83万元 … 增加17,356.89万元，增长57.49%` becomes one claim with an amount,
/// a change and a change percent.
public struct NarrativeClaim: Sendable, Hashable, Codable {
    /// What the figure measures, as written (`收入总计`, `财政拨款收入`, `二级项目`).
    public var subject: String
    /// The claim this one is a part of (`其中：…`), by its subject.
    public var partOf: String?
    /// The stated amount and its unit (`万元`, `个`, `辆`).
    public var amount: PrintedNumber?
    public var unit: String?
    /// 年初预算 / 全年预算 stated beside the amount.
    public var budget: PrintedNumber?
    /// 完成年初预算的 N%.
    public var completionPercent: PrintedNumber?
    /// Change from last year, signed (减少 is negative).
    public var change: PrintedNumber?
    /// Growth percent, signed (下降 is negative).
    public var changePercent: PrintedNumber?
    /// 占比 N% and what it is a share of, when named (`本年支出合计`).
    public var sharePercent: PrintedNumber?
    public var shareOf: String?
    /// For grade counts (`52个项目自评等级为“优”`): the grade.
    public var grade: String?
    /// The sentence the claim was read from, and its section heading.
    public var sentence: String
    public var section: String?
    public var source: SourceLocation?

    public init(subject: String, sentence: String, section: String? = nil, source: SourceLocation? = nil) {
        self.subject = subject
        self.sentence = sentence
        self.section = section
        self.source = source
    }
}
