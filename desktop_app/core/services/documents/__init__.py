"""Printed documents (R-5.1, R-5.6, R-8.4, R-8.5, R-9.4, R-12.1): drawing lives in
``desktop_app.documents``; this package decides. ``kinds`` (who may print what, each kind's
inputs), ``context`` (the office's settings a print run needs), ``generate`` (members → inputs →
one file; each kind's inputs come from its office job's module). Callers import the package.
"""

from desktop_app.core.services.documents.context import (
    document_context,
    label_sheet,
    set_certificate_background,
    set_document_font,
    set_seal_image,
)
from desktop_app.core.services.documents.generate import (
    SOURCES,
    Generated,
    Progress,
    QueuedPrint,
    Source,
    generate,
    print_form,
    print_queued,
    select_members,
)
from desktop_app.core.services.documents.kinds import (
    KIND_PERMISSIONS,
    LABEL_SHEET_SETTING,
    Option,
    can_print,
    check_options,
    default_options,
    get_kind,
    options_for,
    printable_kinds,
)
from desktop_app.documents import KINDS, Kind  # the kinds the builders draw, as the service offers them

__all__ = [
    "KINDS",
    "Kind",
    "Generated",
    "KIND_PERMISSIONS",
    "LABEL_SHEET_SETTING",
    "Option",
    "Progress",
    "QueuedPrint",
    "SOURCES",
    "Source",
    "can_print",
    "check_options",
    "default_options",
    "document_context",
    "generate",
    "get_kind",
    "label_sheet",
    "options_for",
    "print_form",
    "print_queued",
    "printable_kinds",
    "select_members",
    "set_certificate_background",
    "set_document_font",
    "set_seal_image",
]
