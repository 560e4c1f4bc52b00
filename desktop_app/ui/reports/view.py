"""The area 报告: the half-yearly mentor report (the office and the resident leader) and the
membership statistics (everyone who may see them). Each tab is built the first time it is shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.core.db import Database
from desktop_app.core.security import Actor, Permission
from desktop_app.ui.widgets import LazyTabs


def area_title() -> str:
    return QCoreApplication.translate("ReportsView", "Reports")


def may_see(actor: Actor) -> bool:
    return actor.can(Permission.VIEW_MENTOR_REPORT) or actor.can(Permission.VIEW_STATISTICS)


class ReportsView(LazyTabs):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent, "report_tabs")
        self._db, self._actor = db, actor
        if actor.can(Permission.VIEW_MENTOR_REPORT):
            self.add("mentors", self.tr("Half-yearly mentor report"), self._mentors)
        if actor.can(Permission.VIEW_STATISTICS):
            self.add("statistics", self.tr("Statistics"), self._statistics)
        self.start()

    def _mentors(self) -> QWidget:
        from desktop_app.ui.reports.mentors import MentorReportTab

        return MentorReportTab(self._db, self._actor, self)

    def _statistics(self) -> QWidget:
        from desktop_app.ui.reports.statistics import StatisticsTab

        return StatisticsTab(self._db, self._actor, self)
