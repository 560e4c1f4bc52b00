"""Printed documents: who may print what, each kind's inputs and defaults, members → document
inputs, and one ``generate`` that the window and the CLI both call (R-5.1, R-5.6, R-8.4, R-8.5,
R-9.4, R-12.1).

Drawing lives in ``desktop_app.documents``; this module decides. A member whose data cannot
make its document (no certificate number, no address …) becomes a listed problem and the rest
are still printed. Writes — receipt numbers, certificate numbers assigned on request, the seal
image — are audited; generating a document is not a write.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.errors import NothingPrinted, NotFound, ValidationError
from desktop_app.core.models import CATEGORY_LABELS, Member, MemberStatus, Staff
from desktop_app.core.numbering import next_number
from desktop_app.core.security import PRINT_PERMISSIONS, Actor, Permission, require
from desktop_app.core.services.members import assign_certificate_number
from desktop_app.core.settings import get_setting as _get_setting
from desktop_app.core.settings import (
    ASSOCIATION_ADDRESS,
    ASSOCIATION_NAME,
    ASSOCIATION_PHONE,
    ASSOCIATION_POSTCODE,
    CERTIFICATE_BACKGROUND,
    CERTIFICATE_DATE_STYLE,
    CERTIFICATE_LAYOUT,
    CERTIFICATE_VALIDITY_YEARS,
    DOCUMENT_FONTS,
    ENVELOPE_SIZE,
    LABEL_SHEET,
    NOTICE_RESPONSE_DAYS,
    PLAQUE_MATERIAL,
    PLAQUE_SIZE,
    PLAQUE_VENDOR,
    RECEIPT_NUMBER_FORMAT,
    SEAL_IMAGE,
    get_setting,
    level_names,
    levels,
    set_setting,
)
from desktop_app.core.validation import CONTACT_FIELD_LABELS, CONTACT_LABELS, FIELD_LABELS
from desktop_app.documents import KINDS, BuildReport, Kind, Problem
from desktop_app.documents.inputs import (
    AddressInput,
    ApplicationFormInput,
    AssociationInfo,
    CertificateInput,
    CertificateLayout,
    ContactInput,
    DocumentContext,
    DuesReceiptInput,
    FilingFormInput,
    HandoverChange,
    HandoverFormInput,
    LabelSheet,
    PlaqueOrderInput,
    WithdrawalGrounds,
    WithdrawalNoticeInput,
)
from desktop_app.documents.numerals import to_amount

Progress = Callable[[int, int], None]

# Who may print what (R-8.4, R-8.6: mentors print the forms they fill in or hand to applicants).
KIND_PERMISSIONS: dict[str, Permission] = {
    "certificate": Permission.PRINT_CERTIFICATES,
    "calibration": Permission.PRINT_CERTIFICATES,
    "plaque-order": Permission.PRINT_CERTIFICATES,
    "handover-form": Permission.PRINT_FORMS,
    "application-form": Permission.PRINT_FORMS,
    "filing-form": Permission.PRINT_FORMS,
    "withdrawal-notice": Permission.PRINT_DOCUMENTS,
    "dues-receipt": Permission.PRINT_DOCUMENTS,
    "labels": Permission.PRINT_DOCUMENTS,
    "envelopes": Permission.PRINT_DOCUMENTS,
}


def can_print(actor: Actor, kind: str | None = None) -> bool:
    if kind is None:
        return any(actor.can(p) for p in PRINT_PERMISSIONS)
    return actor.can(KIND_PERMISSIONS[kind])


def printable_kinds(actor: Actor) -> list[Kind]:
    return [k for k in KINDS.values() if actor.can(KIND_PERMISSIONS[k.key])]


def get_kind(key: str) -> Kind:
    if key not in KINDS:
        raise ValidationError({"kind": f"文书种类：“{key}”未知，可选 {'、'.join(KINDS)}"})
    return KINDS[key]


# --- the inputs a kind asks for ---------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One input of a kind, with its default. ``type``: date, optional_date, int, text, lines,
    amount (empty = the level's scheduled dues), years, choice, bool."""

    key: str
    label: str
    type: str
    default: Any = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, Chinese label)
    help: str = ""
    single_member: bool = False  # only meaningful when one member is chosen


RECIPIENTS = (("liaison", "联络员"), ("principal", "主要负责人"), ("legal_representative", "法定代表人"))
LABEL_SHEET_SETTING = "setting"


