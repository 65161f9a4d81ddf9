import Foundation
import JixiaoCore

/// Reads the text of a 部门决算公开 (seed 004 up to its attachments): the headed sections
/// with their paragraphs, and the figures of the narrative as claims.
struct DisclosureReader {
    let session: ImportSession

    func read(_ range: Range<Int>) -> FinalAccountsDisclosure {
        let rows = session.rows
        var disclosure = FinalAccountsDisclosure(source: session.source(rows[range.lowerBound]))
        var path: [(level: Int, heading: String)] = []
        var inContents = false
        var parent: String?
        var previousClaims: (index: Int, parent: String?, source: SourceLocation)?
        let reader = NarrativeClaimReader()
        for i in range {
            let row = rows[i]
            let text = row.text
            let compact = TextRow.compact(text)
            if row.isFurniture { session.use(row); continue }
            if compact.has("部门决算公开") {
                disclosure.fiscalYear = Cells.fiscalYear(compact) ?? Int(compact.prefix(4))
                if let name = rows[max(0, i - 8)..<i].last(where: { !$0.isFurniture && $0.filled.count == 1 }) {
                    disclosure.department = Organisation(codedName: name.text, kind: .department)
                    session.use(name)
                }
                session.use(row)
                continue
            }
            if compact == "目录" { inContents = true; session.use(row); continue }
            if inContents {
                if row.isTable, let last = row.filled.last, Int(last) != nil { session.use(row); continue }
                inContents = false
            }
            if let level = Self.headingLevel(text) {
                while let last = path.last, last.level >= level { path.removeLast() }
                disclosure.sections.append(DisclosureSection(heading: text, path: path.map(\.heading), source: session.source(row)))
                path.append((level, text))
                parent = nil
                previousClaims = nil
                session.use(row)
                continue
            }
            if disclosure.sections.isEmpty {
                disclosure.sections.append(DisclosureSection(heading: "", source: session.source(row)))
            }
            let index = disclosure.sections.count - 1
            // A paragraph that stops mid-sentence goes on in the next row (a page or line break).
            if let previous = disclosure.sections[index].paragraphs.last, let start = previousClaims,
               !(previous.hasByteSuffix("。") || previous.hasByteSuffix("；") || previous.hasByteSuffix("：") || previous.hasByteSuffix(":")) {
                let joined = previous + text
                disclosure.sections[index].paragraphs[disclosure.sections[index].paragraphs.count - 1] = joined
                disclosure.claims.removeSubrange(start.index...)
                parent = start.parent
                disclosure.claims += reader.claims(in: joined, section: disclosure.sections[index].heading, source: start.source, parent: &parent)
            } else {
                disclosure.sections[index].paragraphs.append(text)
                previousClaims = (disclosure.claims.count, parent, session.source(row))
                disclosure.claims += reader.claims(in: text, section: disclosure.sections[index].heading, source: session.source(row), parent: &parent)
            }
            session.use(row)
        }
        return disclosure
    }

    /// Heading levels: `第三部分 …` 0, `一、…` 1, `（一）…` 2, `1、…` 3 (short lines only).
    static func headingLevel(_ text: String) -> Int? {
        guard text.isShort(40), !text.has("。") else { return nil }
        if text.hasBytePrefix("第"), text.has("部分") { return 0 }
        let numerals = "一二三四五六七八九十"
        if let first = text.first, numerals.contains(first), let mark = text.firstIndex(of: "、"),
           text[..<mark].allSatisfy({ numerals.contains($0) }) { return 1 }
        if text.hasBytePrefix("（") || text.hasBytePrefix("("), let close = text.firstIndex(where: { $0 == "）" || $0 == ")" }),
           text[text.index(after: text.startIndex)..<close].allSatisfy({ numerals.contains($0) }) {
            return 2
        }
        if let mark = text.firstIndex(where: { $0 == "、" || $0 == "." }), text[..<mark].allSatisfy({ $0.isASCII && $0.isNumber }),
           text.startIndex != mark, text.isShort(24), !text.has("万元") {
            return 3
        }
        return nil
    }
}
