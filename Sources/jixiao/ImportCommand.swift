import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoInterchange

/// `jixiao import FILE`: reads a published document into the interchange format.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "读取从公开 PDF、Word 文件提取的文本，识别其中的每份表单；text 输出每份表单的摘要，json 输出交换格式。")

    @Argument(help: "要导入的文本文件（UTF-8）")
    var file: String

    @Option(name: .long, help: "输出格式：text（摘要表）、json（jixiao 交换格式）或 cells（读到的每一行及其位置）")
    var format: OutputFormat = .text

    func run() throws {
        try guarded {
            if format == .cells {
                let data = try InterchangeCodec.fileData(path: file)
                do {
                    emit(try DocumentReader.rows(data, file: file).map { "\($0.place)\t" + $0.cells.joined(separator: " | ") }.joined(separator: "\n"))
                } catch let error as InterchangeError {
                    throw Failure.unusable(error.description)
                }
                return
            }
            let document: InterchangeDocument
            do { document = try DocumentReader.read(path: file) } catch let error as InterchangeError {
                throw Failure.unusable(error.description)
            }
            if format == .json {
                emit(String(decoding: try InterchangeCodec.encode(document), as: UTF8.self))
            } else {
                emit(ImportReport(document: document, file: file).text())
            }
        }
    }
}
