/// The result of checking: the findings to show and how often each check passed, failed,
/// did not apply or lacked data.
public struct CheckRun: Sendable, Hashable {
    public var findings: [Finding] = []
    /// Outcome counts per check code.
    public var tallies: [CheckCode: [CheckOutcome: Int]] = [:]

    public init() {}

    /// Records an outcome; a failure or missing data adds its finding.
    mutating func record(_ code: CheckCode, _ outcome: CheckOutcome, _ values: @autoclosure () -> [String: String] = [:],
                         at location: @autoclosure () -> FindingLocation) {
        tallies[code, default: [:]][outcome, default: 0] += 1
        if outcome == .fail || outcome == .insufficientData {
            findings.append(CheckCatalogue.finding(code, values(), at: location(), outcome: outcome))
        }
    }

    /// Records a pass, or a failure when `failed` is true.
    mutating func expect(_ code: CheckCode, failed: Bool, _ values: @autoclosure () -> [String: String],
                         at location: @autoclosure () -> FindingLocation) {
        record(code, failed ? .fail : .pass, values(), at: location())
    }

    /// Errors found from `start` on rest on figures the importer had to place by guessing:
    /// they become warnings that say so, since only a look at the original form can confirm them.
    mutating func soften(from start: Int, because guesses: [String]) {
        for index in findings.indices.dropFirst(start) where findings[index].severity == .error {
            findings[index].severity = .warning
            findings[index].message += "（该行导入时有推断，请核对原表：\(guesses.joined(separator: "；"))）"
        }
    }

    public mutating func merge(_ other: CheckRun) {
        findings += other.findings
        for (code, counts) in other.tallies {
            for (outcome, n) in counts { tallies[code, default: [:]][outcome, default: 0] += n }
        }
    }

    /// Findings counted by severity.
    public var countsBySeverity: [Severity: Int] {
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        return counts
    }
}
