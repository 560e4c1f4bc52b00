"""Errors the services raise. Each carries its message as a ``Text`` of the message catalogue
(``desktop_app.messages``): ``str(error)`` is the Chinese text (the command line, logs and tests
read it as before), and the window shows ``error.render()`` in the interface language."""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.messages import Join, Renderable, Text, render, say


class OfficeError(Exception):
    """Base class: an expected failure with a message for the office worker."""

    def __init__(self, message: Renderable):
        self.text: Renderable = message
        super().__init__(str.__str__(message))

    def __str__(self) -> str:
        """Always the Chinese text: the command line, the logs and the tests read it."""
        return str.__str__(self.text)

    @property
    def message(self) -> str:
        """The message in the interface language (``messages.set_language``; Chinese unless the
        window runs in English), for every place that shows an error to a person."""
        return render(self.text)

    def render(self, language: str | None = None) -> str:
        """The message in ``language`` (default: the interface language)."""
        return render(self.text, language)


class ValidationError(OfficeError):
    """Bad input. ``errors`` maps each field name to the message for that field: Chinese text,
    usually a catalogue ``Text`` that ``field_message`` renders in the interface language."""

    def __init__(self, errors: Mapping[str, Renderable]):
        self.errors: dict[str, Renderable] = dict(errors)
        super().__init__(Join(self.errors.values()))

    def field_message(self, field: str, language: str | None = None) -> str:
        return render(self.errors[field], language)


class PermissionDenied(OfficeError):
    """The signed-in role may not do this (checked in the service, not only in the window)."""


class ConflictError(OfficeError):
    """Someone else saved the record after it was loaded (optimistic locking)."""


class DatabaseBusy(OfficeError):
    """Another connection held the write lock longer than we wait (SQLite's busy timeout), or
    PostgreSQL gave up on a lock or a serialisation: nothing was saved, trying again works."""

    def __init__(self, message: Renderable | None = None):
        super().__init__(message if message is not None else say("errors.database_busy"))


class NotFound(OfficeError):
    pass


class AuthenticationError(OfficeError):
    pass


class DatabaseTooNewError(OfficeError):
    """The database was written by a newer program; it is refused and left untouched."""


class NotOurDatabaseError(OfficeError):
    """The file or server database is not one of this program's."""


class Cancelled(OfficeError):
    """The user cancelled long work; raised from the progress callback, so nothing is committed."""

    def __init__(self, message: Renderable | None = None):
        super().__init__(message if message is not None else say("errors.cancelled"))


class NothingPrinted(OfficeError):
    """A print run in which no document could be made: no file is written (a sheet of pre-printed
    stock is not wasted on a page that says so). ``problems`` says why for each member."""

    def __init__(self, problems: list, title: Renderable = "文书"):  # type: ignore[type-arg]
        self.problems = list(problems)
        lines: list[Renderable] = [
            say("errors.problem_line", who=p.who, message=getattr(p, "text", p.message)) for p in self.problems[:10]
        ]
        if len(self.problems) > 10:
            lines.append(say("errors.more_problems", count=len(self.problems) - 10))
        parts: list[Renderable] = [say("errors.nothing_printed", title=title)]
        if lines:
            parts.append(Join([say("errors.nothing_printed_reasons"), *lines], "\n", "\n"))
        super().__init__(Join(parts, "", " "))


__all__ = [
    "AuthenticationError",
    "Cancelled",
    "ConflictError",
    "DatabaseBusy",
    "DatabaseTooNewError",
    "NotFound",
    "NotOurDatabaseError",
    "NothingPrinted",
    "OfficeError",
    "PermissionDenied",
    "Text",
    "ValidationError",
]
