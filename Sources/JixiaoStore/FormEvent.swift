import Foundation

/// One line of a form's audit trail: who, when, and which transition or field changed from what to what.
public struct FormEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case created, field, transition
    }

    public var formID: Int64
    public var at: Date
    public var userID: Int64?
    public var kind: Kind
    /// The form's version after the change.
    public var version: Int
    public var transition: FormTransition?
    public var fromStatus: FormStatus?
    public var toStatus: FormStatus?
    /// The changed field's path in the interchange JSON (`indicators[4].actual.text`).
    public var field: String?
    public var oldValue: String?
    public var newValue: String?
    public var comment: String?

    public init(formID: Int64, at: Date, userID: Int64?, kind: Kind, version: Int, transition: FormTransition? = nil,
                fromStatus: FormStatus? = nil, toStatus: FormStatus? = nil, field: String? = nil, oldValue: String? = nil,
                newValue: String? = nil, comment: String? = nil) {
        self.formID = formID
        self.at = at
        self.userID = userID
        self.kind = kind
        self.version = version
        self.transition = transition
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.comment = comment
    }
}

/// The fields that differ between two stored documents, by their path in the interchange JSON.
public enum FormDiff {
    public struct Change: Sendable, Hashable {
        public var field: String
        public var old: String?
        public var new: String?
    }

    /// Compares two interchange JSON texts field by field. Parse results (`kind`, `magnitude` …) that follow from a
    /// changed `text` are left out, so each edit shows once, as the person typed it.
    public static func changes(from old: String, to new: String) -> [Change] {
        let a = flatten(old), b = flatten(new)
        let keys = Set(a.keys).union(b.keys).filter { !isDerived($0) }
        return keys.sorted().compactMap { key in a[key] == b[key] ? nil : Change(field: key, old: a[key], new: b[key]) }
    }

    static let derived: Set<String> = ["kind", "comparison", "magnitude", "unit", "deadline", "schedule", "notes", "level1", "level2"]

    static func isDerived(_ path: String) -> Bool {
        guard let last = path.split(separator: ".").last.map(String.init) else { return false }
        let name = last.split(separator: "[").first.map(String.init) ?? last
        // Values keep their `text`; everything parsed from it is derived. Top-level `kind` is the form kind.
        return path.contains(".") && derived.contains(name) && !path.hasSuffix("execution.unit") && !path.hasSuffix("funds.unit")
    }

    static func flatten(_ json: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return [:] }
        var out: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            switch value {
            case let dictionary as [String: Any]:
                for (key, item) in dictionary { walk(item, path.isEmpty ? key : "\(path).\(key)") }
            case let array as [Any]:
                for (index, item) in array.enumerated() { walk(item, "\(path)[\(index)]") }
            case is NSNull:
                break
            case let number as NSNumber:
                out[path] = number.stringValue
            default:
                out[path] = "\(value)"
            }
        }
        walk(object, "")
        return out
    }
}
