"""Application form (入会申请表, R-5.1, R-5.3–R-5.6): pre-filled from an application, or blank.

A4 portrait. The applicant fills in (or checks) its details, states that it accepts the charter
and signs; the bottom row is for the office's initial review, the leadership approval and the
resident leader's sign-off, in the order R-5.3–R-5.6 prescribes.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4, GREY, Document, safe
from desktop_app.documents.forms import BLANK_DATE, BLANK_NUMBER, Field, form_page, signature
from desktop_app.documents.inputs import (
    SUBMITTED_DOCUMENTS,
    ApplicationFormInput,
    ContactInput,
    DocumentContext,
)
from desktop_app.documents.numerals import chinese_date

CONTACT_COLUMNS = (
    ("人员", "role", 26),
    ("姓名", "name", 24),
    ("职务", "position", 28),
    ("手机", "mobile", 30),
    ("座机", "landline", 28),
    ("电子邮箱", "email", 34),
)
ROW = 11 * mm  # tall enough to write in by hand


def title(context: DocumentContext) -> str:
    return f"{context.association.name}入会申请表"


def build(
    out: Output, items: Sequence[ApplicationFormInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("application-form", out, context, A4, title=title(context))
    doc.each(items or [ApplicationFormInput()], progress, lambda item: draw_form(doc, item, context))
    return doc.finish()


def draw_form(doc: Document, item: ApplicationFormInput, context: DocumentContext) -> None:
    grid = form_page(
        doc,
        title(context),
        f"申请日期：{chinese_date(item.application_date) or BLANK_DATE}",
        f"编号：{safe(item.application_number) or BLANK_NUMBER}",
    )
    left, width = grid.left, grid.width
    grid.span("单位名称", item.name, ROW)
    grid.pair(("统一社会信用代码", item.uscc), ("成立日期", item.founded), ROW)
    grid.span("单位类别", grid.choices(context.categories, item.category), ROW)
    grid.pair(("注册资本", item.registered_capital), ("职工人数", item.employees), ROW)
    grid.row(
        [
            Field("通讯地址", item.address, width - 30 * mm - 22 * mm - 26 * mm),
            Field("邮政编码", item.postcode, 26 * mm, 22 * mm),
        ],
        ROW,
    )
    grid.span("资质等级", item.qualification, ROW)
    grid.span("主营业务", item.main_business, ROW)
    people = [
        item.legal_representative or ContactInput("法定代表人"),
        item.principal or ContactInput("主要负责人"),
        item.liaison or ContactInput("联络员"),
    ]
    grid.contacts(people, [(t, a, wd * mm * width / (170 * mm)) for t, a, wd in CONTACT_COLUMNS], 10 * mm)
    grid.span("申请会员级别", grid.choices(context.levels, item.level), ROW)
    grid.block(
        "单位简介",
        36 * mm,
        lambda x, y, bw, bh: doc.cell(x, y, bw, bh, safe(item.profile), "song", 10, valign="top", max_lines=6),
    )
    pledge = (
        f"我单位承认《{context.association.name}章程》，自愿申请加入{context.association.name}，"
        "遵守协会章程和会籍管理制度，履行会员义务，按时缴纳会费。所填内容真实无误。"
    )
    grid.block(
        "申请单位意见",
        36 * mm,
        lambda x, y, bw, bh: signature(
            doc, x, y, bw, bh, ["法定代表人（签字）：　　　　　　　　　　　　　　（单位盖章）"], pledge
        ),
    )
    third = (width - 30 * mm) / 3

    def approvals(x: float, y: float, bw: float, bh: float) -> None:
        for index, heading in enumerate(("会籍管理部初审意见", "领导审批意见", "驻会领导签批")):
            cx = x + index * third
            if index:
                doc.line(cx, y, cx, y + bh, 0.6)
            doc.text(cx + 3 * mm, y + bh - 6 * mm, heading, "hei", 10)
            doc.text(cx + 3 * mm, y + 12 * mm, "签字：", "song", 10)
            doc.text(cx + third - 3 * mm, y + 4 * mm, "　　年　　月　　日", "song", 10, "right")

    grid.block("协会审批", 36 * mm, approvals)
    note = (
        "请附送：" + "、".join(SUBMITTED_DOCUMENTS) + "（第五条第（二）项）。"
        "入会流程：填表、提交资料、会籍管理部初审、报领导审批、缴纳会费、驻会领导签批后办理入会登记，颁发会员证及牌匾。"
    )
    doc.lines(left, grid.y - 5 * mm, doc.wrap(note, "song", 8.5, width), "song", 8.5, 12, color=GREY)
    doc.end_page()
