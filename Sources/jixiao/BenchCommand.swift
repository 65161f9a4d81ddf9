import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoProfiles
import JixiaoInterchange
import JixiaoReports

/// Whole-job measurement, run on demand in a release build: parse and score N indicators.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "性能测量：解析并评分 N 个指标（请用 release 构建：swift run -c release jixiao bench）。")

    @Option(name: .long, help: "指标个数")
    var count: Int = 1_000_000

    @Option(name: .long, help: "评分规则")
    var profile: String = ProfileLibrary.defaultID

    @Option(name: .long, help: "只测某一步（用于性能剖析）：parse 或 score；缺省测全部")
    var only: String?

    /// Target, actual and weight triples in the shapes the published forms use.
    static let pool: [(String, String, String, String)] = [
        ("≥15000.00(公里)", "16230公里", "10", "数量指标"), ("=100.00(%)", "=100%", "5", "质量指标"),
        ("≤70万元", "67.5万元", "0.55", "成本指标"), ("≥2000个", "2017人", "0.55", "数量指标"),
        ("2024年12月底前", "2024年12月20日", "5", "时效指标"), ("满意", "满意", "10", "服务对象满意度"),
        ("≥90%", "98.40%", "10", "服务对象满意度"), ("=8次/天", "10次/天", "10", "数量指标"),
        ("≤20万元", "23.85万元", "3", "成本指标"), ("≥100家", "90家", "5", "数量指标"),
        ("保障", "达成预期指标", "15", "社会效益"), ("6月", "如期指标并具", "5", "时效指标"),
        ("≥%", "≥85%", "10", "服务对象满意度"), ("每月", "达成预期指标", "1", "时效指标"),
        ("9,028,372.00", "9,028,372.00", "10", "成本指标"), ("不少于20%", "25%", "5", "质量指标"),
    ]

    @Option(name: .customLong("import"), help: "改为测量导入：反复导入这个文本文件，报告 MB/秒")
    var importFile: String?

    @Option(name: .customLong("check"), parsing: .upToNextOption, help: "改为测量审核：读入、导入并审核这些文件，生成 JSON 报告，报告总用时")
    var checkFiles: [String] = []

    func run() throws {
        if !checkFiles.isEmpty {
            try Self.benchCheck(checkFiles, profile: ProfileLibrary.profile(id: profile))
            return
        }
        if let importFile {
            try Self.benchImport(importFile)
            return
        }
        let profile = try ProfileLibrary.profile(id: profile)
        let scorer = IndicatorScorer(profile: profile)
        // The pool cycles; every value is parsed afresh (nothing is cached), as in real data.
        let weightPool = Self.pool.map { PrintedNumber(text: $0.2)! }
        let level2Pool = Self.pool.map { Level2Category.classify($0.3) }
        let slots = (0..<count).map { $0 % Self.pool.count }
        let targets = slots.map { Self.pool[$0].0 }
        let actuals = slots.map { Self.pool[$0].1 }
        let weights = slots.map { weightPool[$0] }
        let level2 = slots.map { level2Pool[$0] }

        if only == "sizes" { print(Self.sizes); return }
        if only == "score-loop" {
            // Scores the pool's indicators over and over, for profiling the scorer alone.
            let scorer = IndicatorScorer(profile: profile)
            let built = Self.pool.map { Indicator(level2: Level2Category.classify($0.3), name: "指标", target: IndicatorValueParser.parse($0.0),
                                                  actual: IndicatorValueParser.parse($0.1), weight: PrintedNumber(text: $0.2)!) }
            let clock = Date()
            var n = 0
            for i in 0..<count where scorer.score(built[i % built.count], fiscalYear: 2024).suggested != nil { n += 1 }
            print(String(format: "score-loop: %.0f ns per indicator (%d)", Date().timeIntervalSince(clock) / Double(count) * 1e9, n))
            return
        }
        if only == "each" {
            // Nanoseconds per parse of each distinct pool string, to find the slow shapes.
            for text in Set(Self.pool.flatMap { [$0.0, $0.1] }).sorted() {
                let clock = Date()
                var n = 0
                for _ in 0..<100_000 where IndicatorValueParser.parse(text).kind == .quantitative { n += 1 }
                print(String(format: "%8.0f ns  %@", Date().timeIntervalSince(clock) * 1e4, text))
            }
            let scorer = IndicatorScorer(profile: profile)
            for (target, actual, weight, level2) in Self.pool {
                let indicator = Indicator(level2: Level2Category.classify(level2), name: "指标", target: IndicatorValueParser.parse(target),
                                          actual: IndicatorValueParser.parse(actual), weight: PrintedNumber(text: weight)!)
                var clock = Date()
                var n = 0
                for _ in 0..<100_000 where scorer.score(indicator, fiscalYear: 2024).suggested != nil { n += 1 }
                let scoring = Date().timeIntervalSince(clock) * 1e4
                clock = Date()
                for _ in 0..<100_000 {
                    let built = Indicator(level2: level2Pool[0], name: "指标", target: indicator.target, actual: indicator.actual, weight: weightPool[0])
                    if built.weight != nil { n += 1 }
                }
                print(String(format: "score %6.0f ns, build %4.0f ns  %@ / %@", scoring, Date().timeIntervalSince(clock) * 1e4, target, actual))
            }
            return
        }
        if let only, only != "main" {
            let clock = Date()
            var n = 0
            if only == "parse" {
                for _ in 0..<3 { for i in 0..<count where IndicatorValueParser.parse(targets[i]).kind == .quantitative { n += 1 } }
            } else {
                let indicators = (0..<count).map { i in
                    Indicator(level2: level2[i], name: "指标", target: IndicatorValueParser.parse(targets[i]),
                              actual: IndicatorValueParser.parse(actuals[i]), weight: weights[i])
                }
                let clock2 = Date()
                for _ in 0..<3 { for indicator in indicators where scorer.score(indicator, fiscalYear: 2024).suggested != nil { n += 1 } }
                print(String(format: "score ×3: %.3f 秒", Date().timeIntervalSince(clock2)))
            }
            print(String(format: "%@: %.3f 秒 (%d)", only, Date().timeIntervalSince(clock), n))
            return
        }

        // Baseline in the same run: reading every byte of the same strings.
        var start = Date()
        var bytes = 0
        for i in 0..<count { bytes &+= targets[i].utf8.reduce(0) { $0 &+ Int($1) } &+ actuals[i].utf8.reduce(0) { $0 &+ Int($1) } }
        let baseline = Date().timeIntervalSince(start)

        start = Date()
        var checksum = Decimal(0)
        var scored = 0
        for i in 0..<count {
            let indicator = Indicator(level2: level2[i], name: "指标", target: IndicatorValueParser.parse(targets[i]),
                                      actual: IndicatorValueParser.parse(actuals[i]), weight: weights[i])
            let s = scorer.score(indicator, fiscalYear: 2024)
            if s.suggested != nil { scored += 1 }
            if i % 1000 == 0 { checksum += s.suggested ?? 0 }
        }
        let elapsed = Date().timeIntervalSince(start)
        if only == "main" {
            print(String(format: "解析＋评分：%.3f 秒，%.0f 个指标/秒（单核）", elapsed, Double(count) / elapsed))
            return
        }

        // Parts of the job, for finding where time goes.
        start = Date()
        var parsed: [(IndicatorValue, IndicatorValue)] = []
        parsed.reserveCapacity(count)
        for i in 0..<count { parsed.append((IndicatorValueParser.parse(targets[i]), IndicatorValueParser.parse(actuals[i]))) }
        let parseElapsed = Date().timeIntervalSince(start)
        let indicators = (0..<count).map { i in Indicator(level2: level2[i], name: "指标", target: parsed[i].0, actual: parsed[i].1, weight: weights[i]) }
        parsed = []
        start = Date()
        var scoredAgain = 0
        for indicator in indicators where scorer.score(indicator, fiscalYear: 2024).suggested != nil { scoredAgain += 1 }
        let scoreElapsed = Date().timeIntervalSince(start)

        let explainCount = min(count, 100_000)
        start = Date()
        var characters = 0
        for i in 0..<explainCount {
            let indicator = Indicator(level2: level2[i], name: "指标", target: IndicatorValueParser.parse(targets[i]),
                                      actual: IndicatorValueParser.parse(actuals[i]), weight: weights[i])
            characters &+= scorer.score(indicator, fiscalYear: 2024).explanation.utf8.count
        }
        let explainElapsed = Date().timeIntervalSince(start)

        let rate = Double(count) / elapsed
        print("评分规则 \(profile.id)，指标 \(count) 个（\(scored) 个得出建议得分，校验和 \(checksum)）")
        print(String(format: "解析＋评分：%.3f 秒，%.0f 个指标/秒（单核）", elapsed, rate))
        print(String(format: "基准（逐字节读取同样的字符串）：%.3f 秒；解析＋评分为基准的 %.1f 倍", baseline, elapsed / max(baseline, 1e-9)))
        print(String(format: "解析＋评分＋生成中文说明：%d 个 %.3f 秒，%.0f 个指标/秒（%d 字节说明）",
                     explainCount, explainElapsed, Double(explainCount) / explainElapsed, characters))
        print(String(format: "其中：仅解析 %.3f 秒（%.0f 个值/秒），仅评分 %.3f 秒（%.0f 个指标/秒）",
                     parseElapsed, Double(2 * count) / parseElapsed, scoreElapsed, Double(count) / scoreElapsed))
        _ = bytes
        _ = scoredAgain
    }
}

