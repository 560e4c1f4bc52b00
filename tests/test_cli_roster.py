"""``import-members``, ``export-roster``, ``backup`` and ``restore`` on the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.core.migrate import open_database
from desktop_app.core.models import AuditEntry, Member
from desktop_app.core.services import accounts
from tests.conftest import PASSWORD
from tests.spreadsheets.messy import make_messy_roster


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10: the command line signs in as a staff account (``--user admin`` below)."""
    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", PASSWORD)


@pytest.fixture
def db_url(db_url: str) -> str:
    """The test database with its administrator, who runs the commands."""
    add_admin(db_url)
    return db_url


def add_admin(url: str) -> None:
    db = open_database(url)
    with db.session() as session:
        if accounts.needs_first_administrator(session):
            accounts.create_first_administrator(session, "admin", "管理员", PASSWORD)
    db.dispose()


def members_in(url: str) -> int:
    db = open_database(url)
    with db.session() as session:
        total = session.scalar(select(func.count(Member.id)))
    db.dispose()
    return total


def test_import_members_prints_every_problem_and_the_summary_last(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = make_messy_roster(tmp_path / "roster.xlsx", 30)
    rejected = len(expected.rejected)
    assert main(["import-members", str(tmp_path / "roster.xlsx"), "--dry-run", "--db", db_url, "--user", "admin"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"imported 30, updated 0, duplicates 2, rejected {rejected}"
    assert "试运行：没有写入任何内容。" in out
    assert members_in(db_url) == 0

    rejected_file = tmp_path / "退回班主任.xlsx"
    assert (
        main(
            [
                "import-members",
                str(tmp_path / "roster.xlsx"),
                "--db",
                db_url,
                "--user",
                "admin",
                "--rejected",
                str(rejected_file),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"imported 30, updated 0, duplicates 2, rejected {rejected}"
    assert out[0].startswith("读取“roster.xlsx”：工作表“会员名册”，表头在第 3 行")
    problems = [line for line in out if line.startswith("[未导入]")]
    assert len(problems) == rejected and all("行" in p and "列" in p for p in problems)
    assert sum(line.startswith("[重复]") for line in out) == 2
    assert load_workbook(rejected_file).active.max_row == rejected + 1
    assert members_in(db_url) == 30

    assert main(["--db", db_url, "--user", "admin", "import-members", str(tmp_path / "roster.xlsx")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"imported 0, updated 30, duplicates 2, rejected {rejected}"
    assert members_in(db_url) == 30


def test_import_records_who_ran_it(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_messy_roster(tmp_path / "roster.xlsx", 5, bad_rows=False)
    assert main(["import-members", str(tmp_path / "roster.xlsx"), "--db", db_url, "--user", "admin"]) == 0
    db = open_database(db_url)
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
    db.dispose()
    assert entry.actor_name == "管理员" and entry.actor_id is not None  # the person, signed in (issue 10)


def test_import_of_a_bad_file_is_an_error_and_touches_nothing(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "roster.xlsx"
    bad.write_bytes(b"%PDF-1.4 not a workbook")
    assert main(["import-members", str(bad), "--db", db_url, "--user", "admin"]) == 1
    assert "错误：“roster.xlsx”不是 Excel 工作簿" in capsys.readouterr().err


def test_export_roster_both_formats_and_versions(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_messy_roster(tmp_path / "roster.xlsx", 12, bad_rows=False)
    main(["import-members", str(tmp_path / "roster.xlsx"), "--db", db_url, "--user", "admin"])
    capsys.readouterr()
    assert main(["export-roster", str(tmp_path / "full.xlsx"), "--db", db_url, "--user", "admin"]) == 0
    assert "内部版，12 个会员" in capsys.readouterr().out
    assert main(["export-roster", str(tmp_path / "public.pdf"), "--public", "--db", db_url, "--user", "admin"]) == 0
    assert "公开版，12 个会员，1 页" in capsys.readouterr().out
    assert "联络员手机" in [c.value for c in load_workbook(tmp_path / "full.xlsx").active[2]]
    text = PdfReader(tmp_path / "public.pdf").pages[0].extract_text()
    assert "公开版" in text and "办公电话" in text
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)  # no mobile number
    assert main(["export-roster", str(tmp_path / "roster.docx"), "--db", db_url, "--user", "admin"]) == 1


def test_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'office.db'}"
    add_admin(url)
    make_messy_roster(tmp_path / "roster.xlsx", 8, bad_rows=False)
    main(["import-members", str(tmp_path / "roster.xlsx"), "--db", url, "--user", "admin"])
    assert main(["backup", str(tmp_path / "copy.db"), "--db", url]) == 0
    assert "已备份" in capsys.readouterr().out
    db = open_database(url)
    with db.engine.begin() as connection:
        connection.execute(Member.__table__.delete())
    db.dispose()
    assert members_in(url) == 0
    assert main(["restore", str(tmp_path / "copy.db"), "--db", url, "--user", "admin", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "恢复前的数据库已另存为" in out and "已从" in out
    assert members_in(url) == 8
    db = open_database(url)
    with db.session() as session:
        assert (
            session.scalars(select(AuditEntry.summary).where(AuditEntry.action == "restore"))
            .one()
            .startswith("管理员（系统管理员）从备份“copy.db”")
        )
    db.dispose()
    (tmp_path / "notes.db").write_text("not a database")
    assert main(["restore", str(tmp_path / "notes.db"), "--db", url, "--user", "admin", "--yes"]) == 1
    assert "不是 SQLite 数据库文件" in capsys.readouterr().err
    assert members_in(url) == 8


def test_backup_of_postgresql_explains_pg_dump(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "/tmp/x.db", "--db", "postgresql://u:p@127.0.0.1:1/office"]) == 1
    assert "pg_dump" in capsys.readouterr().err
