import Foundation

/// What a file is, told by its content (magic bytes), never by its name.
enum FileKind: Equatable {
    case json, text, html, pdf, zip
    /// An old binary Office file (`.xls`, `.et`, `.doc`, `.wps`): `excel` true for a workbook.
    case legacyOffice(excel: Bool)
    /// An Office file with an opening password (an encrypted package in an OLE container).
    case encryptedOffice
    /// A picture (`PNG`, `JPEG` …): it needs OCR first.
    case image(String)

    static func of(_ data: Data) -> FileKind {
        let head = data.prefix(8)
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return oleKind(data) }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .image("PNG") }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .image("JPEG") }
        if head.starts(with: Array("GIF8".utf8)) { return .image("GIF") }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .image("TIFF") }
        // A PDF may have a few bytes of junk before its header.
        if data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil { return .pdf }
        if DocumentReader.isJSON(data) { return .json }
        if looksLikeHTML(data) { return .html }
        return .text
    }

    /// An OLE compound file: its directory names its streams in UTF-16 (`EncryptedPackage`, `Workbook`, `WordDocument`).
    static func oleKind(_ data: Data) -> FileKind {
        func has(_ name: String) -> Bool {
            var bytes: [UInt8] = []
            for unit in name.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
            return data.range(of: Data(bytes)) != nil
        }
        if has("EncryptedPackage") { return .encryptedOffice }
        if has("WordDocument") { return .legacyOffice(excel: false) }
        return .legacyOffice(excel: true)
    }

    /// The first tag of the file opens an HTML page (`<!DOCTYPE html`, `<html`, `<head`, `<meta`, `<table` …).
    static func looksLikeHTML(_ data: Data) -> Bool {
        var bytes = data.prefix(2048)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }), bytes[first] == UInt8(ascii: "<") else { return false }
        let start = String(decoding: bytes[first...].prefix(300), as: UTF8.self).lowercased()
        if start.hasPrefix("<?xml") { return start.contains("<html") || start.contains("xhtml") }
        return ["<!doctype html", "<html", "<head", "<meta", "<body", "<table", "<div", "<p", "<title", "<!--"].contains { start.hasPrefix($0) }
    }
}