extension BenchCommand {
    /// Imports a file repeatedly (after one warm-up) and reports throughput against reading its
    /// bytes: as `jixiao import` runs (a long file's parts on every core) and on one thread.
    static func benchImport(_ path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let first = try TextImporter.read(data, file: path)
        let rounds = 20
        func timed(parallel: Bool) throws -> Double {
            let start = Date()
            var forms = 0
            for _ in 0..<rounds { forms &+= try TextImporter.read(data, file: path, parallel: parallel).forms.count }
            precondition(forms == rounds * first.forms.count)
            return Date().timeIntervalSince(start) / Double(rounds)
        }
        let elapsed = try timed(parallel: true)
        let serial = try timed(parallel: false)
        let start = Date()
        var lines = 0
        for _ in 0..<rounds { lines &+= String(decoding: data, as: UTF8.self).split(separator: "\n").count }
        let baseline = Date().timeIntervalSince(start) / Double(rounds)
        let megabytes = Double(data.count) / 1_000_000
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("导入 \(path)：\(data.count) 字节，表单 \(first.forms.count) 份，导入提示 \(first.importFindings.count) 条")
        print(String(format: "每次导入 %.2f 毫秒，%.1f MB/秒（%d 次平均，%d 个核心）", elapsed * 1000, megabytes / elapsed, rounds, cores))
        print(String(format: "单线程：%.2f 毫秒，%.1f MB/秒", serial * 1000, megabytes / serial))
        print(String(format: "基准（解码并按行切分同一文件）：%.2f 毫秒；导入为基准的 %.1f 倍", baseline * 1000, elapsed / max(baseline, 1e-9)))
        _ = lines
    }

