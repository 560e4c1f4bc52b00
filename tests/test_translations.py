"""Chinese first: every visible string has a finished zh_CN translation and the .qm is current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.gui  # Qt's lupdate/lrelease and translators


def _i18n():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "build" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_every_string_is_translated_and_compiled() -> None:
    problems = _i18n().check()
    assert problems == [], "\n".join(problems)


def test_translation_check_catches_an_untranslated_string(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = _i18n()
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "view.py").write_text(
        "from PySide6.QtWidgets import QWidget\n"
        "class View(QWidget):\n"
        "    def title(self):\n"
        "        return self.tr('A string nobody translated')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(tool, "SOURCES", ui)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "TS_DIR", tmp_path / "ts")
    monkeypatch.setattr(tool, "QM_FILE", tmp_path / "out.qm")
    tool.update()
    problems = tool.check()
    assert any("A string nobody translated" in p for p in problems)


def test_qt_own_chinese_translation_ships() -> None:
    assert (ROOT / "resources" / "translations" / "qtbase_zh_CN.qm").stat().st_size > 10_000


def test_interface_speaks_chinese_by_default(zh_app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "Member register") == "会员名册"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own buttons


def test_english_on_request(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from desktop_app.ui.app import create_application

    create_application(language="en")
    try:
        assert QCoreApplication.translate("MainWindow", "Member register") == "Member register"
    finally:
        create_application(language="zh_CN")
