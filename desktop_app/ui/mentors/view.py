"""The area 班主任工作: its tabs by role. The office and the resident leader start on the allocation
(R-7.1, R-9.1) and see every mentor's work; a mentor starts on its own members. Each tab is built
the first time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.core.db import Database
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services.mentors import own_only


class MentorsView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mentor_tabs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._factories: list[tuple[str, Callable[[], QWidget]]] = []
        self._built: dict[str, QWidget] = {}
        mentor = own_only(actor)
        if actor.can(Permission.VIEW_ALLOCATION):
            self._add("allocation", self.tr("Allocation"), self._allocation)
        self._add("work", self.tr("My members") if mentor else self.tr("Mentors' work"), self._work)
        self._add("forms", self.tr("Handover forms"), self._forms)
        self._add("circulation", self.tr("Circulation and publicity"), self._circulation)
        self._add("nominations", self.tr("Outstanding liaisons"), self._nominations)
        self.tabs.currentChanged.connect(self._show)
        self._show(0)

    def _add(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        self._factories.append((key, factory))
        placeholder = QWidget()
        self.tabs.addTab(placeholder, title)

    def _show(self, index: int) -> None:
        if 0 <= index < len(self._factories):
            self.tab(self._factories[index][0])

    def keys(self) -> list[str]:
        return [key for key, _factory in self._factories]

    def tab(self, key: str) -> QWidget:
        """The tab's view, built on first use."""
        if key not in self._built:
            index = self.keys().index(key)
            widget = self._factories[index][1]()
            title = self.tabs.tabText(index)
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            old = self.tabs.widget(index)
            self.tabs.removeTab(index)
            old.deleteLater()
            self.tabs.insertTab(index, widget, title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self._built[key] = widget
        return self._built[key]

    def show_tab(self, key: str) -> QWidget:
        widget = self.tab(key)
        self.tabs.setCurrentIndex(self.keys().index(key))
        return widget

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
