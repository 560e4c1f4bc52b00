"""The core, documents and spreadsheets import with Qt blocked (napari's import contract)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_qt_free_packages_import_without_qt() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                    raise ImportError("Qt is forbidden in " + name)
                return None

        sys.meta_path.insert(0, BlockQt())
        import desktop_app
        count = 0
        for package in ("desktop_app.core", "desktop_app.documents", "desktop_app.spreadsheets", "desktop_app.commands",
                    "desktop_app.demo"):
            module = importlib.import_module(package)
            for info in pkgutil.walk_packages(module.__path__, package + "."):
                if ".migrations.versions" in info.name or info.name.endswith("migrations.env"):
                    continue
                importlib.import_module(info.name)
                count += 1
        import desktop_app.cli
        desktop_app.cli.build_parser()
        print(count)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 15


def test_core_sources_do_not_mention_qt() -> None:
    for folder in ("core", "documents", "spreadsheets", "commands", "demo"):
        for path in (ROOT / "desktop_app" / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "PySide6" not in text and "desktop_app.ui" not in text, path


def test_import_contracts_hold() -> None:
    """pyproject.toml's import-linter contracts: arrows point down only, one home per office job,
    Qt only in the window (issue 11). A back-edge fails here, in CI."""
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "broken" not in result.stdout.split("Contracts:")[-1].split("\n")[0].replace("0 broken", "")


def test_documents_and_spreadsheets_import_nothing_of_the_core() -> None:
    for folder in ("documents", "spreadsheets"):
        for path in (ROOT / "desktop_app" / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "desktop_app.core" not in text and "desktop_app.ui" not in text, path
