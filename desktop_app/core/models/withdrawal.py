"""Withdrawal and cancellation (R-11.1 … R-15.1): activities and attendance, membership spells,
withdrawal and cancellation cases, appeals, positions (issue 15)."""

from __future__ import annotations
