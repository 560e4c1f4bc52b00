"""Where the program finds its resources and keeps its data (no Qt here)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import platformdirs

from desktop_app import APP_AUTHOR, APP_NAME


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


HOME_ENV = "MEMBERSHIP_OFFICE_HOME"


def data_dir() -> Path:
    """The user's data folder, owner-only; ``MEMBERSHIP_OFFICE_HOME`` overrides it (tests, portable installs)."""
    override = os.environ.get(HOME_ENV)
    return private_dir(Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def backups_dir() -> Path:
    return private_dir(data_dir() / "backups")


# --- owner-only files and folders (issue 10) ----------------------------------------------------------
# The database, its backups and the error log hold every member and the staff's password hashes:
# on a shared computer no other account may read them. POSIX only: on Windows the per-user
# profile folders (%LOCALAPPDATA%) are already closed to other users by their ACLs.

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private(path: Path, mode: int = PRIVATE_FILE_MODE) -> None:
    """Take away any permission bit of ``path`` beyond ``mode`` (group and others'), if it exists.

    Best effort: a file or folder another account owns cannot be changed, and is left as it is.
    """
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(os.stat(path).st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)
    except OSError:
        pass


def private_dir(path: Path) -> Path:
    """``path`` as a folder, created 0700 or tightened to it; returns ``path``."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    make_private(path, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """``path`` as an (empty, if new) file readable by its owner only: created 0600 before anything
    is written to it, so no other account can open it in between; an existing one is tightened."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    except FileExistsError:
        make_private(path)
    return path
