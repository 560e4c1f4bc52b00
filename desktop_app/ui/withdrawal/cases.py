"""Open cases with their deadlines, and one case in full: its grounds and evidence, the notice and
its proof of posting, the outcome, the council, appeals, what ended with it — and the next actions,
each enabled only when the procedure allows it (the reason otherwise in its tooltip)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.models.withdrawal import CaseKind, CaseStatus
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import documents, withdrawal
from desktop_app.ui import msgbox, ops
from desktop_app.ui.preview import show_pdf
from desktop_app.ui.rows import AMBER, GREY, RED, Column, day, selected_rows, table
from desktop_app.ui.widgets import EmptyState
from desktop_app.ui.withdrawal.common import (
    Field,
    FormDialog,
    RowsModel,
    button,
    case_kind_label,
    case_status_label,
    current_row,
    enable,
    grounds_short,
    html,
    open_dialog,
    preview_scan,
    select_row,
    task_label,
    task_status_label,
)

FILTERS = ("open", "all", "voluntary", "cancellation")


def _deadline_colour(row: withdrawal.CaseRow) -> Any:
    if row.days_left is None:
        return None
    if row.days_left < 0:
        return RED
    if row.days_left <= 7:
        return AMBER
    return None


def days_text(row: withdrawal.CaseRow) -> str:
    if row.days_left is None:
        return ""
    if row.days_left < 0:
        return QCoreApplication.translate("Withdrawal", "passed %1 day(s) ago").replace("%1", str(-row.days_left))
    return QCoreApplication.translate("Withdrawal", "%1 day(s) left").replace("%1", str(row.days_left))


class CasesTab(QWidget):
    def __init__(self, db: Any, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.dialog: Any = None
        self.detail: withdrawal.CaseDetail | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search organisation, member number or notice number  (Ctrl+F)"))
        self.search.textChanged.connect(lambda _t: self.reload())
        bar.addWidget(self.search, 2)
        self.filter = QComboBox()
        self.filter.setObjectName("case_filter")
        for key, label in zip(
            FILTERS,
            (self.tr("Open cases"), self.tr("All cases"), self.tr("Voluntary withdrawals"), self.tr("Cancellations")),
            strict=True,
        ):
            self.filter.addItem(label, key)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.filter)
        self.voluntary_button = button(
            self.tr("Record a withdrawal letter…"), "record_withdrawal", self.record_withdrawal
        )
        self.issue_button = button(self.tr("Issue notices…"), "issue_notices", self.issue_notices)
        bar.addWidget(self.voluntary_button)
        bar.addWidget(self.issue_button)
        layout.addLayout(bar)

        self.model = RowsModel(
            [
                Column(self.tr("Number"), lambda r: r.member_number, 110),
                Column(self.tr("Organisation"), lambda r: r.member_name, 260),
                Column(self.tr("Procedure"), lambda r: case_kind_label(r.kind), 90),
                Column(self.tr("Grounds"), lambda r: grounds_short(r.grounds), 90),
                Column(
                    self.tr("Status"),
                    lambda r: case_status_label(r.status),
                    250,
                    colour=lambda r: GREY if not r.status.is_open else None,
                ),
                Column(self.tr("Notice"), lambda r: r.notice_number or "", 160),
                Column(self.tr("Deadline"), lambda r: day(r.response_deadline), 90, colour=_deadline_colour),
                Column(self.tr("Days"), days_text, 120, colour=_deadline_colour),
                Column(self.tr("Appeal"), lambda r: r.appeal or "", 100),
            ],
            self,
        )
        self.table = table(self.model, "cases", multi=True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.empty = EmptyState(self.table)

        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("case_title")
        self.title.setWordWrap(True)
        panel_layout.addWidget(self.title)
        actions = QGridLayout()
        self.print_button = button(self.tr("Print the notice"), "print_notice", self.print_notice)
        self.met_button = button(self.tr("Obligations met…"), "obligations_met", self.obligations_met)
        self.deemed_button = button(self.tr("Deemed withdrawn…"), "deemed_withdrawn", self.deemed_withdrawn)
        self.council_button = button(self.tr("Council confirmation…"), "council", self.council)
        self.drop_button = button(self.tr("Drop the case…"), "drop", self.drop)
        self.effective_button = button(self.tr("Withdrawal takes effect"), "make_effective", self.make_effective)
        self.returns_button = button(self.tr("Certificate and plaque…"), "returns", self.returns)
        self.appeal_button = button(self.tr("File an appeal…"), "file_appeal", self.file_appeal)
        self.actions = {
            "print_notice": self.print_button,
            "obligations_met": self.met_button,
            "deemed_withdrawn": self.deemed_button,
            "council": self.council_button,
            "drop": self.drop_button,
            "make_effective": self.effective_button,
            "returns": self.returns_button,
            "appeal": self.appeal_button,
        }
        for number, widget in enumerate(self.actions.values()):
            actions.addWidget(widget, number // 4, number % 4)
        panel_layout.addLayout(actions)
        body = QSplitter(Qt.Orientation.Horizontal)
        self.text = QTextBrowser()
        self.text.setObjectName("case_detail")
        body.addWidget(self.text)
        self.documents = QListWidget()
        self.documents.setObjectName("case_documents")
        self.documents.setMaximumWidth(260)
        self.documents.itemActivated.connect(self._open_document)
        body.addWidget(self.documents)
        body.setSizes([700, 220])
        panel_layout.addWidget(body, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(panel)
        splitter.setSizes([300, 420])
        layout.addWidget(splitter, 1)
        self.count = QLabel()
        self.count.setObjectName("case_count")
        layout.addWidget(self.count)
        QShortcut(
            QKeySequence.StandardKey.Find, self, activated=lambda: (self.search.setFocus(), self.search.selectAll())
        )
        manage = None if actor.can(Permission.MANAGE_WITHDRAWAL) else self._refusal()
        enable(self.voluntary_button, manage, self.tr("The member's written letter (Article 11)"))
        self.reload()

    def _refusal(self) -> str:
        return self.tr("Only the membership office runs the withdrawal procedures.")

    # --- the list ------------------------------------------------------------------------------------

    def reload(self) -> None:
        keep = {r.id for r in selected_rows(self.table)} if self.model.rows else set()
        key = self.filter.currentData()
        actor, text = self._actor, self.search.text()
        kind = {"voluntary": CaseKind.VOLUNTARY, "cancellation": CaseKind.CANCELLATION}.get(key)
        rows = ops.query(
            self._db,
            lambda session: withdrawal.case_rows(session, actor, open_only=key == "open", kind=kind, text_filter=text),
        )
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1 case(s)").replace("%1", str(len(rows))))
        self.empty.set_text(
            self.tr("No open case. Confirm candidates under “Review”, or record a withdrawal letter.")
            if key == "open" and not text
            else self.tr("No case matches.")
        )
        self.empty.update()
        for number, row in enumerate(rows):
            if row.id in keep:
                self.table.selectRow(number)
                break
        else:
            if rows:
                self.table.selectRow(0)
        self._selection_changed()

    def select_case(self, case_id: int) -> bool:
        if not select_row(self.table, lambda r: r.id == case_id):
            self.filter.setCurrentIndex(FILTERS.index("all"))
            return select_row(self.table, lambda r: r.id == case_id)
        return True

    def _selection_changed(self) -> None:
        chosen = selected_rows(self.table)
        confirmed = [r for r in chosen if r.status == CaseStatus.CONFIRMED]
        reason = None if self._actor.can(Permission.MANAGE_WITHDRAWAL) else self._refusal()
        if reason is None and not confirmed:
            reason = self.tr("Select confirmed cases (status “Confirmed, notice not yet issued”)")
        enable(self.issue_button, reason)
        self.issue_button.setText(
            self.tr("Issue %1 notice(s)…").replace("%1", str(len(confirmed)))
            if confirmed
            else self.tr("Issue notices…")
        )
        self.show_case(current_row(self.table))

    # --- one case -----------------------------------------------------------------------------------

    def show_case(self, row: withdrawal.CaseRow | None) -> None:
        self.documents.clear()
        if row is None:
            self.detail = None
            self.title.setText(self.tr("Select a case."))
            self.text.setHtml("")
            for widget in self.actions.values():
                widget.setVisible(False)
            return
        actor = self._actor
        detail = ops.query(self._db, lambda session: withdrawal.case_detail(session, actor, row.id))
        self.detail = detail
        self.title.setText(
            f"<span style='font-size:15px'><b>{html(row.member_name)}</b></span>（{html(row.member_number)}） · "
            f"{html(case_kind_label(row.kind))} · {html(case_status_label(row.status))}"
        )
        for key, widget in self.actions.items():
            reason = detail.actions.get(key)
            widget.setVisible(not (key == "returns" and row.kind != CaseKind.VOLUNTARY))
            enable(widget, reason)
        self.text.setHtml(self._html(detail))
        for document_id, role, file_name in detail.documents:
            item = QListWidgetItem(f"{role}：{file_name}")
            item.setData(Qt.ItemDataRole.UserRole, document_id)
            self.documents.addItem(item)
        for appeal in detail.appeals:
            for document_id, file_name in appeal.documents:
                item = QListWidgetItem(self.tr("Appeal: %1").replace("%1", file_name))
                item.setData(Qt.ItemDataRole.UserRole, document_id)
                self.documents.addItem(item)

    def _html(self, d: withdrawal.CaseDetail) -> str:
        row = d.row
        rows: list[tuple[str, str]] = []
        if row.kind == CaseKind.VOLUNTARY:
            rows += [
                (self.tr("Letter received"), day(d.letter_received_on)),
                (self.tr("Takes effect"), day(row.effective_on)),
                (self.tr("Reason given"), d.reason or ""),
                (
                    self.tr("Certificate"),
                    self.tr("returned on %1").replace("%1", day(d.certificate_returned_on))
                    if d.certificate_returned_on
                    else (d.certificate_not_returned or self.tr("not returned yet")),
                ),
                (
                    self.tr("Plaque"),
                    self.tr("returned on %1").replace("%1", day(d.plaque_returned_on))
                    if d.plaque_returned_on
                    else (d.plaque_not_returned or self.tr("not returned yet")),
                ),
            ]
        else:
            rows.append(
                (
                    self.tr("Review date"),
                    self.tr("%1, confirmed by %2")
                    .replace("%1", day(d.review_date))
                    .replace("%2", d.confirmed_by or ""),
                )
            )
            for ground in d.grounds:
                rows.append((ground.title, ground.summary))
            if d.still_holding is not None:
                rows.append(
                    (
                        self.tr("Still holds today"),
                        "；".join(d.still_holding)
                        if d.still_holding
                        else self.tr("None of the grounds holds any more: the member met its obligations."),
                    )
                )
            if row.notice_number:
                rows.append(
                    (
                        self.tr("Notice"),
                        self.tr("%1 of %2, response by %3")
                        .replace("%1", row.notice_number)
                        .replace("%2", day(row.notice_date))
                        .replace("%3", day(row.response_deadline)),
                    )
                )
                rows.append((self.tr("Posting"), d.posting or self.tr("no mailing batch")))
        if d.outcome_on:
            rows.append((self.tr("Outcome"), f"{day(d.outcome_on)}　{d.outcome_note or ''}"))
        if d.outcome_evidence:
            rows.append((self.tr("Evidence of the outcome"), _evidence_text(d.outcome_evidence)))
        if d.council_date:
            rows.append((self.tr("Council"), f"{day(d.council_date)}　{row.council_resolution or ''}"))
        if d.positions_ended:
            rows.append((self.tr("Positions ended"), "；".join(d.positions_ended)))
        for appeal in d.appeals:
            text = f"{day(appeal.filed_on)} {appeal.grounds}"
            if appeal.council_replied_on:
                text += "<br>" + self.tr("Council's reply %1: %2").replace(
                    "%1", day(appeal.council_replied_on)
                ).replace("%2", html(appeal.council_reply or ""))
            if appeal.escalated_on:
                text += "<br>" + self.tr("Submitted to the general assembly on %1").replace(
                    "%1", day(appeal.escalated_on)
                )
            if appeal.assembly_decided_on:
                text += "<br>" + self.tr("General assembly %1: %2").replace(
                    "%1", day(appeal.assembly_decided_on)
                ).replace("%2", html(appeal.assembly_resolution or ""))
            rows.append((self.tr("Appeal"), text))
        for task in d.tasks:
            rows.append(
                (
                    self.tr("Mentor's task"),
                    f"{task_label(task.kind)}（{task.mentor_name or self.tr('no mentor')}）："
                    f"{task_status_label(task.status)} {day(task.done_on)}",
                )
            )
        cells = "".join(
            f"<tr><td style='color:#5f6368; padding-right:12px; white-space:nowrap' valign='top'>{html(label)}</td>"
            f"<td>{value if '<br>' in value else html(value)}</td></tr>"
            for label, value in rows
        )
        return f"<table cellspacing='4'>{cells}</table>"

    def _open_document(self, item: QListWidgetItem) -> Any:
        actor, document_id = self._actor, int(item.data(Qt.ItemDataRole.UserRole))
        name, mime, content = ops.query(self._db, lambda s: withdrawal.document_content(s, actor, document_id))
        self.dialog = preview_scan(self, name, mime, content)
        return self.dialog

    def _case(self) -> withdrawal.CaseRow | None:
        return self.detail.row if self.detail is not None else None

    # --- actions -------------------------------------------------------------------------------------

    def _form(self, title: str, fields: list[Field], submit: Any, intro: str = "", ok_text: str = "") -> FormDialog:
        dialog = FormDialog(
            self, self._db, title, fields, submit, changes={ops.WITHDRAWAL, ops.MEMBERS}, intro=intro, ok_text=ok_text
        )
        dialog.finished.connect(lambda _r: self._after(dialog))
        return open_dialog(self, dialog)  # type: ignore[return-value]

    def _after(self, dialog: FormDialog) -> None:
        result = dialog.result_value
        lines = getattr(result, "lines", None)
        if lines:
            msgbox.information(
                self, dialog.windowTitle(), self.tr("Done. What ended with the membership:") + "\n" + "\n".join(lines)
            )

    def record_withdrawal(self) -> FormDialog:
        actor, today = self._actor, self._db.clock.today()

        def submit(session: Any, values: dict[str, Any]) -> Any:
            member_id, letter = values.pop("member"), values.pop("letter")
            _case, ended = withdrawal.record_voluntary_withdrawal(session, actor, member_id, values, letter)
            return ended

        return self._form(
            self.tr("Record a withdrawal letter (Article 11)"),
            [
                Field("member", self.tr("Member"), "member"),
                Field("letter_received_on", self.tr("Letter received on"), "date", today),
                Field("letter", self.tr("Scan of the letter"), "file"),
                Field(
                    "effective_on",
                    self.tr("Membership ends on"),
                    "optional_date",
                    None,
                    hint=self.tr("Empty: the day the letter was received"),
                ),
                Field("reason", self.tr("Reason given in the letter"), "lines"),
                Field("certificate_returned_on", self.tr("Certificate returned on"), "optional_date"),
                Field("certificate_not_returned", self.tr("Certificate not returned because")),
                Field("plaque_returned_on", self.tr("Plaque returned on"), "optional_date"),
                Field("plaque_not_returned", self.tr("Plaque not returned because")),
            ],
            submit,
            intro=self.tr(
                "A member withdraws by written letter and returns its certificates. When the membership ends, its "
                "positions end, the mentor assignment closes, future dues are cancelled and the mentor is asked to "
                "remove it from the WeChat group."
            ),
        )

    def issue_notices(self) -> FormDialog | None:
        confirmed = [r for r in selected_rows(self.table) if r.status == CaseStatus.CONFIRMED]
        if not confirmed:
            return None
        actor, today = self._actor, self._db.clock.today()
        ids = [r.id for r in confirmed]
        members = [r.member_id for r in confirmed]
        folder = Path(tempfile.mkdtemp(prefix="membership-notices-"))

        def submit(session: Any, values: dict[str, Any]) -> Any:
            cases = withdrawal.issue_notices(session, actor, ids, notice_date=values["notice_date"])
            out = folder / f"退会告知书-{values['notice_date']}.pdf"
            generated = documents.generate(session, actor, "withdrawal-notice", out, member_ids=members)
            return cases[0].mailing_batch_id, generated

        dialog = self._form(
            self.tr("Issue withdrawal notices"),
            [Field("notice_date", self.tr("Notice date"), "date", today)],
            submit,
            intro=self.tr(
                "%1 notice(s) get a reference number and the response deadline from the settings, and go out "
                "together as one mailing batch: record the posting there. The notices state only the grounds "
                "recorded with each case."
            ).replace("%1", str(len(ids))),
            ok_text=self.tr("Issue and print"),
        )
        dialog.accepted.connect(lambda: self._issued(dialog))
        return dialog

    def _issued(self, dialog: FormDialog) -> None:
        _batch, generated = dialog.result_value
        problems = "\n".join(f"{p.who}：{p.message}" for p in generated.problems)
        if problems:
            msgbox.warning(self, self.tr("Issue withdrawal notices"), problems)
        self.dialog = show_pdf(generated.path, self.tr("Withdrawal notices"), self)

    def print_notice(self) -> Any:
        row = self._case()
        if row is None:
            return None
        actor = self._actor
        out = Path(tempfile.mkdtemp(prefix="membership-notice-")) / f"退会告知书-{row.member_number}.pdf"

        def make(session: Any, progress: Any) -> Any:
            return documents.generate(
                session, actor, "withdrawal-notice", out, member_ids=[row.member_id], progress=progress
            )

        ops.Op(self, self._db, make, changes={ops.DOCUMENTS}).in_background(self.tr("Drawing the notice…")).success(
            lambda generated: setattr(self, "dialog", show_pdf(generated.path, self.tr("Withdrawal notice"), self))
        ).run()
        return None

    def obligations_met(self) -> FormDialog | None:
        row = self._case()
        if row is None:
            return None
        actor, case_id, version = self._actor, row.id, row.version
        return self._form(
            self.tr("The member met its obligations"),
            [
                Field("outcome_on", self.tr("Date"), "date", self._db.clock.today()),
                Field(
                    "outcome_note",
                    self.tr("What it did"),
                    "lines",
                    hint=self.tr("e.g. paid the 2025 dues on …, took part in …"),
                ),
            ],
            lambda session, v: withdrawal.record_obligations_met(
                session, actor, case_id, v["outcome_on"], v["outcome_note"], version
            ),
            intro=self.tr(
                "The case closes with the evidence (payments, attendance, a lifted record); the member stays."
            ),
        )

    def deemed_withdrawn(self) -> FormDialog | None:
        row = self._case()
        if row is None:
            return None
        actor, case_id, version = self._actor, row.id, row.version
        return self._form(
            self.tr("Deemed withdrawn"),
            [
                Field("outcome_on", self.tr("Date"), "date", self._db.clock.today()),
                Field(
                    "outcome_note",
                    self.tr("How the member refused"),
                    "lines",
                    hint=self.tr("Its answer, the calls made, the letters returned …"),
                ),
            ],
            lambda session, v: withdrawal.record_deemed_withdrawn(
                session, actor, case_id, v["outcome_on"], v["outcome_note"], version
            ),
            intro=self.tr(
                "Article 12: a member that refuses to meet its obligations after the deadline is deemed to have "
                "withdrawn. Silence alone is not refusal: record what shows it. The council then confirms."
            ),
        )

    def council(self) -> FormDialog | None:
        row = self._case()
        if row is None:
            return None
        actor, case_id, version = self._actor, row.id, row.version
        return self._form(
            self.tr("Council confirmation"),
            [
                Field("council_date", self.tr("Council's decision on"), "date", self._db.clock.today()),
                Field("council_resolution", self.tr("Resolution number")),
            ],
            lambda session, v: withdrawal.record_council_confirmation(
                session, actor, case_id, v["council_date"], v["council_resolution"], version
            ),
            intro=self.tr(
                "The membership is cancelled: its positions end, the mentor assignment closes, future dues are "
                "cancelled (arrears stay on record) and the mentor is asked to remove it from the WeChat group."
            ),
            ok_text=self.tr("Cancel the membership"),
        )

    def drop(self) -> FormDialog | None:
        row = self._case()
        if row is None:
            return None
        actor, case_id, version = self._actor, row.id, row.version
        return self._form(
            self.tr("Drop the case"),
            [Field("reason", self.tr("Why"), "lines")],
            lambda session, v: withdrawal.drop_case(session, actor, case_id, v["reason"], version),
            intro=self.tr("Only before any notice went out (confirmed by mistake …)."),
        )

    def make_effective(self) -> None:
        row = self._case()
        if row is None:
            return
        if not msgbox.question(
            self,
            self.tr("Withdrawal takes effect"),
            self.tr("End the membership of %1 now, as its letter asked?").replace("%1", row.member_name),
        ):
            return
        actor, case_id, version = self._actor, row.id, row.version
        ops.Op(
            self,
            self._db,
            lambda s: withdrawal.make_effective(s, actor, case_id, version),
            changes={ops.WITHDRAWAL, ops.MEMBERS},
        ).success(
            lambda ended: msgbox.information(
                self,
                self.tr("Withdrawal takes effect"),
                self.tr("Done. What ended with the membership:") + "\n" + ended.text(),
            )
        ).run()

    def returns(self) -> FormDialog | None:
        row, detail = self._case(), self.detail
        if row is None or detail is None:
            return None
        actor, case_id, version = self._actor, row.id, row.version
        return self._form(
            self.tr("Certificate and plaque"),
            [
                Field(
                    "certificate_returned_on",
                    self.tr("Certificate returned on"),
                    "optional_date",
                    detail.certificate_returned_on,
                ),
                Field(
                    "certificate_not_returned",
                    self.tr("Certificate not returned because"),
                    default=detail.certificate_not_returned,
                ),
                Field("plaque_returned_on", self.tr("Plaque returned on"), "optional_date", detail.plaque_returned_on),
                Field(
                    "plaque_not_returned", self.tr("Plaque not returned because"), default=detail.plaque_not_returned
                ),
            ],
            lambda session, v: withdrawal.record_returns(session, actor, case_id, v, version),
        )

    def file_appeal(self) -> FormDialog | None:
        row = self._case()
        if row is None:
            return None
        actor, case_id = self._actor, row.id
        return self._form(
            self.tr("File an appeal (Article 13)"),
            [
                Field("filed_on", self.tr("Filed on"), "date", self._db.clock.today()),
                Field("grounds", self.tr("Grounds"), "lines"),
                Field("scan", self.tr("Scan of the written appeal"), "file"),
            ],
            lambda session, v: withdrawal.file_appeal(session, actor, case_id, v["filed_on"], v["grounds"], v["scan"]),
            intro=self.tr("The council answers; where needed it submits the appeal to the general assembly first."),
        )

    def refresh(self, _topics: frozenset[str]) -> None:
        self.reload()


def _evidence_text(evidence: dict[str, Any]) -> str:
    parts = []
    for value in evidence.values():
        if isinstance(value, list):
            value = "；".join((v.get("summary", str(v)) if isinstance(v, dict) else str(v)).rstrip("。") for v in value)
        elif isinstance(value, dict):
            value = "；".join(str(v) for v in value.values())
        parts.append(str(value).rstrip("。"))
    return "；".join(p for p in parts if p) + "。"


__all__ = ["CasesTab"]
