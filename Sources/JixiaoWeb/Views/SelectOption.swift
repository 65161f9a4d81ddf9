import Mustache

/// An option of a filter's drop-down list.
struct SelectOption: Sendable {
    var value: String
    var label: String
    var selected: Bool

    /// `全部` (no filter) followed by the values, the chosen one selected.
    static func filter(_ values: [(value: String, label: String)], selected: String?) -> [SelectOption] {
        [SelectOption(value: "", label: "全部", selected: selected == nil)]
            + values.map { SelectOption(value: $0.value, label: $0.label, selected: $0.value == selected) }
    }
}

extension SelectOption: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}
