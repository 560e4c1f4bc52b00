"""Messages of withdrawal: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "withdrawal.case_not_found": (
        "找不到该案件，可能已被删除。",
        "Case not found; it may have been deleted.",
    ),
    "withdrawal.changed_meanwhile": (
        "该案件刚刚被其他人办理过，您的操作未保存。请刷新后再办理。",
        "Someone else has just acted on this case; your action was not saved. Please refresh and try again.",
    ),
    "withdrawal.grounds_from_checks_only": (
        "退会告知书所列情形只能来自经确认的核查记录，不能手工填写（请在“退会管理”中核查、确认并发出告知书）",
        'The grounds listed in a withdrawal notice come only from confirmed checks and cannot be typed in (check, confirm and send the notice under "Withdrawal")',
    ),
    "withdrawal.member_not_active": (
        "“{name}”的会员状态为“{label}”，不是正常会员",
        'The status of "{name}" is "{label}", not an active member',
    ),
    "withdrawal.nothing_to_make_effective": (
        "该案件状态为“{label}”，无需办理生效",
        'The case\'s status is "{label}"; there is nothing to make effective',
    ),
    "withdrawal.effective_date_not_reached": (
        "退会生效日期 {effective_on} 还未到",
        "The withdrawal's effective date {effective_on} has not come yet",
    ),
    "withdrawal.return_only_voluntary": (
        "只有主动退会的案件需要登记交回会员证和牌匾",
        "Only voluntary withdrawals record the return of the certificate and plaque",
    ),
    "withdrawal.record_not_found": (
        "找不到该记录。",
        "Record not found.",
    ),
    "withdrawal.ground_lifted": (
        "该情形已于 {lifted_on} 解除",
        "This ground was lifted on {lifted_on}",
    ),
    "withdrawal.choose_members": (
        "请选择要确认的会员",
        "Please choose the members to confirm",
    ),
    "withdrawal.members_not_found": (
        "找不到这些会员：{join}",
        "These members were not found: {join}",
    ),
    "withdrawal.cannot_withdraw_case": (
        "案件状态为“{label}”：只有尚未发出告知书的案件可以撤销",
        'The case\'s status is "{label}": only a case whose notice has not been sent can be withdrawn',
    ),
    "withdrawal.choose_cases": (
        "请选择要发出告知书的案件",
        "Please choose the cases to send notices for",
    ),
    "withdrawal.cases_not_found": (
        "找不到部分案件，可能已被删除。",
        "Some cases were not found; they may have been deleted.",
    ),
    "withdrawal.response_days_setting": (
        "退会告知书的答复期限（设置）：至少 1 天",
        "Days to respond to a withdrawal notice (setting): at least 1 day",
    ),
    "withdrawal.cannot_record_fulfilled": (
        "案件状态为“{label}”，不能登记为已履行义务",
        'The case\'s status is "{label}" and cannot be recorded as obligations fulfilled',
    ),
    "withdrawal.cannot_deem": (
        "案件状态为“{label}”：只有已发出告知书的案件可以认定为视为自动退会",
        'The case\'s status is "{label}": only a case whose notice has been sent can be deemed withdrawn',
    ),
    "withdrawal.deadline_not_passed": (
        "认定日期：答复期限 {response_deadline} 届满之后（{value} 起）才能认定",
        "Date of finding: only after the response deadline {response_deadline} has passed (from {value})",
    ),
    "withdrawal.grounds_gone": (
        "截至 {date}，告知书所列情形均已不存在：会员已履行义务，应登记为“已履行义务”并结案",
        'As of {date} none of the grounds in the notice remain: the member has fulfilled its obligations; record it as "obligations fulfilled" and close the case',
    ),
    "withdrawal.deem_first": (
        "案件状态为“{label}”：须先认定为视为自动退会",
        'The case\'s status is "{label}": it must first be deemed withdrawn',
    ),
    "withdrawal.appeal_not_found": (
        "找不到该申诉。",
        "Appeal not found.",
    ),
    "withdrawal.appeal_only_cancellation": (
        "案件状态为“{label}”：只能对理事会确认的取消会员资格提出申诉",
        'The case\'s status is "{label}": an appeal lies only against a cancellation confirmed by the council',
    ),
    "withdrawal.appeal_pending": (
        "该案件已有正在办理的申诉",
        "This case already has an appeal in progress",
    ),
    "withdrawal.appeal_no_council_reply": (
        "申诉状态为“{label}”，不能登记理事会答复",
        "The appeal's status is \"{label}\"; the council's reply cannot be recorded",
    ),
    "withdrawal.appeal_no_assembly": (
        "申诉状态为“{label}”，不能提交会员（代表）大会",
        "The appeal's status is \"{label}\"; it cannot be put to the members' (representatives') assembly",
    ),
    "withdrawal.appeal_not_at_assembly": (
        "申诉状态为“{label}”，尚未提交会员（代表）大会",
        "The appeal's status is \"{label}\"; it has not been put to the members' (representatives') assembly",
    ),
    "withdrawal.post_not_found": (
        "找不到该职务记录。",
        "Post record not found.",
    ),
    "withdrawal.post_ended": (
        "该职务已于 {ended_on} 终止",
        "This post ended on {ended_on}",
    ),
    "withdrawal.task_not_found": (
        "找不到该待办事项。",
        "To-do item not found.",
    ),
    "withdrawal.task_not_yours": (
        "这不是您负责的会员的待办事项。",
        "This to-do item is not for one of your members.",
    ),
    "withdrawal.task_done": (
        "该事项已于 {value} 处理",
        "This item was handled on {value}",
    ),
    "withdrawal.file_not_found": (
        "找不到该文件。",
        "File not found.",
    ),
    "withdrawal.activities.not_found": (
        "找不到该活动，可能已被删除。",
        "Activity not found; it may have been deleted.",
    ),
    "withdrawal.activities.has_attendance": (
        "活动“{title}”已登记 {attended} 个会员参加、{rows} 行签到记录，不能删除；如确属误录，请先逐条删除参加记录",
        'Activity "{title}" has {attended:@member/members} attending and {rows:@sign-in row/sign-in rows} recorded and cannot be deleted; if it was entered by mistake, delete the attendance records one by one first',
    ),
    "withdrawal.activities.too_long": (
        "{label}：过长（最多 {length} 个字符）",
        "{label}: too long (at most {length} characters)",
    ),
    "withdrawal.activities.already_attended": (
        "“{name}”参加“{title}”已登记过",
        '"{name}" is already recorded as attending "{title}"',
    ),
    "withdrawal.activities.attendance_not_found": (
        "找不到该参加记录，可能已被删除。",
        "Attendance record not found; it may have been deleted.",
    ),
    "withdrawal.activities.sign_in_not_found": (
        "找不到该签到记录。",
        "Sign-in record not found.",
    ),
    "withdrawal.activities.row_done": (
        "签到表第 {row_number} 行已处理过",
        "Row {row_number} of the sign-in sheet has already been handled",
    ),
    "withdrawal.activities.reason_required": (
        "原因：请说明为何不是会员（如：嘉宾、主管部门、非会员单位）",
        "Reason: please say why it is not a member (e.g. a guest, the supervising authority, a non-member organisation)",
    ),
    "withdrawal.activities.field_problem": (
        "{label}：{exc}",
        "{label}: {exc}",
    ),
    "withdrawal.activities.reason_problem": (
        "原因：{exc}",
        "Reason: {exc}",
    ),
    "withdrawal.after_today": (
        "{label}：不能晚于今天（{isoformat}）",
        "{label}: must not be later than today ({isoformat})",
    ),
    "withdrawal.too_long": (
        "{label}：过长（最多 {length} 个字符，现为 {count} 个）",
        "{label}: too long (at most {length} characters, has {count})",
    ),
    "withdrawal.no_file_name": (
        "{label}：没有文件名",
        "{label}: no file name",
    ),
    "withdrawal.file_too_big": (
        "{label}：文件“{name}”{value:.1f} MB，超过上限 {value2} MB",
        '{label}: file "{name}" is {value:.1f} MB, more than the limit of {value2} MB',
    ),
    "withdrawal.bad_file_type": (
        "{label}：文件“{name}”只接受 PDF、JPEG、PNG 文件（按文件内容判断）",
        '{label}: only PDF, JPEG and PNG files are accepted for "{name}" (judged by content)',
    ),
    "withdrawal.extension_mismatch": (
        "{label}：文件“{name}”的内容与扩展名不符，请核对是否选错文件",
        '{label}: the content of file "{name}" does not match its extension; please check you chose the right file',
    ),
    "withdrawal.scan_required": (
        "{label}：请附上扫描件（PDF、JPEG 或 PNG）",
        "{label}: please attach a scan (PDF, JPEG or PNG)",
    ),
    "withdrawal.effective_before_letter": (
        "退会生效日期：不能早于收到函件的日期",
        "Effective date of withdrawal: must not be before the date the letter was received",
    ),
    "withdrawal.letter_before_joining": (
        "收到退会函件日期：不能早于入会日期",
        "Date the withdrawal letter was received: must not be before the join date",
    ),
    "withdrawal.lifted_before_found": (
        "解除日期：不能早于列入日期 {found_on}",
        "Date lifted: must not be before the date it was recorded, {found_on}",
    ),
    "withdrawal.council_before_deemed": (
        "理事会确认日期：不能早于认定视为自动退会的日期 {outcome_on}",
        "Date the council confirmed: must not be before the date it was deemed a withdrawal, {outcome_on}",
    ),
    "withdrawal.appeal_before_council": (
        "申诉日期：不能早于理事会确认日期 {council_date}",
        "Date of appeal: must not be before the council's confirmation, {council_date}",
    ),
    "withdrawal.reply_before_appeal": (
        "理事会答复日期：不能早于申诉日期 {filed_on}",
        "Date of the council's reply: must not be before the appeal, {filed_on}",
    ),
    "withdrawal.escalated_before_appeal": (
        "提交大会审议日期：不能早于申诉日期 {filed_on}",
        "Date put to the assembly: must not be before the appeal, {filed_on}",
    ),
    "withdrawal.assembly_before_escalated": (
        "大会审议日期：不能早于提交审议日期 {escalated_on}",
        "Date of the assembly's decision: must not be before it was put to the assembly, {escalated_on}",
    ),
    "withdrawal.term_end_after_start": (
        "任期届满日期：应晚于任职起始日期",
        "End of term: should be after the start of the post",
    ),
    "withdrawal.post_before_joining": (
        "任职起始日期：不能早于入会日期 {join_date}",
        "Start of the post: must not be before the join date, {join_date}",
    ),
    "withdrawal.post_end_before_start": (
        "终止日期：不能早于任职起始日期 {start_date}",
        "Date ended: must not be before the start of the post, {start_date}",
    ),
    "withdrawal.no_reason_if_returned": (
        "{label}未交回的原因：已填写交回日期，无需填写未交回的原因",
        "Reason the {label} was not returned: a return date is given, so no reason is needed",
    ),
    "withdrawal.choose_ground": (
        "情形：请选择（失信被执行人、被剥夺政治权利、丧失完全民事行为能力或其他）",
        "Ground: please choose (judgement defaulter, deprived of political rights, without full civil capacity, or other)",
    ),
    "withdrawal.appeal_too_late": (
        "申诉日期：申诉期限已于 {last_day} 届满（理事会 {council_date} 确认）",
        "Date of appeal: the time for appeal ended on {last_day} (the council confirmed on {council_date})",
    ),
    "withdrawal.choose_decision": (
        "决定：请选择“维持”或“恢复会籍”",
        'Decision: please choose "uphold" or "restore the membership"',
    ),
    "withdrawal.choose_post": (
        "职务：请选择",
        "Post: please choose",
    ),
    "withdrawal.activities.date_required": (
        "活动日期：请填写",
        "Activity date: please fill in",
    ),
    "withdrawal.activities.required": (
        "{LABELS}：请填写",
        "{LABELS}: please fill in",
    ),
    "withdrawal.activities.choose_kind": (
        "活动类别：请选择",
        "Activity kind: please choose",
    ),
    "withdrawal.activities.bad_date": (
        "活动日期：应写成 2026-11-26",
        "Activity date: write it like 2026-11-26",
    ),
    "withdrawal.activities.date_in_future": (
        "活动日期：不能晚于今天（活动举行后再登记参加情况）",
        "Activity date: must not be later than today (record attendance after the activity)",
    ),
    "withdrawal.activities.problem": (
        "{LABELS}：{exc}",
        "{LABELS}: {exc}",
    ),
    "withdrawal.activities.too_long_counted": (
        "{LABELS}：过长（最多 {LENGTHS} 个字符，现为 {count} 个）",
        "{LABELS}: too long (at most {LENGTHS} characters, has {count})",
    ),
    "withdrawal.history.labelled": (
        "{label}：{name}",
        "{label}: {name}",
    ),
    "withdrawal.history.letter_received": (
        "收到退会函件（{received}），自 {effective} 起退会",
        "Withdrawal letter received ({received}); withdrawn from {effective}",
    ),
    "withdrawal.history.ground_recorded": (
        "登记不再符合会员条件：{value}（{source}，{found_on}）",
        "No longer meets the conditions of membership: {value} ({source}, {found_on})",
    ),
    "withdrawal.history.ground_lifted": (
        "解除不再符合会员条件的记录：{reason}",
        "Record of no longer meeting the conditions lifted: {reason}",
    ),
    "withdrawal.history.case_dropped": (
        "撤销取消会员资格案件：{note}",
        "Cancellation case withdrawn: {note}",
    ),
    "withdrawal.history.fulfilled": (
        "已履行会员义务，取消会员资格案件结案：{remark}",
        "Obligations fulfilled; cancellation case closed: {remark}",
    ),
    "withdrawal.history.deemed": (
        "答复期限届满仍拒绝履行义务，视为自动退会，待理事会确认：{remark}",
        "Still refusing its obligations after the response deadline: deemed withdrawn, awaiting the council's confirmation: {remark}",
    ),
    "withdrawal.history.appeal_filed": (
        "会员提出申诉（{date}）：{reasons}",
        "The member appealed ({date}): {reasons}",
    ),
    "withdrawal.history.appeal_escalated": (
        "理事会将申诉提交会员（代表）大会审议：{why}",
        "The council put the appeal to the members' (representatives') assembly: {why}",
    ),
    "withdrawal.history.appeal_restored": (
        "申诉成立，恢复会籍：{words}",
        "Appeal upheld, membership restored: {words}",
    ),
    "withdrawal.history.post_added": (
        "登记职务：{position_title}（{start} 起）",
        "Post recorded: {position_title} (from {start})",
    ),
    "withdrawal.history.post_ended": (
        "职务终止：{position_title}，{why}",
        "Post ended: {position_title}, {why}",
    ),
    "withdrawal.history.task_done": (
        "已完成：{label}",
        "Done: {label}",
    ),
    "withdrawal.history.returns_recorded": (
        "登记交回会员证和牌匾",
        "Return of the certificate and plaque recorded",
    ),
    "withdrawal.history.notice_sent": (
        "发出退会告知书 {notice_number}，答复期限 {deadline}",
        "Withdrawal notice {notice_number} sent, response deadline {deadline}",
    ),
    "withdrawal.history.appeal_rejected": (
        "申诉不成立，维持取消决定。{words}",
        "Appeal rejected, the cancellation stands. {words}",
    ),
    "withdrawal.activities.history.deleted": (
        "删除活动：{title}",
        "Activity deleted: {title}",
    ),
    "withdrawal.activities.history.attended": (
        "登记参加活动：{held_on} {title}（{value}）",
        "Attendance recorded: {held_on} {title} ({value})",
    ),
    "withdrawal.activities.history.attendance_deleted": (
        "删除参加活动记录：{held_on} {title}",
        "Attendance record deleted: {held_on} {title}",
    ),
    "withdrawal.activities.history.sign_in_matched": (
        "签到表 {file_name} 第 {row_number} 行“{value}”匹配为会员 {name}",
        'Sign-in sheet {file_name}, row {row_number}, "{value}" matched to member {name}',
    ),
    "withdrawal.activities.history.sign_in_not_member": (
        "签到表 {file_name} 第 {row_number} 行“{value}”不是会员：{text}",
        'Sign-in sheet {file_name}, row {row_number}, "{value}" is not a member: {text}',
    ),
    "withdrawal.activities.history.recorded": (
        "登记活动：{held_on} {title}",
        "Activity recorded: {held_on} {title}",
    ),
    "withdrawal.activities.history.changed": (
        "修改活动：{title}",
        "Activity changed: {title}",
    ),
    "withdrawal.problem_status": ("{name}：会员状态为“{label}”", '{name}: the member\'s status is "{label}"'),
    "withdrawal.problem_open_case": ("{name}：已有未结案件（{label}）", "{name}: a case is still open ({label})"),
    "withdrawal.problem_no_ground": (
        "{name}：截至 {date} 不符合第十二条所列任何情形，不能确认",
        "{name}: as of {date} none of the grounds in Article 12 applies; cannot be confirmed",
    ),
    "withdrawal.none_confirmed": (
        "以下会员未能确认，本次没有确认任何会员：",
        "These members could not be confirmed; no member was confirmed this time:",
    ),
    "withdrawal.problem_case_status": ("{name}：案件状态为“{label}”", '{name}: the case\'s status is "{label}"'),
    "withdrawal.problem_notice_before_review": (
        "{name}：告知日期早于确认日期 {date}",
        "{name}: the notice date is before the date of confirmation, {date}",
    ),
    "withdrawal.no_notice_sent": (
        "以下案件不能发出告知书，本次没有发出任何告知书：",
        "No notice can be sent for these cases; no notice was sent this time:",
    ),
    "withdrawal.grounds_still_hold": (
        "截至 {date} 以下情形仍然存在，不能登记为已履行义务（请先登记缴费、参加活动或解除记录）：\n{grounds}",
        "As of {date} these grounds still hold, so the obligations cannot be recorded as fulfilled (first record"
        " the payment, the attendance or lift the record):\n{grounds}",
    ),
    "withdrawal.notice_not_delivered": (
        "告知书没有寄达的凭证，不能认定拒绝履行义务：{state}。请在“邮寄”中登记寄出（或重新寄送被退回的告知书）。",
        "There is no proof that the notice was delivered, so a refusal of the obligations cannot be found: {state}."
        ' Please record the posting under "Mailing" (or send a returned notice again).',
    ),
    "withdrawal.no_mailing_batch": ("没有邮寄批次", "no mailing batch"),
}
