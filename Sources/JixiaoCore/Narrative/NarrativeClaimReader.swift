import Foundation

/// Reads the figures of narrative text into claims (domain.md §5, final accounts):
/// amounts with what they measure, budgets and completion, changes from last year,
/// shares, parts of a total (`其中`), counts, and grade counts.
///
/// The reader is conservative: a figure whose subject it cannot name makes no claim, and the
/// text itself is always kept by the caller, so nothing is lost.
public struct NarrativeClaimReader: Sendable {
    public init() {}

    /// Claims of one paragraph. `parent` carries a total across paragraphs: a paragraph that ends
    /// with `其中：` or `主要用于以下方面：` makes the claims of the paragraphs after it its parts.
    public func claims(in paragraph: String, section: String?, source: SourceLocation?, parent: inout String?) -> [NarrativeClaim] {
        var result: [NarrativeClaim] = []
        for sentence in Self.sentences(paragraph) {
            let before = result.count
            read(sentence: sentence, section: section, source: source, parent: parent, into: &result)
            let trimmed = sentence.trimmingSpaces()
            if trimmed.hasByteSuffix("其中：") || trimmed.hasByteSuffix("其中:") || trimmed.hasByteSuffix("以下方面：") || trimmed == "其中" {
                if let main = result[before...].first(where: { $0.partOf == nil }) ?? result.last(where: { $0.partOf == nil }) {
                    parent = main.subject
                }
            }
        }
        return result
    }

    static func sentences(_ text: String) -> [String] {
        split(text, at: sentenceBreaks).filter { !$0.isEmpty }
    }

    static let sentenceBreaks = [Array("。".utf8)]
    static let clauseBreaks = ["，", "；", ";", "、"].map { Array($0.utf8) }