def options_for(session: Session | None, kind: str) -> list[Option]:
    """The inputs of ``kind`` with today's defaults from the settings and the clock.

    Without a session (building the CLI's parser) the defaults are the settings' declared ones."""
    from desktop_app.documents.envelopes import ENVELOPE_SIZES
    from desktop_app.documents.labels import LABEL_SHEETS

    def get_setting(spec: Any) -> Any:  # noqa: F811 — the session's value, or the declared default
        return _get_setting(session, spec) if session is not None else spec.default

    get_kind(kind)
    today = clock_of(session).today() if session is not None else dt.date.today()
    if kind == "certificate":
        return [
            Option("issue_date", "发证日期", "date", today),
            Option("validity_years", "有效期（年）", "int", get_setting(CERTIFICATE_VALIDITY_YEARS)),
            Option("assign_numbers", "为没有会员证编号的会员分配编号", "bool", False,
                   help="需要录入会员资料的权限；分配的编号写入会员资料并记入日志"),
        ]  # fmt: skip
    if kind == "plaque-order":
        return [
            Option("year", "牌匾年份", "int", today.year),
            Option("size", "尺寸", "text", get_setting(PLAQUE_SIZE)),
            Option("material", "材质", "text", get_setting(PLAQUE_MATERIAL)),
            Option("quantity", "每个会员数量", "int", 1),
            Option("vendor", "制作单位", "text", get_setting(PLAQUE_VENDOR)),
        ]
    if kind == "handover-form":
        return [
            Option("form_date", "填表日期", "optional_date", today),
            Option("reported_on", "会员报告变更日期", "optional_date", None, help="第十条第（一）项：会员何时报送变更"),
            Option("changes", "变更事项（每行“项目=新内容”，如“联络员手机=13907123456”）", "lines", "",
                   help="留空则列出现有资料，由班主任手填变更", single_member=True),
            Option("note", "备注", "text", ""),
        ]  # fmt: skip
    if kind == "withdrawal-notice":
        return [
            Option("notice_date", "告知日期", "date", today),
            Option("response_days", "答复期限（天）", "int", get_setting(NOTICE_RESPONSE_DAYS)),
            Option("unpaid_years", "未缴会费年度（如 2024,2025）", "years", ()),
            Option("no_activity_since", "自何日起未参加活动", "optional_date", None),
            Option("disqualification", "不再符合会员条件的情形", "text", "", help="如：被列为失信被执行人"),
            Option("notice_number", "文号", "text", "", single_member=True),
        ]  # fmt: skip
    if kind == "dues-receipt":
        return [
            Option("years", "会费年度", "years", (today.year,)),
            Option("amount", "金额（元，留空按会员级别的年度会费）", "amount", None),
            Option("date", "开票日期", "date", today),
            Option("payment_method", "交款方式", "text", "银行转账"),
            Option("received_by", "收款人（留空为当前登录人）", "text", ""),
            Option("note", "备注", "text", ""),
            Option("receipt_number", "收据编号（补打原收据时填写）", "text", "", single_member=True),
        ]
    if kind == "labels":
        sheets = ((LABEL_SHEET_SETTING, "按系统设置"),) + tuple((key, f"{key} 标签纸") for key in LABEL_SHEETS)
        return [
            Option("sheet", "标签纸", "choice", LABEL_SHEET_SETTING, sheets),
            Option("skip", "跳过第一张已用的标签数", "int", 0),
            Option("recipient", "收件人", "choice", "liaison", RECIPIENTS),
        ]
    if kind == "envelopes":
        sizes = tuple((key, f"{key}（{w:g}×{h:g} 毫米）") for key, (w, h) in ENVELOPE_SIZES.items())
        return [
            Option("size", "信封规格", "choice", get_setting(ENVELOPE_SIZE), sizes),
            Option("recipient", "收件人", "choice", "liaison", RECIPIENTS),
        ]
    return []


def default_options(session: Session, kind: str) -> dict[str, Any]:
    return {option.key: option.default for option in options_for(session, kind)}


def _parse_date(value: Any, label: str, key: str, optional: bool) -> dt.date | None:
    if value in (None, ""):
        if optional:
            return None
        raise ValidationError({key: f"{label}：请填写日期"})
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError({key: f"{label}：“{value}”不是日期，应写成 2026-11-26"}) from None


