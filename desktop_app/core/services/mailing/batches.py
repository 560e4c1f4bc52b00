"""Composing a mailing batch (R-9.4): its title, date and contents, its recipients chosen by a
filter or by hand, each with the address and contact its mentor set, frozen.

- Recipients by filter — all active members, a level, a mentor, members with receipts or invoices
  waiting to be mailed (``dues.receipts_waiting_to_mail``), the register's search — or picked by
  hand. Withdrawn and cancelled members only when asked for (``include_former``), and marked;
  otherwise they are left out *and listed* in the batch (``batch.selection["excluded"]``).
- Addresses frozen: each recipient keeps the organisation, address, postcode, contact and phone it
  was added with; later changes to the member rewrite nothing. ``refresh_recipients`` re-reads
  them for recipients not yet sent (after the office fixed a problem).
- A member with no usable address or contact is a recipient with a ``problem`` — listed, never
  dropped, never blocking the others: labels, envelopes and the manifest leave it out and say so.
- Receipts and invoices (the paper 社会团体会费统一票据) waiting to be mailed go to their member's
  envelope when the batch carries them; sending marks them mailed (``dues.mark_mailed``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    CONTENT_KIND_LABELS,
    STATUS_LABELS,
    ContentKind,
    MailingBatch,
    MailingContent,
    MailingRecipient,
    MailingRecipientContent,
    Member,
    MemberStatus,
    RecipientState,
    Staff,
)
from desktop_app.core.numbering import next_number
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services import dues
from desktop_app.core.services.mailing.common import day, get_batch, get_recipient, pairs, text
from desktop_app.core.services.mailing.preferences import mailing_address, preferences_of
from desktop_app.core.services.members import MemberFilter, search_member_ids
from desktop_app.core.settings import MAILING_BATCH_NUMBER, MAILING_IMPORTANT_KINDS, get_setting, level_names
from desktop_app.errors import ValidationError
from desktop_app.messages import say

Progress = Callable[[int, int], None]
CHUNK = 900  # bound parameters per IN (...) on SQLite
# The dues items each content kind takes (``dues.MailItem.what``).
DUES_KINDS = {ContentKind.RECEIPT: "receipt", ContentKind.INVOICE: "voucher"}


@dataclass(frozen=True)
class ContentSpec:
    """One thing a batch carries. ``title`` names it (《武汉建筑业》2026年第4期, 荣誉证书 …; the kind's
    name when empty). ``important`` (R-8.4: photographed, liaison told) defaults to the setting
    ``mailing.important_kinds``. ``per_recipient`` contents go only to ``member_ids`` (an awarded
    member's certificate, a member's withdrawal notice), with ``details`` (a number) per member;
    receipts and invoices always go to the members they were issued to."""

    kind: str | ContentKind
    title: str = ""
    important: bool | None = None
    per_recipient: bool = False
    member_ids: tuple[int, ...] = ()
    details: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RecipientFilter:
    """Which members a batch goes to. The filters combine (a level *and* a mentor …); members
    picked by hand are added to what they find. ``all_active`` alone is every active member."""

    all_active: bool = False
    level: str | None = None
    mentor_id: int | None = None  # 0: members without a mentor
    dues_waiting: bool = False  # members with receipts or invoices waiting to be mailed
    search: MemberFilter | None = None  # the register's search (text, category, status …)
    member_ids: tuple[int, ...] = ()  # picked by hand
    include_former: bool = False  # withdrawn and cancelled members too (marked)

    @property
    def filtering(self) -> bool:
        return bool(self.all_active or self.level or self.mentor_id is not None or self.dues_waiting or self.search)


def _content_spec(value: Any) -> ContentSpec:
    if isinstance(value, ContentSpec):
        return value
    if isinstance(value, dict):
        return ContentSpec(**value)
    if isinstance(value, (tuple, list)):
        return ContentSpec(*value)
    if isinstance(value, str):  # a document named by its title
        return ContentSpec(ContentKind.DOCUMENT, value)
    raise ValidationError({"contents": say("mailing.batches.unknown_content", value=value)})


def _kind(value: str | ContentKind) -> ContentKind:
    try:
        return ContentKind(value.value if isinstance(value, ContentKind) else str(value).strip())
    except ValueError:
        known = "、".join(f"{k.value}（{k.label}）" for k in ContentKind)
        raise ValidationError({"contents": say("mailing.batches.unknown_kind", value=value, known=known)}) from None


def important_kinds(session: Session) -> set[ContentKind]:
    """R-8.4's "发票、证书等重要文件", as the office set it (``mailing.important_kinds``)."""
    found = set()
    for value in get_setting(session, MAILING_IMPORTANT_KINDS) or []:
        try:
            found.add(ContentKind(value))
        except ValueError:
            continue
    return found


