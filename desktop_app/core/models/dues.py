"""Dues (R-5.5, R-8.5, R-9.4, R-12.1 (1)): the receipts the association issues, from one sequence."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.core.models.base import Base


class DuesReceipt(Base):
    """A dues receipt (会费收据) handed out: its number is unique, whoever issued it (the documents
    area, the command line, admission's dues step). Numbers come from one sequence
    (``numbering.receipt_number``); a number typed in for a receipt written by hand is kept too."""

    __tablename__ = "dues_receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    payer: Mapped[str] = mapped_column(String(200))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"), index=True)
    years: Mapped[str] = mapped_column(String(64))  # "2026" or "2024,2025"
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issued_at: Mapped[dt.datetime]
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    issued_by_name: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