def _parse_years(value: Any, label: str, key: str) -> tuple[int, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, int):
        items: Iterable[Any] = [value]
    elif isinstance(value, str):
        items = [p for p in value.replace("，", ",").replace("、", ",").replace(" ", ",").split(",") if p]
    else:
        items = value
    years = []
    for item in items:
        text = str(item).strip().removesuffix("年度").removesuffix("年")
        if "-" in text or "—" in text:  # 2024-2026
            a, _sep, b = text.replace("—", "-").partition("-")
            if a.isdigit() and b.isdigit() and int(a) <= int(b):
                years.extend(range(int(a), int(b) + 1))
                continue
        if not text.isdigit() or not 1990 <= int(text) <= 2100:
            raise ValidationError({key: f"{label}：“{item}”不是年度"})
        years.append(int(text))
    return tuple(sorted(set(years)))


def check_options(session: Session, kind: str, given: dict[str, Any] | None) -> dict[str, Any]:
    """The kind's options: defaults, overridden by ``given``, each parsed and checked."""
    specs = {o.key: o for o in options_for(session, kind)}
    unknown = set(given or {}) - set(specs)
    if unknown:
        raise ValidationError({"options": f"“{KINDS[kind].title}”没有这些选项：{'、'.join(sorted(unknown))}"})
    values = {key: spec.default for key, spec in specs.items()}
    values.update(given or {})
    out: dict[str, Any] = {}
    for key, spec in specs.items():
        value = values[key]
        if spec.type in ("date", "optional_date"):
            out[key] = _parse_date(value, spec.label, key, spec.type == "optional_date")
        elif spec.type == "int":
            try:
                out[key] = int(value)
            except (TypeError, ValueError):
                raise ValidationError({key: f"{spec.label}：应为整数"}) from None
            if out[key] < 0:
                raise ValidationError({key: f"{spec.label}：不能为负数"})
        elif spec.type == "amount":
            out[key] = None if value in (None, "") else to_amount(value, key, spec.label)
        elif spec.type == "years":
            out[key] = _parse_years(value, spec.label, key)
        elif spec.type == "choice":
            if value not in {v for v, _l in spec.choices}:
                raise ValidationError({key: f"{spec.label}：“{value}”不是可选项"})
            out[key] = value
        elif spec.type == "bool":
            out[key] = bool(value)
        else:
            out[key] = "" if value is None else str(value).strip()
    if kind == "certificate" and not 1 <= out["validity_years"] <= 20:
        raise ValidationError({"validity_years": "有效期（年）：应在 1 到 20 年之间"})
    if kind == "plaque-order" and out["quantity"] < 1:
        raise ValidationError({"quantity": "每个会员数量：至少为 1"})
    if kind == "dues-receipt" and not out["years"]:
        raise ValidationError({"years": "会费年度：请至少填写一个年度"})
    if kind == "withdrawal-notice" and out["response_days"] < 1:
        raise ValidationError({"response_days": "答复期限（天）：至少 1 天"})
    return out


# --- settings → the documents' context --------------------------------------------------------


def _decode_image(text: str) -> bytes | None:
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def _from_dict(cls: type, data: Any, label: str, key: str) -> Any:
    """A dataclass from a settings dict, each number checked."""
    if not isinstance(data, dict):
        raise ValidationError({key: f"{label}：设置格式不对"})
    known = {f.name: f for f in fields(cls)}
    values = {}
    for name, value in data.items():
        if name not in known or name == "name":
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValidationError({key: f"{label}：“{name}”应为不小于 0 的数字"})
        values[name] = int(value) if known[name].type in ("int", int) else float(value)
    return cls(**values)


def label_sheet(session: Session, choice: str = LABEL_SHEET_SETTING) -> LabelSheet:
    from desktop_app.documents.labels import LABEL_SHEETS, check_sheet

    if choice != LABEL_SHEET_SETTING:
        return LABEL_SHEETS[choice]
    sheet = _from_dict(LabelSheet, get_setting(session, LABEL_SHEET), "地址标签纸规格", "documents.label_sheet")
    sheet = replace(sheet, name=f"{sheet.columns}×{sheet.rows}")
    problems = check_sheet(sheet)
    if problems:
        raise ValidationError({"documents.label_sheet": "地址标签纸规格：" + "；".join(problems)})
    return sheet


