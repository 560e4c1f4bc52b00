"""Messages of mentors: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "mentors.handover.unknown_item": (
        "变更事项：“{text}”不是可变更的项目（可写：{labels}）",
        'Changes: "{text}" is not an item that can be changed (possible: {labels})',
    ),
    "mentors.handover.no_changes": (
        "变更事项：请至少填写一项变更",
        "Changes: please fill in at least one change",
    ),
    "mentors.handover.after_form_date": (
        "不能晚于填表日期（{form_date:%Y-%m-%d}）",
        "must not be later than the form's date ({form_date:%Y-%m-%d})",
    ),
    "mentors.handover.item_pending": (
        "{label}：已有待办理的交接单第 {clashes} 号变更此项，请等会籍管理部办理或退回后再填",
        "{label}: handover form no. {clashes} changing this item is still pending; wait until the membership office has handled or returned it",
    ),
    "mentors.handover.form_not_found": (
        "找不到交接单第 {form_id} 号。",
        "Handover form no. {form_id} not found.",
    ),
    "mentors.handover.form_closed": (
        "交接单第 {id} 号已由 {who} 于 {when} {STATUS_LABELS}，不能再办理。",
        "Handover form no. {id} was {STATUS_LABELS} by {who} on {when} and cannot be handled again.",
    ),
    "mentors.handover.form_disagrees": (
        "变更事项：交接单上的新内容与校验结果不一致，请退回后重新填报",
        "Changes: the new values on the form disagree with the check; please return it and fill it in again",
    ),
    "mentors.handover.one_member_only": (
        "变更事项：只能为一个会员填写变更事项",
        "Changes: changes can be filled in for one member only",
    ),
    "mentors.handover.bad_line": (
        "变更事项第 {number} 行：应写成“项目=新内容”",
        'Changes, line {number}: should be written as "item=new value"',
    ),
    "mentors.handover.member_changed_meanwhile": (
        "该会员资料刚刚被其他人修改，交接单未办理。请刷新后再办理。",
        "Someone else has just changed this member; the handover form was not handled. Please refresh and try again.",
    ),
    "mentors.handover.member_data_wrong": (
        "会员“{name}”现有资料有误（{message}），请会籍管理部先更正后再填交接单",
        'Member "{name}" has wrong data on file ({message}); the membership office must correct it before a handover form is filled in',
    ),
    "mentors.not_your_member": (
        "会员“{member_name}”不是您负责的会员：班主任只能为自己负责的会员办理（第七条、第八条）。",
        'Member "{member_name}" is not one of yours: a mentor acts only for the members in their care (Articles 7 and 8).',
    ),
    "mentors.members_not_found": (
        "找不到这些会员（可能已被删除）：{join}",
        "These members were not found (they may have been deleted): {join}",
    ),
    "mentors.own_members_only": (
        "班主任只能查看自己负责的会员。",
        "A mentor can see only the members in their own care.",
    ),
    "mentors.too_long": (
        "过长（最多 {limit} 个字符，现为 {count} 个）",
        "too long (at most {limit} characters, has {count})",
    ),
    "mentors.after_today": (
        "不能晚于今天（{today:%Y-%m-%d}）",
        "must not be later than today ({today:%Y-%m-%d})",
    ),
    "mentors.date_too_early": (
        "日期太早，请检查",
        "date too early, please check",
    ),
    "mentors.date_required": (
        "请填写日期",
        "please fill in a date",
    ),
    "mentors.choose_one": (
        "请选择（{join}）",
        "please choose ({join})",
    ),
    "mentors.not_a_date": (
        "“{value}”不是日期，应写成 2026-11-26",
        '"{value}" is not a date; write it like 2026-11-26',
    ),
    "mentors.contacts.due_required": (
        "有跟进事项时请填写期限",
        "please give a due date for the follow-up",
    ),
    "mentors.contacts.follow_up_required": (
        "填写了跟进期限，请写明要跟进什么",
        "a follow-up due date is given; please say what is to be followed up",
    ),
    "mentors.contacts.before_contact_date": (
        "不能早于联系日期",
        "must not be earlier than the contact date",
    ),
    "mentors.contacts.long_before_joining": (
        "早于会员入会日期（{join_date:%Y-%m-%d}）一年以上，请检查",
        "more than a year before the member joined ({join_date:%Y-%m-%d}), please check",
    ),
    "mentors.contacts.not_found": (
        "找不到该联系记录。",
        "Contact record not found.",
    ),
    "mentors.contacts.no_follow_up": (
        "跟进事项：这条联系记录没有跟进事项",
        "Follow-up: this contact record has nothing to follow up",
    ),
    "mentors.contacts.follow_up_done": (
        "跟进事项：已于 {follow_up_done_on:%Y-%m-%d} 办结",
        "Follow-up: already done on {follow_up_done_on:%Y-%m-%d}",
    ),
    "mentors.contacts.days_at_least_one": (
        "未联系天数：至少 1 天",
        "Days without contact: at least 1 day",
    ),
    "mentors.contacts.choose_mentor": (
        "班主任：请选择一位班主任",
        "Mentor: please choose a mentor",
    ),
    "mentors.circulation.choose_member": (
        "请至少选择一个会员",
        "please choose at least one member",
    ),
    "mentors.circulation.not_found": (
        "找不到该传达记录。",
        "Circulation record not found.",
    ),
    "mentors.circulation.article_not_found": (
        "找不到该宣传稿记录。",
        "Article record not found.",
    ),
    "mentors.circulation.choose_result": (
        "请选择已刊发或未采用",
        "please choose published or not used",
    ),
    "mentors.circulation.reason_required": (
        "未采用时请写明原因",
        "please give the reason it was not used",
    ),
    "mentors.circulation.where_published": (
        "请写明刊发在哪里（如协会网站、会刊第几期）",
        "please say where it was published (e.g. the association's website, which issue of the bulletin)",
    ),
    "mentors.circulation.before_submitted": (
        "不能早于报送日期",
        "must not be earlier than the date it was submitted",
    ),
    "mentors.allocation.unknown_business_kind": (
        "主营业务分类：“{kind}”不在系统设置的分类中（{join}）",
        'Main business class: "{kind}" is not one of the classes in the settings ({join})',
    ),
    "mentors.allocation.not_a_mentor": (
        "班主任：所选人员不是在职的班主任",
        "Mentor: the person chosen is not a mentor in service",
    ),
    "mentors.allocation.reason_required": (
        "更换原因：“{example}”{more}已有班主任，更换班主任须说明原因",
        'Reason for the change: "{example}"{more} already has a mentor; changing the mentor needs a reason',
    ),
    "mentors.allocation.no_mentor_to_suggest": (
        "班主任：没有在职的班主任可以建议，请先新建班主任账户",
        "Mentor: there is no mentor in service to suggest; please create a mentor's account first",
    ),
    "mentors.allocation.choose_other_mentor": (
        "班主任：请选择另一位班主任",
        "Mentor: please choose another mentor",
    ),
    "mentors.allocation.no_other_mentor": (
        "班主任：没有其他在职的班主任可以接手",
        "Mentor: there is no other mentor in service to take over",
    ),
    "mentors.allocation.choose_member": (
        "请选择会员",
        "Please choose members",
    ),
    "mentors.allocation.member_not_active": (
        "班主任：会员“{name}”{label}，不再分配班主任",
        'Mentor: member "{name}" is {label} and is no longer given a mentor',
    ),
    "mentors.allocation.class_needs_name": (
        "{label}：第 {number} 项应有名称（name）",
        "{label}: item {number} needs a name",
    ),
    "mentors.allocation.keywords_not_list": (
        "{label}：“{item}”的关键词（keywords）应为文字列表",
        '{label}: the keywords of "{item}" should be a list of words',
    ),
    "mentors.allocation.class_name_bad": (
        "{label}：“{name}”重复、过长或与“{OTHER_KIND}”相同",
        '{label}: "{name}" is repeated, too long or the same as "{OTHER_KIND}"',
    ),
    "mentors.allocation.changed_meanwhile": (
        "有会员资料刚刚被其他人修改，本次分配未保存。请刷新后再分配。",
        "Someone else has just changed a member; this allocation was not saved. Please refresh and allocate again.",
    ),
    "mentors.allocation.allocated_meanwhile": (
        "有会员刚刚已由其他工作站分配了班主任（每个会员同时只能有一位班主任），本次分配未保存。请刷新后再分配。",
        "Another workstation has just given a member a mentor (a member has one mentor at a time); this allocation was not saved. Please refresh and allocate again.",
    ),
    "mentors.nominations.bad_period": (
        "评选期：“{value}”应写成 2026（全年）、2026H1（上半年）或 2026H2（下半年）",
        'Period: "{value}" should be written like 2026 (whole year), 2026H1 (first half) or 2026H2 (second half)',
    ),
    "mentors.nominations.member_not_active": (
        "会员“{name}”{label}，不能推荐",
        'Member "{name}" is {label} and cannot be nominated',
    ),
    "mentors.nominations.no_liaison": (
        "会员“{name}”没有登记联络员，请先以交接单补充联络员",
        'Member "{name}" has no liaison on file; first add one with a handover form',
    ),
    "mentors.nominations.period_not_started": (
        "评选期：{period_label}尚未开始",
        "Period: {period_label} has not begun yet",
    ),
    "mentors.nominations.already_nominated": (
        "评选期：{period_label}已推荐过该会员的联络员{liaison_name}（{nominated_on:%Y-%m-%d}）",
        "Period: the member's liaison {liaison_name} was already nominated for {period_label} ({nominated_on:%Y-%m-%d})",
    ),
    "mentors.nominations.not_found": (
        "找不到该推荐。",
        "Nomination not found.",
    ),
    "mentors.nominations.already_decided": (
        "该推荐已于 {decided_on:%Y-%m-%d} 决定（{DECISION_LABELS}）。",
        "This nomination was decided on {decided_on:%Y-%m-%d} ({DECISION_LABELS}).",
    ),
    "mentors.nominations.nominated_meanwhile": (
        "{period_label}该会员的联络员刚刚已被推荐，本次未保存。",
        "The member's liaison has just been nominated for {period_label}; this was not saved.",
    ),
    "mentors.wechat.no_mentor": (
        "班主任：会员“{name}”尚未分配班主任，还没有班级微信群",
        'Mentor: member "{name}" has no mentor yet, so there is no class WeChat group',
    ),
    "mentors.wechat.no_person": (
        "人员：会员“{name}”没有登记{PERSON_LABELS}，请先办理交接单补充",
        'Person: member "{name}" has no {PERSON_LABELS} on file; first add one with a handover form',
    ),
    "mentors.wechat.already_in_group": (
        "入群状态：{label}已在群中（{joined_on:%Y-%m-%d} 入群）",
        "Group status: {label} is already in the group (joined on {joined_on:%Y-%m-%d})",
    ),
    "mentors.wechat.already_joined": (
        "入群状态：{label}已于 {joined_on:%Y-%m-%d} 入群",
        "Group status: {label} joined on {joined_on:%Y-%m-%d}",
    ),
    "mentors.wechat.joined_before_invited": (
        "日期：入群日期不能早于邀请日期（{invited_on:%Y-%m-%d}）",
        "Date: the date of joining must not be before the invitation ({invited_on:%Y-%m-%d})",
    ),
    "mentors.wechat.rejoined_before_left": (
        "日期：重新入群日期不能早于退群日期（{left_on:%Y-%m-%d}）",
        "Date: the date of rejoining must not be before leaving ({left_on:%Y-%m-%d})",
    ),
    "mentors.wechat.not_in_group": (
        "入群状态：{label}尚未入群，不能记为退群",
        "Group status: {label} has not joined the group and cannot be recorded as leaving",
    ),
    "mentors.wechat.left_before_joined": (
        "日期：退群日期不能早于入群日期（{joined_on:%Y-%m-%d}）",
        "Date: the date of leaving must not be before joining ({joined_on:%Y-%m-%d})",
    ),
    "mentors.handover.item_twice": (
        "{label}：同一项目填写了两次",
        "{label}: the same item is filled in twice",
    ),
    "mentors.handover.not_a_change": (
        "{label}：新内容与原内容相同（{value}），不是变更",
        "{label}: the new value is the same as the old one ({value}); it is not a change",
    ),
    "mentors.handover.history.filed": (
        "填报联系资料交接通知单第 {id} 号：{name}（{count} 项）",
        "Handover form no. {id} filled in: {name} ({count:@item/items})",
    ),
    "mentors.handover.history.applied_change": (
        "按联系资料交接通知单第 {id} 号变更：会员 {reported_on:%Y-%m-%d} 报告，班主任{filer} {form_date:%Y-%m-%d} 填表",
        "Changed by handover form no. {id}: reported by the member on {reported_on:%Y-%m-%d}, form filled in by mentor {filer} on {form_date:%Y-%m-%d}",
    ),
    "mentors.handover.history.applied": (
        "办理交接单第 {id} 号：{name}",
        "Handover form no. {id} handled: {name}",
    ),
    "mentors.handover.history.returned": (
        "退回交接单第 {id} 号：{name}（{text}）",
        "Handover form no. {id} returned: {name} ({text})",
    ),
    "mentors.handover.history.printed": (
        "打印交接单第 {id} 号{status}",
        "Handover form no. {id} printed{status}",
    ),
    "mentors.contacts.history.recorded": (
        "联系记录：{name}（{contact_date:%Y-%m-%d}，{CHANNEL_LABELS}）",
        "Contact: {name} ({contact_date:%Y-%m-%d}, {CHANNEL_LABELS})",
    ),
    "mentors.contacts.history.follow_up_done": (
        "跟进办结：{name}（{follow_up_done_on:%Y-%m-%d}）",
        "Follow-up done: {name} ({follow_up_done_on:%Y-%m-%d})",
    ),
    "mentors.circulation.history.circulated": (
        "传达{KIND_LABELS}“{title}”给 {count} 个会员",
        '{KIND_LABELS} "{title}" passed on to {count:@member/members}',
    ),
    "mentors.circulation.history.article_submitted": (
        "报送会员宣传稿：{name}“{title}”",
        'Member article submitted: {name} "{title}"',
    ),
    "mentors.circulation.history.article_decided": (
        "会员宣传稿{OUTCOME_LABELS}：{name}“{title}”",
        'Member article {OUTCOME_LABELS}: {name} "{title}"',
    ),
    "mentors.allocation.history.unassigned": (
        "取消班主任",
        "Mentor removed",
    ),
    "mentors.allocation.history.business_classes": (
        "主营业务分类：{value}",
        "Main business classes: {value}",
    ),
    "mentors.nominations.history.nominated": (
        "推荐优秀通联员：{name} {liaison_name}（{period_label}）",
        "Outstanding liaison nominated: {name} {liaison_name} ({period_label})",
    ),
    "mentors.nominations.history.decided": (
        "优秀通联员推荐{DECISION_LABELS}：{name} {liaison_name}（{period_label}）",
        "Liaison nomination {DECISION_LABELS}: {name} {liaison_name} ({period_label})",
    ),
    "mentors.nominations.history.exported": (
        "导出{sheet_name}名单（{count} 人）",
        "List {sheet_name} exported ({count:@person/people})",
    ),
    "mentors.wechat.history.status": (
        "班级微信群：{label}{STATUS_LABELS}（{day:%Y-%m-%d}）",
        "Class WeChat group: {label} {STATUS_LABELS} ({day:%Y-%m-%d})",
    ),
    "mentors.allocation.one_member_not_active": (
        "会员“{name}”{label}，不再分配班主任",
        'Member "{name}" is {label} and is no longer given a mentor',
    ),
    "mentors.allocation.members_not_active": (
        "会员“{name}”{label}，不再分配班主任（共 {count} 个）",
        'Member "{name}" is {label} and is no longer given a mentor ({count:@member/members} in all)',
    ),
}
