"""Messages of documents: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "documents.unknown_kind": (
        "文书种类：“{key}”未知，可选 {join}",
        'Document kind: "{key}" is unknown; choose from {join}',
    ),
    "documents.date_required": (
        "{label}：请填写日期",
        "{label}: please fill in a date",
    ),
    "documents.unknown_options": (
        "“{title}”没有这些选项：{join}",
        '"{title}" has no such options: {join}',
    ),
    "documents.validity_years": (
        "有效期（年）：应在 1 到 20 年之间",
        "Validity (years): should be between 1 and 20 years",
    ),
    "documents.copies_at_least_one": (
        "每个会员数量：至少为 1",
        "Copies per member: at least 1",
    ),
    "documents.year_required": (
        "会费年度：请至少填写一个年度",
        "Dues year: please fill in at least one year",
    ),
    "documents.not_a_year": (
        "{label}：“{item}”不是年度",
        '{label}: "{item}" is not a year',
    ),
    "documents.not_negative": (
        "{label}：不能为负数",
        "{label}: must not be negative",
    ),
    "documents.integer": (
        "{label}：应为整数",
        "{label}: should be a whole number",
    ),
    "documents.not_a_choice": (
        "{label}：“{value}”不是可选项",
        '{label}: "{value}" is not a choice',
    ),
    "documents.image_too_big": (
        "{label}：图片过大（最多 5 MB）",
        "{label}: image too big (at most 5 MB)",
    ),
    "documents.unknown_font_style": (
        "字体类别：“{style}”未知",
        'Font style: "{style}" is unknown',
    ),
    "documents.not_a_size": (
        "{label}：“{name}”应为不小于 0 的数字",
        '{label}: "{name}" should be a number not less than 0',
    ),
    "documents.bad_image": (
        "{label}：无法识别的图片文件",
        "{label}: the image file is not understood",
    ),
    "documents.font_not_found": (
        "字体文件：找不到“{path}”",
        'Font file: "{path}" not found',
    ),
    "documents.font_lacks_hanzi": (
        "字体文件：“{name}”没有“{probe}”等汉字",
        'Font file: "{name}" lacks Chinese characters such as "{probe}"',
    ),
    "documents.image_format": (
        "{label}：应为 PNG 或 JPEG 图片",
        "{label}: should be a PNG or JPEG picture",
    ),
    "documents.font_not_embeddable": (
        "字体文件：不能嵌入 PDF（{exc}）。请选 TrueType 字体（.ttf/.ttc）",
        "Font file: cannot be embedded in a PDF ({exc}). Please choose a TrueType font (.ttf/.ttc)",
    ),
    "documents.bad_output_suffix": (
        "输出文件：{title}只能保存为 {upper} 文件",
        "Output file: {title} can only be saved as a {upper} file",
    ),
    "documents.choose_members": (
        "请选择会员（或选择全部正常会员）",
        "Please choose members (or all active members)",
    ),
    "documents.unknown_member_numbers": (
        "没有这些会员编号：{join}",
        "No such member numbers: {join}",
    ),
    "documents.history.generated": (
        "生成{title}（{upper}）{drawn} 份，{count} 个会员",
        "{title} made ({upper}): {drawn:@copy/copies} for {count:@member/members}",
    ),
    "documents.bad_label_sheet": ("地址标签纸规格：{problems}", "Address label sheet: {problems}"),
}
