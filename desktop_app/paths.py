"""Where the program finds its resources and keeps its data (no Qt here)."""

from __future__ import annotations

import os
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
    """The user's data folder; ``MEMBERSHIP_OFFICE_HOME`` overrides it (tests, portable installs)."""
    override = os.environ.get(HOME_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