def document_context(
    session: Session,
    *,
    certificate_offset_mm: tuple[float, float] = (0.0, 0.0),
    certificate_background: bool = False,
    label_sheet_choice: str = LABEL_SHEET_SETTING,
    label_skip: int = 0,
    envelope_size: str | None = None,
    plaque_vendor: str | None = None,
) -> DocumentContext:
    """Everything the documents take from the office's settings, plus this print run's choices."""
    fonts = get_setting(session, DOCUMENT_FONTS)
    layout = _from_dict(CertificateLayout, get_setting(session, CERTIFICATE_LAYOUT), "会员证套打位置",
                        "documents.certificate_layout")  # fmt: skip
    date_style = get_setting(session, CERTIFICATE_DATE_STYLE)
    return DocumentContext(
        association=AssociationInfo(
            name=get_setting(session, ASSOCIATION_NAME),
            address=get_setting(session, ASSOCIATION_ADDRESS),
            postcode=get_setting(session, ASSOCIATION_POSTCODE),
            phone=get_setting(session, ASSOCIATION_PHONE),
        ),
        today=clock_of(session).today(),
        seal_png=_decode_image(get_setting(session, SEAL_IMAGE)),
        fonts={k: v for k, v in (fonts if isinstance(fonts, dict) else {}).items() if isinstance(v, str) and v},
        levels=tuple(level["name"] for level in levels(session)),
        categories=tuple(CATEGORY_LABELS.values()),
        certificate_layout=layout,
        certificate_offset_mm=(float(certificate_offset_mm[0]), float(certificate_offset_mm[1])),
        certificate_background=certificate_background,
        certificate_background_png=_decode_image(get_setting(session, CERTIFICATE_BACKGROUND)),
        certificate_date_style=date_style if date_style in ("hanzi", "digits") else "hanzi",
        label_sheet=label_sheet(session, label_sheet_choice),
        label_skip=label_skip,
        envelope_size=envelope_size or get_setting(session, ENVELOPE_SIZE),
        plaque_vendor=get_setting(session, PLAQUE_VENDOR) if plaque_vendor is None else plaque_vendor,
    )


# --- members → inputs --------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRef:
    """A member named in a problem the service found before any document was drawn."""

    member_name: str
    member_number: str | None = None

    @classmethod
    def of(cls, member: Member) -> MemberRef:
        return cls(member.name, member.member_number)


def _level_name(session: Session, member: Member) -> str:
    return level_names(session).get(member.level, member.level)


def _contact(member: Member, role: str) -> ContactInput:
    return ContactInput(
        CONTACT_LABELS[role],
        *(getattr(member, f"{role}_{f}") for f in ("name", "position", "mobile", "landline", "wechat", "email")),
    )


def _person(member: Member, role: str) -> tuple[str | None, str | None]:
    """(“张丽（办公室主任）”, phone) of a member's person, falling back to the next person."""
    order = [role] + [r for r, _l in RECIPIENTS if r != role]
    for candidate in order:
        name = getattr(member, f"{candidate}_name")
        if name:
            position = getattr(member, f"{candidate}_position")
            phone = getattr(member, f"{candidate}_mobile") or getattr(member, f"{candidate}_landline")
            return (f"{name}（{position}）" if position else name), phone
    return None, None


def certificate_input(session: Session, member: Member, issue_date: dt.date | None = None,
                      validity_years: int | None = None) -> CertificateInput:  # fmt: skip
    """The certificate of ``member`` issued on ``issue_date`` (today), valid ``validity_years``
    (the setting) until the day before the same date that many years later."""
    issued = issue_date or clock_of(session).today()
    years = validity_years or get_setting(session, CERTIFICATE_VALIDITY_YEARS)
    try:
        end = issued.replace(year=issued.year + years)
    except ValueError:  # 29 February
        end = issued.replace(year=issued.year + years, day=28)
    return CertificateInput(
        certificate_number=member.certificate_number or "",
        member_name=member.name,
        level_name=_level_name(session, member),
        issue_date=issued,
        valid_until=end - dt.timedelta(days=1),
        member_number=member.member_number,
    )


def plaque_input(session: Session, member: Member, *, year: int | None = None, size: str | None = None,
                 material: str | None = None, quantity: int = 1) -> PlaqueOrderInput:  # fmt: skip
    contact, phone = _person(member, "liaison")
    return PlaqueOrderInput(
        member_name=member.name,
        level_wording=_level_name(session, member),
        year=year or clock_of(session).today().year,
        size=size if size is not None else get_setting(session, PLAQUE_SIZE),
        material=material if material is not None else get_setting(session, PLAQUE_MATERIAL),
        quantity=quantity,
        delivery_contact=contact,
        delivery_phone=phone,
        delivery_address=member.address,
        member_number=member.member_number,
        certificate_number=member.certificate_number,
    )


