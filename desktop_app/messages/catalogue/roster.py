"""Messages of roster: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "roster.choose_channel": (
        "发布渠道：请选择协会网站或内部工作群（至少一项）",
        "Channel: please choose the association's website or the internal work group (at least one)",
    ),
    "roster.internal_not_on_website": (
        "发布渠道：内部版含联络员手机、微信和电子邮箱等个人联系方式，不能发布到协会网站，请改用公开版",
        "Channel: the internal edition holds the liaisons' mobiles, WeChat and e-mail addresses and cannot be published on the website; please use the public edition",
    ),
    "roster.bad_file_format": (
        "文件格式：“{file_format}”应为 xlsx 或 pdf",
        'File format: "{file_format}" should be xlsx or pdf',
    ),
    "roster.notes_too_long": (
        "备注：过长（最多 300 个字符，现为 {count} 个）",
        "Notes: too long (at most 300 characters, has {count})",
    ),
    "roster.notes_problem": (
        "备注：{exc}",
        "Notes: {exc}",
    ),
    "roster.unknown_channel": (
        "发布渠道：“{strip}”未知（可写 website、work-group）",
        'Channel: "{strip}" is unknown (write website or work-group)',
    ),
    "roster.history.exported": (
        "导出会员名册（{version}，{count} 个会员）",
        "Register exported ({version}, {count:@member/members})",
    ),
    "roster.history.published": (
        "发布会员名册（{version_label}，{members} 个会员，{where_label}）",
        "Register published ({version_label}, {members:@member/members}, {where_label})",
    ),
}
