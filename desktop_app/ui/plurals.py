"""English plurals for the English interface (issue 16): the sources are English, written with Qt's
``%n`` and a "(s)" for the plural ("%Ln member(s)"); Chinese gets its numerus forms from the .ts
files, English from this translator, which writes "1 member" and "3,003 members"."""

from __future__ import annotations

import re

from PySide6.QtCore import QTranslator

# "member(s)" → "member" / "members"; "address(es)" → "address" / "addresses"
_PLURAL = re.compile(r"(?<=[A-Za-z])\((s|es)\)")


def english_plural(source: str, n: int) -> str:
    """``source`` with each "(s)"/"(es)" made singular (n == 1) or plural."""
    return _PLURAL.sub(lambda m: "" if n == 1 else m.group(1), source)


class EnglishPlurals(QTranslator):
    """Answers only texts counted with ``%n``; every other text is left to the source (English)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:  # type: ignore[override]
        if n < 0 or not source or "(" not in source:
            return None  # a null string: not translated here, Qt shows the source
        return english_plural(source, n)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False
