"""Admission: the application queue from the first visit to the certificate and the plaque.

R-4.1 (received and briefed, then a visit), R-4.2 (decline with a reason), R-5.1 … R-5.6 (the
stages, in order, none skipped; only a resident leader signs off; registration creates the member
and queues the certificate and the plaque order), R-15.1 (re-admission: credit check, two full
years, the back-payment route decided by a resident leader).

The window never decides what may happen: it asks ``next_action`` / ``action_refusals`` what is
next, who may do it and, if not, why.

Decisions written down here (the regulation leaves them open):

- *Leadership approval* (R-5.1 (4)) is given by a resident leader account: the program has no
  other leadership role, and neither a membership officer nor the administrator may approve in
  the leadership's name. The same resident leader may approve and later sign off.
- *Two full years* (R-15.1 "满两年") are counted as the Civil Code counts periods (第二百零一条:
  the first day is not counted; 第二百零三条: the period ends on the corresponding day, or the
  month's last day when there is none): from a base date D the two years are complete at the end
  of D + 2 years, so registration is allowed from the day after. The base date is the
  re-application's date (the regulation's wording) or, by the setting
  ``admission.readmission_counting``, the day the member left.
- A re-admission re-activates the former member's record (its USCC is unique in the register
  and its history stays in one place). A regular re-admission gets a new member number and join
  date; a membership restored by back-payment (granted case by case by a resident leader, which
  waives the two-year wait) keeps its member number and original join date. Both get a new
  certificate number (the old certificate was handed back, R-11.1).
- The credit check of a re-admission (R-15.1) is a stage between the documents and the initial
  review; a failed check stops the application until it is checked again or declined.

The package, one module per job: ``steps`` (the step table, dates, history), ``checks`` (entry
checks, who may take which step and why not), ``commands`` (the steps themselves), ``attachments``
(documents and the checklist), ``queue`` (the queue and one application's record), ``printing``
(the certificate/plaque print queue and the forms). Callers import the package.
"""

from desktop_app.core.services.admission.attachments import (
    FILE_SIGNATURES,
    PILLOW_DEFAULT_MAX_PIXELS,
    ChecklistItem,
    DocumentInfo,
    attach_document,
    attachment_limit_bytes,
    attachment_problem,
    checklist,
    document_content,
    remove_document,
    sniff_type,
)
from desktop_app.core.services.admission.checks import (
    EntryCheck,
    NextAction,
    action_refusals,
    check_uscc_at_entry,
    missing_documents,
    next_action,
    permission_refusal,
    step_refusal,
)
from desktop_app.core.services.admission.commands import (
    AGREED,
    abandon,
    advance,
    approve,
    confirm_documents,
    confirm_forms,
    create_application,
    decide_back_payment,
    decline,
    record_credit_check,
    record_dues,
    record_visit,
    register,
    review,
    send_back,
    sign_off,
    update_application,
)
from desktop_app.core.services.admission.printing import (
    FORM_KINDS,
    PRINT_KIND_LABELS,
    PrintJobRow,
    application_form_input,
    application_form_items,
    certificate_input,
    certificate_items,
    filing_form_input,
    filing_form_items,
    mark_printed,
    member_application_form_input,
    member_filing_form_input,
    plaque_input,
    plaque_items,
    print_jobs,
    queue_reprint,
)
from desktop_app.core.services.admission.queue import (
    ApplicationDetail,
    ApplicationRecord,
    EventRecord,
    QueueFilter,
    QueueRow,
    StepForm,
    StepRecord,
    application_detail,
    application_record,
    history,
    queue,
    queue_counts,
    queued_print_count,
    status_counts,
    step_form,
    step_records,
)
from desktop_app.core.services.admission.steps import (
    APPLICATION_STATUS_LABELS,
    CONTACT_COLUMNS,
    COUNT_FROM_APPLICATION,
    COUNT_FROM_LEFT,
    DOCUMENT_LABELS,
    EDITABLE_FIELDS,
    ORGANISATION_FIELDS,
    READMISSION_YEARS,
    REQUIRED_DOCUMENTS,
    STAGE_ORDER,
    STEP,
    STEPS,
    AdmissionRefused,
    FormerMember,
    Step,
    application_values,
    earliest_readmission,
    earliest_registration,
    former_member_of,
    get_application,
    next_step,
    readmission_base_date,
    send_back_targets,
    stage_title,
    steps_for,
    waiting_days,
)

__all__ = [
    "APPLICATION_STATUS_LABELS",
    "AdmissionRefused",
    "ApplicationDetail",
    "ApplicationRecord",
    "CONTACT_COLUMNS",
    "COUNT_FROM_APPLICATION",
    "COUNT_FROM_LEFT",
    "ChecklistItem",
    "DOCUMENT_LABELS",
    "DocumentInfo",
    "EDITABLE_FIELDS",
    "EntryCheck",
    "EventRecord",
    "FILE_SIGNATURES",
    "FORM_KINDS",
    "FormerMember",
    "NextAction",
    "ORGANISATION_FIELDS",
    "PILLOW_DEFAULT_MAX_PIXELS",
    "PRINT_KIND_LABELS",
    "PrintJobRow",
    "QueueFilter",
    "QueueRow",
    "READMISSION_YEARS",
    "REQUIRED_DOCUMENTS",
    "STAGE_ORDER",
    "STEP",
    "STEPS",
    "Step",
    "StepForm",
    "StepRecord",
    "abandon",
    "action_refusals",
    "advance",
    "application_detail",
    "application_form_input",
    "application_form_items",
    "application_record",
    "application_values",
    "AGREED",
    "approve",
    "attach_document",
    "attachment_limit_bytes",
    "attachment_problem",
    "certificate_input",
    "certificate_items",
    "check_uscc_at_entry",
    "checklist",
    "confirm_documents",
    "confirm_forms",
    "create_application",
    "decide_back_payment",
    "decline",
    "document_content",
    "earliest_readmission",
    "earliest_registration",
    "filing_form_input",
    "filing_form_items",
    "former_member_of",
    "get_application",
    "history",
    "mark_printed",
    "member_application_form_input",
    "member_filing_form_input",
    "missing_documents",
    "next_action",
    "next_step",
    "permission_refusal",
    "plaque_input",
    "plaque_items",
    "print_jobs",
    "queue",
    "queue_counts",
    "queue_reprint",
    "queued_print_count",
    "readmission_base_date",
    "record_credit_check",
    "record_dues",
    "record_visit",
    "register",
    "remove_document",
    "review",
    "send_back",
    "send_back_targets",
    "sign_off",
    "sniff_type",
    "stage_title",
    "status_counts",
    "step_form",
    "step_records",
    "step_refusal",
    "steps_for",
    "update_application",
    "waiting_days",
]
