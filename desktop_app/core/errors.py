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
