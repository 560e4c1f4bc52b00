"""All tables. Importing this package registers every model on ``Base.metadata``."""

from desktop_app.core.models import mailing, withdrawal  # noqa: F401 — their tables register on import
from desktop_app.core.models.admission import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    ApplicationStage,
    ApplicationStatus,
    BackPaymentDecision,
    CreditResult,
    DocumentKind,
    EventKind,
    PrintJob,
    PrintKind,
    PrintStatus,
)
from desktop_app.core.models.base import Base
from desktop_app.core.models.dues import DuesReceipt
from desktop_app.core.models.member import (
    CATEGORY_LABELS,
    CONTACT_FIELDS,
    CONTACT_ROLES,
    STATUS_LABELS,
    Category,
    Member,
    MemberStatus,
    build_search_text,
)
from desktop_app.core.models.mentors import MentorAssignment
from desktop_app.core.models.office import AuditEntry, NumberSequence, SettingValue
from desktop_app.core.models.staff import ROLE_LABELS, Role, Staff

__all__ = [
    "Base",
    "Application",
    "ApplicationDocument",
    "ApplicationEvent",
    "ApplicationStage",
    "ApplicationStatus",
    "BackPaymentDecision",
    "CreditResult",
    "DocumentKind",
    "EventKind",
    "PrintJob",
    "PrintKind",
    "PrintStatus",
    "AuditEntry",
    "CATEGORY_LABELS",
    "CONTACT_FIELDS",
    "CONTACT_ROLES",
    "DuesReceipt",
    "Category",
    "Member",
    "MemberStatus",
    "MentorAssignment",
    "NumberSequence",
    "ROLE_LABELS",
    "Role",
    "STATUS_LABELS",
    "SettingValue",
    "Staff",
    "build_search_text",
]
