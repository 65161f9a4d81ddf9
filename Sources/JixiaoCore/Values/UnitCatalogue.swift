import Foundation

/// Known units of indicator values and how they normalise.
///
/// Counting words (`个`, `家`, `人` …) stay distinct bases: `≥2000个` against `2017人` is a
/// unit difference worth reporting. Money converts exactly between `元`, `万元` and `亿元`.
public enum UnitCatalogue {
    struct Entry: Sendable {
        let base: String
        /// Scale as a power of ten.
        let power: Int
        let family: UnitFamily
    }

    static let percentWords: Set<String> = ["%", "百分比", "百分率"]

    static let entries: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(_ names: [String], _ base: String, _ scale: Decimal = 1, _ family: UnitFamily) {
            let power = ValueUnit.power(of: scale) ?? 0
            for name in names { table[name] = Entry(base: base, power: power, family: family) }
        }
        add(["%", "百分比", "百分率"], "%", 1, .percent)
        add(["‰"], "‰", 1, .percent)
        add(["百分点"], "百分点", 1, .percent)
        add(["元"], "元", 1, .money)
        add(["千元"], "元", 1000, .money)
        add(["万元", "万"], "元", 10000, .money)
        add(["百万元"], "元", 1_000_000, .money)
        add(["亿元", "亿"], "元", 100_000_000, .money)
        let counts = [
            "个", "家", "人", "次", "份", "台", "套", "台(套)", "台/套", "件", "条", "辆", "册", "部", "座", "项",
            "篇", "期", "场", "批", "户", "处", "宗", "本", "张", "人次", "家次", "户次", "车次", "场次",
            "批次", "名", "位", "所", "只", "棵", "株", "块", "间", "栋", "幅", "组", "个次", "辆次", "台次",
            "种", "类", "门", "节", "课时", "学时", "卷", "盒", "箱", "根", "片", "段", "支", "艘", "架",
            "例", "起", "单", "笔", "轮", "枚", "页", "期次", "批次", "册次", "对", "口", "眼", "座次",
            "平台", "系统", "报告", "网点", "站", "点", "点位", "断面", "亩次", "吨次", "包",
        ]
        for word in counts { add([word], word, 1, .count) }
        add(["天", "日", "工作日", "个工作日"], "天", 1, .duration)
        add(["小时", "h"], "小时", 1, .duration)
        add(["分钟"], "分钟", 1, .duration)
        add(["秒", "s"], "秒", 1, .duration)
        add(["度", "千瓦时", "kWh"], "千瓦时", 1, .other)
        add(["袋", "瓶", "桶", "罐"], "包", 1, .count)
        add(["m3/d", "m³/d", "立方米/天", "立方米/日"], "立方米/天", 1, .rate)
        add(["吨/天", "t/d", "吨/日"], "吨/天", 1, .rate)
        add(["周"], "周", 1, .duration)
        add(["个月", "月"], "月", 1, .duration)
        add(["年"], "年", 1, .duration)
        add(["公里", "千米", "km"], "公里", 1, .length)
        add(["米", "延米", "m"], "米", 1, .length)
        add(["平方米", "平方", "平米", "㎡", "m²", "m2"], "平方米", 1, .area)
        add(["平方公里", "km²", "km2"], "平方公里", 1, .area)
        add(["亩"], "亩", 1, .area)
        add(["公顷"], "公顷", 1, .area)
        add(["吨", "t"], "吨", 1, .weight)
        add(["千克", "公斤", "kg"], "千克", 1, .weight)
        add(["立方米", "方", "m³", "m3"], "立方米", 1, .volume)
        add(["升", "L"], "升", 1, .volume)
        add(["分"], "分", 1, .other)
        add(["μg/m³", "微克/立方米", "ug/m3", "μg/m3"], "微克/立方米", 1, .rate)
        add(["mg/L", "毫克/升"], "毫克/升", 1, .rate)
        return table
    }()

    /// Ready-made units keyed by their written scalars, brackets included (`(公里)`, `（%）` folded):
    /// the common case allocates nothing.
    static let byScalars: [[Unicode.Scalar]: ValueUnit] = {
        var table: [[Unicode.Scalar]: ValueUnit] = [:]
        for (name, entry) in entries {
            for written in [name, "(" + name + ")"] {
                table[Array(written.unicodeScalars)] = ValueUnit(text: written, base: entry.base, power: entry.power, family: entry.family)
            }
        }
        // The usual rates, ready-made: a counting or money word per a time word (`次/天`, `人/次`, `元/台`),
        // exactly as the rate rule of `unit(for:)` would build them.
        let per = entries.filter { $0.value.family == .count || $0.value.family == .duration || $0.key == "元" }.map(\.key)
        for left in per where !"万亿千百".unicodeScalars.contains(left.unicodeScalars.first!) && !left.contains("(") && !left.contains("/") {
            for right in per where !right.contains("(") && !right.contains("/") {
                let written = left + "/" + right
                let key = Array(written.unicodeScalars)
                guard table[key] == nil, entries[written] == nil, looksLikeUnitWord(left), looksLikeUnitWord(right) else { continue }
                table[key] = ValueUnit(text: written, base: written, power: 0, family: .rate)
            }
        }
        return table
    }()

    /// The ready-made units in an open-addressing table keyed by an FNV-1a hash of their scalars,
    /// so a unit inside a longer text is found without copying it out or running the standard hasher.
    static let fastTable: (slots: [(key: [Unicode.Scalar], unit: ValueUnit)?], mask: Int) = {
        var size = 1
        while size < byScalars.count * 4 { size *= 2 }
        var slots: [(key: [Unicode.Scalar], unit: ValueUnit)?] = Array(repeating: nil, count: size)
        for (key, unit) in byScalars {
            var slot = Int(truncatingIfNeeded: fnv(key[...])) & (size - 1)
            while slots[slot] != nil { slot = (slot + 1) & (size - 1) }
            slots[slot] = (key, unit)
        }
        return (slots, size - 1)
    }()

    @inline(__always) static func fnv(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Normalises the unit written at `range` of folded scalars: the ready-made table first, then
    /// rates, then the general rule.
    static func unit(scalars s: [Unicode.Scalar], _ range: Range<Int>) -> ValueUnit? {
        let slice = s[range]
        let table = fastTable
        var slot = Int(truncatingIfNeeded: fnv(slice)) & table.mask
        while let entry = table.slots[slot] {
            if entry.key.elementsEqual(slice) { return entry.unit }
            slot = (slot + 1) & table.mask
        }
        // A rate of two unit words (`次/天`), read here without building strings for the lookups:
        // the same rule as `unit(for:)`, which the other shapes still take.
        let text = { String(String.UnicodeScalarView(slice)) }
        if let slash = slice.firstIndex(of: "/"), slash > slice.startIndex, slash < slice.endIndex - 1,
           !slice.contains("("), !slice.contains(")"), !"万亿千百".unicodeScalars.contains(slice[slice.startIndex]),
           looksLikeUnitWord(slice[..<slash]), looksLikeUnitWord(slice[(slash + 1)...]) {
            let written = text()
            return ValueUnit(text: written, base: written, power: 0, family: .rate)
        }
        return unit(for: text())
    }

    /// Normalises a unit given as folded scalars.
    static func unit(scalars: [Unicode.Scalar]) -> ValueUnit? {
        unit(scalars: scalars, scalars.indices)
    }

    /// Normalises a unit as written; nil when the text does not look like a unit.
    public static func unit(for written: String) -> ValueUnit? {
        var text = written
        // Outer brackets: `(公里)`, `（%）`.
        if text.hasPrefix("("), text.hasSuffix(")") {
            let inner = text.dropFirst().dropLast()
            if !inner.contains("(") && !inner.contains(")") { text = String(inner) }
        }
        if text.isEmpty { return nil }
        if let entry = entries[text] {
            return ValueUnit(text: written, base: entry.base, power: entry.power, family: entry.family)
        }
        // Chinese multipliers in front of a known unit: `万件`, `万人次`, `亿元`.
        for (prefix, power) in [("万", 4), ("亿", 8), ("千", 3), ("百", 2)] {
            if text.hasPrefix(prefix) {
                let rest = String(text.dropFirst(prefix.count))
                if let entry = entries[rest], entry.family != .percent {
                    return ValueUnit(text: written, base: entry.base, power: entry.power + power, family: entry.family)
                }
            }
        }
        // A counting word with a note in brackets: `50个(盒)`, `4台(套)`.
        if let open = text.firstIndex(of: "("), text.hasSuffix(")"), open != text.startIndex,
           let entry = entries[String(text[..<open])] {
            return ValueUnit(text: written, base: text, power: entry.power, family: entry.family)
        }
        // Rates: `次/天`, `元/台`, `人/次`.
        if let slash = text.firstIndex(of: "/"), slash != text.startIndex, text.index(after: slash) != text.endIndex {
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2, parts.allSatisfy({ looksLikeUnitWord($0) }) {
                return ValueUnit(text: written, base: text, power: 0, family: .rate)
            }
        }
        // A short unknown word (one or two characters) is still a unit: `处`, `罐`.
        if looksLikeUnitWord(text), text.count <= 2 {
            return ValueUnit(text: written, base: text, power: 0, family: .other)
        }
        return nil
    }

    /// True when every character could belong to a unit word.
    static func looksLikeUnitWord(_ text: String) -> Bool {
        guard text.count <= 5 else { return false }
        return looksLikeUnitWord(Array(text.unicodeScalars))
    }

    static let unitSymbols = Array("()%‰²³μ/".unicodeScalars)
    static let notUnitScalars = Array("的是在和与及或对为了完成达到以上下内前后".unicodeScalars)

    static func looksLikeUnitWord(_ scalars: some Collection<Unicode.Scalar>) -> Bool {
        guard !scalars.isEmpty, scalars.count <= 5 else { return false }
        for scalar in scalars {
            let v = scalar.value
            let isCJK = (0x4E00...0x9FFF).contains(v)
            let isLetter = (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            let isSymbol = unitSymbols.contains(scalar)
            if !(isCJK || isLetter || isSymbol) { return false }
            if isCJK && notUnitScalars.contains(scalar) { return false }
        }
        return true
    }
}
