"""The office's messages, named once: a key, its parameters, and a Chinese and an English text.

The core raises errors and writes history summaries with a ``Text`` (a key and its parameters);
``str()`` of a ``Text`` is the Chinese text, so the command line, the logs and the tests read
Chinese as before, and the window renders the same ``Text`` in the interface language.

Templates are ``str.format`` strings with named fields. Two additions:
- ``{count:@member/members}`` writes the number and the right English noun ("1 member",
  "3,003 members"); in a Chinese template ``{count:,}`` or ``{count}`` serves.
- a parameter that is a list or tuple is joined with "、" in Chinese and ", " in English; a
  parameter that is itself a ``Text`` or ``Label`` is rendered in the same language.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from typing import Any

from desktop_app.messages import catalogue

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)

_language = CHINESE


def set_language(language: str) -> None:
    """The language ``render`` uses when none is given (the window's interface language)."""
    global _language
    _language = ENGLISH if language == ENGLISH else CHINESE


def language() -> str:
    return _language


def templates(key: str) -> tuple[str, str]:
    """The Chinese and English templates of ``key``; ``KeyError`` for an unknown key."""
    return catalogue.MESSAGES[key]


class Label(str):
    """A name with a Chinese and an English form (a field, a role, a category…). It *is* the
    Chinese string, so code that treats it as text keeps working; ``render`` gives either form."""

    en: str

    def __new__(cls, zh: str, en: str) -> Label:
        self = super().__new__(cls, zh)
        self.en = en
        return self

    @property
    def zh(self) -> str:
        return str.__str__(self)

    def render(self, language: str | None = None) -> str:
        return self.en if (language or _language) == ENGLISH else self.zh

    def __repr__(self) -> str:
        return f"Label({self.zh!r}, {self.en!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Label, (self.zh, self.en))


class Text(str):
    """One message of the catalogue with its parameters. It *is* its Chinese text (a ``str``), so
    everything that treats messages as text — the command line, logs, tests, the Chinese window —
    keeps working; the window calls ``render()`` to show it in the interface language."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Text:
        if key not in catalogue.MESSAGES:
            raise KeyError(f"unknown message key {key!r}")
        self = super().__new__(cls, _FORMATTER.format(catalogue.MESSAGES[key][0], CHINESE, params))
        self.key = key
        self.params = params
        return self

    def render(self, language: str | None = None) -> str:
        zh, en = catalogue.MESSAGES[self.key]
        lang = language or _language
        if lang != ENGLISH:
            return str.__str__(self)
        return _FORMATTER.format(en, lang, self.params)

    def __repr__(self) -> str:
        return f"Text({self.key!r}, {self.params!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_make_text, (self.key, self.params))


def _make_text(key: str, params: dict[str, Any]) -> Text:
    return Text(key, **params)


def say(key: str, /, **params: Any) -> Text:
    """The message ``key`` with its parameters (it is the Chinese text; ``render`` for English)."""
    return Text(key, **params)


class Join(str):
    """Several texts as one: "；" between them in Chinese, "; " in English (or given separators)."""

    parts: list[Any]
    en_separator: str

    def __new__(cls, parts: Iterable[Any], zh_separator: str = "；", en_separator: str = "; ") -> Join:
        items = list(parts)
        self = super().__new__(cls, zh_separator.join(str(p) for p in items))
        self.parts = items
        self.en_separator = en_separator
        return self

    def render(self, language: str | None = None) -> str:
        lang = language or _language
        if lang != ENGLISH:
            return str.__str__(self)
        return self.en_separator.join(render(part, lang) for part in self.parts)

    def __reduce__(self) -> tuple[Any, ...]:
        return (str, (str.__str__(self),))


Renderable = str  # a plain text, or a Text, Label or Join that renders in either language


def render(value: object, language: str | None = None) -> str:
    """``value`` in ``language`` (default: the interface language): a ``Text``, ``Label`` or
    ``Join`` is rendered, an exception carrying a ``text`` renders that, anything else is ``str``."""
    lang = language or _language
    if isinstance(value, (Text, Label, Join)):
        return value.render(lang)
    text = getattr(value, "text", None)
    if isinstance(value, BaseException) and isinstance(text, (Text, Label, Join)):
        return text.render(lang)
    if isinstance(value, (list, tuple)):
        return (", " if lang == ENGLISH else "、").join(render(v, lang) for v in value)
    return "" if value is None else str(value)


class _Formatter(string.Formatter):
    def format(self, template: str, /, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        language, params = args
        self._lang = language
        return self.vformat(template, (), params)

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        return kwargs[str(key)]

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("@"):
            singular, _, plural = format_spec[1:].partition("/")
            try:
                number = int(str(value).replace(",", ""))
            except ValueError:  # a parameter read back from a stored text (``recognise``)
                return f"{value} {plural or singular}"
            return f"{number:,} {singular if number == 1 else (plural or singular + 's')}"
        if format_spec and isinstance(value, str) and not isinstance(value, (Text, Label, Join)):
            return value  # already formatted: read back from a stored text (``recognise``)
        if isinstance(value, (list, tuple)):
            value = (", " if self._lang == ENGLISH else "、").join(self.format_field(v, "") for v in value)
        elif isinstance(value, (Text, Label, Join)):
            value = render(value, self._lang)
        elif isinstance(value, str) and self._lang == ENGLISH:
            value = catalogue.LABELS.get(value, value)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def fields(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def history_keys() -> tuple[str, ...]:
    """The keys of the history's summaries (``<job>.history.<what>``)."""
    return tuple(key for key in catalogue.MESSAGES if ".history." in key)


def render_summary(summary: str, language: str | None = None) -> str:
    """A history summary as stored (Chinese text) in ``language``: recognised against the
    catalogue's history messages and rendered; a summary no message matches is shown as it is."""
    if (language or _language) != ENGLISH:
        return summary
    text = recognise(summary, history_keys())
    return summary if text is None else text.render(ENGLISH)


def recognise(text: str, keys: Iterable[str] | None = None) -> Text | None:
    """The ``Text`` whose Chinese rendering ``text`` is (for summaries stored as Chinese text in
    the history), or ``None``. Parameters come back as the strings they were written as."""
    for key, pattern in _patterns(tuple(keys) if keys is not None else None):
        match = pattern.fullmatch(text)
        if match is not None:
            return Text(key, **match.groupdict())
    return None


_PATTERN_CACHE: dict[tuple[str, ...] | None, list[tuple[str, Any]]] = {}


def _patterns(keys: tuple[str, ...] | None) -> list[tuple[str, Any]]:
    import re

    cached = _PATTERN_CACHE.get(keys)
    if cached is not None:
        return cached
    out = []
    for key in keys if keys is not None else catalogue.MESSAGES:
        zh = catalogue.MESSAGES[key][0]
        parts, seen, ok, literal = [], set(), True, 0
        for text, name, spec, _ in string.Formatter().parse(zh):
            parts.append(re.escape(text))
            literal += len(text)
            if name is None:
                continue
            if name in seen or spec.startswith("@"):
                ok = False
                break
            seen.add(name)
            parts.append(f"(?P<{name}>.+?)")
        if ok:
            out.append((literal, key, re.compile("".join(parts), re.DOTALL)))
    # the most specific pattern first: the one with the most literal text
    out.sort(key=lambda item: -item[0])
    result = [(key, pattern) for _, key, pattern in out]
    _PATTERN_CACHE[keys] = result
    return result
