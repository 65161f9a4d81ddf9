import Foundation
import Testing
import JixiaoCore
import JixiaoProfiles
@testable import JixiaoInterchange

/// Imports the published seed documents from `../shared/fixtures/seeds/`.
enum Seeds {
    static var folder: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/fixtures/seeds")
    }

    static func url(_ number: String) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let name = try #require(names.first { $0.hasPrefix(number + "_") })
        return folder.appendingPathComponent(name)
    }

    static func data(_ number: String) throws -> Data { try Data(contentsOf: url(number)) }

    static func document(_ number: String) throws -> InterchangeDocument {
        try TextImporter.read(path: url(number).path)
    }
}

extension EvaluationForm {
    var declaration: TargetDeclaration? { if case .targetDeclaration(let d) = self { return d }; return nil }
    var projectEvaluation: ProjectSelfEvaluation? { if case .projectSelfEvaluation(let e) = self { return e }; return nil }
    var departmentEvaluation: DepartmentEvaluation? { if case .departmentEvaluation(let e) = self { return e }; return nil }
}

@Suite(.needsSeeds) struct Seed001ImportTests {
    @Test func bothDeclarationsWithFundsSubTasksAndIndicators() throws {
        let document = try Seeds.document("001")
        let declarations = document.forms.compactMap(\.declaration)
        #expect(declarations.map(\.project.name) == ["交通工具购置及更新", "减污降碳工作专项经费"])
        #expect(declarations.map { $0.funds?.total?.description } == ["360000.00", "9028372.00"])
        #expect(declarations.allSatisfy { $0.funds?.unit == .yuan })
        #expect(declarations[1].funds?.fiscal?.value == 9_028_372)
        #expect(declarations[1].project.subTasks.map(\.number) == Array(1...11))
        #expect(declarations[1].project.subTasks[0].title == "管理运行——“三监联动”管理运行技术支持")
        #expect(declarations[0].project.department?.name == "上海市生态环境局")
        #expect(declarations[0].annualGoal?.hasPrefix("经费主要用于新增公务车辆购置") == true)
        #expect(declarations[1].annualGoal?.contains("碳排放：") == true)
        #expect(declarations[0].indicators.count == 6)
        #expect(declarations[1].indicators.count == 87)
        #expect(declarations[1].layout == .central2021)
        // Every indicator row has its level labels, its target, and its source line.
        for declaration in declarations {
            for indicator in declaration.indicators {
                #expect(indicator.level1 != nil && indicator.level2 != nil, "\(indicator.name)")
                #expect(indicator.target?.isFilled == true, "\(indicator.name)")
                #expect(indicator.source?.line != nil)
            }
        }
        let first = try #require(declarations[1].indicators.first)
        #expect(first.name == "预算编制合理性" && first.subTasks?.numbers == [1, 2] && first.level1 == .cost && first.level2 == .economicCost)
        let ranged = try #require(declarations[1].indicators.first { $0.subTasks?.text == "3-7." })
        #expect(ranged.subTasks?.numbers == [3, 4, 5, 6, 7] && ranged.target?.text == "小于预算拨付金额")
        let quantity = try #require(declarations[1].indicators.first { $0.name == "研究报告编制数量" })
        #expect(quantity.level1 == .output && quantity.level2 == .quantity && quantity.target?.magnitude == 1)
        #expect(document.importFindings.filter { $0.code == .importUnusedLine }.isEmpty)
    }
}

@Suite(.needsSeeds) struct Seed002ImportTests {
    @Test func projectSelfEvaluationWithExecutionAndTotal() throws {
        let document = try Seeds.document("002")
        let evaluation = try #require(document.forms.first?.projectEvaluation)
        #expect(document.forms.count == 1)
        #expect(evaluation.project.name == "固定污染源排污许可证核发和登记情况抽查专项工作")
        #expect(evaluation.project.fiscalYear == 2021 && evaluation.project.manager == "李广")
        // The published table holds 15 indicator rows (weights 90 + execution 10 = 100).
        #expect(evaluation.indicators.count == 15)
        #expect(evaluation.indicators.compactMap(\.weight?.value).reduce(0, +) == 90)
        let execution = try #require(evaluation.execution)
        #expect(execution.annualBudget?.value == Decimal(string: "79.2") && execution.executed?.value == Decimal(string: "77.68"))
        let score = ExecutionScorer(profile: try ProfileLibrary.profile(id: "national")).score(execution)
        #expect(score.rate.map { $0.rounded(places: 3) } == Decimal(string: "0.981"))
        #expect(score.suggested == Decimal(string: "9.81"))
        #expect(execution.reportedScore?.description == "9.8" && execution.reportedScore?.agrees(with: score.suggested!) == true)
        #expect(evaluation.reportedTotal?.description == "97.3")
        #expect(evaluation.filledBy == "杨涛" && evaluation.date == "2022.1.10")
        let late = try #require(evaluation.indicators.first { $0.name == "指标3：项目验收或工作总结" })
        #expect(late.level2 == .timeliness && late.reportedScore?.description == "4.5" && late.deviationReason?.hasPrefix("由于区财政局") == true)
        let social = try #require(evaluation.indicators.first { $0.level2 == .socialBenefit })
        #expect(social.level2Label == "社会效益指标")
        #expect(document.importFindings.filter { $0.severity != .info }.isEmpty)
    }
}

