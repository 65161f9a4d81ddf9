import Foundation
import Testing
import JixiaoCore
@testable import JixiaoInterchange

/// The reader on the project's own corpus: every form of every layout family in every text shape.
@Suite("Reading the corpus in every shape")
struct CorpusFidelityTests {
    /// How one form read in one shape compares with its expected reading.
    struct Outcome {
        var found = false
        var rows = 0
        var exact = 0
        var misses: [String] = []
    }

    static func read(_ form: CorpusForm, _ shape: CorpusShape) -> Outcome {
        var outcome = Outcome()
        outcome.rows = form.expected.indicators.count
        guard let document = try? TextImporter.read(Data(shape.render(form).utf8), file: "\(form.id).txt") else {
            outcome.misses.append("no document")
            return outcome
        }
        guard let read = document.forms.first(where: { $0.kind.rawValue == form.kind }) else {
            outcome.misses.append("no \(form.kind) among \(document.forms.map(\.kind.rawValue))")
            return outcome
        }
        outcome.found = true
        let indicators = read.indicators
        for (index, original) in form.expected.indicators.enumerated() {
            let t = shape.transformed
            let expected = CorpusForm.ExpectedIndicator(name: t(original.name), target: original.target.map(t), actual: original.actual.map(t),
                                                        weight: original.weight, score: original.score)
            guard index < indicators.count else { outcome.misses.append("missing \(expected)"); continue }
            let i = indicators[index]
            let got = CorpusForm.ExpectedIndicator(name: i.name, target: i.target?.text, actual: i.actual?.text,
                                                   weight: i.weight?.description, score: i.reportedScore?.description)
            if got == expected { outcome.exact += 1 } else { outcome.misses.append("want \(expected)\n      got  \(got)") }
        }
        if indicators.count > form.expected.indicators.count {
            outcome.misses.append("\(indicators.count - form.expected.indicators.count) extra rows: "
                                  + indicators.dropFirst(form.expected.indicators.count).map(\.name).joined(separator: "、"))
        }
        return outcome
    }

    @Test("At least 30 forms over every layout family")
    func corpusIsLargeEnough() {
        let forms = CorpusForm.all
        #expect(forms.count >= 30)
        #expect(Set(forms.map(\.family)) == ["national", "sichuan", "yunnan", "hubei", "rubric", "chongqing", "declaration"])
    }

    @Test("Every form in the plain tab shape reads exactly")
    func tabs() {
        for form in CorpusForm.all {
            let outcome = Self.read(form, .tabs)
            #expect(outcome.found && outcome.exact == outcome.rows, "\(form.id):\n    \(outcome.misses.joined(separator: "\n    "))")
        }
    }

    @Test("Fidelity over every shape: at least 95 % of indicator rows exact, every form found")
    func everyShape() {
        var lines: [String] = []
        var allRows = 0, allExact = 0, allForms = 0, allFound = 0
        for shape in CorpusShape.allCases {
            var rows = 0, exact = 0, found = 0
            var firstMisses: [String] = []
            for form in CorpusForm.all {
                let outcome = Self.read(form, shape)
                rows += outcome.rows
                exact += outcome.exact
                found += outcome.found ? 1 : 0
                if firstMisses.count < 3, let miss = outcome.misses.first { firstMisses.append("\(form.id): \(miss)") }
            }
            allRows += rows; allExact += exact; allForms += CorpusForm.all.count; allFound += found
            lines.append("\(shape): \(exact)/\(rows) rows exact, \(found)/\(CorpusForm.all.count) forms found"
                         + (firstMisses.isEmpty ? "" : "\n    " + firstMisses.joined(separator: "\n    ")))
        }
        let report = "corpus fidelity: \(allExact)/\(allRows) rows, \(allFound)/\(allForms) forms\n" + lines.joined(separator: "\n")
        print(report)
        #expect(allFound == allForms, "\(report)")
        #expect(allExact * 100 >= allRows * 95, "\(report)")
    }
}
