"""The mentors' work (R-7.1 … R-8.4, R-9.1, R-9.3, R-10.5): who mentors which member, and when."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.core.models.base import Base
from desktop_app.core.models.staff import Staff


class MentorAssignment(Base):
    """Who was a member's mentor, and when (R-7.1: one mentor at a time, history kept)."""

    __tablename__ = "mentor_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str | None] = mapped_column(String(300))

    mentor: Mapped[Staff] = relationship(foreign_keys=[mentor_id])