@Suite(.needsSeeds) struct Seed003ImportTests {
    @Test func departmentEvaluationWithGoalsIndicatorsAndClaims() throws {
        let document = try Seeds.document("003")
        let evaluation = try #require(document.forms.first?.departmentEvaluation)
        #expect(evaluation.department.name == "天津市生态环境局" && evaluation.fiscalYear == 2024)
        #expect(evaluation.goals.map(\.number) == (1...20).map { $0 })
        #expect(evaluation.goals.allSatisfy { !$0.target.isEmpty && $0.actual?.isEmpty == false })
        // Every indicator row the text holds (the conclusion claims 165; the table prints 164).
        #expect(evaluation.indicators.count == 164)
        for indicator in evaluation.indicators {
            #expect(indicator.goalNumber != nil && indicator.level1 != nil && indicator.level2 != nil, "\(indicator.name)")
            #expect(indicator.target != nil && indicator.actual != nil && indicator.weight != nil && indicator.reportedScore != nil, "\(indicator.name)")
        }
        #expect(Set(evaluation.indicators.compactMap(\.goalNumber)) == Set(1...20))
        let shifted = try #require(evaluation.indicators.first { $0.name == "建设项目环评审批和规划环评审查数" })
        #expect(shifted.goalNumber == 4 && shifted.target?.text == "≥20个" && shifted.actual?.text == "21个")
        let execution = try #require(evaluation.execution)
        #expect(execution.annualBudget?.value == Decimal(string: "112213.87") && execution.executed?.value == Decimal(string: "96576.03"))
        let score = ExecutionScorer(profile: try ProfileLibrary.profile(id: "national")).score(execution)
        #expect(score.rate.map { $0.rounded(places: 3) } == Decimal(string: "0.861") && score.suggested == Decimal(string: "8.61"))
        #expect(execution.reportedScore?.agrees(with: score.suggested!) == true)
        #expect(evaluation.reportedTotal?.description == "98.6" && evaluation.reportedGrade == "优")
        let claims = Dictionary(evaluation.claims.map { ($0.subject, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(claims["年度绩效指标"]?.amount?.value == 165)
        #expect(claims["数量指标"]?.amount?.value == 43 && claims["数量指标"]?.partOf == "年度绩效指标")
        #expect(claims["年度绩效目标"]?.amount?.value == 20)
        #expect(claims["基本支出"]?.completionPercent?.description == "98.9%")
        #expect(document.importFindings.filter { $0.code == .importUnusedLine }.isEmpty)
    }
}

@Suite(.needsSeeds) struct Seed004ImportTests {
    /// A long file is read in parallel; the document must be the one a single thread reads,
    /// byte for byte, findings and their order included.
    @Test func parallelReadingGivesTheSameDocument() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for number in ["001", "002", "003", "004"] {
            let data = try Seeds.data(number)
            let single = try TextImporter.read(data, file: "seed.txt", parallel: false)
            let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).count
            if number == "004" { #expect(lines >= TextLayout.parallelLines) }
            for _ in 0..<3 {
                let parallel = try TextImporter.read(data, file: "seed.txt", parallel: true)
                #expect(try encoder.encode(parallel) == encoder.encode(single), "seed \(number)")
            }
        }
    }

    @Test func everyAttachedFormAndTheNarrative() throws {
        let document = try Seeds.document("004")
        let forms = document.forms.compactMap(\.projectEvaluation)
        #expect(document.forms.count == 64 && forms.count == 64)
        #expect(forms.filter { $0.printedTitle?.contains("评价报告") == true }.count == 1)
        #expect(forms[0].project.name.hasPrefix("2023年晋城市“三线一单”"))
        for form in forms {
            #expect(!form.project.name.isEmpty)
            #expect(form.project.department?.code == "218", "\(form.project.name)")
            #expect(form.project.unit?.code?.hasPrefix("218") == true, "\(form.project.name)")
            #expect(form.execution?.annualBudget != nil, "\(form.project.name)")
            #expect(!form.indicators.isEmpty, "\(form.project.name)")
        }
        let rated = try #require(forms.first { $0.project.name == "晋城市重点行业环保绩效评级" })
        #expect(rated.reportedTotal?.description == "69.75" && rated.reportedGrade == "良")
        let devices = try #require(forms.first { $0.project.name == "城区分局设备购置项目" })
        #expect(devices.reportedTotal?.description == "98" && devices.reportedGrade == "优" && devices.indicators.count == 10)
        #expect(devices.project.unit?.code == "218005" && devices.execution?.breakdown.first?.label == "市县区财政资金")
        let shifted = try #require(devices.indicators.first { $0.name == "笔记本成本" })
        #expect(shifted.target?.kind == .unfilledTemplate && shifted.adjustedTarget?.text == "8600元/台" && shifted.weight?.value == 5)
        // A total printed on the line after 总分.
        let wrapped = try #require(forms.first { $0.project.name == "大气污染防治运行费" })
        #expect(wrapped.reportedTotal?.description == "94" && wrapped.reportedGrade == "优")
        // Two forms end without a 总分 row: reported, not invented.
        #expect(forms.filter { $0.reportedTotal == nil }.count == 2)
        #expect(document.importFindings.filter { $0.code == .importFormIncomplete }.count == 2)
        #expect(document.importFindings.filter { $0.code == .importUnusedLine }.isEmpty)

        let disclosure = try #require(document.disclosure)
        #expect(disclosure.department?.name == "晋城市生态环境局" && disclosure.fiscalYear == 2024)
        #expect(disclosure.section(containing: "预算绩效情况说明") != nil)
        let claims = disclosure.claims
        let projects = try #require(claims.first { $0.subject == "二级项目" })
        #expect(projects.amount?.value == 64)
        let funds = try #require(claims.first { $0.subject == "二级项目资金" })
        #expect(funds.amount?.description == "12814.56")
        #expect(claims.first { $0.subject == "一般公共预算项目支出" }?.partOf == "二级项目资金")
        #expect(claims.filter { $0.grade != nil }.map { "\($0.grade!)\($0.amount!.description)" } == ["优52", "良9", "中2", "差1"])
        let income = try #require(claims.first { $0.subject == "收入总计" })
        #expect(income.amount?.description == "47549.83" && income.change?.description == "17356.89" && income.changePercent?.description == "57.49%")
        let threePublic = try #require(claims.first { $0.subject == "公务用车运行维护费支出" })
        #expect(threePublic.change?.description == "-42.78" && threePublic.changePercent?.description == "-100%" && threePublic.partOf == "“三公”经费财政拨款支出")
        let share = try #require(claims.first { $0.subject == "财政拨款收入" })
        #expect(share.sharePercent?.description == "78.78%" && share.partOf == "收入合计")
    }
}

@Suite struct UnreadableInputTests {
    func importing(_ bytes: [UInt8]) -> InterchangeError? {
        do { _ = try DocumentReader.read(Data(bytes), file: "x.txt"); return nil } catch { return error as? InterchangeError }
    }

    @Test func binaryEmptyAndForeignFilesAreClearErrors() {
        // A picture is told by its magic bytes and needs OCR; other binary content is not text.
        #expect(importing([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])?.code == "IMPORT_NEEDS_OCR")
        #expect(importing([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0, 0, 0, 0, 0])?.code == "IMPORT_NOT_TEXT")
        #expect(importing([])?.code == "JSON_EMPTY" || importing([])?.code == "IMPORT_EMPTY")
        #expect(importing(Array(" \n\n\t ".utf8))?.code != nil)
        // 预算 in GBK: not UTF-8.
        #expect(importing([0xD4, 0xA4, 0xCB, 0xE3, 0x0A])?.code == "IMPORT_NOT_UTF8")
        let foreign = importing(Array("# 会议纪要\n\n今天讨论了办公室搬迁。\n".utf8))
        #expect(foreign?.code == "IMPORT_NO_FORMS")
        #expect(foreign?.description.contains("x.txt") == true)
    }

    @Test(.needsSeeds) func aFileCutInTheMiddleOfAFormGivesFindings() throws {
        let text = String(decoding: try Seeds.data("004"), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(462).joined(separator: "\n")  // inside the indicator table of 城区分局设备购置项目
        let document = try TextImporter.read(Data(cut.utf8), file: "cut.txt")
        let last = try #require(document.forms.last?.projectEvaluation)
        #expect(last.project.name == "城区分局设备购置项目" && last.reportedTotal == nil)
        #expect(document.importFindings.contains { $0.code == .importFormIncomplete && $0.message.contains("城区分局设备购置项目") })
    }

    @Test(.needsSeeds) func everyPrefixOfTheSeedsImportsWithoutCrashing() throws {
        for number in ["001", "002", "003"] {
            let lines = String(decoding: try Seeds.data(number), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for end in stride(from: 1, through: lines.count, by: 7) {
                let text = lines.prefix(end).joined(separator: "\n")
                _ = try? TextImporter.read(Data(text.utf8), file: "prefix.txt")
            }
        }
    }

    @Test(.needsSeeds) func scrambledCellsNeverCrashAndKeepCounts() throws {
        var generator = SystemRandomNumberGenerator()
        let text = String(decoding: try Seeds.data("003"), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<40 {
            let i = Int.random(in: 0..<lines.count, using: &generator)
            var cells = lines[i].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            cells.shuffle(using: &generator)
            lines[i] = cells.joined(separator: "\t")
        }
        _ = try? TextImporter.read(Data(lines.joined(separator: "\n").utf8), file: "scrambled.txt")
    }
}
