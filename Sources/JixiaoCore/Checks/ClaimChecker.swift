import Foundation

/// Checks the figures narrative text states against each other (domain.md §5, final accounts):
/// parts against their total, shares, growth against its base, budget completion, and the
/// changes and budgets of a breakdown against those of its total. Every comparison is made on
/// `PrintedRange`s, so figures consistent at the printed precision never fail.
public struct ClaimChecker: Sendable {
    public init() {}

    /// Checks claims read from one text; `place` names the document or form they belong to.
    public func check(_ claims: [NarrativeClaim], place: FindingLocation) -> CheckRun {
        var run = CheckRun()
        var totals: [Int: [Int]] = [:]  // index of a total → indices of its parts
        for (index, claim) in claims.enumerated() {
            if let total = self.total(of: index, in: claims) { totals[total, default: []].append(index) }
            checkOwnFigures(claim, in: claims, place: place, into: &run)
        }
        for (total, parts) in totals.sorted(by: { $0.key < $1.key }) {
            checkBreakdown(claims[total], parts.map { claims[$0] }, place: place, into: &run)
        }
        return run
    }

    /// The claim a part belongs to: the nearest earlier claim with its `partOf` subject and unit.
    func total(of index: Int, in claims: [NarrativeClaim]) -> Int? {
        let claim = claims[index]
        guard let name = claim.partOf else { return nil }
        return claims[..<index].lastIndex { $0.subject == name && $0.unit == claim.unit && $0.amount != nil }
    }

    /// Where a finding about `claim` points: its section and line, within `place`.
    static func at(_ place: FindingLocation, _ claim: NarrativeClaim) -> FindingLocation {
        var location = place
        location.field = claim.section ?? place.field
        location.source = claim.source ?? place.source
        return location
    }

    func at(_ place: FindingLocation, _ claim: NarrativeClaim) -> FindingLocation { Self.at(place, claim) }

    static func figure(_ number: PrintedNumber?, _ unit: String?) -> String {
        guard let number else { return "—" }
        return number.description + (number.isPercent ? "" : (unit ?? ""))
    }

    static func percentText(_ range: PrintedRange, places: Int) -> String {
        range.middle.fixedText(places: max(places, 2)) + "%"
    }

    /// Growth against its base and completion against its budget, within one claim; a share
    /// of a named total.
    func checkOwnFigures(_ c: NarrativeClaim, in claims: [NarrativeClaim], place: FindingLocation, into run: inout CheckRun) {
        let here = at(place, c)
        if let amount = c.amount, let change = c.change, let percent = c.changePercent {
            let base = PrintedRange(amount) - PrintedRange(change)
            if let computed = PrintedRange(change).percent(of: base) {
                let lastYear = (amount.value - change.value).plainText
                run.expect(.narrChangePercent, failed: !computed.overlaps(PrintedRange(percent)),
                           ["subject": c.subject, "printed": percent.description, "change": Self.figure(change, c.unit),
                            "base": lastYear + (c.unit ?? ""), "amount": Self.figure(amount, c.unit),
                            "computed": Self.percentText(computed, places: percent.places)], at: here)
            }
        }
        if let amount = c.amount, let budget = c.budget, let percent = c.completionPercent,
           let computed = PrintedRange(amount).percent(of: PrintedRange(budget)) {
            run.expect(.narrCompletion, failed: !computed.overlaps(PrintedRange(percent)),
                       ["subject": c.subject, "printed": percent.description, "amount": Self.figure(amount, c.unit),
                        "budget": Self.figure(budget, c.unit), "computed": Self.percentText(computed, places: percent.places)], at: here)
        }
        if let name = c.shareOf, let amount = c.amount, let share = c.sharePercent,
           let whole = claims.first(where: { $0.unit == c.unit && $0.amount != nil && $0.partOf == nil
               && ($0.subject == name || name.hasSuffix($0.subject) || $0.subject.hasSuffix(name)) }),
           let wholeAmount = whole.amount, let computed = PrintedRange(amount).percent(of: PrintedRange(wholeAmount)) {
            run.expect(.narrShare, failed: !computed.overlaps(PrintedRange(share)),
                       ["part": c.subject, "printed": share.description, "amount": Self.figure(amount, c.unit),
                        "total": whole.subject, "totalAmount": Self.figure(wholeAmount, c.unit),
                        "computed": Self.percentText(computed, places: share.places)], at: here)
        }
    }

