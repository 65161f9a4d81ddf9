import Foundation

/// Checks a final-accounts disclosure: its narrative figures against each other, and its
/// performance section (预算绩效情况说明) against the self-evaluation forms attached to the
/// same document — the number of projects, their funds and the grade counts.
public struct DisclosureChecker: Sendable {
    public let profile: ScoringProfile

    public init(profile: ScoringProfile) { self.profile = profile }

    public func check(_ disclosure: FinalAccountsDisclosure, forms: [EvaluationForm]) -> CheckRun {
        let place = FindingLocation(form: "部门决算公开", source: disclosure.source)
        var run = ClaimChecker().check(disclosure.claims, place: place)
        let evaluations = forms.compactMap { form -> ProjectSelfEvaluation? in
            if case .projectSelfEvaluation(let e) = form { return e }
            return nil
        }
        let performance = disclosure.claims.filter { ($0.section ?? "").contains("绩效") }
        guard !performance.isEmpty else { return run }
        func here(_ claim: NarrativeClaim) -> FindingLocation { ClaimChecker.at(place, claim) }
        if let count = performance.first(where: { $0.unit == "个" && $0.grade == nil && $0.subject.contains("项目") }),
           let claimed = count.amount {
            if evaluations.isEmpty {
                run.record(.perfProjectCount, .insufficientData, ["claimed": claimed.description, "count": "0"], at: here(count))
            } else {
                run.expect(.perfProjectCount, failed: claimed.value != Decimal(evaluations.count),
                           ["claimed": claimed.description, "count": "\(evaluations.count)"], at: here(count))
            }
            if let funds = performance.first(where: { $0.unit == "万元" && $0.partOf == nil && $0.subject.contains("资金") }),
               let amount = funds.amount, !evaluations.isEmpty {
                checkFunds(amount, evaluations, at: here(funds), into: &run)
            }
        }
        let gradeClaims = performance.filter { $0.grade != nil && $0.amount != nil }
        if !gradeClaims.isEmpty, !evaluations.isEmpty {
            checkGrades(gradeClaims, evaluations, at: here, into: &run)
        }
        return run
    }

    /// The funds the section states against the budgets of the attached forms.
    func checkFunds(_ amount: PrintedNumber, _ evaluations: [ProjectSelfEvaluation], at location: FindingLocation, into run: inout CheckRun) {
        func total(_ pick: (BudgetExecution) -> PrintedNumber?) -> (PrintedRange, Int) {
            let numbers = evaluations.compactMap { $0.execution.flatMap(pick) }
            return (numbers.map(PrintedRange.init).total(), evaluations.count - numbers.count)
        }
        let (compiled, compiledMissing) = total { $0.compiledBudget ?? $0.initialBudget }
        let (annual, annualMissing) = total { $0.annualBudget }
        let agrees = PrintedRange(amount).overlaps(compiled) || PrintedRange(amount).overlaps(annual)
        let missing = max(compiledMissing, annualMissing)
        run.expect(.perfFunds, failed: !agrees,
                   ["claimed": amount.description, "initial": compiled.middle.fixedText(places: 2), "annual": annual.middle.fixedText(places: 2),
                    "missing": missing == 0 ? "" : "（其中\(missing)份表单缺少预算数）"], at: location)
    }

    /// Grade counts: each form counts with its printed grade, or the grade of its printed total;
    /// forms with neither widen the range a count may take.
    func checkGrades(_ claims: [NarrativeClaim], _ evaluations: [ProjectSelfEvaluation],
                     at here: (NarrativeClaim) -> FindingLocation, into run: inout CheckRun) {
        var known: [Grade: Int] = [:]
        var derived = 0
        var unknown = 0
        for e in evaluations {
            if let printed = e.reportedGrade.flatMap(Grade.init(text:)) {
                known[printed, default: 0] += 1
            } else if let total = e.reportedTotal, let grade = profile.grade(for: total.value) {
                known[grade, default: 0] += 1
                derived += 1
            } else {
                unknown += 1
            }
        }
        for claim in claims {
            guard let grade = claim.grade.flatMap(Grade.init(text:)), let claimed = claim.amount else { continue }
            let count = known[grade] ?? 0
            let failed = claimed.value < Decimal(count) || claimed.value > Decimal(count + unknown)
            var note = ""
            if derived > 0 { note += "；其中\(derived)份未印等级，按总分计" }
            if unknown > 0 { note += "；另有\(unknown)份既无等级也无总分" }
            run.expect(.perfGradeCount, failed: failed,
                       ["grade": grade.rawValue, "claimed": claimed.description, "count": "\(count)", "note": note], at: here(claim))
        }
    }
}
