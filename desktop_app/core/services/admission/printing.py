"""What admission prints: the certificate and plaque order queued by registration (R-5.6), and the
application and filing forms filled in from an application (R-5.1 (1)) or from a member's register
entry. The drawing itself is the documents service's (``services.documents``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    CATEGORY_LABELS,
    CONTACT_FIELDS,
    CONTACT_ROLES,
    Application,
    DocumentKind,
    Member,
    MemberStatus,
    PrintJob,
    PrintKind,
    PrintStatus,
)
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import members
from desktop_app.core.services.admission.attachments import checklist
from desktop_app.core.services.admission.checks import _require
from desktop_app.core.services.admission.steps import REQUIRED_DOCUMENTS, _staff_names
from desktop_app.core.settings import CERTIFICATE_VALIDITY_YEARS, PLAQUE_MATERIAL, PLAQUE_SIZE, get_setting, level_names
from desktop_app.core.validation import CONTACT_LABELS
from desktop_app.documents import Problem
from desktop_app.documents.inputs import (
    ApplicationFormInput,
    CertificateInput,
    ContactInput,
    FilingFormInput,
    PlaqueOrderInput,
)
from desktop_app.messages import say
from desktop_app.records import MemberRef


@dataclass(frozen=True)
class PrintJobRow:
    id: int
    kind: PrintKind
    member_id: int
    member_name: str
    member_number: str
    certificate_number: str | None
    level: str
    status: PrintStatus
    queued_at: dt.datetime
    printed_at: dt.datetime | None
    printed_by: str | None


PRINT_KIND_LABELS = {PrintKind.CERTIFICATE: "会员证", PrintKind.PLAQUE_ORDER: "牌匾订制单"}


def print_jobs(session: Session, *, status: PrintStatus | None = PrintStatus.QUEUED) -> list[PrintJobRow]:
    names = _staff_names(session)
    query = select(PrintJob, Member).join(Member, Member.id == PrintJob.member_id)
    if status is not None:
        query = query.where(PrintJob.status == status)
    query = query.order_by(PrintJob.queued_at.desc(), PrintJob.id)
    level_name = level_names(session)
    return [
        PrintJobRow(
            job.id,
            job.kind,
            member.id,
            member.name,
            member.member_number,
            member.certificate_number,
            level_name.get(member.level, member.level),
            job.status,
            job.queued_at,
            job.printed_at,
            names.get(job.printed_by_id) if job.printed_by_id else None,
        )
        for job, member in session.execute(query)
    ]


def mark_printed(session: Session, actor: Actor, job_ids: Iterable[int]) -> int:
    """Record that these certificates / plaque orders were printed (who, when)."""
    _require(actor, Permission.PRINT_CERTIFICATES)
    now = clock_of(session).now()
    count = 0
    for job in session.scalars(select(PrintJob).where(PrintJob.id.in_(list(job_ids)))):
        if job.status == PrintStatus.PRINTED:
            continue
        job.status, job.printed_at, job.printed_by_id = PrintStatus.PRINTED, now, actor.id
        audit.record(
            session,
            actor,
            "printed",
            "member",
            job.member_id,
            say("admission.history.printed", PRINT_KIND_LABELS=PRINT_KIND_LABELS[job.kind]),
        )
        count += 1
    session.flush()
    return count


def queue_reprint(session: Session, actor: Actor, member_id: int, kind: PrintKind | str) -> PrintJob:
    """Queue a certificate or plaque order again (a spoilt print, a lost certificate)."""
    _require(actor, Permission.PRINT_CERTIFICATES)
    member = members.get_member(session, member_id)
    kind = PrintKind(kind.value if isinstance(kind, PrintKind) else kind)
    job = PrintJob(
        kind=kind,
        member_id=member.id,
        status=PrintStatus.QUEUED,
        queued_at=clock_of(session).now(),
        queued_by_id=actor.id,
    )
    session.add(job)
    session.flush()
    audit.record(
        session,
        actor,
        "queue_print",
        "member",
        member.id,
        say("admission.history.requeued", PRINT_KIND_LABELS=PRINT_KIND_LABELS[kind]),
    )
    return job


# The checklist as the filing form words it (documents.inputs.SUBMITTED_DOCUMENTS).
_FILING_FORM_WORDS = {
    DocumentKind.BUSINESS_LICENCE: "营业执照复印件",
    DocumentKind.QUALIFICATION_CERTIFICATE: "资质证书复印件",
    DocumentKind.PROFILE: "单位简介（电子版）",
    DocumentKind.BROCHURE: "单位画册（纸质版）",
}


FORM_KINDS = ("application-form", "filing-form")


def _contact_input(application: Application, role: str) -> ContactInput:
    return ContactInput(CONTACT_LABELS[role], *(getattr(application, f"{role}_{f}") for f in CONTACT_FIELDS))


def application_form_input(session: Session, application: Application) -> ApplicationFormInput:
    """The application form (入会申请表, R-5.1 (1)) pre-filled with what the office recorded."""
    return ApplicationFormInput(
        name=application.name,
        uscc=application.uscc,
        category=CATEGORY_LABELS.get(application.category),
        level=level_names(session).get(application.level, application.level),
        address=application.address,
        postcode=application.postcode,
        main_business=application.main_business,
        qualification=application.qualification,
        legal_representative=_contact_input(application, "legal_representative"),
        principal=_contact_input(application, "principal"),
        liaison=_contact_input(application, "liaison"),
        application_date=application.application_date,
        application_number=application.application_number,
    )


def filing_form_input(session: Session, application: Application) -> FilingFormInput:
    """The filing form (备案表, R-5.1 (1)), ticking the documents already attached."""
    present = [item.kind for item in checklist(session, application.id) if item.complete]
    member = session.get(Member, application.member_id) if application.member_id else None
    return FilingFormInput(
        name=application.name,
        uscc=application.uscc,
        category=CATEGORY_LABELS.get(application.category),
        address=application.address,
        postcode=application.postcode,
        main_business=application.main_business,
        qualification=application.qualification,
        contacts=tuple(_contact_input(application, role) for role in CONTACT_ROLES),
        member_number=member.member_number if member else None,
        documents_submitted=tuple(_FILING_FORM_WORDS[k] for k in REQUIRED_DOCUMENTS if k in present),
        filing_date=clock_of(session).today(),
    )


# --- a member's certificate, plaque and forms (the Documents area reprints them) --------------------


def certificate_input(
    session: Session, member: Member, issue_date: dt.date | None = None, validity_years: int | None = None
) -> CertificateInput:
    """The certificate of ``member`` issued on ``issue_date`` (today), valid ``validity_years``
    (the setting) until the day before the same date that many years later."""
    issued = issue_date or clock_of(session).today()
    years = validity_years or get_setting(session, CERTIFICATE_VALIDITY_YEARS)
    try:
        end = issued.replace(year=issued.year + years)
    except ValueError:  # 29 February
        end = issued.replace(year=issued.year + years, day=28)
    return CertificateInput(
        certificate_number=member.certificate_number or "",
        member_name=member.name,
        level_name=members.level_name(session, member),
        issue_date=issued,
        valid_until=end - dt.timedelta(days=1),
        member_number=member.member_number,
    )


def plaque_input(
    session: Session,
    member: Member,
    *,
    year: int | None = None,
    size: str | None = None,
    material: str | None = None,
    quantity: int = 1,
) -> PlaqueOrderInput:
    contact, phone = members.person_of(member, "liaison")
    return PlaqueOrderInput(
        member_name=member.name,
        level_wording=members.level_name(session, member),
        year=year or clock_of(session).today().year,
        size=size if size is not None else get_setting(session, PLAQUE_SIZE),
        material=material if material is not None else get_setting(session, PLAQUE_MATERIAL),
        quantity=quantity,
        delivery_contact=contact,
        delivery_phone=phone,
        delivery_address=member.address,
        member_number=member.member_number,
        certificate_number=member.certificate_number,
    )


def member_application_form_input(session: Session, member: Member) -> ApplicationFormInput:
    """The application form pre-filled from a member's register entry (re-filing, copies)."""
    return ApplicationFormInput(
        name=member.name,
        uscc=member.uscc,
        category=CATEGORY_LABELS.get(member.category),
        level=members.level_name(session, member),
        address=member.address,
        postcode=member.postcode,
        main_business=member.main_business,
        qualification=member.qualification,
        legal_representative=members.contact_of(member, "legal_representative"),
        principal=members.contact_of(member, "principal"),
        liaison=members.contact_of(member, "liaison"),
        application_date=member.join_date,
        application_number=None,
    )


