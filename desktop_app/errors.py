"""Errors the services raise. Their messages are Chinese and meant to be shown as they are."""

from __future__ import annotations


class OfficeError(Exception):
    """Base class: an expected failure with a message for the office worker."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(OfficeError):
    """Bad input. ``errors`` maps each field name to the Chinese message for that field."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


class PermissionDenied(OfficeError):
    """The signed-in role may not do this (checked in the service, not only in the window)."""


class ConflictError(OfficeError):
    """Someone else saved the record after it was loaded (optimistic locking)."""


class DatabaseBusy(OfficeError):
    """Another connection held the write lock longer than we wait (SQLite's busy timeout), or
    PostgreSQL gave up on a lock or a serialisation: nothing was saved, trying again works."""

    def __init__(self, message: str = "数据库正忙（另一个工作站或程序正在写入，例如导入会员名册），请稍后再试。"):
        super().__init__(message)


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

    def __init__(self, message: str = "已取消。"):
        super().__init__(message)


class NothingPrinted(OfficeError):
    """A print run in which no document could be made: no file is written (a sheet of pre-printed
    stock is not wasted on a page that says so). ``problems`` says why for each member."""

    def __init__(self, problems: list, title: str = "文书"):  # type: ignore[type-arg]
        self.problems = list(problems)
        lines = [f"· {p.who}：{p.message}" for p in self.problems[:10]]
        if len(self.problems) > 10:
            lines.append(f"…… 另有 {len(self.problems) - 10} 项")
        text = f"没有可以生成的{title}，未写入任何文件。"
        if lines:
            text += "原因：\n" + "\n".join(lines)
        super().__init__(text)
