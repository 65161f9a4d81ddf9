import JixiaoCore

/// The row buttons of the editor: add, remove and move rows of indicators, goals, sub-tasks and analysis texts.
enum FormActions {
    /// Applies a row button to the form; false when the form has no such rows.
    static func apply(_ verb: EditorAction.RowVerb, _ kind: EditorAction.RowKind, index: Int?, to form: inout EvaluationForm) -> Bool {
        switch form {
        case .targetDeclaration(var d):
            switch kind {
            case .indicator: edit(&d.indicators, verb, index, blank: Indicator(name: ""))
            case .subtask:
                edit(&d.project.subTasks, verb, index, blank: SubTask(number: d.project.subTasks.count + 1, title: ""))
                for i in d.project.subTasks.indices { d.project.subTasks[i].number = i + 1 }
            default: return false
            }
            form = .targetDeclaration(d)
        case .projectSelfEvaluation(var e):
            switch kind {
            case .indicator: edit(&e.indicators, verb, index, blank: Indicator(name: ""))
            case .goal: edit(&e.goals, verb, index, blank: Goal(target: ""))
            case .analysis: edit(&e.analysis, verb, index, blank: AnalysisText(heading: "", text: ""))
            default: return false
            }
            form = .projectSelfEvaluation(e)
        case .departmentEvaluation(var e):
            switch kind {
            case .indicator: edit(&e.indicators, verb, index, blank: Indicator(name: ""))
            case .goal:
                edit(&e.goals, verb, index, blank: Goal(target: ""))
                for i in e.goals.indices { e.goals[i].number = i + 1 }
            default: return false
            }
            form = .departmentEvaluation(e)
        }
        return true
    }

    static func edit<Row>(_ rows: inout [Row], _ verb: EditorAction.RowVerb, _ index: Int?, blank: Row) {
        switch verb {
        case .add: rows.append(blank)
        case .remove: if let index, rows.indices.contains(index) { rows.remove(at: index) }
        case .up: if let index, index > 0, rows.indices.contains(index) { rows.swapAt(index, index - 1) }
        case .down: if let index, rows.indices.contains(index + 1) { rows.swapAt(index, index + 1) }
        }
    }

    /// Sets the reported total to the sum of the reported scores and its grade under the profile.
    static func keepTotalCurrent(_ form: inout EvaluationForm, profile: ScoringProfile) {
        let score = EvaluationScorer(profile: profile).score(form)
        guard let sum = score.reportedSum else { return }
        let total = PrintedNumber(sum.rounded(places: profile.scorePlaces))
        let grade = profile.grade(for: total.value)?.rawValue
        switch form {
        case .projectSelfEvaluation(var e):
            e.reportedTotal = total
            e.reportedGrade = grade ?? e.reportedGrade
            form = .projectSelfEvaluation(e)
        case .departmentEvaluation(var e):
            e.reportedTotal = total
            e.reportedGrade = grade ?? e.reportedGrade
            form = .departmentEvaluation(e)
        case .targetDeclaration: break
        }
    }
}
