import Foundation

/// Escaping for HTML text and attribute values.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `name="value"` with the value escaped.
    static func attribute(_ name: String, _ value: String) -> String { "\(name)=\"\(escape(value))\"" }

    /// A text input.
    static func input(_ name: String, _ value: String?, label: String? = nil, size: Int? = nil, list: String? = nil,
                      readOnly: Bool = false, extra: String = "") -> String {
        var attributes = [attribute("name", name), attribute("value", value ?? "")]
        if let label { attributes.append(attribute("aria-label", label)) }
        if let size { attributes.append("size=\"\(size)\"") }
        if let list { attributes.append(attribute("list", list)) }
        if readOnly { attributes.append("readonly") }
        if !extra.isEmpty { attributes.append(extra) }
        return "<input type=\"text\" \(attributes.joined(separator: " "))>"
    }

    static func textarea(_ name: String, _ value: String?, label: String? = nil, rows: Int = 3, readOnly: Bool = false, className: String? = nil) -> String {
        "<textarea \(attribute("name", name)) rows=\"\(rows)\"\(className.map { " " + attribute("class", $0) } ?? "")"
            + "\(label.map { " " + attribute("aria-label", $0) } ?? "")\(readOnly ? " readonly" : "")>\(escape(value ?? ""))</textarea>"
    }

    static func select(_ name: String, _ options: [(value: String, label: String)], selected: String?, disabled: Bool = false) -> String {
        let items = options.map { option in
            "<option \(attribute("value", option.value))\(option.value == selected ? " selected" : "")>\(escape(option.label))</option>"
        }.joined()
        return "<select \(attribute("name", name))\(disabled ? " disabled" : "")>\(items)</select>"
    }

    /// A labelled field in a two-column grid.
    static func field(_ label: String, _ control: String, note: String? = nil) -> String {
        "<label class=\"field\"><span>\(escape(label))</span>\(control)\(note.map { "<small class=\"warn\">\(escape($0))</small>" } ?? "")</label>"
    }
}
