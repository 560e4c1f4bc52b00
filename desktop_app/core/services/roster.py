"""The roster (会员名册) the membership office compiles, updates and publishes (R-9.2).

Two versions: the full roster for the office, and the public one for the website and the internal
work groups, which leaves out personal contact details (mobile phones, WeChat, e-mail). Active
members only, ordered by level (the order of the ``membership.levels`` setting, highest first),
then by join date, then by member number. Rows are plain tuples so that 100,000 members stay fast;
``spreadsheets.roster`` and ``documents.roster`` draw them.

Each roster the office publishes (on the website, in the work groups) is recorded with the day,
the version and where (``record_publication``, issue 17); the workbench reminds when the last one
is older than the setting ``reports.roster_publication_days``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import CATEGORY_LABELS, Member, MemberStatus, Staff
from desktop_app.core.models.reports import RosterPublication  # issue 17: the publication log
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.settings import ASSOCIATION_NAME, get_setting, levels
from desktop_app.core.validation import FieldError, clean_text
from desktop_app.errors import ValidationError
from desktop_app.messages import say
from desktop_app.records import Roster, RosterColumn

# Mobiles, WeChat and e-mail are personal: only in the office's own version. Office
# landlines and the mailing address are how the public reaches a member, so both versions have them.
COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("serial", "序号", 6, True, "number"),
    RosterColumn("member_number", "会员编号", 13, True),
    RosterColumn("name", "单位名称", 38, True),
    RosterColumn("uscc", "统一社会信用代码", 21, True),
    RosterColumn("level", "会员级别", 13, True),
    RosterColumn("category", "单位类别", 14, True),
    RosterColumn("legal_representative_name", "法定代表人", 11, True),
    RosterColumn("principal_name", "主要负责人", 11, False),
    RosterColumn("liaison_name", "联络员", 10, True),
    RosterColumn("liaison_mobile", "联络员手机", 14, False),
    RosterColumn("liaison_landline", "办公电话", 15, True),
    RosterColumn("liaison_wechat", "微信", 14, False),
    RosterColumn("liaison_email", "电子邮箱", 22, False),
    RosterColumn("address", "通讯地址", 40, True),
    RosterColumn("postcode", "邮编", 8, True),
    RosterColumn("join_date", "入会日期", 12, True, "date"),
    RosterColumn("mentor", "班主任", 10, False),
)
PRIVATE_KEYS = frozenset({"principal_name", "liaison_mobile", "liaison_wechat", "liaison_email", "mentor"})


def columns(public: bool) -> list[RosterColumn]:
    return [c for c in COLUMNS if c.public or not public]


def build_roster(session: Session, actor: Actor, *, public: bool) -> Roster:
    """The roster as it stands today: active members, by level then join date."""
    require(actor, Permission.VIEW_MEMBERS)
    level_list = levels(session)
    rank = {level["code"]: index for index, level in enumerate(level_list)}
    names = {level["code"]: level["name"] for level in level_list}
    chosen = columns(public)
    db_keys = [c.key for c in chosen if c.key not in ("serial", "mentor")]
    selected = [getattr(Member, key) for key in db_keys]
    with_mentor = any(c.key == "mentor" for c in chosen)
    query = select(*selected, *([Staff.full_name] if with_mentor else []))
    if with_mentor:
        query = query.outerjoin(Staff, Staff.id == Member.mentor_id)
    query = query.where(Member.status == MemberStatus.ACTIVE).order_by(
        case(rank, value=Member.level, else_=len(rank)),
        Member.join_date.is_(None),  # members without a join date after those with one
        Member.join_date,
        Member.member_number,
    )
    level_at = db_keys.index("level")
    category_at = db_keys.index("category") if "category" in db_keys else None
    # where each output column comes from: -1 the running number, else a position in the query row
    plan = [-1 if c.key == "serial" else len(db_keys) if c.key == "mentor" else db_keys.index(c.key) for c in chosen]
    rows = []
    counts: dict[str, int] = {}
    for serial, record in enumerate(session.execute(query), start=1):
        values = list(record)
        code = values[level_at]
        counts[code] = counts.get(code, 0) + 1
        values[level_at] = names.get(code, code)
        if category_at is not None:
            values[category_at] = CATEGORY_LABELS.get(values[category_at], values[category_at])
        rows.append(tuple(serial if at < 0 else values[at] for at in plan))
    association = get_setting(session, ASSOCIATION_NAME)
    version = "公开版" if public else "内部版"
    # issue 10: every export of personal data is in the audit log (who, which version, how many rows)
    audit.record(
        session,
        actor,
        "export_roster",
        "roster",
        None,
        say("roster.history.exported", version=version, count=len(rows)),
        after={"version": version, "rows": len(rows)},
    )
    ordered_counts = sorted(counts.items(), key=lambda item: rank.get(item[0], len(rank)))
    return Roster(
        title=f"{association}会员名册",
        association=association,
        made_on=clock_of(session).today(),
        public=public,
        columns=chosen,
        rows=rows,
        level_counts=[(names.get(code, code), count) for code, count in ordered_counts],
    )


# --- the publication log (R-9.2, issue 17) --------------------------------------------------------


@dataclass(frozen=True)
class PublicationRow:
    """One published roster: when, which version, where, how many members, the file, who."""

    id: int
    published_on: dt.date
    public: bool
    website: bool
    work_group: bool
    members: int
    file_name: str | None
    file_format: str
    note: str | None
    published_by: str

    @property
    def version_label(self) -> str:
        return "公开版" if self.public else "内部版"

    @property
    def where_label(self) -> str:
        return "、".join(
            PLACE_LABELS[key] for key, on in (("website", self.website), ("work_group", self.work_group)) if on
        )


PLACE_LABELS = {"website": "协会网站", "work_group": "内部工作群"}


def parse_places(text: str | None) -> tuple[bool, bool]:
    """``website``, ``work-group``, ``website,work_group``, 网站、工作群 … → (website, work group)."""
    website = work_group = False
    for part in str(text or "").replace("，", ",").replace("、", ",").split(","):
        key = part.strip().lower().replace("-", "_")
        if not key:
            continue
        if key in ("website", "web", "网站", "协会网站"):
            website = True
        elif key in ("work_group", "workgroup", "group", "工作群", "内部工作群"):
            work_group = True
        else:
            raise ValidationError({"published": say("roster.unknown_channel", strip=part.strip())})
    return website, work_group


def _publication_row(p: RosterPublication) -> PublicationRow:
    return PublicationRow(
        p.id,
        p.published_on,
        p.public,
        p.website,
        p.work_group,
        p.members,
        p.file_name,
        p.file_format,
        p.note,
        p.published_by_name,
    )


def record_publication(
    session: Session,
    actor: Actor,
    *,
    public: bool,
    website: bool,
    work_group: bool,
    members: int,
    file_name: str | None,
    file_format: str,
    note: str | None = None,
) -> PublicationRow:
    """Record that the roster just exported was published (R-9.2): on the website and/or in the
    internal work groups. The internal version (with mobile phones, WeChat, e-mail) never goes on
    the website."""
    require(actor, Permission.PUBLISH_ROSTER)
    if not website and not work_group:
        raise ValidationError({"published": say("roster.choose_channel")})
    if website and not public:
        raise ValidationError({"published": say("roster.internal_not_on_website")})
    if file_format not in ("xlsx", "pdf"):
        raise ValidationError({"file_format": say("roster.bad_file_format", file_format=file_format)})
    try:
        note = clean_text(note) or None
    except FieldError as exc:
        raise ValidationError({"note": say("roster.notes_problem", exc=exc)}) from None
    if note and len(note) > 300:
        raise ValidationError({"note": say("roster.notes_too_long", count=len(note))})
    clock = clock_of(session)
    row = RosterPublication(
        published_on=clock.today(),
        public=public,
        website=website,
        work_group=work_group,
        members=members,
        file_name=(file_name or None) and str(file_name)[-255:],
        file_format=file_format,
        note=note,
        recorded_at=clock.now(),
        published_by_id=actor.id,
        published_by_name=actor.full_name,
    )
    session.add(row)
    session.flush()
    result = _publication_row(row)
    audit.record(
        session,
        actor,
        "publish_roster",
        "roster_publication",
        row.id,
        say(
            "roster.history.published",
            version_label=result.version_label,
            members=members,
            where_label=result.where_label,
        ),
        after={"public": public, "website": website, "work_group": work_group, "members": members, "file": file_name},
    )
    return result


def publications(session: Session, actor: Actor, *, limit: int | None = None) -> list[PublicationRow]:
    """Every recorded publication, newest first."""
    require(actor, Permission.VIEW_MEMBERS)
    query = select(RosterPublication).order_by(RosterPublication.published_on.desc(), RosterPublication.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [_publication_row(p) for p in session.scalars(query)]


def last_publication(session: Session) -> PublicationRow | None:
    found = session.scalars(
        select(RosterPublication).order_by(RosterPublication.published_on.desc(), RosterPublication.id.desc()).limit(1)
    ).first()
    return _publication_row(found) if found is not None else None
