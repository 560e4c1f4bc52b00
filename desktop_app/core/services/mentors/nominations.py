"""Outstanding liaisons (优秀通联员, R-10.5): for liaisons who respond actively, the mentor nominates
them to the secretariat for a period — a year (``2026``) or a half year (``2026H1``, ``2026H2``) —
with a reason; the secretariat records its decision; the list of a period goes to Excel.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import LiaisonNomination, Member, MemberStatus, NominationDecision, Staff
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.mentors.scope import Checker, member_for, own_only, staff_names
from desktop_app.core.settings import ASSOCIATION_NAME, get_setting
from desktop_app.errors import ConflictError, NotFound, ValidationError
from desktop_app.messages import say
from desktop_app.records import SheetTable

DECISION_LABELS = {
    NominationDecision.PENDING: "待决定",
    NominationDecision.APPROVED: "已评为优秀通联员",
    NominationDecision.DECLINED: "未评选",
}
_PERIOD = re.compile(r"^(\d{4})(?:年度|年)?(?:[-\s]?(H1|H2|上半年|下半年))?$")


def parse_period(text: str | None) -> str:
    """``2026``, ``2026年``, ``2026H1``, ``2026-H2``, ``2026年上半年`` … → ``2026`` / ``2026H1`` / ``2026H2``."""
    raw = unicodedata.normalize("NFKC", str(text or "")).strip().upper().replace("年度", "年")
    match = _PERIOD.match(raw.replace("上半年", "H1").replace("下半年", "H2").replace("年H", "H"))
    if match is None or not 2000 <= int(match.group(1)) <= 2100:
        raise ValidationError({"period": say("mentors.nominations.bad_period", value=text or "")})
    return match.group(1) + (match.group(2) or "")


def period_label(period: str) -> str:
    year, half = period[:4], period[4:]
    return f"{year}年" + {"H1": "上半年", "H2": "下半年"}.get(half, "")


def period_start(period: str) -> dt.date:
    return dt.date(int(period[:4]), 7 if period.endswith("H2") else 1, 1)


def current_period(today: dt.date, *, half: bool = True) -> str:
    return f"{today.year}" + (("H1" if today.month <= 6 else "H2") if half else "")


def periods_around(today: dt.date) -> list[str]:
    """The periods a nomination is usually for: this half year and year, and the previous ones."""
    previous_half = f"{today.year - 1}H2" if today.month <= 6 else f"{today.year}H1"
    return list(dict.fromkeys([current_period(today), str(today.year), previous_half, str(today.year - 1)]))


@dataclass(frozen=True)
class NominationRow:
    id: int
    member_id: int
    member_number: str
    member_name: str
    period: str
    liaison_name: str
    liaison_position: str | None
    liaison_mobile: str | None
    reason: str
    nominated_by: str | None
    nominated_on: dt.date
    decision: NominationDecision
    decided_by: str | None
    decided_on: dt.date | None
    decision_note: str | None

    @property
    def period_label(self) -> str:
        return period_label(self.period)

    @property
    def decision_label(self) -> str:
        return DECISION_LABELS[self.decision]


def _row(n: LiaisonNomination, member: Member, names: dict[int, str]) -> NominationRow:
    return NominationRow(
        n.id,
        member.id,
        member.member_number,
        member.name,
        n.period,
        n.liaison_name,
        n.liaison_position,
        n.liaison_mobile,
        n.reason,
        names.get(n.nominated_by_id or 0),
        n.nominated_on,
        n.decision,
        names.get(n.decided_by_id or 0),
        n.decided_on,
        n.decision_note,
    )


def nominate(session: Session, actor: Actor, member_id: int, period: str, reason: str) -> NominationRow:
    """The mentor nominates its member's liaison as outstanding liaison for ``period`` (R-10.5)."""
    member = member_for(session, actor, member_id, Permission.NOMINATE_LIAISONS)
    check = Checker(session)
    try:
        code = parse_period(period)
    except ValidationError as exc:
        check.errors.update(exc.errors)
        code = None
    text = check.notes({"reason": reason}, "reason", "推荐理由", 2000, required=True)
    check.done()
    assert code is not None and text is not None
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(
            {"member": say("mentors.nominations.member_not_active", name=member.name, label=member.status.label)}
        )
    if not member.liaison_name:
        raise ValidationError({"member": say("mentors.nominations.no_liaison", name=member.name)})
    if period_start(code) > check.today:
        raise ValidationError(
            {"period": say("mentors.nominations.period_not_started", period_label=period_label(code))}
        )
    clash = session.scalar(
        select(LiaisonNomination).where(LiaisonNomination.member_id == member.id, LiaisonNomination.period == code)
    )
    if clash is not None:
        raise ValidationError(
            {
                "period": say(
                    "mentors.nominations.already_nominated",
                    period_label=period_label(code),
                    liaison_name=clash.liaison_name,
                    nominated_on=clash.nominated_on,
                )
            }
        )
    nomination = LiaisonNomination(
        member_id=member.id,
        period=code,
        liaison_name=member.liaison_name,
        liaison_position=member.liaison_position,
        liaison_mobile=member.liaison_mobile,
        reason=text,
        nominated_by_id=actor.id,
        nominated_on=check.today,
        decision=NominationDecision.PENDING,
        created_at=clock_of(session).now(),
    )
    session.add(nomination)
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise ConflictError(say("mentors.nominations.nominated_meanwhile", period_label=period_label(code))) from exc
    audit.record(
        session,
        actor,
        "create",
        "liaison_nomination",
        nomination.id,
        say(
            "mentors.nominations.history.nominated",
            name=member.name,
            liaison_name=member.liaison_name,
            period_label=period_label(code),
        ),
        after={"member_id": member.id, "period": code, "liaison_name": member.liaison_name},
    )
    return _row(nomination, member, {actor.id or 0: actor.full_name})


