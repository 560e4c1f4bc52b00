"""Messages of importing: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "importing.unreadable_date": (
        "无法识别“{text}”，日期应写成 2020-10-27、2020.10.27、2020/10/27 或 2020年10月27日",
        'cannot read "{text}"; write dates like 2020-10-27, 2020.10.27, 2020/10/27 or 2020年10月27日',
    ),
    "importing.date_stored_as_number": (
        "“{cell_text}”被存成了数字，无法确定日期，请写成 2020-10-27 或 2020.10.27",
        '"{cell_text}" was stored as a number and the date cannot be told; write it like 2020-10-27 or 2020.10.27',
    ),
    "importing.not_a_date": (
        "“{text}”不是有效的日期",
        '"{text}" is not a valid date',
    ),
    "importing.unknown_level": (
        "“{cell_text}”不是已设置的会员级别（可用：{join}）",
        '"{cell_text}" is not one of the membership levels set up (available: {join})',
    ),
    "importing.unknown_mentor": (
        "找不到在职的班主任“{cell_text}”，请先在“工作人员账户”中建立该班主任的账户",
        'no mentor in service called "{cell_text}"; first create the mentor\'s account under "Staff accounts"',
    ),
    "importing.clash_meanwhile": (
        "导入时发现另一工作站刚刚录入了相同的统一社会信用代码或会员编号，本次导入未保存任何内容。请重新导入。",
        "While importing, another workstation has just entered the same unified social credit code or member number; nothing from this import was saved. Please import again.",
    ),
    "importing.code_stored_as_number": (
        "单元格被存成了数字（{text}），后几位已经丢失；请把该列设为“文本”格式后重新填写代码",
        'the cell was stored as a number ({text}) and its last digits are lost; set the column\'s format to "Text" and enter the code again',
    ),
    "importing.changed_meanwhile": (
        "导入期间有会员资料被其他人修改，本次导入未保存任何内容。请重新导入。",
        "Someone else changed a member during the import; nothing from this import was saved. Please import again.",
    ),
    "importing.unknown_status": (
        "“{cell_text}”无法识别，应为“正常”“已退会”或“已取消资格”",
        '"{cell_text}" is not understood; it should be "正常", "已退会" or "已取消资格"',
    ),
    "importing.history.imported": (
        "导入会员名册“{source}”（工作表“{sheet}”）：{summary_zh}",
        'Register imported from "{source}" (sheet "{sheet}"): {summary_zh}',
    ),
    # where a row's problem is: "第 3 行 C 列（统一社会信用代码）：校验码错误…"
    # a row written with a field the register needs left empty (issue 16)
    "importing.missing_field": ("{field}为空，请在名册中补录", "{field} is empty; complete it in the register"),
    "importing.row_reason": ("第 {row} 行：{message}", "Row {row}: {message}"),
    "importing.cell_reason": (
        "第 {row} 行 {column} 列（{title}）：{message}",
        "Row {row}, column {column} ({title}): {message}",
    ),
    "importing.where_column": (" {column} 列（{title}）", ", column {column} ({title})"),
    "importing.same_uscc": (
        "第 {row} 行：与第 {first} 行的统一社会信用代码相同，已跳过",
        "Row {row}: the same unified social credit code as row {first}; skipped",
    ),
    "importing.same_uscc_differs": (
        "第 {row} 行：与第 {first} 行的统一社会信用代码相同，已跳过（两行内容不完全相同，请核对）",
        "Row {row}: the same unified social credit code as row {first}; skipped (the two rows differ, please check)",
    ),
    "importing.same_number": (
        "第 {row} 行{where}：{field}：“{number}”与第 {first} 行相同",
        'Row {row}{where}: {field}: "{number}" is the same as in row {first}',
    ),
    # what was adjusted on the way in (the wizard's remarks)
    "importing.extra_phones": ("多余的电话号码记入备注：{phones}", "Extra phone numbers put in the notes: {phones}"),
    "importing.unknown_category": (
        "单位类别“{value}”不是本程序的类别（{categories}），未采用",
        'Category "{value}" is not one of the program\'s categories ({categories}); not taken',
    ),
    "importing.category_from_uscc": (
        "单位类别按信用代码推定为“{category}”",
        'Category taken as "{category}" from the credit code',
    ),
    "importing.number_to_assign": ("会员编号将自动分配", "The member number will be given automatically"),
    "importing.number_assigned": ("会员编号自动分配为 {number}", "Member number {number} given automatically"),
    "importing.status_kept": (
        "会员状态以名册为准（{status}），表格中的状态未导入",
        "The status stays as in the register ({status}); the workbook's status was not imported",
    ),
}