def address_input(member: Member, recipient: str = "liaison") -> AddressInput:
    person, phone = _person(member, recipient)
    return AddressInput(member.name, member.address, member.postcode, person, phone, member.member_number)


# The member's details a handover form lists: what a mentor learns has changed.
HANDOVER_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "单位名称"),
    ("address", "通讯地址"),
    ("postcode", "邮政编码"),
    *((f"{role}_{f}", f"{role_label}{'' if f == 'name' else CONTACT_FIELD_LABELS[f]}")
      for role, role_label in CONTACT_LABELS.items()
      for f in ("name", "position", "mobile", "landline", "wechat", "email")),
)  # fmt: skip


def _handover_field(text: str) -> tuple[str, str]:
    """A field named by its key, its form label (联络员手机) or its register label (联络员姓名)."""
    text = text.strip()
    for key, label in HANDOVER_FIELDS:
        if text in (key, label, FIELD_LABELS.get(key)):
            return key, label
    labels = "、".join(label for _k, label in HANDOVER_FIELDS)
    raise ValidationError({"changes": f"变更事项：“{text}”不是可变更的项目（可写：{labels}）"})


def parse_changes(member: Member, text: str) -> tuple[HandoverChange, ...]:
    """``联络员手机=13907123456`` lines → changes with the member's current value as the old one."""
    changes = []
    for number, line in enumerate((text or "").splitlines(), 1):
        if not line.strip():
            continue
        item, sep, new = line.replace("＝", "=").partition("=")
        if not sep:
            raise ValidationError({"changes": f"变更事项第 {number} 行：应写成“项目=新内容”"})
        key, label = _handover_field(item)
        old = getattr(member, key)
        changes.append(HandoverChange(label, None if old is None else str(old), new.strip() or None))
    return tuple(changes)


def handover_input(member: Member, *, changes: Sequence[HandoverChange] = (), reported_on: dt.date | None = None,
                   form_date: dt.date | None = None, note: str | None = None) -> HandoverFormInput:  # fmt: skip
    # What the office has on file (empty items left out: the form has blank rows to add them).
    current = tuple(HandoverChange(label, str(getattr(member, key)))
                    for key, label in HANDOVER_FIELDS if getattr(member, key) not in (None, ""))  # fmt: skip
    return HandoverFormInput(
        member_name=member.name, member_number=member.member_number, changes=tuple(changes), current=current,
        reported_on=reported_on, mentor_name=member.mentor.full_name if member.mentor else None,
        form_date=form_date, note=note or None,
    )  # fmt: skip


def withdrawal_grounds(session: Session, member: Member) -> WithdrawalGrounds:
    """The grounds of R-12.1 the records show for ``member``.

    The register keeps no dues payments or activity attendance yet (later issues add them), so
    nothing is found here today; the grounds come from the options the office gives."""
    return WithdrawalGrounds()


def withdrawal_input(session: Session, member: Member, grounds: WithdrawalGrounds, *,
                     notice_date: dt.date | None = None, response_days: int | None = None,
                     notice_number: str | None = None) -> WithdrawalNoticeInput:  # fmt: skip
    notice_date = notice_date or clock_of(session).today()
    days = response_days or get_setting(session, NOTICE_RESPONSE_DAYS)
    mentor: Staff | None = member.mentor
    contact = phone = None
    if mentor is not None and (mentor.landline or mentor.mobile):
        contact, phone = f"{mentor.full_name}（班主任）", mentor.landline or mentor.mobile
    person, _phone = _person(member, "legal_representative")
    return WithdrawalNoticeInput(
        member_name=member.name, grounds=grounds, notice_date=notice_date,
        response_deadline=notice_date + dt.timedelta(days=days), member_number=member.member_number,
        addressee=person, address=member.address, postcode=member.postcode, contact_name=contact,
        contact_phone=phone, notice_number=notice_number or None,
    )  # fmt: skip


def scheduled_dues(session: Session, member: Member) -> Decimal:
    """The member's level's annual dues (setting ``membership.levels``)."""
    for level in levels(session):
        if level["code"] == member.level:
            return to_amount(level.get("annual_dues", 0))
    return Decimal("0.00")


def application_form_input(session: Session, member: Member) -> ApplicationFormInput:
    """The application form pre-filled from a member's register entry (re-filing, copies)."""
    return ApplicationFormInput(
        name=member.name, uscc=member.uscc, category=CATEGORY_LABELS.get(member.category),
        level=_level_name(session, member), address=member.address, postcode=member.postcode,
        main_business=member.main_business, qualification=member.qualification,
        legal_representative=_contact(member, "legal_representative"), principal=_contact(member, "principal"),
        liaison=_contact(member, "liaison"),
        application_date=member.join_date, application_number=None,
    )  # fmt: skip


