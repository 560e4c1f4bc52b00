"""The area 退会管理 (withdrawal and cancellation, R-11.1 … R-15.1): one tab per part of the work,
each reading through the operations layer and refreshing when withdrawal data change."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.core.security import Actor
from desktop_app.core.services import withdrawal
from desktop_app.ui import ops
from desktop_app.ui.withdrawal.activities import ActivitiesTab
from desktop_app.ui.withdrawal.appeals import AppealsTab, TasksTab
from desktop_app.ui.withdrawal.cases import CasesTab
from desktop_app.ui.withdrawal.review import ReviewTab


class WithdrawalView(QWidget):
    def __init__(self, db: Any, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("withdrawal_tabs")
        self.review = ReviewTab(db, actor, self)
        self.cases = CasesTab(db, actor, self)
        self.appeals = AppealsTab(db, actor, self)
        self.activities = ActivitiesTab(db, actor, self)
        self.tasks = TasksTab(db, actor, self)
        for widget in (self.review, self.cases, self.appeals, self.activities, self.tasks):
            self.tabs.addTab(widget, "")
        layout.addWidget(self.tabs)
        self._listener = ops.listen(self, {ops.WITHDRAWAL, ops.MEMBERS, ops.DUES, ops.MAILING}, self.refresh)
        QShortcut(QKeySequence("Alt+1"), self, activated=lambda: self.tabs.setCurrentWidget(self.review))
        QShortcut(QKeySequence("Alt+2"), self, activated=lambda: self.tabs.setCurrentWidget(self.cases))
        QShortcut(QKeySequence("Alt+3"), self, activated=lambda: self.tabs.setCurrentWidget(self.appeals))
        QShortcut(QKeySequence("Alt+4"), self, activated=lambda: self.tabs.setCurrentWidget(self.activities))
        QShortcut(QKeySequence("Alt+5"), self, activated=lambda: self.tabs.setCurrentWidget(self.tasks))
        self._titles()

    def _titles(self) -> None:
        actor = self._actor
        counts = ops.query(self._db, lambda s: withdrawal.counts(s, actor))
        self.tabs.setTabText(0, self.tr("Review"))
        self.tabs.setTabText(1, self.tr("Cases (%1 open)").replace("%1", str(counts["cases"])))
        self.tabs.setTabText(2, self.tr("Appeals (%1)").replace("%1", str(counts["appeals"])))
        self.tabs.setTabText(3, self.tr("Activities (%1 rows to match)").replace("%1", str(counts["pending_rows"])))
        self.tabs.setTabText(4, self.tr("Tasks (%1)").replace("%1", str(counts["tasks"])))

    def refresh(self, topics: frozenset[str]) -> None:
        self._titles()
        self.cases.refresh(topics)
        self.appeals.refresh(topics)
        self.activities.refresh(topics)
        self.tasks.refresh(topics)
        if ops.WITHDRAWAL in topics or ops.DUES in topics:
            self.review.refresh(topics)