    /// The text cut at every occurrence of any of `marks` (matched on UTF-8 bytes), keeping
    /// empty pieces.
    static func split(_ text: String, at marks: [[UInt8]]) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            var i = 0
            scan: while i < bytes.count {
                for mark in marks where mark[0] == bytes[i] && i + mark.count <= bytes.count
                    && (1..<mark.count).allSatisfy({ bytes[i + $0] == mark[$0] }) {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    i += mark.count
                    start = i
                    continue scan
                }
                i += 1
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return pieces
        }
    }
    static let moneyUnits = ["亿元", "万元", "元"]
    static let countUnits = ["台（套）", "人次", "批次", "辆", "个", "项", "家", "人", "次", "份", "件", "分"]
    static let units = moneyUnits + countUnits

    /// A figure in a clause: where it starts, its number, its unit and the text after it.
    struct Figure {
        var prefix: String
        var number: PrintedNumber
        var unit: String
        var after: String
    }

    static func figure(in clause: String) -> Figure? {
        // Read on UTF-8 bytes: digits, `.`, `,` and `%` are ASCII, and units are matched as whole byte prefixes.
        let utf8 = clause.utf8
        let bytes = Array(utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        /// Whether the character starting at byte `k` is a number (a digit, `一`, `½` …).
        func isNumber(at k: Int) -> Bool {
            let b = bytes[k]
            if b < 0x80 { return isDigit(b) }
            return clause.unicodeScalars[index(k)].properties.numericType != nil
        }
        var i = 0
        while i < bytes.count {
            guard isDigit(bytes[i]) else { i += 1; continue }
            // The figure must not be part of a year or a date (2024年, 12月31日).
            var j = i
            while j < bytes.count, isDigit(bytes[j]) || bytes[j] == 0x2E || (bytes[j] == 0x2C && j + 1 < bytes.count && isNumber(at: j + 1)) { j += 1 }
            let digits = String(decoding: bytes[i..<j], as: UTF8.self)
            let rest = bytes[j...]
            var unit: String?
            var unitBytes = 0
            if rest.starts(with: "%".utf8) { unit = "%"; unitBytes = 1 }
            else if rest.starts(with: "％".utf8) { unit = "%"; unitBytes = 3 }
            else if let found = units.first(where: { rest.starts(with: $0.utf8) }) { unit = found; unitBytes = found.utf8.count }
            if let unit, let number = PrintedNumber(text: digits + (unit == "%" ? "%" : "")) {
                let afterStart = j + unitBytes
                return Figure(prefix: String(clause[..<index(i)]), number: number, unit: unit,
                              after: afterStart < bytes.count ? String(clause[index(afterStart)...]) : "")
            }
            i = j
        }
        return nil
    }

    static let changeVerbs = ["增加", "减少", "增长", "下降"]
    static let comparisonNoise = ["较上年决算", "较上年度", "较上年", "比上年度", "比上年", "与上年相比", "同比"]
    static let leadingNoise = ["与上年相比", "截至", "其中：", "其中:", "其中", "本年度", "我局共涉及", "我局", "共涉及", "涉及", "共有", "共", "主要用于", "以上"]

    /// The subject of a figure: the clause text before it, without years and connectives.
    static func subject(_ prefix: String) -> String {
        var s = String(prefix.trimmingSpaces())
        if let r = s.byteRange(of: "共有") { s = String(s[r.upperBound...]) }
        var changed = true
        while changed {
            changed = false
            if let year = leadingYear(s) { s.removeSubrange(year); changed = true }
            for noise in leadingNoise where s.hasBytePrefix(noise) { s.removeFirst(noise.count); changed = true }
            if s.hasBytePrefix("：") || s.hasBytePrefix(":") { s.removeFirst(); changed = true }
        }
        for suffix in ["为", "共", "达", "是"] where s.hasByteSuffix(suffix) && s.count > 2 { s.removeLast() }
        return String(s.trimmingSpaces())
    }

    /// `2024年` or `2024年度` at the start of the text (four decimal digits, as `\d{4}` reads them).
    static func leadingYear(_ text: String) -> Range<String.Index>? {
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        for _ in 0..<4 {
            guard i < scalars.endIndex, scalars[i].properties.generalCategory == .decimalNumber else { return nil }
            i = scalars.index(after: i)
        }
        guard i < scalars.endIndex, scalars[i] == "年" else { return nil }
        i = scalars.index(after: i)
        if i < scalars.endIndex, scalars[i] == "度" { i = scalars.index(after: i) }
        return text.startIndex..<i
    }

    private func read(sentence: String, section: String?, source: SourceLocation?, parent: String?, into result: inout [NarrativeClaim]) {
        var current: Int?
        var part = parent
        let first = result.count
        let clauses = Self.split(sentence, at: Self.clauseBreaks)
        var listed: [PrintedNumber] = []
        for clause in clauses {
            let found = Self.figure(in: clause)
            if clause.has("其中") && result.count > first {
                // The total is the figure just before `其中`, in the same unit.
                let unit = found?.unit
                if let current, result[current].unit == unit || unit == nil { part = result[current].subject }
                else if let main = result[first...].last(where: { $0.unit == unit && $0.partOf == parent }) { part = main.subject }
            }
            if clause.has("与上年相同") || clause.has("与上年持平"), let current {
                result[current].change = PrintedNumber(0)
            }
            guard let figure = found else { continue }
            let prefix = figure.prefix
            let isMoney = Self.moneyUnits.contains(figure.unit)
            let signed = { (negative: Bool) -> PrintedNumber in
                var n = figure.number
                if negative { n.value = -n.value }
                return n
            }
            if prefix.has("分别") || (listed.count > 0 && prefix.isEmpty && figure.unit == "%") {
                listed.append(figure.number)
                if figure.after.has("和"), let second = Self.figure(in: figure.after) { listed.append(second.number) }
                continue
            }
            if figure.after.has("等级为") || figure.after.has("等级是") {
                var claim = NarrativeClaim(subject: "项目自评等级", sentence: sentence, section: section, source: source)
                claim.amount = figure.number
                claim.unit = figure.unit
                claim.grade = Self.quoted(figure.after)
                result.append(claim)
                continue
            }
            if figure.unit == "%" {
                guard let current else { continue }
                if prefix.hasByteSuffix("增长") || prefix.hasByteSuffix("上升") || prefix.hasByteSuffix("提高") || prefix.hasByteSuffix("增加") {
                    result[current].changePercent = signed(false)
                } else if prefix.hasByteSuffix("下降") || prefix.hasByteSuffix("减少") || prefix.hasByteSuffix("降低") {
                    result[current].changePercent = signed(true)
                } else if let r = prefix.byteRange(of: "占") {
                    result[current].sharePercent = figure.number
                    let of = prefix[r.upperBound...].removingAll("的")
                    if !of.isEmpty, of != "比" { result[current].shareOf = String(of) }
                } else if prefix.has("完成") {
                    result[current].completionPercent = figure.number
                }
                continue
            }
            if figure.after.hasBytePrefix("（含）") || figure.after.hasBytePrefix("以上") || figure.after.hasBytePrefix("(含)") { continue }
            var subject = Self.subject(prefix)
            // `收入总计增加17,356.89万元`, `较上年决算增加58.08万元`: a change of a figure already stated.
            if isMoney, let verb = Self.changeVerbs.first(where: { subject.hasByteSuffix($0) }) {
                var owner = String(subject.dropLast(verb.count))
                for noise in Self.comparisonNoise { owner = owner.removingAll(noise) }
                owner = Self.subject(owner)
                let change = signed(verb == "减少" || verb == "下降")
                if let target = (owner.isEmpty ? nil : result.lastIndex { $0.subject == owner }) ?? current ?? (owner.isEmpty ? result.indices.last : nil) {
                    result[target].change = change
                    current = target
                } else if !owner.isEmpty {
                    var claim = NarrativeClaim(subject: owner, sentence: sentence, section: section, source: source)
                    claim.change = change
                    claim.unit = figure.unit
                    claim.partOf = part
                    result.append(claim)
                    current = result.count - 1
                }
                continue
            }
            if isMoney, subject.hasByteSuffix("年初预算") || subject.hasByteSuffix("全年预算") || subject == "预算" {
                let owner = String(subject.dropLast(subject.hasByteSuffix("预算") && subject.count >= 4 ? 4 : subject.count))
                if owner.isEmpty, let current {
                    result[current].budget = figure.number
                } else {
                    var claim = NarrativeClaim(subject: owner.isEmpty ? subject : owner, sentence: sentence, section: section, source: source)
                    claim.budget = figure.number
                    claim.unit = figure.unit
                    claim.partOf = part
                    result.append(claim)
                    current = result.count - 1
                }
                continue
            }
            if isMoney, let current, result[current].amount == nil, subject == "支出决算" || subject == "决算支出" || subject == "决算" || subject == "实际支出" {
                result[current].amount = figure.number
                continue
            }
            if subject.isEmpty { continue }
            if subject == "资金", let current { subject = result[current].subject + "资金" }
            var claim = NarrativeClaim(subject: subject, sentence: sentence, section: section, source: source)
            claim.amount = figure.number
            claim.unit = figure.unit
            claim.partOf = part == subject ? nil : part
            result.append(claim)
            current = result.count - 1
        }
        // `执行率分别为86.1%、98.9%、97.3%和44.1%`: one rate per claim of the sentence, in order.
        if !listed.isEmpty {
            let owners = Array(result.indices.dropFirst(first).filter { result[$0].unit.map(Self.moneyUnits.contains) ?? false })
            for (index, rate) in zip(owners, listed) { result[index].completionPercent = rate }
        }
    }

    /// The text inside the first pair of quotation marks: `为“优”` → `优`.
    static func quoted(_ text: String) -> String? {
        guard let open = text.firstIndex(where: { $0 == "“" || $0 == "\"" }) else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(where: { $0 == "”" || $0 == "\"" }) else { return nil }
        return String(rest[..<close])
    }
}
