import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoProfiles
import JixiaoInterchange
import JixiaoReports

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "按评分规则计算每个指标的建议得分、允许范围和说明，以及总分和等级。")

    @OptionGroup var options: DocumentOptions

    func run() throws {
        try guarded {
            guard options.format != .html else { throw Failure.unusable("score 不支持 html 格式；网页报告请用 jixiao check 文件 --format html") }
            try options.each { profile, file, document in
                let report = ScoreReport(document: document, file: file, profile: profile)
                return options.format == .json ? try report.json() : report.text()
            }
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "审核文件中的每份表单，列出所有问题（发现问题时退出码仍为 0）。")

    @OptionGroup var options: DocumentOptions

    @Flag(name: .long, inversion: .prefixedNo, help: "终端输出时使用颜色（默认仅在终端中使用）")
    var color: Bool = isatty(1) == 1

    func run() throws {
        try guarded {
            try options.each { profile, file, document in
                let report = CheckReport(document: document, file: file, profile: profile)
                switch options.format {
                case .json: return try report.json()
                case .html: return report.html(sourceLines: Self.sourceLines(file))
                case .text, .cells: return report.text(color: color)
                }
            }
        }
    }
}

extension CheckCommand {
    /// The lines of a text file, so the HTML report can quote each finding's row; nil for JSON.
    static func sourceLines(_ path: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              !text.drop(while: \.isWhitespace).hasPrefix("{") else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
    }
}

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checks", abstract: "列出审核规则目录：代码、级别、名称和提示模板。")

    @Option(name: .long, help: "输出格式：text 或 json")
    var format: OutputFormat = .text

    func run() throws {
        if format == .json {
            let data = try InterchangeCodec.makeEncoder().encode(CheckCatalogue.all)
            emit(String(decoding: data, as: UTF8.self))
            return
        }
        var table = TextTable(headers: ["代码", "级别", "类别", "名称", "提示模板"])
        for c in CheckCatalogue.all {
            table.rows.append([c.code.rawValue, c.severity.chineseName, c.family.chineseName, c.title, c.template])
        }
        emit("审核规则 \(CheckCatalogue.all.count) 条\n" + table.render())
    }
}

struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles", abstract: "列出内置的评分规则。")

    @Option(name: .long, help: "输出格式：text 或 json")
    var format: OutputFormat = .text

    func run() throws {
        let profiles = try ProfileLibrary.bundledIDs.map(ProfileLibrary.profile(id:))
        if format == .json {
            emit(String(decoding: try InterchangeCodec.makeEncoder().encode(profiles), as: UTF8.self))
            return
        }
        var table = TextTable(headers: ["代码", "名称", "反向指标", "超额完成", "等级（优/良/中）", "说明"], maxWidths: [nil, nil, nil, nil, nil, 60])
        for p in profiles {
            let over = p.overAchievement.mode == .full
                ? "满分，达目标\(((p.overAchievement.explainFrom ?? 0) * 100).shortText())%起须说明"
                : "超出\(((p.overAchievement.tolerance ?? 0) * 100).shortText())%扣分，最低\(((p.overAchievement.floor ?? 0) * 100).shortText())%"
            let cutoffs = p.grades.prefix(3).map { ($0.min ?? 0).plainText }.joined(separator: "/")
            table.rows.append([p.id, p.name, p.reverseRule == .ratio ? "目标÷实际" : "线性", over, cutoffs, p.description])
        }
        emit(table.render())
    }
}
