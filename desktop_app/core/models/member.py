"""Member organisations (R-3.1, R-6.1): the register's one row per member."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

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

    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    # Optimistic locking: an UPDATE carries "WHERE version = <the version loaded>".
    version: Mapped[int] = mapped_column(default=1)

    mentor: Mapped[Staff | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_member_search", "search_text", "id"),)

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


def build_search_text(values: dict[str, object] | Member) -> str:
    """The text the register's search box matches; phones without dashes so digits match."""
    get = values.get if isinstance(values, dict) else lambda k: getattr(values, k, None)
    parts = []
    for field in SEARCHABLE_FIELDS:
        value = get(field)
        if value:
            text = str(value)
            if field.endswith(("_mobile", "_landline")):
                text = text.replace("-", "")
            parts.append(text)
    return "\x1f".join(parts).lower()