def _check_contents(session: Session, contents: Iterable[Any]) -> list[tuple[ContentSpec, ContentKind, str, bool]]:
    specs = [_content_spec(c) for c in contents]
    if not specs:
        raise ValidationError({"contents": say("mailing.batches.content_required")})
    important = important_kinds(session)
    out = []
    for number, spec in enumerate(specs, 1):
        kind = _kind(spec.kind)
        title = text(spec.title, "contents", f"邮寄内容第 {number} 项", 200, prose=True) or CONTENT_KIND_LABELS[kind]
        out.append((spec, kind, title, kind in important if spec.important is None else bool(spec.important)))
    return out


# --- choosing the members ------------------------------------------------------------------------


@dataclass
class Selection:
    """The members found, in order, and those left out with why."""

    member_ids: list[int]
    excluded: list[dict[str, str]]  # {"member_number", "name", "reason"}
    former_left_out: int = 0  # withdrawn or cancelled members a filter matched and left out
    description: str = ""


def _waiting_member_ids(session: Session) -> set[int]:
    return {item.member_id for item in dues.receipts_waiting_to_mail(session) if item.member_id is not None}


def describe_filter(session: Session, flt: RecipientFilter) -> str:
    parts = []
    if flt.all_active:
        parts.append("全部正常会员")
    if flt.level:
        parts.append(f"会员级别：{level_names(session).get(flt.level, flt.level)}")
    if flt.mentor_id == 0:
        parts.append("未分配班主任的会员")
    elif flt.mentor_id is not None:
        mentor = session.get(Staff, flt.mentor_id)
        parts.append(f"班主任：{mentor.full_name if mentor else flt.mentor_id}")
    if flt.dues_waiting:
        parts.append("有待寄会费收据或票据的会员")
    if flt.search is not None:
        bits = []
        if flt.search.text:
            bits.append(f"“{flt.search.text}”")
        if flt.search.category is not None:
            bits.append(flt.search.category.label)
        if flt.search.status is not None:
            bits.append(flt.search.status.label)
        parts.append("会员名册搜索" + ("：" + "、".join(bits) if bits else ""))
    if flt.member_ids:
        parts.append(f"手工选择 {len(flt.member_ids)} 个会员")
    if flt.include_former:
        parts.append("包括已退会和已取消资格的会员")
    return "；".join(parts)


def select_members(session: Session, flt: RecipientFilter) -> Selection:
    """The members ``flt`` names, by member number, hand-picked ones after those found.

    Without ``include_former`` withdrawn and cancelled members are left out: those picked by hand
    are listed by name, those a filter matched are counted."""
    if not flt.filtering and not flt.member_ids:
        raise ValidationError({"recipients": say("mailing.batches.choose_recipients")})
    found: list[int] = []
    former_left_out = 0
    if flt.filtering:
        search = flt.search or MemberFilter()
        wanted = MemberFilter(
            text=search.text,
            status=search.status,
            level=flt.level or search.level,
            category=search.category,
            mentor_id=flt.mentor_id if flt.mentor_id is not None else search.mentor_id,
        )
        ids = search_member_ids(session, wanted)
        if flt.dues_waiting:
            waiting = _waiting_member_ids(session)
            ids = [i for i in ids if i in waiting]
        statuses = _statuses(session, ids)
        for member_id in ids:
            if statuses[member_id] == MemberStatus.ACTIVE or flt.include_former:
                found.append(member_id)
            else:
                former_left_out += 1
    excluded: list[dict[str, str]] = []
    seen = set(found)
    if flt.member_ids:
        picked = [i for i in dict.fromkeys(flt.member_ids) if i not in seen]
        members = _members(session, picked)
        missing = [str(i) for i in picked if i not in members]
        if missing:
            raise ValidationError({"recipients": say("mailing.batches.members_not_found", join=list(missing))})
        for member_id in picked:
            member = members[member_id]
            if member.status != MemberStatus.ACTIVE and not flt.include_former:
                excluded.append(
                    {
                        "member_number": member.member_number,
                        "name": member.name,
                        "reason": f"{STATUS_LABELS[member.status]}（要寄给已退会或已取消资格的会员，请勾选“包括已退会和已取消资格的会员”）",
                    }
                )
                continue
            found.append(member_id)
            seen.add(member_id)
    return Selection(found, excluded, former_left_out, describe_filter(session, flt))


