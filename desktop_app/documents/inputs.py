"""The plain inputs of every printed document: frozen dataclasses, no database, no Qt.

A document never reads the database. ``core/services/documents.py`` maps members and settings to
these classes; later workflows (admission, dues, mailing, withdrawal) build them from their own
records. Text fields are the words printed on paper, already in Chinese (level names, category
labels, role labels), so a builder only lays them out.

Every builder of ``desktop_app.documents.KINDS`` takes ``(out, items, context, progress=None)``:
``items`` a sequence of one of the ``*Input`` classes below, ``context`` a ``DocumentContext``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

# --- the office and the page ---------------------------------------------------------------------


@dataclass(frozen=True)
class AssociationInfo:
    """The sender of every document (settings ``association.*``)."""

    name: str = "武汉建筑业协会"
    address: str = ""
    postcode: str = ""
    phone: str = ""
    office: str = "会籍管理部"  # the department that signs forms and is the contact


@dataclass(frozen=True)
class LabelSheet:
    """Geometry of an A4 sheet of address labels, in millimetres (setting ``documents.label_sheet``)."""

    columns: int = 3
    rows: int = 7
    label_width_mm: float = 63.5
    label_height_mm: float = 38.1
    top_margin_mm: float = 15.15
    left_margin_mm: float = 7.2
    column_gap_mm: float = 2.5
    row_gap_mm: float = 0.0
    padding_mm: float = 4.0
    name: str = "3×7"

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


@dataclass(frozen=True)
class CertificateLayout:
    """Where the certificate's fields go on the pre-printed stock (setting ``documents.certificate_layout``).

    Positions are millimetres from the top-left corner of the stock; ``x`` is the centre of a
    centred field. The workstation's printer offset is added to every position.
    """

    page_width_mm: float = 297.0
    page_height_mm: float = 210.0
    number_x_mm: float = 200.0  # left edge of the certificate number ("编号：…")
    number_y_mm: float = 42.0
    name_x_mm: float = 148.5  # centre of the member's name
    name_y_mm: float = 92.0
    name_width_mm: float = 200.0
    name_size_pt: float = 26.0
    level_x_mm: float = 148.5  # centre of the level line
    level_y_mm: float = 122.0
    level_size_pt: float = 20.0
    validity_x_mm: float = 148.5
    validity_y_mm: float = 142.0
    date_x_mm: float = 215.0  # centre of the issue date, under the seal
    date_y_mm: float = 176.0
    text_size_pt: float = 14.0


@dataclass(frozen=True)
class DocumentContext:
    """What every document needs beyond its items: the office's settings and this print run's choices."""

    association: AssociationInfo = field(default_factory=AssociationInfo)
    today: dt.date = field(default_factory=dt.date.today)
    seal_png: bytes | None = None  # the association's seal, printed where a letter is sealed
    # Font file per style ("song", "hei", "kai", "fangsong", "fallback"); empty = the defaults.
    fonts: dict[str, str] = field(default_factory=dict)
    # Words of the forms' check boxes (membership levels and organisation categories).
    levels: tuple[str, ...] = ("会长单位", "副会长单位", "常务理事单位", "理事单位", "会员单位")
    categories: tuple[str, ...] = ("建筑业企业", "产业链关联企业", "事业单位", "社会团体")
    # Membership certificate: the stock, this workstation's printer offset, the preview background.
    certificate_layout: CertificateLayout = field(default_factory=CertificateLayout)
    certificate_offset_mm: tuple[float, float] = (0.0, 0.0)
    certificate_background: bool = False  # preview only: draw the stock's printed design
    certificate_background_png: bytes | None = None  # a scan of the stock, if the office has one
    certificate_date_style: str = "hanzi"  # "hanzi": 二〇二六年十一月二十六日; "digits": 2026年11月26日
    # Address labels and envelopes.
    label_sheet: LabelSheet = field(default_factory=LabelSheet)
    label_skip: int = 0  # labels already used on the first sheet
    envelope_size: str = "DL"  # "DL" (220×110 mm) or "C5" (229×162 mm)
    # Plaque order.
    plaque_vendor: str = ""
    # The regulation cited by notices and forms.
    regulation_title: str = "《武汉建筑业协会会籍管理和秘书处人员分工联系会员制度》"
    regulation_reference: str = "武建协〔2020〕66号"


# --- people and addresses -------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactInput:
    """One person of a member (R-6.1): its legal representative, principal or liaison."""

    role: str  # printed label: 法定代表人 / 主要负责人 / 联络员
    name: str | None = None
    position: str | None = None
    mobile: str | None = None
    landline: str | None = None
    wechat: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class AddressInput:
    """A recipient of mail (R-9.4), for address labels and envelopes."""

    name: str  # the organisation
    address: str | None = None
    postcode: str | None = None
    recipient: str | None = None  # the person, e.g. 张丽（办公室主任）
    phone: str | None = None
    member_number: str | None = None


# --- the documents --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateInput:
    """Membership certificate (会员证, R-5.6)."""

    certificate_number: str
    member_name: str
    level_name: str  # e.g. 常务理事单位
    issue_date: dt.date
    valid_until: dt.date | None = None
    valid_from: dt.date | None = None  # the issue date when empty
    member_number: str | None = None


@dataclass(frozen=True)
class PlaqueOrderInput:
    """One line of the plaque order to the engraving vendor (牌匾, R-5.6)."""

    member_name: str
    level_wording: str  # the words engraved, e.g. 常务理事单位
    year: int
    size: str
    material: str
    quantity: int = 1
    delivery_contact: str | None = None
    delivery_phone: str | None = None
    delivery_address: str | None = None
    member_number: str | None = None
    certificate_number: str | None = None


@dataclass(frozen=True)
class HandoverChange:
    item: str  # what changed, e.g. 联络员手机
    old: str | None = None
    new: str | None = None


@dataclass(frozen=True)
class HandoverFormInput:
    """Contact handover form (会员单位联系资料交接通知单, R-8.4, R-9.3, R-10.1).

    With no ``changes`` the form lists ``current`` (the member's details as the office has them)
    with empty "new" cells, for the mentor to fill in by hand.
    """

    member_name: str
    member_number: str | None = None
    changes: tuple[HandoverChange, ...] = ()
    current: tuple[HandoverChange, ...] = ()
    reported_on: dt.date | None = None  # when the member reported the change
    mentor_name: str | None = None
    form_date: dt.date | None = None
    note: str | None = None


@dataclass(frozen=True)
class NoticeGround:
    """One ground of R-12.1 as a withdrawal notice states it, from the evidence the office recorded."""

    item: str  # （一） / （二） / （三）
    title: str  # 一年以上不缴纳会费 …
    statement: str  # the evidence, e.g. 贵单位2024、2025年度会费共4,000.00元至今未缴纳。
    remedy: str  # what meets the obligation, e.g. 补缴所欠会费


@dataclass(frozen=True)
class WithdrawalGrounds:
    """The grounds of R-12.1 found for one member: ``statements`` as recorded with a confirmed case
    (what the program prints); the three short fields describe grounds for a builder used on its own."""

    unpaid_years: tuple[int, ...] = ()  # (1) dues years not paid
    no_activity_since: dt.date | None = None  # (2) no association activity attended since
    disqualification: str | None = None  # (3) e.g. 被列为失信被执行人
    statements: tuple[NoticeGround, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.statements or self.unpaid_years or self.no_activity_since or self.disqualification)


@dataclass(frozen=True)
class WithdrawalNoticeInput:
    """Withdrawal notice (退会告知书, R-12.1), mailed before a membership is cancelled."""

    member_name: str
    grounds: WithdrawalGrounds
    notice_date: dt.date
    response_deadline: dt.date
    member_number: str | None = None
    addressee: str | None = None  # e.g. 王建国 法定代表人
    address: str | None = None
    postcode: str | None = None
    contact_name: str | None = None  # whom the member contacts
    contact_phone: str | None = None
    notice_number: str | None = None
    appeal_days: int = 30  # the appeal period after the council's decision (setting)


@dataclass(frozen=True)
class DuesReceiptInput:
    """Dues receipt (会费收据, R-8.5, R-9.4): the association's acknowledgement of one payment.

    ``voucher`` says what the official voucher (社会团体会费统一票据, paper or electronic) is: the
    number and date of the one issued for this payment, or that it is issued separately; empty,
    the receipt says it is the association's own acknowledgement only."""

    receipt_number: str
    payer: str
    years: tuple[int, ...]
    amount: Decimal
    date: dt.date
    member_number: str | None = None
    payee: str | None = None  # the association's name when empty
    received_by: str | None = None
    payment_method: str | None = None
    note: str | None = None
    payer_uscc: str | None = None  # 交款单位统一社会信用代码
    payee_uscc: str | None = None  # the association's (setting association.uscc)
    issued_by: str | None = None  # 开票人
    reviewed_by: str | None = None  # 审核 (empty: signed by hand)
    voucher: str | None = None


@dataclass(frozen=True)
class ApplicationFormInput:
    """Application form (入会申请表, R-5.1). Every field is optional: all empty is the blank form."""

    name: str | None = None
    uscc: str | None = None
    category: str | None = None  # one of ``DocumentContext.categories``
    level: str | None = None  # the level applied for, one of ``DocumentContext.levels``
    address: str | None = None
    postcode: str | None = None
    founded: str | None = None
    registered_capital: str | None = None
    employees: str | None = None
    main_business: str | None = None
    qualification: str | None = None
    legal_representative: ContactInput | None = None
    principal: ContactInput | None = None
    liaison: ContactInput | None = None
    profile: str | None = None  # a short description of the organisation
    application_date: dt.date | None = None
    application_number: str | None = None


@dataclass(frozen=True)
class FilingFormInput:
    """Filing form (备案表, R-5.1): the organisation's contacts and the documents it submitted."""

    name: str | None = None
    uscc: str | None = None
    category: str | None = None
    address: str | None = None
    postcode: str | None = None
    main_business: str | None = None
    qualification: str | None = None
    contacts: tuple[ContactInput, ...] = ()
    member_number: str | None = None
    mentor_name: str | None = None
    # the names of the submitted documents to tick (the form lists all four).
    documents_submitted: tuple[str, ...] = ()
    filing_date: dt.date | None = None


# the documents an applicant submits, as the filing form lists them.
SUBMITTED_DOCUMENTS = ("营业执照复印件", "资质证书复印件", "单位简介（电子版）", "单位画册（纸质版）")
CONTACT_ROLE_LABELS = ("法定代表人", "主要负责人", "联络员")


def empty_contacts() -> tuple[ContactInput, ...]:
    return tuple(ContactInput(role) for role in CONTACT_ROLE_LABELS)


__all__ = [
    "AddressInput",
    "ApplicationFormInput",
    "AssociationInfo",
    "CONTACT_ROLE_LABELS",
    "CertificateInput",
    "CertificateLayout",
    "ContactInput",
    "DocumentContext",
    "DuesReceiptInput",
    "FilingFormInput",
    "HandoverChange",
    "HandoverFormInput",
    "LabelSheet",
    "NoticeGround",
    "PlaqueOrderInput",
    "SUBMITTED_DOCUMENTS",
    "WithdrawalGrounds",
    "WithdrawalNoticeInput",
    "empty_contacts",
]
