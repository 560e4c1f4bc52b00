"""Mailing (R-8.4, R-9.4): the office's mailing batches — journals, documents, dues receipts,
invoices and honour certificates to members, each with the contents and contact its mentor set.

- ``preferences``: whom a member's post goes to (the mentor sets it), doubtful addresses;
- ``batches``: composing a batch (``create_batch``: other jobs call it too), recipients frozen;
- ``printing`` and ``manifest``: labels, envelopes, packing lists, the courier manifest;
- ``tracking``: sent, tracking numbers (typed, pasted, imported), delivered, returned;
- ``proof``: the mentor's photos and the liaison told (R-8.4);
- ``views``: the batches' lists and a member's mailing history.

The documents area's labels and envelopes (one run, no batch) come from ``address_items`` here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import Member, MemberStatus
from desktop_app.core.security import Actor
from desktop_app.core.services.mailing.batches import (
    DUES_KINDS,
    ContentSpec,
    RecipientFilter,
    Selection,
    add_content,
    add_recipients,
    create_batch,
    delete_batch,
    describe_filter,
    important_kinds,
    refresh_recipients,
    remove_content,
    remove_recipients,
    select_members,
    set_recipient_contents,
    update_batch,
)
from desktop_app.core.services.mailing.manifest import (
    FIELDS,
    TEMPLATE_NAMES,
    TEMPLATES,
    check_template,
    manifest_table,
    split_region,
    template,
    use_template,
)
from desktop_app.core.services.mailing.preferences import (
    DoubtfulAddress,
    MailingAddress,
    address_doubtful,
    confirm_address,
    doubtful_addresses,
    get_preference,
    mailing_address,
    mentor_of,
    set_preference,
)
from desktop_app.core.services.mailing.printing import (
    OUTPUTS,
    BatchPrint,
    address_of,
    default_file_name,
    packing_slips,
    print_batch,
)
from desktop_app.core.services.mailing.proof import (
    PhotoCheck,
    add_proof_photo,
    needs_proof,
    proof_counts,
    proof_photo,
    proofs_of,
    record_notification,
    remove_proof_photo,
)
from desktop_app.core.services.mailing.tracking import (
    SendResult,
    TrackingResult,
    import_tracking,
    mark_delivered,
    mark_returned,
    mark_sent,
    reference,
    set_tracking_number,
    set_tracking_numbers,
    undo_state,
)
from desktop_app.core.services.mailing.views import (
    VIEWS,
    BatchRow,
    HistoryRow,
    RecipientRow,
    batch_contents,
    batch_list,
    batch_recipients,
    mailing_history,
    next_journal_issue,
    recipient_rows,
)
from desktop_app.core.services.members import person_of
from desktop_app.documents import Problem
from desktop_app.documents.inputs import AddressInput
from desktop_app.records import MemberRef


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
    """Labels and envelopes for ``members`` (the documents area: one run, no batch), addressed to
    the chosen person (the liaison by default). A withdrawn or cancelled member chosen by hand is
    printed, and said so (issue 14: they used to print silently)."""
    for member in members:
        if member.status != MemberStatus.ACTIVE:
            problems.append(Problem(MemberRef.of(member), f"{member.status.label}的会员（按所选打印）", drawn=True))
    return [address_input(m, options["recipient"]) for m in members]


__all__ = [
    "DUES_KINDS",
    "FIELDS",
    "OUTPUTS",
    "TEMPLATES",
    "TEMPLATE_NAMES",
    "VIEWS",
    "AddressInput",
    "BatchPrint",
    "BatchRow",
    "ContentSpec",
    "DoubtfulAddress",
    "HistoryRow",
    "MailingAddress",
    "PhotoCheck",
    "RecipientFilter",
    "RecipientRow",
    "Selection",
    "SendResult",
    "TrackingResult",
    "add_content",
    "add_proof_photo",
    "add_recipients",
    "address_doubtful",
    "address_input",
    "address_items",
    "address_of",
    "batch_contents",
    "batch_list",
    "batch_recipients",
    "check_template",
    "clock_of",
    "confirm_address",
    "create_batch",
    "default_file_name",
    "delete_batch",
    "describe_filter",
    "doubtful_addresses",
    "get_preference",
    "import_tracking",
    "important_kinds",
    "mailing_address",
    "mailing_history",
    "manifest_table",
    "mark_delivered",
    "mark_returned",
    "mark_sent",
    "mentor_of",
    "needs_proof",
    "next_journal_issue",
    "packing_slips",
    "print_batch",
    "proof_counts",
    "proof_photo",
    "proofs_of",
    "record_notification",
    "recipient_rows",
    "reference",
    "refresh_recipients",
    "remove_content",
    "remove_proof_photo",
    "remove_recipients",
    "select_members",
    "set_preference",
    "set_recipient_contents",
    "set_tracking_number",
    "set_tracking_numbers",
    "split_region",
    "template",
    "undo_state",
    "update_batch",
    "use_template",
]
