"""Who has a SQLite database file open: one small locked file per process, beside the database.

``restore`` must not replace a database under a program that is using it (issue 9): saves made
meanwhile were reported as successful and then lost. Every process that opens a SQLite file
through ``Database`` leaves a note in ``<file>.inuse/`` (program, operating-system user, computer,
process, since when, and the signed-in person once known) and holds an exclusive lock on it for as
long as it runs. A note whose lock can be taken belongs to a process that has ended (a crash, a
power cut) and is removed. On POSIX the lock is ``flock``; on Windows ``msvcrt.locking`` of one
byte far past the note's text, so the note itself stays readable.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

_LOCK_OFFSET = 1 << 20  # Windows: the locked byte, beyond the JSON text

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def folder_for(database: Path) -> Path:
    return database.with_name(database.name + ".inuse")


@dataclass(frozen=True)
class Holder:
    """Another process that has the database open."""

    program: str
    user: str
    host: str
    pid: int
    since: str
    signed_in: str = ""

    def describe(self) -> str:
        who = f"，登录用户 {self.signed_in}" if self.signed_in else ""
        since = self.since[:16].replace("T", " ")
        return f"{self.program}（计算机 {self.host}，系统账户 {self.user}{who}，进程 {self.pid}，自 {since} 起）"


class Presence:
    """This process's note that it has ``database`` open; ``release`` (or the process ending) removes it."""

    def __init__(self, database: Path, program: str):
        folder = folder_for(database)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
        self._info = {
            "program": program,
            "user": _os_user(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": dt.datetime.now().isoformat(timespec="seconds"),
            "signed_in": "",
        }
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        if not _try_lock(self._fd):  # cannot happen for a new file; never hold a note unlocked
            os.close(self._fd)
            self._fd = None
            raise OSError(f"cannot lock {self.path}")
        self._write()

    def _write(self) -> None:
        if self._fd is None:
            return
        data = json.dumps(self._info, ensure_ascii=False).encode("utf-8")
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)

    def signed_in(self, who: str) -> None:
        self._info["signed_in"] = who
        self._write()

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.path.unlink()
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)


def holders(database: Path, *, exclude: Presence | None = None) -> list[Holder]:
    """The live processes that have ``database`` open (stale notes are removed on the way)."""
    folder = folder_for(database)
    if not folder.is_dir():
        return []
    found = []
    for note in sorted(folder.glob("*.json")):
        if exclude is not None and note == exclude.path:
            continue
        try:
            fd = os.open(note, os.O_RDWR)
        except OSError:
            continue  # removed meanwhile, or open for deletion on Windows: gone
        try:
            if _try_lock(fd):  # nobody holds it: that process has ended
                _unlock(fd)
                os.close(fd)
                fd = -1
                try:
                    note.unlink()
                except OSError:
                    pass
                continue
            try:
                info = json.loads(note.read_text(encoding="utf-8") or "{}")
            except (OSError, ValueError):
                info = {}
            found.append(
                Holder(
                    program=str(info.get("program", "会籍管理程序")),
                    user=str(info.get("user", "?")),
                    host=str(info.get("host", "?")),
                    pid=int(info.get("pid", 0) or 0),
                    since=str(info.get("since", "")),
                    signed_in=str(info.get("signed_in", "")),
                )
            )
        finally:
            if fd >= 0:
                os.close(fd)
    return found


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 — no user name in this environment
        return "?"


# The note ``restore`` leaves while it replaces the file: nobody opens the database meanwhile.
RESTORING = "从备份恢复（restore）"

# How this process is named in its notes; ``cli.main`` sets it ("会籍管理程序窗口", "命令行 import-members" …).
PROGRAM = "会籍管理程序"
