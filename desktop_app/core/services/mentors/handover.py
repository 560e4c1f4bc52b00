"""The contact handover form (会员单位联系资料交接通知单, R-8.4, R-9.3, R-10.1).

When a member's details change, its mentor files a form: old value → new value per item, the date
the member reported the change (R-10.1: a member that reports late bears the consequences) and
the date of the form. The new values are checked exactly as the member editor checks them
(``validate_member``); a "new" value equal to the old one, a report date after the form's date and
an unknown item are refused. The form prints (``desktop_app/documents/handover_form.py``).

The membership office applies pending forms (R-9.3: "promptly and exactly") or rejects them with
a reason. Applying changes the member exactly as filed, in one transaction, audited; the member's
history keeps the change with both dates. A form whose old values no longer match the member (the
register was changed since it was filed) is refused with the differences — never applied blindly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    HandoverChange,
    HandoverForm,
    HandoverStatus,
    Member,
    build_search_text,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.members import get_member, validate_member
from desktop_app.core.services.mentors.scope import Checker, member_for, not_yours, own_only, staff_names
from desktop_app.core.validation import CONTACT_FIELD_LABELS, CONTACT_LABELS, FIELD_LABELS
from desktop_app.documents import Problem
from desktop_app.documents.inputs import HandoverChange as PrintedChange
from desktop_app.documents.inputs import HandoverFormInput
from desktop_app.errors import ConflictError, NotFound, ValidationError
from desktop_app.messages import say

# The member's details a handover form lists: what a mentor learns has changed.
HANDOVER_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "单位名称"),
    ("address", "通讯地址"),
    ("postcode", "邮政编码"),
    *(
        (f"{role}_{f}", f"{role_label}{'' if f == 'name' else CONTACT_FIELD_LABELS[f]}")
        for role, role_label in CONTACT_LABELS.items()
        for f in ("name", "position", "mobile", "landline", "wechat", "email")
    ),
)
FIELD_LABEL = dict(HANDOVER_FIELDS)
# What validate_member always needs to see besides the changed fields.
_BASE_FIELDS = ("name", "uscc", "category", "level", "status")

STATUS_LABELS = {HandoverStatus.PENDING: "待办理", HandoverStatus.APPLIED: "已变更", HandoverStatus.REJECTED: "已退回"}


def handover_field(text: str) -> tuple[str, str]:
    """A field named by its key, its form label (联络员手机) or its register label (联络员姓名)."""
    text = text.strip()
    for key, label in HANDOVER_FIELDS:
        if text in (key, label, FIELD_LABELS.get(key)):
            return key, label
    labels = "、".join(label for _k, label in HANDOVER_FIELDS)
    raise ValidationError({"changes": say("mentors.handover.unknown_item", text=text, labels=labels)})


def parse_change_lines(text: str) -> list[tuple[str, str | None]]:
    """``联络员手机=13907123456`` lines → (field, new value) pairs, not yet checked."""
    pairs = []
    for number, line in enumerate((text or "").splitlines(), 1):
        if not line.strip():
            continue
        item, sep, new = line.replace("＝", "=").partition("=")
        if not sep:
            raise ValidationError({"changes": say("mentors.handover.bad_line", number=number)})
        key, _label = handover_field(item)
        pairs.append((key, new.strip() or None))
    return pairs


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str | None
    new: str | None


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def check_changes(
    session: Session, member: Member, changes: Mapping[str, Any] | Sequence[tuple[str, Any]]
) -> list[FieldChange]:
    """The changes as the office would store them: each new value checked and normalised by
    ``validate_member`` (the member editor's checks), the old value the member's current one.
    Unknown items, an item twice and a value that does not change are refused."""
    pairs = list(changes.items()) if isinstance(changes, Mapping) else list(changes)
    errors: dict[str, str] = {}
    keys: list[str] = []
    for raw_key, _new in pairs:
        key, label = handover_field(str(raw_key))
        if key in keys:
            errors[key] = say("mentors.handover.item_twice", label=label)
        keys.append(key)
    if errors:
        raise ValidationError(errors)
    if not pairs:
        raise ValidationError({"changes": say("mentors.handover.no_changes")})
    new_values = dict(zip(keys, (new for _k, new in pairs), strict=True))

    def validate(fields: list[str]) -> dict[str, Any]:
        values = {field: getattr(member, field) for field in _BASE_FIELDS}
        values.update({field: new_values[field] for field in fields})
        return validate_member(session, values, member_id=member.id)

    try:
        checked = validate(keys)
    except ValidationError as exc:
        errors.update({k: v for k, v in exc.errors.items() if k in keys})
        if not errors:
            raise ValidationError(
                {"member": say("mentors.handover.member_data_wrong", name=member.name, message=exc.message)}
            ) from None
        good = [k for k in keys if k not in errors]
        checked = validate(good) if good else {}  # the valid ones: still told when unchanged
    out = []
    for key in keys:
        if key in errors:
            continue
        label = FIELD_LABEL[key]
        old, new = _text(getattr(member, key)), _text(checked.get(key))
        if old == new:
            errors[key] = say("mentors.handover.not_a_change", label=label, value=old or "空")
        else:
            out.append(FieldChange(key, label, old, new))
    if errors:
        raise ValidationError(errors)
    return out


def check_dates(
    check: Checker, values: Mapping[str, Any], *, required: bool = True
) -> tuple[dt.date | None, dt.date | None]:
    """(form date, report date): neither after today, the report not after the form (R-10.1)."""
    form_date = check.date(
        dict(values), "form_date", "填表日期", required=required, default=check.today if required else None
    )
    reported_on = check.date(dict(values), "reported_on", "会员报告日期", required=required)
    if form_date is not None and reported_on is not None and reported_on > form_date:
        check.fail("reported_on", "会员报告日期", say("mentors.handover.after_form_date", form_date=form_date))
    return form_date, reported_on


# --- filing -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """An item whose value in the register is no longer the form's old value."""

    field: str
    label: str
    on_form: str | None
    now: str | None


@dataclass(frozen=True)
class FormRow:
    id: int
    member_id: int
    member_number: str
    member_name: str
    filed_by: str | None
    form_date: dt.date
    reported_on: dt.date
    note: str | None
    status: HandoverStatus
    filed_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None
    decision_reason: str | None
    changes: tuple[FieldChange, ...]
    differences: tuple[Difference, ...]  # pending forms only: what no longer matches

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def _differences(form: HandoverForm, member: Member) -> tuple[Difference, ...]:
    return tuple(
        Difference(c.field, FIELD_LABEL.get(c.field, c.field), c.old_value, _text(getattr(member, c.field)))
        for c in form.changes
        if _text(getattr(member, c.field)) != c.old_value
    )


def _row(form: HandoverForm, names: Mapping[int, str]) -> FormRow:
    member = form.member
    changes = tuple(
        FieldChange(c.field, FIELD_LABEL.get(c.field, c.field), c.old_value, c.new_value) for c in form.changes
    )
    return FormRow(
        form.id,
        member.id,
        member.member_number,
        member.name,
        names.get(form.filed_by_id or 0),
        form.form_date,
        form.reported_on,
        form.note,
        form.status,
        form.filed_at,
        names.get(form.decided_by_id or 0),
        form.decided_at,
        form.decision_reason,
        changes,
        _differences(form, member) if form.status == HandoverStatus.PENDING else (),
    )


def _names(session: Session, forms: Sequence[HandoverForm]) -> dict[int, str]:
    return staff_names(session, [i for f in forms for i in (f.filed_by_id, f.decided_by_id)])


def file_handover_form(
    session: Session,
    actor: Actor,
    member_id: int,
    changes: Mapping[str, Any] | Sequence[tuple[str, Any]],
    *,
    reported_on: dt.date | str | None,
    form_date: dt.date | str | None = None,
    note: str | None = None,
) -> FormRow:
    """A mentor files a change of its member's details for the office to apply (R-8.4, R-9.3)."""
    member = member_for(session, actor, member_id, Permission.FILE_HANDOVER_FORMS)
    check = Checker(session)
    day, reported = check_dates(check, {"form_date": form_date or check.today, "reported_on": reported_on})
    text = check.notes({"note": note}, "note", "备注", 1000)
    try:
        items = check_changes(session, member, changes)
    except ValidationError as exc:
        check.errors.update({k: v for k, v in exc.errors.items() if k not in check.errors})
        items = []
    check.done()
    assert day is not None and reported is not None
    clashes = session.execute(
        select(HandoverForm.id, HandoverChange.field)
        .join(HandoverChange, HandoverChange.form_id == HandoverForm.id)
        .where(
            HandoverForm.member_id == member.id,
            HandoverForm.status == HandoverStatus.PENDING,
            HandoverChange.field.in_([c.field for c in items]),
        )
    ).first()
    if clashes is not None:
        label = FIELD_LABEL.get(clashes[1], clashes[1])
        raise ValidationError({clashes[1]: say("mentors.handover.item_pending", label=label, clashes=clashes[0])})
    form = HandoverForm(
        member_id=member.id,
        filed_by_id=actor.id,
        form_date=day,
        reported_on=reported,
        note=text,
        status=HandoverStatus.PENDING,
        filed_at=clock_of(session).now(),
        changes=[
            HandoverChange(position=i, field=c.field, old_value=c.old, new_value=c.new) for i, c in enumerate(items, 1)
        ],
    )
    session.add(form)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "handover_form",
        form.id,
        say("mentors.handover.history.filed", id=form.id, name=member.name, count=len(items)),
        after={
            "member_id": member.id,
            "form_date": day,
            "reported_on": reported,
            "changes": {c.label: f"{c.old or '（空）'} → {c.new or '（空）'}" for c in items},
        },
    )
    return _row(form, _names(session, [form]))


