import Foundation
import ZIPFoundation

/// The parts of an Office Open XML file (a ZIP), read with limits so that a hostile file cannot take the
/// machine: at most `maxEntries` entries, no part over `maxPartBytes` and no more than `maxTotalBytes`
/// inflated in all. Every refusal is an `InterchangeError` in Chinese.
final class OfficePackage {
    static let maxEntries = 10_000
    static let maxPartBytes = 200 * 1024 * 1024
    static let maxTotalBytes = 400 * 1024 * 1024

    let file: String
    private let archive: Archive
    private let entries: [String: Entry]
    private var inflated = 0
    private let deadline: Deadline

    init(_ data: Data, file: String, deadline: Deadline) throws {
        self.file = file
        self.deadline = deadline
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file,
                                   message: "文件已损坏或不完整（压缩包无法打开），请在 Office 或 WPS 中打开后另存一份再导入")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > Self.maxEntries {
                throw InterchangeError(code: "IMPORT_TOO_LARGE", file: file,
                                       message: "文件内含超过\(Self.maxEntries)个部件，不像正常的办公文件，已拒绝读取")
            }
            entries[entry.path] = entry
        }
        guard !entries.isEmpty else {
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file,
                                   message: "文件已损坏或不完整（压缩包中没有内容），请另存一份再导入")
        }
        self.archive = archive
        self.entries = entries
    }

    func has(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of a part, or nil when the package has no such part.
    func part(_ path: String) throws -> Data? {
        guard let entry = entries[path.hasPrefix("/") ? String(path.dropFirst()) : path] else { return nil }
        if entry.uncompressedSize > UInt64(Self.maxPartBytes) || inflated + Int(entry.uncompressedSize) > Self.maxTotalBytes {
            throw tooLarge(path)
        }
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, 64 * 1024 * 1024)))
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                data.append(chunk)
                // The sizes in the directory may lie: the limit is kept on what actually comes out.
                if data.count > Self.maxPartBytes || self.inflated + data.count > Self.maxTotalBytes { throw PartTooLarge() }
                try self.deadline.check(self.file)
            }
        } catch is PartTooLarge {
            throw tooLarge(path)
        } catch let error as InterchangeError {
            throw error
        } catch {
            throw InterchangeError(code: "IMPORT_BROKEN_FILE", file: file, position: path,
                                   message: "文件已损坏：部件 \(path) 无法解压，请在 Office 或 WPS 中打开后另存一份再导入")
        }
        inflated += data.count
        return data
    }

    private struct PartTooLarge: Error {}

    private func tooLarge(_ path: String) -> InterchangeError {
        InterchangeError(code: "IMPORT_TOO_LARGE", file: file, position: path,
                         message: "文件解压后过大（超过\(Self.maxTotalBytes / 1024 / 1024) MB），可能是恶意构造的压缩包，已拒绝读取")
    }

    /// The path of the package's main part: the usual one (`xl/workbook.xml`) or the one the package's own
    /// relationships name with that file name; nil when there is none.
    func mainPart(_ usual: String) throws -> String? {
        if has(usual) { return usual }
        let name = (usual as NSString).lastPathComponent
        return try relationships(of: "").values.first { $0.hasSuffix(name) && has($0) }
    }

    /// The targets of a part's relationships: id → part path (resolved against the part's folder).
    func relationships(of partPath: String) throws -> [String: String] {
        let folder = (partPath as NSString).deletingLastPathComponent
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (partPath as NSString).lastPathComponent + ".rels"
        guard let data = try part(relsPath) else { return [:] }
        var targets: [String: String] = [:]
        let parser = try XMLPullParser(data, file: file, part: relsPath, deadline: deadline)
        while try parser.next() {
            guard parser.isStart, parser.is("Relationship"), let id = parser.attribute("Id"), let target = parser.attribute("Target") else { continue }
            if parser.attribute("TargetMode") == "External" { continue }
            targets[id] = Self.resolve(target, against: folder)
        }
        return targets
    }

    /// `worksheets/sheet1.xml` against `xl` → `xl/worksheets/sheet1.xml`; `/xl/a.xml` stays absolute.
    static func resolve(_ target: String, against folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

/// A reader's time limit: checked in its loops, so a file that would take too long ends with an error.
struct Deadline: Sendable {
    let end: ContinuousClock.Instant
    let seconds: Int

    init(seconds: Int) {
        self.seconds = seconds
        end = .now + .seconds(seconds)
    }

    func check(_ file: String) throws {
        if ContinuousClock.now > end {
            throw InterchangeError(code: "IMPORT_TIMEOUT", file: file,
                                   message: "读取超过\(seconds)秒仍未完成，已停止。文件可能过大或构造异常")
        }
    }
}
