"""How the history (the audit log) reads in the window: each action's name and each summary in
the interface language. The core stores summaries as Chinese text written from the message
catalogue; ``messages.render_summary`` reads them back into English when the window is English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app import messages


def action_names() -> dict[str, str]:
    """The actions recorded on a member, by their key in the audit log."""
    return {
        "create": QCoreApplication.translate("History", "Entered"),
        "update": QCoreApplication.translate("History", "Changed"),
        "assign_mentor": QCoreApplication.translate("History", "Mentor assigned"),
        "membership": QCoreApplication.translate("History", "Membership changed"),
        "end_membership": QCoreApplication.translate("History", "Membership ended"),
        "assign_certificate_number": QCoreApplication.translate("History", "Certificate number given"),
        "queue_print": QCoreApplication.translate("History", "Put in the print queue"),
        "printed": QCoreApplication.translate("History", "Printed"),
        "business_kind": QCoreApplication.translate("History", "Business class"),
        "wechat": QCoreApplication.translate("History", "WeChat group"),
        "record_withdrawal_letter": QCoreApplication.translate("History", "Withdrawal letter"),
        "record_returns": QCoreApplication.translate("History", "Certificate returned"),
        "add_disqualification": QCoreApplication.translate("History", "Ground recorded"),
        "lift_disqualification": QCoreApplication.translate("History", "Ground lifted"),
        "confirm_candidate": QCoreApplication.translate("History", "Cancellation candidate"),
        "issue_notice": QCoreApplication.translate("History", "Notice sent"),
        "drop_case": QCoreApplication.translate("History", "Case withdrawn"),
        "obligations_met": QCoreApplication.translate("History", "Obligations fulfilled"),
        "deemed_withdrawn": QCoreApplication.translate("History", "Deemed withdrawn"),
        "file_appeal": QCoreApplication.translate("History", "Appeal filed"),
        "escalate_appeal": QCoreApplication.translate("History", "Appeal to the assembly"),
        "appeal_upheld": QCoreApplication.translate("History", "Appeal rejected"),
        "appeal_restored": QCoreApplication.translate("History", "Membership restored"),
        "add_position": QCoreApplication.translate("History", "Post recorded"),
        "end_position": QCoreApplication.translate("History", "Post ended"),
        "complete_task": QCoreApplication.translate("History", "Task done"),
        "record_attendance": QCoreApplication.translate("History", "Attendance"),
        "remove_attendance": QCoreApplication.translate("History", "Attendance removed"),
        "cancel_dues": QCoreApplication.translate("History", "Dues cancelled"),
        "match_bank_line": QCoreApplication.translate("History", "Bank line matched"),
        "confirm_address": QCoreApplication.translate("History", "Address confirmed"),
        "mail_returned": QCoreApplication.translate("History", "Mail returned"),
        "mail_undo": QCoreApplication.translate("History", "Mailing undone"),
        "mailing_notified": QCoreApplication.translate("History", "Liaison told"),
        "mailing_preference": QCoreApplication.translate("History", "Mailing recipient"),
        "mailing_proof": QCoreApplication.translate("History", "Mailing photo"),
        "mailing_proof_removed": QCoreApplication.translate("History", "Mailing photo removed"),
        "recipient_contents": QCoreApplication.translate("History", "Envelope contents"),
        "tracking_number": QCoreApplication.translate("History", "Tracking number"),
    }


def action_name(action: str, names: dict[str, str] | None = None) -> str:
    return (names or action_names()).get(action, action)


def summary_text(summary: str) -> str:
    """A stored summary in the interface language (shown as stored when no message matches)."""
    return messages.render_summary(summary)


def change_text(label: str, old: str, new: str) -> str:
    """One changed field: "label: old → new" (full-width colon in Chinese)."""
    return (
        QCoreApplication.translate("History", "%1: %2 → %3").replace("%1", label).replace("%2", old).replace("%3", new)
    )
