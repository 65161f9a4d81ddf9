import Foundation
import JixiaoCore

/// How a form is kept in a row: its interchange JSON, so a stored form reads like an exported one.
public enum FormDocumentCodec {
    public static func encode(_ form: EvaluationForm) throws -> String {
        let data = try FormJSON.encoder(pretty: false).encode(form)
        return String(decoding: data, as: UTF8.self)
    }

    public static func decode(_ text: String, formID: Int64) throws -> EvaluationForm {
        do {
            return try FormJSON.decoder().decode(EvaluationForm.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupt, "第\(formID)号表单的存储内容无法读取。", detail: "\(error)")
        }
    }

    /// A decimal as stored: its exact text.
    public static func text(_ value: Decimal?) -> String? { value?.plainText }

    /// A stored decimal text read back exactly.
    public static func decimal(_ text: String?) -> Decimal? {
        text.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
    }

    /// Milliseconds since 1970, as stored.
    public static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    public static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}
