import Foundation
import Testing
@testable import JixiaoCore

@Suite("The indicator value language")
struct IndicatorValueParserTests {
    @Test("Every distinct cell of the four seeds parses without losing text", .needsSeeds)
    func seedCorpus() throws {
        let cells = try SeedCorpus.distinctCells()
        #expect(cells.count > 1500, "the seeds should give well over 1500 distinct cells, got \(cells.count)")
        var kinds: [ValueKind: Int] = [:]
        for cell in cells {
            let value = IndicatorValueParser.parse(cell)
            #expect(value.text == cell)
            kinds[value.kind, default: 0] += 1
            if value.kind == .quantitative { #expect(value.magnitude != nil, "\(cell)") }
            if value.kind == .deadline { #expect(value.deadline?.isValid == true, "\(cell)") }
        }
        #expect((kinds[.quantitative] ?? 0) > 200)
        #expect((kinds[.deadline] ?? 0) > 20)
        #expect((kinds[.unfilledTemplate] ?? 0) > 10)
    }

    @Test("Random strings never crash the parser and keep their text")
    func randomStrings() {
        var generator = SplitMix64(seed: 20261121)
        let alphabet = Array("0123456789.,-+%％≥≤><=≠≧＞＝年月日底前内每万元亿个家人次/—（）() 　不少于以上以内约余达成未完成\t\n".unicodeScalars)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 14)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                if generator.next() % 10 == 0 {
                    scalars.append(Unicode.Scalar(UInt32(generator.next() % 0xD7FF)) ?? "?")
                } else {
                    scalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
                }
            }
            let text = String(scalars)
            let value = IndicatorValueParser.parse(text)
            #expect(value.text == text)
        }
    }

    @Test("Thousands separators, exact decimals and money units")
    func numbers() {
        let v = IndicatorValueParser.parse("9,028,372.00")
        #expect(v.kind == .quantitative)
        #expect(v.magnitude == Decimal(string: "9028372"))
        let w = IndicatorValueParser.parse("≤70万元")
        #expect(w.baseMagnitude == 700_000)
        #expect(w.unit?.base == "元")
        let x = IndicatorValueParser.parse("≥1.2万件")
        #expect(x.baseMagnitude == 12_000)
        #expect(x.unit?.base == "件")
        let y = IndicatorValueParser.parse("342.6099万")
        #expect(y.baseMagnitude == Decimal(string: "3426099"))
        let z = IndicatorValueParser.parse("0.1亿元")
        #expect(z.baseMagnitude == 10_000_000)
    }

    @Test("Deadlines keep their parts")
    func deadlines() {
        let d = IndicatorValueParser.parse("2024年12月底前").deadline
        #expect(d == Deadline(year: 2024, month: 12, day: nil, before: true, end: true))
        let e = IndicatorValueParser.parse("2024年6月30日").deadline
        #expect(e == Deadline(year: 2024, month: 6, day: 30))
        #expect(e?.latest(defaultYear: 2000) == 20240630)
        let f = IndicatorValueParser.parse("12月底").deadline
        #expect(f?.latest(defaultYear: 2024) == 20241231)
        let g = IndicatorValueParser.parse("2022.1.10").deadline
        #expect(g == Deadline(year: 2022, month: 1, day: 10))
        #expect(IndicatorValueParser.parse("2024年2月30日").kind != .deadline)
    }
}

/// A small deterministic generator for property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Hand-checked values from the seeds")
struct HandCheckedValueTests {
    @Test("At least 80 hand-checked strings")
    func enough() {
        #expect(HandCheckedValues.rows.count >= 80)
    }

    @Test("Each classifies exactly", arguments: HandCheckedValues.rows.indices)
    func classify(_ index: Int) {
        let row = HandCheckedValues.rows[index]
        let value = IndicatorValueParser.parse(row.text)
        #expect(value.text == row.text)
        #expect(value.kind == row.kind, "\(row.text)")
        #expect(value.comparison == row.comparison, "\(row.text)")
        #expect(value.magnitude == row.magnitude.flatMap { Decimal(string: $0) }, "\(row.text)")
        #expect(value.unit?.base == row.base, "\(row.text)")
    }
}