def _statuses(session: Session, ids: list[int]) -> dict[int, MemberStatus]:
    out: dict[int, MemberStatus] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        out.update(pairs(session.execute(select(Member.id, Member.status).where(Member.id.in_(chunk)))))
    return out


def _members(session: Session, ids: Sequence[int]) -> dict[int, Member]:
    out: dict[int, Member] = {}
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        out.update((m.id, m) for m in session.scalars(select(Member).where(Member.id.in_(chunk))))
    return out


# --- creating a batch -----------------------------------------------------------------------------


def create_batch(
    session: Session,
    actor: Actor,
    *,
    title: Any,
    contents: Iterable[Any],
    member_ids: Sequence[int] = (),
    recipients: RecipientFilter | None = None,
    mailed_on: Any = None,
    include_former: bool = False,
    note: Any = None,
    progress: Progress | None = None,
) -> MailingBatch:
    """A new batch: ``title``, the day it goes out (``mailed_on``, today by default), what it
    carries (``contents``: ``ContentSpec``s, ``(kind, title)`` pairs, or document titles) and its
    recipients — ``member_ids`` picked by hand, or a ``RecipientFilter``. Each recipient gets the
    address and contact its mentor set, frozen now; receipts and invoices waiting to be mailed go
    to their members. The other jobs (withdrawal notices) call this too.

    Members left out (withdrawn, cancelled) are listed in ``batch.selection["excluded"]``."""
    require(actor, Permission.MANAGE_MAILING)
    batch_title = text(title, "title", "批次名称", 200, required=True, prose=True)
    checked = _check_contents(session, contents)
    when = day(session, mailed_on, "mailed_on", "邮寄日期")
    remark = text(note, "note", "备注", 1000, prose=True)
    flt = recipients or RecipientFilter(member_ids=tuple(member_ids), include_former=include_former)
    if recipients is not None and member_ids:
        flt = replace(recipients, member_ids=tuple(recipients.member_ids) + tuple(member_ids))
    selection = select_members(session, flt)
    now = clock_of(session).now()
    number = next_number(
        session,
        "mailing_batch",
        MAILING_BATCH_NUMBER,
        lambda n: session.scalar(select(MailingBatch.id).where(MailingBatch.number == n)) is not None,
    )
    batch = MailingBatch(
        number=number,
        title=batch_title,
        mailed_on=when,
        note=remark,
        selection={
            "description": selection.description,
            "excluded": selection.excluded,
            "former_left_out": selection.former_left_out,
        },
        include_former=flt.include_former,
        created_at=now,
        created_by_id=actor.id,
        created_by_name=actor.full_name[:64],
        updated_at=now,
    )
    session.add(batch)
    session.flush()
    for position, (spec, kind, content_title, important) in enumerate(checked):
        per_recipient = spec.per_recipient or kind in DUES_KINDS
        session.add(
            MailingContent(
                batch_id=batch.id,
                position=position,
                kind=kind,
                title=content_title,
                important=important,
                per_recipient=per_recipient,
            )
        )
    session.flush()
    _add_recipients(session, batch, selection.member_ids, progress=progress)
    for spec, kind, _title, _important in checked:
        if spec.member_ids:
            content = _content_of(session, batch.id, kind, _title)
            _give_content(session, batch, content, spec.member_ids, spec.details)
    audit.record(
        session,
        actor,
        "create",
        "mailing_batch",
        batch.id,
        say("mailing.batches.history.created", number=number, batch_title=batch_title, count=len(selection.member_ids)),
        after={
            "number": number,
            "title": batch_title,
            "mailed_on": when,
            "contents": [f"{kind.label}：{t}" for _s, kind, t, _i in checked],
            "recipients": len(selection.member_ids),
            "selection": selection.description,
            "excluded": len(selection.excluded),
        },
    )
    return batch


