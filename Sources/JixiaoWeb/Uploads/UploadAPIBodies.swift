import Foundation
import JixiaoCore
import JixiaoInterchange
import JixiaoStore

/// `POST /api/uploads/{id}/confirm`: the year for forms that do not say theirs, and where each form goes.
struct ConfirmUploadRequest: APIRequestBody {
    static let fields = ["fiscal_year", "assignments"]

    /// One form's organisation; `organisation_id` null means the form is not imported.
    struct Assignment: Decodable {
        var form: Int
        var organisationId: Int64?

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            // Read by the names the client sends; an unknown name is refused, and organisation_id must be there
            // (null to skip), so a misspelt key does not quietly skip a form.
            let container = try decoder.container(keyedBy: Key.self)
            let unknown = container.allKeys.map(\.stringValue).filter { $0 != "form" && $0 != "organisation_id" && $0 != "organisationId" }
            guard unknown.isEmpty else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "含未知字段：" + unknown.sorted().joined(separator: "、")))
            }
            form = try container.decode(Int.self, forKey: Key(stringValue: "form"))
            let organisation = container.allKeys.first { $0.stringValue == "organisation_id" || $0.stringValue == "organisationId" }
            guard let organisation else {
                throw DecodingError.keyNotFound(Key(stringValue: "organisation_id"), .init(codingPath: decoder.codingPath,
                                                                                         debugDescription: "应为机构编号（整数），或 null 表示不导入"))
            }
            organisationId = try container.decodeIfPresent(Int64.self, forKey: organisation)
        }
    }

    var fiscalYear: Int?
    var assignments: [Assignment]?
}

extension APIBody {
    /// A pending upload as the API gives it: what was read, how, and where each form would go.
    struct Upload: Encodable {
        struct Named: Encodable {
            var code: String?
            var name: String
        }

        struct Form: Encodable {
            var index: Int
            var kind: FormKind
            var title: String
            var indicatorCount: Int
            var matchReason: String
            var fiscalYear: Int?
            var line: Int?
            var place: String?
            var printedUnit: Named?
            var printedDepartment: Named?
            /// Nil (written as null) while no organisation is found.
            var organisation: Organisation?
            var reading: Reading?

            enum CodingKeys: String, CodingKey {
                case index, kind, title, indicatorCount, matchReason, fiscalYear, line, place, printedUnit, printedDepartment, organisation, reading
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(index, forKey: .index)
                try container.encode(kind, forKey: .kind)
                try container.encode(title, forKey: .title)
                try container.encode(indicatorCount, forKey: .indicatorCount)
                try container.encode(matchReason, forKey: .matchReason)
                try container.encodeIfPresent(fiscalYear, forKey: .fiscalYear)
                try container.encodeIfPresent(line, forKey: .line)
                try container.encodeIfPresent(place, forKey: .place)
                try container.encodeIfPresent(printedUnit, forKey: .printedUnit)
                try container.encodeIfPresent(printedDepartment, forKey: .printedDepartment)
                try container.encode(organisation, forKey: .organisation)
                try container.encodeIfPresent(reading, forKey: .reading)
            }
        }

        struct Reading: Encodable {
            struct Column: Encodable {
                var header: String
                var column: String?
                var how: FormReading.How
            }

            var family: FormReading.Family
            var familyName: String
            var shape: String?
            var summary: String
            var placedByContent: Int
            var place: String?
            var columns: [Column]
        }

        var id: String
        var fileName: String
        var byteCount: Int
        var createdAt: String
        var title: String?
        var fiscalYear: Int?
        var forms: [Form]
        var findings: [Finding]
    }

    /// A form made by confirming an upload.
    struct Created: Encodable {
        var id: Int64
        var kind: FormKind
        var title: String
        var fiscalYear: Int
        var organisation: Organisation
    }

    struct CreatedList: Encodable {
        var created: [Created]
    }
}
