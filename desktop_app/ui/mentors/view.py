"""The area 班主任工作: its tabs by role. The office and the resident leader start on the allocation
(R-7.1, R-9.1) and see every mentor's work; a mentor starts on its own members. Each tab is built
the first time it is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.core.db import Database
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services.mentors import own_only
from desktop_app.ui.widgets import LazyTabs


class MentorsView(LazyTabs):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent, "mentor_tabs")
        self._db, self._actor = db, actor
        mentor = own_only(actor)
        if actor.can(Permission.VIEW_ALLOCATION):
            self.add("allocation", self.tr("Allocation"), self._allocation)
        self.add("work", self.tr("My members") if mentor else self.tr("Mentors' work"), self._work)
        self.add("forms", self.tr("Handover forms"), self._forms)
        self.add("circulation", self.tr("Circulation and publicity"), self._circulation)
        self.add("nominations", self.tr("Outstanding liaisons"), self._nominations)
        self.start()

    def _allocation(self) -> QWidget:
        from desktop_app.ui.mentors.allocation import AllocationView

        return AllocationView(self._db, self._actor, self)

    def _work(self) -> QWidget:
        from desktop_app.ui.mentors.work import MentorWorkView

        return MentorWorkView(self._db, self._actor, self)

    def _forms(self) -> QWidget:
        from desktop_app.ui.mentors.forms import FormsView

        return FormsView(self._db, self._actor, self)

    def _circulation(self) -> QWidget:
        from desktop_app.ui.mentors.circulation import CirculationView

        return CirculationView(self._db, self._actor, self)

    def _nominations(self) -> QWidget:
        from desktop_app.ui.mentors.nominations import NominationsView

        return NominationsView(self._db, self._actor, self)
