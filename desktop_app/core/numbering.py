"""Member, certificate and (later) receipt numbers from formats kept in the settings."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import NumberSequence
from desktop_app.core.settings import SettingSpec, get_setting
from desktop_app.errors import ValidationError
from desktop_app.messages import say


def format_number(fmt: str, *, year: int, seq: int) -> str:
    try:
        return fmt.format(year=year, seq=seq)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError({"numbering": say("numbering.bad_format", fmt=fmt, exc=exc)}) from exc


def next_number(
    session: Session,
    sequence: str,
    format_spec: SettingSpec,
    is_taken: Callable[[str], bool],
) -> str:
    """The next free number of ``sequence`` for this year; numbers already used are skipped.

    The sequence row is locked (``FOR UPDATE`` on PostgreSQL; SQLite serialises writers) so two
    workstations never hand out the same number.
    """
    fmt = get_setting(session, format_spec)
    year = clock_of(session).today().year
    period = str(year) if "{year" in fmt else ""
    row = session.scalars(
        select(NumberSequence).where(NumberSequence.name == sequence, NumberSequence.period == period).with_for_update()
    ).first()
    if row is None:
        row = NumberSequence(name=sequence, period=period, last_value=0)
        session.add(row)
    while True:
        row.last_value += 1
        number = format_number(fmt, year=year, seq=row.last_value)
        if not is_taken(number):
            session.flush()
            return number


def next_numbers(
    session: Session,
    sequence: str,
    format_spec: SettingSpec,
    is_taken: Callable[[str], bool],
    count: int,
) -> list[str]:
    """``count`` next free numbers of ``sequence`` at once (an import of thousands of members):
    the same numbers ``next_number`` would hand out one by one, with one lock and one write."""
    if count <= 0:
        return []
    first = next_number(session, sequence, format_spec, is_taken)  # creates and locks the row
    fmt = get_setting(session, format_spec)
    year = clock_of(session).today().year
    period = str(year) if "{year" in fmt else ""
    row = session.get(NumberSequence, (sequence, period))
    assert row is not None
    numbers = [first]
    while len(numbers) < count:
        row.last_value += 1
        number = format_number(fmt, year=year, seq=row.last_value)
        if not is_taken(number):
            numbers.append(number)
    session.flush()
    return numbers
