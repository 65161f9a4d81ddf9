import Foundation

/// One form of the project's own corpus (`Fixtures/Corpus/*.json`): the cells of the form as printed, in
/// the words of its layout family, and the reading a person expects from it.
struct CorpusForm: Decodable, Sendable {
    struct Table: Decodable, Sendable {
        var header: [String]
        var rows: [[String]]
    }

    struct ExpectedIndicator: Decodable, Sendable, Equatable, CustomStringConvertible {
        var name: String
        var target: String?
        var actual: String?
        var weight: String?
        var score: String?
        var description: String { "\(name) | \(target ?? "—") | \(actual ?? "—") | \(weight ?? "—") | \(score ?? "—")" }
    }

    struct ExpectedExecution: Decodable, Sendable, Equatable {
        var annual: String?
        var executed: String?
        var score: String?
    }

    struct Expected: Decodable, Sendable {
        var indicators: [ExpectedIndicator]
        var total: String?
        var execution: ExpectedExecution?
    }

    var id: String
    var family: String
    var kind: String
    var title: String
    var preamble: [[String]]
    var funds: Table?
    var goals: Table?
    var indicators: Table
    var trailer: [[String]]
    var expected: Expected

    /// The rows of the form from top to bottom: title, preamble, funds, goals, indicators, trailer.
    var rows: [[String]] {
        var rows: [[String]] = [[title]]
        rows += preamble
        if let funds { rows += [funds.header] + funds.rows }
        if let goals { rows += [goals.header] + goals.rows }
        rows += [indicators.header] + indicators.rows
        rows += trailer
        return rows
    }

    /// Index in `rows` of the indicator header.
    var indicatorHeaderRow: Int {
        1 + preamble.count + (funds.map { $0.rows.count + 1 } ?? 0) + (goals.map { $0.rows.count + 1 } ?? 0)
    }

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/Corpus")
    }

    /// Every form of the corpus, in file order.
    static let all: [CorpusForm] = {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }.map { url in
            do { return try JSONDecoder().decode(CorpusForm.self, from: Data(contentsOf: url)) } catch {
                preconditionFailure("\(url.lastPathComponent): \(error)")
            }
        }
    }()
}
