/// Keyword lists compiled once to Unicode scalars, so matching allocates nothing.
struct ScalarWords: Sendable {
    let words: [[Unicode.Scalar]]
    let texts: [String]
    /// A one-word filter of the first scalars (bit `value % 64`): most positions are ruled out with one test.
    let firstMask: UInt64

    init(_ texts: [String]) {
        self.texts = texts
        words = texts.map { Array($0.unicodeScalars) }
        firstMask = words.reduce(0) { $0 | ($1.first.map { 1 << UInt64($0.value & 63) } ?? 0) }
        lastMask = words.reduce(0) { $0 | ($1.last.map { 1 << UInt64($0.value & 63) } ?? 0) }
    }

    /// The same filter for the last scalars, for `suffix(of:)`.
    let lastMask: UInt64

    @inline(__always) func mayStart(_ scalar: Unicode.Scalar) -> Bool { firstMask & (1 << UInt64(scalar.value & 63)) != 0 }

    /// Index of the first word that starts at `index` in `s`.
    func match(in s: [Unicode.Scalar], at index: Int) -> Int? {
        guard index >= 0, index < s.count, mayStart(s[index]) else { return nil }
        for (n, word) in words.enumerated() where s.hasWord(word, at: index) { return n }
        return nil
    }

    /// True when any word occurs anywhere in `s`.
    func occurs(in s: [Unicode.Scalar]) -> Bool {
        for index in s.indices where mayStart(s[index]) {
            for word in words where s.hasWord(word, at: index) { return true }
        }
        return false
    }

    /// Index of the first word that ends `s` and starts at or after `start`.
    func suffix(of s: [Unicode.Scalar], from start: Int = 0) -> Int? {
        guard let last = s.last, lastMask & (1 << UInt64(last.value & 63)) != 0 else { return nil }
        for (n, word) in words.enumerated() where word.count <= s.count - start && s.hasWord(word, at: s.count - word.count) { return n }
        return nil
    }
}

extension Array where Element == Unicode.Scalar {
    @inline(__always) func hasWord(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        var i = 0
        while i < word.count {
            if self[index + i] != word[i] { return false }
            i += 1
        }
        return true
    }

    func containsWord(_ word: [Unicode.Scalar]) -> Bool {
        guard !word.isEmpty, word.count <= count else { return word.isEmpty }
        let first = word[0]
        var i = 0
        let last = count - word.count
        while i <= last {
            if self[i] == first, hasWord(word, at: i) { return true }
            i += 1
        }
        return false
    }
}
