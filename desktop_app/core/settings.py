"""Office-wide settings, declared once with their type and default (STYLE.md §11).

They live in the database so that every workstation sees the same values. Per-workstation
preferences (window geometry, language, printer offsets) live in QSettings in the ui package.
What the regulation leaves open (levels and dues, numbering, how "over a year" is counted, the
notice's response period) is a setting here, never a constant buried in code.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import SettingValue
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.validation import control_character_problem
from desktop_app.errors import ValidationError
from desktop_app.messages import Text, say


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    label: str
    kind: type

    def check(self, value: Any) -> Any:
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool)):
            raise ValidationError(
                {self.key: say("settings.wrong_type", label=self.label, get=_KIND_NAMES.get(self.kind, ""))}
            )
        problem = _text_problem(value)
        if problem is not None:
            raise ValidationError({self.key: say("settings.problem", label=self.label, problem=problem)})
        return value


def _text_problem(value: Any) -> Text | None:
    """A control character in any text of the value, level names and font paths included
    (PostgreSQL's JSON refuses a NUL with a raw error)."""
    if isinstance(value, str):
        return control_character_problem(value)
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, (list, tuple)):
        return next((p for p in map(_text_problem, value) if p is not None), None)
    return None


_KIND_NAMES = {int: "整数", float: "数字", str: "文字", bool: "是/否", list: "列表", dict: "表"}

SETTINGS: dict[str, SettingSpec] = {}


def declare(key: str, default: Any, label: str) -> SettingSpec:
    if key in SETTINGS:
        raise RuntimeError(f"setting {key} declared twice")
    spec = SettingSpec(key, default, label, type(default))
    SETTINGS[key] = spec
    return spec


ASSOCIATION_NAME = declare("association.name", "武汉建筑业协会", "协会名称")
ASSOCIATION_ADDRESS = declare("association.address", "武汉市江岸区解放大道1399号", "协会地址")
ASSOCIATION_POSTCODE = declare("association.postcode", "430010", "协会邮政编码")
ASSOCIATION_PHONE = declare("association.phone", "027-82836617", "协会联系电话")

# Membership levels (the charter decides; ). Ordered from the highest: the roster lists
# members by level in this order. The dues each level pays are the schedule ``dues.schedule``
# (issue 13: amounts effective from a year, with history; migration 0006 moved them there).
LEVELS = declare(
    "membership.levels",
    [
        {"code": "president", "name": "会长单位"},
        {"code": "vice_president", "name": "副会长单位"},
        {"code": "standing_council", "name": "常务理事单位"},
        {"code": "council", "name": "理事单位"},
        {"code": "member", "name": "会员单位"},
    ],
    "会员级别",
)
DEFAULT_LEVEL = declare("membership.default_level", "member", "新会员的默认级别")

# {year} is the four-digit year, {seq:04d} the running number within that year.
MEMBER_NUMBER_FORMAT = declare("numbering.member_number", "WJX{year}{seq:04d}", "会员编号格式")
CERTIFICATE_NUMBER_FORMAT = declare("numbering.certificate_number", "WJXZ{year}{seq:04d}", "会员证编号格式")

# Admission (R-5.1 … ).
APPLICATION_NUMBER_FORMAT = declare("numbering.application_number", "SQ{year}{seq:04d}", "入会申请编号格式")
# R-15.1 "自申请之日起满两年": from the re-application's date (the regulation's wording), or
# "from_left_date" to count from the day the former member left.
READMISSION_COUNTING = declare(
    "admission.readmission_counting",
    "from_application_date",
    "重新入会两年期限的起算日（from_application_date：申请之日；from_left_date：退会之日）",
)
ATTACHMENT_LIMIT_MB = declare("admission.attachment_limit_mb", 20, "入会资料附件大小上限（MB）")


