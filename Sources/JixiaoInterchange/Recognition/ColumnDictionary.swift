import Foundation
import JixiaoCore

/// The names each canonical column goes by (`Resources/ColumnNames.json`), and the matching of header cells to them.
///
/// Header words are data, like the scoring profiles: a region's names are added to the file, not to code.
struct ColumnDictionary: Sendable {
    /// The canonical columns of an indicator table.
    enum IndicatorRole: String, Sendable, Hashable, CaseIterable, Codable {
        case goal, level1, level2, name, comparison, target, adjustedTarget = "adjusted_target", unit, actual
        case qualitativeNote = "qualitative_note", weight, score, coefficient, reviewScore = "review_score", reason, core
    }

    /// The canonical columns of a funds (budget execution) block.
    enum ExecutionRole: String, Sendable, Hashable, CaseIterable, Codable {
        case label, initial, declared, compiled, annual, executed, balance, weight, rate, score, reason
    }

    struct File: Decodable {
        var indicator: [String: [String]]
        var execution: [String: [String]]
        var categories: [String: [String]]
    }

    /// Folded name → role, for exact matches.
    let indicatorExact: [ExactText: IndicatorRole]
    /// (folded name, role), longest first, for cells that start with a name.
    let indicatorPrefixes: [(String, IndicatorRole)]
    let executionExact: [ExactText: ExecutionRole]
    let executionPrefixes: [(String, ExecutionRole)]
    /// Labels of the evaluation-rubric tree (决策 / 过程 / 产出 / 效益 and their 二级), folded.
    let rubricLevel1: Set<ExactText>
    let rubricLevel2: Set<ExactText>

    /// The dictionary shipped with the reader.
    static let shared: ColumnDictionary = {
        guard let url = Bundle.module.url(forResource: "ColumnNames", withExtension: "json"),
              let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data)
        else { preconditionFailure("Resources/ColumnNames.json is missing or malformed") }
        return ColumnDictionary(file)
    }()

    init(_ file: File) {
        func tables<Role: RawRepresentable<String>>(_ names: [String: [String]], _: Role.Type) -> ([ExactText: Role], [(String, Role)]) {
            var exact: [ExactText: Role] = [:]
            var prefixes: [(String, Role)] = []
            for (key, list) in names.sorted(by: { $0.key < $1.key }) {
                guard let role = Role(rawValue: key) else { continue }
                for name in list {
                    let folded = Self.fold(name)
                    if exact[ExactText(folded)] == nil { exact[ExactText(folded)] = role }
                    // Short names (`单位`, `目标`, `指标`, `得分`) match only whole cells.
                    if folded.count >= 3 { prefixes.append((folded, role)) }
                }
            }
            prefixes.sort { $0.0.utf8.count > $1.0.utf8.count }
            return (exact, prefixes)
        }
        (indicatorExact, indicatorPrefixes) = tables(file.indicator, IndicatorRole.self)
        (executionExact, executionPrefixes) = tables(file.execution, ExecutionRole.self)
        rubricLevel1 = Set((file.categories["rubric_level1"] ?? []).map { ExactText(Self.fold($0)) })
        rubricLevel2 = Set((file.categories["rubric_level2"] ?? []).map { ExactText(Self.fold($0)) })
    }

    /// The indicator column a header cell names, if any.
    func indicatorRole(_ cell: String) -> IndicatorRole? {
        Self.match(cell, indicatorExact, indicatorPrefixes)
    }

    /// The funds column a header cell names, if any.
    func executionRole(_ cell: String) -> ExecutionRole? {
        Self.match(cell, executionExact, executionPrefixes)
    }

    /// True for a label of the evaluation-rubric tree (`决策`, `项目立项`, `过程(20分)`).
    func isRubricLabel(_ cell: String) -> (level1: Bool, level2: Bool) {
        let key = ExactText(Self.withoutPoints(Self.fold(cell)))
        return (rubricLevel1.contains(key), rubricLevel2.contains(key))
    }

    static func match<Role>(_ cell: String, _ exact: [ExactText: Role], _ prefixes: [(String, Role)]) -> Role? {
        let folded = fold(cell)
        guard !folded.isEmpty, folded.utf8.count <= 60 else { return nil }
        if let role = exact[ExactText(folded)] { return role }
        let bare = withoutBrackets(folded)
        if bare != folded, let role = exact[ExactText(bare)] { return role }
        for (name, role) in prefixes where folded.hasBytePrefix(name) { return role }
        return nil
    }

    /// A header word folded for matching: no white space, ASCII brackets, `％` as `%`.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            switch scalar {
            case "（": out.append("(")
            case "）": out.append(")")
            case "％": out.append("%")
            case "／": out.append("/")
            case "：", ":": continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `指标得分(分)` → `指标得分`, `全年预算数(A)` → `全年预算数`: a trailing bracket dropped.
    static func withoutBrackets(_ folded: String) -> String {
        guard folded.hasSuffix(")"), let open = folded.lastIndex(of: "("), open != folded.startIndex else { return folded }
        return String(folded[..<open])
    }

    /// `产出指标(50分)` → `产出指标`: the points a label carries dropped.
    static func withoutPoints(_ folded: String) -> String {
        let bare = withoutBrackets(folded)
        return bare == folded ? folded : bare
    }
}
