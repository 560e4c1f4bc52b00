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
            raise ValidationError({self.key: f"{self.label}：应为{_KIND_NAMES.get(self.kind, '')}"})
        problem = _text_problem(value)
        if problem is not None:
            raise ValidationError({self.key: f"{self.label}：{problem}"})
        return value


def _text_problem(value: Any) -> str | None:
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

# Membership levels and the dues each pays a year (the charter decides; ). Ordered from
# the highest: the roster lists members by level in this order.
LEVELS = declare(
    "membership.levels",
    [
        {"code": "president", "name": "会长单位", "annual_dues": 50000},
        {"code": "vice_president", "name": "副会长单位", "annual_dues": 30000},
        {"code": "standing_council", "name": "常务理事单位", "annual_dues": 10000},
        {"code": "council", "name": "理事单位", "annual_dues": 5000},
        {"code": "member", "name": "会员单位", "annual_dues": 2000},
    ],
    "会员级别及年度会费（元）",
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

# --- dues (issue 13) ------------------------------------------------------------------------------

# --- mailing (issue 14) ---------------------------------------------------------------------------

# --- withdrawal (issue 15) ------------------------------------------------------------------------

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
        f"修改设置：{spec.label}",
        before={spec.key: before},
        after={spec.key: value},
    )


# --- levels ------------------------------------------------------------------------------------


def levels(session: Session) -> list[dict[str, Any]]:
    return get_setting(session, LEVELS)


def level_names(session: Session) -> dict[str, str]:
    return {level["code"]: level["name"] for level in levels(session)}