    /// The parts of one total: none larger than it, their sum, shares, changes and budgets.
    func checkBreakdown(_ total: NarrativeClaim, _ parts: [NarrativeClaim], place: FindingLocation, into run: inout CheckRun) {
        guard let totalAmount = total.amount else { return }
        let unit = total.unit ?? ""
        let whole = PrintedRange(totalAmount)
        var exceeded = false
        for part in parts {
            guard let amount = part.amount else { continue }
            let over = PrintedRange(amount).low > whole.high
            exceeded = exceeded || over
            run.expect(.narrPartExceedsTotal, failed: over,
                       ["part": part.subject, "amount": Self.figure(amount, part.unit), "total": total.subject,
                        "totalAmount": Self.figure(totalAmount, unit)], at: at(place, part))
            if let share = part.sharePercent, let computed = PrintedRange(amount).percent(of: whole) {
                run.expect(.narrShare, failed: !computed.overlaps(PrintedRange(share)),
                           ["part": part.subject, "printed": share.description, "amount": Self.figure(amount, part.unit),
                            "total": total.subject, "totalAmount": Self.figure(totalAmount, unit),
                            "computed": Self.percentText(computed, places: share.places)], at: at(place, part))
            }
        }
        let amounts = parts.compactMap(\.amount)
        guard parts.count >= 2, amounts.count == parts.count else { return }
        let sum = amounts.map(PrintedRange.init).total()
        let listed = parts.map { "\($0.subject) \(Self.figure($0.amount, $0.unit))" }.joined(separator: "、")
        let places = amounts.map(\.places).max() ?? 2
        // A list after 其中 may leave parts out, so a smaller sum fails only when shares show the list is whole.
        let shares = parts.compactMap(\.sharePercent)
        let complete = shares.count == parts.count && shares.map(PrintedRange.init).total().overlaps(PrintedRange(exactly: 100))
        if !exceeded {
            let failed = sum.low > whole.high || (complete && sum.high < whole.low)
            run.expect(.narrPartsSum, failed: failed,
                       ["total": total.subject, "totalAmount": Self.figure(totalAmount, unit), "sum": sum.middle.fixedText(places: places) + unit,
                        "parts": listed], at: at(place, total))
        }
        if shares.count == parts.count {
            let shareSum = shares.map(PrintedRange.init).total()
            run.expect(.narrSharesTotal, failed: shareSum.low > 100,
                       ["total": total.subject, "sum": shareSum.middle.fixedText(places: shares.map(\.places).max() ?? 2) + "%"], at: at(place, total))
        }
        // The breakdown covers the total: its changes and budgets add up to the total's.
        guard sum.overlaps(whole) else { return }
        checkPartsAdd(\.change, "增减额", total, parts, place: place, into: &run)
        checkPartsAdd(\.budget, "预算数", total, parts, place: place, into: &run)
    }

    /// A figure of every part (`change`, `budget`) adds up to the same figure of the total.
    func checkPartsAdd(_ figure: KeyPath<NarrativeClaim, PrintedNumber?>, _ what: String, _ total: NarrativeClaim,
                       _ parts: [NarrativeClaim], place: FindingLocation, into run: inout CheckRun) {
        let figures = parts.compactMap { $0[keyPath: figure] }
        guard let printed = total[keyPath: figure], figures.count == parts.count else { return }
        let sum = figures.map(PrintedRange.init).total()
        let unit = total.unit ?? ""
        run.expect(.narrChangesSum, failed: !sum.overlaps(PrintedRange(printed)),
                   ["total": total.subject, "what": what, "printed": Self.figure(printed, unit),
                    "sum": sum.middle.fixedText(places: figures.map(\.places).max() ?? 2) + unit,
                    "parts": parts.map { "\($0.subject) \(Self.figure($0[keyPath: figure], $0.unit))" }.joined(separator: "、")],
                   at: at(place, total))
    }
}