def _content_of(session: Session, batch_id: int, kind: ContentKind, title: str) -> MailingContent:
    content = session.scalar(
        select(MailingContent).where(
            MailingContent.batch_id == batch_id, MailingContent.kind == kind, MailingContent.title == title
        )
    )
    assert content is not None
    return content


def _frozen_values(member: Member, preference: Any, now: dt.datetime) -> dict[str, Any]:
    where = mailing_address(member, preference)
    return {
        "member_number": member.member_number,
        "member_status": member.status,
        "organisation": where.organisation,
        "address": where.address,
        "postcode": where.postcode,
        "contact_choice": where.choice,
        "contact_name": where.name,
        "contact_position": where.position,
        "phone": where.phone,
        "problem": where.problem,
        "frozen_at": now,
    }


def _add_recipients(
    session: Session, batch: MailingBatch, member_ids: Sequence[int], *, progress: Progress | None = None
) -> list[int]:
    """Insert the recipients (bulk: a batch may have thousands) and their standing contents."""
    if not member_ids:
        return []
    now = clock_of(session).now()
    start_position = (
        session.scalar(select(func.max(MailingRecipient.position)).where(MailingRecipient.batch_id == batch.id)) or 0
    )
    total = len(member_ids)
    done = 0
    rows = []
    for start in range(0, total, CHUNK):
        chunk = list(member_ids[start : start + CHUNK])
        members = _members(session, chunk)
        preferences = preferences_of(session, chunk)
        for member_id in chunk:
            member = members[member_id]
            start_position += 1
            rows.append(
                {
                    "batch_id": batch.id,
                    "member_id": member_id,
                    "position": start_position,
                    **_frozen_values(member, preferences.get(member_id), now),
                    "state": RecipientState.PREPARED,
                    "updated_at": now,
                }
            )
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    session.execute(insert(MailingRecipient), rows)
    ids = pairs(
        session.execute(
            select(MailingRecipient.member_id, MailingRecipient.id).where(MailingRecipient.batch_id == batch.id)
        )
    )
    new_ids = [ids[m] for m in member_ids]
    contents = list(session.scalars(select(MailingContent).where(MailingContent.batch_id == batch.id)))
    standing = [c for c in contents if not c.per_recipient]
    if standing:
        copies = {m: p.copies for m, p in preferences_of(session, list(member_ids)).items()}
        content_rows = [
            {
                "recipient_id": ids[member_id],
                "content_id": content.id,
                "copies": copies.get(member_id, 1) if content.kind == ContentKind.JOURNAL else 1,
                "detail": None,
                "dues_receipt_id": None,
            }
            for member_id in member_ids
            for content in standing
        ]
        session.execute(insert(MailingRecipientContent), content_rows)
    for content in contents:
        if content.kind in DUES_KINDS:
            _give_dues_items(session, batch, content, {m: ids[m] for m in member_ids})
    return new_ids


def _give_dues_items(session: Session, batch: MailingBatch, content: MailingContent, recipients: dict[int, int]) -> int:
    """Receipts (or paper vouchers) waiting to be mailed to these members, one line each, unless
    another batch already carries them."""
    what = DUES_KINDS[content.kind]
    already = set(
        session.scalars(
            select(MailingRecipientContent.dues_receipt_id)
            .join(MailingContent, MailingContent.id == MailingRecipientContent.content_id)
            .where(MailingContent.kind == content.kind, MailingRecipientContent.dues_receipt_id.is_not(None))
        )
    )
    rows = []
    for item in dues.receipts_waiting_to_mail(session):
        if item.what != what or item.member_id not in recipients or item.receipt_id in already:
            continue
        rows.append(
            {
                "recipient_id": recipients[item.member_id],
                "content_id": content.id,
                "copies": 1,
                "detail": item.label[:120],
                "dues_receipt_id": item.receipt_id,
            }
        )
    if rows:
        session.execute(insert(MailingRecipientContent), rows)
    return len(rows)