def member_filing_form_input(session: Session, member: Member) -> FilingFormInput:
    return FilingFormInput(
        name=member.name,
        uscc=member.uscc,
        category=CATEGORY_LABELS.get(member.category),
        address=member.address,
        postcode=member.postcode,
        main_business=member.main_business,
        qualification=member.qualification,
        contacts=tuple(members.contact_of(member, role) for role in CONTACT_LABELS),
        member_number=member.member_number,
        mentor_name=member.mentor.full_name if member.mentor else None,
        filing_date=clock_of(session).today(),
    )


def certificate_items(
    session: Session,
    actor: Actor,
    chosen: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[CertificateInput]:
    """Certificates for active members (R-5.6); one without a number gets the next on request."""
    if options["assign_numbers"] and any(not m.certificate_number for m in chosen):
        _require(actor, Permission.EDIT_MEMBERS)
    items = []
    for member in chosen:
        if member.status != MemberStatus.ACTIVE:
            problems.append(Problem(MemberRef.of(member), f"会员状态为“{member.status.label}”，不发会员证"))
            continue
        if not member.certificate_number and options["assign_numbers"]:
            number = members.assign_certificate_number(session, member)
            audit.record(
                session,
                actor,
                "assign_certificate_number",
                "member",
                member.id,
                say("admission.history.certificate_numbered", number=number),
                {"certificate_number": None},
                {"certificate_number": number},
            )
        items.append(certificate_input(session, member, options["issue_date"], options["validity_years"]))
    return items


def plaque_items(
    session: Session,
    actor: Actor,
    chosen: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[PlaqueOrderInput]:
    return [
        plaque_input(
            session,
            m,
            year=options["year"],
            size=options["size"],
            material=options["material"],
            quantity=options["quantity"],
        )
        for m in chosen
    ]


def application_form_items(
    session: Session,
    actor: Actor,
    chosen: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[ApplicationFormInput]:
    """Pre-filled from the register (re-filing, copies), or the blank form."""
    return [member_application_form_input(session, m) for m in chosen] or [ApplicationFormInput()]


def filing_form_items(
    session: Session,
    actor: Actor,
    chosen: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[FilingFormInput]:
    return [member_filing_form_input(session, m) for m in chosen] or [FilingFormInput()]
