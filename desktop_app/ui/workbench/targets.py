"""Opening a workbench line: the main window shows the line's area and the area is put on the
line's filter (``WorkItem.target``), through the areas' own widgets and methods."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app.core.models import ApplicationStage
from desktop_app.core.services.workbench import WorkItem


def open_item(window: Any, item: WorkItem) -> Any:
    """Show ``item``'s area in ``window`` (the main window) on its filter; returns what was opened
    (the area's view, a tab, or a dialog)."""
    target = item.target
    if item.area == "register" and target.get("export_roster"):
        from desktop_app.ui.register.roster_export import open_export_dialog

        window.show_area("register")
        return open_export_dialog(window, window.db, window.actor)
    area: Any = window.show_area(item.area)
    if item.area == "admission":
        if target.get("print_queue"):
            return area.open_print_queue()
        area.search.clear()
        area.status_box.setCurrentIndex(0)  # open applications
        area.select_stage(ApplicationStage(target["stage"]))
        return area
    if item.area == "mentors":
        tab: Any = area.show_tab(target["tab"])
        if target["tab"] == "forms":
            tab.status_box.setCurrentIndex(max(0, tab.status_box.findData(target.get("status", "pending"))))
        elif target["tab"] == "work":
            if target.get("mentor") is not None and hasattr(tab, "mentor_box") and tab.mentor_box.isVisible():
                tab.select_mentor(target["mentor"])
            tab.lists.setCurrentIndex(1)  # the overdue follow-ups
        elif target["tab"] == "nominations":
            tab.period_box.setCurrentIndex(max(0, tab.period_box.findData(target.get("period"))))
        return tab
    if item.area == "dues":
        area.tabs.setCurrentWidget(area.arrears)
        area.arrears.over_box.setChecked(bool(target.get("over_a_year")))
        return area.arrears
    if item.area == "withdrawal":
        page: QWidget = {"review": area.review, "cases": area.cases, "tasks": area.tasks}[target["tab"]]
        area.tabs.setCurrentWidget(page)
        if target["tab"] == "review" and target.get("run"):
            area.review.run()
        elif target["tab"] == "cases":
            area.cases.filter.setCurrentIndex(max(0, area.cases.filter.findData(target.get("filter", "open"))))
        return page
    if item.area == "mailing":
        if target.get("batch") is not None:
            area.select_batch(target["batch"])
        area.mine.setChecked(bool(target.get("mine")))
        area.select_view(target["view"])
        return area
    return area
