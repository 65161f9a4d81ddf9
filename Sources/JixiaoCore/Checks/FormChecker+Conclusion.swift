import Foundation

extension FormChecker {
    /// A department evaluation's conclusion against its own tables: the counts of goals and
    /// indicators (by 二级 category), the self-assessed total, the budget and execution rate.
    func checkConclusion(_ e: DepartmentEvaluation, place: FindingLocation, into run: inout CheckRun) {
        guard !e.claims.isEmpty else { return }
        run.merge(ClaimChecker().check(e.claims, place: place))
        let indicators = e.indicators.classified(layout: e.layout)
        var conclusion = place
        conclusion.field = "自评结论"
        func here(_ claim: NarrativeClaim) -> FindingLocation { ClaimChecker.at(conclusion, claim) }
        for claim in e.claims {
            guard let amount = claim.amount else { continue }
            if claim.unit == "项", claim.partOf == nil, claim.subject.contains("指标") {
                run.expect(.deptClaimCount, failed: amount.value != Decimal(indicators.count),
                           ["subject": claim.subject, "claimed": amount.description, "count": "\(indicators.count)"], at: here(claim))
            } else if claim.unit == "项", claim.partOf == nil, claim.subject.contains("目标") {
                let goals = e.goals.filter { $0.number != nil }.count
                run.expect(.deptClaimCount, failed: amount.value != Decimal(goals),
                           ["subject": claim.subject, "claimed": amount.description, "count": "\(goals)"], at: here(claim))
            } else if claim.unit == "项", claim.partOf != nil, let category = Level2Category.classify(claim.subject) {
                let count = indicators.filter { $0.level2 == category }.count
                run.expect(.deptClaimCount, failed: amount.value != Decimal(count),
                           ["subject": claim.subject, "claimed": amount.description, "count": "\(count)"], at: here(claim))
            } else if claim.unit == "分", let total = e.reportedTotal {
                run.expect(.deptClaimTotal, failed: !PrintedRange(amount).overlaps(PrintedRange(total)),
                           ["claimed": amount.description, "total": total.description], at: here(claim))
            } else if claim.partOf == nil, claim.completionPercent != nil || claim.subject.contains("预算"),
                      let a = e.execution?.annualBudget {
                checkConclusionExecution(claim, amount: amount, a: a, b: e.execution?.executed, at: here(claim), into: &run)
            }
        }
    }

    func checkConclusionExecution(_ claim: NarrativeClaim, amount: PrintedNumber, a: PrintedNumber, b: PrintedNumber?,
                                  at location: FindingLocation, into run: inout CheckRun) {
        var failed = !PrintedRange(amount).overlaps(PrintedRange(a))
        var computed = "—"
        if let rate = claim.completionPercent, let b, let exact = PrintedRange(b).percent(of: PrintedRange(a)) {
            failed = failed || !exact.overlaps(PrintedRange(rate))
            computed = exact.middle.fixedText(places: max(rate.places, 2)) + "%"
        }
        run.expect(.deptClaimExecution, failed: failed,
                   ["subject": claim.subject, "claimed": amount.description, "rate": claim.completionPercent?.description ?? "—",
                    "a": a.description, "b": b?.description ?? "—", "computed": computed], at: location)
    }
}
