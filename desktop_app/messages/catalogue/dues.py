"""Messages of dues: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "dues.bank.line_not_found": (
        "找不到该笔银行流水。",
        "Bank statement line not found.",
    ),
    "dues.bank.line_posted_wrong_member": (
        "该笔流水已入账；如对应错了会员，请先冲正该笔缴款",
        "This statement line is already posted; if it went to the wrong member, first reverse that payment",
    ),
    "dues.bank.member_not_found": (
        "找不到该会员。",
        "Member not found.",
    ),
    "dues.bank.line_posted_not_dues": (
        "该笔流水已入账；如不是会费，请先冲正该笔缴款",
        "This statement line is already posted; if it is not dues, first reverse that payment",
    ),
    "dues.bank.reason_required": (
        "原因：不能为空（例如：培训费、捐款）",
        "Reason: must not be empty (e.g. training fee, donation)",
    ),
    "dues.consents.no_file_name": (
        "书面同意扫描件：没有文件名",
        "Scan of the written consent: no file name",
    ),
    "dues.consents.empty_file": (
        "书面同意扫描件“{name}”：是空文件",
        'Scan of the written consent "{name}": the file is empty',
    ),
    "dues.consents.file_too_big": (
        "书面同意扫描件“{name}”：{value:.1f} MB，超过上限 {value2} MB",
        'Scan of the written consent "{name}": {value:.1f} MB, more than the limit of {value2} MB',
    ),
    "dues.consents.bad_type": (
        "书面同意扫描件“{name}”：只接受 PDF、JPEG、PNG 文件（按文件内容判断）",
        'Scan of the written consent "{name}": only PDF, JPEG and PNG files are accepted (judged by content)',
    ),
    "dues.consents.extension_mismatch": (
        "书面同意扫描件“{name}”：内容与扩展名不符（内容是 {upper}），请核对是否选错文件",
        'Scan of the written consent "{name}": the content does not match the extension (the content is {upper}); please check you chose the right file',
    ),
    "dues.consents.file_problem": (
        "书面同意扫描件：{problem}",
        "Scan of the written consent: {problem}",
    ),
    "dues.consents.choose_member": (
        "会员：请选择一个会员（或入会申请）",
        "Member: please choose a member (or an admission application)",
    ),
    "dues.consents.not_found": (
        "找不到该书面同意。",
        "Written consent not found.",
    ),
    "dues.consents.file_name_problem": (
        "书面同意扫描件的文件名：{exc}",
        "File name of the written consent's scan: {exc}",
    ),
    "dues.consents.application_not_found": (
        "找不到该入会申请。",
        "Admission application not found.",
    ),
    "dues.receipts.payment_not_found": (
        "找不到该笔缴款。",
        "Payment not found.",
    ),
    "dues.receipts.payment_reversed": (
        "该笔缴款已冲正，不能开收据（原收据作废）",
        "This payment has been reversed; no receipt can be issued (the original receipt is void)",
    ),
    "dues.receipts.not_found": (
        "找不到该收据。",
        "Receipt not found.",
    ),
    "dues.receipts.voucher_taken": (
        "票据号码：“{text}”已登记在收据 {number}（{payer}）",
        'Voucher number: "{text}" is already recorded on receipt {number} ({payer})',
    ),
    "dues.receipts.bad_voucher_kind": (
        "票据种类：“{value}”不是可选项（纸质、电子）",
        'Voucher kind: "{value}" is not a choice (paper, electronic)',
    ),
    "dues.receipts.after_today": (
        "{label}：不能晚于今天",
        "{label}: must not be later than today",
    ),
    "dues.receipts.bad_send_content": (
        "寄送内容：应为收据或票据",
        "What to send: should be the receipt or the voucher",
    ),
    "dues.receipts.reprint_one_member": (
        "收据编号：补打时只能选一个会员",
        "Receipt number: a reprint can be for one member only",
    ),
    "dues.receipts.number_used": (
        "收据编号：“{number}”已经用过",
        'Receipt number: "{number}" has already been used',
    ),
    "dues.receipts.no_voucher_yet": (
        "收据 {number} 还没有开具票据，不能登记寄出票据",
        "Receipt {number} has no voucher issued yet; sending the voucher cannot be recorded",
    ),
    "dues.own_members_only": (
        "班主任只能查看自己负责的会员的会费（第八条第（五）项）。",
        "A mentor can see the dues of their own members only (Article 8, item 5).",
    ),
    "dues.schedule.must_be_positive": (
        "{label}：应大于 0",
        "{label}: should be more than 0",
    ),
    "dues.schedule.not_a_year": (
        "{label}：“{value}”不是年度",
        '{label}: "{value}" is not a year',
    ),
    "dues.schedule.month_range": (
        "{label}：应为 1 到 12",
        "{label}: should be 1 to 12",
    ),
    "dues.schedule.bad_format": (
        "{label}：设置格式不对",
        "{label}: the setting's format is wrong",
    ),
    "dues.schedule.two_rates_same_year": (
        "{label}：同一年度有两项标准",
        "{label}: two rates for the same year",
    ),
    "dues.schedule.year_billed": (
        "起始年度：{affected}年度已开具会费，不能改变该年度的标准；新的标准请自 {first_free} 年度起执行",
        "First year: dues for {affected} have already been billed, so that year's rates cannot change; start the new rates from {first_free}",
    ),
    "dues.schedule.unknown_rule": (
        "{label}：“{rule}”不是可选项（{join}）",
        '{label}: "{rule}" is not a choice ({join})',
    ),
    "dues.billing.no_rate_for_year": (
        "会费年度：会费标准自 {first} 年度起，没有 {year} 年度的标准",
        "Dues year: the dues rates start in {first}; there are no rates for {year}",
    ),
    "dues.billing.too_far_ahead": (
        "会费年度：最多提前开具下一会费年度（{following} 年度）",
        "Dues year: at most the next dues year ({following}) can be billed in advance",
    ),
    "dues.billing.no_rate_for_level": (
        "会费金额：级别“{name}”没有 {year} 年度的会费标准，请先在会费标准中设置",
        'Dues amount: level "{name}" has no dues rate for {year}; please set it in the dues rates first',
    ),
    "dues.billing.back_payment_only_rejoining": (
        "只有重新入会的申请才涉及补缴会费（第十五条）",
        "Only an application to rejoin involves paying back dues (Article 15)",
    ),
    "dues.billing.cancel_reason_required": (
        "取消原因：不能为空",
        "Reason for cancelling: must not be empty",
    ),
    "dues.payments.bad_method": (
        "交款方式：“{value}”不是可选项（银行转账、现金、其他）",
        'Payment method: "{value}" is not a choice (bank transfer, cash, other)',
    ),
    "dues.payments.reversal_of_reversal": (
        "该笔记录本身就是冲正，不能再冲正；如有错误请重新登记正确的缴款",
        "This record is itself a reversal and cannot be reversed; if it is wrong, record the correct payment again",
    ),
    "dues.payments.already_reversed": (
        "该笔缴款已经冲正过",
        "This payment has already been reversed",
    ),
    "dues.entry.underpaid": (
        "会费金额：{text}，不能少收（第八条第（五）项：减免须有驻会领导的书面同意，由驻会领导在“会费”中登记后再办理）",
        'Dues amount: {text}; dues cannot be under-collected (Article 8, item 5: a reduction needs the resident leader\'s written consent, recorded by the resident leader under "Dues" first)',
    ),
    "dues.entry.receipt_number_used": (
        "收据编号：“{receipt_number}”已开给此前登记的 {amount:,.2f} 元，金额不同请换用新的收据编号",
        'Receipt number: "{receipt_number}" was already issued for an earlier {amount:,.2f} yuan; for a different amount use a new receipt number',
    ),
    "dues.arrears.not_a_choice": (
        "{label}：“{counted_from}”不是可选项",
        '{label}: "{counted_from}" is not a choice',
    ),
    "dues.arrears.range_120": (
        "{label}：应为 1 到 120",
        "{label}: should be 1 to 120",
    ),
    "dues.arrears.range_366": (
        "{label}：应为 1 到 366",
        "{label}: should be 1 to 366",
    ),
    "dues.consents.reason_required": (
        "减免理由：不能为空",
        "Reason for the reduction: must not be empty",
    ),
    "dues.consents.reference_required": (
        "书面同意的文号或编号：不能为空",
        "Reference or number of the written consent: must not be empty",
    ),
    "dues.consents.date_required": (
        "同意日期：不能为空（书面同意上的日期）",
        "Date of consent: must not be empty (the date on the written consent)",
    ),
    "dues.consents.reason_problem": (
        "减免理由：{exc}",
        "Reason for the reduction: {exc}",
    ),
    "dues.consents.reference_problem": (
        "书面同意的文号或编号：{exc}",
        "Reference or number of the written consent: {exc}",
    ),
    "dues.consents.reference_too_long": (
        "书面同意的文号或编号：过长（最多 100 字）",
        "Reference or number of the written consent: too long (at most 100 characters)",
    ),
    "dues.consents.no_dues_that_year": (
        "会费年度：{checked_year} 年度“{get}”不需缴纳会费，无需减免",
        'Dues year: level "{get}" pays no dues for {checked_year}; there is nothing to reduce',
    ),
    "dues.consents.below_paid": (
        "同意缴纳的金额：该年度已缴 {paid:,.2f} 元，不能低于已缴金额（多缴部分请冲正后重新登记）",
        "Amount agreed: {paid:,.2f} yuan has been paid for that year; the amount cannot be less (reverse any overpayment and record it again)",
    ),
    "dues.consents.not_a_date": (
        "同意日期：“{consented_on}”不是日期，应写成 2026-11-26",
        'Date of consent: "{consented_on}" is not a date; write it like 2026-11-26',
    ),
    "dues.consents.date_in_future": (
        "同意日期：不能晚于今天",
        "Date of consent: must not be later than today",
    ),
    "dues.consents.not_below_scheduled": (
        "同意缴纳的金额：应低于应缴会费 {scheduled:,.2f} 元（不减免则无需登记）",
        "Amount agreed: should be less than the dues of {scheduled:,.2f} yuan (no need to record it if nothing is reduced)",
    ),
    "dues.receipts.voucher_number_required": (
        "票据号码：不能为空",
        "Voucher number: must not be empty",
    ),
    "dues.receipts.voucher_number_problem": (
        "票据号码：{exc}",
        "Voucher number: {exc}",
    ),
    "dues.receipts.voucher_number_too_long": (
        "票据号码：过长（最多 60 字）",
        "Voucher number: too long (at most 60 characters)",
    ),
    "dues.schedule.unknown_levels": (
        "会员级别：没有这些级别 {join}",
        "Membership level: no such levels {join}",
    ),
    "dues.schedule.amount_required": (
        "{name}：请填写年度会费（不收会费请填 0）",
        "{name}: please fill in the yearly dues (0 if no dues are charged)",
    ),
    "dues.payments.required": (
        "{label}：不能为空",
        "{label}: must not be empty",
    ),
    "dues.payments.too_long": (
        "{label}：过长（最多 {limit} 字）",
        "{label}: too long (at most {limit} characters)",
    ),
    "dues.bank.history.matched": (
        "银行流水 {booked_on} {amount:,.2f} 元（{value}）人工对应到 {name}",
        "Bank statement line {booked_on} {amount:,.2f} yuan ({value}) matched by hand to {name}",
    ),
    "dues.bank.history.not_dues": (
        "银行流水 {booked_on} {amount:,.2f} 元（{value}）不作会费：{text}",
        "Bank statement line {booked_on} {amount:,.2f} yuan ({value}) not dues: {text}",
    ),
    "dues.consents.history.recorded": (
        "驻会领导书面同意减免会费：{name} {checked_year} 年度应缴 {scheduled:,.2f} 元，同意缴纳 {amount:,.2f} 元（{reference}）",
        "Resident leader's written consent to a dues reduction: {name}, dues of {scheduled:,.2f} yuan for {checked_year}, {amount:,.2f} yuan agreed ({reference})",
    ),
    "dues.receipts.history.issued": (
        "开具会费收据 {number}：{payer}，{join}年度，{amount:,.2f} 元",
        "Dues receipt {number} issued: {payer}, year(s) {join}, {amount:,.2f} yuan",
    ),
    "dues.receipts.history.voucher_issued": (
        "收据 {number} 已开具{VOUCHER_KIND_LABELS} {text}",
        "Receipt {number}: {VOUCHER_KIND_LABELS} {text} issued",
    ),
    "dues.receipts.history.printed": (
        "打印会费收据 {count} 张",
        "{count:@dues receipt/dues receipts} printed",
    ),
    "dues.receipts.history.voucher_requested": (
        "收据 {number} 申请开具{VOUCHER_KIND_LABELS}",
        "Receipt {number}: {VOUCHER_KIND_LABELS} requested",
    ),
    "dues.receipts.history.sent": (
        "{value} {number} 已寄出（{day}）{value2}",
        "{value} {number} sent ({day}){value2}",
    ),
    "dues.billing.history.billed": (
        "开具 {year} 年度会费：{billed} 个会员，合计 {amount:,.2f} 元",
        "Dues for {year} billed: {billed:@member/members}, {amount:,.2f} yuan in all",
    ),
    "dues.billing.history.cancelled": (
        "取消 {join} 年度会费：{reason}",
        "Dues for {join} cancelled: {reason}",
    ),
    "dues.payments.history.recorded": (
        "登记会费缴款（{owner_text}）：{payer}，{amount:,.2f} 元，{PAYMENT_METHOD_LABELS}",
        "Dues payment recorded ({owner_text}): {payer}, {amount:,.2f} yuan, {PAYMENT_METHOD_LABELS}",
    ),
    "dues.payments.history.reversed": (
        "冲正会费缴款 {amount:,.2f} 元（{received_on}，{payer}）：{text}",
        "Dues payment of {amount:,.2f} yuan reversed ({received_on}, {payer}): {text}",
    ),
    "dues.consents.leader_only": (
        "减免会费须有驻会领导的书面同意，并由驻会领导本人登记（第八条第（五）项）；{role}不能登记。",
        "A dues reduction needs the resident leader's written consent, recorded by the resident leader in person"
        " (Article 8, item 5); the role {role} cannot record it.",
    ),
    "dues.billing.level_no_rate": (
        "级别“{level}”没有 {year} 年度的会费标准",
        'level "{level}" has no dues rate for {year}',
    ),
    "dues.billing.no_rates": (
        "会费金额：{problems}，请先在会费标准中设置",
        "Dues amount: {problems}; please set it in the dues rates first",
    ),
    "dues.billing.back_payment_owed": (
        "补缴会费恢复会籍须先缴清所欠会费（第十五条）：{years} 年度尚欠 {amount:,.2f} 元。",
        "Restoring a membership by paying back dues needs the dues owed paid first (Article 15): {amount:,.2f}"
        " yuan still owed for {years}.",
    ),
    "dues.billing.back_payment_unbilled": (
        "补缴会费恢复会籍须先缴清所欠会费（第十五条）：{years} 年度。",
        "Restoring a membership by paying back dues needs the dues owed paid first (Article 15): {years}.",
    ),
}
