import Foundation

/// 部门决算公开: the published final accounts of a department, as far as its text goes —
/// its sections with their paragraphs, and the figures the narrative states.
public struct FinalAccountsDisclosure: Sendable, Hashable, Codable {
    public var department: Organisation?
    public var fiscalYear: Int?
    @Default<EmptyList<DisclosureSection>> public var sections: [DisclosureSection]
    @Default<EmptyList<NarrativeClaim>> public var claims: [NarrativeClaim]
    public var source: SourceLocation?

    public init(department: Organisation? = nil, fiscalYear: Int? = nil, sections: [DisclosureSection] = [],
                claims: [NarrativeClaim] = [], source: SourceLocation? = nil) {
        self.department = department
        self.fiscalYear = fiscalYear
        self.sections = sections
        self.claims = claims
        self.source = source
    }

    /// The section whose heading contains `words` (e.g. `预算绩效情况说明`).
    public func section(containing words: String) -> DisclosureSection? {
        sections.first { $0.heading.contains(words) }
    }
}

/// One headed section of a disclosure, with its paragraphs as written.
public struct DisclosureSection: Sendable, Hashable, Codable {
    /// The heading as written (`一、收入支出决算总体情况说明`).
    public var heading: String
    /// The headings above it (`第三部分 情况说明`).
    @Default<EmptyList<String>> public var path: [String]
    @Default<EmptyList<String>> public var paragraphs: [String]
    public var source: SourceLocation?

    public init(heading: String, path: [String] = [], paragraphs: [String] = [], source: SourceLocation? = nil) {
        self.heading = heading
        self.path = path
        self.paragraphs = paragraphs
        self.source = source
    }
}
