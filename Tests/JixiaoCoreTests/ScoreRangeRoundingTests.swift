import Foundation
import Testing
@testable import JixiaoCore
import JixiaoProfiles

/// The one rounding rule for scores and their ranges (docs/scoring.md): what the range shows is accepted,
/// a score past the shown bound is refused, and the suggestion is always allowed.
@Suite("Rounding of allowed ranges")
struct ScoreRangeRoundingTests {
    static let national = try! ProfileLibrary.profile(id: "national")
    static let shanxi = try! ProfileLibrary.profile(id: "shanxi")
    static var linearReverse: ScoringProfile { var p = national; p.reverseRule = .linear; return p }
    static var equalityDeviation: ScoringProfile { var p = national; p.equalityRule = .deviation; return p }

    /// One case of each ratio rule, with figures whose exact score has more than two decimals.
    static let cases: [(ScoringProfile, String, String, ScoringRule)] = [
        (national, "≥95%", "94%", .positivePartial),
        (national, "≤70万元", "83万元", .reversePartial),
        (linearReverse, "≤70万元", "83万元", .reverseLinear),
        (equalityDeviation, "=30次", "37次", .equalityDeviation),
        (shanxi, "≥7个", "9个", .overAchievementDeducted),
        (national, "2024年9月30日前完成", "2024年11月30日", .timeLate),
        (national, "保障", "部分完成，效果一般", .qualitativePartial),
    ]

    @Test("94% against ≥95% of 5 points: shown [0, 4.95], and 4.95 is allowed")
    func theReportedCase() {
        let s = IndicatorScorer(profile: Self.national).score(indicator("≥95%", "94%", weight: "5"))
        #expect(s.exact == Decimal(string: "4.947368"))
        #expect(s.suggested == Decimal(string: "4.95"))
        #expect(s.rangeText == "[0, 4.95]")
        #expect(s.rangeWords == "0 至 4.95 分")
        #expect(s.allows(PrintedNumber(text: "4.95")!))
        #expect(s.allows(PrintedNumber(text: "4.948")!))
        #expect(!s.allows(PrintedNumber(text: "4.96")!))
        #expect(!s.allows(PrintedNumber(text: "4.951")!))
        // Full marks for a missed target is not in the range, however the form rounds.
        #expect(!s.allows(PrintedNumber(text: "5")!))
    }

    @Test("Every ratio rule: the suggestion and both shown bounds are allowed, one step past them is not",
          arguments: 0..<cases.count)
    func everyRule(_ index: Int) throws {
        let (profile, target, actual, rule) = Self.cases[index]
        let scorer = IndicatorScorer(profile: profile)
        // Weights that make the exact bounds fall between two shown decimals.
        for weight in ["5", "3", "7", "1.5", "2.35", "0.55", "0.07", "13", "6.5", "9.99"] {
            let s = scorer.score(indicator(target, actual, weight: weight, level2: rule == .timeLate ? "时效指标" : "数量指标"))
            #expect(s.rule == rule, "\(target) / \(actual)")
            let suggested = try #require(s.suggested)
            let low = try #require(s.shownMin), high = try #require(s.shownMax)
            let step = Decimal(string: "0.01")!
            #expect(s.allows(PrintedNumber(suggested, places: 2)), "suggestion \(suggested) of \(s.rangeText), weight \(weight)")
            #expect(s.allows(PrintedNumber(low, places: 2)), "\(s.rangeText), weight \(weight)")
            #expect(!s.allows(PrintedNumber(low - step, places: 2)) || low == 0 && !(low - step >= 0), "\(s.rangeText)")
            #expect(!s.allows(PrintedNumber(high + step, places: 2)), "\(s.rangeText), weight \(weight)")
            if s.maxInclusive {
                #expect(s.allows(PrintedNumber(high, places: 2)), "\(s.rangeText), weight \(weight)")
            } else {
                #expect(!s.allows(PrintedNumber(high, places: 2)) || high == suggested, "\(s.rangeText), weight \(weight)")
                #expect(s.allows(PrintedNumber(high - step, places: 2)) || high - step < low, "\(s.rangeText), weight \(weight)")
            }
            // What the text shows is what is enforced.
            #expect(s.rangeText == "[\(low.plainText), \(high.plainText)\(s.maxInclusive ? "]" : ")")")
        }
    }

    @Test("Randomised figures (fixed seed): the suggestion is always allowed under every rule")
    func suggestionAlwaysAllowed() throws {
        var generator = SplitMix64(seed: 20261202)
        var checked = 0
        for _ in 0..<400 {
            let (profile, _, _, _) = Self.cases[Int.random(in: 0..<5, using: &generator)]
            let scorer = IndicatorScorer(profile: profile)
            let t = Int.random(in: 1...500, using: &generator), a = Int.random(in: 0...700, using: &generator)
            let w = Decimal(Int.random(in: 1...2000, using: &generator)) / 100
            let comparison = ["≥", "≤", "="][Int.random(in: 0..<3, using: &generator)]
            let s = scorer.score(indicator("\(comparison)\(t)个", "\(a)个", weight: w.plainText))
            guard let suggested = s.suggested else { continue }
            #expect(s.allows(PrintedNumber(suggested, places: 2)), "\(comparison)\(t) / \(a) × \(w): \(suggested) in \(s.rangeText)")
            checked += 1
        }
        #expect(checked > 300)
    }
}
