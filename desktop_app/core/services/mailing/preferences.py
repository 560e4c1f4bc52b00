"""Whom a member's post goes to (R-9.4: "with the contents and contact details each mentor set"):
the liaison by default, or the principal, the legal representative, or another person and
address for post only; how many copies of the journal. Set by the member's mentor or the office.

Returned mail marks the address as doubtful (for the mentor to check); the doubt holds as long as
the member's mailing address is the one that came back, so correcting the address in the register
or here ends it, and so does confirming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    CONTACT_CHOICE_LABELS,
    ContactChoice,
    MailingPreference,
    Member,
    MemberStatus,
    Role,
    Staff,
)
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services.mailing.common import contact_line, require_for_member, text
from desktop_app.core.validation import FieldError, normalise_landline, normalise_mobile, normalise_postcode
from desktop_app.errors import ValidationError
from desktop_app.messages import say

# The register's persons a post may go to, in the order tried when the chosen one is missing.
PERSONS = (ContactChoice.LIAISON, ContactChoice.PRINCIPAL, ContactChoice.LEGAL_REPRESENTATIVE)
MAX_COPIES = 50


@dataclass(frozen=True)
class MailingAddress:
    """Where a member's post goes today, and why it cannot go (``problem``), in Chinese."""

    organisation: str
    address: str | None
    postcode: str | None
    choice: ContactChoice  # whose name is on it (after falling back, see ``mailing_address``)
    name: str | None
    position: str | None
    phone: str | None
    problem: str | None
    note: str | None = None  # e.g. "联络员未填写，改寄主要负责人"

    @property
    def contact(self) -> str:
        return contact_line(self.name, self.position)


def same_address(a: str | None, b: str | None) -> bool:
    """Equal once spaces are ignored (an address retyped with a space is the same place)."""
    return bool(a) and bool(b) and re.sub(r"\s", "", a or "") == re.sub(r"\s", "", b or "")


def get_preference(session: Session, member_id: int) -> MailingPreference | None:
    return session.get(MailingPreference, member_id)


def preferences_of(session: Session, member_ids: list[int]) -> dict[int, MailingPreference]:
    found: dict[int, MailingPreference] = {}
    for start in range(0, len(member_ids), 900):  # SQLite's limit on bound parameters
        chunk = member_ids[start : start + 900]
        found.update(
            (p.member_id, p)
            for p in session.scalars(select(MailingPreference).where(MailingPreference.member_id.in_(chunk)))
        )
    return found


def _person(member: Member, choice: ContactChoice) -> tuple[str | None, str | None, str | None]:
    role = choice.value
    name = getattr(member, f"{role}_name")
    phone = getattr(member, f"{role}_mobile") or getattr(member, f"{role}_landline")
    return name, getattr(member, f"{role}_position"), phone


def mailing_address(member: Member, preference: MailingPreference | None) -> MailingAddress:
    """The address and contact of ``member``'s post as its mentor set them (R-9.4), with what is
    missing as a problem: no address, nobody to address it to, no phone (a courier needs one),
    or an address that mail came back from."""
    choice = preference.contact if preference is not None else ContactChoice.LIAISON
    own_address = preference is not None and bool(preference.address)
    address = preference.address if own_address and preference is not None else member.address
    postcode = preference.postcode if own_address and preference is not None else member.postcode
    note = None
    if choice == ContactChoice.OTHER and preference is not None:
        name, position, phone = preference.name, preference.position, preference.phone
    else:
        name, position, phone = _person(member, choice)
        if not name:  # the person chosen is not in the register: the next one, said so
            for other in PERSONS:
                other_name, other_position, other_phone = _person(member, other)
                if other_name:
                    note = f"{CONTACT_CHOICE_LABELS[choice]}未填写，改寄{CONTACT_CHOICE_LABELS[other]}"
                    choice, name, position, phone = other, other_name, other_position, other_phone
                    break
    problems = []
    if not address:
        problems.append("没有通讯地址")
    if not name:
        problems.append("没有收件人（联络员、主要负责人、法定代表人都未填写）")
    elif not phone:
        problems.append(f"收件人{name}没有联系电话（快递必须填写）")
    if preference is not None and preference.doubtful_address and same_address(preference.doubtful_address, address):
        when = f"{preference.doubtful_since}" if preference.doubtful_since else ""
        reason = f"（{preference.doubtful_reason}）" if preference.doubtful_reason else ""
        problems.append(f"地址存疑：{when}邮件被退回{reason}，请班主任核实地址")
    return MailingAddress(
        member.name,
        address,
        postcode,
        choice,
        name,
        position,
        phone,
        "；".join(problems) or None,
        note,
    )


