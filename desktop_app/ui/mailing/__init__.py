"""The mailing area (邮寄管理, issue 14): batches, recipients, printing, tracking, proof."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def area_title() -> str:
    """The area's name in the main window's navigation (translated with the area's own views)."""
    return QCoreApplication.translate("MailingView", "Mailing")
