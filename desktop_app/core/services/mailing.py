"""Mailing (R-8.4, R-9.4): who a member's post goes to, and the address labels and envelopes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.models import Member
from desktop_app.core.security import Actor
from desktop_app.core.services.members import person_of
from desktop_app.documents import Problem
from desktop_app.documents.inputs import AddressInput


def address_input(member: Member, recipient: str = "liaison") -> AddressInput:
    person, phone = person_of(member, recipient)
    return AddressInput(member.name, member.address, member.postcode, person, phone, member.member_number)


def address_items(
    session: Session,
    actor: Actor,
    members: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[AddressInput]:
    """Labels and envelopes for ``members``, addressed to the chosen person (the liaison by default)."""
    return [address_input(m, options["recipient"]) for m in members]