def _phone(value: Any, field: str, label: str) -> str | None:
    raw = text(value, field, label, 24)
    if raw is None:
        return None
    try:
        return normalise_mobile(raw)
    except FieldError:
        pass
    try:
        return normalise_landline(raw)
    except FieldError:
        raise ValidationError({field: say("mailing.bad_phone", label=label, raw=raw)}) from None


def _values(preference: MailingPreference | None) -> dict[str, Any]:
    if preference is None:
        return {"contact": ContactChoice.LIAISON.value, "copies": 1}
    return {
        "contact": preference.contact.value,
        "name": preference.name,
        "position": preference.position,
        "phone": preference.phone,
        "address": preference.address,
        "postcode": preference.postcode,
        "copies": preference.copies,
        "note": preference.note,
    }


def set_preference(
    session: Session,
    actor: Actor,
    member_id: int,
    *,
    contact: Any = ContactChoice.LIAISON,
    name: Any = None,
    position: Any = None,
    phone: Any = None,
    address: Any = None,
    postcode: Any = None,
    copies: Any = 1,
    note: Any = None,
) -> MailingPreference:
    """Set whom ``member_id``'s post goes to (the member's mentor, or the office). ``address``
    (with its postcode) replaces the register's address for post only; ``contact="other"``
    names a person who is not one of the register's three."""
    member = require_for_member(session, actor, Permission.SET_MAILING_PREFERENCES, member_id)
    errors: dict[str, str] = {}
    try:
        choice = ContactChoice(contact.value if isinstance(contact, ContactChoice) else str(contact))
    except ValueError:
        choices = "、".join(f"{c.value}（{c.label}）" for c in ContactChoice)
        raise ValidationError(
            {"contact": say("mailing.bad_contact_choice", contact=contact, choices=choices)}
        ) from None
    values: dict[str, Any] = {"contact": choice}
    for key, label, limit, raw in (
        ("name", "收件人姓名", 64, name),
        ("position", "收件人职务", 64, position),
        ("address", "邮寄地址", 300, address),
        ("note", "备注", 300, note),
    ):
        try:
            values[key] = text(raw, key, label, limit, prose=key == "note")
        except ValidationError as exc:
            errors.update(exc.errors)
    try:
        values["phone"] = _phone(phone, "phone", "收件人电话")
    except ValidationError as exc:
        errors.update(exc.errors)
    values["postcode"] = None
    if postcode not in (None, ""):
        try:
            values["postcode"] = normalise_postcode(postcode)
        except FieldError as exc:
            errors["postcode"] = say("mailing.preferences.postcode_problem", exc=exc)
    try:
        values["copies"] = int(copies)
        if not 1 <= values["copies"] <= MAX_COPIES:
            raise ValueError
    except (TypeError, ValueError):
        errors["copies"] = say("mailing.preferences.copies_range", MAX_COPIES=MAX_COPIES)
    if choice == ContactChoice.OTHER:
        if not values.get("name") and "name" not in errors:
            errors["name"] = say("mailing.preferences.recipient_name_required")
        if not values.get("phone") and "phone" not in errors:
            errors["phone"] = say("mailing.preferences.recipient_phone_required")
    else:
        person_name, _position, _phone_number = _person(member, choice)
        if not person_name:
            errors["contact"] = say("mailing.preferences.contact_missing", label=choice.label)
        values["name"] = values["position"] = values["phone"] = None  # the register's person is used
    if values.get("address") and not values.get("postcode") and "postcode" not in errors:
        errors["postcode"] = say("mailing.preferences.postcode_required")
    if values.get("postcode") and not values.get("address") and "address" not in errors:
        errors["address"] = say("mailing.preferences.address_required")
    if errors:
        raise ValidationError(errors)
    preference = get_preference(session, member_id)
    before = _values(preference)
    now = clock_of(session).now()
    if preference is None:
        preference = MailingPreference(member_id=member_id, updated_at=now)
        session.add(preference)
    for key, value in values.items():
        setattr(preference, key, value)
    preference.updated_at = now
    preference.updated_by_id = actor.id
    preference.updated_by_name = actor.full_name[:64]
    if preference.doubtful_address and not same_address(preference.doubtful_address, values.get("address")):
        if values.get("address"):  # a new address for post: the doubt about the old one is settled
            _clear_doubt(preference)
    session.flush()
    old, new = audit.changed_values(before, _values(preference))
    audit.record(
        session,
        actor,
        "mailing_preference",
        "member",
        member_id,
        say(
            "mailing.preferences.history.recipient",
            name=member.name,
            label=choice.label,
            value="（另寄地址）" if values.get("address") else "",
        ),
        old,
        new,
    )
    return preference


