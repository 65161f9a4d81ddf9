import Foundation
import Mustache

/// A form's page: the editor (or the readers' official table) and the workflow panel under it.
struct FormPageView: PageView {
    static let template = "form-page"
    var frame: Frame
    var editor: EditorView
    var panel: WorkflowPanelView
}

/// The view of the form editor (template `editor`): the page head, the figures and findings, and for a person who
/// may edit, the form's blocks of fields as the official form has them, with the scores and checks beside them.
struct EditorView: TemplateView {
    static let template = "editor"

    /// One input of the editor. Exactly one of the kinds is true.
    struct Control: Sendable {
        var name: String
        var value: String
        var label: String
        var isText = false
        var isArea = false
        var isSelect = false
        var isComputed = false
        var isHidden = false
        var size: Int?
        var rows: Int?
        var list: String?
        var className: String?
        var readOnly = false
        var options: [SelectOption] = []

        static func text(_ name: String, _ value: String?, label: String, size: Int? = nil, list: String? = nil, readOnly: Bool = false) -> Control {
            Control(name: name, value: value ?? "", label: label, isText: true, size: size, list: list, readOnly: readOnly)
        }

        static func area(_ name: String, _ value: String?, label: String, rows: Int, className: String? = nil) -> Control {
            Control(name: name, value: value ?? "", label: label, isArea: true, rows: rows, className: className)
        }

        static func select(_ name: String, _ options: [(String, String)], selected: String) -> Control {
            Control(name: name, value: selected, label: "", isSelect: true,
                    options: options.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == selected) })
        }

        static func hidden(_ name: String, _ value: String) -> Control { Control(name: name, value: value, label: "", isHidden: true) }
    }

    /// A labelled field with its note (an error in red, a caution in amber).
    struct Field: Sendable {
        var label: String
        var control: Control
        var note: String?
        var noteIsError = false
        /// A second, hidden control carried with the field (the stored 执行率 beside the computed one).
        var hidden: Control?
    }

    /// A row of a small table of the editor (goals, sub-tasks, funds rows, analysis texts).
    struct TableRow: Sendable {
        var number: String?
        var cells: [Control]
        /// 执行率 of a funds row, worked out.
        var rate: String?
        var buttons: [Button]
    }

    struct Button: Sendable {
        var value: String
        var label: String
        var title: String?
        var className: String?
        var hidden = false
    }

    /// A cell of an indicator row: its control, its note, and the classes that mark a refusal, a caution or a
    /// label merged with the row above.
    struct Cell: Sendable {
        var control: Control
        var classes: String?
        var note: String?
        var noteIsError = false
    }

    struct IndicatorRow: Sendable {
        var index: Int
        var number: Int
        var refused: Bool
        var cells: [Cell]
        /// The scored columns: the suggestion and the reason (absent in a declaration).
        var scored: Bool
        var suggested: String
        var adopt: Button?
        var range: String
        var explanation: String
        var reason: Control?
        var note: Control?
        var buttons: [Button]
        /// Shown in a row under it: why a save was refused, and the row's findings.
        var rowError: String?
        var findings: [FindingView]
        var hasFindings: Bool
        var hasFindingsRow: Bool
        var span: Int
    }

    /// A fieldset of the editor. Exactly one kind is true.
    struct Block: Sendable {
        var legend: String
        var fields: [Field] = []
        var areas: [Field] = []
        var isGrid = false
        var isTable = false
        var isIndicators = false
        var isAnalysis = false
        var isRaw = false
        // Tables (goals, sub-tasks, funds rows)
        var heads: [String] = []
        var rows: [TableRow] = []
        var tableClass = "rows"
        var add: Button?
        /// The funds rows under the execution grid, the explanation of the suggested score, the reason.
        var subTable: Block.SubTable?
        var explain: String?
        var explainScore: String?
        // The indicator table
        var layout: Field?
        var adoptAll: Button?
        var columns: [String] = []
        var indicators: [IndicatorRow] = []
        var autoTotal = false
        /// HTML the system built itself (the department's roll-up of its projects).
        var raw: String?

        struct SubTable: Sendable {
            var heads: [String]
            var rows: [TableRow]
        }
    }

    struct Summary: Sendable {
        var label: String
        var value: String
        var id: String?
    }

    struct OtherChange: Sendable {
        var who: String
        var field: String
        var old: String
        var new: String
        var clashes: Bool
    }

    var heading: String
    var meta: String
    var formID: Int64
    /// HTML rendered by its own template (the review box).
    var top: String
    var returnedBy: String?
    var returnOpinion: String?
    var fixHint: Bool
    var notice: String?
    var error: String?
    var otherChanges: [OtherChange]
    var otherCount: Int?
    var readOnly: Bool
    var summary: [Summary]
    var formFindings: [FindingView]
    var hasFormFindings: Bool
    /// The readers' official table (rendered by its own template).
    var official: String?
    var editorID: String
    var csrf: String
    var version: Int
    var blocks: [Block]
}

