"""The operations layer (issue 11): one session per action, the change announced to every view,
one ladder from an error to what the person sees, long work off the GUI thread."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_app.core.models import Member
from desktop_app.core.services import members
from desktop_app.errors import Cancelled, ValidationError
from desktop_app.ui import ops

pytestmark = pytest.mark.gui


def test_a_change_is_announced_after_the_commit(qtbot, db, officer, member_values) -> None:  # type: ignore[no-untyped-def]
    heard: list[frozenset[str]] = []
    ops.changes().changed.connect(heard.append)
    results: list[Member] = []
    ops.Op(
        None, db, lambda session: members.create_member(session, officer, member_values), changes={ops.MEMBERS}
    ).success(results.append).run()
    assert heard == [frozenset({ops.MEMBERS})]
    with db.session() as session:  # committed before anyone heard of it
        assert session.scalar(select(Member.name)) == member_values["name"]
    assert results[0].name == member_values["name"]
    ops.changes().changed.disconnect(heard.append)


def test_an_office_error_is_a_message_and_nothing_is_written(qtbot, db, officer, member_values, messages) -> None:  # type: ignore[no-untyped-def]
    heard: list[frozenset[str]] = []
    ops.changes().changed.connect(heard.append)

    def half_then_fail(session):  # type: ignore[no-untyped-def]
        members.create_member(session, officer, member_values)
        raise ValidationError({"name": "单位名称：测试"})

    ops.Op(None, db, half_then_fail, changes={ops.MEMBERS}, title="录入会员").run()
    assert [(m.kind, m.title, m.text) for m in messages] == [("warning", "录入会员", "单位名称：测试")]
    assert heard == []
    with db.session() as session:
        assert session.scalar(select(Member.id)) is None  # rolled back
    ops.changes().changed.disconnect(heard.append)


def test_an_unexpected_error_goes_to_the_crash_report(qtbot, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui import crash

    reported: list[BaseException] = []
    monkeypatch.setattr(crash, "handle", lambda kind, exc, tb: reported.append(exc))
    ops.Op(None, db, lambda session: 1 / 0).run()
    assert isinstance(reported[0], ZeroDivisionError)


def test_background_work_reports_progress_and_can_be_cancelled(qtbot, db, officer, member_values) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []

    def work(session, progress):  # type: ignore[no-untyped-def]
        for done in range(5):
            progress(done, 5)
            seen.append(done)
        members.create_member(session, officer, member_values)
        return "ok"

    results: list[str] = []
    ops.Op(None, db, work, changes={ops.MEMBERS}).in_background("录入中…").success(results.append).run()
    qtbot.waitUntil(lambda: results == ["ok"], timeout=10000)
    assert seen == [0, 1, 2, 3, 4]

    failures: list[BaseException] = []

    def cancelled(session, progress):  # type: ignore[no-untyped-def]
        members.create_member(
            session, officer, {**member_values, "name": "武汉另一建设有限公司", "uscc": "91420102MA4K00001Q"}
        )
        raise Cancelled()

    ops.Op(None, db, cancelled).in_background("录入中…").failure(failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert isinstance(failures[0], Cancelled)
    with db.session() as session:
        assert session.scalars(select(Member.name)).all() == [member_values["name"]]
