import Foundation
import Testing
@testable import JixiaoCore

@Suite("Model")
struct ModelTests {
    @Test("Sub-task tags as the seed 001 declaration writes them",
          arguments: [("3. 重点排放单位月度信息化存证审核", "3.", [3], "重点排放单位月度信息化存证审核"),
                      ("1与2. 预算编制合理性", "1与2.", [1, 2], "预算编制合理性"),
                      ("3-7. 成本控制率", "3-7.", [3, 4, 5, 6, 7], "成本控制率"),
                      ("9-11. 预算执行率", "9-11.", [9, 10, 11], "预算执行率"),
                      ("1-11 项目完成及时性", "1-11", Array(1...11), "项目完成及时性")])
    func tags(_ example: (String, String, [Int], String)) {
        let split = SubTaskTag.split(example.0)
        #expect(split?.tag.text == example.1)
        #expect(split?.tag.numbers == example.2)
        #expect(split?.name == example.3)
    }

    @Test("Numbers typed with a Chinese input method (full-width) or with thousands separators read as numbers")
    func fullWidthAndGroupedNumbers() throws {
        #expect(PrintedNumber(text: "９．５") == PrintedNumber(Decimal(string: "9.5")!, places: 1))
        #expect(PrintedNumber(text: "１００％") == PrintedNumber(100, places: 0, isPercent: true))
        #expect(PrintedNumber(text: "1,234,567.80")?.value == Decimal(string: "1234567.80"))
        #expect(PrintedNumber(text: "１，２３４．５")?.value == Decimal(string: "1234.5"))
        #expect(PrintedNumber(text: "九") == nil && PrintedNumber(text: "９a") == nil)
    }

    @Test("Names that start with a number are not tags")
    func notTags() {
        #expect(SubTaskTag.split("1.5万元以上") == nil)
        #expect(SubTaskTag.split("完成煤质分析") == nil)
        #expect(SubTaskTag.split("2024年度报告") == nil)
    }

    @Test("Coded organisation names split into code and name")
    func organisations() {
        let unit = Organisation(codedName: "218005-晋城市生态环境局城区分局", kind: .unit)
        #expect(unit.code == "218005")
        #expect(unit.name == "晋城市生态环境局城区分局")
        #expect(unit.departmentCode == "218")
        let plain = Organisation(codedName: "上海市生态环境局", kind: .department)
        #expect(plain.code == nil)
        #expect(plain.name == "上海市生态环境局")
    }

    @Test("Category labels map onto the taxonomy in both layouts, with synonyms")
    func categories() {
        #expect(Level2Category.classify("服务对象满意度指标") == .satisfaction)
        #expect(Level2Category.classify("服务对象满意度") == .satisfaction)
        #expect(Level2Category.classify("社会效益\n指标") == .socialBenefit)
        #expect(Level2Category.classify("生态环境成本指标") == .ecologicalCost)
        #expect(Level1Category.classify("满意度\n指标") == .satisfaction)
        #expect(Level2Category.cost.level1(in: .classic) == .output)
        #expect(Level2Category.cost.level1(in: .central2021) == .cost)
        let i = Indicator(level2Label: "成本指标", name: "x", layout: .central2021)
        #expect(i.level1 == .cost)
    }

    @Test("Money converts exactly")
    func money() {
        #expect(MoneyUnit.yuan.convert(9_028_372, to: .tenThousandYuan) == Decimal(string: "902.8372"))
        #expect(MoneyUnit.hundredMillionYuan.convert(Decimal(string: "1.2")!, to: .yuan) == 120_000_000)
    }

    @Test("Printed numbers keep their precision")
    func printed() {
        let p = PrintedNumber(text: "9.80")!
        #expect(p.places == 2)
        #expect(p.description == "9.80")
        #expect(PrintedNumber(text: "98.1%")?.isPercent == true)
        #expect(PrintedNumber(text: "9,028,372.00")?.value == 9_028_372)
        #expect(PrintedNumber(text: "九") == nil)
    }
}

@Suite struct UnitTableTests {
    /// Every ready-made unit is exactly what the general rule builds from its text.
    @Test func readyMadeUnitsMatchTheGeneralRule() {
        // Bracketed forms (`(公里)`, `(台(套))`) are the table's own; the plain ones must agree.
        for (scalars, unit) in UnitCatalogue.byScalars where scalars.first != "(" {
            let text = String(String.UnicodeScalarView(scalars))
            #expect(UnitCatalogue.unit(for: text) == unit, "\(text)")
        }
        #expect(UnitCatalogue.byScalars.count > 1000, "the usual rates are ready-made")
    }
}
