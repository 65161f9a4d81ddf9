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

        public init(field: String, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }
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

extension FormDiff {
    /// What a three-way merge did with another person's changes.
    public struct Merge: Sendable {
        /// The merged document (interchange JSON).
        public var json: String
        /// The other person's changes taken over (this person had left those fields as they were).
        public var taken: [Change]
        /// Fields both changed, differently: this person's text is kept.
        public var clashes: [Change]
    }

    /// Merges another person's changes (`theirs`, made since this person opened the form) into what this person
    /// typed (`mine`): a field this person left at its old value takes the other's value from `current` (the
    /// whole value, with what is parsed from its text); a field both changed keeps this person's text and is
    /// reported as a clash.
    public static func merge(theirs: [Change], mine: String, current: String) -> Merge {
        guard var mineObject = try? JSONSerialization.jsonObject(with: Data(mine.utf8)),
              let currentObject = try? JSONSerialization.jsonObject(with: Data(current.utf8)) else {
            return Merge(json: mine, taken: [], clashes: theirs)
        }
        let flat = flatten(mine)
        var taken: [Change] = [], clashes: [Change] = []
        for change in theirs {
            let now = flat[change.field]
            if now == change.new { continue }
            guard now == change.old else { clashes.append(change); continue }
            // A value's `text` comes with what was parsed from it: the whole value is taken.
            var path = components(change.field)
            if case .key("text")? = path.last, path.count > 1 { path.removeLast() }
            mineObject = setting(path[...], to: value(at: path[...], in: currentObject), in: mineObject)
            taken.append(change)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: mineObject, options: [.sortedKeys]) else {
            return Merge(json: mine, taken: [], clashes: theirs)
        }
        return Merge(json: String(decoding: data, as: UTF8.self), taken: taken, clashes: clashes)
    }

    enum PathPart: Equatable { case key(String), index(Int) }

    /// `indicators[4].actual.text` → key indicators, index 4, key actual, key text.
    static func components(_ path: String) -> [PathPart] {
        var parts: [PathPart] = []
        for piece in path.split(separator: ".") {
            var rest = Substring(piece)
            if let bracket = rest.firstIndex(of: "[") {
                parts.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]"), let n = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                    parts.append(.index(n))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                parts.append(.key(String(rest)))
            }
        }
        return parts
    }

    static func value(at path: ArraySlice<PathPart>, in object: Any?) -> Any? {
        guard let first = path.first else { return object }
        switch first {
        case .key(let key): return value(at: path.dropFirst(), in: (object as? [String: Any])?[key])
        case .index(let n):
            guard let array = object as? [Any], array.indices.contains(n) else { return nil }
            return value(at: path.dropFirst(), in: array[n])
        }
    }

    static func setting(_ path: ArraySlice<PathPart>, to new: Any?, in object: Any) -> Any {
        guard let first = path.first else { return new ?? NSNull() }
        switch first {
        case .key(let key):
            var dictionary = object as? [String: Any] ?? [:]
            if path.count == 1, new == nil { dictionary[key] = nil } else {
                dictionary[key] = setting(path.dropFirst(), to: new, in: dictionary[key] ?? [String: Any]())
            }
            return dictionary
        case .index(let n):
            var array = object as? [Any] ?? []
            guard array.indices.contains(n) else { return array }  // a row the other added or removed: left to the person
            array[n] = setting(path.dropFirst(), to: new, in: array[n])
            return array
        }
    }
}
