"""``membership-office mentors …`` (issue 12): the headless parts of the mentors' work, signed in,
on the demo database — with its waiting members, overdue follow-ups, pending (and one stale)
handover forms and nominations."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.core.migrate import open_database
from desktop_app.core.models import HandoverForm, HandoverStatus, LiaisonNomination, Member, MemberStatus
from desktop_app.demo import generate_demo
from tests.documents.conftest import pdf_text


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", "demo123")


@pytest.fixture
def demo_url(db_url: str) -> str:
    db = open_database(db_url)
    with db.session() as session:
        generate_demo(session, 450, seed=3)
    db.dispose()
    return db_url


def run(*args: str) -> int:
    return main(["mentors", *args])


def test_demo_holds_the_mentors_work(demo_url: str) -> None:
    db = open_database(demo_url)
    try:
        with db.session() as session:
            waiting = session.scalar(
                select(func.count(Member.id)).where(Member.status == MemberStatus.ACTIVE, Member.mentor_id.is_(None))
            )
            pending = session.scalar(
                select(func.count(HandoverForm.id)).where(HandoverForm.status == HandoverStatus.PENDING)
            )
            nominations = session.scalar(select(func.count(LiaisonNomination.id)))
    finally:
        db.dispose()
    assert 0 < waiting < 30 and pending >= 6 and nominations >= 10


def test_allocation_and_the_unassigned_with_suggestions(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("allocation", "--db", demo_url, "--user", "officer") == 0
    out = capsys.readouterr().out
    assert "建筑业企业\t房屋建筑施工" in out and "合计" in out and "陈晓燕\t在职" in out and "何建军\t已停用\t0" in out
    assert run("unassigned", "--db", demo_url, "--user", "officer") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("共 ") and "未分配班主任" in lines[-1]
    assert all("→ " in line for line in lines[:-1]) and len(lines) > 1
    assert run("unassigned", "--db", demo_url, "--user", "officer", "--apply") == 0
    assert "已按建议分配：分配" in capsys.readouterr().out
    assert run("unassigned", "--db", demo_url, "--user", "officer") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "共 0 个会员未分配班主任"
    # a mentor does not allocate, nor see the allocation
    assert run("unassigned", "--db", demo_url, "--user", "mentor01", "--apply") == 1
    assert "无权查看班主任分配情况" in capsys.readouterr().err


def test_reminders_forms_print_and_nominations(
    demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run("reminders", "--db", demo_url, "--user", "mentor01") == 0
    out = capsys.readouterr().out
    overdue = int(out.splitlines()[0].removeprefix("逾期未办的跟进事项：").removesuffix(" 项"))
    assert overdue >= 3 and "超过 90 天未联系的会员" in out
    assert run("reminders", "--db", demo_url, "--user", "officer") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "班主任\t负责会员\t逾期跟进\t超过 90 天未联系" and any(
        line.startswith("陈晓燕\t") for line in lines
    )
    assert run("reminders", "--db", demo_url, "--user", "mentor01", "--mentor", "mentor02") == 1
    assert "班主任只能查看自己负责的会员" in capsys.readouterr().err
    assert run("forms", "--db", demo_url, "--user", "officer") == 0
    out = capsys.readouterr().out
    assert "待办理" in out and "原内容已不符" in out and "→" in out
    form_id = next(line.split("\t")[0] for line in out.splitlines() if line.endswith("待办理"))
    pdf = tmp_path / "form.pdf"
    assert run("print-form", form_id, "-o", str(pdf), "--db", demo_url, "--user", "officer") == 0
    assert "会员单位联系资料交接通知单" in pdf_text(pdf) and f"交接单第{form_id}号" in pdf_text(pdf)
    assert run("print-form", "99999", "-o", str(tmp_path / "x.pdf"), "--db", demo_url, "--user", "officer") == 1
    assert "找不到交接单第 99999 号" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
    out_xlsx = tmp_path / "名单.xlsx"
    assert run("nominations", "--period", "2026", "-o", str(out_xlsx), "--db", demo_url, "--user", "officer") == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("2026年：推荐 16 人")
    rows = list(load_workbook(out_xlsx).active.iter_rows(values_only=True))
    assert rows[0][0] == "武汉建筑业协会2026年优秀通联员推荐名单" and "已评为优秀通联员" in (rows[1][0] or "")
    assert run("nominations", "--period", "26上", "--db", demo_url, "--user", "officer") == 1
    assert "评选期" in capsys.readouterr().err
