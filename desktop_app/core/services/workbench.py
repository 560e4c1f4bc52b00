"""The workbench (issue 17): what the signed-in person has to do today, counted in a handful of
queries, each line with the place where the work is done.

One line per kind of work the person's role may do (a line the role cannot act on is not there):

- ``applications``: open applications waiting for a step this person may take (R-5.1 … R-5.6),
  one line per step, opening the admission queue on that step;
- ``print_jobs``: certificates and plaque orders queued at registration, waiting to be printed;
- ``handover_forms``: contact handover forms the office has still to apply or reject (R-9.3);
- ``follow_ups``: follow-ups of the contact log (R-8.2) due today or earlier, not done (a mentor:
  its own members');
- ``arrears``: active members owing dues of a year begun (R-8.5), with the amount and how many owe
  for more than a year (a mentor: its own members);
- ``cancellation_review``: members owing dues for more than a year and not yet in a case — the
  first ground of R-12.1, for the review; ``cases_to_notify``: candidates confirmed, the notice
  not yet issued; ``notice_deadlines``: notices whose response period ends within
  ``reports.notice_deadline_warning_days`` days or has ended (``urgent``);
- ``withdrawal_tasks``: a mentor's tasks after a member left (leaving the WeChat group);
- ``mailing_photos`` / ``mailing_notifications``: envelopes with an important content (invoice,
  certificate …) without a photo, or whose liaison has not been told (R-8.4), in the mailing
  view's own terms (a mentor: its own members);
- ``nominations``: outstanding-liaison nominations waiting for the secretariat's decision (R-10.5);
- ``roster_publication``: the roster was last published more than
  ``reports.roster_publication_days`` days ago, or never (R-9.2).

``count`` is what the line says; ``target`` is the filter the area applies when the line is opened
(plain values: the window maps them onto its widgets).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    ApplicationStage,
    ContactEntry,
    HandoverForm,
    HandoverStatus,
    LiaisonNomination,
    Member,
    MemberStatus,
    NominationDecision,
    PrintJob,
    PrintStatus,
    Role,
)
from desktop_app.core.models.mailing import MailingContent, MailingProof, MailingRecipient, MailingRecipientContent
from desktop_app.core.models.reports import RosterPublication
from desktop_app.core.models.withdrawal import (
    OPEN_CASE_STATUSES,
    CaseStatus,
    TaskStatus,
    WithdrawalCase,
    WithdrawalTask,
)
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import admission, dues
from desktop_app.core.settings import NOTICE_DEADLINE_WARNING_DAYS, ROSTER_PUBLICATION_DAYS, get_setting

# The order of the lines on the workbench: admission first (applicants wait at the door), then
# the register's and the mentors' daily work, dues, withdrawal, mailing, the periodic work.
KEYS = (
    "applications",
    "print_jobs",
    "handover_forms",
    "follow_ups",
    "nominations",
    "arrears",
    "cancellation_review",
    "cases_to_notify",
    "notice_deadlines",
    "withdrawal_tasks",
    "mailing_photos",
    "mailing_notifications",
    "roster_publication",
)


@dataclass(frozen=True)
class WorkItem:
    """One line of the workbench."""

    key: str  # one of KEYS
    count: int  # how many things wait (0: nothing to do)
    area: str  # the main window's area that opens (ui/main_window.py AREAS)
    target: dict[str, Any] = field(default_factory=dict)  # the filter that area applies
    stage: ApplicationStage | None = None  # applications: the step they wait for
    urgent: int = 0  # of ``count``: overdue, past the deadline, over a year
    amount: Decimal | None = None  # arrears: what is owed
    last: dt.date | None = None  # roster_publication: the last one (None: never)
    days: int | None = None  # roster_publication: the reminder's days; notice_deadlines: the warning days

    @property
    def to_do(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class Workbench:
    today: dt.date
    items: tuple[WorkItem, ...]

    def item(self, key: str, stage: ApplicationStage | None = None) -> WorkItem:
        return next(i for i in self.items if i.key == key and (stage is None or i.stage == stage))

    def keys(self) -> list[str]:
        return [i.key for i in self.items]

    @property
    def to_do(self) -> int:
        """How many lines have something to do."""
        return sum(1 for i in self.items if i.to_do)


def workbench(session: Session, actor: Actor) -> Workbench:
    """Today's work for ``actor`` (see the module's docstring). Counts only: a handful of grouped
    queries, no rows loaded."""
    today = clock_of(session).today()
    mentor = actor.role == Role.MENTOR  # a mentor's lines count its own members only
    items: list[WorkItem] = []

    # --- admission (R-5.1 … ): the steps this person may take --------------------------------
    if actor.can(Permission.VIEW_APPLICATIONS):
        steps = [step for step in admission.STEPS[1:] if actor.can(step.permission)]
        if steps:
            waiting = admission.queue_counts(session)
            for step in steps:
                items.append(
                    WorkItem(
                        "applications",
                        int(waiting.get(step.stage, 0)),
                        "admission",
                        {"stage": step.stage.value},
                        stage=step.stage,
                    )
                )
    if actor.can(Permission.PRINT_CERTIFICATES):
        queued = session.scalar(select(func.count(PrintJob.id)).where(PrintJob.status == PrintStatus.QUEUED)) or 0
        items.append(WorkItem("print_jobs", int(queued), "admission", {"print_queue": True}))

    # --- mentors' work (R-8.2, R-9.3, R-10.5) --------------------------------------------------------
    if actor.can(Permission.APPLY_HANDOVER_FORMS):
        pending = session.scalar(
            select(func.count(HandoverForm.id)).where(HandoverForm.status == HandoverStatus.PENDING)
        )
        items.append(WorkItem("handover_forms", int(pending or 0), "mentors", {"tab": "forms", "status": "pending"}))
    if actor.can(Permission.RECORD_MENTOR_WORK) or (mentor and actor.can(Permission.VIEW_MENTOR_WORK)):
        # the open follow-ups are counted per member from their partial index first (a few
        # thousand), then joined to the members by key: not 100,000 members probed one by one
        open_due = (
            select(
                ContactEntry.member_id.label("member_id"),
                func.count(ContactEntry.id).label("due"),
                func.sum(case((ContactEntry.follow_up_due < today, 1), else_=0)).label("late"),
            )
            .where(
                ContactEntry.follow_up_due.is_not(None),
                ContactEntry.follow_up_done_on.is_(None),
                ContactEntry.follow_up_due <= today,
            )
            .group_by(ContactEntry.member_id)
            .subquery()
        )
        query = (
            select(Member.mentor_id, func.sum(open_due.c.due), func.sum(open_due.c.late))
            .select_from(open_due)
            .join(Member, Member.id == open_due.c.member_id)
            .where(Member.status == MemberStatus.ACTIVE)
            .group_by(Member.mentor_id)
        )
        if mentor:
            query = query.where(Member.mentor_id == actor.id)
        per_mentor = [(mentor_id, int(due or 0), int(late or 0)) for mentor_id, due, late in session.execute(query)]
        target: dict[str, Any] = {"tab": "work", "list": "overdue"}
        busiest = max((row for row in per_mentor if row[0] is not None), key=lambda r: (r[2], r[1]), default=None)
        if busiest is not None:
            target["mentor"] = busiest[0]  # the office opens the mentor with the most overdue ones
        items.append(
            WorkItem(
                "follow_ups",
                sum(row[1] for row in per_mentor),
                "mentors",
                target,
                urgent=sum(row[2] for row in per_mentor),
            )
        )
    if actor.can(Permission.DECIDE_MENTOR_SUBMISSIONS):
        undecided = session.scalar(
            select(func.count(LiaisonNomination.id)).where(LiaisonNomination.decision == NominationDecision.PENDING)
        )
        items.append(WorkItem("nominations", int(undecided or 0), "mentors", {"tab": "nominations", "period": None}))

    # --- dues and withdrawal (R-12.1) ---------------------------------------------------------
    owing = None
    if actor.can(Permission.VIEW_DUES) and (mentor or actor.can(Permission.RECORD_DUES_PAYMENTS)):
        owing = dues.arrears_totals(session, actor, on=today)
        items.append(
            WorkItem(
                "arrears",
                owing.members,
                "dues",
                {"tab": "arrears", "over_a_year": False},
                urgent=owing.over_a_year,
                amount=owing.amount,
            )
        )
    if actor.can(Permission.MANAGE_WITHDRAWAL):
        if owing is None and actor.can(Permission.VIEW_DUES):
            owing = dues.arrears_totals(session, actor, on=today)
        warning = _warning_days(session)
        kind = case(
            (WithdrawalCase.status == CaseStatus.CONFIRMED, "confirmed"),
            (
                and_(WithdrawalCase.status == CaseStatus.NOTIFIED, WithdrawalCase.response_deadline < today),
                "passed",
            ),
            (WithdrawalCase.status == CaseStatus.NOTIFIED, "running"),
            else_="other",
        ).label("kind")
        counts: dict[str, int] = {
            str(name): int(n)
            for name, n in session.execute(
                select(kind, func.count(WithdrawalCase.id))
                .where(
                    WithdrawalCase.status.in_(list(OPEN_CASE_STATUSES)),
                    or_(
                        WithdrawalCase.status != CaseStatus.NOTIFIED,
                        WithdrawalCase.response_deadline.is_(None),
                        WithdrawalCase.response_deadline <= today + dt.timedelta(days=warning),
                    ),
                )
                .group_by(kind)
            )
        }
        in_case = 0
        if owing is not None and owing.over_a_year:
            in_case = _over_a_year_in_open_case(session, actor, today)
        items.append(
            WorkItem(
                "cancellation_review",
                max(0, (owing.over_a_year if owing is not None else 0) - in_case),
                "withdrawal",
                {"tab": "review", "run": True},
            )
        )
        items.append(
            WorkItem(
                "cases_to_notify", int(counts.get("confirmed", 0)), "withdrawal", {"tab": "cases", "filter": "open"}
            )
        )
        items.append(
            WorkItem(
                "notice_deadlines",
                int(counts.get("passed", 0)) + int(counts.get("running", 0)),
                "withdrawal",
                {"tab": "cases", "filter": "open"},
                urgent=int(counts.get("passed", 0)),
                days=warning,
            )
        )
    if mentor and actor.can(Permission.COMPLETE_WITHDRAWAL_TASKS):
        tasks = session.scalar(
            select(func.count(WithdrawalTask.id)).where(
                WithdrawalTask.status == TaskStatus.OPEN, WithdrawalTask.mentor_id == actor.id
            )
        )
        items.append(WorkItem("withdrawal_tasks", int(tasks or 0), "withdrawal", {"tab": "tasks"}))

    # --- mailing: photos and the liaison told, in the mailing view's terms ----------------------
    if actor.can(Permission.RECORD_MAILING_PROOF) and (mentor or actor.can(Permission.MANAGE_MAILING)):
        items.extend(_mailing_items(session, actor.id if mentor else None))

    # --- the roster (R-9.2) -----------------------------------------------------------------------------
    if actor.can(Permission.PUBLISH_ROSTER):
        days = get_setting(session, ROSTER_PUBLICATION_DAYS)
        days = days if isinstance(days, int) and not isinstance(days, bool) and days > 0 else 90
        last = session.scalar(select(func.max(RosterPublication.published_on)))
        if isinstance(last, str):  # SQLite returns max() of a date column as text
            last = dt.date.fromisoformat(last[:10])
        overdue = last is None or (today - last).days > days
        items.append(
            WorkItem("roster_publication", int(overdue), "register", {"export_roster": True}, last=last, days=days)
        )

    order = {key: position for position, key in enumerate(KEYS)}
    items.sort(key=lambda i: order[i.key])  # stable: the admission steps stay in their order
    return Workbench(today, tuple(items))


def _warning_days(session: Session) -> int:
    days = get_setting(session, NOTICE_DEADLINE_WARNING_DAYS)
    return days if isinstance(days, int) and not isinstance(days, bool) and days >= 0 else 7


def _over_a_year_in_open_case(session: Session, actor: Actor, today: dt.date) -> int:
    """Of the members owing for more than a year, those already in an open case (the review lists
    them apart): counted over the open cases, a few dozen at most."""
    members = list(
        session.scalars(
            select(WithdrawalCase.member_id)
            .join(Member, Member.id == WithdrawalCase.member_id)
            .where(WithdrawalCase.status.in_(list(OPEN_CASE_STATUSES)), Member.status == MemberStatus.ACTIVE)
            .distinct()
        )
    )
    if not members:
        return 0
    # one grouped query over their open bills, as the review's evidence counts them
    from desktop_app.core.services.dues.arrears import OpenBill, _owing, unpaid_rule

    cutoff = unpaid_rule(session).latest_first_unpaid(today)
    found = 0
    for start in range(0, len(members), 1000):
        found += len(_owing(session, today, OpenBill.member_id.in_(members[start : start + 1000]), over_before=cutoff))
    return found


def _mailing_items(session: Session, mentor_id: int | None) -> list[WorkItem]:
    """Envelopes carrying an important content without a photo / whose liaison was not told, as the
    mailing view's "缺照片" and "未告知联络员" lists count them; the line opens the newest batch
    with such envelopes."""
    important = (
        select(MailingRecipient.id.label("id"), MailingRecipient.batch_id.label("batch_id"))
        .join(MailingRecipientContent, MailingRecipientContent.recipient_id == MailingRecipient.id)
        .join(MailingContent, MailingContent.id == MailingRecipientContent.content_id)
        .where(MailingContent.important.is_(True), MailingRecipient.problem.is_(None))
        .distinct()
    )
    if mentor_id is not None:
        important = important.join(Member, Member.id == MailingRecipient.member_id).where(Member.mentor_id == mentor_id)
    sub = important.subquery()
    photos = select(MailingProof.recipient_id).distinct().subquery()
    rows = session.execute(
        select(
            sub.c.batch_id,
            func.sum(case((photos.c.recipient_id.is_(None), 1), else_=0)),
            func.sum(case((MailingRecipient.notified_at.is_(None), 1), else_=0)),
        )
        .select_from(sub)
        .join(MailingRecipient, MailingRecipient.id == sub.c.id)
        .outerjoin(photos, photos.c.recipient_id == sub.c.id)
        .group_by(sub.c.batch_id)
    ).all()
    no_photo = {batch: int(n or 0) for batch, n, _m in rows if n}
    not_told = {batch: int(m or 0) for batch, _n, m in rows if m}

    def item(key: str, view: str, counts: dict[int, int]) -> WorkItem:
        target: dict[str, Any] = {"view": view, "mine": mentor_id is not None}
        if counts:
            target["batch"] = max(counts)  # the newest batch (ids grow with time) with such envelopes
        return WorkItem(key, sum(counts.values()), "mailing", target, urgent=len(counts))

    return [item("mailing_photos", "no_photo", no_photo), item("mailing_notifications", "not_notified", not_told)]


__all__ = ["KEYS", "WorkItem", "Workbench", "workbench"]
