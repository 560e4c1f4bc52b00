"""The courier manifest (快递批量下单表): one row per envelope, in the columns of the courier's
bulk-order template, so the office uploads it to the courier's site as it is. The layout is the
setting ``mailing.manifest_template`` (the courier, the sheet's name, each column's header and what
fills it); SF Express's bulk-order template is the default, China Post EMS's is built in too.

The header is the first row (couriers' importers read it there): no title above it. The table is a
``records.SheetTable`` written by ``spreadsheets.courier.write_manifest``, every cell through
``spreadsheets.writer``, so a name that looks like a formula stays text; phones and postcodes are
written as text, never as numbers.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.models import STATUS_LABELS, MailingBatch, MailingRecipient, MemberStatus
from desktop_app.core.security import Actor
from desktop_app.core.services.mailing.tracking import reference
from desktop_app.core.services.mailing.views import contents_text
from desktop_app.core.settings import (
    ASSOCIATION_ADDRESS,
    ASSOCIATION_NAME,
    ASSOCIATION_PHONE,
    MAILING_MANIFEST,
    get_setting,
    set_setting,
)
from desktop_app.core.wuhan import DISTRICTS
from desktop_app.errors import ValidationError
from desktop_app.messages import say
from desktop_app.records import SheetTable

# What a column may hold (its "field"), with the Chinese name the settings show. "=text" puts the
# same text on every row (a payment method, a service type).
FIELDS = {
    "reference": "用户订单号（批次号-序号，导入快递单号时据此对应）",
    "sequence": "序号",
    "member_number": "会员编号",
    "recipient_company": "收件单位",
    "recipient_name": "收件人姓名",
    "recipient_phone": "收件人电话",
    "recipient_address": "收件详细地址（含省市区）",
    "address_rest": "收件地址（省市区之后的部分）",
    "recipient_postcode": "收件邮编",
    "province": "收件省",
    "city": "收件市",
    "district": "收件区/县",
    "contents": "托寄物内容",
    "copies": "托寄物数量（份）",
    "pieces": "包裹数量（件）",
    "important": "是否有重要文件",
    "sender_company": "寄件单位（协会）",
    "sender_name": "寄件人（协会会籍管理部）",
    "sender_phone": "寄件人电话",
    "sender_address": "寄件地址",
    "note": "备注（会员编号，已退会等）",
    "blank": "留空",
}

# Built-in templates: ``mailing template --use ems`` (or the window) puts one into the setting.
TEMPLATES: dict[str, dict[str, Any]] = {
    "sf": copy.deepcopy(MAILING_MANIFEST.default),
    "ems": {
        "courier": "中国邮政EMS",
        "sheet": "批量导入",
        "columns": [
            ["序号", "sequence"],
            ["客户单号", "reference"],
            ["收件人", "recipient_name"],
            ["收件人单位", "recipient_company"],
            ["收件人手机/电话", "recipient_phone"],
            ["收件省", "province"],
            ["收件市", "city"],
            ["收件区县", "district"],
            ["收件详细地址", "address_rest"],
            ["收件邮编", "recipient_postcode"],
            ["寄件人", "sender_name"],
            ["寄件人电话", "sender_phone"],
            ["寄件单位", "sender_company"],
            ["寄件地址", "sender_address"],
            ["内件名称", "contents"],
            ["内件数量", "copies"],
            ["件数", "pieces"],
            ["业务类型", "=标准快递"],
            ["备注", "note"],
        ],
    },
}
TEMPLATE_NAMES = {"sf": "顺丰速运批量下单模板", "ems": "中国邮政EMS批量导入模板"}


def check_template(value: Any) -> dict[str, Any]:
    """The template as the setting must hold it; ``ValidationError`` naming what is wrong."""
    key = MAILING_MANIFEST.key
    if not isinstance(value, dict) or not isinstance(value.get("columns"), list) or not value["columns"]:
        raise ValidationError({key: say("mailing.manifest.columns_required")})
    columns = []
    for number, column in enumerate(value["columns"], 1):
        if not isinstance(column, (list, tuple)) or len(column) != 2 or not all(isinstance(c, str) for c in column):
            raise ValidationError({key: say("mailing.manifest.bad_column", number=number)})
        title, source = column[0].strip(), column[1].strip()
        if not title:
            raise ValidationError({key: say("mailing.manifest.no_heading", number=number)})
        if not source.startswith("=") and source not in FIELDS:
            known = "、".join(FIELDS)
            raise ValidationError(
                {key: say("mailing.manifest.unknown_source", number=number, title=title, source=source, known=known)}
            )
        columns.append([title, source])
    if len(columns) > 60:
        raise ValidationError({key: say("mailing.manifest.too_many_columns")})
    sheet = str(value.get("sheet") or "快递清单").strip()[:31]
    if re.search(r"[\\/*?:\[\]]", sheet):
        raise ValidationError({key: say("mailing.manifest.bad_sheet_name", sheet=sheet)})
    return {"courier": str(value.get("courier") or "").strip(), "sheet": sheet, "columns": columns}


def template(session: Session) -> dict[str, Any]:
    return check_template(get_setting(session, MAILING_MANIFEST))


def use_template(session: Session, actor: Actor, name_or_value: str | dict[str, Any]) -> dict[str, Any]:
    """Set the manifest's layout: a built-in template's name (``sf``, ``ems``) or a whole layout.
    Administrators (it is an office-wide setting)."""
    if isinstance(name_or_value, str):
        if name_or_value not in TEMPLATES:
            names = "、".join(f"{k}（{v}）" for k, v in TEMPLATE_NAMES.items())
            raise ValidationError(
                {MAILING_MANIFEST.key: say("mailing.manifest.unknown_name", name_or_value=name_or_value, names=names)}
            )
        value = copy.deepcopy(TEMPLATES[name_or_value])
    else:
        value = name_or_value
    checked = check_template(value)
    set_setting(session, actor, MAILING_MANIFEST, checked)
    return checked


# --- splitting an address for couriers that want 省 / 市 / 区 apart -------------------------------

_DISTRICTS = tuple(sorted((d.name for d in DISTRICTS), key=len, reverse=True))
_PROVINCE = re.compile(r"^(北京市|上海市|天津市|重庆市|.{2,3}?省|.{2,8}?自治区|.{2}特别行政区)")
_CITY = re.compile(r"^(.{2,4}?市|.{2,8}?自治州|.{2,4}?地区|.{2,4}?盟)")
_COUNTY = re.compile(r"^(.{1,6}?(?:区|县|旗|市))")


def split_region(address: str | None) -> tuple[str, str, str, str]:
    """(province, city, district, the rest) of a Chinese address; an address starting at 武汉市
    is in 湖北省. What cannot be told apart stays in the rest."""
    rest = (address or "").strip()
    province = city = district = ""
    match = _PROVINCE.match(rest)
    if match:
        province, rest = match.group(1), rest[match.end() :]
    if province in ("北京市", "上海市", "天津市", "重庆市"):
        city = province
    else:
        match = _CITY.match(rest)
        if match:
            city, rest = match.group(1), rest[match.end() :]
    if city == "武汉市" and not province:
        province = "湖北省"
    for name in _DISTRICTS:
        if city == "武汉市" and rest.startswith(name):
            district, rest = name, rest[len(name) :]
            break
    else:
        match = _COUNTY.match(rest) if city else None
        if match and len(rest) > match.end():
            district, rest = match.group(1), rest[match.end() :]
    return province, city, district, rest


def manifest_table(
    session: Session,
    batch: MailingBatch,
    recipients: list[MailingRecipient],
    lines: dict[int, list[Any]],
) -> SheetTable:
    """The manifest of ``recipients`` (mailable ones: the caller leaves out those with problems)."""
    layout = template(session)
    sender = {
        "sender_company": get_setting(session, ASSOCIATION_NAME),
        "sender_name": f"{get_setting(session, ASSOCIATION_NAME)}会籍管理部",
        "sender_phone": get_setting(session, ASSOCIATION_PHONE),
        "sender_address": get_setting(session, ASSOCIATION_ADDRESS),
    }
    rows: list[list[object]] = []
    for sequence, recipient in enumerate(recipients, 1):
        envelope = lines.get(recipient.id, [])
        province, city, district, rest = split_region(recipient.address)
        note = [f"会员编号 {recipient.member_number}"]
        if recipient.member_status != MemberStatus.ACTIVE:
            note.append(STATUS_LABELS[recipient.member_status])
        values: dict[str, object] = {
            "reference": reference(batch.number, recipient.position),
            "sequence": sequence,
            "member_number": recipient.member_number,
            "recipient_company": recipient.organisation,
            "recipient_name": recipient.contact_name or "",
            "recipient_phone": recipient.phone or "",
            "recipient_address": recipient.address or "",
            "address_rest": rest or recipient.address or "",
            "recipient_postcode": recipient.postcode or "",
            "province": province,
            "city": city,
            "district": district,
            "contents": contents_text(envelope) or "文件",
            "copies": sum(line.copies for _c, line in envelope) or 1,
            "pieces": 1,
            "important": "是" if any(c.important for c, _l in envelope) else "",
            "note": "，".join(note),
            "blank": "",
            **sender,
        }
        rows.append([source[1:] if source.startswith("=") else values[source] for _title, source in layout["columns"]])
    columns = [(title, _width(title, source), source in _CENTRED) for title, source in layout["columns"]]
    return SheetTable(layout["sheet"], [], columns, rows, [])


_CENTRED = {"sequence", "copies", "pieces", "recipient_postcode", "important"}
_WIDTHS = {
    "reference": 16,
    "recipient_company": 30,
    "recipient_address": 40,
    "address_rest": 34,
    "sender_address": 30,
    "sender_company": 18,
    "contents": 30,
    "note": 22,
    "recipient_phone": 15,
    "sender_phone": 15,
}


def _width(title: str, source: str) -> float:
    return float(max(_WIDTHS.get(source, 10), len(title) * 2 + 2))
