"""``membership-office report …`` (issue 17): the half-yearly mentor report and the statistics from
the command line, signed in; ``export-roster --published`` records the publication (R-9.2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.core.migrate import open_database
from desktop_app.core.models import Staff
from desktop_app.core.models.reports import MentorProposal, ProposalChoice, RosterPublication
from desktop_app.demo import generate_demo


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", "demo123")


@pytest.fixture
def demo_url(db_url: str) -> str:
    db = open_database(db_url)
    with db.session() as session:
        generate_demo(session, 120, seed=3)
    db.dispose()
    return db_url


def test_mentor_report_printed_proposed_and_exported(demo_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["report", "mentors", "--half", "2026H2", "--db", demo_url, "--user", "officer"]) == 0
    out = capsys.readouterr().out
    assert "2026年下半年" in out and "（本期尚未结束）" in out and "合计" in out
    book = tmp_path / "考核.xlsx"
    code = main(
        [
            "report",
            "mentors",
            "--half",
            "2026H2",
            "--propose",
            "mentor01=reward",
            "--reason",
            "联系工作扎实",
            "-o",
            str(book),
            "--db",
            demo_url,
            "--user",
            "officer",
        ]
    )
    assert code == 0 and book.exists()
    assert "已导出2026年下半年班主任工作考核报告" in capsys.readouterr().out
    db = open_database(demo_url)
    try:
        with db.session() as session:
            mentor01 = session.scalar(select(Staff).where(Staff.username == "mentor01"))
            stored = session.scalar(select(MentorProposal).where(MentorProposal.mentor_id == mentor01.id))
            assert stored is not None and stored.proposal == ProposalChoice.REWARD and stored.period == "2026H2"
            name = mentor01.full_name
    finally:
        db.dispose()
    rows = [r for r in load_workbook(book).active.iter_rows(values_only=True) if r[1] == name]
    assert rows and rows[0][30] == "奖励" and rows[0][33] == "联系工作扎实"
    # a mentor may not read the other mentors' figures
    assert main(["report", "mentors", "--half", "2026H2", "--db", demo_url, "--user", "mentor01"]) == 1
    assert "无权" in capsys.readouterr().err
    assert main(["report", "mentors", "--half", "2026", "--db", demo_url, "--user", "officer"]) == 1
    assert "2026H1" in capsys.readouterr().err


def test_statistics_and_the_publication_log(demo_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["report", "statistics", "--db", demo_url, "--user", "mentor01"]) == 0
    assert "正常会员" in capsys.readouterr().out
    pdf = tmp_path / "统计.pdf"
    assert main(["report", "statistics", "-o", str(pdf), "--db", demo_url, "--user", "officer"]) == 0
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    roster = tmp_path / "名册.xlsx"
    assert main(["export-roster", str(roster), "--published", "website", "--db", demo_url, "--user", "officer"]) == 1
    assert "公开版" in capsys.readouterr().err and not roster.exists()
    code = main(
        [
            "export-roster",
            str(roster),
            "--public",
            "--published",
            "website,work-group",
            "--db",
            demo_url,
            "--user",
            "officer",
        ]
    )
    assert code == 0 and roster.exists()
    db = open_database(demo_url)
    try:
        with db.session() as session:
            logged = session.scalars(select(RosterPublication)).one()
            assert logged.public and logged.website and logged.work_group and logged.file_name == "名册.xlsx"
    finally:
        db.dispose()
