"""Messages of members: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "members.choose_level": (
        "请选择会员级别",
        "please choose a membership level",
    ),
    "members.unknown_level": (
        "“{level}”不是已设置的会员级别",
        '"{level}" is not one of the membership levels set up',
    ),
    "members.left_date_required": (
        "已退会或已取消资格的会员须填写退会日期",
        "a member who has withdrawn or been cancelled needs a date of leaving",
    ),
    "members.before_join_date": (
        "不能早于入会日期",
        "must not be earlier than the join date",
    ),
    "members.after_today": (
        "不能晚于今天",
        "must not be later than today",
    ),
    "members.not_found": (
        "找不到该会员，可能已被删除。",
        "Member not found; it may have been deleted.",
    ),
    "members.choose_category": (
        "请选择单位类别（建筑业企业、产业链关联企业、事业单位、社会团体）",
        "please choose a category (construction enterprise, industry-chain enterprise, public institution, social organisation)",
    ),
    "members.choose_status": (
        "请选择会员状态",
        "please choose a membership status",
    ),
    "members.uscc_taken": (
        "该代码已属于会员“{name}”（会员编号 {member_number}，{label}）",
        'this code already belongs to member "{name}" (member number {member_number}, {label})',
    ),
    "members.too_long": (
        "过长（最多 {length} 个字符，现为 {count} 个）",
        "too long (at most {length} characters, has {count})",
    ),
    "members.changed_meanwhile": (
        "该会员资料刚刚被其他人修改，您的修改未保存。请重新载入后再修改。",
        "Someone else has just changed this member; your changes were not saved. Please reload and change it again.",
    ),
    "members.not_a_mentor": (
        "所选人员不是在职的班主任",
        "the person chosen is not a mentor in service",
    ),
    "members.bad_date": (
        "日期格式应为 2020-10-27",
        "dates are written like 2020-10-27",
    ),
    "members.number_taken": (
        "“{number}”已被会员“{name}”使用",
        '"{number}" is already used by member "{name}"',
    ),
    "members.history.created": (
        "录入会员 {name}",
        "Member {name} entered",
    ),
    "members.history.changed": (
        "修改会员 {name}",
        "Member {name} changed",
    ),
    "members.membership_by_procedure_only": (
        "只能通过“退会管理”中的退会、取消会员资格、申诉程序或重新入会登记改变",
        'changed only by the withdrawal, cancellation and appeal procedures under "Withdrawal" or by registering'
        " a rejoining",
    ),
    "members.conflict_by": (
        "您打开会员“{name}”之后，该会员资料已被 {who} 于 {when} 修改。您的修改未保存，对方保存的内容保持不变。",
        'After you opened member "{name}", {who} changed it at {when}. Your changes were not saved; what they'
        " saved stays as it is.",
    ),
    "members.conflict": (
        "您打开会员“{name}”之后，该会员资料已被其他人修改。您的修改未保存，对方保存的内容保持不变。",
        'After you opened member "{name}", someone else changed it. Your changes were not saved; what they saved'
        " stays as it is.",
    ),
}