def filing_form_input(session: Session, member: Member) -> FilingFormInput:
    return FilingFormInput(
        name=member.name, uscc=member.uscc, category=CATEGORY_LABELS.get(member.category),
        address=member.address, postcode=member.postcode, main_business=member.main_business,
        qualification=member.qualification,
        contacts=tuple(_contact(member, role) for role in CONTACT_LABELS),
        member_number=member.member_number, mentor_name=member.mentor.full_name if member.mentor else None,
        filing_date=clock_of(session).today(),
    )  # fmt: skip


# --- choosing members --------------------------------------------------------------------------


def select_members(session: Session, *, member_ids: Sequence[int] = (), member_numbers: Sequence[str] = (),
                   all_active: bool = False) -> list[Member]:  # fmt: skip
    """The members to print for, in the order given (all active ones by member number)."""
    chosen: dict[int, Member] = {}
    if all_active:
        query = select(Member).where(Member.status == MemberStatus.ACTIVE).order_by(Member.member_number)
        chosen.update((m.id, m) for m in session.scalars(query))
    if member_ids:
        found = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(list(member_ids))))}
        missing = [str(i) for i in member_ids if i not in found]
        if missing:
            raise NotFound(f"找不到这些会员（可能已被删除）：{'、'.join(missing)}")
        for member_id in member_ids:
            chosen.setdefault(member_id, found[member_id])
    if member_numbers:
        wanted = [n.strip().upper() for n in member_numbers if n.strip()]
        found_numbers = {m.member_number: m for m in session.scalars(select(Member).where(Member.member_number.in_(wanted)))}
        missing = [n for n in wanted if n not in found_numbers]
        if missing:
            raise NotFound(f"没有这些会员编号：{'、'.join(missing)}")
        for number in wanted:
            member = found_numbers[number]
            chosen.setdefault(member.id, member)
    return list(chosen.values())


# --- generating --------------------------------------------------------------------------------


@dataclass
class Generated:
    """What ``generate`` made: the report of the drawing plus the service's own problems."""

    kind: str
    path: Path
    report: BuildReport
    problems: list[Problem] = field(default_factory=list)
    issued_numbers: list[str] = field(default_factory=list)  # receipt numbers handed out

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if not p.drawn]

    def summary(self) -> str:
        title = KINDS[self.kind].title
        text = f"{title}：已生成 {self.report.drawn} 份，共 {self.report.pages} 页"
        if self.skipped:
            text += f"；{len(self.skipped)} 项未能生成"
        warnings = len(self.problems) - len(self.skipped)
        if warnings:
            text += f"；{warnings} 项需要留意"
        return text + "。"


def _items(
    session: Session, actor: Actor, kind: str, members: list[Member], options: dict[str, Any],
    problems: list[Problem], issued: list[str],
) -> list[Any]:  # fmt: skip
    """The kind's inputs for ``members`` (problems found here are appended to ``problems``)."""
    if kind == "certificate":
        if options["assign_numbers"] and any(not m.certificate_number for m in members):
            require(actor, Permission.EDIT_MEMBERS)
        items = []
        for member in members:
            if member.status != MemberStatus.ACTIVE:
                problems.append(Problem(MemberRef.of(member), f"会员状态为“{member.status.label}”，不发会员证"))
                continue
            if not member.certificate_number and options["assign_numbers"]:
                number = assign_certificate_number(session, member)
                audit.record(session, actor, "assign_certificate_number", "member", member.id,
                             f"打印会员证时分配会员证编号 {number}", {"certificate_number": None},
                             {"certificate_number": number})  # fmt: skip
            items.append(certificate_input(session, member, options["issue_date"], options["validity_years"]))
        return items
    if kind == "plaque-order":
        return [plaque_input(session, m, year=options["year"], size=options["size"], material=options["material"],
                             quantity=options["quantity"]) for m in members]  # fmt: skip
    if kind == "handover-form":
        if not members:
            return [HandoverFormInput(member_name="", form_date=options["form_date"])]
        if options["changes"] and len(members) > 1:
            raise ValidationError({"changes": "变更事项：只能为一个会员填写变更事项"})
        return [handover_input(m, changes=parse_changes(m, options["changes"]), reported_on=options["reported_on"],
                               form_date=options["form_date"], note=options["note"]) for m in members]  # fmt: skip
    if kind == "withdrawal-notice":
        given = WithdrawalGrounds(options["unpaid_years"], options["no_activity_since"],
                                  options["disqualification"] or None)  # fmt: skip
        if options["notice_number"] and len(members) > 1:
            raise ValidationError({"notice_number": "文号：只能为一个会员指定文号"})
        items = []
        for member in members:
            found = withdrawal_grounds(session, member)
            grounds = WithdrawalGrounds(
                found.unpaid_years or given.unpaid_years,
                found.no_activity_since or given.no_activity_since,
                found.disqualification or given.disqualification,
            )
            if member.status != MemberStatus.ACTIVE:
                problems.append(Problem(MemberRef.of(member), f"会员状态为“{member.status.label}”，无需告知"))
                continue
            items.append(withdrawal_input(session, member, grounds, notice_date=options["notice_date"],
                                          response_days=options["response_days"],
                                          notice_number=options["notice_number"]))  # fmt: skip
        return items
    if kind == "dues-receipt":
        return _receipts(session, actor, members, options, problems, issued)
    if kind == "application-form":
        return [application_form_input(session, m) for m in members] or [ApplicationFormInput()]
    if kind == "filing-form":
        return [filing_form_input(session, m) for m in members] or [FilingFormInput()]
    if kind in ("labels", "envelopes"):
        return [address_input(m, options["recipient"]) for m in members]
    return []


