"""R-12.1 (1) as the withdrawal notice states it: the dues job's evidence of arrears (its one
definition of "unpaid for more than a year", ``dues.members_unpaid_over_a_year``) in one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.models.withdrawal import Ground
from desktop_app.core.services.dues import UnpaidEvidence
from desktop_app.documents.numerals import chinese_date

if TYPE_CHECKING:
    from desktop_app.core.services.withdrawal.review import GroundFound


def unpaid_ground(evidence: UnpaidEvidence) -> GroundFound:
    from desktop_app.core.services.withdrawal.review import GroundFound

    years = "、".join(str(y) for y in evidence.years_unpaid)
    summary = f"贵单位{years}年度会费共 {evidence.amount_owed:,.2f} 元至今未缴纳"
    if evidence.paid_until is not None:
        summary += f"（会费已缴至{chinese_date(evidence.paid_until)}，此后一年以上未缴纳）。"
    else:
        summary += f"（自{chinese_date(evidence.since)}起未缴纳会费，已超过一年）。"
    record = {
        "years": list(evidence.years_unpaid),
        "amount_owed": str(evidence.amount_owed),
        "since": evidence.since.isoformat(),
        "paid_until": evidence.paid_until.isoformat() if evidence.paid_until else None,
        "over_a_year_from": evidence.over_a_year_from.isoformat(),
        "rule": evidence.rule,
    }
    return GroundFound(Ground.UNPAID_DUES, summary, evidence.since, record)
