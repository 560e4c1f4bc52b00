"""Reports (issue 17): the half-yearly reward/penalty proposal per mentor (R-9.5) as the office
edited it before export, and the log of every roster published (R-9.2).

- ``MentorProposal``: for one half year (``2026H1`` / ``2026H2``) and one mentor, the proposal the
  office settled on (reward / none / penalty), what the thresholds suggested when it was edited,
  the reason, and who edited it when. Without a row the report shows the suggestion.
- ``RosterPublication``: one roster published — the day, the version (public or internal), where
  (the association's website, the internal work groups), how many members it listed, the file and
  who published it. The workbench reminds when the last one is older than a setting.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.core.models.base import Base, str_enum


class ProposalChoice(str, enum.Enum):
    """奖惩建议 (R-9.5)."""

    REWARD = "reward"
    NONE = "none"
    PENALTY = "penalty"

    @property
    def label(self) -> str:
        return PROPOSAL_LABELS[self]


PROPOSAL_LABELS = {ProposalChoice.REWARD: "奖励", ProposalChoice.NONE: "不奖不罚", ProposalChoice.PENALTY: "处罚"}


class MentorProposal(Base):
    __tablename__ = "mentor_report_proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(8), index=True)  # 2026H1 / 2026H2
    mentor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    suggested: Mapped[ProposalChoice] = mapped_column(str_enum(ProposalChoice))  # the thresholds', when edited
    score: Mapped[str | None] = mapped_column(String(16))  # the score then, as printed ("86.5")
    proposal: Mapped[ProposalChoice] = mapped_column(str_enum(ProposalChoice))
    reason: Mapped[str | None] = mapped_column(Text)
    edited_at: Mapped[dt.datetime]
    edited_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    edited_by_name: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("period", "mentor_id", name="uq_mentor_report_proposal_period_mentor"),)


class RosterPublication(Base):
    __tablename__ = "roster_publication"

    id: Mapped[int] = mapped_column(primary_key=True)
    published_on: Mapped[dt.date] = mapped_column(Date, index=True)
    public: Mapped[bool]  # the public version (no personal contact details) or the internal one
    website: Mapped[bool]  # on the association's website
    work_group: Mapped[bool]  # in the internal work groups
    members: Mapped[int]  # how many members it listed
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_format: Mapped[str] = mapped_column(String(8))  # xlsx / pdf
    note: Mapped[str | None] = mapped_column(String(300))
    recorded_at: Mapped[dt.datetime]
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    published_by_name: Mapped[str] = mapped_column(String(64))


__all__ = ["PROPOSAL_LABELS", "MentorProposal", "ProposalChoice", "RosterPublication"]
