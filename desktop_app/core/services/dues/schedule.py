"""The dues schedule (R-16.1: the charter decides what each level pays), dues years and their
periods, the first-year rule, and the one amount parser.

Decisions written down here (the regulation leaves them open; each is a setting):

- The *dues year* is the calendar year unless ``dues.year_start_month`` says otherwise; dues year
  2026 with a start in April runs from 2026-04-01 to 2027-03-31.
- The *schedule* (``dues.schedule``) is a list of entries, each effective from a dues year until
  the next entry's year. A change from 2027 is a new entry and leaves 2026 as it was; a year that
  has been billed cannot have its entry changed (the bills keep their amounts anyway).
- A member's *first year* starts at registration (``dues.first_year``): the whole year's dues
  (``full``, the default), the months left in the dues year counting the month of joining, in
  whole yuan (``pro_rata``: joined 26 November, two months of twelve), or nothing until the next
  dues year (``free``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import BillBasis, DuesBill
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.settings import (
    DUES_FIRST_YEAR,
    DUES_SCHEDULE,
    DUES_YEAR_START_MONTH,
    get_setting,
    level_names,
    levels,
    set_setting,
)
from desktop_app.documents.numerals import to_amount
from desktop_app.errors import ValidationError
from desktop_app.messages import say

FIRST_YEAR_RULES = {"full": "全年", "pro_rata": "按月折算", "free": "当年免缴"}
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def parse_amount(value: Any, field: str = "amount", label: str = "金额", *, positive: bool = True) -> Decimal:
    """A money amount typed or imported: ``to_amount``'s rules (two decimals, no negatives …), and
    above zero unless ``positive`` is False."""
    amount = to_amount(value, field, label)
    if positive and amount <= 0:
        raise ValidationError({field: say("dues.schedule.must_be_positive", label=label)})
    return amount


def check_year(value: Any, field: str = "year", label: str = "会费年度") -> int:
    text = str(value if value is not None else "").strip().removesuffix("年度").removesuffix("年")
    if not text.isdigit() or not EARLIEST_YEAR <= int(text) <= LATEST_YEAR:
        raise ValidationError({field: say("dues.schedule.not_a_year", label=label, value=value)})
    return int(text)


# --- dues years ---------------------------------------------------------------------------------


def year_start_month(session: Session) -> int:
    month = get_setting(session, DUES_YEAR_START_MONTH)
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError(
            {DUES_YEAR_START_MONTH.key: say("dues.schedule.month_range", label=DUES_YEAR_START_MONTH.label)}
        )
    return month


def year_of(start_month: int, day: dt.date) -> int:
    """The dues year ``day`` falls in."""
    return day.year if day.month >= start_month else day.year - 1


def period_of(start_month: int, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of dues year ``year``."""
    start = dt.date(year, start_month, 1)
    following = dt.date(year + 1, start_month, 1)
    return start, following - dt.timedelta(days=1)


def period(session: Session, year: int) -> tuple[dt.date, dt.date]:
    return period_of(year_start_month(session), year)


def dues_year_of(session: Session, day: dt.date) -> int:
    return year_of(year_start_month(session), day)


def current_year(session: Session) -> int:
    return dues_year_of(session, clock_of(session).today())


def year_label(start_month: int, year: int) -> str:
    """“2026年度”; with a dues year not on the calendar “2026年度（2026年4月—2027年3月）”."""
    if start_month == 1:
        return f"{year}年度"
    end = period_of(start_month, year)[1]
    return f"{year}年度（{year}年{start_month}月—{end.year}年{end.month}月）"


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding day ``months`` later; the month's last day when there is none (as the
    Civil Code counts periods, 第二百零三条)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError(day)  # pragma: no cover


# --- the schedule -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleEntry:
    from_year: int
    amounts: dict[str, Decimal]  # level code -> annual dues
    note: str = ""


def schedule(session: Session) -> list[ScheduleEntry]:
    """The schedule, oldest entry first, each amount checked."""
    raw = get_setting(session, DUES_SCHEDULE)
    key, label = DUES_SCHEDULE.key, DUES_SCHEDULE.label
    if not isinstance(raw, list):
        raise ValidationError({key: say("dues.schedule.bad_format", label=label)})
    entries = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("amounts"), dict):
            raise ValidationError({key: say("dues.schedule.bad_format", label=label)})
        year = check_year(item.get("from_year"), key, f"{label}：起始年度")
        amounts = {
            str(code): parse_amount(value, key, f"{label}：{year}年度起“{code}”", positive=False)
            for code, value in item["amounts"].items()
        }
        entries.append(ScheduleEntry(year, amounts, str(item.get("note") or "")))
    entries.sort(key=lambda e: e.from_year)
    if len({e.from_year for e in entries}) != len(entries):
        raise ValidationError({key: say("dues.schedule.two_rates_same_year", label=label)})
    return entries


def entry_for(entries: list[ScheduleEntry], year: int) -> ScheduleEntry | None:
    found = None
    for entry in entries:
        if entry.from_year <= year:
            found = entry
    return found


def level_amounts(session: Session, year: int) -> dict[str, Decimal]:
    """Each level's annual dues in ``year`` as the schedule states them (0: the level pays none)."""
    entry = entry_for(schedule(session), year)
    return dict(entry.amounts) if entry is not None else {}