def _taken_receipts(_number: str) -> bool:
    # Receipt numbers live only in the sequence and the audit log until the dues issue adds its
    # payments table; the sequence never hands a number out twice.
    return False


def _receipts(
    session: Session, actor: Actor, members: list[Member], options: dict[str, Any], problems: list[Problem],
    issued: list[str],
) -> list[DuesReceiptInput]:  # fmt: skip
    given_number = options["receipt_number"]
    if given_number and len(members) > 1:
        raise ValidationError({"receipt_number": "收据编号：补打时只能选一个会员"})
    years = options["years"]
    items = []
    for member in members:
        scheduled = scheduled_dues(session, member) * len(years)
        amount = options["amount"] if options["amount"] is not None else scheduled
        if amount <= 0:
            problems.append(Problem(MemberRef.of(member), "金额为零：该会员级别没有设置年度会费，请填写金额"))
            continue
        number = given_number or next_number(session, "receipt", RECEIPT_NUMBER_FORMAT, _taken_receipts)
        item = DuesReceiptInput(
            receipt_number=number, payer=member.name, years=years, amount=amount, date=options["date"],
            member_number=member.member_number,
            received_by=options["received_by"] or (actor.full_name if actor.id is not None else None),
            payment_method=options["payment_method"] or None, note=options["note"] or None,
        )  # fmt: skip
        if amount < scheduled:
            # less than the scheduled dues needs the resident leader's written consent.
            problems.append(Problem(item, f"金额低于应缴会费 {scheduled:,.2f} 元：减免须有驻会领导书面同意（第八条第（五）项）",
                                    drawn=True))  # fmt: skip
        if not given_number:
            issued.append(number)
            audit.record(session, actor, "issue_receipt", "member", member.id,
                         f"开具会费收据 {number}：{member.name}，{'、'.join(map(str, years))}年度，{amount:,.2f} 元",
                         after={"receipt_number": number, "years": list(years), "amount": str(amount),
                                "date": options["date"]})  # fmt: skip
        items.append(item)
    return items