# Printed documents. Validated where they are read
# (core/services/documents.py); the certificate's printer offset is per workstation (QSettings).
RECEIPT_NUMBER_FORMAT = declare("numbering.receipt_number", "WJXS{year}{seq:05d}", "会费收据编号格式")
SEAL_IMAGE = declare("documents.seal_image", "", "协会印章图片（PNG，base64；空则不印章，留待手工盖章）")
DOCUMENT_FONTS = declare(
    "documents.fonts",
    {"song": "", "hei": "", "kai": "", "fangsong": "", "fallback": ""},
    "文书字体文件（宋体、黑体、楷体、仿宋及生僻字后备字体的 .ttf/.ttc 路径；空则用系统默认）",
)
CERTIFICATE_VALIDITY_YEARS = declare("documents.certificate_validity_years", 3, "会员证有效期（年）")
CERTIFICATE_DATE_STYLE = declare(
    "documents.certificate_date_style",
    "hanzi",
    "会员证日期写法（hanzi：二〇二六年十一月二十六日；digits：2026年11月26日）",
)
CERTIFICATE_LAYOUT = declare(
    "documents.certificate_layout",
    {
        "page_width_mm": 297.0,
        "page_height_mm": 210.0,
        "number_x_mm": 200.0,
        "number_y_mm": 42.0,
        "name_x_mm": 148.5,
        "name_y_mm": 92.0,
        "name_width_mm": 200.0,
        "name_size_pt": 26.0,
        "level_x_mm": 148.5,
        "level_y_mm": 122.0,
        "level_size_pt": 20.0,
        "validity_x_mm": 148.5,
        "validity_y_mm": 142.0,
        "date_x_mm": 215.0,
        "date_y_mm": 176.0,
        "text_size_pt": 14.0,
    },
    "会员证套打位置（证书纸尺寸及各栏位置，毫米，自纸张左上角量起）",
)
CERTIFICATE_BACKGROUND = declare("documents.certificate_background", "", "会员证底纹扫描图（仅用于预览，PNG，base64）")
PLAQUE_SIZE = declare("documents.plaque_size", "600×400毫米", "牌匾尺寸")
PLAQUE_MATERIAL = declare("documents.plaque_material", "钛金板", "牌匾材质")
PLAQUE_VENDOR = declare("documents.plaque_vendor", "", "牌匾制作单位")
LABEL_SHEET = declare(
    "documents.label_sheet",
    {
        "columns": 3,
        "rows": 7,
        "label_width_mm": 63.5,
        "label_height_mm": 38.1,
        "top_margin_mm": 15.15,
        "left_margin_mm": 7.2,
        "column_gap_mm": 2.5,
        "row_gap_mm": 0.0,
        "padding_mm": 4.0,
    },
    "地址标签纸规格（A4 上的列数、行数、标签宽高、页边距和间距，毫米）",
)
ENVELOPE_SIZE = declare("documents.envelope_size", "DL", "信封规格（DL：220×110 毫米；C5：229×162 毫米）")
NOTICE_RESPONSE_DAYS = declare("withdrawal.notice_response_days", 30, "退会告知书的答复期限（自告知之日起，天）")

# Written by ``demo`` only: a database that holds demo data (accounts with the published password).
# ``demo`` refuses any database that is neither empty nor marked so (issue 9).
DEMO_DATABASE = declare("database.demo", False, "演示数据库（由 demo 命令写入；正式数据库不得设置）")

# A new random value at every restore; a program that opened the file before sees the change and
# stops writing (core/db.py, issue 9).
DATABASE_GENERATION = declare("database.generation", "", "数据库版本标记（每次从备份恢复后更换）")


def new_generation(session: Session) -> str:
    """Mark the database as replaced (after a restore): programs still holding it stop writing."""
    import uuid

    value = uuid.uuid4().hex
    row = session.get(SettingValue, DATABASE_GENERATION.key)
    now = clock_of(session).now()
    if row is None:
        session.add(SettingValue(key=DATABASE_GENERATION.key, value=value, updated_at=now, updated_by_id=None))
    else:
        row.value, row.updated_at = value, now
    from desktop_app.core.db import GENERATION_WRITTEN

    session.info[GENERATION_WRITTEN] = json.dumps(value)  # as read back raw from the JSON column
    return value


# --- mentors (issue 12) --------------------------------------------------------------------------

# mentors are allocated by the member's nature (category) and main business. The office's
# short list of business kinds, in order; a member is filed under the first kind one of whose
# keywords its free-text main business contains (the office may file it under another by hand),
# else under 其他. Validated where it is read (core/services/mentors/allocation.py).
BUSINESS_KINDS = declare(
    "mentors.business_kinds",
    [
        {"name": "装饰幕墙", "keywords": ["装饰", "装修", "幕墙"]},
        {"name": "勘察设计咨询", "keywords": ["设计", "勘察", "监理", "造价", "咨询", "检测", "招标代理"]},
        {"name": "建筑劳务", "keywords": ["劳务"]},
        {"name": "建材设备", "keywords": ["建材", "建筑材料", "混凝土", "机械", "设备租赁", "租赁"]},
        {"name": "专业承包安装", "keywords": ["安装", "钢结构", "消防", "地基", "防水", "机电"]},
        {"name": "市政交通水利", "keywords": ["市政", "公路", "桥梁", "道路", "水利", "轨道"]},
        {"name": "房屋建筑施工", "keywords": ["房屋建筑", "建筑工程", "施工总承包", "建筑施工"]},
    ],
    "主营业务分类（分配班主任时按单位类别和主营业务分组；每类的关键词用于从主营业务文字自动归类，都不符合的归入“其他”）",
)
NO_CONTACT_DAYS = declare("mentors.no_contact_days", 90, "联系提醒：超过多少天未联系的会员列入提醒（天）")
FOLLOW_UP_DAYS = declare("mentors.follow_up_days", 14, "联系记录中跟进事项的默认期限（自联系之日起，天）")

