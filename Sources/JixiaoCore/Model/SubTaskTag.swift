/// Which sub-tasks (子项) an indicator belongs to, as prefixed to its name:
/// `3.`, `1与2.`, `3-7.`, `9-11.`, `1-11`.
public struct SubTaskTag: Sendable, Hashable, Codable {
    /// The tag as written, without the name that follows.
    public var text: String
    /// The sub-task numbers it names, ascending.
    public var numbers: [Int]

    public init(text: String, numbers: [Int]) {
        self.text = text
        self.numbers = numbers
    }

    /// Splits `1与2. 预算执行率` into the tag and the remaining name; nil when there is no tag.
    public static func split(_ name: String) -> (tag: SubTaskTag, name: String)? {
        let scalars = Array(name.unicodeScalars)
        var i = 0
        var numbers: [Int] = []
        var rangeStart: Int?
        func readInt() -> Int? {
            var v = 0, n = 0
            while i < scalars.count, let d = ValueScanner.digit(scalars[i]), n < 3 {
                v = v * 10 + Int(d); i += 1; n += 1
            }
            return n > 0 ? v : nil
        }
        while true {
            guard let n = readInt() else { return nil }
            if let start = rangeStart {
                guard n >= start, n - start < 100 else { return nil }
                numbers.append(contentsOf: (start + 1)...n)
                rangeStart = nil
            } else {
                numbers.append(n)
            }
            guard i < scalars.count else { return nil }
            let c = scalars[i]
            if c == "-" || c == "－" || c == "~" || c == "至" { rangeStart = n; i += 1; continue }
            if c == "与" || c == "、" || c == "," || c == "，" || c == "和" { i += 1; continue }
            break
        }
        // A tag ends with `.`; a range or list (`1-11`, `1与2`) may also end with a space.
        let spaced = scalars[i] == " " && (numbers.count > 1)
        guard i < scalars.count, scalars[i] == "." || scalars[i] == "．" || scalars[i] == "、" || spaced else { return nil }
        let tagText = String(String.UnicodeScalarView(scalars[0..<(spaced ? i : i + 1)]))
        i += 1
        // `1.5万` is a number, not a tag: the name must not go on with a digit.
        if i < scalars.count, ValueScanner.digit(scalars[i]) != nil { return nil }
        let rest = String(String.UnicodeScalarView(scalars[i...])).trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return nil }
        return (SubTaskTag(text: tagText, numbers: Array(Set(numbers)).sorted()), rest)
    }
}

import Foundation
