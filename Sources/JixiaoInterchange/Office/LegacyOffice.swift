import Foundation

/// Old binary Office files (`.xls`, `.et`, `.doc`, `.wps`), converted to `.xlsx` / `.docx` by LibreOffice when
/// it is installed, then read as those are. Without LibreOffice the caller says what to do.
enum LegacyOffice {
    /// The converted file read into tables, or nil when LibreOffice is not installed.
    static func convert(_ data: Data, excel: Bool, file: String, deadline: Deadline) throws -> SourceDocument? {
        guard let office = ExternalTool.find("soffice") ?? ExternalTool.find("libreoffice") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (oldExtension, newExtension) = excel ? ("xls", "xlsx") : ("doc", "docx")
        let input = folder.appendingPathComponent("input.\(oldExtension)")
        try data.write(to: input)
        // A profile of its own, so a LibreOffice the user has open does not take the job.
        let run = try office.start(["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore",
                                    "--convert-to", newExtension, "--outdir", folder.path, input.path], deadline: deadline, file: file)
        let outcome = try run.finish()
        let output = folder.appendingPathComponent("input.\(newExtension)")
        let failed = InterchangeError(code: "IMPORT_LEGACY_OFFICE", file: file,
                                      message: "这是旧版\(excel ? " Excel" : " Word")文件，用 LibreOffice 转换失败（文件可能已损坏），请在 Office 或 WPS 中另存为 .\(newExtension) 后再导入")
        guard outcome.status == 0, let converted = try? Data(contentsOf: output), var document = try? OfficeReader.read(converted, file: file, deadline: deadline),
              !document.blocks.isEmpty else {
            throw failed
        }
        document.conversion = "旧版\(excel ? " Excel 文件（.xls）" : " Word 文件（.doc）")已用 LibreOffice 转换为 .\(newExtension)"
        return document
    }
}
