"""The area 报告 (issue 17): the half-yearly mentor report on screen, the office's proposal edited
before export (who changed it is shown), the QtCharts charts, the statistics, the exports."""

from __future__ import annotations

from PySide6.QtCharts import QBarSeries, QPieSeries

from desktop_app.core.models.reports import ProposalChoice
from desktop_app.core.services import accounts, reports
from desktop_app.demo import DEMO_PASSWORD
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.withdrawal.common import select_row


def _window(qtbot, db, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    with db.session() as session:
        actor = accounts.sign_in(session, username, DEMO_PASSWORD)
    window = MainWindow(db, actor)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_mentor_report_and_the_offices_proposal(qtbot, qtmodeltester, demo_db, messages, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, "officer")
    area = window.show_area("reports")
    tab = area.show_tab("mentors")
    qtmodeltester.check(tab.model)
    assert tab.half_box.currentData() == "2026H2"  # late November: the running half
    report = tab.report
    assert report is not None and report.half.code == "2026H2"
    ranked = [line for line in report.lines if line.rank is not None]
    # the table: the ranked mentors, the unassigned line if any, the total
    assert tab.model.rowCount() == len(report.lines) + (1 if report.unassigned else 0) + 1
    assert tab.model.index(0, 1).data() == ranked[0].mentor_name
    assert tab.model.index(0, 0).data() == "1"
    series = tab.chart.chart().series()
    assert len(series) == 1 and isinstance(series[0], QBarSeries) and len(series[0].barSets()) == 3
    assert series[0].barSets()[0].count() == len(ranked)

    # change the proposal of the first mentor: a reason is required, then who changed it is shown
    line = ranked[0]
    other = ProposalChoice.REWARD if line.suggested != ProposalChoice.REWARD else ProposalChoice.PENALTY
    assert select_row(tab.table, lambda row: row.mentor_id == line.mentor_id)
    dialog = tab.propose()
    assert dialog is not None
    dialog.choice.setCurrentIndex(dialog.choice.findData(other.value))
    dialog.save()
    assert dialog.isVisible() and "理由" in dialog.error.text()
    dialog.reason.setPlainText("联系工作扎实")
    dialog.save()
    assert not dialog.isVisible()
    row = next(n for n, r in enumerate(tab.model.rows) if r.mentor_id == line.mentor_id)
    assert tab.model.rows[row].proposal == other and tab.model.rows[row].edited_by == "郑会籍"
    assert "郑会籍" in tab.model.index(row, len(tab.model.columns) - 1).data()

    # the export carries the proposal
    tab.export(".xlsx", str(tmp_path / "考核.xlsx"))
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert "考核.xlsx" in messages[-1].text
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "考核.xlsx").active
    found = [r for r in sheet.iter_rows(values_only=True) if r[1] == line.mentor_name]
    assert found and found[0][30] == other.label and found[0][31] == "郑会籍"
    window.close()


def test_statistics_tables_and_charts(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db, "mentor01")  # a mentor sees the statistics, not the mentor report
    area = window.show_area("reports")
    assert area.keys() == ["statistics"]
    tab = area.show_tab("statistics")
    with demo_db.session() as session:
        stats = reports.statistics(session, window.actor)
    assert tab.table.rowCount() == len(stats.by_level) + 1
    assert tab.table.item(len(stats.by_level), 1).text() == str(stats.active)
    tab.sections.setCurrentRow(1)
    assert isinstance(tab.chart.chart().series()[0], QPieSeries)
    tab.sections.setCurrentRow(3)
    assert tab.table.rowCount() == len(stats.flows)
    assert len(tab.chart.chart().series()[0].barSets()) == 3
    tab.sections.setCurrentRow(5)
    assert tab.table.rowCount() == len(stats.stages)
    window.close()
