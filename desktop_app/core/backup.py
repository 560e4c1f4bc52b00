"""Consistent copies of the SQLite database, taken with SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def sqlite_backup(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` page by page; safe while the program has it open."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_name(destination.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(destination)
    return destination
