"""The dues area (会费, issue 13) and a member's dues tab: ``view.DuesView``, ``member.MemberDuesWidget``
(which the register's member window embeds). Importing the package loads neither: start-up only
asks the area's title."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def area_title() -> str:
    """The area's name in the main window's navigation (translated with the area's own views)."""
    return QCoreApplication.translate("DuesView", "Dues")
