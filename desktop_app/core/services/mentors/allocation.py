"""Allocating mentors (R-7.1, R-9.1): every active member has exactly one mentor, chosen by the
member's nature (its category, R-3.1) and main business, with each mentor's load in view.

The business kinds are a short list the office keeps as a setting (``mentors.business_kinds``);
a member is filed under the first kind whose keyword its free-text main business contains, or
under the kind the office chose for it by hand (``member_business_kind``). Counting and grouping
run in SQL, so the view's figures come in one query each at 100,000 members.

At most one current mentor per member: the service closes the current assignment before it
opens the next, and the database's partial unique index refuses a second open one (two
workstations allocating the same member at once: the second gets a conflict, not two mentors).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, literal, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.core import audit, pinyin
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    Category,
    Member,
    MemberBusinessKind,
    MemberStatus,
    MentorAssignment,
    Role,
    Staff,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.members import escape_like, get_member, normalise_search_text
from desktop_app.core.services.mentors.scope import Checker, staff_names
from desktop_app.core.settings import BUSINESS_KINDS, get_setting
from desktop_app.errors import ConflictError, NotFound, ValidationError
from desktop_app.messages import say

OTHER_KIND = "其他"
CHUNK = 2000  # ids per IN (…): well under SQLite's and the drivers' parameter limits
Progress = Callable[[int, int], None]


# --- business kinds (R-9.1) -------------------------------------------------------------------------


@dataclass(frozen=True)
class BusinessKind:
    name: str
    keywords: tuple[str, ...]


def business_kinds(session: Session) -> list[BusinessKind]:
    """The office's business kinds, in order (the setting checked: a broken one is a clear error)."""
    raw = get_setting(session, BUSINESS_KINDS)
    label = BUSINESS_KINDS.label.split("（")[0]
    kinds: list[BusinessKind] = []
    for number, item in enumerate(raw if isinstance(raw, list) else [None], 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ValidationError(
                {BUSINESS_KINDS.key: say("mentors.allocation.class_needs_name", label=label, number=number)}
            )
        keywords = item.get("keywords", [])
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            raise ValidationError(
                {BUSINESS_KINDS.key: say("mentors.allocation.keywords_not_list", label=label, item=item["name"])}
            )
        name = item["name"].strip()
        if len(name) > 40 or any(k.name == name for k in kinds) or name == OTHER_KIND:
            raise ValidationError(
                {
                    BUSINESS_KINDS.key: say(
                        "mentors.allocation.class_name_bad", label=label, name=name, OTHER_KIND=OTHER_KIND
                    )
                }
            )
        kinds.append(BusinessKind(name, tuple(k.strip() for k in keywords)))
    return kinds


def kind_names(session: Session) -> list[str]:
    return [kind.name for kind in business_kinds(session)] + [OTHER_KIND]


def classify(main_business: str | None, kinds: Sequence[BusinessKind]) -> str:
    """The kind a free-text main business falls under: the first whose keyword it contains."""
    text = main_business or ""
    for kind in kinds:
        if any(keyword in text for keyword in kind.keywords):
            return kind.name
    return OTHER_KIND


class Classifier:
    """``classify`` with a memory: a register holds far fewer distinct main businesses than members,
    so counting and grouping read ``(category, mentor, main business, kind by hand)`` in SQL —
    one GROUP BY, no per-row text matching in the database — and classify each text once here."""

    def __init__(self, kinds: Sequence[BusinessKind]):
        self.kinds = list(kinds)
        self._known: dict[str | None, str] = {}
        self.knows_every_text = False  # set once every active member's text went through it

    def texts_of(self, kind: str) -> list[str]:
        return [text for text, known in self._known.items() if text is not None and known == kind]

    def __call__(self, main_business: str | None, by_hand: str | None = None) -> str:
        if by_hand:
            return by_hand
        kind = self._known.get(main_business)
        if kind is None:
            kind = self._known[main_business] = classify(main_business, self.kinds)
        return kind

    def order(self) -> dict[str, int]:
        return {name: i for i, name in enumerate([k.name for k in self.kinds] + [OTHER_KIND])}


def _with_kind(query: Any) -> Any:
    return query.outerjoin(MemberBusinessKind, MemberBusinessKind.member_id == Member.id)


def _kind_condition(session: Session, classifier: Classifier, kind: str) -> ColumnElement[bool]:
    """SQL for "filed under ``kind``": by hand, or by the keywords of its main business (the texts
    that fall under the kind, among the register's distinct main businesses)."""
    if not classifier.knows_every_text:
        for text in session.scalars(
            select(Member.main_business).where(Member.status == MemberStatus.ACTIVE).group_by(Member.main_business)
        ):
            classifier(text)
        classifier.knows_every_text = True
    matching = classifier.texts_of(kind)
    by_keywords: ColumnElement[bool] = Member.main_business.in_(matching) if matching else literal(False)
    if kind == OTHER_KIND:
        by_keywords = or_(by_keywords, Member.main_business.is_(None))
    return or_(MemberBusinessKind.kind == kind, and_(MemberBusinessKind.kind.is_(None), by_keywords))


def set_business_kind(session: Session, actor: Actor, member_ids: Sequence[int], kind: str | None) -> int:
    """File members under ``kind`` by hand, or (``None``) back under their main business's keywords."""
    require(actor, Permission.ASSIGN_MENTORS)
    names = kind_names(session)
    if kind is not None and kind not in names:
        raise ValidationError({"kind": say("mentors.allocation.unknown_business_kind", kind=kind, join=list(names))})
    now = clock_of(session).now()
    changed = 0
    for start in range(0, len(member_ids), CHUNK):
        chunk = list(member_ids[start : start + CHUNK])
        existing = {
            row.member_id: row
            for row in session.scalars(select(MemberBusinessKind).where(MemberBusinessKind.member_id.in_(chunk)))
        }
        known = set(session.scalars(select(Member.id).where(Member.id.in_(chunk))))
        missing = [i for i in chunk if i not in known]
        if missing:
            raise NotFound(say("mentors.members_not_found", join=list(map(str, missing))))
        for member_id in chunk:
            row = existing.get(member_id)
            before = row.kind if row is not None else None
            if before == kind:
                continue
            if kind is None:
                session.execute(delete(MemberBusinessKind).where(MemberBusinessKind.member_id == member_id))
            elif row is None:
                session.add(MemberBusinessKind(member_id=member_id, kind=kind, set_by_id=actor.id, set_at=now))
            else:
                row.kind, row.set_by_id, row.set_at = kind, actor.id, now
            audit.record(
                session,
                actor,
                "business_kind",
                "member",
                member_id,
                say("mentors.allocation.history.business_classes", value=kind or "按主营业务自动归类"),
                {"business_kind": before},
                {"business_kind": kind},
            )
            changed += 1
    return changed


# --- the overview: groups and loads -------------------------------------------------------------------


@dataclass(frozen=True)
class GroupCount:
    """Active members of one category and business kind, and how many of them have no mentor."""

    category: Category
    kind: str
    members: int
    unassigned: int


def _counts(session: Session, classifier: Classifier) -> Counter[tuple[Category, int | None, str]]:
    """Active members per (category, mentor or None, business kind), from one GROUP BY."""
    rows = session.execute(
        _with_kind(
            select(Member.category, Member.mentor_id, Member.main_business, MemberBusinessKind.kind, func.count())
        )
        .where(Member.status == MemberStatus.ACTIVE)
        .group_by(Member.category, Member.mentor_id, Member.main_business, MemberBusinessKind.kind)
    )
    counts: Counter[tuple[Category, int | None, str]] = Counter()
    for category, mentor_id, business, by_hand, count in rows:
        if by_hand is not None:
            classifier(business)  # known for the kind filter too
        counts[(Category(category), mentor_id, classifier(business, by_hand))] += count
    classifier.knows_every_text = True
    return counts


def allocation_groups(session: Session, actor: Actor) -> list[GroupCount]:
    return allocation_overview(session, actor)[0]


@dataclass(frozen=True)
class MentorLoad:
    """A mentor, active or not, with how many active members it serves, by category and by group."""

    mentor_id: int
    full_name: str
    username: str
    is_active: bool
    total: int
    by_category: Mapping[Category, int] = field(default_factory=dict)
    by_group: Mapping[tuple[Category, str], int] = field(default_factory=dict)


def mentor_loads(session: Session, actor: Actor) -> list[MentorLoad]:
    """Every mentor (active first, then by name) with its load."""
    return allocation_overview(session, actor)[1]


def allocation_overview(session: Session, actor: Actor) -> tuple[list[GroupCount], list[MentorLoad]]:
    """The allocation's figures, read once: the groups (category × business kind: members, how many
    without a mentor) and every mentor's load (active first, then by name)."""
    require(actor, Permission.VIEW_ALLOCATION)
    classifier = Classifier(business_kinds(session))
    return _overview(session, _counts(session, classifier), classifier)


def _overview(
    session: Session, counts: Counter[tuple[Category, int | None, str]], classifier: Classifier
) -> tuple[list[GroupCount], list[MentorLoad]]:
    members: Counter[tuple[Category, str]] = Counter()
    waiting: Counter[tuple[Category, str]] = Counter()
    by_mentor: dict[int, Counter[tuple[Category, str]]] = {}
    for (category, mentor_id, kind), count in counts.items():
        members[(category, kind)] += count
        if mentor_id is None:
            waiting[(category, kind)] += count
        else:
            by_mentor.setdefault(mentor_id, Counter())[(category, kind)] += count
    order = classifier.order()
    categories = list(Category)
    groups = sorted(
        (GroupCount(c, k, n, waiting[(c, k)]) for (c, k), n in members.items()),
        key=lambda g: (categories.index(g.category), order.get(g.kind, len(order)), g.kind),
    )
    staff = session.execute(
        select(Staff.id, Staff.full_name, Staff.username, Staff.is_active, Staff.role).where(
            or_(Staff.role == Role.MENTOR, Staff.id.in_(list(by_mentor)))
        )
    ).all()
    loads = []
    for staff_id, full_name, username, is_active, role in staff:
        by_group = by_mentor.get(staff_id, Counter())
        by_category: Counter[Category] = Counter()
        for (category, _kind), count in by_group.items():
            by_category[category] += count
        loads.append(
            MentorLoad(
                staff_id,
                full_name,
                username,
                bool(is_active and role == Role.MENTOR),
                sum(by_group.values()),
                dict(by_category),
                dict(by_group),
            )
        )
    # mentors by name in pinyin order (issue 16), the inactive ones last
    return groups, sorted(
        loads, key=lambda m: (not m.is_active, pinyin.sort_key(m.full_name, person=True), m.mentor_id)
    )


# --- the members to allocate ------------------------------------------------------------------------


@dataclass(frozen=True)
class AllocationFilter:
    """Which active members the allocation lists. ``mentor_id`` 0: those without a mentor."""

    text: str = ""
    category: Category | None = None
    kind: str | None = None
    mentor_id: int | None = None


@dataclass(frozen=True)
class AllocationRow:
    member_id: int
    member_number: str
    name: str
    category: Category
    kind: str
    kind_by_hand: bool
    main_business: str | None
    mentor_id: int | None
    mentor_name: str | None


@dataclass(frozen=True)
class AllocationPage:
    rows: list[AllocationRow]
    total: int  # members matching, beyond the rows listed
    unassigned: int  # of those, without a mentor


def _filtered(session: Session, query: Any, flt: AllocationFilter, classifier: Classifier) -> Any:
    query = _with_kind(query).where(Member.status == MemberStatus.ACTIVE)
    text = normalise_search_text(flt.text)
    if text:
        pattern = f"%{escape_like(text)}%"
        query = query.where(
            or_(Member.search_text.like(pattern, escape="\\"), Member.main_business.like(pattern, escape="\\"))
        )
    if flt.category is not None:
        query = query.where(Member.category == flt.category)
    if flt.kind:
        query = query.where(_kind_condition(session, classifier, flt.kind))
    if flt.mentor_id == 0:
        query = query.where(Member.mentor_id.is_(None))
    elif flt.mentor_id is not None:
        query = query.where(Member.mentor_id == flt.mentor_id)
    return query


def allocation_members(
    session: Session, actor: Actor, flt: AllocationFilter = AllocationFilter(), *, limit: int | None = 500
) -> AllocationPage:
    """Active members matching ``flt``: those without a mentor first (by category and member
    number), then the others by member number; ``limit`` rows (the counts are of all that match)."""
    require(actor, Permission.VIEW_ALLOCATION)
    return _page(session, flt, Classifier(business_kinds(session)), limit, None)


def _page(
    session: Session,
    flt: AllocationFilter,
    classifier: Classifier,
    limit: int | None,
    counts: Counter[tuple[Category, int | None, str]] | None,
) -> AllocationPage:
    columns = select(
        Member.id,
        Member.member_number,
        Member.name,
        Member.category,
        MemberBusinessKind.kind,
        Member.main_business,
        Member.mentor_id,
        Staff.full_name,
    ).outerjoin(Staff, Staff.id == Member.mentor_id)
    found: list[Any] = []
    # Two reads, each answered by an index: the few waiting members (by the mentor index), then the
    # others in member-number order (the number's unique index) — never a sort of the whole register.
    if flt.mentor_id in (None, 0):
        waiting = _filtered(session, columns, replace(flt, mentor_id=0), classifier)
        waiting = waiting.order_by(Member.category, Member.member_number)
        found += session.execute(waiting if limit is None else waiting.limit(limit)).all()
    if flt.mentor_id != 0 and (limit is None or len(found) < limit):
        others = _filtered(session, columns, flt, classifier).order_by(Member.member_number)
        if flt.mentor_id is None:
            others = others.where(Member.mentor_id.is_not(None))
        found += session.execute(others if limit is None else others.limit(limit - len(found))).all()
    rows = [
        AllocationRow(r[0], r[1], r[2], Category(r[3]), classifier(r[5], r[4]), r[4] is not None, r[5], r[6], r[7])
        for r in found
    ]
    known = _known_counts(counts, flt) if counts is not None else None
    if known is not None:
        total, unassigned = known
    elif limit is None or len(rows) < limit:
        total, unassigned = len(rows), sum(1 for r in rows if r.mentor_id is None)  # all of them are here
    else:
        total, unassigned = session.execute(
            _filtered(
                session,
                select(func.count(Member.id), func.count(Member.id) - func.count(Member.mentor_id)),
                flt,
                classifier,
            )
        ).one()
    return AllocationPage(rows, int(total or 0), int(unassigned or 0))


def _known_counts(counts: Counter[tuple[Category, int | None, str]], flt: AllocationFilter) -> tuple[int, int] | None:
    """The page's counts from the overview's figures, when no search text narrows them."""
    if normalise_search_text(flt.text):
        return None
    total = unassigned = 0
    for (category, mentor_id, kind), count in counts.items():
        if flt.category is not None and category != flt.category:
            continue
        if flt.kind and kind != flt.kind:
            continue
        if flt.mentor_id == 0 and mentor_id is not None:
            continue
        if flt.mentor_id not in (None, 0) and mentor_id != flt.mentor_id:
            continue
        total += count
        unassigned += count if mentor_id is None else 0
    return total, unassigned


@dataclass(frozen=True)
class AllocationData:
    """What the allocation view shows, read together: the groups, the loads, the list with the
    suggested mentor of each member listed (empty for those who only read)."""

    groups: list[GroupCount]
    loads: list[MentorLoad]
    page: AllocationPage
    suggestions: dict[int, Suggestion]


def allocation_view(
    session: Session, actor: Actor, flt: AllocationFilter = AllocationFilter(), *, limit: int | None = 500
) -> AllocationData:
    """The allocation view in one go: one GROUP BY feeds the groups, the loads, the list's counts
    and the suggestions (R-7.1, R-9.1)."""
    require(actor, Permission.VIEW_ALLOCATION)
    classifier = Classifier(business_kinds(session))
    counts = _counts(session, classifier)
    groups, loads = _overview(session, counts, classifier)
    page = _page(session, flt, classifier, limit, counts)
    suggestions = (
        suggest(session, actor, [r.member_id for r in page.rows], loads=loads)
        if actor.can(Permission.ASSIGN_MENTORS)
        else {}
    )
    return AllocationData(groups, loads, page, suggestions)


def unassigned_member_ids(session: Session, actor: Actor) -> list[int]:
    require(actor, Permission.VIEW_ALLOCATION)
    return list(
        session.scalars(
            select(Member.id)
            .where(Member.status == MemberStatus.ACTIVE, Member.mentor_id.is_(None))
            .order_by(Member.category, Member.member_number)
        )
    )


# --- suggestions ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    member_id: int
    mentor_id: int
    mentor_name: str
    reason: str


def suggest(
    session: Session,
    actor: Actor,
    member_ids: Sequence[int],
    *,
    exclude: Iterable[int] = (),
    loads: Sequence[MentorLoad] | None = None,
) -> dict[int, Suggestion]:
    """A mentor for each member: one already serving the member's category and business kind,
    the lightest loaded; else one serving the category; else the lightest of all. Each suggestion
    counts towards the next (loads stay true when many are suggested at once: new members of a
    group are shared among the mentors serving it, the lighter first).
    Inactive mentors (and ``exclude``: a mentor handing its members over) are never suggested.
    ``loads``: the mentors' loads when the caller has just read them (``allocation_overview``)."""
    require(actor, Permission.VIEW_ALLOCATION)
    excluded = set(exclude)
    if loads is None:
        loads = mentor_loads(session, actor)
    active = {m.mentor_id: m for m in loads if m.is_active and m.mentor_id not in excluded}
    if not active or not member_ids:
        return {}
    totals = {i: m.total for i, m in active.items()}
    groups = {i: Counter(m.by_group) for i, m in active.items()}
    categories = {i: Counter(m.by_category) for i, m in active.items()}
    names = {i: m.full_name for i, m in active.items()}
    classifier = Classifier(business_kinds(session))
    wanted: list[tuple[int, Category, str, int | None]] = []
    for start in range(0, len(member_ids), CHUNK):
        chunk = list(member_ids[start : start + CHUNK])
        found = {
            r[0]: (r[0], Category(r[1]), classifier(r[2], r[3]), r[4])
            for r in session.execute(
                _with_kind(
                    select(Member.id, Member.category, Member.main_business, MemberBusinessKind.kind, Member.mentor_id)
                ).where(Member.id.in_(chunk))
            )
        }
        wanted.extend(found[i] for i in chunk if i in found)
    out: dict[int, Suggestion] = {}
    for member_id, category, kind_name, current in wanted:
        candidates = [i for i in active if i != current]
        if not candidates:
            continue
        group = (category, kind_name)
        same_group = [i for i in candidates if groups[i][group]]
        same_category = [i for i in candidates if categories[i][category]]
        if same_group:
            chosen = _lightest(same_group, totals, names)
            reason = f"同类同业务 {groups[chosen][group]} 家，共 {totals[chosen]} 家"
        elif same_category:
            chosen = _lightest(same_category, totals, names)
            reason = f"同类别 {categories[chosen][category]} 家，共 {totals[chosen]} 家"
        else:
            chosen = _lightest(candidates, totals, names)
            reason = f"负担最轻，共 {totals[chosen]} 家"
        out[member_id] = Suggestion(member_id, chosen, names[chosen], reason)
        totals[chosen] += 1
        groups[chosen][group] += 1
        categories[chosen][category] += 1
    return out


def _lightest(ids: list[int], totals: dict[int, int], names: dict[int, str]) -> int:
    return min(ids, key=lambda i: (totals[i], names[i], i))


# --- assigning ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignResult:
    assigned: int = 0  # had no mentor
    reassigned: int = 0  # had another mentor
    unchanged: int = 0  # had this mentor already

    def __add__(self, other: AssignResult) -> AssignResult:
        return AssignResult(
            self.assigned + other.assigned, self.reassigned + other.reassigned, self.unchanged + other.unchanged
        )

    def summary(self) -> str:
        parts = [f"分配 {self.assigned} 个会员"]
        if self.reassigned:
            parts.append(f"更换班主任 {self.reassigned} 个")
        if self.unchanged:
            parts.append(f"{self.unchanged} 个原本就是该班主任，未变")
        return "，".join(parts) + "。"


def _active_mentor(session: Session, mentor_id: int) -> Staff:
    mentor = session.get(Staff, mentor_id)
    if mentor is None or mentor.role != Role.MENTOR or not mentor.is_active:
        raise ValidationError({"mentor_id": say("mentors.allocation.not_a_mentor")})
    return mentor


def _reason(session: Session, reason: str | None, *, required: bool, count: int, example: str) -> str | None:
    check = Checker(session)
    text = check.notes({"reason": reason}, "reason", "更换原因", 300)
    check.done()
    if required and not text:
        more = f"等 {count} 个会员" if count > 1 else ""
        raise ValidationError({"reason": say("mentors.allocation.reason_required", example=example, more=more)})
    return text


def assign_members(
    session: Session,
    actor: Actor,
    member_ids: Sequence[int],
    mentor_id: int,
    *,
    reason: str | None = None,
    progress: Progress | None = None,
) -> AssignResult:
    """Give these active members ``mentor_id`` as their mentor (R-7.1, R-9.1). A member that has
    another mentor is reassigned only with a ``reason``; the old assignment is closed today with
    that reason and who ended it, so the history says who mentored it from when to when."""
    require(actor, Permission.ASSIGN_MENTORS)
    mentor = _active_mentor(session, mentor_id)
    members = _load_members(session, member_ids)
    moving = [m for m in members if m.mentor_id not in (None, mentor_id)]
    text = _reason(session, reason, required=bool(moving), count=len(moving), example=moving[0].name if moving else "")
    return _assign(session, actor, [(m, mentor) for m in members], text, progress)


def assign_suggested(
    session: Session,
    actor: Actor,
    member_ids: Sequence[int],
    *,
    reason: str | None = None,
    progress: Progress | None = None,
) -> AssignResult:
    """Each member to the mentor ``suggest`` proposes for it (members with a mentor: a reason)."""
    require(actor, Permission.ASSIGN_MENTORS)
    members = _load_members(session, member_ids)
    suggestions = suggest(session, actor, [m.id for m in members])
    if len(suggestions) < len(members):
        raise ValidationError({"mentor_id": say("mentors.allocation.no_mentor_to_suggest")})
    moving = [m for m in members if m.mentor_id is not None]
    text = _reason(session, reason, required=bool(moving), count=len(moving), example=moving[0].name if moving else "")
    mentors = {s.mentor_id: _active_mentor(session, s.mentor_id) for s in suggestions.values()}
    return _assign(session, actor, [(m, mentors[suggestions[m.id].mentor_id]) for m in members], text, progress)


def hand_over_members(
    session: Session,
    actor: Actor,
    from_mentor_id: int,
    to_mentor_id: int | None,
    *,
    reason: str,
    progress: Progress | None = None,
) -> AssignResult:
    """Every active member of one mentor to another (``None``: each to its suggestion among the
    others) — before a mentor who leaves the secretariat can be deactivated."""
    require(actor, Permission.ASSIGN_MENTORS)
    if to_mentor_id == from_mentor_id:
        raise ValidationError({"mentor_id": say("mentors.allocation.choose_other_mentor")})
    ids = list(
        session.scalars(
            select(Member.id)
            .where(Member.mentor_id == from_mentor_id, Member.status == MemberStatus.ACTIVE)
            .order_by(Member.member_number)
        )
    )
    if not ids:
        return AssignResult()
    text = _reason(session, reason, required=True, count=len(ids), example=get_member(session, ids[0]).name)
    members = _load_members(session, ids)
    if to_mentor_id is not None:
        target = _active_mentor(session, to_mentor_id)
        return _assign(session, actor, [(m, target) for m in members], text, progress)
    suggestions = suggest(session, actor, ids, exclude={from_mentor_id})
    if len(suggestions) < len(members):
        raise ValidationError({"mentor_id": say("mentors.allocation.no_other_mentor")})
    mentors = {s.mentor_id: _active_mentor(session, s.mentor_id) for s in suggestions.values()}
    return _assign(session, actor, [(m, mentors[suggestions[m.id].mentor_id]) for m in members], text, progress)


def _load_members(session: Session, member_ids: Sequence[int]) -> list[Member]:
    wanted = list(dict.fromkeys(member_ids))
    if not wanted:
        raise ValidationError({"members": say("mentors.allocation.choose_member")})
    found: dict[int, Member] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        found.update((m.id, m) for m in session.scalars(select(Member).where(Member.id.in_(chunk))))
    missing = [str(i) for i in wanted if i not in found]
    if missing:
        raise NotFound(say("mentors.members_not_found", join=list(missing[:10])))
    members = [found[i] for i in wanted]
    gone = [m for m in members if m.status != MemberStatus.ACTIVE]
    if gone:
        raise ValidationError(
            {
                "members": say(
                    "mentors.allocation.members_not_active",
                    name=gone[0].name,
                    label=gone[0].status.label,
                    count=len(gone),
                )
                if len(gone) > 1
                else say("mentors.allocation.one_member_not_active", name=gone[0].name, label=gone[0].status.label)
            }
        )
    return members


def _assign(
    session: Session,
    actor: Actor,
    pairs: list[tuple[Member, Staff]],
    reason: str | None,
    progress: Progress | None = None,
) -> AssignResult:
    clock = clock_of(session)
    today, now = clock.today(), clock.now()
    ids = [member.id for member, _mentor in pairs]
    current: dict[int, MentorAssignment] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        current.update(
            (a.member_id, a)
            for a in session.scalars(
                select(MentorAssignment).where(
                    MentorAssignment.member_id.in_(chunk), MentorAssignment.end_date.is_(None)
                )
            )
        )
    old_names = staff_names(session, [m.mentor_id for m, _ in pairs])
    result = AssignResult()
    with session.no_autoflush:
        for done, (member, mentor) in enumerate(pairs):
            if progress is not None and done % 100 == 0:
                progress(done, len(pairs))  # raises Cancelled: nothing of the run is kept
            if member.mentor_id == mentor.id and member.id in current:
                result += AssignResult(unchanged=1)
                continue
            before = member.mentor_id
            open_one = current.get(member.id)
            if open_one is not None:
                open_one.end_date = today
                open_one.ended_by_id = actor.id
                open_one.end_reason = reason if before is not None else None
            session.add(
                MentorAssignment(
                    member_id=member.id,
                    mentor_id=mentor.id,
                    start_date=today,
                    assigned_by_id=actor.id,
                    note=reason,
                )
            )
            member.mentor_id = mentor.id
            member.updated_at = now
            if before is None:
                summary = f"分配班主任：{mentor.full_name}"
                result += AssignResult(assigned=1)
            else:
                summary = f"更换班主任：{old_names.get(before, before)} → {mentor.full_name}（原因：{reason}）"
                result += AssignResult(reassigned=1)
            audit.record(
                session,
                actor,
                "assign_mentor",
                "member",
                member.id,
                summary,
                {"mentor_id": before},
                {"mentor_id": mentor.id},
            )
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        raise ConflictError(say("mentors.allocation.changed_meanwhile")) from exc
    except IntegrityError as exc:
        session.rollback()
        raise ConflictError(say("mentors.allocation.allocated_meanwhile")) from exc
    return result


def assign_mentor(
    session: Session, actor: Actor, member_id: int, mentor_id: int | None, note: str | None = None
) -> Member:
    """One member's mentor, as the member editor sets it (``None``: no mentor). The allocation view
    uses ``assign_members``, which asks the reason of a reassignment."""
    require(actor, Permission.ASSIGN_MENTORS)
    member = get_member(session, member_id)
    if mentor_id is None:
        from desktop_app.core.services.members import set_mentor

        before = member.mentor_id
        with session.no_autoflush:
            set_mentor(session, actor, member, None, note)
            member.updated_at = clock_of(session).now()
        session.flush()
        audit.record(
            session,
            actor,
            "assign_mentor",
            "member",
            member.id,
            say("mentors.allocation.history.unassigned"),
            {"mentor_id": before},
            {"mentor_id": None},
        )
        return member
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(
            {"mentor_id": say("mentors.allocation.member_not_active", name=member.name, label=member.status.label)}
        )
    mentor = _active_mentor(session, mentor_id)
    _assign(session, actor, [(member, mentor)], _reason(session, note, required=False, count=1, example=member.name))
    return member


# --- history ------------------------------------------------------------------------------------------


def mentor_assignments(session: Session, member_id: int) -> list[MentorAssignment]:
    return list(
        session.scalars(
            select(MentorAssignment)
            .where(MentorAssignment.member_id == member_id)
            .order_by(MentorAssignment.start_date.desc(), MentorAssignment.id.desc())
        )
    )


@dataclass(frozen=True)
class AssignmentRow:
    """Who mentored a member from when to when, who decided, and why it ended (R-7.1)."""

    mentor_id: int
    mentor_name: str
    start_date: dt.date
    end_date: dt.date | None
    assigned_by: str | None
    note: str | None
    ended_by: str | None
    end_reason: str | None


def assignment_history(session: Session, actor: Actor, member_id: int) -> list[AssignmentRow]:
    require(actor, Permission.VIEW_MEMBERS)
    rows = mentor_assignments(session, member_id)
    names = staff_names(session, [i for a in rows for i in (a.mentor_id, a.assigned_by_id, a.ended_by_id)])
    return [
        AssignmentRow(
            a.mentor_id,
            names.get(a.mentor_id, str(a.mentor_id)),
            a.start_date,
            a.end_date,
            names.get(a.assigned_by_id) if a.assigned_by_id else None,
            a.note,
            names.get(a.ended_by_id) if a.ended_by_id else None,
            a.end_reason,
        )
        for a in rows
    ]


def members_of(session: Session, mentor_id: int) -> int:
    """How many active members depend on this mentor (a mentor who leaves cannot be deactivated)."""
    return (
        session.scalar(
            select(func.count(Member.id)).where(Member.mentor_id == mentor_id, Member.status == MemberStatus.ACTIVE)
        )
        or 0
    )
