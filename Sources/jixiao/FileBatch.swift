import Foundation

/// Several files or folders given to `import`, `score` or `check`: expanded into files (a folder's readable
/// files, in name order), read one after another with a progress line on a terminal; a file that cannot be
/// read is said on standard error and the others go on.
struct FileBatch {
    let files: [String]

    /// Extensions a folder's files are taken by (a file named on the command line is read whatever its name).
    static let extensions: Set<String> = ["xlsx", "docx", "pdf", "html", "htm", "txt", "json", "xls", "doc", "et", "wps"]

    init(_ paths: [String]) throws {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw Failure.unusable("文件 \(path)：文件不存在")
            }
            guard isFolder.boolValue else { files.append(path); continue }
            let enumerator = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let item = enumerator?.nextObject() as? String {
                let name = (item as NSString).lastPathComponent
                guard !name.hasPrefix("."), !name.hasPrefix("~$"), Self.extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                found.append((path as NSString).appendingPathComponent(item))
            }
            if found.isEmpty { throw Failure.unusable("文件夹 \(path) 中没有可读取的文件（.xlsx、.docx、.pdf、.html、.txt、.json）") }
            files += found.sorted()
        }
        self.files = files
    }

    var isSingle: Bool { files.count == 1 }

    /// Runs `body` on each file; returns how many failed. Failures are printed, never end the batch.
    func run(_ body: (String) throws -> Void) -> Int {
        let terminal = isatty(2) == 1 && files.count > 1
        var failed = 0
        for (index, file) in files.enumerated() {
            if terminal {
                let name = (file as NSString).lastPathComponent
                FileHandle.standardError.write(Data("\r\u{1B}[K[\(index + 1)/\(files.count)] \(name)".utf8))
            }
            do {
                try body(file)
            } catch Failure.unusable(let message) {
                failed += 1
                if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                FileHandle.standardError.write(Data(("jixiao：" + message + "\n").utf8))
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("jixiao：\(file)：\(error)\n".utf8))
            }
        }
        if terminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K已处理 \(files.count) 个文件\(failed > 0 ? "，其中 \(failed) 个无法读取" : "")\n".utf8))
        }
        return failed
    }
}
