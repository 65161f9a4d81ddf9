import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoInterchange
import JixiaoReports

/// `jixiao import FILE`: reads a published document into the interchange format.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "读取 Excel、Word、PDF、网页或提取的文本，识别其中的每份表单；text 输出每份表单的摘要，json 输出交换格式，cells 输出读到的每一行。")

    @Argument(help: "要导入的文件或文件夹（可多个）：Excel（.xlsx）、Word（.docx）、PDF、网页、提取的文本或交换格式 JSON，按内容识别格式")
    var files: [String]

    @Option(name: .long, help: "输出格式：text（摘要表）、json（jixiao 交换格式）或 cells（读到的每一行及其位置）")
    var format: OutputFormat = .text

    func run() throws {
        try guarded {
            let batch = try FileBatch(files)
            var outputs: [String] = []
            let collect = format == .json && !batch.isSingle
            let failed = batch.run { file in
                let text: String
                if format == .cells {
                    do {
                        text = try DocumentReader.rows(InterchangeCodec.fileData(path: file), file: file)
                            .map { "\($0.place)\t" + $0.cells.joined(separator: " | ") }.joined(separator: "\n")
                    } catch let error as InterchangeError {
                        throw Failure.unusable(error.description)
                    }
                } else {
                    let document = try DocumentOptions.document(file)
                    text = format == .json ? String(decoding: try InterchangeCodec.encode(document), as: UTF8.self) : ImportReport(document: document, file: file).text()
                }
                if collect { outputs.append(text) } else { emit(text) }
            }
            if collect { emit("[\n" + outputs.joined(separator: ",\n") + "\n]") }
            if failed > 0 { throw ExitCode(2) }
        }
    }
}