def decide_nomination(
    session: Session, actor: Actor, nomination_id: int, approved: bool, note: str | None = None
) -> NominationRow:
    """The secretariat's decision on a nomination (a decline says why)."""
    require(actor, Permission.DECIDE_MENTOR_SUBMISSIONS)
    nomination = session.get(LiaisonNomination, nomination_id)
    if nomination is None:
        raise NotFound(say("mentors.nominations.not_found"))
    if nomination.decision != NominationDecision.PENDING:
        raise ConflictError(
            say(
                "mentors.nominations.already_decided",
                decided_on=nomination.decided_on,
                DECISION_LABELS=DECISION_LABELS[nomination.decision],
            )
        )
    check = Checker(session)
    text = check.notes({"note": note}, "note", "说明", 300, required=not approved)
    check.done()
    nomination.decision = NominationDecision.APPROVED if approved else NominationDecision.DECLINED
    nomination.decided_by_id, nomination.decided_on, nomination.decision_note = actor.id, check.today, text
    member = session.get(Member, nomination.member_id)
    assert member is not None
    audit.record(
        session,
        actor,
        "decide",
        "liaison_nomination",
        nomination.id,
        say(
            "mentors.nominations.history.decided",
            DECISION_LABELS=DECISION_LABELS[nomination.decision],
            name=member.name,
            liaison_name=nomination.liaison_name,
            period_label=period_label(nomination.period),
        ),
        {"decision": NominationDecision.PENDING},
        {"decision": nomination.decision, "note": text},
    )
    session.flush()
    return _row(nomination, member, staff_names(session, [nomination.nominated_by_id, actor.id]))


def nominations(
    session: Session,
    actor: Actor,
    *,
    period: str | None = None,
    member_id: int | None = None,
    decision: NominationDecision | None = None,
) -> list[NominationRow]:
    """Nominations of a period (a year's list includes its half years), by mentor then member.
    A mentor sees its own nominations and its members'."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    query = select(LiaisonNomination, Member).join(Member, Member.id == LiaisonNomination.member_id)
    if period:
        code = parse_period(period)
        query = query.where(
            LiaisonNomination.period.in_([code, f"{code}H1", f"{code}H2"])
            if len(code) == 4
            else LiaisonNomination.period == code
        )
    if member_id is not None:
        member_for(session, actor, member_id, Permission.VIEW_MENTOR_WORK)
        query = query.where(LiaisonNomination.member_id == member_id)
    if decision is not None:
        query = query.where(LiaisonNomination.decision == decision)
    if own_only(actor):
        query = query.where(or_(LiaisonNomination.nominated_by_id == actor.id, Member.mentor_id == actor.id))
    query = query.outerjoin(Staff, Staff.id == LiaisonNomination.nominated_by_id).order_by(
        LiaisonNomination.period.desc(), Staff.full_name, Member.member_number
    )
    rows = session.execute(query).all()
    names = staff_names(session, [i for n, _m in rows for i in (n.nominated_by_id, n.decided_by_id)])
    return [_row(n, m, names) for n, m in rows]


def nominations_table(session: Session, actor: Actor, period: str) -> SheetTable:
    """The list of a period as a workbook table (title, the association, the date)."""
    code = parse_period(period)
    rows = nominations(session, actor, period=code)
    today = clock_of(session).today()
    approved = sum(1 for r in rows if r.decision == NominationDecision.APPROVED)
    return SheetTable(
        sheet_name=f"{period_label(code)}优秀通联员",
        heading=[
            f"{get_setting(session, ASSOCIATION_NAME)}{period_label(code)}优秀通联员推荐名单",
            f"制表日期：{today:%Y-%m-%d}　共 {len(rows)} 人，已评为优秀通联员 {approved} 人",
        ],
        columns=[
            ("序号", 6, True),
            ("评选期", 12, True),
            ("会员编号", 14, True),
            ("会员单位", 36, False),
            ("联络员", 10, True),
            ("职务", 14, True),
            ("手机", 14, True),
            ("推荐班主任", 11, True),
            ("推荐日期", 12, True),
            ("推荐理由", 40, False),
            ("决定", 16, True),
            ("说明", 24, False),
        ],
        rows=[
            [
                i,
                r.period_label,
                r.member_number,
                r.member_name,
                r.liaison_name,
                r.liaison_position or "",
                r.liaison_mobile or "",
                r.nominated_by or "",
                r.nominated_on,
                r.reason,
                r.decision_label,
                r.decision_note or "",
            ]
            for i, r in enumerate(rows, 1)
        ],
        footing=[
            "依据《武汉建筑业协会会籍管理和秘书处人员分工联系会员制度》（武建协〔2020〕66号）第十条第（五）项：对积极响应的联络员，由班主任向秘书处推荐为优秀通联员。"
        ],
    )


def export_nominations(session: Session, actor: Actor, period: str, out: str | Path | IO[bytes]) -> int:
    """Write the period's list to an Excel workbook (through the one writer); returns the rows."""
    from desktop_app.spreadsheets.tables import write_table_xlsx

    table = nominations_table(session, actor, period)
    write_table_xlsx(table, out)
    audit.record(
        session,
        actor,
        "export",
        "liaison_nomination",
        None,
        say("mentors.nominations.history.exported", sheet_name=table.sheet_name, count=len(table.rows)),
        after={"period": parse_period(period), "rows": len(table.rows)},
    )
    return len(table.rows)
