"""Messages every job uses: a field's problem, the errors' defaults, admission's refusals."""

MESSAGES: dict[str, tuple[str, str]] = {
    "field.error": ("{field}：{message}", "{field}: {message}"),
    "errors.database_busy": (
        "数据库正忙（另一个工作站或程序正在写入，例如导入会员名册），请稍后再试。",
        "The database is busy (another workstation or program is writing to it, e.g. importing the"
        " register); please try again shortly.",
    ),
    "errors.cancelled": ("已取消。", "Cancelled."),
    "errors.nothing_printed": (
        "没有可以生成的{title}，未写入任何文件。",
        "There is nothing to make for {title}; no file was written.",
    ),
    "errors.nothing_printed_reasons": ("原因：", "Reasons:"),
    "errors.problem_line": ("· {who}：{message}", "· {who}: {message}"),
    "errors.more_problems": ("…… 另有 {count} 项", "… and {count:@more item/more items}"),
    "validation.uscc_letters_hint": ("（不使用字母 I、O、S、V、Z）", " (the letters I, O, S, V and Z are not used)"),
    "validation.broken_character": (
        "含有无法保存的损坏字符（第 {position} 个字符，{code}），请删除后再保存",
        "holds a damaged character that cannot be saved (character {position}, {code}); please delete it and save again",
    ),
    "validation.control_character": (
        "含有不可见的控制字符（第 {position} 个字符，{code}），请删除后再保存",
        "holds an invisible control character (character {position}, {code}); please delete it and save again",
    ),
    "admission.documents_missing": (
        "资料不全，尚缺：{documents}（第五条第（二）项）。请先上传扫描件或文件。",
        "Documents incomplete, still missing: {documents} (Article 5, item 2). Please upload the scans or files first.",
    ),
    "admission.closed": ("该申请{status}，不能再办理。", "This application is {status} and cannot be acted on."),
    # admission's refusals: why a step cannot be taken (core/services/admission/checks.py)
    "admission.sign_off_leader_only": (
        "只有驻会领导可以签批入会（第五条第（六）项）。",
        "Only the resident leader may sign off an admission (Article 5, item 6).",
    ),
    "admission.approve_leader_only": (
        "领导审批须由驻会领导办理（第五条第（四）项），{role}不能以领导身份审批。",
        "Leadership approval is given by the resident leader (Article 5, item 4); the role {role} cannot approve"
        " as a leader.",
    ),
    "admission.back_payment_leader_only": (
        "补缴会费恢复会籍须由驻会领导研究决定（第十五条）。",
        "Restoring a membership by paying back dues is decided by the resident leader (Article 15).",
    ),
    "admission.rejoin_credit_first": (
        "重新入会须先通过信用考察（第十五条）。",
        "Rejoining first needs a passed credit check (Article 15).",
    ),
    "admission.uscc_active_member": (
        "该代码已属于正常会员“{name}”（会员编号 {member_number}），不能重复登记。",
        'This code already belongs to the active member "{name}" (member number {member_number}); it cannot be'
        " registered twice.",
    ),
    "admission.rejoin_two_years": (
        "重新入会须满两年（第十五条，{counting}）：最早可于 {earliest} 办理入会登记。驻会领导可研究决定是否准予补缴会费恢复会籍。",
        "Rejoining needs two full years (Article 15, {counting}): registration is possible from {earliest} at the"
        " earliest. The resident leader may decide to allow the membership to be restored by paying back dues.",
    ),
    "admission.only_rejoining": (
        "“{step}”只适用于重新入会的申请。",
        '"{step}" applies only to applications to rejoin.',
    ),
    "admission.step_done": ("“{step}”已办理。", '"{step}" has been done.'),
    "admission.no_skipping": (
        "不能跳过“{expected}”：入会流程须依次办理（第五条），该申请正{waiting}。",
        'Cannot skip "{expected}": the admission steps are taken in order (Article 5); the application is {waiting}.',
    ),
    "admission.nothing_pending": ("没有待办的步骤。", "No step is pending."),
    "admission.conflict_by": (
        "您打开入会申请“{name}”之后，该申请已被 {who} 于 {when} 办理（{what}）。您的操作未保存，请刷新后再办理。",
        'After you opened the admission application "{name}", {who} acted on it at {when} ({what}). Your action'
        " was not saved; please refresh and try again.",
    ),
    "admission.conflict": (
        "您打开入会申请“{name}”之后，该申请已被其他人办理。您的操作未保存，请刷新后再办理。",
        'After you opened the admission application "{name}", someone else acted on it. Your action was not saved;'
        " please refresh and try again.",
    ),
    "admission.former_member": (
        "该单位曾是会员：{name}（会员编号 {member_number}），于 {left} {status}，原因：{reason}。",
        "The organisation was a member: {name} (member number {member_number}), {status} on {left}, reason: {reason}.",
    ),
    "admission.date_unknown": ("日期不详", "an unknown date"),
    "admission.reason_unknown": ("原因未记录", "not recorded"),
    "admission.rejoin_rule": (
        "按第十五条须先进行信用考察，合格者满两年方可再次加入（{counting}，最早可于 {earliest} 办理登记）。",
        "Under Article 15 a credit check comes first, and one who passes may join again after two full years"
        " ({counting}; registration from {earliest} at the earliest).",
    ),
}
