"""What address labels and envelopes share: checking a recipient and the lines of its address."""

from __future__ import annotations

from desktop_app.documents.base import Document, Skip, safe
from desktop_app.documents.inputs import AddressInput


def check_address(doc: Document, item: AddressInput) -> None:
    """Skip a recipient that cannot be mailed; warn when the postcode is missing or odd."""
    if not safe(item.name):
        raise Skip("收件单位名称为空")
    if not safe(item.address):
        raise Skip("没有通讯地址，无法邮寄")
    postcode = safe(item.postcode)
    # Every text is checked before anything is drawn, so a skipped item leaves no trace on paper.
    for text in (item.name, item.address or "", item.recipient or "", item.phone or ""):
        doc.fonts.runs(text)
    if not postcode:
        doc.warn("没有邮政编码，邮编栏留空")
    elif not (len(postcode) == 6 and postcode.isdigit()):
        doc.warn(f"邮政编码“{postcode}”不是 6 位数字")


def recipient_line(item: AddressInput) -> str:
    """``张丽（办公室主任）　收``; just ``收`` after the organisation when no person is named."""
    person = safe(item.recipient)
    return f"{person}　收" if person else "收"
