"""Database passwords never shown, printed or logged (issue 10).

A PostgreSQL URL carries its password (``postgresql://user:password@host/db``), and so can the
text of an exception or a traceback that quotes one. Everything the program shows the office,
prints, or writes to its error log passes through ``redact_url`` first. The program itself still
connects with the full URL; only what leaves it is redacted.

No SQLAlchemy, no Qt: the command line imports this before deciding whether to open the window.
"""

from __future__ import annotations

import re

MASK = "***"

_SCHEME = r"\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]*:"
# user:password@ within one word; greedy, so an unencoded "@" in the password is covered too
_URL_PASSWORD = re.compile(rf"({_SCHEME})\S*@")
# what is left: a password with spaces in it (SQLAlchemy accepts one), up to the line's next "@"
_URL_PASSWORD_SPACED = re.compile(rf"({_SCHEME})(?!\*\*\*@)[^@\n]*@")
# ?password=… or &password=… in a URL's query (SQLAlchemy passes it on to the driver)
_QUERY_PASSWORD = re.compile(r"(?i)([?&]\w*password=)[^&\s#'\"]*")
# libpq keyword strings and environment assignments: password=secret, password='a b', PGPASSWORD=…,
# MEMBERSHIP_OFFICE_PASSWORD=…
_KEYWORD_PASSWORD = re.compile(r"""(?i)(?<![?&\w])(\w*password\s*=\s*)('(?:[^'\\\n]|\\.)*'|"[^"\n]*"|\S+)""")
# SQL quoted in a driver's error: CREATE/ALTER ROLE … PASSWORD 'SCRAM-SHA-256$…' (a password hash)
_SQL_PASSWORD = re.compile(r"(?i)(\bpassword\s+)'(?:[^'\n]|'')*'")
# a dictionary of connection arguments printed by Python: {'password': 'secret'}
_MAPPING_PASSWORD = re.compile(r"""(?i)(['"]\w*password['"]\s*:\s*)('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")""")


def redact_url(url_or_text: object) -> str:
    """``url_or_text`` (a SQLAlchemy ``URL``, a URL, a message, a traceback) as text with the
    password of every database URL or connection string in it replaced by ``***``."""
    render = getattr(url_or_text, "render_as_string", None)  # sqlalchemy.engine.URL
    text = render(hide_password=True) if callable(render) else str(url_or_text)
    text = _URL_PASSWORD.sub(rf"\g<1>{MASK}@", text)
    text = _URL_PASSWORD_SPACED.sub(rf"\g<1>{MASK}@", text)
    text = _QUERY_PASSWORD.sub(rf"\g<1>{MASK}", text)
    text = _KEYWORD_PASSWORD.sub(rf"\g<1>{MASK}", text)
    text = _SQL_PASSWORD.sub(rf"\g<1>'{MASK}'", text)
    return _MAPPING_PASSWORD.sub(rf"\g<1>'{MASK}'", text)


def has_password(url: str) -> bool:
    """Whether the database URL ``url`` contains a password (anything ``redact_url`` would hide)."""
    return redact_url(url) != url
