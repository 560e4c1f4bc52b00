"""Every document, drawn from plain inputs: the text is there (pypdf), the fonts are embedded,
the paper is right, problems are listed and never stop the rest, rare characters print."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.documents import KINDS, kind
from desktop_app.documents.base import UnprintableText
from desktop_app.documents.inputs import (
    AddressInput,
    ApplicationFormInput,
    CertificateInput,
    ContactInput,
    DocumentContext,
    DuesReceiptInput,
    FilingFormInput,
    HandoverChange,
    HandoverFormInput,
    PlaqueOrderInput,
    WithdrawalGrounds,
    WithdrawalNoticeInput,
)
from desktop_app.documents.labels import LABEL_SHEETS
from desktop_app.errors import ValidationError
from tests.documents.conftest import (
    A4,
    MM,
    NO_FONT,
    RARE,
    RARE2,
    assert_fonts_embedded,
    page_sizes,
    page_texts,
    pdf_text,
    same_size,
)

DAY = dt.date(2026, 11, 26)
NAME = "武汉市江岸区宏达建设工程有限公司"
LONG = "中建三局第一建设工程有限责任公司武汉分公司华中区域总部第二项目管理部（湖北省武汉市东西湖区金银湖街道）"
RARE_NAME = f"武汉{RARE}建筑{RARE2}工程有限公司"
ADDRESS = "武汉市东西湖区金银湖路18号华中区域总部大厦A座2201室（金银湖地铁站C出口向北200米）"
A4_LANDSCAPE = (A4[1], A4[0])


def build(key: str, items: list, context: DocumentContext, tmp_path: Path):  # type: ignore[no-untyped-def]
    out = tmp_path / f"{key}.pdf"
    report = kind(key).build(out, items, context)
    return out, report


def test_every_kind_is_registered_with_a_builder() -> None:
    import importlib

    for spec in KINDS.values():
        assert callable(importlib.import_module(f"desktop_app.documents.{spec.module}").build), spec.key


# --- certificate --------------------------------------------------------------------------------


def certificate(name: str = NAME, number: str = "WJXZ20260001") -> CertificateInput:
    return CertificateInput(number, name, "常务理事单位", DAY, dt.date(2029, 11, 25), member_number="WJX20200001")


def test_certificate(context: DocumentContext, tmp_path: Path) -> None:
    items = [
        certificate(),
        certificate(LONG, "WJXZ20260002"),
        certificate(RARE_NAME, "WJXZ20260003"),
        certificate(number=""),
    ]
    out, report = build("certificate", items, context, tmp_path)
    assert (report.items, report.drawn, report.pages) == (4, 3, 3)
    assert [p.message for p in report.skipped] == ["没有会员证编号（请先为该会员分配编号）"]
    pages = page_texts(out)
    assert NAME in pages[0] and "编号：WJXZ20260001" in pages[0]
    assert "为武汉建筑业协会常务理事单位" in pages[0]
    assert "二〇二六年十一月二十六日" in pages[0]  # the issue date, the Chinese way
    assert "有效期：二〇二六年十一月二十六日至二〇二九年十一月二十五日" in pages[0]
    assert LONG in pages[1]  # wrapped over two lines, all of it there
    assert RARE_NAME in pages[2] and "\x00" not in pages[2]
    assert all(same_size(size, A4_LANDSCAPE) for size in page_sizes(out))
    assert_fonts_embedded(out)
    assert "会员证" not in pdf_text(out)  # the stock's design is never printed


def test_certificate_offset_moves_the_fields(context: DocumentContext, tmp_path: Path) -> None:
    from pypdf import PdfReader

    def positions(ctx: DocumentContext) -> list[tuple[float, float]]:
        out, _report = build("certificate", [certificate()], ctx, tmp_path)
        found: list[tuple[float, float]] = []
        PdfReader(str(out)).pages[0].extract_text(
            visitor_text=lambda text, cm, tm, *_: found.append((tm[4], tm[5])) if "编号" in text else None
        )
        return found

    ((x0, y0),) = positions(context)
    ((x1, y1),) = positions(dataclasses.replace(context, certificate_offset_mm=(2.0, 3.0)))
    assert x1 - x0 == pytest.approx(2 * MM, abs=0.05)
    assert y0 - y1 == pytest.approx(3 * MM, abs=0.05)  # Y is measured downwards on the stock


def test_certificate_preview_background_and_calibration(context: DocumentContext, tmp_path: Path) -> None:
    out, _ = build("certificate", [certificate()], dataclasses.replace(context, certificate_background=True), tmp_path)
    assert "会员证" in pdf_text(out)
    out, report = build("calibration", [], dataclasses.replace(context, certificate_offset_mm=(1.5, -2.0)), tmp_path)
    text = pdf_text(out)
    assert report.pages == 1
    assert "X+1.5毫米" in text and "Y-2.0毫米" in text and "会员名称" in text
    assert same_size(page_sizes(out)[0], A4_LANDSCAPE)


# --- plaque order -------------------------------------------------------------------------------


def plaque(name: str = NAME, **changes) -> PlaqueOrderInput:  # type: ignore[no-untyped-def]
    values = dict(
        member_name=name,
        level_wording="理事单位",
        year=2026,
        size="600×400毫米",
        material="钛金板",
        quantity=1,
        delivery_contact="张丽（办公室主任）",
        delivery_phone="13871234567",
        delivery_address="武汉市江岸区解放大道1399号",
    )
    values.update(changes)
    return PlaqueOrderInput(**values)


def test_plaque_order_runs_over_pages_with_a_total(context: DocumentContext, tmp_path: Path) -> None:
    items = [plaque(f"{NAME}{i}") for i in range(40)] + [
        plaque(LONG, quantity=2, delivery_phone=None),
        plaque("", size=""),
    ]
    out, report = build(
        "plaque-order", items, dataclasses.replace(context, plaque_vendor="武汉金字招牌制作有限公司"), tmp_path
    )
    assert report.drawn == 41 and report.pages >= 3
    assert [p.message for p in report.skipped] == ["会员名称为空；牌匾尺寸或材质未设置"]
    assert [p.message for p in report.warnings] == ["收货联系人、电话或地址不全，订单上留空"]
    text = pdf_text(out)
    assert "合计：41个会员单位，牌匾42块。" in text
    assert "武汉金字招牌制作有限公司" in text and "600×400毫米" in text and "钛金板" in text
    assert f"{NAME}39" in text and "13871234567" in text
    pages = page_texts(out)
    assert all("序号" in page and "牌匾字样" in page for page in pages)  # the header on every page
    assert all(same_size(size, A4_LANDSCAPE) for size in page_sizes(out))
    assert_fonts_embedded(out)


def test_plaque_order_as_excel(context: DocumentContext, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop_app.documents.plaque_order import order_table
    from desktop_app.spreadsheets.tables import write_table_xlsx

    def write_plaque_order(out, items, context):  # type: ignore[no-untyped-def]
        table, report = order_table(items, context)
        write_table_xlsx(table, out)
        return report

    out = tmp_path / "plaque.xlsx"
    report = write_plaque_order(out, [plaque(), plaque(LONG, quantity=3), plaque("")], context)
    assert report.drawn == 2 and len(report.skipped) == 1
    sheet = load_workbook(out).active
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[3][:4] == ("序号", "会员单位名称", "牌匾字样", "年份")
    assert rows[4][:4] == (1, NAME, "武汉建筑业协会\n理事单位", 2026)
    assert rows[5][1] == LONG and rows[5][6] == 3
    assert any(row[0] == "合计：2 个会员单位，牌匾 4 块。" for row in rows)


# --- handover form ------------------------------------------------------------------------------


def test_handover_form_with_changes_current_details_and_blank(context: DocumentContext, tmp_path: Path) -> None:
    filled = HandoverFormInput(
        NAME,
        "WJX20200001",
        changes=(
            HandoverChange("联络员", "张丽", f"刘{RARE2}"),
            HandoverChange("联络员手机", "13871234567", "13907123456"),
            HandoverChange("通讯地址", "武汉市江岸区解放大道1399号", ADDRESS),
        ),
        reported_on=dt.date(2026, 11, 20),
        mentor_name="陈晓燕",
        form_date=DAY,
        note="新联络员自12月1日起负责。",
    )
    current = HandoverFormInput(NAME, "WJX20200001", current=(HandoverChange("联络员", "张丽"),), mentor_name="陈晓燕")
    out, report = build("handover-form", [filled, current, HandoverFormInput("")], context, tmp_path)
    assert (report.drawn, report.pages, report.problems) == (3, 3, [])
    first, second, blank = page_texts(out)
    assert "会员单位联系资料交接通知单" in first and NAME in first and "陈晓燕" in first
    assert "2026年11月20日" in first  # when the member reported it
    assert f"刘{RARE2}" in first and "13907123456" in first and "金银湖地铁站" in first
    assert "变更后内容" in first and "班主任" in first and "签收并办理变更" in first
    assert "现有资料" in second and "张丽" in second
    assert "会员单位" in blank and NAME not in blank
    assert_fonts_embedded(out)


# --- withdrawal notice --------------------------------------------------------------------------


def notice(grounds: WithdrawalGrounds, name: str = NAME, **changes) -> WithdrawalNoticeInput:  # type: ignore[no-untyped-def]
    values = dict(
        member_name=name,
        grounds=grounds,
        notice_date=DAY,
        response_deadline=dt.date(2026, 12, 26),
        member_number="WJX20200001",
        contact_name="陈晓燕（班主任）",
        contact_phone="027-82836617",
    )
    values.update(changes)
    return WithdrawalNoticeInput(**values)


def test_withdrawal_notice(context: DocumentContext, tmp_path: Path) -> None:
    all_grounds = WithdrawalGrounds((2024, 2025), dt.date(2025, 3, 1), "被人民法院列为失信被执行人")
    items = [
        notice(all_grounds, notice_number="武建协会籍〔2026〕12号"),
        notice(WithdrawalGrounds((2025,)), LONG),
        notice(WithdrawalGrounds()),
        notice(all_grounds, response_deadline=DAY),
    ]
    out, report = build("withdrawal-notice", items, context, tmp_path)
    # issue 15: one body size (三号) for every notice; three grounds run onto a second, numbered page
    assert report.drawn == 2 and report.pages == 3
    assert [p.message for p in report.skipped] == [
        "未查到也未填写第十二条所列的任何情形，不能发出退会告知书",
        "答复期限应晚于告知日期",
    ]
    first, first_continued, second = page_texts(out)
    assert "退会告知书" in first and f"{NAME}：" in first and "—1—" in first
    assert "武建协〔2020〕66号" in first and "第十二条" in first
    assert "2024—2025年度会费至今未缴纳" in first
    assert "自2025年3月1日以来" in first and "失信被执行人" in first
    assert "请贵单位于2026年12月26日前" in first
    assert "第十三条" in first_continued and "理事会" in first_continued and "—2—" in first_continued
    assert "陈晓燕（班主任）" in first_continued and "027-82836617" in first_continued
    assert "武建协会籍〔2026〕12号" in first and "2026年11月26日" in first_continued
    assert "逾期未联系" not in first + first_continued  # 第十二条: refusal, not silence (issue 15)
    assert LONG in second and "2025年度会费" in second and "失信" not in second
    assert_fonts_embedded(out)


# --- dues receipt -------------------------------------------------------------------------------


def receipt(number: str = "WJXS202600001", amount: object = Decimal("1500"), **changes) -> DuesReceiptInput:  # type: ignore[no-untyped-def]
    values = dict(
        receipt_number=number,
        payer=NAME,
        years=(2026,),
        amount=amount,
        date=DAY,
        member_number="WJX20200001",
        received_by="郑会籍",
        payment_method="银行转账",
    )
    values.update(changes)
    return DuesReceiptInput(**values)


def test_dues_receipt(context: DocumentContext, tmp_path: Path) -> None:
    items = [
        receipt(),
        receipt("WJXS202600002", Decimal("30000.05"), payer=LONG, years=(2024, 2025, 2026)),
        receipt("WJXS202600003", Decimal("-5")),
        receipt("WJXS202600004", Decimal("1e12")),
    ]
    out, report = build("dues-receipt", items, context, tmp_path)
    assert report.drawn == 2 and report.pages == 2
    assert [p.message for p in report.skipped] == ["金额：不能为负数", "金额：过大（应小于一万亿元）"]
    first, second = page_texts(out)
    for text in (first,):
        assert "武汉建筑业协会会费收据" in text and "No.WJXS202600001" in text
        assert NAME in text and "2026年度会员会费" in text
        assert "人民币壹仟伍佰元整" in text and "¥1,500.00" in text
        assert "2026年11月26日" in text and "郑会籍" in text and "银行转账" in text
        assert text.count("WJXS202600001") == 2  # the receipt and its stub
        assert "第一联" in text and "第二联" in text
    assert "人民币叁万元零伍分" in second and "¥30,000.05" in second and "2024—2026年度" in second
    assert all(same_size(size, A4) for size in page_sizes(out))
    assert_fonts_embedded(out)


# --- application and filing forms ---------------------------------------------------------------


def test_application_form_prefilled_and_blank(context: DocumentContext, tmp_path: Path) -> None:
    filled = ApplicationFormInput(
        name=RARE_NAME,
        uscc="914201001777158766",
        category="建筑业企业",
        level="理事单位",
        address=ADDRESS,
        postcode="430040",
        founded="2003年5月",
        registered_capital="5000万元",
        employees="320",
        main_business="房屋建筑工程施工",
        qualification="建筑工程施工总承包一级",
        legal_representative=ContactInput("法定代表人", "王建国", "董事长", "13871234567"),
        liaison=ContactInput("联络员", "张丽", "办公室主任", "13871234568", email="zhangli@hongda.com"),
        application_date=DAY,
    )
    out, report = build("application-form", [filled, ApplicationFormInput()], context, tmp_path)
    assert (report.drawn, report.pages) == (2, 2)
    first, blank = page_texts(out)
    assert "武汉建筑业协会入会申请表" in first and RARE_NAME in first and "914201001777158766" in first
    assert "王建国" in first and "zhangli@hongda.com" in first and "2026年11月26日" in first
    assert "会籍管理部初审意见" in first and "驻会领导签批" in first
    for option in context.levels + context.categories:
        assert option in blank
    assert "914201001777158766" not in blank
    # the blank form is the default when there is nothing to pre-fill
    out, report = build("application-form", [], context, tmp_path)
    assert report.drawn == 1 and "入会申请表" in pdf_text(out)
    assert_fonts_embedded(out)


def test_filing_form(context: DocumentContext, tmp_path: Path) -> None:
    filled = FilingFormInput(
        name=NAME,
        uscc="914201001777158766",
        category="建筑业企业",
        contacts=(ContactInput("联络员", "张丽", "办公室主任", "13871234568", wechat="zhangli_hd"),),
        member_number="WJX20200001",
        mentor_name="陈晓燕",
        documents_submitted=("营业执照复印件",),
        filing_date=DAY,
    )
    out, report = build("filing-form", [filled, FilingFormInput()], context, tmp_path)
    assert report.drawn == 2
    first, blank = page_texts(out)
    assert "入会备案表" in first and NAME in first and "zhangli_hd" in first and "陈晓燕" in first
    assert "法定代表人" in first and "主要负责人" in first  # rows for every person of
    assert "营业执照复印件" in blank and "单位画册（纸质版）" in blank
    assert_fonts_embedded(out)


# --- labels and envelopes -----------------------------------------------------------------------


def address(name: str = NAME, **changes) -> AddressInput:  # type: ignore[no-untyped-def]
    values = dict(
        name=name,
        address="武汉市江岸区解放大道1399号",
        postcode="430010",
        recipient="张丽（办公室主任）",
        phone="13871234567",
        member_number="WJX20200001",
    )
    values.update(changes)
    return AddressInput(**values)


def test_labels_fill_sheets_and_list_what_cannot_be_mailed(context: DocumentContext, tmp_path: Path) -> None:
    items = [address(f"{NAME}{i}") for i in range(40)] + [
        address(LONG, address=ADDRESS),
        address("没有地址的公司", address=None),
        address("没有邮编的公司", postcode=None),
        address(RARE_NAME, recipient=f"刘{RARE2}"),
    ]
    out, report = build("labels", items, dataclasses.replace(context, label_skip=5), tmp_path)
    assert report.drawn == 43
    assert report.pages == 3  # 5 used + 43 = 48 labels: 21 + 21 + 6
    assert [(p.who, p.message) for p in report.skipped] == [("没有地址的公司（WJX20200001）", "没有通讯地址，无法邮寄")]
    assert [p.message for p in report.warnings] == ["没有邮政编码，邮编栏留空"]
    text = pdf_text(out)
    assert LONG in text and "金银湖地铁站" in text and RARE_NAME in text and f"刘{RARE2}" in text
    assert "没有地址的公司" not in text
    assert "430010" in text and "张丽（办公室主任）　收" in text
    assert all(same_size(size, A4) for size in page_sizes(out))
    assert_fonts_embedded(out)


@pytest.mark.parametrize("sheet", sorted(LABEL_SHEETS))
def test_label_sheets(sheet: str, context: DocumentContext, tmp_path: Path) -> None:
    geometry = LABEL_SHEETS[sheet]
    items = [address(f"{NAME}{i}", address=ADDRESS) for i in range(geometry.per_page + 1)]
    out, report = build("labels", items, dataclasses.replace(context, label_sheet=geometry), tmp_path)
    assert report.pages == 2 and report.drawn == len(items)


def test_label_sheet_that_does_not_fit_a4_is_refused(context: DocumentContext, tmp_path: Path) -> None:
    wide = dataclasses.replace(LABEL_SHEETS["3×7"], label_width_mm=80)
    with pytest.raises(ValidationError, match="超出 A4 纸宽"):
        build("labels", [address()], dataclasses.replace(context, label_sheet=wide), tmp_path)


@pytest.mark.parametrize(("size", "mm"), [("DL", (220, 110)), ("C5", (229, 162))])
def test_envelopes(size: str, mm: tuple[int, int], context: DocumentContext, tmp_path: Path) -> None:
    items = [address(), address(LONG, address=ADDRESS, postcode="430040"), address("无地址", address=None)]
    out, report = build("envelopes", items, dataclasses.replace(context, envelope_size=size), tmp_path)
    assert report.drawn == 2 and len(report.skipped) == 1
    first, second = page_texts(out)
    assert first.startswith("430010")  # the six postcode boxes come first, top left
    assert NAME in first and "贴邮票处" in first
    assert "武汉建筑业协会会籍管理部" in first and "邮政编码：430010" in first  # the sender, bottom right
    assert LONG in second and "430040" in second
    assert all(same_size(s, (mm[0] * MM, mm[1] * MM)) for s in page_sizes(out))
    assert_fonts_embedded(out)


# --- fonts: never blank, never boxes ------------------------------------------------------------


def test_rare_characters_use_the_fallback_font_and_extract(context: DocumentContext, tmp_path: Path) -> None:
    out, _report = build("labels", [address(RARE_NAME)], context, tmp_path)
    text = pdf_text(out)
    assert RARE in text and RARE2 in text and "\x00" not in text
    fonts = " ".join(__import__("tests.documents.conftest", fromlist=["fonts_of"]).fonts_of(out))
    assert "HanaMin" in fonts or "simsunb" in fonts.lower()


@pytest.mark.parametrize("key", ["certificate", "labels", "dues-receipt", "withdrawal-notice", "plaque-order"])
def test_a_character_no_font_has_stops_the_build_naming_member_and_character(
    key: str, context: DocumentContext, tmp_path: Path
) -> None:
    bad = f"武汉{NO_FONT}建设有限公司"
    items = {
        "certificate": [certificate(), dataclasses.replace(certificate(bad), member_number="WJX20200009")],
        "labels": [address(), address(bad, member_number="WJX20200009")],
        "dues-receipt": [receipt(), receipt(payer=bad, member_number="WJX20200009")],
        "withdrawal-notice": [notice(WithdrawalGrounds((2025,)), bad, member_number="WJX20200009")],
        "plaque-order": [plaque(), plaque(bad, member_number="WJX20200009")],
    }[key]
    out = tmp_path / "x.pdf"
    with pytest.raises(UnprintableText) as error:
        kind(key).build(out, items, context)
    message = str(error.value)
    assert f"“{NO_FONT}”(U+2EBF0)" in message
    assert "WJX20200009" in message and bad in message
    assert "后备字体" in message
    assert not out.exists()  # stopped before anything was written


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_render_with_ink_and_at_a4(context: DocumentContext, tmp_path: Path) -> None:
    out, _ = build("dues-receipt", [receipt()], context, tmp_path)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(out), str(tmp_path / "page")], check=True)
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    assert page.size[0] == pytest.approx(210 / 25.4 * 50, abs=1)
    assert page.size[1] == pytest.approx(297 / 25.4 * 50, abs=1)
    dark = sum(1 for value in page.tobytes() if value < 128)
    assert dark > 2000  # text and rules, not a blank page
    # the seal is red: there is colour on the member's copy
    rgb = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    data = rgb.tobytes()
    assert any(r > 150 and g < 90 and b < 90 for r, g, b in zip(data[0::3], data[1::3], data[2::3], strict=True))


def test_nothing_printable_still_gives_a_pdf_that_says_so(context: DocumentContext, tmp_path: Path) -> None:
    out, report = build("labels", [address(address=None)], context, tmp_path)
    assert report.drawn == 0 and report.pages == 1
    assert "没有可打印的内容" in pdf_text(out)


def test_writes_to_a_file_object(context: DocumentContext) -> None:
    buffer = io.BytesIO()
    kind("certificate").build(buffer, [certificate()], context)
    assert buffer.getvalue().startswith(b"%PDF")


def test_chinese_line_breaking(context: DocumentContext) -> None:
    from desktop_app.documents.base import Document

    doc = Document("test", io.BytesIO(), context, A4, title="test")
    em = doc.text_width("中", "song", 10)
    lines = doc.wrap("武汉市江岸区，解放大道。" * 3, "song", 10, em * 6)
    assert "".join(lines) == "武汉市江岸区，解放大道。" * 3
    assert all(doc.text_width(line, "song", 10) <= em * 6 + 0.01 for line in lines)
    assert not any(line[0] in "，。" for line in lines)  # no line starts with a closing mark
    lines = doc.wrap("联系邮箱 zhangli@hongda-construction.com 电话 027-85771234", "song", 10, em * 12)
    assert "027-85771234" in lines[-1] and not any(line.endswith("027-") for line in lines)
    assert all(not line.startswith(" ") for line in lines)
    lines = doc.wrap("（湖北省武汉市）东西湖区", "song", 10, em * 7.5)
    assert not any(line.endswith("（") for line in lines)
    assert doc.wrap("一行\n两行", "song", 10, em * 20) == ["一行", "两行"]
    long_word = "x" * 200
    assert "".join(doc.wrap(long_word, "song", 10, em * 5)) == long_word  # cut when nothing else will do
    size, lines, complete = doc.fit("武汉" * 40, "song", em * 10, 2, 10, 6)
    assert not complete and len(lines) == 2 and lines[-1].endswith("…") and size == 6