def generate(
    session: Session,
    actor: Actor,
    kind: str,
    out: str | Path,
    *,
    member_ids: Sequence[int] = (),
    member_numbers: Sequence[str] = (),
    all_active: bool = False,
    options: dict[str, Any] | None = None,
    certificate_offset_mm: tuple[float, float] = (0.0, 0.0),
    certificate_background: bool = False,
    progress: Progress | None = None,
) -> Generated:
    """Make ``kind`` for the chosen members into ``out`` (.pdf, or .xlsx for the plaque order).

    The file appears only when the whole run succeeded: a cancelled run (``progress`` raising
    ``Cancelled``) or a character no font has leaves no file, and the caller's transaction is
    rolled back so no receipt number is used up.
    """
    spec = get_kind(kind)
    require(actor, KIND_PERMISSIONS[kind])
    out = Path(out)
    fmt = out.suffix.lower().lstrip(".") or "pdf"
    if fmt not in spec.formats:
        raise ValidationError({"out": f"输出文件：{spec.title}只能保存为 {'、'.join(spec.formats).upper()} 文件"})
    checked = check_options(session, kind, options)
    members = select_members(session, member_ids=member_ids, member_numbers=member_numbers, all_active=all_active)
    if spec.needs_members and not members and not spec.blank_allowed:
        raise ValidationError({"members": "请选择会员（或选择全部正常会员）"})
    context = document_context(
        session,
        certificate_offset_mm=certificate_offset_mm,
        certificate_background=certificate_background,
        label_sheet_choice=checked.get("sheet", LABEL_SHEET_SETTING),
        label_skip=checked.get("skip", 0),
        envelope_size=checked.get("size") if kind == "envelopes" else None,
        plaque_vendor=checked.get("vendor") if kind == "plaque-order" else None,
    )
    problems: list[Problem] = []
    issued: list[str] = []
    items = _items(session, actor, kind, members, checked, problems, issued)
    if members and not items:
        raise NothingPrinted(problems, spec.title)  # rolls back: no receipt number is used up
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed at the end: never half a file under the real name.
    handle, temp_name = tempfile.mkstemp(prefix=".partial-", suffix=out.suffix, dir=out.parent)
    os.close(handle)
    try:
        if fmt == "xlsx":
            from desktop_app.spreadsheets.plaque_order import write_plaque_order

            report = write_plaque_order(temp_name, items, context, progress)
        else:
            report = spec.build(temp_name, items, context, progress)
        if members and report.drawn == 0:
            raise NothingPrinted(problems + report.problems, spec.title)
        os.replace(temp_name, out)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    # issue 10: every output of personal data is in the audit log (who, what, how many)
    audit.record(session, actor, "print", "document", None,
                 f"生成{spec.title}（{fmt.upper()}）{report.drawn} 份，{len(members)} 个会员",
                 after={"kind": kind, "format": fmt, "members": len(members), "drawn": report.drawn})  # fmt: skip
    return Generated(kind, out, report, problems + report.problems, issued)


# --- office-wide document settings -----------------------------------------------------------


def _check_image(data: bytes, label: str, key: str) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            if image.format not in ("PNG", "JPEG"):
                raise ValidationError({key: f"{label}：应为 PNG 或 JPEG 图片"})
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError({key: f"{label}：无法识别的图片文件"}) from None
    if len(data) > 5 * 1024 * 1024:
        raise ValidationError({key: f"{label}：图片过大（最多 5 MB）"})


def set_seal_image(session: Session, actor: Actor, data: bytes | None) -> None:
    """Store (or with ``None`` remove) the association's seal, a PNG with a transparent background."""
    if data:
        _check_image(data, "协会印章图片", SEAL_IMAGE.key)
    set_setting(session, actor, SEAL_IMAGE, base64.b64encode(data).decode("ascii") if data else "")


def set_certificate_background(session: Session, actor: Actor, data: bytes | None) -> None:
    if data:
        _check_image(data, "会员证底纹扫描图", CERTIFICATE_BACKGROUND.key)
    set_setting(session, actor, CERTIFICATE_BACKGROUND, base64.b64encode(data).decode("ascii") if data else "")


def set_document_font(session: Session, actor: Actor, style: str, path: str) -> None:
    """Point a style at a font file, after checking ReportLab can embed it and it has Chinese."""
    from desktop_app.documents.fonts import STYLES, FontSet

    if style not in (*STYLES, "fallback"):
        raise ValidationError({"style": f"字体类别：“{style}”未知"})
    path = (path or "").strip()
    if path:
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        if not Path(path).is_file():
            raise ValidationError({"path": f"字体文件：找不到“{path}”"})
        try:
            face = TTFont("office-check", path, subfontIndex=0).face
        except (TTFError, OSError) as exc:
            raise ValidationError({"path": f"字体文件：不能嵌入 PDF（{exc}）。请选 TrueType 字体（.ttf/.ttc）"}) from None
        probe = "𠀀" if style == "fallback" else "会员单位"
        if any(ord(c) not in face.charToGlyph for c in probe):
            raise ValidationError({"path": f"字体文件：“{Path(path).name}”没有“{probe}”等汉字"})
        FontSet({style: path})  # registers it now, so the first print run does not pay for it
    fonts = get_setting(session, DOCUMENT_FONTS)
    fonts = dict(fonts) if isinstance(fonts, dict) else {}
    fonts[style] = path
    set_setting(session, actor, DOCUMENT_FONTS, fonts)
