import Foundation
import JixiaoCore

/// Folds a page machine-converted to traditional characters, or with pinyin inserted after its characters
/// (`項(xiàng)目`), to the simplified text the reader's words are written in — and gives the form's texts
/// back in the characters the file has, so what people wrote is kept as written.
struct TextFolding: Sendable {
    /// Simplified scalar → the traditional one the file has there (only scalars the folding changed).
    private let back: [Unicode.Scalar: Unicode.Scalar]
    /// What was folded, for the import findings.
    let traditional: Bool
    let pinyinRemoved: Int

    /// The text as the reader reads it, and the folding that was applied (nil when none was needed).
    static func fold(_ text: String) -> (String, TextFolding?) {
        var folded = text
        var removed = 0
        if hasInsertedPinyin(text) { (folded, removed) = removingPinyin(text) }
        var back: [Unicode.Scalar: Unicode.Scalar] = [:]
        let traditional = looksTraditional(folded)
        if traditional, let simplified = folded.applyingTransform(StringTransform(rawValue: "Traditional-Simplified"), reverse: false) {
            // Character by character (as the transform works): remember each change to give texts back as written.
            if simplified.unicodeScalars.count == folded.unicodeScalars.count {
                for (original, plain) in zip(folded.unicodeScalars, simplified.unicodeScalars) where original != plain && back[plain] == nil {
                    back[plain] = original
                }
            }
            folded = simplified
        }
        guard traditional || removed > 0 else { return (text, nil) }
        return (folded, TextFolding(back: back, traditional: traditional, pinyinRemoved: removed))
    }

    /// A text of the model in the characters of the file.
    func restore(_ text: String) -> String {
        guard !back.isEmpty, text.unicodeScalars.contains(where: { back[$0] != nil }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { back[$0] ?? $0 }))
    }

    /// Characters that exist only in traditional writing and are common in these forms.
    static let traditionalMarks = Set("項績評實際級標預執數總額資產滿調後說門務單報體與為會時來對開關發經區縣設備質滿濟環續響節費".unicodeScalars)

    static func looksTraditional(_ text: String) -> Bool {
        var count = 0
        // Sampled: the first pages say whether a file was converted.
        for scalar in text.unicodeScalars.prefix(6_000) where scalar.value >= 0x4E00 && traditionalMarks.contains(scalar) {
            count += 1
            if count >= 5 { return true }
        }
        return false
    }

    /// `字(zì)`: a bracket of lower-case latin with tone marks right after a Chinese character.
    static let pinyin = try! NSRegularExpression(pattern: "(?<=\\p{Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")

    static func hasInsertedPinyin(_ text: String) -> Bool {
        // Tone-marked vowels are two-byte UTF-8 led by 0xC3, 0xC4, 0xC5 or 0xC7: look at bytes before anything else.
        guard text.utf8.prefix(20_000).contains(where: { $0 == 0xC3 || $0 == 0xC4 || $0 == 0xC5 || $0 == 0xC7 }) else { return false }
        return text.unicodeScalars.contains { toneMarks.contains($0) }
            && pinyin.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static let toneMarks = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".unicodeScalars)

    static func removingPinyin(_ text: String) -> (String, Int) {
        let range = NSRange(text.startIndex..., in: text)
        let count = pinyin.numberOfMatches(in: text, range: range)
        return (pinyin.stringByReplacingMatches(in: text, range: range, withTemplate: ""), count)
    }

    /// The form with its texts given back as the file wrote them.
    func restore(_ form: EvaluationForm) -> EvaluationForm {
        switch form {
        case .targetDeclaration(var d):
            d.project = restore(d.project)
            d.overallGoal = d.overallGoal.map(restore)
            d.annualGoal = d.annualGoal.map(restore)
            d.indicators = d.indicators.map(restore)
            return .targetDeclaration(d)
        case .projectSelfEvaluation(var e):
            e.project = restore(e.project)
            e.printedTitle = e.printedTitle.map(restore)
            e.goals = e.goals.map(restore)
            e.indicators = e.indicators.map(restore)
            e.analysis = e.analysis.map { AnalysisText(heading: restore($0.heading), text: restore($0.text)) }
            if let reason = e.execution?.deviationReason { e.execution?.deviationReason = restore(reason) }
            e.filledBy = e.filledBy.map(restore)
            return .projectSelfEvaluation(e)
        case .departmentEvaluation(var e):
            e.department.name = restore(e.department.name)
            e.goals = e.goals.map(restore)
            e.indicators = e.indicators.map(restore)
            e.conclusion = e.conclusion.map(restore)
            e.deviationReason = e.deviationReason.map(restore)
            return .departmentEvaluation(e)
        }
    }

    func restore(_ project: Project) -> Project {
        var p = project
        p.name = restore(p.name)
        p.nature = p.nature.map(restore)
        p.category = p.category.map(restore)
        p.manager = p.manager.map(restore)
        if let name = p.department?.name { p.department?.name = restore(name) }
        if let name = p.unit?.name { p.unit?.name = restore(name) }
        return p
    }

    func restore(_ goal: Goal) -> Goal {
        var g = goal
        g.target = restore(g.target)
        g.actual = g.actual.map(restore)
        return g
    }

    func restore(_ indicator: Indicator) -> Indicator {
        var i = indicator
        i.name = restore(i.name)
        i.level1Label = i.level1Label.map(restore)
        i.level2Label = i.level2Label.map(restore)
        for keyPath in [\Indicator.target, \Indicator.adjustedTarget, \Indicator.actual] {
            if let text = i[keyPath: keyPath]?.text { i[keyPath: keyPath]?.text = restore(text) }
        }
        i.qualitativeNote = i.qualitativeNote.map(restore)
        i.explanation = i.explanation.map(restore)
        i.deviationReason = i.deviationReason.map(restore)
        i.unitText = i.unitText.map(restore)
        return i
    }
}
