"""Printed documents: who may print which kind, and each kind's inputs with today's defaults
(R-5.1, R-5.6, R-8.4, R-8.5, R-9.4, R-12.1). The window builds its form from ``options_for``, the
command line its options; ``check_options`` turns what was typed into values or Chinese errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.security import PRINT_PERMISSIONS, Actor, Permission
from desktop_app.core.services.members import RECIPIENTS
from desktop_app.core.settings import (
    CERTIFICATE_VALIDITY_YEARS,
    ENVELOPE_SIZE,
    PLAQUE_MATERIAL,
    PLAQUE_SIZE,
    PLAQUE_VENDOR,
)
from desktop_app.core.settings import get_setting as _get_setting
from desktop_app.documents import KINDS, Kind
from desktop_app.documents.numerals import to_amount
from desktop_app.errors import ValidationError
from desktop_app.messages import say

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
        raise ValidationError({"kind": say("documents.unknown_kind", key=key, join=list(KINDS))})
    return KINDS[key]


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
            Option(
                "assign_numbers",
                "为没有会员证编号的会员分配编号",
                "bool",
                False,
                help="需要录入会员资料的权限；分配的编号写入会员资料并记入日志",
            ),
        ]
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
            Option(
                "changes",
                "变更事项（每行“项目=新内容”，如“联络员手机=13907123456”）",
                "lines",
                "",
                help="留空则列出现有资料，由班主任手填变更",
                single_member=True,
            ),
            Option("note", "备注", "text", ""),
        ]
    if kind == "withdrawal-notice":
        # issue 15: a notice is printed only as issued for a confirmed case (文号, date, deadline and
        # grounds recorded in 退会管理); nothing about it is typed in here (services.withdrawal.notices).
        return []
    if kind == "dues-receipt":
        return [
            # A receipt acknowledges a payment recorded in the dues (会费) area: its amount, payer and
            # method come from there, never from what is typed here (issue 13).
            Option("years", "会费年度（打印这些年度的缴款的收据）", "years", (today.year,)),
            Option("date", "开票日期（新开的收据）", "date", today),
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
        raise ValidationError({key: say("documents.date_required", label=label)})
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError({key: say("mailing.not_a_date", label=label, value=value)}) from None


def _parse_years(value: Any, label: str, key: str) -> tuple[int, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, int):
        items: Iterable[Any] = [value]
    elif isinstance(value, str):
        items = [p for p in value.replace("，", ",").replace("、", ",").replace(" ", ",").split(",") if p]
    else:
        items = value
    years: list[int] = []
    for item in items:
        text = str(item).strip().removesuffix("年度").removesuffix("年")
        if "-" in text or "—" in text:  # 2024-2026
            a, _sep, b = text.replace("—", "-").partition("-")
            if a.isdigit() and b.isdigit() and int(a) <= int(b):
                years.extend(range(int(a), int(b) + 1))
                continue
        if not text.isdigit() or not 1990 <= int(text) <= 2100:
            raise ValidationError({key: say("documents.not_a_year", label=label, item=item)})
        years.append(int(text))
    return tuple(sorted(set(years)))


def check_options(session: Session, kind: str, given: dict[str, Any] | None) -> dict[str, Any]:
    """The kind's options: defaults, overridden by ``given``, each parsed and checked."""
    specs = {o.key: o for o in options_for(session, kind)}
    unknown = set(given or {}) - set(specs)
    if unknown:
        raise ValidationError(
            {"options": say("documents.unknown_options", title=KINDS[kind].title, join=list(sorted(unknown)))}
        )
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
                raise ValidationError({key: say("documents.integer", label=spec.label)}) from None
            if out[key] < 0:
                raise ValidationError({key: say("documents.not_negative", label=spec.label)})
        elif spec.type == "amount":
            out[key] = None if value in (None, "") else to_amount(value, key, spec.label)
        elif spec.type == "years":
            out[key] = _parse_years(value, spec.label, key)
        elif spec.type == "choice":
            if key == "sheet" and isinstance(value, str):  # issue 14: "3x7" typed as well as "3×7"
                from desktop_app.documents.labels import sheet_key

                value = sheet_key(value)
            if value not in {v for v, _l in spec.choices}:
                raise ValidationError({key: say("documents.not_a_choice", label=spec.label, value=value)})
            out[key] = value
        elif spec.type == "bool":
            out[key] = bool(value)
        else:
            out[key] = "" if value is None else str(value).strip()
    if kind == "certificate" and not 1 <= out["validity_years"] <= 20:
        raise ValidationError({"validity_years": say("documents.validity_years")})
    if kind == "plaque-order" and out["quantity"] < 1:
        raise ValidationError({"quantity": say("documents.copies_at_least_one")})
    if kind == "dues-receipt" and not out["years"]:
        raise ValidationError({"years": say("documents.year_required")})
    return out
