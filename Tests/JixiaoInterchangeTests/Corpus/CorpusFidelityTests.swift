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

    @Test("A file of every form, each in another shape, reads form by form")
    func mixedFile() throws {
        let shapes: [CorpusShape] = [.tabs, .tabbedCellPerLine, .pipeCellPerLine, .cellPerLine, .pipeRows, .paragraphs, .spaceRows, .pageBreaks]
        let forms = CorpusForm.all
        let text = forms.enumerated().map { n, form in shapes[n % shapes.count].render(form) }.joined(separator: "\n")
        let document = try TextImporter.read(Data(text.utf8), file: "mixed.txt")
        #expect(document.forms.count == forms.count)
        var rows = 0, exact = 0
        for (form, read) in zip(forms, document.forms) {
            #expect(read.kind.rawValue == form.kind, "\(form.id)")
            for (expected, i) in zip(form.expected.indicators, read.indicators) {
                rows += 1
                let got = CorpusForm.ExpectedIndicator(name: i.name, target: i.target?.text, actual: i.actual?.text,
                                                       weight: i.weight?.description, score: i.reportedScore?.description)
                if got == expected { exact += 1 }
            }
        }
        #expect(rows == forms.reduce(0) { $0 + $1.expected.indicators.count })
        #expect(exact * 100 >= rows * 95, "\(exact)/\(rows)")
        #expect(document.readings.count == document.forms.count)
        #expect(document.readings.first?.shape?.hasPrefix("多种形态") == true)
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

/// Properties of the reading that hold over the whole corpus.
@Suite("Honest reading of the corpus")
struct CorpusHonestyTests {
    /// The shapes that keep the text as written (not converted to ASCII or traditional characters).
    static let faithfulShapes: [CorpusShape] = [.tabbedCellPerLine, .pipeCellPerLine, .cellPerLine, .pipeRows, .twoLineHeader, .openPipeRows, .paragraphs, .spaceRows,
                                                .brokenLabels, .oneLine, .pageBreaks, .scrambled]

    /// What a reading of an indicator row says, for comparing readings.
    static func summary(_ i: Indicator) -> String {
        [i.level1Label, i.level2Label, i.name, i.target?.text, i.adjustedTarget?.text, i.actual?.text, i.weight?.description,
         i.reportedScore?.description, i.reviewScore?.description, i.scoreCoefficient?.description, i.deviationReason]
            .map { $0 ?? "—" }.joined(separator: " | ")
    }

    @Test("One form rendered in every shape reads to the same indicators", arguments: faithfulShapes)
    func everyShapeReadsAlike(_ shape: CorpusShape) throws {
        for form in CorpusForm.all {
            let plain = try TextImporter.read(Data(CorpusShape.tabs.render(form).utf8), file: "\(form.id).txt")
            let other = try TextImporter.read(Data(shape.render(form).utf8), file: "\(form.id).txt")
            let a = plain.forms.first?.indicators.map(Self.summary) ?? []
            let b = other.forms.first?.indicators.map(Self.summary) ?? []
            #expect(a == b, "\(form.id) as \(shape): \(zip(a, b).first { $0 != $1 }.map { "\n  tabs:  \($0)\n  shape: \($1)" } ?? "counts \(a.count) / \(b.count)")")
        }
    }

    /// Every number of the reading: figures of indicators, execution and totals.
    static func numbers(_ form: EvaluationForm) -> [String] {
        var out: [String] = []
        for i in form.indicators {
            out += [i.weight, i.reportedScore, i.reviewScore, i.scoreCoefficient].compactMap { $0?.description }
            out += [i.target, i.adjustedTarget, i.actual].compactMap { $0?.magnitude?.plainText }
        }
        switch form {
        case .projectSelfEvaluation(let e):
            out += [e.reportedTotal, e.execution?.annualBudget, e.execution?.executed, e.execution?.reportedScore, e.execution?.weight].compactMap { $0?.description }
        case .departmentEvaluation(let e):
            out += [e.reportedTotal, e.execution?.annualBudget, e.execution?.executed, e.execution?.reportedScore].compactMap { $0?.description }
        case .targetDeclaration: break
        }
        return out
    }

    @Test("No number is in a reading that is not in the file, in any shape", arguments: CorpusShape.allCases)
    func noInventedNumbers(_ shape: CorpusShape) throws {
        for form in CorpusForm.all {
            let text = shape.render(form)
            let digits = text.replacingOccurrences(of: ",", with: "")
            let document = try TextImporter.read(Data(text.utf8), file: "\(form.id).txt")
            for read in document.forms {
                for number in Self.numbers(read) {
                    #expect(digits.contains(number), "\(form.id) as \(shape): \(number) is not in the file")
                }
            }
        }
    }
}
