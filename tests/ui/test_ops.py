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


def test_a_view_refreshes_now_when_shown_and_later_when_hidden(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    refreshed: list[frozenset[str]] = []
    ops.listen(widget, {ops.MEMBERS, ops.STAFF}, refreshed.append)
    widget.show()
    ops.changes().announce({ops.MEMBERS, ops.DUES})
    assert refreshed == [frozenset({ops.MEMBERS})]  # only what concerns it, at once
    ops.changes().announce({ops.DUES})
    assert len(refreshed) == 1
    widget.hide()
    ops.changes().announce({ops.MEMBERS})
    ops.changes().announce({ops.STAFF})
    assert len(refreshed) == 1  # nobody looks: nothing read yet
    widget.show()
    assert refreshed[1:] == [frozenset({ops.MEMBERS, ops.STAFF})]  # once, when shown again
    widget.hide()
    widget.show()
    assert len(refreshed) == 2


def test_a_listener_goes_with_its_widget(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    widget.show()
    refreshed: list[frozenset[str]] = []
    ops.listen(widget, {ops.MEMBERS}, refreshed.append)
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ops.changes().announce(ops.EVERYTHING)  # no call into a deleted widget
    assert refreshed == []


def test_everything_is_every_topic() -> None:
    heard: list[frozenset[str]] = []
    ops.changes().changed.connect(heard.append)
    ops.announce_everything()
    ops.changes().changed.disconnect(heard.append)
    assert heard == [ops.EVERYTHING]
    assert {ops.MEMBERS, ops.APPLICATIONS, ops.STAFF, ops.PRINT_JOBS, ops.DOCUMENTS} <= ops.EVERYTHING


def test_quiet_background_work_shows_no_progress(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QProgressDialog

    results: list[int] = []
    ops.Op(None, db, lambda session, progress: (progress(1, 2), 42)[1]).in_background().success(results.append).run()
    qtbot.waitUntil(lambda: results == [42], timeout=10000)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_one_ladder_a_forms_errors_one_per_line_and_a_note(qtbot, messages) -> None:  # type: ignore[no-untyped-def]
    ops.show_failure(
        None,
        ValidationError({"name": "单位名称：不能为空", "uscc": "统一社会信用代码：校验码错误"}),
        "导入",
        note="未写入任何数据。",
    )
    assert messages[-1].text == "单位名称：不能为空\n统一社会信用代码：校验码错误\n\n未写入任何数据。"
    ops.show_failure(None, Cancelled(), "导入")
    assert len(messages) == 1  # the person cancelled: nothing to tell


def test_no_view_opens_a_session_itself() -> None:
    """Views read with ``ops.query`` and write with ``ops.Op``; only the operations layer and the
    start-up and sign-in code hold sessions (issue 11)."""
    from pathlib import Path

    import desktop_app.ui

    root = Path(desktop_app.ui.__file__).parent
    allowed = {"ops.py", "app.py", "sign_in.py", "startup_backup.py"}
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path.name not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".session()" in line or "new_session(" in line or "ops.run(" in line
    ]
    assert offenders == []
