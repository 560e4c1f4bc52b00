"""Translatable names of the core's enums and fields, for the window (core keeps Chinese ones)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.models import Category, MemberStatus, Role


def category_label(category: Category) -> str:
    return {
        Category.CONSTRUCTION_ENTERPRISE: QCoreApplication.translate("Labels", "Construction enterprise"),
        Category.INDUSTRY_CHAIN_ENTERPRISE: QCoreApplication.translate("Labels", "Industry-chain enterprise"),
        Category.PUBLIC_INSTITUTION: QCoreApplication.translate("Labels", "Public institution"),
        Category.SOCIAL_ORGANISATION: QCoreApplication.translate("Labels", "Social organisation"),
    }[category]


def status_label(status: MemberStatus) -> str:
    return {
        MemberStatus.ACTIVE: QCoreApplication.translate("Labels", "Active"),
        MemberStatus.WITHDRAWN: QCoreApplication.translate("Labels", "Withdrawn"),
        MemberStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }[status]


def role_label(role: Role) -> str:
    return {
        Role.MEMBERSHIP_OFFICER: QCoreApplication.translate("Labels", "Membership officer"),
        Role.MENTOR: QCoreApplication.translate("Labels", "Mentor"),
        Role.RESIDENT_LEADER: QCoreApplication.translate("Labels", "Resident leader"),
        Role.ADMINISTRATOR: QCoreApplication.translate("Labels", "Administrator"),
    }[role]


def field_labels() -> dict[str, str]:
    """Labels of the member fields, keyed like ``core.services.members.EDITABLE_FIELDS``."""
    labels = {
        "name": QCoreApplication.translate("Labels", "Organisation name"),
        "uscc": QCoreApplication.translate("Labels", "Unified social credit code"),
        "category": QCoreApplication.translate("Labels", "Category"),
        "level": QCoreApplication.translate("Labels", "Membership level"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "member_number": QCoreApplication.translate("Labels", "Member number"),
        "certificate_number": QCoreApplication.translate("Labels", "Certificate number"),
        "join_date": QCoreApplication.translate("Labels", "Joined on"),
        "main_business": QCoreApplication.translate("Labels", "Main business"),
        "qualification": QCoreApplication.translate("Labels", "Qualification"),
        "district": QCoreApplication.translate("Labels", "District"),
        "address": QCoreApplication.translate("Labels", "Mailing address"),
        "postcode": QCoreApplication.translate("Labels", "Postcode"),
        "mentor_id": QCoreApplication.translate("Labels", "Mentor"),
        "left_date": QCoreApplication.translate("Labels", "Left on"),
        "left_reason": QCoreApplication.translate("Labels", "Reason for leaving"),
        "notes": QCoreApplication.translate("Labels", "Notes"),
    }
    roles, fields = contact_role_labels(), contact_field_labels()
    for role, role_text in roles.items():
        for field, field_text in fields.items():
            labels[f"{role}_{field}"] = (
                QCoreApplication.translate("Labels", "%1 – %2").replace("%1", role_text).replace("%2", field_text)
            )
    return labels


def contact_role_labels() -> dict[str, str]:
    return {
        "legal_representative": QCoreApplication.translate("Labels", "Legal representative"),
        "principal": QCoreApplication.translate("Labels", "Principal"),
        "liaison": QCoreApplication.translate("Labels", "Liaison"),
    }


def contact_field_labels() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("Labels", "Name"),
        "position": QCoreApplication.translate("Labels", "Position"),
        "mobile": QCoreApplication.translate("Labels", "Mobile"),
        "landline": QCoreApplication.translate("Labels", "Landline"),
        "wechat": QCoreApplication.translate("Labels", "WeChat"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
    }
