"""Mailing on PostgreSQL as each person's own server role (issue 10's privileges, issue 14's tables):
the office composes, prints, sends and marks returned mail; a mentor sets its members' contact and
records the photo and the notification — and can do nothing else to a batch with plain SQL."""

from __future__ import annotations

import io

from PIL import Image
from sqlalchemy import text

from desktop_app.core.services import admission, documents, mailing, members
from desktop_app.core.services.mailing import ContentSpec
from tests.core.test_server_roles import denied, server, sign_in_as  # noqa: F401 — fixtures


def test_the_office_and_a_mentor_work_a_batch_with_their_own_roles(
    server,  # noqa: F811 — the fixture imported above
    officer,
    mentor,
    sign_in_as,  # noqa: F811
    member_values,
    tmp_path,
) -> None:  # type: ignore[no-untyped-def]
    with server.session() as session:
        member = members.create_member(
            session, officer, {**member_values, "mentor_id": mentor.id, "principal_mobile": "13907123456"}
        )
    officer_db = sign_in_as("membership_officer")
    mentor_db = sign_in_as("mentor")
    with mentor_db.session() as session:
        mailing.set_preference(session, mentor, member.id, contact="principal", copies=2)
    with officer_db.session() as session:
        batch = mailing.create_batch(
            session,
            officer,
            title="2026年第4期会刊",
            contents=[ContentSpec("journal", "会刊"), ContentSpec("certificate", "荣誉证书")],
            member_ids=[member.id],
        )
        [recipient] = mailing.batch_recipients(session, batch.id)
        context = documents.document_context(session)
        for what, suffix in (("labels", "pdf"), ("manifest", "xlsx")):
            mailing.print_batch(session, officer, batch.id, what, tmp_path / f"{what}.{suffix}", context)
        mailing.mark_sent(session, officer, [recipient.id], tracking={recipient.id: "SF1403000000001"})
        batch_id, recipient_id = batch.id, recipient.id
    photo = io.BytesIO()
    Image.new("RGB", (40, 30), (120, 90, 60)).save(photo, "JPEG")
    with mentor_db.session() as session:
        mailing.add_proof_photo(
            session, mentor, recipient_id, "IMG_1.jpg", photo.getvalue(), admission.attachment_problem
        )
        mailing.record_notification(session, mentor, recipient_id, note="电话告知")
    with officer_db.session() as session:
        mailing.mark_returned(session, officer, recipient_id, reason="查无此人")
        [row] = mailing.recipient_rows(session, officer, batch_id)
        assert row.contact.startswith("李志强") and row.photos == 1 and row.notified_at is not None
        assert mailing.address_doubtful(session, member.id)
    with mentor_db.session() as session:
        mailing.confirm_address(session, mentor, member.id, "已电话核实")
    # With plain SQL a mentor changes nothing else of a batch.
    assert "permission denied" in denied(
        mentor_db, f"UPDATE mailing_recipient SET state = 'delivered' WHERE id = {recipient_id}"
    )
    assert "permission denied" in denied(mentor_db, f"DELETE FROM mailing_batch WHERE id = {batch_id}")
    assert "permission denied" in denied(mentor_db, "UPDATE mailing_content SET title = 'x'")
    with mentor_db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM mailing_recipient")).scalar_one() == 1
