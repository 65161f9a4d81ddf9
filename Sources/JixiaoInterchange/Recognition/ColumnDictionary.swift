import Foundation
import JixiaoCore

/// The names each canonical column goes by (`Resources/ColumnNames.json`), and the matching of header cells to them.
///
/// Header words are data, like the scoring profiles: a region's names are added to the file, not to code.
struct ColumnDictionary: Sendable {
    /// The canonical columns of an indicator table.
    enum IndicatorRole: String, Sendable, Hashable, CaseIterable, Codable {
        case goal, level1, level2, name, comparison, target, adjustedTarget = "adjusted_target", unit, actual
        case qualitativeNote = "qualitative_note", explanation, weight, score, coefficient, reviewScore = "review_score", reason, core
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
    /// (folded name, role) by the name's first character, longest first, for cells that start with a name.
    let indicatorPrefixes: [UInt32: [(String, IndicatorRole)]]
    let executionExact: [ExactText: ExecutionRole]
    let executionPrefixes: [UInt32: [(String, ExecutionRole)]]
    /// Labels of the evaluation-rubric tree (决策 / 过程 / 产出 / 效益 and their 二级), folded.
    /// The first characters of the level and name columns' words (`一` `二` `三` `指` …), for a cheap first test.
    let headerStarts: Set<UInt32>
    /// The level and name columns' words of four characters or more (`三级指标`, `指标名称`), to spot a header in a line.
    let longHeaderWords: [String]
    /// Every column name of the file, as written there (indicator and funds tables).
    let allNames: [String]
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
        func tables<Role: RawRepresentable<String>>(_ names: [String: [String]], _: Role.Type) -> ([ExactText: Role], [UInt32: [(String, Role)]]) {
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
            return (exact, Dictionary(grouping: prefixes) { $0.0.unicodeScalars.first?.value ?? 0 })
        }
        (indicatorExact, indicatorPrefixes) = tables(file.indicator, IndicatorRole.self)
        (executionExact, executionPrefixes) = tables(file.execution, ExecutionRole.self)
        headerStarts = Set(indicatorExact.compactMap { name, role in
            [.name, .level1, .level2].contains(role) ? name.text.unicodeScalars.first?.value : nil
        })
        longHeaderWords = indicatorExact.compactMap { name, role in
            [.name, .level1, .level2].contains(role) && name.text.count >= 4 ? name.text : nil
        }.sorted()
        allNames = (file.indicator.values.flatMap { $0 } + file.execution.values.flatMap { $0 }).map { $0.replacingOccurrences(of: " ", with: "") }
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

    static func match<Role>(_ cell: String, _ exact: [ExactText: Role], _ prefixes: [UInt32: [(String, Role)]]) -> Role? {
        // Header words are short: a long cell is text, decided before anything is built.
        guard !cell.isEmpty, cell.utf8.count <= 90 else { return nil }
        let folded = fold(cell)
        guard !folded.isEmpty, folded.utf8.count <= 60 else { return nil }
        if let role = exact[ExactText(folded)] { return role }
        if folded.utf8.last == UInt8(ascii: ")") {
            let bare = withoutBrackets(folded)
            if bare != folded, let role = exact[ExactText(bare)] { return role }
        }
        guard let first = folded.unicodeScalars.first, let candidates = prefixes[first.value] else { return nil }
        for (name, role) in candidates where folded.hasBytePrefix(name) { return role }
        return nil
    }

    /// A header word folded for matching: no white space, ASCII brackets, `％` as `%`.
    static func fold(_ text: String) -> String {
        // Most header words need nothing: no white space, brackets, `％`, `／` or colons (all ASCII or 0xE3/0xEF-led).
        if !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x3A || $0 == 0xE3 || $0 == 0xEF || $0 == 0xC2 || $0 == 0xE2 }) { return text }
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
        guard folded.utf8.last == UInt8(ascii: ")"), let open = folded.lastIndex(of: "("), open != folded.startIndex else { return folded }
        return String(folded[..<open])
    }

    /// `产出指标(50分)` → `产出指标`: the points a label carries dropped.
    static func withoutPoints(_ folded: String) -> String {
        let bare = withoutBrackets(folded)
        return bare == folded ? folded : bare
    }
}
