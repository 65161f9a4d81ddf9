/// What an editor button asks for, read from the `action` field of the post, and written back into buttons the
/// same way: one place knows the words (`save`, `adopt-all`, `adopt:3`, `assemble`, `up-indicator:3` …).
enum EditorAction: Sendable, Hashable {
    /// The rows a row button works on.
    enum RowKind: String, Sendable, CaseIterable {
        case indicator, goal, subtask, analysis
    }

    /// What a row button does.
    enum RowVerb: String, Sendable, CaseIterable {
        case add, remove, up, down
    }

    case save
    /// 全部采用建议得分 (nil) or one row's.
    case adopt(row: Int?)
    /// The department form's roll-up of its projects into the 项目支出 row.
    case assemble
    case row(RowVerb, RowKind, index: Int?)

    /// Reads an `action` value; nil for a value no button sends.
    init?(_ value: String) {
        switch value {
        case "save": self = .save
        case "adopt-all": self = .adopt(row: nil)
        case "assemble": self = .assemble
        default:
            if value.hasPrefix("adopt:") {
                guard let row = Int(value.dropFirst("adopt:".count)) else { return nil }
                self = .adopt(row: row)
                return
            }
            let parts = value.split(separator: ":", maxSplits: 1)
            let words = parts[0].split(separator: "-", maxSplits: 1)
            guard words.count == 2, let verb = RowVerb(rawValue: String(words[0])), let kind = RowKind(rawValue: String(words[1])) else { return nil }
            let index = parts.count > 1 ? Int(parts[1]) : nil
            if parts.count > 1 && index == nil { return nil }
            self = .row(verb, kind, index: index)
        }
    }

    /// The `action` value of the button.
    var value: String {
        switch self {
        case .save: "save"
        case .adopt(let row): row.map { "adopt:\($0)" } ?? "adopt-all"
        case .assemble: "assemble"
        case .row(let verb, let kind, let index): "\(verb.rawValue)-\(kind.rawValue)" + (index.map { ":\($0)" } ?? "")
        }
    }
}