def _give_content(
    session: Session, batch: MailingBatch, content: MailingContent, member_ids: Iterable[int], details: dict[int, str]
) -> int:
    recipients = pairs(
        session.execute(
            select(MailingRecipient.member_id, MailingRecipient.id).where(
                MailingRecipient.batch_id == batch.id, MailingRecipient.member_id.in_(list(member_ids))
            )
        )
    )
    for member_id, recipient_id in recipients.items():
        session.add(
            MailingRecipientContent(
                recipient_id=recipient_id,
                content_id=content.id,
                copies=1,
                detail=(
                    text(details.get(member_id), "detail", "编号", 120, prose=True) if details.get(member_id) else None
                ),
            )
        )
    session.flush()
    return len(recipients)


# --- changing a batch -----------------------------------------------------------------------------


def _sent_any(session: Session, batch_id: int) -> bool:
    return (
        session.scalar(
            select(func.count(MailingRecipient.id)).where(
                MailingRecipient.batch_id == batch_id, MailingRecipient.state != RecipientState.PREPARED
            )
        )
        or 0
    ) > 0


def update_batch(
    session: Session, actor: Actor, batch_id: int, *, title: Any = None, mailed_on: Any = None, note: Any = None
) -> MailingBatch:
    require(actor, Permission.MANAGE_MAILING)
    batch = get_batch(session, batch_id)
    before = {"title": batch.title, "mailed_on": batch.mailed_on, "note": batch.note}
    if title is not None:
        batch.title = text(title, "title", "批次名称", 200, required=True, prose=True) or batch.title
    if mailed_on is not None:
        batch.mailed_on = day(session, mailed_on, "mailed_on", "邮寄日期")
    if note is not None:
        batch.note = text(note, "note", "备注", 1000, prose=True)
    batch.updated_at = clock_of(session).now()
    old, new = audit.changed_values(before, {"title": batch.title, "mailed_on": batch.mailed_on, "note": batch.note})
    if new:
        audit.record(
            session,
            actor,
            "update",
            "mailing_batch",
            batch.id,
            say("mailing.batches.history.changed", number=batch.number),
            old,
            new,
        )
    return batch


def add_content(session: Session, actor: Actor, batch_id: int, spec: Any) -> MailingContent:
    """Another thing for the batch to carry; standing contents go to every recipient not yet sent."""
    require(actor, Permission.MANAGE_MAILING)
    batch = get_batch(session, batch_id)
    [(checked, kind, title, important)] = _check_contents(session, [spec])
    position = (
        session.scalar(select(func.max(MailingContent.position)).where(MailingContent.batch_id == batch_id)) or 0
    ) + 1
    content = MailingContent(
        batch_id=batch_id,
        position=position,
        kind=kind,
        title=title,
        important=important,
        per_recipient=checked.per_recipient or kind in DUES_KINDS,
    )
    session.add(content)
    session.flush()
    prepared = pairs(
        session.execute(
            select(MailingRecipient.member_id, MailingRecipient.id).where(
                MailingRecipient.batch_id == batch_id, MailingRecipient.state == RecipientState.PREPARED
            )
        )
    )
    if kind in DUES_KINDS:
        _give_dues_items(session, batch, content, prepared)
    elif not content.per_recipient and prepared:
        copies = {m: p.copies for m, p in preferences_of(session, list(prepared)).items()}
        session.execute(
            insert(MailingRecipientContent),
            [
                {
                    "recipient_id": r,
                    "content_id": content.id,
                    "copies": copies.get(m, 1) if kind == ContentKind.JOURNAL else 1,
                    "detail": None,
                    "dues_receipt_id": None,
                }
                for m, r in prepared.items()
            ],
        )
    elif checked.member_ids:
        _give_content(session, batch, content, checked.member_ids, checked.details)
    audit.record(
        session,
        actor,
        "add_content",
        "mailing_batch",
        batch_id,
        say("mailing.batches.history.content_added", number=batch.number, label=kind.label, title=title),
    )
    return content