def amounts_for_year(session: Session, year: int) -> dict[str, Decimal]:
    """Each level's annual dues in ``year`` (levels with no amount, or 0, are left out)."""
    return {code: amount for code, amount in level_amounts(session, year).items() if amount > 0}


def annual_dues(session: Session, level: str, year: int | None = None) -> Decimal | None:
    """The annual dues of ``level`` in dues ``year`` (this dues year by default) from the schedule;
    None for a level the schedule does not price that year — the caller says what that means,
    never a silent 0."""
    return amounts_for_year(session, current_year(session) if year is None else year).get(level)


def billed_years(session: Session) -> set[int]:
    return set(session.scalars(select(DuesBill.year).where(DuesBill.cancelled_at.is_(None)).distinct()))


def set_schedule_entry(
    session: Session, actor: Actor, from_year: Any, amounts: dict[str, Any], note: Any = ""
) -> list[ScheduleEntry]:
    """Add (or, for a year nothing has been billed in yet, change) the schedule entry effective
    from ``from_year``: an amount for every level. A change never rewrites a year already billed:
    such a change is refused with the first year it may take effect from."""
    require(actor, Permission.MANAGE_SETTINGS)
    year = check_year(from_year, "from_year", "起始年度")
    names = level_names(session)
    errors: dict[str, str] = {}
    checked: dict[str, Decimal] = {}
    for code, name in names.items():
        if amounts.get(code) in (None, ""):
            errors[code] = say("dues.schedule.amount_required", name=name)
            continue
        try:
            checked[code] = parse_amount(amounts[code], code, name, positive=False)
        except ValidationError as exc:
            errors.update(exc.errors)
    unknown = sorted(set(amounts) - set(names))
    if unknown:
        errors["amounts"] = say("dues.schedule.unknown_levels", join="、".join(unknown))
    if errors:
        raise ValidationError(errors)
    entries = schedule(session)
    # The years this change would alter: from ``year`` until the next entry (or for ever).
    later = [e.from_year for e in entries if e.from_year > year]
    until = later[0] - 1 if later else LATEST_YEAR
    previous = entry_for(entries, year)
    affected = sorted(y for y in billed_years(session) if year <= y <= until)
    if affected and (previous is None or previous.amounts != checked):
        first_free = max(affected) + 1
        raise ValidationError(
            {"from_year": say("dues.schedule.year_billed", affected=affected[0], first_free=first_free)}
        )
    kept = [e for e in entries if e.from_year != year]
    kept.append(ScheduleEntry(year, checked, str(note or "").strip()))
    kept.sort(key=lambda e: e.from_year)
    value = [
        {
            "from_year": e.from_year,
            "amounts": {c: int(a) if a == a.to_integral_value() else float(a) for c, a in e.amounts.items()},
            "note": e.note,
        }
        for e in kept
    ]
    set_setting(session, actor, DUES_SCHEDULE, value)
    return kept


# --- the first year -----------------------------------------------------------------------------


def first_year_rule(session: Session) -> str:
    rule = get_setting(session, DUES_FIRST_YEAR)
    if rule not in FIRST_YEAR_RULES:
        raise ValidationError(
            {
                DUES_FIRST_YEAR.key: say(
                    "dues.schedule.unknown_rule",
                    label=DUES_FIRST_YEAR.label,
                    rule=rule,
                    join=list(FIRST_YEAR_RULES),
                )
            }
        )
    return rule


@dataclass(frozen=True)
class Charge:
    """What a member is charged for a year, and why."""

    amount: Decimal
    basis: BillBasis
    note: str | None = None


def charge_for(full: Decimal, join_date: dt.date | None, start: dt.date, end: dt.date, rule: str) -> Charge | None:
    """The year's charge for a member who joined on ``join_date``; None when nothing is billed
    (joined after the year, or the first year is free)."""
    if join_date is None or join_date <= start:
        return Charge(full, BillBasis.YEAR)
    if join_date > end:
        return None
    if rule == "free":
        return None
    if rule == "pro_rata":
        months = (end.year * 12 + end.month) - (join_date.year * 12 + join_date.month) + 1
        amount = (full * months / 12).quantize(Decimal("1"), ROUND_HALF_UP).quantize(CENT)
        return Charge(amount, BillBasis.FIRST_YEAR, f"{join_date:%Y-%m} 入会，按 {months} 个月折算")
    return Charge(full, BillBasis.FIRST_YEAR, f"{join_date:%Y-%m-%d} 入会，入会当年按全年计")


def first_dues_year(session: Session, join_date: dt.date) -> int:
    """The first dues year a member joining on ``join_date`` is billed for."""
    start_month = year_start_month(session)
    year = year_of(start_month, join_date)
    start, _end = period_of(start_month, year)
    if first_year_rule(session) == "free" and join_date > start:
        return year + 1
    return year


def levels_in_order(session: Session) -> list[tuple[str, str]]:
    return [(level["code"], level["name"]) for level in levels(session)]


def last_billed_year(session: Session) -> int | None:
    return session.scalar(select(func.max(DuesBill.year)).where(DuesBill.cancelled_at.is_(None)))
