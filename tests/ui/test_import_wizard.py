"""The import wizard, the roster export dialog, the File-menu entries and the start-up backup warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWizard
from sqlalchemy import func, select

from desktop_app.core.models import Member
from desktop_app.core.services import accounts
from desktop_app.demo import DEMO_PASSWORD
from desktop_app.ui.register.import_wizard import FILE_PAGE, PREVIEW_PAGE, RESULT_PAGE, ImportWizard
from tests.spreadsheets.messy import make_messy_roster


def members(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return session.scalar(select(func.count(Member.id)))


@pytest.fixture
def wizard(qtbot, db, officer, zh_app):  # type: ignore[no-untyped-def]
    widget = ImportWizard(db, officer)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.close()


def test_wizard_previews_every_row_then_imports(
    qtbot, qtmodeltester, wizard, db, tmp_path: Path, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = make_messy_roster(tmp_path / "名册.xlsx", 30)
    wizard.file_page.path.setText(str(tmp_path / "名册.xlsx"))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW_PAGE and wizard.plan is not None, timeout=20000)
    page = wizard.preview_page
    assert "表头在第 3 行" in wizard.file_page.info.text()
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == expected.data_rows
    assert "将新增 30 个会员" in page.summary.text() and "不能导入 7 行" in page.summary.text()
    assert members(db) == 0  # the preview wrote nothing

    page.show_box.setCurrentIndex(page.show_box.findData("rejected"))
    assert page.model.rowCount() == len(expected.rejected)
    assert page.model.index(0, 1).data() == "未导入"
    detail = page.model.index(0, 4).data()
    assert detail.startswith(f"第 {sorted(expected.rejected)[0]} 行 C 列（统一社会信用代码）")

    saved = tmp_path / "退回.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(saved), ""))
    page.save_rejected.click()
    assert saved.exists() and "7 行" in messages[-1].text

    imported: list[bool] = []
    wizard.imported.connect(lambda: imported.append(True))
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=20000)
    assert imported == [True]
    assert members(db) == 30
    assert "已新增 30 个会员" in wizard.result_page.summary.text()
    assert wizard.result_page.save_rejected.isVisibleTo(wizard)
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()


def test_unreadable_file_is_explained_on_the_first_page(qtbot, wizard, db, tmp_path: Path) -> None:
    bad = tmp_path / "roster.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    wizard.file_page.path.setText(str(bad))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: "97-2003" in wizard.file_page.info.text(), timeout=10000)
    assert wizard.currentId() == FILE_PAGE
    assert members(db) == 0


def test_second_import_changes_nothing(qtbot, wizard, db, officer, tmp_path: Path) -> None:
    make_messy_roster(tmp_path / "r.xlsx", 10, bad_rows=False)
    from desktop_app.core.services import importing
    from desktop_app.spreadsheets.reader import read_roster

    with db.session() as session:
        importing.import_members(session, officer, read_roster(tmp_path / "r.xlsx"))
    wizard.file_page.path.setText(str(tmp_path / "r.xlsx"))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    page = wizard.preview_page
    page.show_box.setCurrentIndex(page.show_box.findData("unchanged"))
    assert page.model.rowCount() == 10 and page.model.index(0, 1).data() == "无变化"
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=20000)
    assert members(db) == 10


# --- the window -------------------------------------------------------------------------------------


def _window(qtbot, db, username: str):  # type: ignore[no-untyped-def]
    from desktop_app.ui.main_window import MainWindow

    with db.session() as session:
        actor = accounts.sign_in(session, username, DEMO_PASSWORD)
    window = MainWindow(db, actor)
    qtbot.addWidget(window)
    return window


def test_file_menu_entries_by_role(qtbot, demo_db) -> None:
    officer_window = _window(qtbot, demo_db, "officer")
    names = {a.objectName() for a in officer_window.findChildren(type(officer_window.menuBar().actions()[0]))}
    assert {"import_members", "export_roster"} <= names
    mentor_window = _window(qtbot, demo_db, "mentor01")
    names = {a.objectName() for a in mentor_window.findChildren(type(mentor_window.menuBar().actions()[0]))}
    assert "export_roster" in names and "import_members" not in names
    officer_window.close()
    mentor_window.close()


def test_import_action_opens_the_wizard_and_refreshes_the_register(qtbot, demo_db, tmp_path: Path) -> None:
    from PySide6.QtGui import QAction

    window = _window(qtbot, demo_db, "officer")
    window.show()
    register = window.show_area("register")  # issue 17: the window opens on the workbench
    qtbot.waitUntil(register.model.is_complete, timeout=10000)
    counts: list[int] = []
    register.model.countChanged.connect(lambda count, complete: complete and counts.append(count))
    window.findChild(QAction, "import_members").trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    make_messy_roster(tmp_path / "r.xlsx", 6, bad_rows=False)
    wizard.file_page.path.setText(str(tmp_path / "r.xlsx"))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=20000)
    qtbot.waitUntil(lambda: bool(counts) and counts[-1] == 450 + 6, timeout=10000)  # the register reloaded
    wizard.close()
    window.close()


def test_roster_export_dialog_excel_and_pdf(qtbot, demo_db, tmp_path: Path, messages) -> None:
    from desktop_app.ui.register.roster_export import RosterExportDialog

    with demo_db.session() as session:
        actor = accounts.sign_in(session, "mentor01", DEMO_PASSWORD)
    dialog = RosterExportDialog(demo_db, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.public.isChecked()  # the version for publishing is the default
    dialog.save_excel(str(tmp_path / "roster"))
    qtbot.waitUntil(lambda: (tmp_path / "roster.xlsx").exists() and bool(messages), timeout=20000)
    assert "公开版" in messages[-1].text
    dialog.internal.setChecked(True)
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=60000)
    assert dialog.preview.document.pageCount() >= 10
    assert "内部版" in dialog.preview.windowTitle()
    dialog.preview.close()
    dialog.close()


def test_failed_daily_backup_is_reported(qtbot, db, messages, monkeypatch: pytest.MonkeyPatch, zh_app) -> None:
    from desktop_app.core import backup
    from desktop_app.ui.startup_backup import daily_backup

    def full_disk(_db):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "daily_backup", full_disk)
    assert daily_backup(None, db) is None
    assert messages[-1].kind == "warning" and messages[-1].title == "每日备份失败"
    assert "No space left" in messages[-1].text
