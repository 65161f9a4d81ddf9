import Foundation

/// A program of the system the readers call (poppler's `pdftotext` and `pdftocairo`): found on the PATH,
/// run with a time limit, its output written to a file so that a large output cannot block it.
struct ExternalTool: Sendable {
    let name: String
    let path: String

    /// The program by name, or nil when it is not installed.
    static func find(_ name: String) -> ExternalTool? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin", "/usr/local/bin"]
        for folder in folders {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return ExternalTool(name: name, path: path) }
        }
        return nil
    }

    struct Outcome {
        var status: Int32
        var output: Data
        var errors: String
    }

    /// Starts the program; `finish` waits for it within the deadline and gives its output.
    func start(_ arguments: [String], deadline: Deadline, file: String) throws -> Running {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("out")
        let err = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, folder: folder, out: out, err: err, deadline: deadline, file: file, name: name)
    }

    final class Running {
        let process: Process
        let folder: URL
        let out: URL
        let err: URL
        let deadline: Deadline
        let file: String
        let name: String

        init(process: Process, folder: URL, out: URL, err: URL, deadline: Deadline, file: String, name: String) {
            self.process = process
            self.folder = folder
            self.out = out
            self.err = err
            self.deadline = deadline
            self.file = file
            self.name = name
        }

        deinit {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(at: folder)
        }

        func finish() throws -> Outcome {
            var pause: UInt32 = 200
            while process.isRunning {
                if ContinuousClock.now > deadline.end {
                    process.terminate()
                    throw InterchangeError(code: "IMPORT_TIMEOUT", file: file,
                                           message: "读取超过\(deadline.seconds)秒仍未完成（\(name)），已停止。文件可能过大或构造异常")
                }
                usleep(pause)
                pause = min(pause * 2, 20_000)
            }
            let output = (try? Data(contentsOf: out)) ?? Data()
            let errors = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            return Outcome(status: process.terminationStatus, output: output, errors: errors)
        }
    }
}
