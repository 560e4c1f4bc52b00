"""The command line and database passwords (issue 10): a warning when ``--db`` carries one (every
local account sees command lines), and never the password itself in what the program prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import PASSWORD_ON_COMMAND_LINE, main
from desktop_app.commands import fail

SECRET = "s3cr3t-pw"
# nothing listens on port 1: no sub-command below gets as far as connecting anyway
PG_URL = f"postgresql://membership:{SECRET}@127.0.0.1:1/office"


def test_the_warning_text() -> None:
    assert PASSWORD_ON_COMMAND_LINE == (
        "警告：命令行中的数据库密码会被本机其他用户在进程列表中看到。"
        "请改用 PGPASSFILE（.pgpass）或环境变量 MEMBERSHIP_OFFICE_DB；见 README。"
    )


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_password_in_db_is_warned_about_and_never_printed(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", PG_URL, "backup", str(tmp_path)] if where == "before" else ["backup", str(tmp_path), "--db", PG_URL]
    assert main(argv) == 1  # PostgreSQL is backed up with pg_dump: the command explains and stops
    out, err = capsys.readouterr()
    assert err.startswith(PASSWORD_ON_COMMAND_LINE + "\n")
    assert "pg_dump" in err
    assert SECRET not in out + err


@pytest.mark.parametrize(
    "url", ["postgresql://membership@127.0.0.1:1/office", "sqlite:///{tmp}/missing.db", "{tmp}/missing.db"]
)
def test_no_warning_without_a_password(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["backup", str(tmp_path / "out.db"), "--db", url.format(tmp=tmp_path)])
    assert "警告" not in capsys.readouterr().err


def test_no_warning_for_the_environment_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEMBERSHIP_OFFICE_DB", PG_URL)  # the environment is the owner's alone
    assert main(["backup", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "警告" not in err and SECRET not in out + err


def test_error_messages_are_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    assert fail(f"无法连接 {PG_URL}；连接参数 password={SECRET} sslmode=require") == 1
    assert (
        capsys.readouterr().err
        == "错误：无法连接 postgresql://membership:***@127.0.0.1:1/office；连接参数 password=*** sslmode=require\n"
    )


def test_the_smoke_test_prints_no_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.core import migrate

    def refused(url: str, **_kwargs: object) -> None:
        raise RuntimeError(f"connection to {url} refused")

    monkeypatch.setenv("MEMBERSHIP_OFFICE_HOME", str(tmp_path / "home"))  # run_smoke sets its own; undone after
    monkeypatch.setattr(migrate, "open_database", refused)
    assert main(["--smoke", "--db", PG_URL]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "smoke: FAILED"
    assert "RuntimeError: connection to postgresql://membership:***@127.0.0.1:1/office refused" in err
    assert SECRET not in out + err