    /// Reads, imports and checks every file and renders its JSON report, as `jixiao check` does
    /// for each; reports the time for the whole set (best and mean of 20 rounds).
    static func benchCheck(_ paths: [String], profile: ScoringProfile) throws {
        func once() throws -> (Int, Int) {
            var findings = 0, bytes = 0
            for path in paths {
                let document = try DocumentReader.read(path: path)
                let report = CheckReport(document: document, file: path, profile: profile)
                findings += report.findings.count
                bytes += try report.json().utf8.count
            }
            return (findings, bytes)
        }
        let (findings, bytes) = try once()
        var times: [Double] = []
        for _ in 0..<20 {
            let start = Date()
            _ = try once()
            times.append(Date().timeIntervalSince(start))
        }
        let total = paths.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }.reduce(0, +)
        print("审核 \(paths.count) 个文件（\(total) 字节）：问题 \(findings) 条，JSON 报告 \(bytes) 字节")
        print(String(format: "读入＋导入＋审核＋生成报告：最快 %.1f 毫秒，平均 %.1f 毫秒（20 次）", times.min()! * 1000, times.reduce(0, +) / Double(times.count) * 1000))
    }

    /// Sizes of the values the hot loop copies, printed with `--only sizes`.
    static var sizes: String {
        "IndicatorValue \(MemoryLayout<IndicatorValue>.size) B, Indicator \(MemoryLayout<Indicator>.size) B, IndicatorScore \(MemoryLayout<IndicatorScore>.size) B, ScoreTerms \(MemoryLayout<ScoreTerms>.size) B"
    }
}
