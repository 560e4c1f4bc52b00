"""QtCharts on screen: bars (one or more series over categories) and a pie, in the interface's
font, with the values on the bars."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter

COLOURS = ("#3b73b9", "#e8833a", "#5aa469", "#c0504d", "#8064a2")


def chart_view(name: str) -> QChartView:
    view = QChartView(QChart())
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(240)
    return view


def show_bars(
    view: QChartView,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    horizontal: bool = False,
    percent: bool = False,
) -> QChart:
    """Replace the chart in ``view`` by bars: one set per ``series`` (name, values)."""
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    bars = QHorizontalBarSeries() if horizontal else QBarSeries()
    top = 0.0
    for number, (name, values) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.setColor(COLOURS[number % len(COLOURS)])
        for value in values:
            shown = round(float(value) * 100, 1) if percent else round(float(value), 1)
            bar_set.append(shown)
            top = max(top, shown)
        bars.append(bar_set)
    # values on the bars only where they fit: one series over a dozen categories at most
    bars.setLabelsVisible(len(series) == 1 and len(categories) <= 12)
    bars.setLabelsFormat("@value%" if percent else "@value")
    bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(bars)
    names = QBarCategoryAxis()
    names.append([str(c) for c in categories] or [""])
    values_axis = QValueAxis()
    values_axis.setRange(0, 100 if percent else max(1.0, top * 1.15))
    values_axis.setLabelFormat("%d%%" if percent else "%.0f")
    if horizontal:
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(names)
    bars.attachAxis(values_axis)
    chart.legend().setVisible(len(series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    _replace(view, chart)
    return chart


def show_pie(view: QChartView, title: str, slices: Sequence[tuple[str, float]]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    pie = QPieSeries()
    total = sum(value for _label, value in slices)
    for number, (label, value) in enumerate(slices):
        if value <= 0:
            continue
        part = pie.append(f"{label} {value:g} ({value / total * 100:.1f}%)" if total else label, float(value))
        part.setColor(COLOURS[number % len(COLOURS)])
        part.setLabelVisible(True)
    chart.addSeries(pie)
    chart.legend().setVisible(False)
    _replace(view, chart)
    return chart


def _replace(view: QChartView, chart: QChart) -> None:
    old = view.chart()
    view.setChart(chart)
    if old is not None:
        old.deleteLater()
