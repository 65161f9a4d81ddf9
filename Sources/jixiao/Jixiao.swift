import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoProfiles
import JixiaoInterchange

/// The jixiao command-line tool: thin wrappers around the libraries.
@main
struct Jixiao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "jixiao 预算绩效管理：Web 系统、评分、审核、导入。",
        discussion: "文件格式为 jixiao 交换格式（JSON），见 docs/interchange.md。",
        version: "0.1.0",
        subcommands: [ServeCommand.self, UserCommand.self, OrganisationCommand.self, ImportCommand.self, ScoreCommand.self, CheckCommand.self, ChecksCommand.self, ProfilesCommand.self, BenchCommand.self, WebBenchCommand.self]
    )
}

/// Output formats of the reporting commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
    /// A self-contained HTML report (`check` only).
    case html
    /// The rows and cells the reader saw, each with its place (`import` only).
    case cells
}

/// Options shared by `score` and `check`.
struct DocumentOptions: ParsableArguments {
    @Argument(help: "要处理的文件或文件夹（可多个）：Excel、Word、PDF、网页、提取的文本或 jixiao 交换格式 JSON，按内容识别格式")
    var files: [String]

    @Option(name: .long, help: "评分规则（national、shanxi，或评分规则 JSON 文件的路径）")
    var profile: String = ProfileLibrary.defaultID

    @Option(name: .long, help: "输出格式：text（终端表格）、json（供程序使用）或 html（check 的独立网页报告）")
    var format: OutputFormat = .text

    /// Loads the profile, or ends the program with exit code 2 and a Chinese message.
    func loadProfile() throws -> ScoringProfile {
        let profile: ScoringProfile
        do {
            if profileIsPath {
                profile = try ProfileLibrary.load(contentsOf: URL(fileURLWithPath: self.profile))
            } else {
                profile = try ProfileLibrary.profile(id: self.profile)
            }
        } catch let error as ProfileError {
            throw Failure.unusable(error.description)
        }
        return profile
    }

    /// Reads one file, or fails with its Chinese message.
    static func document(_ file: String) throws -> InterchangeDocument {
        do {
            return try DocumentReader.read(path: file)
        } catch let error as InterchangeError {
            throw Failure.unusable(error.description)
        }
    }

    /// Runs `body` on each file with the profile; several JSON outputs are written as one array. Exit code 2
    /// when a file could not be read (after the others were done).
    func each(_ body: (ScoringProfile, String, InterchangeDocument) throws -> String) throws {
        let profile = try loadProfile()
        let batch = try FileBatch(files)
        var outputs: [String] = []
        let json = format == .json && !batch.isSingle
        let failed = batch.run { file in
            let text = try body(profile, file, try Self.document(file))
            if json { outputs.append(text) } else { emit(text) }
        }
        if json { emit("[\n" + outputs.joined(separator: ",\n") + "\n]") }
        if failed > 0 { throw ExitCode(2) }
    }

    var profileIsPath: Bool { profile.hasSuffix(".json") || profile.contains("/") }
}

/// Ends the program on unusable input: the message goes to standard error, the exit code is 2.
enum Failure: Error {
    case unusable(String)

    static func exit(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("jixiao：" + message + "\n").utf8))
        return ExitCode(2)
    }
}

extension ParsableCommand {
    /// Runs `body`, turning `Failure` into exit code 2.
    func guarded(_ body: () throws -> Void) throws {
        do { try body() } catch Failure.unusable(let message) { throw Failure.exit(message) }
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning `Failure` into exit code 2.
    func guarded(_ body: () async throws -> Void) async throws {
        do { try await body() } catch Failure.unusable(let message) { throw Failure.exit(message) }
    }
}

func emit(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
