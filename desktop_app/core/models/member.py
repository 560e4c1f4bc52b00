"""Member organisations (R-3.1, R-6.1): the register's one row per member."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text, event, inspect
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.core import pinyin
from desktop_app.core.models.base import Base, str_enum
from desktop_app.core.models.staff import Staff


class Category(str, enum.Enum):
    """The kinds of organisation R-3.1 admits. There is deliberately no 'individual'."""

    CONSTRUCTION_ENTERPRISE = "construction_enterprise"
    INDUSTRY_CHAIN_ENTERPRISE = "industry_chain_enterprise"
    PUBLIC_INSTITUTION = "public_institution"
    SOCIAL_ORGANISATION = "social_organisation"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS = {
    Category.CONSTRUCTION_ENTERPRISE: "建筑业企业",
    Category.INDUSTRY_CHAIN_ENTERPRISE: "产业链关联企业",
    Category.PUBLIC_INSTITUTION: "事业单位",
    Category.SOCIAL_ORGANISATION: "社会团体",
}


class MemberStatus(str, enum.Enum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"  # by the member's own letter
    CANCELLED = "cancelled"  # the association ended it

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    MemberStatus.ACTIVE: "正常",
    MemberStatus.WITHDRAWN: "已退会",
    MemberStatus.CANCELLED: "已取消资格",
}

# the person exercising the member's rights, and the member's own liaison.
CONTACT_ROLES = ("legal_representative", "principal", "liaison")
CONTACT_FIELDS = ("name", "position", "mobile", "landline", "wechat", "email")


class OrganisationDetails:
    """The columns a member and an application share (R-3.1, R-6.1): validated by the same
    ``validate_member``, so their widths live here once."""

    main_business: Mapped[str | None] = mapped_column(String(200))
    qualification: Mapped[str | None] = mapped_column(String(300))
    district: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(6))

    legal_representative_name: Mapped[str | None] = mapped_column(String(64))
    legal_representative_position: Mapped[str | None] = mapped_column(String(64))
    legal_representative_mobile: Mapped[str | None] = mapped_column(String(20))
    legal_representative_landline: Mapped[str | None] = mapped_column(String(24))
    legal_representative_wechat: Mapped[str | None] = mapped_column(String(64))
    legal_representative_email: Mapped[str | None] = mapped_column(String(120))

    principal_name: Mapped[str | None] = mapped_column(String(64))
    principal_position: Mapped[str | None] = mapped_column(String(64))
    principal_mobile: Mapped[str | None] = mapped_column(String(20))
    principal_landline: Mapped[str | None] = mapped_column(String(24))
    principal_wechat: Mapped[str | None] = mapped_column(String(64))
    principal_email: Mapped[str | None] = mapped_column(String(120))

    liaison_name: Mapped[str | None] = mapped_column(String(64))
    liaison_position: Mapped[str | None] = mapped_column(String(64))
    liaison_mobile: Mapped[str | None] = mapped_column(String(20))
    liaison_landline: Mapped[str | None] = mapped_column(String(24))
    liaison_wechat: Mapped[str | None] = mapped_column(String(64))
    liaison_email: Mapped[str | None] = mapped_column(String(120))


INITIALS_LENGTH = 200  # Member.pinyin_initials


class Member(OrganisationDetails, Base):
    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_number: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    uscc: Mapped[str] = mapped_column(String(18), unique=True)
    category: Mapped[Category] = mapped_column(str_enum(Category), index=True)
    level: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[MemberStatus] = mapped_column(str_enum(MemberStatus), index=True)
    join_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    certificate_number: Mapped[str | None] = mapped_column(String(32), unique=True)

    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    left_date: Mapped[dt.date | None] = mapped_column(Date)
    left_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    # One lower-cased string of everything the register's search box matches, so a search is a
    # single LIKE over one narrow index (see STYLE.md: FTS trigram misses 2-character Chinese).
    search_text: Mapped[str] = mapped_column(String(1000), default="")
    # Pinyin sort keys (issue 16, core/pinyin.py): the register sorts names as WPS and Excel do.
    # Kept by ``pinyin_keys`` — on every ORM write by the events below, in bulk writes by hand.
    name_pinyin: Mapped[str] = mapped_column(String(pinyin.KEY_LENGTH), default="", server_default="")
    liaison_name_pinyin: Mapped[str] = mapped_column(String(pinyin.KEY_LENGTH), default="", server_default="")
    principal_name_pinyin: Mapped[str] = mapped_column(String(pinyin.KEY_LENGTH), default="", server_default="")
    # The pinyin initials of the name and its people (whzsjsyxgs\x1fzl…): a search of initials
    # alone (whzs) reads this narrow column's index instead of the whole search text (issue 16).
    pinyin_initials: Mapped[str] = mapped_column(String(INITIALS_LENGTH), default="", server_default="")

    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    # Optimistic locking: an UPDATE carries "WHERE version = <the version loaded>".
    version: Mapped[int] = mapped_column(default=1)

    mentor: Mapped[Staff | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_member_search", "search_text", "id"),
        Index("ix_member_name_pinyin", "name_pinyin", "id"),
        Index("ix_member_liaison_name_pinyin", "liaison_name_pinyin", "id"),
        Index("ix_member_pinyin_initials", "pinyin_initials", "member_number", "id"),
    )

    def __repr__(self) -> str:
        return f"Member({self.member_number!r}, {self.name!r})"


SEARCHABLE_FIELDS = (
    "name",
    "uscc",
    "member_number",
    "liaison_name",
    "principal_name",
    "legal_representative_name",
    "liaison_mobile",
    "liaison_landline",
    "principal_mobile",
    "principal_landline",
    "legal_representative_mobile",
    "legal_representative_landline",
)


# Names a search finds by pinyin too (issue 16): whzs → 武汉中山建设, zhangli → 张丽.
PINYIN_SEARCH_FIELDS = (
    ("name", False),
    ("liaison_name", True),
    ("principal_name", True),
    ("legal_representative_name", True),
)
SEARCH_TEXT_LENGTH = 1000


def _getter(values: Any) -> Any:
    return values.get if isinstance(values, dict) else lambda k: getattr(values, k, None)


def build_search_text(values: dict[str, Any] | Member) -> str:
    """The text the register's search box matches; phones without dashes so digits match; then
    the names' pinyin initials and full pinyin. Fields are separated by \x1f, which nobody types,
    so a search never matches across two fields. The column holds 1,000 characters: the pinyin of
    an absurdly long name is cut at the end (full spellings go first), never the fields."""
    get = _getter(values)
    parts = []
    for field in SEARCHABLE_FIELDS:
        value = get(field)
        if value:
            text = str(value)
            if field.endswith(("_mobile", "_landline")):
                text = text.replace("-", "")
            parts.append(text)
    parts += pinyin.search_forms((get(field), person) for field, person in PINYIN_SEARCH_FIELDS)
    return "\x1f".join(parts).lower()[:SEARCH_TEXT_LENGTH]


PINYIN_KEY_COLUMNS = ["name_pinyin", "liaison_name_pinyin", "principal_name_pinyin", "pinyin_initials"]


def initials_text(values: dict[str, Any] | Member) -> str:
    """The pinyin initials of the name and its people, one field each, then the letters of the
    member number (WJX…: a search of letters alone finds those too; see ``pinyin_initials``)."""
    get = _getter(values)
    parts = [pinyin.spellings(get(field), person=person)[0] for field, person in PINYIN_SEARCH_FIELDS]
    parts.append("".join(ch for ch in str(get("member_number") or "") if ch.isascii() and ch.isalpha()).lower())
    return "\x1f".join(parts)[:INITIALS_LENGTH]


def pinyin_keys(values: dict[str, Any] | Member) -> dict[str, str]:
    """The member's pinyin sort keys, for rows written in bulk (import, demo data)."""
    get = _getter(values)
    return {
        "name_pinyin": pinyin.sort_key(get("name")),
        "liaison_name_pinyin": pinyin.sort_key(get("liaison_name"), person=True),
        "principal_name_pinyin": pinyin.sort_key(get("principal_name"), person=True),
        "pinyin_initials": initials_text(values),
    }


# What the keys are made of: an update that changes none of these leaves them (and the pinyin
# dictionary unloaded: a process that only reads keeps ~16 MB less, issue 16).
KEY_SOURCES = ("name", "liaison_name", "principal_name", "legal_representative_name", "member_number")


@event.listens_for(Member, "before_insert")
def _keep_member_keys(_mapper: Any, _connection: Any, member: Member) -> None:
    for key, value in pinyin_keys(member).items():
        if getattr(member, key) != value:
            setattr(member, key, value)


@event.listens_for(Member, "before_update")
def _keep_changed_member_keys(mapper: Any, connection: Any, member: Member) -> None:
    attrs = inspect(member).attrs
    if any(attrs[field].history.has_changes() for field in KEY_SOURCES):
        _keep_member_keys(mapper, connection, member)
