/// A point in time written as a target or an actual value: `2024年12月底前`, `6月`,
/// `2024年6月30日`, `2024-12-31`. Missing parts are nil.
public struct Deadline: Sendable, Hashable, Codable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// `前` / `之前` / `以前`: by that time.
    public var before: Bool
    /// `底` / `末`: the end of the month or year.
    public var end: Bool

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil, before: Bool = false, end: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.before = before
        self.end = end
    }

    /// The last day the text allows, as a sortable number yyyymmdd; unknown year counts as `defaultYear`.
    public func latest(defaultYear: Int) -> Int {
        let y = year ?? defaultYear
        guard let month else { return y * 10000 + 1231 }
        let d = day ?? Self.daysIn(month: month, year: y)
        return y * 10000 + month * 100 + d
    }

    /// The first day the text allows, as yyyymmdd.
    public func earliest(defaultYear: Int) -> Int {
        let y = year ?? defaultYear
        guard let month else { return y * 10000 + 101 }
        if let day { return y * 10000 + month * 100 + day }
        return y * 10000 + month * 100 + (end ? 21 : 1)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// True when the parts form a real calendar date (as far as they are given).
    public var isValid: Bool {
        if let month, !(1...12).contains(month) { return false }
        if let day {
            guard let month else { return false }
            return day >= 1 && day <= Self.daysIn(month: month, year: year ?? 2024)
        }
        if let year, !(1900...2200).contains(year) { return false }
        return true
    }
}