# --- dues (issue 13) ------------------------------------------------------------------------------

# The schedule (R-16.1: the charter decides the dues of each level): entries effective from a dues
# year until the next entry's year, so a change from 2027 leaves 2026 as it was. Changed through
# core/services/dues (``set_schedule_entry``), which refuses to change a year already billed.
DUES_SCHEDULE = declare(
    "dues.schedule",
    [
        {
            "from_year": 2000,
            "amounts": {
                "president": 50000,
                "vice_president": 30000,
                "standing_council": 10000,
                "council": 5000,
                "member": 2000,
            },
            "note": "",
        }
    ],
    "会费标准（各级别年度会费，元；每项自某会费年度起执行，直到下一项的年度，历史保留）",
)
# The dues year: 1 = the calendar year (the default); 4 = April to March …
DUES_YEAR_START_MONTH = declare("dues.year_start_month", 1, "会费年度的起始月份（1：按自然年度）")
# A member's first year starts at registration: "full" the whole year's dues, "pro_rata" the months
# left in the dues year counting the month of joining (whole yuan), "free" nothing until next year.
DUES_FIRST_YEAR = declare(
    "dues.first_year",
    "full",
    "入会当年的会费（full：全年；pro_rata：自入会当月起按剩余月数折算，取整到元；free：当年免缴，自下一会费年度起缴）",
)
# R-12.1 (1) "一年以上不交纳会费" (REQUIREMENTS: "from the end of the last paid dues period"):
# counted from the end of the last dues year paid in full ("paid_period_end", the default), or from
# the due date of the oldest unpaid year ("due_date": its start plus dues.due_days); "more than"
# the number of months below: the day after that many months is the first day it holds.
UNPAID_COUNTED_FROM = declare(
    "dues.unpaid_counted_from",
    "paid_period_end",
    "“一年以上不交纳会费”的起算日（paid_period_end：已缴清的最后一个会费年度结束之日；"
    "due_date：最早欠缴年度的缴费期限届满之日）",
)
UNPAID_MONTHS = declare("dues.unpaid_months", 12, "“一年以上不交纳会费”的期限（月，超过即计入）")
DUES_DUE_DAYS = declare("dues.due_days", 90, "每年度会费的缴费期限（自会费年度开始之日起，天）")
ASSOCIATION_USCC = declare("association.uscc", "", "协会统一社会信用代码（印在会费收据上）")

# --- mailing (issue 14) ---------------------------------------------------------------------------

# Batches are numbered like receipts: {year} the four-digit year, {seq:03d} the running number.
MAILING_BATCH_NUMBER = declare("numbering.mailing_batch", "YJ{year}{seq:03d}", "邮寄批次编号格式")
# names "发票、证书等重要文件": which contents the mentor photographs and tells the liaison about.
MAILING_IMPORTANT_KINDS = declare(
    "mailing.important_kinds",
    ["invoice", "certificate"],
    "须拍照留证并告知联络员的邮寄内容（invoice 发票、certificate 荣誉证书、receipt 会费收据、document 文件、journal 会刊）",
)
# The courier manifest's columns, as the courier's bulk-order template has them (header in the
# first row, one row per parcel). Each column: [header, what goes in it] — a field name
# (core/services/mailing/manifest.py FIELDS) or "=text" for the same text on every row. The
# default follows SF Express's bulk-order (批量下单) workbook; `mailing template --use ems` sets
# China Post EMS's instead, and the office may edit any column.
MAILING_MANIFEST = declare(
    "mailing.manifest_template",
    {
        "courier": "顺丰速运",
        "sheet": "批量下单",
        "columns": [
            ["用户订单号", "reference"],
            ["寄件人姓名", "sender_name"],
            ["寄件人电话", "sender_phone"],
            ["寄件公司", "sender_company"],
            ["寄件地址", "sender_address"],
            ["收件人姓名", "recipient_name"],
            ["收件人电话", "recipient_phone"],
            ["收件公司", "recipient_company"],
            ["收件省", "province"],
            ["收件市", "city"],
            ["收件区/县", "district"],
            ["收件详细地址", "recipient_address"],
            ["收件邮编", "recipient_postcode"],
            ["托寄物内容", "contents"],
            ["托寄物数量", "copies"],
            ["包裹数量", "pieces"],
            ["付款方式", "=寄付月结"],
            ["备注", "note"],
        ],
    },
    "快递批量下单表格式（快递公司、工作表名及各列：表头与所填内容；默认顺丰速运批量下单模板）",
)
MAILING_PHOTO_LIMIT_MB = declare("mailing.photo_limit_mb", 10, "邮寄照片大小上限（MB）")

