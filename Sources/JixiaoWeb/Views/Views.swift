import Foundation
import Hummingbird
import Mustache
import NIOCore

/// A view model: a plain struct of what a page or a part of one shows, rendered by its template.
/// Templates escape every `{{value}}`; `{{{raw}}}` is kept for HTML the system built itself.
protocol TemplateView: Sendable {
    /// The template's file name without `.mustache`, under `Resources/Templates`.
    static var template: String { get }
}

/// A whole page: a view with the frame around it.
protocol PageView: TemplateView {
    /// The frame around the page: title, menu, the signed-in person.
    var frame: Frame { get }
}

/// The templates, read once from the bundle.
enum Views {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else {
            preconditionFailure("the page templates are missing from the bundle")
        }
        for file in files where file.pathExtension == "mustache" {
            do {
                try library.register(try String(contentsOf: file, encoding: .utf8), named: file.deletingPathExtension().lastPathComponent)
            } catch {
                preconditionFailure("template \(file.lastPathComponent) does not parse: \(error)")
            }
        }
        return library
    }()

    /// The names of every template (for the test that renders each).
    static var templateNames: [String] {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return files.filter { $0.pathExtension == "mustache" }.map { $0.deletingPathExtension().lastPathComponent }.sorted()
    }

    static func render<View: TemplateView>(_ view: View) -> String {
        guard let html = library.render(view, withTemplate: View.template) else {
            preconditionFailure("no template \(View.template)")
        }
        return html
    }

    static func response<View: TemplateView>(_ view: View, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: render(view))))
    }
}
