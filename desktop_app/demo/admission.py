"""Demo applications: a realistic admission queue for a newcomer on ``--demo``.

Each application is taken through the real services (same checks, same history), with the clock
set back so that the queue shows believable waiting times. Nothing here registers a member: the
demo register keeps exactly the members asked for, and the newcomer registers the one waiting.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.clock import FixedClock
from desktop_app.core.db import clock_of
from desktop_app.core.models import ApplicationStage, CreditResult, DocumentKind, Member, MemberStatus, Staff
from desktop_app.core.security import Actor
from desktop_app.core.services import admission, dues
from desktop_app.core.wuhan import DISTRICTS
from desktop_app.demo.names import Dice, _organisation, landline, make_uscc, mobile, person_name


def demo_png(width: int = 360, height: int = 240, shade: int = 0) -> bytes:
    """A small grey "scan" with a frame and ruled lines (pure Python, no imaging library)."""
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            border = x < 6 or y < 6 or x >= width - 6 or y >= height - 6
            ruled = y > 40 and y % 24 == 0 and 30 < x < width - 30
            title = 14 < y < 30 and width // 4 < x < 3 * width // 4
            value = 60 if border or title else 150 if ruled else 245 - shade
            row += bytes((value, value, value))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


def demo_pdf(title: str) -> bytes:
    """A one-page A4 PDF with an ASCII title (hand-made, with a correct cross-reference table)."""
    text = title.replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 20 Tf 72 760 Td ({text}) Tj ET\n0.6 g 72 700 451 2 re f\n".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"endstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


DOCUMENT_FILES: dict[DocumentKind, tuple[str, Callable[[], bytes]]] = {
    DocumentKind.BUSINESS_LICENCE: ("营业执照扫描件.png", lambda: demo_png(shade=0)),
    DocumentKind.QUALIFICATION_CERTIFICATE: (
        "资质证书复印件.pdf",
        lambda: demo_pdf("Qualification certificate (demo scan)"),
    ),
    DocumentKind.PROFILE: ("单位简介.pdf", lambda: demo_pdf("Company profile (demo)")),
    DocumentKind.BROCHURE: ("单位画册封面.png", lambda: demo_png(shade=25)),
}

# (days ago the application was received, days between steps, the last stage reached, handler)
PLAN: tuple[tuple[int, int, ApplicationStage, str], ...] = (
    (2, 0, ApplicationStage.RECEIVED, "officer"),
    (23, 0, ApplicationStage.RECEIVED, "officer2"),
    (14, 5, ApplicationStage.VISITED, "officer"),
    (11, 3, ApplicationStage.FORMS_COMPLETED, "officer2"),  # two documents still missing
    (18, 4, ApplicationStage.DOCUMENTS_SUBMITTED, "officer"),
    (30, 4, ApplicationStage.REVIEWED, "officer"),
    (26, 3, ApplicationStage.APPROVED, "officer2"),
    (21, 2, ApplicationStage.DUES_PAID, "officer"),
    (19, 2, ApplicationStage.SIGNED_OFF, "officer"),  # ready to be registered by the newcomer
)


def _actor(session: Session, username: str) -> Actor | None:
    staff = session.scalar(select(Staff).where(Staff.username == username))
    return Actor.of(staff) if staff is not None else None


def add_demo_applications(session: Session, *, seed: int = 20201027) -> int:
    """Add a queue of applications at every stage, a re-admission, a declined and an abandoned one."""

    officer = _actor(session, "officer")
    leader = _actor(session, "leader")
    mentor = _actor(session, "mentor01")
    if officer is None or leader is None:
        return 0
    officer2 = _actor(session, "officer2") or officer
    staff = {"officer": officer, "officer2": officer2}
    rng = Dice(seed + 5)
    real_clock = clock_of(session)
    today = real_clock.today()
    taken = set(session.scalars(select(Member.uscc)))

    def organisation() -> dict:
        district, division, postcode, streets = rng.choice(DISTRICTS)
        name, category, business, qualification, type_code = _organisation(rng, district)
        code = make_uscc(rng, type_code, division)
        while code in taken:
            code = make_uscc(rng, type_code, division)
        taken.add(code)
        return {
            "name": name,
            "uscc": code,
            "category": category,
            "main_business": business,
            "qualification": qualification,
            "district": district,
            "postcode": postcode,
            "address": f"武汉市{district}{rng.choice(streets)}{rng.randint(1, 999)}号",
            "legal_representative_name": person_name(rng),
            "legal_representative_position": "董事长",
            "principal_name": person_name(rng),
            "principal_position": "总经理",
            "principal_mobile": mobile(rng),
            "liaison_name": person_name(rng),
            "liaison_position": "办公室主任",
            "liaison_mobile": mobile(rng),
            "liaison_landline": landline(rng),
        }

    def at(day: dt.date, hour: int) -> None:
        session.info["clock"] = FixedClock(
            dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)), tzinfo=real_clock.now().tzinfo)
        )

    def take_steps(
        application_id: int, start: dt.date, gap: int, until: ApplicationStage, *, documents: int = 4
    ) -> None:
        application = admission.get_application(session, application_id)
        day = start
        for step in admission.steps_for(application)[1:]:
            if admission.STAGE_ORDER[step.stage] > admission.STAGE_ORDER[until]:
                return
            day = min(today, day + dt.timedelta(days=gap))
            at(day, 10)
            if step.stage == ApplicationStage.VISITED:
                admission.record_visit(
                    session,
                    officer,
                    application_id,
                    visit_date=day,
                    leader_name=person_name(rng),
                    leader_rank=rng.choice(["董事长", "总经理", "副总经理", "院长"]),
                    note="参观协会并座谈，了解协会职能和会员权利义务",
                )
            elif step.stage == ApplicationStage.FORMS_COMPLETED:
                admission.confirm_forms(session, officer, application_id)
            elif step.stage == ApplicationStage.DOCUMENTS_SUBMITTED:
                admission.confirm_documents(session, officer, application_id)
            elif step.stage == ApplicationStage.CREDIT_CHECKED:
                admission.record_credit_check(
                    session,
                    officer,
                    application_id,
                    result=CreditResult.PASSED,
                    checked_on=day,
                    evidence="“信用中国”及中国执行信息公开网查询，无失信被执行记录",
                )
            elif step.stage == ApplicationStage.REVIEWED:
                admission.review(
                    session, officer, application_id, opinion="资料齐全，符合第三条入会条件，建议报领导审批"
                )
            elif step.stage == ApplicationStage.APPROVED:
                admission.approve(session, leader, application_id, opinion="同意入会")
            elif step.stage == ApplicationStage.DUES_PAID:
                amount = dues.annual_dues(session, application.level) or 2000
                admission.record_dues(
                    session,
                    officer,
                    application_id,
                    amount=amount,
                    receipt_number=f"SJ{day:%Y%m%d}{application_id:03d}",
                    paid_on=day,
                )
            elif step.stage == ApplicationStage.SIGNED_OFF:
                admission.sign_off(session, leader, application_id, opinion="同意入会，请会籍管理部办理登记")
            if step.stage == ApplicationStage.FORMS_COMPLETED:
                attach(application_id, documents if until == ApplicationStage.FORMS_COMPLETED else 4, day)

    def attach(application_id: int, count: int, day: dt.date) -> None:
        at(day, 15)
        for kind, (file_name, make) in list(DOCUMENT_FILES.items())[:count]:
            who = mentor if mentor is not None and kind == DocumentKind.BROCHURE else officer
            admission.attach_document(session, who, application_id, kind, file_name, make())

    def create(days_ago: int, handler: Actor, values: dict | None = None) -> tuple[int, dt.date]:
        start = today - dt.timedelta(days=days_ago)
        at(start, 9)
        application = admission.create_application(
            session,
            handler,
            {
                **(values or organisation()),
                "application_date": start,
                "handler_id": handler.id,
                "briefing_note": "会籍管理部接待，介绍协会职能、会员权利义务和入会流程",
            },
        )
        return application.id, start

    count = 0
    try:
        for days_ago, gap, until, handler in PLAN:
            application_id, start = create(days_ago, staff[handler])
            take_steps(application_id, start, gap, until, documents=2)
            count += 1

        # a former member re-applies; it waits for its credit check and for two full years.
        former = session.scalar(  # left some months ago: the two-year wait still runs
            select(Member)
            .where(Member.status != MemberStatus.ACTIVE, Member.left_date <= today - dt.timedelta(days=150))
            .order_by(Member.left_date.desc())
            .limit(1)
        )
        if former is not None:
            values = {field: getattr(former, field) for field in admission.ORGANISATION_FIELDS}
            application_id, start = create(12, officer, values)
            take_steps(application_id, start, 3, ApplicationStage.DOCUMENTS_SUBMITTED)
            count += 1

        # declined after the visit; and one the applicant abandoned.
        application_id, start = create(40, officer)
        take_steps(application_id, start, 6, ApplicationStage.VISITED)
        at(start + dt.timedelta(days=12), 16)
        admission.decline(
            session, leader, application_id, reason="入会动机单一（仅为承揽工程业务），对协会职能缺乏认同（第四条）"
        )
        application_id, start = create(95, officer2)
        at(start + dt.timedelta(days=60), 11)
        admission.abandon(session, officer2, application_id, reason="申请单位两个月未回复，联络员已离职")
        count += 2
    finally:
        session.info["clock"] = real_clock
    return count