# --- withdrawal (issue 15) ------------------------------------------------------------------------

# R-12.1 (2) "一年以上不参加本会活动", counted only over the time the member was a member:
# "current_spell" (the default) from the later of the last activity attended and the start of the
# current membership; "all_spells" adds up the days of membership (earlier spells included) since
# the last activity attended, leaving out the time between spells.
NO_ACTIVITY_COUNTING = declare(
    "withdrawal.no_activity_counting",
    "current_spell",
    "“一年以上不参加本会活动”的计算（current_spell：自最近一次参加活动或本次入会之日起；"
    "all_spells：自最近一次参加活动起累计各段会籍期间的天数）",
)
# the notice tells the member by when it may appeal against the council's confirmation.
APPEAL_DAYS = declare("withdrawal.appeal_days", 30, "申诉期限（自收到理事会确认取消会员资格的决定之日起，天）")
# 文号 of the withdrawal notices; {year} the year of issue, {seq} the running number in it.
NOTICE_NUMBER_FORMAT = declare("numbering.withdrawal_notice", "武建协会籍〔{year}〕{seq}号", "退会告知书文号格式")

# --- reports (issue 17) ---------------------------------------------------------------------------

# the half-yearly mentor report scores each mentor from three ratios — members contacted,
# WeChat group coverage, dues collected (by amount) — weighted by these shares (a ratio that has
# no base, e.g. no dues billed, is left out of the weighting), 0–100 points; the proposal column
# is suggested from the two thresholds and the office may change it before export.
MENTOR_SCORE_WEIGHTS = declare(
    "reports.mentor_score_weights",
    {"contact": 40, "wechat": 20, "dues": 40},
    "班主任考核得分的权重（contact：已联系会员比例；wechat：微信群覆盖率；dues：会费收缴率〔按金额〕）",
)
REWARD_SCORE = declare("reports.reward_score", 85, "班主任考核：得分不低于此分建议奖励")
PENALTY_SCORE = declare("reports.penalty_score", 60, "班主任考核：得分低于此分建议处罚")
# A member served only a few days of the half year is not counted against its mentor as "not contacted".
NO_CONTACT_MIN_DAYS = declare(
    "reports.no_contact_min_days", 30, "班主任考核：半年内负责满多少天的会员才计入“未联系会员”（天）"
)
# R-9.2 "regularly updates": the workbench reminds when the last published roster is older than this.
ROSTER_PUBLICATION_DAYS = declare(
    "reports.roster_publication_days", 90, "会员名册发布提醒：距上次发布超过多少天时在工作台提醒（天）"
)
# The workbench's warning before a withdrawal notice's response deadline.
NOTICE_DEADLINE_WARNING_DAYS = declare(
    "reports.notice_deadline_warning_days", 7, "工作台：退会告知书答复期限前多少天开始提醒（天）"
)

# Backups of the SQLite file: daily at start-up and before every upgrade (core/backup.py).
BACKUP_KEEP = declare("backup.keep", 14, "自动备份保留份数（每天启动时和升级数据库前的备份）")


def get_setting(session: Session, spec: SettingSpec | str) -> Any:
    spec = SETTINGS[spec] if isinstance(spec, str) else spec
    row = session.get(SettingValue, spec.key)
    return copy.deepcopy(row.value if row is not None else spec.default)


def all_settings(session: Session) -> dict[str, Any]:
    stored = {row.key: row.value for row in session.scalars(select(SettingValue))}
    return {key: copy.deepcopy(stored.get(key, spec.default)) for key, spec in SETTINGS.items()}


def set_setting(session: Session, actor: Actor, spec: SettingSpec | str, value: Any) -> None:
    require(actor, Permission.MANAGE_SETTINGS)
    spec = SETTINGS[spec] if isinstance(spec, str) else spec
    value = spec.check(value)
    row = session.get(SettingValue, spec.key)
    before = row.value if row is not None else spec.default
    now = clock_of(session).now()
    if row is None:
        session.add(SettingValue(key=spec.key, value=value, updated_at=now, updated_by_id=actor.id))
    else:
        row.value, row.updated_at, row.updated_by_id = value, now, actor.id
    audit.record(
        session,
        actor,
        "update",
        "setting",
        None,
        say("settings.history.changed", label=spec.label),
        before={spec.key: before},
        after={spec.key: value},
    )


# --- levels ------------------------------------------------------------------------------------


def levels(session: Session) -> list[dict[str, Any]]:
    return get_setting(session, LEVELS)


def level_names(session: Session) -> dict[str, str]:
    return {level["code"]: level["name"] for level in levels(session)}
