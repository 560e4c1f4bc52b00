"""Membership spells: every period of membership of a member — joined, left, how, why, decided by
whom. A re-admission opens a new spell (admission's ``register``); withdrawal and cancellation close
the open one; an appeal that restores the membership reopens it.

Members entered before spells were kept (or imported, or generated as demo data) have no rows: the
register's columns describe their one spell (``MembershipSpell.from_register``), and it is written
down the first time a procedure changes it (``ensure_spells``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import Member, MemberStatus
from desktop_app.core.models.withdrawal import MembershipSpell
from desktop_app.core.services.members import get_member


@dataclass(frozen=True)
class SpellRecord:
    """One period of membership as the register and the history tab show it."""

    id: int | None  # None: known only from the register's columns
    joined_on: dt.date | None
    joined_how: str  # 登记入会 / 重新入会 / 补缴会费恢复会籍 / 入会（原有记录）
    left_on: dt.date | None
    left_how: str | None  # 主动退会 / 取消会员资格
    left_reason: str | None
    decided_by: str | None
    member_number: str | None
    certificate_number: str | None
    reopened_on: dt.date | None
    reopened_note: str | None
    case_id: int | None

    @property
    def is_current(self) -> bool:
        return self.left_on is None and self.left_how is None

    def text(self) -> str:
        """“2020-10-27 登记入会 — 2026-11-26 取消会员资格（理由）”"""
        start = f"{self.joined_on.isoformat() if self.joined_on else '日期不详'} {self.joined_how}"
        if self.is_current:
            end = "至今"
        else:
            end = f"{self.left_on.isoformat() if self.left_on else '日期不详'} {self.left_how or ''}"
            if self.left_reason:
                end += f"（{self.left_reason}）"
        reopened = f"；{self.reopened_on.isoformat()} 恢复会籍" if self.reopened_on else ""
        return f"{start} — {end}{reopened}"


def _record(spell: MembershipSpell, stored: bool) -> SpellRecord:
    return SpellRecord(
        id=spell.id if stored else None,
        joined_on=spell.joined_on,
        joined_how=spell.joined_how.label,
        left_on=spell.left_on,
        left_how=spell.left_how.label if spell.left_how else None,
        left_reason=spell.left_reason,
        decided_by=spell.decided_by,
        member_number=spell.member_number,
        certificate_number=spell.certificate_number,
        reopened_on=spell.reopened_on,
        reopened_note=spell.reopened_note,
        case_id=spell.case_id,
    )


def _stored(session: Session, member_id: int) -> list[MembershipSpell]:
    return list(
        session.scalars(
            select(MembershipSpell)
            .where(MembershipSpell.member_id == member_id)
            .order_by(MembershipSpell.joined_on.is_(None).desc(), MembershipSpell.joined_on, MembershipSpell.id)
        )
    )


def spells(session: Session, member_id: int) -> list[SpellRecord]:
    """Every period of membership of the member, oldest first (the register's history tab)."""
    stored = _stored(session, member_id)
    if stored:
        return [_record(spell, True) for spell in stored]
    return [_record(MembershipSpell.from_register(get_member(session, member_id)), False)]


def current_spell(session: Session, member_id: int) -> SpellRecord | None:
    """The open spell (the register's "member since"), or None for a former member."""
    return next((spell for spell in reversed(spells(session, member_id)) if spell.is_current), None)


def ensure_spells(session: Session, member: Member) -> list[MembershipSpell]:
    """The member's spells as rows, writing down the one its columns describe if there are none."""
    stored = _stored(session, member.id)
    if not stored:
        spell = MembershipSpell.from_register(member, clock_of(session).now())
        session.add(spell)
        session.flush()
        stored = [spell]
    return stored


def open_spell_row(session: Session, member: Member) -> MembershipSpell | None:
    return next((spell for spell in reversed(ensure_spells(session, member)) if spell.is_open), None)


Period = tuple[dt.date | None, dt.date | None]  # (joined, left); None: unknown / still a member


def periods(session: Session, members: Iterable[Any]) -> dict[int, list[Period]]:
    """Every member's periods of membership, for the yearly review (one query for the stored spells).
    ``members``: members, or rows with their ``id``, ``status``, ``join_date`` and ``left_date``."""
    members = list(members)
    stored: dict[int, list[Period]] = {}
    ids = [m.id for m in members]
    query = select(MembershipSpell.member_id, MembershipSpell.joined_on, MembershipSpell.left_on).order_by(
        MembershipSpell.member_id, MembershipSpell.joined_on, MembershipSpell.id
    )
    # the whole review reads every spell at once; a few members are asked for by id
    chunks = [ids[start : start + 1000] for start in range(0, len(ids), 1000)] if len(ids) <= 5000 else [None]
    for chunk in chunks:
        for member_id, joined, left in session.execute(
            query if chunk is None else query.where(MembershipSpell.member_id.in_(chunk))
        ):
            stored.setdefault(member_id, []).append((joined, left))
    out: dict[int, list[Period]] = {}
    for member in members:
        if member.id in stored:
            out[member.id] = stored[member.id]
        else:
            left = member.left_date if member.status != MemberStatus.ACTIVE else None
            out[member.id] = [(member.join_date, left)]
    return out


__all__ = ["Period", "SpellRecord", "current_spell", "ensure_spells", "open_spell_row", "periods", "spells"]
