"""``membership-office applications``: the admission queue headless (read-only)."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.core.migrate import open_database
from desktop_app.demo import generate_demo


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10: the command line signs in (``--user officer`` below, the demo password here)."""
    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", "demo123")


def test_reading_the_queue_needs_a_sign_in(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["applications", "--db", db_url]) == 1
    assert "请用 --user 用户名 登录" in capsys.readouterr().err
    monkeypatch.delenv("MEMBERSHIP_OFFICE_PASSWORD")
    assert main(["applications", "--db", db_url, "--user", "officer"]) == 1
    assert "MEMBERSHIP_OFFICE_PASSWORD" in capsys.readouterr().err


@pytest.fixture
def demo_url(db_url: str) -> str:
    db = open_database(db_url)
    with db.session() as session:
        generate_demo(session, 200, seed=2)
    db.dispose()
    return db_url


def test_lists_the_open_queue_with_waiting_days(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["applications", "--db", demo_url, "--user", "officer"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("共 10 份申请（办理中：等待来会考察 2，")
    assert any("等待信用考察" in line and line.endswith("重新入会") for line in lines)
    days = [int(line.split("\t")[4].removesuffix(" 天")) for line in lines[:-1]]
    assert days == sorted(days, reverse=True)  # longest waiting first


def test_filters_and_closed_applications(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["applications", "--db", demo_url, "--user", "officer", "--waiting", "registered"]) == 0
    out = capsys.readouterr().out
    assert "等待入会登记" in out and out.splitlines()[-1].startswith("共 1 份申请")
    assert main(["applications", "--db", demo_url, "--user", "officer", "--status", "declined"]) == 0
    out = capsys.readouterr().out
    assert "已谢绝" in out and "入会动机单一" in out


def test_show_one_application(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["applications", "--db", demo_url, "--user", "officer", "--show", "sq20260010"]) == 0
    out = capsys.readouterr().out
    assert "重新入会：该单位曾是会员" in out and "下一步：信用考察（重新入会）（第十五条）" in out
    assert "[✓] 提交资料" in out and "营业执照复印件：营业执照扫描件.png" in out
    assert main(["applications", "--db", demo_url, "--user", "officer", "--show", "XX"]) == 1
    assert "找不到申请编号为“XX”的入会申请" in capsys.readouterr().err
