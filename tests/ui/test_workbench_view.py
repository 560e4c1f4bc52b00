"""The workbench (issue 17): the first area after sign-in; each line says how many and opens the
place where the work is done, already filtered; it reads again when data change."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.core.models import ApplicationStage
from desktop_app.core.services import accounts, roster
from desktop_app.demo import DEMO_PASSWORD
from desktop_app.ui import ops
from desktop_app.ui.main_window import MainWindow


def _window(qtbot, db, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    with db.session() as session:
        actor = accounts.sign_in(session, username, DEMO_PASSWORD)
    window = MainWindow(db, actor)
    qtbot.addWidget(window)
    window.resize(1366, 738)
    window.show()
    return window


def test_the_workbench_is_first_and_takes_the_officer_to_the_work(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, "officer")
    bench = window.areas["workbench"]
    assert window.stack.currentWidget() is bench
    assert window.navigation.item(0).text() == "工作台"
    assert bench.heading.text().startswith("今日工作")
    assert bench.table.rowCount() == len(bench.items) > 0
    # the first line with work is the current one; its count is in the first column
    row = bench.table.currentRow()
    assert bench.items[row].to_do and bench.table.item(row, 0).text() == str(bench.items[row].count)

    # an application step: the admission queue opens on that step with exactly that many
    step = next(i for i in bench.items if i.key == "applications" and i.to_do)
    row = bench.items.index(step)
    bench.table.setCurrentCell(row, 1)
    qtbot.keyClick(bench.table, Qt.Key.Key_Return)
    admission = window.areas["admission"]
    assert window.stack.currentWidget() is admission
    assert admission.stages.currentItem().data(Qt.ItemDataRole.UserRole) == step.stage.value
    assert len(admission.model.rows) == step.count

    # handover forms: the mentors' area, the forms tab, pending forms
    forms = next(i for i in bench.items if i.key == "handover_forms")
    tab = bench.open_key("handover_forms")
    assert window.stack.currentWidget() is window.areas["mentors"]
    assert tab.status_box.currentData() == "pending" and len(tab.model.rows) == forms.count

    # arrears: the dues area's arrears tab
    tab = bench.open_key("arrears")
    dues = window.areas["dues"]
    assert window.stack.currentWidget() is dues and dues.tabs.currentWidget() is dues.arrears is tab

    # mailed documents without a photo: the newest such batch, its "缺照片" list
    photos = next(i for i in bench.items if i.key == "mailing_photos")
    mailing = bench.open_key("mailing_photos")
    assert mailing.view_box.currentData() == "no_photo"
    if photos.count:
        assert mailing.current_batch_id() == photos.target["batch"]
        assert 0 < mailing.recipients.rowCount() <= photos.count

    # cancellations: the withdrawal area's cases, open ones
    cases = bench.open_key("cases_to_notify")
    assert window.areas["withdrawal"].tabs.currentWidget() is cases
    assert cases.filter.currentData() == "open"

    # never published: the roster line opens the export dialog, with the places to publish
    item = next(i for i in bench.items if i.key == "roster_publication")
    assert item.to_do and bench.table.item(bench.items.index(item), 0).text() == "!"
    dialog = bench.open_key("roster_publication")
    assert dialog.website.isVisible() and dialog.work_group.isVisible()
    dialog.internal.setChecked(True)
    assert not dialog.website.isEnabled()  # the internal version never goes on the website
    dialog.close()
    window.close()


def test_the_workbench_reads_again_when_data_change(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, "officer")
    bench = window.areas["workbench"]
    row = next(r for r, i in enumerate(bench.items) if i.key == "roster_publication")
    assert bench.items[row].to_do
    officer = window.actor
    ops.Op(
        window,
        demo_db,
        lambda session: roster.record_publication(
            session,
            officer,
            public=True,
            website=True,
            work_group=False,
            members=10,
            file_name="名册.xlsx",
            file_format="xlsx",
        ),
        changes={ops.REPORTS},
    ).run()
    item = next(i for i in bench.items if i.key == "roster_publication")
    assert not item.to_do and item.last == demo_db.clock.today()
    assert bench.table.item(row, 0).text() == "✓"
    window.close()


def test_a_mentor_and_the_resident_leader_see_their_own_lines(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, "mentor01")
    bench = window.areas["workbench"]
    assert {i.key for i in bench.items} == {
        "follow_ups",
        "arrears",
        "withdrawal_tasks",
        "mailing_photos",
        "mailing_notifications",
    }
    view = bench.open_key("mailing_photos")
    assert view.mine.isChecked()
    window.close()
    window = _window(qtbot, demo_db, "leader")
    bench = window.areas["workbench"]
    assert {i.stage for i in bench.items} == {ApplicationStage.APPROVED, ApplicationStage.SIGNED_OFF}
    window.close()


def test_publishing_the_roster_is_recorded_and_silences_the_reminder(qtbot, demo_db, messages, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from desktop_app.core.models.reports import RosterPublication

    window = _window(qtbot, demo_db, "officer")
    bench = window.areas["workbench"]
    dialog = bench.open_key("roster_publication")
    # an export not ticked as published is not recorded
    dialog.save_excel(str(tmp_path / "draft"))
    qtbot.waitUntil(lambda: (tmp_path / "draft.xlsx").exists() and bool(messages), timeout=20000)
    with demo_db.session() as session:
        assert session.scalars(select(RosterPublication)).all() == []
    dialog.website.setChecked(True)
    dialog.work_group.setChecked(True)
    dialog.save_excel(str(tmp_path / "roster"))
    qtbot.waitUntil(lambda: (tmp_path / "roster.xlsx").exists() and len(messages) == 2, timeout=20000)
    with demo_db.session() as session:
        logged = session.scalars(select(RosterPublication)).one()
    assert logged.public and logged.website and logged.work_group and logged.file_name == "roster.xlsx"
    assert logged.published_by_name == "郑会籍"
    dialog.close()
    window.show_area("workbench")  # an area not on screen reads again when it is shown
    item = next(i for i in bench.items if i.key == "roster_publication")
    assert not item.to_do and item.last == demo_db.clock.today()
    window.close()
