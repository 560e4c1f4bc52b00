"""Messages of mailing: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "mailing.batch_not_found": (
        "找不到该邮寄批次，可能已被删除。",
        "Mailing batch not found; it may have been deleted.",
    ),
    "mailing.recipient_not_found": (
        "找不到该收件会员，可能已从批次中移除。",
        "Recipient not found; it may have been removed from the batch.",
    ),
    "mailing.not_your_member": (
        "“{name}”不是您联系的会员：班主任只能{value}自己联系的会员。",
        '"{name}" is not one of your members: a mentor may only {value} the members in their care.',
    ),
    "mailing.too_long": (
        "{label}：过长（最多 {limit} 个字，现为 {count} 个）",
        "{label}: too long (at most {limit} characters, has {count})",
    ),
    "mailing.after_today": (
        "{label}：不能晚于今天（{today}）",
        "{label}: must not be later than today ({today})",
    ),
    "mailing.required": (
        "{label}：请填写",
        "{label}: please fill in",
    ),
    "mailing.not_a_date": (
        "{label}：“{value}”不是日期，应写成 2026-11-26",
        '{label}: "{value}" is not a date; write it like 2026-11-26',
    ),
    "mailing.proof.not_photo_or_scan": (
        "文件“{name}”：只接受照片（JPEG、PNG）或扫描件（PDF），按文件内容判断不是其中之一",
        'File "{name}": only photos (JPEG, PNG) or scans (PDF) are accepted, and by its content it is neither',
    ),
    "mailing.proof.no_file_name": (
        "文件：没有文件名",
        "File: no file name",
    ),
    "mailing.proof.file_name_too_long": (
        "文件名：过长（最多 255 个字）",
        "File name: too long (at most 255 characters)",
    ),
    "mailing.proof.empty_file": (
        "文件“{name}”：是空文件",
        'File "{name}": the file is empty',
    ),
    "mailing.proof.file_too_big": (
        "文件“{name}”：{value:.1f} MB，超过上限 {value2} MB",
        'File "{name}": {value:.1f} MB, more than the limit of {value2} MB',
    ),
    "mailing.proof.not_found": (
        "找不到该照片，可能已被删除。",
        "Photo not found; it may have been deleted.",
    ),
    "mailing.proof.time_in_future": (
        "告知时间：不能晚于现在",
        "Time told: must not be later than now",
    ),
    "mailing.proof.file_name_problem": (
        "文件名：{exc}",
        "File name: {exc}",
    ),
    "mailing.proof.extension_mismatch": (
        "文件“{name}”：内容是 {kind} 文件，但扩展名是“{value}”，请核对是否选错文件",
        'File "{name}": the content is a {kind} file but the extension is "{value}"; please check you chose the right file',
    ),
    "mailing.proof.not_a_time": (
        "告知时间：“{at}”不是时间，应写成 2026-11-26 10:30",
        'Time told: "{at}" is not a time; write it like 2026-11-26 10:30',
    ),
    "mailing.unknown_print_content": (
        "打印内容：“{what}”未知，可选 {join}",
        'What to print: "{what}" is unknown; choose from {join}',
    ),
    "mailing.bad_output_suffix": (
        "输出文件：{title}应保存为 .{suffix} 文件",
        "Output file: {title} should be saved as a .{suffix} file",
    ),
    "mailing.nothing_to_print": (
        "没有要打印的收件会员",
        "There are no recipients to print for",
    ),
    "mailing.address_not_doubtful": (
        "“{name}”的地址没有存疑，不需要确认。",
        'The address of "{name}" is not in doubt and needs no confirmation.',
    ),
    "mailing.bad_phone": (
        "{label}：“{raw}”不是有效的手机或座机号码",
        '{label}: "{raw}" is not a valid mobile or landline number',
    ),
    "mailing.bad_contact_choice": (
        "收件人：“{contact}”不是可选项（可选 {choices}）",
        'Recipient: "{contact}" is not a choice (choose from {choices})',
    ),
    "mailing.batches.unknown_content": (
        "邮寄内容：无法识别“{value}”",
        'Contents: "{value}" is not understood',
    ),
    "mailing.batches.content_required": (
        "邮寄内容：请至少填写一项（如本期会刊）",
        "Contents: please fill in at least one item (e.g. this issue of the bulletin)",
    ),
    "mailing.batches.choose_recipients": (
        "收件会员：请选择筛选条件（如全部正常会员、某个班主任的会员），或手工选择会员",
        "Recipients: please choose a filter (e.g. all active members, one mentor's members) or choose members by hand",
    ),
    "mailing.batches.content_not_found": (
        "邮寄内容：找不到，可能已被删除",
        "Contents: not found; it may have been deleted",
    ),
    "mailing.batches.content_sent": (
        "邮寄内容：“{title}”已随 {sent} 个信封寄出，不能删除",
        'Contents: "{title}" has gone out in {sent:@envelope/envelopes} and cannot be deleted',
    ),
    "mailing.batches.recipients_sent": (
        "收件会员：{names}等 {count} 个已经寄出，不能移出批次",
        "Recipients: {names} and others, {count} in all, have been sent and cannot be removed from the batch",
    ),
    "mailing.batches.envelope_sent": (
        "“{organisation}”已经寄出，信封里的内容不能再改",
        '"{organisation}" has been sent; the envelope\'s contents can no longer change',
    ),
    "mailing.batches.no_such_content": (
        "邮寄内容：本批次没有“{key}”",
        'Contents: this batch has no "{key}"',
    ),
    "mailing.batches.batch_sent": (
        "邮寄批次 {number} 已有信封寄出，不能删除（记录须保留）",
        "Mailing batch {number} has envelopes sent and cannot be deleted (the record must be kept)",
    ),
    "mailing.batches.unknown_kind": (
        "邮寄内容：“{value}”不是可选的种类（可选 {known}）",
        'Contents: "{value}" is not a kind that can be chosen (choose from {known})',
    ),
    "mailing.batches.members_not_found": (
        "收件会员：找不到这些会员（可能已被删除）：{join}",
        "Recipients: these members were not found (they may have been deleted): {join}",
    ),
    "mailing.batches.copies_range": (
        "{title}：份数应在 0 到 50 之间",
        "{title}: the number of copies should be between 0 and 50",
    ),
    "mailing.batches.dues_content_automatic": (
        "{label}：随会费记录自动列入（待寄的收据和票据），不能手工添加",
        "{label}: added automatically from the dues records (receipts and vouchers to send); cannot be added by hand",
    ),
    "mailing.batches.copies_integer": (
        "{title}：份数应为整数",
        "{title}: the number of copies should be a whole number",
    ),
    "mailing.tracking.bad_tracking_number": (
        "快递单号：“{number}”不像快递单号（应为 8 到 40 位字母和数字）",
        'Tracking number: "{number}" does not look like a tracking number (8 to 40 letters and digits)',
    ),
    "mailing.tracking.recipients_not_found": (
        "找不到 {count} 个收件会员，可能已从批次中移除，请刷新后再试",
        "{count:@recipient/recipients} not found; they may have been removed from the batch. Please refresh and try again",
    ),
    "mailing.tracking.not_sent_cannot_return": (
        "“{organisation}”还没有登记寄出，不能登记退回",
        '"{organisation}" has not been recorded as sent and cannot be recorded as returned',
    ),
    "mailing.tracking.returned_before_sent": (
        "退回日期：不能早于寄出日期 {sent_on}",
        "Date returned: must not be before the date sent, {sent_on}",
    ),
    "mailing.tracking.nothing_to_undo": (
        "“{organisation}”还没有寄出，没有可以撤销的登记",
        '"{organisation}" has not been sent; there is nothing to undo',
    ),
    "mailing.tracking.dues_sent": (
        "“{organisation}”的信封里有会费收据或票据，会费记录已记为寄出，不能撤销寄出",
        'The envelope for "{organisation}" holds a dues receipt or voucher already recorded as sent; sending cannot be undone',
    ),
    "mailing.tracking.cannot_send": (
        "“{organisation}”：{problem}，不能寄出",
        '"{organisation}": {problem}, cannot be sent',
    ),
    "mailing.manifest.columns_required": (
        "快递批量下单表格式：应有“columns”（各列的表头和内容）",
        'Courier order sheet format: needs "columns" (each column\'s heading and content)',
    ),
    "mailing.manifest.too_many_columns": (
        "快递批量下单表格式：最多 60 列",
        "Courier order sheet format: at most 60 columns",
    ),
    "mailing.manifest.bad_sheet_name": (
        "快递批量下单表格式：工作表名“{sheet}”含有 Excel 不允许的字符",
        'Courier order sheet format: the sheet name "{sheet}" has characters Excel does not allow',
    ),
    "mailing.manifest.bad_column": (
        "快递批量下单表格式：第 {number} 列应写成 [表头, 内容]",
        "Courier order sheet format: column {number} should be written as [heading, content]",
    ),
    "mailing.manifest.no_heading": (
        "快递批量下单表格式：第 {number} 列没有表头",
        "Courier order sheet format: column {number} has no heading",
    ),
    "mailing.manifest.unknown_source": (
        "快递批量下单表格式：第 {number} 列“{title}”的内容“{source}”未知（可用：{known}，或“=固定文字”）",
        'Courier order sheet format: the content "{source}" of column {number}, "{title}", is unknown (available: {known}, or "=fixed text")',
    ),
    "mailing.manifest.unknown_name": (
        "快递批量下单表格式：没有“{name_or_value}”，可选 {names}",
        'Courier order sheet format: there is no "{name_or_value}"; choose from {names}',
    ),
    "mailing.preferences.postcode_required": (
        "邮政编码：填写了邮寄地址时请同时填写邮政编码",
        "Postcode: a mailing address is given, so please give the postcode too",
    ),
    "mailing.preferences.address_required": (
        "邮寄地址：只填邮政编码没有用，请填写邮寄地址（不另寄则两项都留空）",
        "Mailing address: a postcode alone is no use; fill in the mailing address (leave both empty to send to the usual address)",
    ),
    "mailing.preferences.copies_range": (
        "会刊份数：应为 1 到 {MAX_COPIES} 之间的整数",
        "Bulletin copies: a whole number from 1 to {MAX_COPIES}",
    ),
    "mailing.preferences.recipient_name_required": (
        "收件人姓名：另行指定收件人时请填写姓名",
        "Recipient's name: please fill in the name of the recipient chosen",
    ),
    "mailing.preferences.recipient_phone_required": (
        "收件人电话：另行指定收件人时请填写电话（快递必须填写）",
        "Recipient's phone: please fill in the phone of the recipient chosen (the courier needs it)",
    ),
    "mailing.preferences.contact_missing": (
        "收件人：该会员没有填写{label}，请先在会员资料中补充，或选择其他收件人",
        "Recipient: the member has no {label} on file; add it in the member's details first or choose another recipient",
    ),
    "mailing.preferences.postcode_problem": (
        "邮政编码：{exc}",
        "Postcode: {exc}",
    ),
    "mailing.proof.history.uploaded": (
        "上传邮寄照片：{organisation}（{name}，{value} KB）",
        "Mailing photo uploaded: {organisation} ({name}, {value} KB)",
    ),
    "mailing.proof.history.deleted": (
        "删除邮寄照片：{organisation}（{file_name}）",
        "Mailing photo deleted: {organisation} ({file_name})",
    ),
    "mailing.history.printed": (
        "邮寄批次 {number} 生成{title}（{upper}）{drawn} 个收件会员",
        "Mailing batch {number}: {title} made ({upper}) for {drawn:@recipient/recipients}",
    ),
    "mailing.preferences.history.recipient": (
        "设置邮寄收件人：{name} → {label}{value}",
        "Mailing recipient set: {name} → {label}{value}",
    ),
    "mailing.batches.history.created": (
        "新建邮寄批次 {number}：{batch_title}，{count} 个收件会员",
        "Mailing batch {number} created: {batch_title}, {count:@recipient/recipients}",
    ),
    "mailing.batches.history.content_added": (
        "邮寄批次 {number} 增加内容：{label} {title}",
        "Mailing batch {number}, contents added: {label} {title}",
    ),
    "mailing.batches.history.content_deleted": (
        "邮寄批次 {number} 删除内容：{label} {title}",
        "Mailing batch {number}, contents deleted: {label} {title}",
    ),
    "mailing.batches.history.recipients_added": (
        "邮寄批次 {number} 增加 {count} 个收件会员（{description}）",
        "Mailing batch {number}: {count:@recipient/recipients} added ({description})",
    ),
    "mailing.batches.history.recipients_removed": (
        "邮寄批次 {number} 移出 {count} 个收件会员",
        "Mailing batch {number}: {count:@recipient/recipients} removed",
    ),
    "mailing.batches.history.addresses_reread": (
        "邮寄批次 {number} 重新读取 {count} 个收件地址，{changed} 个有变化",
        "Mailing batch {number}: {count:@address/addresses} read again, {changed} changed",
    ),
    "mailing.batches.history.envelope": (
        "邮寄批次信封内容：{organisation}",
        "Envelope contents: {organisation}",
    ),
    "mailing.batches.history.deleted": (
        "删除邮寄批次 {number}：{title}（{count} 个收件会员，均未寄出）",
        "Mailing batch {number} deleted: {title} ({count:@recipient/recipients}, none sent)",
    ),
    "mailing.batches.history.changed": (
        "修改邮寄批次 {number}",
        "Mailing batch {number} changed",
    ),
    "mailing.tracking.history.returned": (
        "邮件被退回：{organisation}（{why}），地址存疑待班主任核实",
        "Mail returned: {organisation} ({why}); address in doubt, for the mentor to check",
    ),
    "mailing.tracking.history.undone": (
        "撤销邮寄登记：{organisation}（{label} → {label2}）",
        "Mailing record undone: {organisation} ({label} → {label2})",
    ),
    "mailing.tracking.history.tracking_numbers": (
        "邮寄批次 {number} {how}快递单号：对应 {matched} 个，未对应 {count} 行",
        "Mailing batch {number}: tracking numbers {how}: {matched} matched, {count:@row/rows} not matched",
    ),
    "mailing.tracking.history.tracking_number": (
        "快递单号：{organisation} {value}",
        "Tracking number: {organisation} {value}",
    ),
    "mailing.tracking.history.sent": (
        "邮寄批次 {join} 登记寄出 {sent} 件（{when}）",
        "Mailing batch {join}: {sent:@item/items} recorded as sent ({when})",
    ),
    "mailing.tracking.history.received": (
        "登记签收 {done} 件（{when}）",
        "{done:@item/items} recorded as received ({when})",
    ),
    "mailing.tracking.problem_not_sent": (
        "{organisation}（还没有登记寄出）",
        "{organisation} (not recorded as sent yet)",
    ),
    "mailing.tracking.problem_returned": ("{organisation}（已登记为被退回）", "{organisation} (recorded as returned)"),
    "mailing.tracking.problem_before_sent": (
        "{organisation}（签收日期早于寄出日期 {sent_on}）",
        "{organisation} (the date received is before the date sent, {sent_on})",
    ),
    "mailing.tracking.cannot_receive": ("不能登记签收：{problems}", "Cannot record as received: {problems}"),
}
