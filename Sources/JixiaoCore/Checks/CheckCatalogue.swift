/// Every check jixiao knows, by stable code. Codes never change meaning once published.
public enum CheckCatalogue {
    public static let all: [CheckDefinition] = [
        // 目标申报
        .init(.declCategoryMissing, .error, .targetDeclaration, "缺少必备的一级指标", "缺少一级指标“{category}”，{reason}"),
        .init(.declCategoryUnknown, .warning, .targetDeclaration, "指标类别无法识别", "{level}指标“{label}”不在标准指标体系中，无法归类"),
        .init(.declLevelMismatch, .warning, .targetDeclaration, "二级指标放错一级", "二级指标“{level2}”不属于一级指标“{level1}”，按{layout}应属“{expected}”"),
        .init(.declValueMissing, .error, .targetDeclaration, "指标值未填写", "指标“{name}”没有填写指标值"),
        .init(.declTemplateUnfilled, .error, .targetDeclaration, "指标值只有模板", "指标“{name}”的指标值“{value}”只有符号和单位，数值未填写"),
        .init(.declNotQuantified, .warning, .targetDeclaration, "指标值未量化", "{level2}“{name}”的指标值“{value}”不是数值，{level2}应尽量量化"),
        .init(.declFundsSum, .error, .targetDeclaration, "资金来源合计不符", "资金总额 {total} 不等于 当年财政拨款 {fiscal} + 上年结转 {carry} + 其他资金 {other} = {sum}（{unit}）"),
        .init(.declFundsMissing, .warning, .targetDeclaration, "缺少项目资金", "没有填写项目资金总额"),
        .init(.declCostExceedsFunds, .error, .targetDeclaration, "成本目标超过项目资金", "成本指标“{name}”的目标 {cost} 元超过项目资金总额 {total} 元"),
        .init(.declAnnualGoalMissing, .error, .targetDeclaration, "缺少年度目标", "没有填写年度总体目标"),
        .init(.declDatesOrder, .error, .targetDeclaration, "计划日期颠倒", "计划完成日期 {end} 早于计划开始日期 {start}"),
        .init(.declDuplicateName, .warning, .targetDeclaration, "指标名称重复", "三级指标“{name}”在“{level2}”下出现 {count} 次"),
        // 项目与部门自评
        .init(.evalExecutionMissing, .error, .selfEvaluation, "缺少预算执行数据", "缺少{missing}，无法计算执行率和得分"),
        .init(.evalRateMismatch, .error, .selfEvaluation, "执行率计算错误", "执行率印为 {printed}，按 全年执行数 {b} ÷ 全年预算数 {a} 应为 {computed}"),
        .init(.evalExecutionScore, .error, .selfEvaluation, "预算执行得分错误", "预算执行得分印为 {printed}，按规则应为 {computed}（{explanation}）"),
        .init(.evalOverspent, .warning, .selfEvaluation, "执行数超过预算数", "全年执行数 {b} 大于全年预算数 {a}，执行率 {rate}"),
        .init(.evalTargetUnfilled, .error, .selfEvaluation, "指标值未填写", "指标“{name}”的指标值“{value}”未填写数值，无法按公式评分"),
        .init(.evalTemplateLeftover, .warning, .selfEvaluation, "年初指标值只有模板", "指标“{name}”的年初指标值“{original}”数值未填写，评分按调整后指标值“{adjusted}”"),
        .init(.evalAdjustedWithoutNote, .warning, .selfEvaluation, "调整指标值未说明", "指标“{name}”的指标值由“{original}”调整为“{adjusted}”，但没有说明调整原因"),
        .init(.evalActualMissing, .error, .selfEvaluation, "实际完成值未填写", "指标“{name}”（分值 {weight}）没有填写实际完成值"),
        .init(.evalScoreMissing, .error, .selfEvaluation, "得分空白", "指标“{name}”有分值 {weight}，但得分空白；建议得分 {suggested}"),
        .init(.evalScoreOverWeight, .error, .selfEvaluation, "得分超过分值", "指标“{name}”得分 {score} 超过分值 {weight}"),
        .init(.evalScoreOutOfRange, .error, .selfEvaluation, "得分超出允许范围", "指标“{name}”得分 {score} 不在允许范围 {range} 内：{explanation}"),
        .init(.evalScoreDiffers, .info, .selfEvaluation, "得分与建议不同", "指标“{name}”得分 {score}，建议得分 {suggested}：{explanation}"),
        .init(.evalUnitMismatch, .warning, .selfEvaluation, "目标与实际单位不一致", "指标“{name}”的指标值“{target}”与实际完成值“{actual}”单位不一致（{targetUnit} / {actualUnit}）"),
        .init(.evalDeviationReasonMissing, .warning, .selfEvaluation, "缺少偏差原因", "指标“{name}”{situation}（{explanation}），但没有填写偏差原因分析"),
        .init(.evalWeightsNotPrinted, .info, .selfEvaluation, "表中没有分值列", "{count}个指标都没有分值、只有得分（湖北等地格式）：各行得分无法与分值核对，只核对总分"),
        .init(.evalCoefficientScore, .error, .selfEvaluation, "得分与得分系数不符", "指标“{name}”得分 {score}，按 分值 {weight} × 得分系数 {coefficient} 应为 {computed}"),
        .init(.evalReviewOverWeight, .error, .selfEvaluation, "复核分超过分值", "指标“{name}”复核分 {review} 超过分值 {weight}"),
        .init(.evalReviewDiffers, .info, .selfEvaluation, "复核分与自评分不同", "指标“{name}”自评得分 {score}，复核分 {review}"),
        .init(.evalWeightMissing, .error, .selfEvaluation, "缺少分值", "指标“{name}”没有分值"),
        .init(.evalWeightsTotal, .error, .selfEvaluation, "分值合计不为100", "分值合计 {sum}（指标 {indicators} + 预算执行 {execution}），应为 100"),
        .init(.evalLevel1Weight, .warning, .selfEvaluation, "一级指标分值与默认不同", "一级指标“{level1}”分值合计 {sum}，“{profile}”默认为 {default}"),
        .init(.evalTotalMissing, .warning, .selfEvaluation, "总分空白", "没有填写总分；各项得分合计 {sum}，建议总分 {suggested}"),
        .init(.evalTotalSum, .error, .selfEvaluation, "总分不等于各项得分之和", "总分印为 {printed}，各项得分合计 {sum}"),
        .init(.evalTotalDiffers, .info, .selfEvaluation, "总分与建议不同", "总分 {printed}，按“{profile}”建议总分 {suggested}"),
        .init(.evalGrade, .error, .selfEvaluation, "等级与总分不符", "总分 {total} 按“{profile}”应评为“{expected}”，表中为“{printed}”"),
        .init(.evalGradeMissing, .warning, .selfEvaluation, "未评等级", "没有填写自评等级；总分 {total} 按“{profile}”应为“{expected}”"),
        .init(.deptGoalWithoutIndicators, .warning, .departmentEvaluation, "目标没有指标", "目标{number}“{goal}”没有对应的绩效指标"),
        .init(.deptGoalActualMissing, .warning, .departmentEvaluation, "目标未写完成情况", "目标{number}“{goal}”没有填写实际完成情况"),
        .init(.deptClaimCount, .error, .departmentEvaluation, "结论中的数目与表格不符", "自评结论称{subject} {claimed} 项，表中为 {count} 项"),
        .init(.deptClaimTotal, .error, .departmentEvaluation, "结论中的自评分与总分不符", "自评结论称自评分值 {claimed}，表中总分 {total}"),
        .init(.deptClaimExecution, .error, .departmentEvaluation, "结论中的预算执行与表格不符", "自评结论称{subject} {claimed}、执行率 {rate}，表中全年预算数 {a}、全年执行数 {b}，执行率 {computed}"),
        // 决算公开说明
        .init(.narrPartExceedsTotal, .error, .finalAccounts, "部分大于总数", "“{part}” {amount} 大于其所属的“{total}” {totalAmount}"),
        .init(.narrPartsSum, .error, .finalAccounts, "各部分合计与总数不符", "“{total}” {totalAmount}，其中各项合计 {sum}（{parts}）"),
        .init(.narrShare, .error, .finalAccounts, "占比计算错误", "“{part}”占比印为 {printed}，按 {amount} ÷ “{total}” {totalAmount} 应为 {computed}"),
        .init(.narrSharesTotal, .warning, .finalAccounts, "占比合计超过100%", "“{total}”各组成部分占比合计 {sum}，超过 100%"),
        .init(.narrChangePercent, .error, .finalAccounts, "增减幅度计算错误", "“{subject}”增减幅度印为 {printed}，按 增减额 {change} ÷ 上年数 {base}（{amount} 减增减额）应为 {computed}"),
        .init(.narrCompletion, .error, .finalAccounts, "预算完成率计算错误", "“{subject}”完成预算印为 {printed}，按 {amount} ÷ 预算 {budget} 应为 {computed}"),
        .init(.narrChangesSum, .error, .finalAccounts, "各部分的增减或预算与总数不符", "“{total}”{what} {printed}，各组成部分{what}合计 {sum}（{parts}）"),
        .init(.perfProjectCount, .error, .finalAccounts, "绩效说明的项目数与所附表单不符", "绩效说明称开展自评的项目 {claimed} 个，文件所附项目自评表 {count} 份"),
        .init(.perfFunds, .warning, .finalAccounts, "绩效说明的项目资金与所附表单不符", "绩效说明称项目资金 {claimed} 万元，所附自评表年初预算合计 {initial} 万元、全年预算数合计 {annual} 万元{missing}"),
        .init(.perfGradeCount, .error, .finalAccounts, "绩效说明的等级分布与所附表单不符", "绩效说明称自评等级为“{grade}”的项目 {claimed} 个，所附自评表中为 {count} 个{note}"),
        // 导入
        .init(.importUnusedLine, .warning, .import, "未读入的行", "{line}没有读入任何表单：“{text}”"),
        .init(.importGuessed, .info, .import, "导入时推断的内容", "导入时推断了{what}：{how}"),
        .init(.importTextFolded, .info, .import, "按简体识别", "原文含{what}，已按简体字识别表格；表中文字保留原文"),
        .init(.importTemplateText, .warning, .import, "模板说明未替换", "{what}仍是模板说明“{text}”，按未填写处理"),
        .init(.importRowUnreadable, .warning, .import, "无法识别的表格行", "表格行无法对应到{table}：“{text}”"),
        .init(.importFormIncomplete, .error, .import, "表单不完整", "表单《{form}》缺少{missing}，可能在文件中被截断"),
        .init(.importSkipped, .info, .import, "未读入的内容", "未读入{what}"),
        .init(.importConverted, .info, .import, "转换后读取", "{how}后读取，请核对转换结果"),
        .init(.importNoForms, .error, .import, "没有找到表单", "文件中没有找到可识别的绩效表单或决算说明"),
    ]

    static let byCode: [CheckCode: CheckDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The definition of a code.
    public static func definition(_ code: CheckCode) -> CheckDefinition? { byCode[code] }

    /// A finding of a catalogued check (used by the checkers and the importers); the severity and message come from the catalogue.
    public static func finding(_ code: CheckCode, _ values: [String: String], at location: FindingLocation,
                        outcome: CheckOutcome = .fail) -> Finding {
        // Every code has its definition (a test checks the catalogue covers the enum).
        guard let definition = byCode[code] else { preconditionFailure("check code \(code) is not in the catalogue") }
        return Finding(code: code, severity: definition.severity, outcome: outcome, message: definition.message(values), location: location)
    }
}
