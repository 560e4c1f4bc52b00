"""Mailing (R-8.4, R-9.4): batches of journals, documents, receipts and certificates, their
recipients with the address each used, tracking and proof of posting (issue 14)."""

from __future__ import annotations