# --- reading ----------------------------------------------------------------------------------------


def _form(session: Session, form_id: int) -> HandoverForm:
    form = session.scalar(
        select(HandoverForm).options(selectinload(HandoverForm.changes)).where(HandoverForm.id == form_id)
    )
    if form is None:
        raise NotFound(say("mentors.handover.form_not_found", form_id=form_id))
    return form


def _may_see(actor: Actor, form: HandoverForm) -> None:
    if own_only(actor) and form.filed_by_id != actor.id and form.member.mentor_id != actor.id:
        raise not_yours(form.member.name)


def get_form(session: Session, actor: Actor, form_id: int) -> FormRow:
    require(actor, Permission.VIEW_MENTOR_WORK)
    form = _form(session, form_id)
    _may_see(actor, form)
    return _row(form, _names(session, [form]))


def handover_forms(
    session: Session,
    actor: Actor,
    *,
    status: HandoverStatus | None = None,
    member_id: int | None = None,
    mentor_id: int | None = None,
    limit: int | None = 500,
) -> list[FormRow]:
    """Forms, pending ones oldest first (the office's queue), others newest first. A mentor sees
    the forms it filed and those of its members; ``mentor_id``: filed by that mentor."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    query = (
        select(HandoverForm)
        .options(selectinload(HandoverForm.changes))
        .join(Member, Member.id == HandoverForm.member_id)
    )
    if status is not None:
        query = query.where(HandoverForm.status == status)
    if member_id is not None:
        query = query.where(HandoverForm.member_id == member_id)
    if mentor_id is not None:
        query = query.where(HandoverForm.filed_by_id == mentor_id)
    if own_only(actor):
        query = query.where(or_(HandoverForm.filed_by_id == actor.id, Member.mentor_id == actor.id))
    if status == HandoverStatus.PENDING:
        query = query.order_by(HandoverForm.filed_at, HandoverForm.id)
    else:
        query = query.order_by(HandoverForm.filed_at.desc(), HandoverForm.id.desc())
    if limit is not None:
        query = query.limit(limit)
    forms = list(session.scalars(query))
    names = _names(session, forms)
    return [_row(f, names) for f in forms]


# --- the office applies or rejects --------------------------------------------------------------------


class StaleHandoverForm(ConflictError):
    """The member was changed since the form was filed: its old values no longer match."""

    def __init__(self, form_id: int, member_name: str, differences: Sequence[Difference]):
        self.differences = list(differences)
        lines = [f"· {d.label}：表上原内容“{d.on_form or '（空）'}”，现为“{d.now or '（空）'}”" for d in differences]
        super().__init__(
            f"交接单第 {form_id} 号不能办理：会员“{member_name}”的资料在填表后已被修改，表上的原内容与现有资料不符。"
            "\n" + "\n".join(lines) + "\n请核实后退回该交接单，由班主任按现有资料重新填报。"
        )


def _pending(session: Session, form_id: int) -> HandoverForm:
    form = _form(session, form_id)
    if form.status != HandoverStatus.PENDING:
        who = staff_names(session, [form.decided_by_id]).get(form.decided_by_id or 0, "")
        when = f"{form.decided_at.astimezone(clock_of(session).now().tzinfo):%Y-%m-%d %H:%M}" if form.decided_at else ""
        raise ConflictError(
            say(
                "mentors.handover.form_closed", id=form.id, who=who, when=when, STATUS_LABELS=STATUS_LABELS[form.status]
            )
        )
    return form


def apply_handover_form(session: Session, actor: Actor, form_id: int) -> FormRow:
    """Change the member exactly as the form says, in this one transaction, and close the form."""
    require(actor, Permission.APPLY_HANDOVER_FORMS)
    form = _pending(session, form_id)
    member = get_member(session, form.member_id)
    differences = _differences(form, member)
    if differences:
        raise StaleHandoverForm(form.id, member.name, differences)
    # Checked again: a setting (levels) or the register (a USCC … ) may have moved since filing.
    items = check_changes(session, member, [(c.field, c.new_value) for c in form.changes])
    filed = {c.field: c.new_value for c in form.changes}
    if any(item.new != filed[item.field] for item in items):
        raise ValidationError({"changes": say("mentors.handover.form_disagrees")})
    now = clock_of(session).now()
    before = {c.field: getattr(member, c.field) for c in form.changes}
    with session.no_autoflush:
        for item in items:
            setattr(member, item.field, item.new)
        member.search_text = build_search_text(member)
        member.updated_at = now
    try:
        session.flush()  # UPDATE … WHERE version = loaded: a save in between is a conflict
    except StaleDataError as exc:
        session.rollback()
        raise ConflictError(say("mentors.handover.member_changed_meanwhile")) from exc
    form.status = HandoverStatus.APPLIED
    form.decided_at, form.decided_by_id = now, actor.id
    filer = staff_names(session, [form.filed_by_id]).get(form.filed_by_id or 0, "")
    after = {c.field: getattr(member, c.field) for c in form.changes}
    audit.record(
        session,
        actor,
        "update",
        "member",
        member.id,
        say(
            "mentors.handover.history.applied_change",
            id=form.id,
            reported_on=form.reported_on,
            filer=filer,
            form_date=form.form_date,
        ),
        before,
        after,
    )
    audit.record(
        session,
        actor,
        "apply",
        "handover_form",
        form.id,
        say("mentors.handover.history.applied", id=form.id, name=member.name),
        {"status": HandoverStatus.PENDING},
        {"status": HandoverStatus.APPLIED, "reported_on": form.reported_on, "form_date": form.form_date},
    )
    session.flush()
    return _row(form, _names(session, [form]))


def reject_handover_form(session: Session, actor: Actor, form_id: int, reason: str) -> FormRow:
    """Send a form back to its mentor with the reason (the member is not changed)."""
    require(actor, Permission.APPLY_HANDOVER_FORMS)
    form = _pending(session, form_id)
    check = Checker(session)
    text = check.notes({"reason": reason}, "reason", "退回原因", 1000, required=True)
    check.done()
    form.status = HandoverStatus.REJECTED
    form.decided_at, form.decided_by_id, form.decision_reason = clock_of(session).now(), actor.id, text
    audit.record(
        session,
        actor,
        "reject",
        "handover_form",
        form.id,
        say("mentors.handover.history.returned", id=form.id, name=form.member.name, text=text),
        {"status": HandoverStatus.PENDING},
        {"status": HandoverStatus.REJECTED, "reason": text},
    )
    session.flush()
    return _row(form, _names(session, [form]))


# --- printing ---------------------------------------------------------------------------------------


def handover_input(
    member: Member,
    *,
    changes: Sequence[PrintedChange] = (),
    reported_on: dt.date | None = None,
    form_date: dt.date | None = None,
    note: str | None = None,
    mentor_name: str | None = None,
) -> HandoverFormInput:
    """A member's form: the changes, or (none given) every item as the office has it, empty ones
    included, for the mentor to write the new values by hand."""
    current = tuple(PrintedChange(label, _text(getattr(member, key))) for key, label in HANDOVER_FIELDS)
    return HandoverFormInput(
        member_name=member.name,
        member_number=member.member_number,
        changes=tuple(changes),
        current=current,
        reported_on=reported_on,
        mentor_name=mentor_name or (member.mentor.full_name if member.mentor else None),
        form_date=form_date,
        note=note or None,
    )


def blank_input() -> HandoverFormInput:
    """The blank form: no member, no dates, every item listed with room to write."""
    return HandoverFormInput(member_name="", current=tuple(PrintedChange(label) for _key, label in HANDOVER_FIELDS))


def form_print_input(session: Session, actor: Actor, form_id: int) -> HandoverFormInput:
    """A filed form as it prints: old → new as filed, both dates, the mentor who filed it."""
    require(actor, Permission.PRINT_FORMS)
    require(actor, Permission.VIEW_MENTOR_WORK)
    form = _form(session, form_id)
    _may_see(actor, form)
    filer = staff_names(session, [form.filed_by_id]).get(form.filed_by_id or 0)
    status = "" if form.status == HandoverStatus.PENDING else f"（{STATUS_LABELS[form.status]}）"
    audit.record(
        session,
        actor,
        "print",
        "handover_form",
        form.id,
        say("mentors.handover.history.printed", id=form.id, status=status),
    )
    return handover_input(
        form.member,
        changes=[PrintedChange(FIELD_LABEL.get(c.field, c.field), c.old_value, c.new_value) for c in form.changes],
        reported_on=form.reported_on,
        form_date=form.form_date,
        note="；".join(filter(None, [f"交接单第 {form.id} 号{status}", form.note])),
        mentor_name=filer,
    )


def parse_changes(session: Session, member: Member, text: str) -> tuple[PrintedChange, ...]:
    """``联络员手机=13907123456`` lines → checked changes, the member's current value as the old one."""
    items = check_changes(session, member, parse_change_lines(text))
    return tuple(PrintedChange(c.label, c.old, c.new) for c in items)


def handover_items(
    session: Session,
    actor: Actor,
    members: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[HandoverFormInput]:
    """The documents area's handover forms: the blank form (no member: no dates, every item), or
    one per member — its current details, or (one member) the changes typed, checked exactly as
    a filed form's are."""
    if not members:
        return [blank_input()]
    if options["changes"] and len(members) > 1:
        raise ValidationError({"changes": say("mentors.handover.one_member_only")})
    check = Checker(session)
    form_date, reported_on = check_dates(
        check, {"form_date": options["form_date"], "reported_on": options["reported_on"]}, required=False
    )
    check.done()
    return [
        handover_input(
            m,
            changes=parse_changes(session, m, options["changes"]) if options["changes"] else (),
            reported_on=reported_on,
            form_date=form_date,
            note=options["note"],
        )
        for m in members
    ]