def _clear_doubt(preference: MailingPreference) -> None:
    preference.doubtful_address = None
    preference.doubtful_since = None
    preference.doubtful_reason = None
    preference.doubtful_recipient_id = None


def mark_doubtful(
    session: Session, preference_member: Member, address: str | None, on: Any, reason: str | None, recipient_id: int
) -> MailingPreference:
    """Mail to ``address`` came back (``tracking.mark_returned``): the mentor is to check it."""
    preference = get_preference(session, preference_member.id)
    now = clock_of(session).now()
    if preference is None:
        preference = MailingPreference(
            member_id=preference_member.id, contact=ContactChoice.LIAISON, copies=1, updated_at=now
        )
        session.add(preference)
    preference.doubtful_address = address
    preference.doubtful_since = on
    preference.doubtful_reason = reason
    preference.doubtful_recipient_id = recipient_id
    return preference


def confirm_address(session: Session, actor: Actor, member_id: int, note: Any = None) -> None:
    """The mentor (or the office) checked the address mail came back from and it is right after
    all (the member was closed that day, the courier erred): the doubt ends."""
    member = require_for_member(session, actor, Permission.SET_MAILING_PREFERENCES, member_id)
    said = text(note, "note", "说明", 300, prose=True)
    preference = get_preference(session, member_id)
    if preference is None or not preference.doubtful_address:
        raise ValidationError({"member": say("mailing.address_not_doubtful", name=member.name)})
    before = {"doubtful_address": preference.doubtful_address, "doubtful_reason": preference.doubtful_reason}
    _clear_doubt(preference)
    preference.updated_at = clock_of(session).now()
    audit.record(
        session,
        actor,
        "confirm_address",
        "member",
        member_id,
        f"核实邮寄地址无误：{member.name}" + (f"（{said}）" if said else ""),
        before,
        {"doubtful_address": None, "note": said},
    )


def address_doubtful(session: Session, member_id: int) -> bool:
    """Whether mail to the member's current mailing address came back and nobody has checked
    it since (changing the address, here or in the register, or confirming it ends the doubt)."""
    preference = get_preference(session, member_id)
    if preference is None or not preference.doubtful_address:
        return False
    member = session.get(Member, member_id)
    if member is None:
        return False
    current = preference.address or member.address
    return same_address(preference.doubtful_address, current)


@dataclass(frozen=True)
class DoubtfulAddress:
    member_id: int
    member_number: str
    name: str
    address: str
    since: Any
    reason: str | None
    mentor_name: str | None


def doubtful_addresses(session: Session, mentor_id: int | None = None) -> list[DoubtfulAddress]:
    """Members whose mail came back from the address they still have (for the mentor's list;
    ``mentor_id`` limits it to one mentor's members)."""
    query = (
        select(MailingPreference, Member, Staff.full_name)
        .join(Member, Member.id == MailingPreference.member_id)
        .outerjoin(Staff, Staff.id == Member.mentor_id)
        .where(MailingPreference.doubtful_address.is_not(None), Member.status == MemberStatus.ACTIVE)
        .order_by(MailingPreference.doubtful_since.desc(), Member.member_number)
    )
    if mentor_id is not None:
        query = query.where(Member.mentor_id == mentor_id)
    out = []
    for preference, member, mentor_name in session.execute(query):
        current = preference.address or member.address
        if same_address(preference.doubtful_address, current):
            out.append(
                DoubtfulAddress(
                    member.id,
                    member.member_number,
                    member.name,
                    preference.doubtful_address or "",
                    preference.doubtful_since,
                    preference.doubtful_reason,
                    mentor_name,
                )
            )
    return out


def mentor_of(actor: Actor) -> int | None:
    """The mentor whose members a mentor sees by default (None for the office)."""
    return actor.id if actor.role == Role.MENTOR else None
