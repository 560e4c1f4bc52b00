"""The area 退会管理 (R-11.1 … R-15.1): the review, the cases with their deadlines, appeals,
activities and attendance, the mentors' tasks; and a member's withdrawal tab for the register."""

from PySide6.QtCore import QCoreApplication


def area_title() -> str:
    """The area's name in the navigation (main_window imports only this, not the views)."""
    return QCoreApplication.translate("Withdrawal", "Withdrawal")