def remove_content(session: Session, actor: Actor, content_id: int) -> None:
    require(actor, Permission.MANAGE_MAILING)
    content = session.get(MailingContent, content_id)
    if content is None:
        raise ValidationError({"content": say("mailing.batches.content_not_found")})
    sent = session.scalar(
        select(func.count(MailingRecipientContent.id))
        .join(MailingRecipient, MailingRecipient.id == MailingRecipientContent.recipient_id)
        .where(MailingRecipientContent.content_id == content_id, MailingRecipient.state != RecipientState.PREPARED)
    )
    if sent:
        raise ValidationError({"content": say("mailing.batches.content_sent", title=content.title, sent=sent)})
    batch = get_batch(session, content.batch_id)
    session.execute(delete(MailingRecipientContent).where(MailingRecipientContent.content_id == content_id))
    session.delete(content)
    audit.record(
        session,
        actor,
        "remove_content",
        "mailing_batch",
        batch.id,
        say(
            "mailing.batches.history.content_deleted",
            number=batch.number,
            label=content.kind.label,
            title=content.title,
        ),
    )


def add_recipients(
    session: Session, actor: Actor, batch_id: int, recipients: RecipientFilter, *, progress: Progress | None = None
) -> Selection:
    """More recipients for a batch (picked by hand or by a filter); members already in it are
    skipped. Returns what was found, with those left out."""
    require(actor, Permission.MANAGE_MAILING)
    batch = get_batch(session, batch_id)
    selection = select_members(session, recipients)
    present = set(session.scalars(select(MailingRecipient.member_id).where(MailingRecipient.batch_id == batch_id)))
    new = [m for m in selection.member_ids if m not in present]
    _add_recipients(session, batch, new, progress=progress)
    if selection.excluded:
        batch.selection = {**batch.selection, "excluded": [*batch.selection.get("excluded", []), *selection.excluded]}
    batch.updated_at = clock_of(session).now()
    audit.record(
        session,
        actor,
        "add_recipients",
        "mailing_batch",
        batch.id,
        say(
            "mailing.batches.history.recipients_added",
            number=batch.number,
            count=len(new),
            description=selection.description,
        ),
        after={"added": len(new), "already": len(selection.member_ids) - len(new), "excluded": len(selection.excluded)},
    )
    selection.member_ids = new
    return selection


def remove_recipients(session: Session, actor: Actor, batch_id: int, recipient_ids: Iterable[int]) -> int:
    """Take recipients out of a batch before they are sent (a sent envelope stays on record)."""
    require(actor, Permission.MANAGE_MAILING)
    batch = get_batch(session, batch_id)
    ids = list(recipient_ids)
    rows = list(
        session.scalars(
            select(MailingRecipient).where(MailingRecipient.batch_id == batch_id, MailingRecipient.id.in_(ids))
        )
    )
    sent = [r for r in rows if r.state != RecipientState.PREPARED]
    if sent:
        names = "、".join(r.organisation for r in sent[:5])
        raise ValidationError({"recipients": say("mailing.batches.recipients_sent", names=names, count=len(sent))})
    for recipient in rows:
        session.delete(recipient)
    audit.record(
        session,
        actor,
        "remove_recipients",
        "mailing_batch",
        batch.id,
        say("mailing.batches.history.recipients_removed", number=batch.number, count=len(rows)),
        before={"members": [r.member_number for r in rows][:200]},
    )
    return len(rows)


def refresh_recipients(
    session: Session, actor: Actor, batch_id: int, recipient_ids: Iterable[int] | None = None
) -> int:
    """Read the address and contact again for recipients not sent yet (after the office fixed a
    problem, or the mentor changed the contact). Sent ones keep what they were mailed to.
    Returns how many changed."""
    require(actor, Permission.MANAGE_MAILING)
    batch = get_batch(session, batch_id)
    query = select(MailingRecipient).where(
        MailingRecipient.batch_id == batch_id, MailingRecipient.state == RecipientState.PREPARED
    )
    if recipient_ids is not None:
        query = query.where(MailingRecipient.id.in_(list(recipient_ids)))
    recipients = list(session.scalars(query))
    members = _members(session, [r.member_id for r in recipients])
    preferences = preferences_of(session, list(members))
    now = clock_of(session).now()
    changed = 0
    for recipient in recipients:
        values = _frozen_values(members[recipient.member_id], preferences.get(recipient.member_id), now)
        differs = any(getattr(recipient, k) != v for k, v in values.items() if k != "frozen_at")
        if differs:
            for key, value in values.items():
                setattr(recipient, key, value)
            recipient.updated_at = now
            changed += 1
    audit.record(
        session,
        actor,
        "refresh_recipients",
        "mailing_batch",
        batch.id,
        say("mailing.batches.history.addresses_reread", number=batch.number, count=len(recipients), changed=changed),
    )
    return changed


