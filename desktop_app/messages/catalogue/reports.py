"""Messages of reports: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "reports.bad_proposal": (
        "奖惩建议：“{value}”应为 reward（奖励）、none（不奖不罚）或 penalty（处罚）",
        'Proposal: "{value}" should be reward, none or penalty',
    ),
    "reports.bad_period": (
        "考核期：“{value}”应写成 2026H1（上半年）或 2026H2（下半年）",
        'Assessment period: "{value}" should be written like 2026H1 (first half) or 2026H2 (second half)',
    ),
    "reports.period_not_started": (
        "考核期：{label}尚未开始",
        "Assessment period: {label} has not begun yet",
    ),
    "reports.reason_too_long": (
        "理由：过长（最多 1000 个字符，现为 {count} 个）",
        "Reason: too long (at most 1,000 characters, has {count})",
    ),
    "reports.mentor_not_found": (
        "找不到该班主任。",
        "Mentor not found.",
    ),
    "reports.mentor_no_members_not_assessed": (
        "班主任：{full_name}在{label}没有负责的会员，不作考核",
        "Mentor: {full_name} had no members in {label} and is not assessed",
    ),
    "reports.reason_required": (
        "理由：建议由“{label}”改为“{label2}”，请写明理由（供驻会领导审阅）",
        'Reason: the proposal changes from "{label}" to "{label2}"; please give the reason (for the resident leader\'s review)',
    ),
    "reports.bad_output_suffix": (
        "输出文件：扩展名应为 .xlsx 或 .pdf（“{name}”）",
        'Output file: the extension should be .xlsx or .pdf ("{name}")',
    ),
    "reports.reason_problem": (
        "理由：{exc}",
        "Reason: {exc}",
    ),
    "reports.mentor_no_members": (
        "班主任：{full_name}在{label}没有负责的会员",
        "Mentor: {full_name} had no members in {label}",
    ),
    "reports.weight_required": (
        "{label}：至少一项权重应大于 0",
        "{label}: at least one weight should be more than 0",
    ),
    "reports.above_reward": (
        "{label}：不能高于建议奖励的分数（{reward}）",
        "{label}: must not be higher than the score proposed for a reward ({reward})",
    ),
    "reports.range_184": (
        "{label}：应为 0 到 184",
        "{label}: should be 0 to 184",
    ),
    "reports.not_a_weight": (
        "{label}：“{key}”应为不小于 0 的数字",
        '{label}: "{key}" should be a number not less than 0',
    ),
    "reports.range_100": (
        "{label}：应为 0 到 100",
        "{label}: should be 0 to 100",
    ),
    "reports.history.proposal": (
        "{label}奖惩建议：{full_name} {label2}（建议 {label3}，得分 {score}）",
        "Proposal for {label}: {full_name} {label2} (proposed {label3}, score {score})",
    ),
    "reports.history.assessment_exported": (
        "导出{label}班主任工作考核报告（{count} 位班主任，{name}）",
        "Mentors' assessment report for {label} exported ({count:@mentor/mentors}, {name})",
    ),
    "reports.history.statistics_exported": (
        "导出会员统计（{name}）",
        "Member statistics exported ({name})",
    ),
}