// The editor renders hundreds of controls: they and their rows answer by name (and `false` for a name they know
// without a value, so the template does not walk up through every enclosing view).
extension EditorView.Control: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "value": value
        case "label": label.isEmpty ? false : label
        case "isText": isText
        case "isArea": isArea
        case "isSelect": isSelect
        case "isComputed": isComputed
        case "isHidden": isHidden
        case "size": size ?? false
        case "rows": rows ?? false
        case "list": list ?? false
        case "className": className ?? false
        case "readOnly": readOnly
        case "options": options
        default: nil
        }
    }
}

extension EditorView.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "control": control
        case "classes": classes ?? false
        case "note": note ?? false
        case "noteIsError": noteIsError
        default: nil
        }
    }
}

extension EditorView.IndicatorRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "index": index
        case "number": number
        case "refused": refused
        case "cells": cells
        case "scored": scored
        case "suggested": suggested
        case "adopt": adopt ?? false
        case "range": range
        case "explanation": explanation
        case "reason": reason ?? false
        case "note": note ?? false
        case "buttons": buttons
        case "rowError": rowError ?? false
        case "findings": findings
        case "hasFindings": hasFindings
        case "hasFindingsRow": hasFindingsRow
        case "span": span
        default: nil
        }
    }
}

extension EditorView.Button: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "title": title ?? false
        case "className": className ?? false
        case "hidden": hidden
        default: nil
        }
    }
}

extension FindingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "level": level
        case "severity": severity
        case "isError": isError
        case "code": code
        case "place": place
        case "message": message
        default: nil
        }
    }
}

extension EditorView.Field: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "control": control
        case "note": note ?? false
        case "noteIsError": noteIsError
        case "hidden": hidden ?? false
        default: nil
        }
    }
}

extension EditorView.TableRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number ?? false
        case "cells": cells
        case "rate": rate ?? false
        case "buttons": buttons
        default: nil
        }
    }
}

extension EditorView.Summary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "id": id ?? false
        default: nil
        }
    }
}

extension EditorView.Block: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "legend": legend
        case "fields": fields
        case "areas": areas
        case "isGrid": isGrid
        case "isTable": isTable
        case "isIndicators": isIndicators
        case "isAnalysis": isAnalysis
        case "isRaw": isRaw
        case "heads": heads
        case "rows": rows
        case "tableClass": tableClass
        case "add": add ?? false
        case "subTable": subTable ?? false
        case "explain": explain ?? false
        case "explainScore": explainScore ?? false
        case "layout": layout ?? false
        case "adoptAll": adoptAll ?? false
        case "columns": columns
        case "indicators": indicators
        case "autoTotal": autoTotal
        case "raw": raw ?? false
        case "level1Options": FormEditor.level1Options
        case "level2Options": FormEditor.level2Options
        default: nil
        }
    }
}
