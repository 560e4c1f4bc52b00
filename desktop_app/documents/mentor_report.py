"""The half-yearly mentor report (班主任工作半年考核报告, R-9.5) on paper: A4 landscape, one line
per mentor ranked by score — members served, contacts, members without contact, WeChat group
coverage, handover forms and how fast they were applied, dues billed / collected / rate, arrears,
outstanding-liaison nominations, the score and the reward/penalty proposal with who changed it —
then the totals, how each figure is counted, two charts (the ranking; the three ratios per mentor)
and the lines to sign. Laid out by ``documents.report_pages``.

The figures arrive computed (``core/services/reports.py``); this module only prints them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.documents import BuildReport, Output, Progress, report_pages
from desktop_app.documents.inputs import DocumentContext
from desktop_app.documents.report_pages import Chart, Column, ReportInput, Section, Series


@dataclass(frozen=True)
class MentorLineInput:
    """One mentor's figures as printed (``rank`` None: not ranked, e.g. served no member)."""

    rank: int | None
    mentor: str
    members_served: int
    contact_entries: int
    members_contacted: int
    members_without_contact: int
    wechat_joined: int
    wechat_expected: int
    forms_filed: int
    forms_applied: int
    forms_pending: int
    days_to_apply: float | None
    billed_count: int
    billed_amount: Decimal
    paid_count: int
    collected_amount: Decimal
    arrears_members: int
    arrears_amount: Decimal
    nominations: int
    nominations_approved: int
    contact_rate: float | None
    wechat_rate: float | None
    collection_rate: float | None
    score: float | None
    proposal: str  # 奖励 / 不奖不罚 / 处罚 (or "" for a totals line)
    changed: str = ""  # “建议：奖励；王主任 2026-07-03 修改：……” when the office changed it


@dataclass(frozen=True)
class MentorReportInput:
    association: str
    half_label: str  # 2026年上半年
    period: tuple[dt.date, dt.date]
    as_of: dt.date  # the last day counted (the period's end, or today while it runs)
    made_on: dt.date
    made_by: str
    lines: tuple[MentorLineInput, ...]  # ranked first, then the unranked
    total: MentorLineInput
    unassigned: MentorLineInput | None  # dues of members without a mentor
    rules: tuple[str, ...]  # how each figure is counted, the weights and thresholds

    @property
    def name(self) -> str:  # the problems list names the report
        return f"{self.association}班主任工作半年考核报告"


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


COLUMNS = (
    Column("排名", 3.2),
    Column("班主任", 6),
    Column("服务\n会员", 4.2, "right"),
    Column("联系\n次数", 4.2, "right"),
    Column("已联系\n会员", 4.6, "right"),
    Column("未联系\n会员", 4.6, "right"),
    Column("微信群覆盖\n已入群/应入群", 7.6, "right"),
    Column("交接单\n填报/办结/待办", 7, "right"),
    Column("平均办结\n天数", 4.8, "right"),
    Column("应收会费\n户数 / 金额（元）", 10, "right"),
    Column("已收会费\n足额户数 / 金额（元）", 10.5, "right"),
    Column("收缴率\n（按金额）", 5.2, "right"),
    Column("欠费\n户数 / 金额（元）", 9.5, "right"),
    Column("优秀通联员\n推荐/获评", 6, "right"),
    Column("得分", 4.2, "right"),
    Column("奖惩\n建议", 5),
    Column("修改说明", 12, "left"),
)


def _cells(line: MentorLineInput) -> tuple[str, ...]:
    wechat = f"{line.wechat_joined}/{line.wechat_expected}"
    if line.wechat_rate is not None:
        wechat += f"（{_rate(line.wechat_rate)}）"
    return (
        str(line.rank) if line.rank is not None else "—",
        line.mentor,
        str(line.members_served),
        str(line.contact_entries),
        str(line.members_contacted),
        str(line.members_without_contact),
        wechat,
        f"{line.forms_filed}/{line.forms_applied}/{line.forms_pending}",
        _days(line.days_to_apply),
        f"{line.billed_count} / {_money(line.billed_amount)}",
        f"{line.paid_count} / {_money(line.collected_amount)}",
        _rate(line.collection_rate),
        f"{line.arrears_members} / {_money(line.arrears_amount)}",
        f"{line.nominations}/{line.nominations_approved}",
        "—" if line.score is None else f"{line.score:.1f}",
        line.proposal,
        line.changed,
    )


def report_input(report: MentorReportInput) -> ReportInput:
    start, end = report.period
    running = "" if report.as_of >= end else f"，统计截至 {report.as_of:%Y-%m-%d}（本期尚未结束）"
    ranked = [line for line in report.lines if line.rank is not None and line.score is not None]
    total = report.total
    rows = [_cells(line) for line in report.lines]
    if report.unassigned is not None:
        rows.append(_cells(report.unassigned))
    charts = (
        Chart(
            "考核得分排名",
            "hbar",
            tuple(f"{line.rank}. {line.mentor}" for line in ranked),
            (Series("得分", tuple(float(line.score or 0) for line in ranked)),),
            full_width=True,
        ),
        Chart(
            "已联系会员比例、微信群覆盖率、会费收缴率",
            "bar",
            tuple(line.mentor for line in ranked),
            (
                Series("已联系会员比例", tuple(line.contact_rate or 0.0 for line in ranked)),
                Series("微信群覆盖率", tuple(line.wechat_rate or 0.0 for line in ranked)),
                Series("会费收缴率（按金额）", tuple(line.collection_rate or 0.0 for line in ranked)),
            ),
            percent=True,
            full_width=True,
        ),
    )
    return ReportInput(
        title=f"{report.association}班主任工作半年考核报告",
        subtitle=(
            f"{report.half_label}（{start:%Y-%m-%d} 至 {end:%Y-%m-%d}{running}）"
            f"  共 {len(report.lines)} 位班主任  制表：{report.made_by}"
        ),
        made_on=report.made_on,
        sections=(
            Section(
                "一、各班主任工作情况及奖惩建议（第九条第（五）项）",
                columns=COLUMNS,
                rows=tuple(rows),
                total=_cells(total),
                notes=report.rules,
            ),
            Section("二、图表", charts=charts, new_page=True),
        ),
        signatures=("制表：", "审核：", "驻会领导："),
        member_name=report.name,
    )


def build(
    out: Output, items: Sequence[MentorReportInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    return report_pages.build(out, [report_input(item) for item in items], context, progress)
