"""What the services hand the window: plain, frozen records read in one session — never ORM rows
(issue 11). Each record still holds after its session is closed, and cannot be changed by a view."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy.orm import Session

from desktop_app.core.models import ApplicationStage, ApplicationStatus, DocumentKind, EventKind, Role
from desktop_app.core.services import accounts, admission, members, mentors
from desktop_app.records import HistoryEntry
from tests.conftest import make_staff
from tests.core.test_admission import attach_all, create, take, walk


@pytest.fixture
def applicant(member_values: dict) -> dict:
    return {**member_values, "briefing_note": "介绍了协会的职能和会员的权利义务"}


def _plain(value: object) -> None:
    """A frozen dataclass holding no SQLAlchemy object (at any depth of the record's fields)."""
    assert dataclasses.is_dataclass(value) and type(value).__dataclass_params__.frozen  # type: ignore[attr-defined]
    for field in dataclasses.fields(value):  # type: ignore[arg-type]
        item = getattr(value, field.name)
        assert not hasattr(item, "_sa_instance_state"), (type(value).__name__, field.name)
        if dataclasses.is_dataclass(item):
            _plain(item)
        elif isinstance(item, tuple):
            for element in item:
                assert not hasattr(element, "_sa_instance_state"), (type(value).__name__, field.name)


# --- the register ------------------------------------------------------------------------------------


def test_member_record_and_history(db, officer, mentor, member_values, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        member_id = members.create_member(session, officer, {**member_values, "mentor_id": mentor.id}).id
    second = make_staff(db, Role.MENTOR, "mentor2", "刘建华")
    clock.advance(days=30)
    with db.session() as session:
        mentors.assign_mentor(session, officer, member_id, second.id, note="按主营业务调整")
        members.update_member(session, officer, member_id, 2, {"liaison_name": "赵敏"})
    with db.session() as session:
        record = members.member_record(session, member_id)
        history = members.member_history(session, member_id)
    # read after the session closed: plain values
    _plain(record)
    assert (record.id, record.version, record.name) == (member_id, 3, member_values["name"])
    assert record.values["liaison_name"] == "赵敏" and record.values["mentor_id"] == second.id
    with pytest.raises(TypeError):
        record.values["name"] = "改名"  # type: ignore[index]  # a view cannot change what it was given
    assert all(isinstance(entry, HistoryEntry) for entry in history)
    assert [entry.action for entry in history] == ["update", "assign_mentor", "create"]
    assert history[0].before == {"liaison_name": "张丽"} and history[0].after == {"liaison_name": "赵敏"}
    assert history[0].actor_id == officer.id and history[-1].before == {}
    _plain(history[0])


def test_a_missing_member_is_an_office_error(db) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.errors import NotFound

    with pytest.raises(NotFound, match="找不到该会员"), db.session() as session:
        members.member_record(session, 999)


# --- staff ---------------------------------------------------------------------------------------------


def test_staff_records_carry_no_password(db, admin, officer, mentor, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        records = accounts.staff_records(session)
        mentor_records = accounts.staff_records(session, role=Role.MENTOR)
    assert {"membership_officer", "mentor"} < {r.username for r in records}
    assert [r.full_name for r in mentor_records] == ["陈晓燕"]
    for record in records:
        _plain(record)
        assert not hasattr(record, "password_hash")
    for _ in range(5):
        with pytest.raises(Exception), db.session() as session:  # noqa: B017, PT011 — locked out at the fifth
            accounts.sign_in(session, "membership_officer", "wrong")
    with db.session() as session:
        locked = accounts.staff_record(session, officer.id)
    assert locked.is_locked(clock.now()) and accounts.is_locked(locked, clock.now())
    clock.advance(days=1)
    assert not locked.is_locked(clock.now())


# --- admission -----------------------------------------------------------------------------------------


def test_application_detail_is_what_the_panel_shows(db, officer, leader, mentor, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.FORMS_COMPLETED)
    with db.session() as session:
        as_mentor = admission.application_detail(session, mentor, application_id)
        as_officer = admission.application_detail(session, officer, application_id)
    _plain(as_officer)
    record = as_officer.application
    assert (record.id, record.name, record.status, record.stage) == (
        application_id,
        applicant["name"],
        ApplicationStatus.OPEN,
        ApplicationStage.FORMS_COMPLETED,
    )
    assert record.level_name == "会员单位" and record.handler_name == "郑会籍" and not record.readmission
    assert record.values["liaison_name"] == applicant["liaison_name"]
    action = as_officer.next_action
    assert action is not None and action.step.stage == ApplicationStage.DOCUMENTS_SUBMITTED
    assert not action.allowed and "资料不全" in (action.reason or "")
    assert as_officer.refusals["decline"] is None and as_mentor.refusals["decline"] is not None
    assert [s.stage for s in as_officer.send_back_targets] == [
        ApplicationStage.VISITED,
        ApplicationStage.FORMS_COMPLETED,
    ]
    assert [r.done for r in as_officer.steps][:4] == [True, True, True, False]
    assert [i.kind for i in as_officer.checklist][:4] == list(admission.REQUIRED_DOCUMENTS)
    assert as_officer.history[0].kind == EventKind.STEP and as_officer.history[-1].kind == EventKind.CREATED
    assert as_officer.attachment_limit_bytes > 0 and as_officer.former is None


def test_history_entries_are_records(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    attach_all(db, officer, application_id)
    with db.session() as session:
        events = admission.history(session, application_id)
    assert [e.kind for e in events][-1] == EventKind.CREATED
    added = events[0]
    _plain(added)
    assert added.kind == EventKind.DOCUMENT_ADDED and added.details is not None
    assert added.details["kind"] == DocumentKind.BROCHURE.value


def test_step_form_for_each_step_and_none_when_closed(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.APPROVED)
    with db.session() as session:
        form = admission.step_form(session, officer, application_id)
    assert form is not None
    _plain(form)
    assert form.step.stage == ApplicationStage.DUES_PAID and form.annual_dues is not None
    assert f"{form.annual_dues:.2f}" == "2000.00" and form.today == dt.date(2026, 11, 26)
    assert form.version == _version(db, application_id) and not form.restoring and form.former is None
    with db.session() as session:
        admission.decline(session, officer, application_id, reason="入会动机单一")
    with db.session() as session:
        assert admission.step_form(session, officer, application_id) is None


def _version(db, application_id: int) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return admission.application_record(session, application_id).version


def test_the_correction_dialog_reads_the_record(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    take(db, officer, application_id, ApplicationStage.VISITED)
    with db.session() as session:
        record = admission.application_record(session, application_id)
    assert isinstance(record, admission.ApplicationRecord) and record.version == 2
    assert record.application_date == dt.date(2026, 11, 26) and record.received_by_id == officer.id
    assert set(record.values) == set(admission.EDITABLE_FIELDS)


def test_no_orm_row_leaves_a_read_for_the_window(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    """The records are built inside the session: closing it leaves nothing to lazy-load."""
    application_id = create(db, officer, applicant)
    session: Session = db.new_session()
    try:
        detail = admission.application_detail(session, officer, application_id)
    finally:
        session.close()
    assert detail.application.handler_name == "郑会籍" and detail.steps[0].by == "郑会籍"
