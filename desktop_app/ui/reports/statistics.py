"""The membership statistics: active members by level, category and district; joins and leavings
per year (the membership spells); dues billed and collected per year; applications by step and the
average days each step took — a table and a chart for each, Excel and PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.security import Actor
from desktop_app.core.services import reports
from desktop_app.core.services.reports import Statistics
from desktop_app.ui import msgbox, ops
from desktop_app.ui.reports.charts import chart_view, show_bars, show_pie
from desktop_app.ui.withdrawal.common import button

SECTIONS = ("level", "category", "district", "flows", "dues", "applications")


class StatisticsTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.stats: Statistics | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("statistics_summary")
        bar.addWidget(self.summary, 1)
        bar.addWidget(button(self.tr("Export to &Excel…"), "export_excel", lambda: self.export(".xlsx")))
        bar.addWidget(button(self.tr("Export to &PDF…"), "export_pdf", lambda: self.export(".pdf")))
        layout.addLayout(bar)
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setMaximumWidth(200)
        for key, title in zip(
            SECTIONS,
            (
                self.tr("Members by level"),
                self.tr("Members by category"),
                self.tr("Members by district"),
                self.tr("Joins and leavings per year"),
                self.tr("Dues per year"),
                self.tr("Applications by step"),
            ),
            strict=True,
        ):
            self.sections.addItem(title)
            self.sections.item(self.sections.count() - 1).setData(Qt.ItemDataRole.UserRole, key)
        self.sections.currentRowChanged.connect(lambda _row: self.show_section())
        self.table = QTableWidget()
        self.table.setObjectName("statistics_table")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart = chart_view("statistics_chart")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.chart)
        right.setSizes([260, 380])
        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1000])
        layout.addWidget(splitter, 1)
        self._listener = ops.listen(
            self, {ops.MEMBERS, ops.APPLICATIONS, ops.DUES, ops.WITHDRAWAL, ops.SETTINGS}, lambda _t: self.reload()
        )
        self.sections.setCurrentRow(0)
        self.reload()

    def reload(self) -> None:
        actor = self._actor
        self.stats = ops.query(self._db, lambda session: reports.statistics(session, actor))
        self.summary.setText(
            self.tr("As of %1: %2 active members.")
            .replace("%1", self.stats.made_on.isoformat())
            .replace("%2", str(self.stats.active))
        )
        self.show_section()

    def section(self) -> str:
        item = self.sections.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else SECTIONS[0]

    def _fill(self, headers: list[str], rows: list[list[Any]]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = QTableWidgetItem("" if value is None else str(value))
                if c > 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()

    def show_section(self) -> None:
        stats = self.stats
        if stats is None:
            return
        key = self.section()
        if key in ("level", "category", "district"):
            rows = {"level": stats.by_level, "category": stats.by_category, "district": stats.by_district}[key]
            total = sum(r.count for r in rows)
            label = {
                "level": self.tr("Level"),
                "category": self.tr("Category"),
                "district": self.tr("District"),
            }[key]
            self._fill(
                [label, self.tr("Members"), self.tr("Share")],
                [[r.label, r.count, f"{r.count / total * 100:.1f}%" if total else "—"] for r in rows]
                + [[self.tr("Total"), total, "100.0%" if total else "—"]],
            )
            title = self.sections.currentItem().text()
            if key == "category":
                show_pie(self.chart, title, [(r.label, float(r.count)) for r in rows])
            else:
                show_bars(
                    self.chart,
                    title,
                    [r.label for r in rows],
                    [(self.tr("Members"), [float(r.count) for r in rows])],
                    horizontal=key == "district",
                )
        elif key == "flows":
            self._fill(
                [self.tr("Year"), self.tr("Joined"), self.tr("Withdrew"), self.tr("Cancelled"), self.tr("Net")],
                [[f.year, f.joined, f.withdrawn, f.cancelled, f.joined - f.left] for f in stats.flows],
            )
            show_bars(
                self.chart,
                self.tr("Joins and leavings per year"),
                [str(f.year) for f in stats.flows],
                [
                    (self.tr("Joined"), [float(f.joined) for f in stats.flows]),
                    (self.tr("Withdrew"), [float(f.withdrawn) for f in stats.flows]),
                    (self.tr("Cancelled"), [float(f.cancelled) for f in stats.flows]),
                ],
            )
        elif key == "dues":
            self._fill(
                [
                    self.tr("Dues year"),
                    self.tr("Bills"),
                    self.tr("Billed (yuan)"),
                    self.tr("Paid in full"),
                    self.tr("Collected (yuan)"),
                    self.tr("Collection rate"),
                ],
                [
                    [
                        d.year,
                        d.billed_count,
                        f"{d.billed_amount:,.2f}",
                        d.paid_count,
                        f"{d.collected_amount:,.2f}",
                        "—" if d.rate is None else f"{d.rate * 100:.1f}%",
                    ]
                    for d in stats.dues
                ],
            )
            show_bars(
                self.chart,
                self.tr("Dues billed and collected per year (yuan)"),
                [str(d.year) for d in stats.dues],
                [
                    (self.tr("Billed (yuan)"), [float(d.billed_amount) for d in stats.dues]),
                    (self.tr("Collected (yuan)"), [float(d.collected_amount) for d in stats.dues]),
                ],
            )
        else:
            self._fill(
                [self.tr("Step"), self.tr("Waiting now"), self.tr("Done"), self.tr("Average days")],
                [
                    [s.title, s.waiting, s.completed, "—" if s.average_days is None else f"{s.average_days:.1f}"]
                    for s in stats.stages
                ],
            )
            show_bars(
                self.chart,
                self.tr("Average days per admission step"),
                [s.title for s in stats.stages],
                [(self.tr("Average days"), [s.average_days or 0.0 for s in stats.stages])],
                horizontal=True,
            )

    def export(self, suffix: str, path: str | None = None) -> None:
        if not path:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            name = f"会员统计（{self._db.clock.today().isoformat()}）{suffix}"
            pattern = self.tr("Excel workbooks (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF files (*.pdf)")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the statistics"), str(Path(folder) / name), pattern
            )
            if not path:
                return
        target = Path(path) if Path(path).suffix.lower() == suffix else Path(path + suffix)
        actor = self._actor

        def work(session: Any, progress: ops.ProgressFn) -> reports.Exported:
            return reports.export_statistics(session, actor, target, progress=progress)

        def done(result: reports.Exported) -> None:
            msgbox.information(
                self,
                self.tr("Export the statistics"),
                self.tr("The statistics were saved to %1.").replace("%1", str(result.path)),
            )

        ops.Op(self, self._db, work, title=self.tr("Export the statistics")).in_background(
            self.tr("Writing the statistics…")
        ).success(done).run()