def set_recipient_contents(
    session: Session,
    actor: Actor,
    recipient_id: int,
    copies: dict[Any, int],
    *,
    details: dict[Any, str] | None = None,
) -> None:
    """What goes in one envelope: ``copies`` maps a content (its id, or its kind's name for the
    batch's first content of that kind) to how many (0 takes it out); ``details`` a number to
    print beside it (a certificate's number). Only before the envelope is sent."""
    require(actor, Permission.MANAGE_MAILING)
    recipient = get_recipient(session, recipient_id)
    if recipient.state != RecipientState.PREPARED:
        raise ValidationError({"contents": say("mailing.batches.envelope_sent", organisation=recipient.organisation)})
    contents = list(session.scalars(select(MailingContent).where(MailingContent.batch_id == recipient.batch_id)))

    def content_for(key: Any) -> MailingContent:
        for content in contents:
            if content.id == key or content.kind.value == str(key):
                return content
        raise ValidationError({"contents": say("mailing.batches.no_such_content", key=key)})

    details = details or {}
    lines = {
        line.content_id: line
        for line in session.scalars(
            select(MailingRecipientContent).where(
                MailingRecipientContent.recipient_id == recipient_id, MailingRecipientContent.dues_receipt_id.is_(None)
            )
        )
    }
    before = {c.title: lines[c.id].copies for c in contents if c.id in lines}
    for key, count in copies.items():
        content = content_for(key)
        if content.kind in DUES_KINDS and content.id not in lines:
            if count:
                raise ValidationError(
                    {"contents": say("mailing.batches.dues_content_automatic", label=content.kind.label)}
                )
            continue
        try:
            number = int(count)
        except (TypeError, ValueError):
            raise ValidationError({"contents": say("mailing.batches.copies_integer", title=content.title)}) from None
        if not 0 <= number <= 50:
            raise ValidationError({"contents": say("mailing.batches.copies_range", title=content.title)})
        line = lines.get(content.id)
        if number == 0:
            if line is not None:
                session.delete(line)
            continue
        detail = text(details.get(key), "detail", f"{content.title}的编号", 120, prose=True) if key in details else None
        if line is None:
            session.add(
                MailingRecipientContent(recipient_id=recipient_id, content_id=content.id, copies=number, detail=detail)
            )
        else:
            line.copies = number
            if key in details:
                line.detail = detail
    recipient.updated_at = clock_of(session).now()
    session.flush()
    after = {
        c.title: line.copies
        for c in contents
        for line in session.scalars(
            select(MailingRecipientContent).where(
                MailingRecipientContent.recipient_id == recipient_id, MailingRecipientContent.content_id == c.id
            )
        )
    }
    audit.record(
        session,
        actor,
        "recipient_contents",
        "member",
        recipient.member_id,
        say("mailing.batches.history.envelope", organisation=recipient.organisation),
        before,
        after,
    )


def delete_batch(session: Session, actor: Actor, batch_id: int) -> None:
    """Delete a batch nothing of which was sent (a batch composed by mistake)."""
    require(actor, Permission.MANAGE_MAILING)
    batch = get_batch(session, batch_id)
    if _sent_any(session, batch_id):
        raise ValidationError({"batch": say("mailing.batches.batch_sent", number=batch.number)})
    count = session.scalar(select(func.count(MailingRecipient.id)).where(MailingRecipient.batch_id == batch_id))
    recipient_ids = select(MailingRecipient.id).where(MailingRecipient.batch_id == batch_id)
    session.execute(delete(MailingRecipientContent).where(MailingRecipientContent.recipient_id.in_(recipient_ids)))
    session.execute(delete(MailingRecipient).where(MailingRecipient.batch_id == batch_id))
    session.execute(delete(MailingContent).where(MailingContent.batch_id == batch_id))
    session.delete(batch)
    audit.record(
        session,
        actor,
        "delete",
        "mailing_batch",
        batch_id,
        say("mailing.batches.history.deleted", number=batch.number, title=batch.title, count=count),
    )
