"""The workbench (issue 17): each line's count equals what the place it opens lists, per role; the
roster publication reminder (R-9.2)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.core.models import ApplicationStage, HandoverStatus, NominationDecision, Role, Staff
from desktop_app.core.models.withdrawal import CaseStatus, Ground, WithdrawalCase
from desktop_app.core.security import Actor
from desktop_app.core.services import admission, dues, mailing, mentors, roster, withdrawal, workbench
from desktop_app.core.settings import ROSTER_PUBLICATION_DAYS, set_setting
from desktop_app.demo import generate_demo
from desktop_app.errors import ValidationError


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    with db.session() as session:
        generate_demo(session, 150, seed=3)
    with db.session() as session:
        by_name = {s.username: Actor.of(s) for s in session.scalars(select(Staff))}
    return by_name


def _mailing_count(session, actor, view: str, mine: bool) -> tuple[int, int | None]:  # type: ignore[no-untyped-def]
    total, newest = 0, None
    for batch in mailing.batch_list(session, actor):
        found = len(mailing.recipient_rows(session, actor, batch.id, view=view, mine=mine))
        total += found
        if found and (newest is None or batch.id > newest):
            newest = batch.id
    return total, newest


def test_the_office_counts_match_their_places(db, demo) -> None:  # type: ignore[no-untyped-def]
    officer = demo["officer"]
    with db.session() as session:
        bench = workbench.workbench(session, officer)
        today = db.clock.today()
        # admission: one line per step the officer may take, none reserved to the resident leader
        stages = [i.stage for i in bench.items if i.key == "applications"]
        assert ApplicationStage.SIGNED_OFF not in stages and ApplicationStage.APPROVED not in stages
        waiting = admission.queue_counts(session)
        for item in bench.items:
            if item.key == "applications":
                assert item.count == waiting[item.stage] and item.area == "admission"
                assert item.target == {"stage": item.stage.value}
        assert bench.item("print_jobs").count == admission.queued_print_count(session)
        forms = mentors.handover_forms(session, officer, status=HandoverStatus.PENDING, limit=None)
        assert bench.item("handover_forms").count == len(forms) > 0
        assert bench.item("handover_forms").target == {"tab": "forms", "status": "pending"}
        overdue = mentors.overdue_follow_ups(session, officer)
        assert bench.item("follow_ups").urgent == len(overdue)
        undecided = mentors.nominations(session, officer, decision=NominationDecision.PENDING)
        assert bench.item("nominations").count == len(undecided)
        owing = dues.arrears(session, officer)
        item = bench.item("arrears")
        assert item.count == len(owing) > 0 and item.urgent == sum(1 for r in owing if r.over_a_year)
        assert item.amount == sum((r.amount for r in owing), start=item.amount * 0)
        candidates = withdrawal.review(session, officer, today)
        unpaid_free = [
            c for c in candidates if c.open_case_id is None and any(g.ground == Ground.UNPAID_DUES for g in c.grounds)
        ]
        assert bench.item("cancellation_review").count == len(unpaid_free)
        confirmed = session.scalars(select(WithdrawalCase).where(WithdrawalCase.status == CaseStatus.CONFIRMED)).all()
        assert bench.item("cases_to_notify").count == len(confirmed)
        for key, view in (("mailing_photos", "no_photo"), ("mailing_notifications", "not_notified")):
            count, newest = _mailing_count(session, officer, view, False)
            assert bench.item(key).count == count
            assert bench.item(key).target.get("batch") == newest and bench.item(key).target["view"] == view
        # never published: the reminder is on
        assert bench.item("roster_publication").count == 1 and bench.item("roster_publication").last is None
        assert bench.keys().index("applications") < bench.keys().index("roster_publication")


def test_a_mentor_sees_its_own_work_only(db, demo) -> None:  # type: ignore[no-untyped-def]
    mentor = next(a for a in demo.values() if a.role == Role.MENTOR and a.username == "mentor01")
    with db.session() as session:
        bench = workbench.workbench(session, mentor)
        assert set(bench.keys()) == {
            "follow_ups",
            "arrears",
            "withdrawal_tasks",
            "mailing_photos",
            "mailing_notifications",
        }
        owing = dues.arrears(session, mentor)
        assert bench.item("arrears").count == len(owing)
        assert bench.item("follow_ups").urgent == len(mentors.overdue_follow_ups(session, mentor))
        count, _newest = _mailing_count(session, mentor, "no_photo", True)
        assert bench.item("mailing_photos").count == count and bench.item("mailing_photos").target["mine"]
        tasks = withdrawal.tasks(session, mentor)
        assert bench.item("withdrawal_tasks").count == len(tasks)


def test_the_resident_leader_sees_its_own_steps(db, demo) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        bench = workbench.workbench(session, demo["leader"])
    assert {i.stage for i in bench.items if i.key == "applications"} == {
        ApplicationStage.APPROVED,
        ApplicationStage.SIGNED_OFF,
    }
    assert "arrears" not in bench.keys() and "roster_publication" not in bench.keys()


def test_the_roster_publication_reminder(db, admin, officer, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        set_setting(session, admin, ROSTER_PUBLICATION_DAYS, 30)
    with db.session() as session:
        assert workbench.workbench(session, officer).item("roster_publication").count == 1
        with pytest.raises(ValidationError, match="网站"):
            roster.record_publication(
                session,
                officer,
                public=False,
                website=True,
                work_group=False,
                members=3,
                file_name=None,
                file_format="pdf",
            )
        roster.record_publication(
            session,
            officer,
            public=True,
            website=True,
            work_group=True,
            members=3,
            file_name="名册.xlsx",
            file_format="xlsx",
        )
    with db.session() as session:
        item = workbench.workbench(session, officer).item("roster_publication")
        assert item.count == 0 and item.last == clock.today() and item.days == 30
        assert roster.publications(session, officer)[0].where_label == "协会网站、内部工作群"
    clock.advance(days=30)
    with db.session() as session:
        assert workbench.workbench(session, officer).item("roster_publication").count == 0
    clock.advance(days=1)
    with db.session() as session:
        item = workbench.workbench(session, officer).item("roster_publication")
        assert item.count == 1 and item.last == clock.today() - dt.timedelta(days=31)
