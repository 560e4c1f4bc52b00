"""Printed-document benchmarks. Prints figures against the issue's targets (not a test).

    .venv/bin/python tests/benchmarks/bench_documents.py [--runs 3] [--keep DIR]

- certificates: 1,000 certificates into one PDF with the certificate builder, against a plain
  ReportLab loop drawing the same strings with the same fonts in the same run   target ≤ 2×
- labels:       5,000 address labels (3×7 sheets) into one PDF                 target ≤ 3 s
- extra figures: 1,000 dues receipts; 5,000 labels through the service from a demo database
  (query, mapping and drawing); the first use of the fonts (loading WenQuanYi and HanaMin).

Every run writes a real PDF to a temporary folder (``--keep`` keeps them). Names are all
different, so the fonts' run cache does not flatter the figures; one name in fifty carries a
rare character (CJK Extension B) that goes to the fallback font.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # measure this checkout, whatever is installed
os.environ.setdefault("MEMBERSHIP_OFFICE_HOME", tempfile.mkdtemp(prefix="bench-documents-"))

from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from desktop_app.documents import fonts, kind  # noqa: E402
from desktop_app.documents.inputs import (  # noqa: E402
    AddressInput,
    AssociationInfo,
    CertificateInput,
    DocumentContext,
    DuesReceiptInput,
)
from desktop_app.documents.numerals import chinese_date  # noqa: E402

DAY = dt.date(2026, 11, 26)
PREFIXES = ["武汉", "武汉市", "湖北", "湖北省"]
MIDDLE = "宏华中建鑫泰盛达城安信远兴恒通博金瑞丰江汉楚天长荣祥和顺东方明新联合创伟嘉隆昌腾飞永正诚德润海晨光"
TRADES = ["建设工程", "建筑工程", "市政工程", "路桥工程", "建筑装饰工程", "钢结构工程", "机电安装工程", "工程监理"]
SUFFIXES = ["有限公司", "集团有限公司", "股份有限公司", "有限责任公司"]
RARE = "𠀀𡈼𠮷𨋢"


def names(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for index in range(count):
        brand = "".join(rng.choice(MIDDLE) for _ in range(2))
        if index % 50 == 0:
            brand = brand[0] + rng.choice(RARE)
        out.append(f"{rng.choice(PREFIXES)}{brand}{rng.choice(TRADES)}{rng.choice(SUFFIXES)}")
    return out


def context() -> DocumentContext:
    return DocumentContext(
        association=AssociationInfo("武汉建筑业协会", "武汉市江岸区解放大道1399号", "430010", "027-82836617"),
        today=DAY,
    )


def certificates(count: int) -> list[CertificateInput]:
    return [
        CertificateInput(f"WJXZ2026{i:04d}", name, "会员单位", DAY, dt.date(2029, 11, 25))
        for i, name in enumerate(names(count))
    ]


def plain_certificates(path: Path, items: list[CertificateInput], ctx: DocumentContext) -> None:
    """The yardstick: the same strings at the same places with ReportLab's own calls, no checks,
    no wrapping, no runs: the fastest this PDF can be drawn with these fonts."""
    layout = ctx.certificate_layout
    song, kai = fonts.font_name("song"), fonts.font_name("kai")
    fallback = fonts.fallback_names()[0]
    width, height = layout.page_width_mm * mm, layout.page_height_mm * mm
    canvas = Canvas(str(path), pagesize=(width, height), initialFontName=song)
    for item in items:
        canvas.setFont(song, layout.text_size_pt)
        canvas.drawString(layout.number_x_mm * mm, height - layout.number_y_mm * mm, f"编号：{item.certificate_number}")
        # the name in the certificate's font; a rare character with the fallback, as on paper
        canvas.setFont(kai, layout.name_size_pt)
        plain = "".join(c for c in item.member_name if c not in RARE)
        canvas.drawCentredString(layout.name_x_mm * mm, height - layout.name_y_mm * mm, plain)
        if plain != item.member_name:
            canvas.setFont(fallback, layout.name_size_pt)
            canvas.drawString(20 * mm, 20 * mm, "".join(c for c in item.member_name if c in RARE))
        canvas.setFont(kai, layout.level_size_pt)
        canvas.drawCentredString(
            layout.level_x_mm * mm, height - layout.level_y_mm * mm, f"为{ctx.association.name}{item.level_name}"
        )
        canvas.setFont(song, layout.text_size_pt)
        start, end = chinese_date(item.issue_date, style="hanzi"), chinese_date(item.valid_until, style="hanzi")
        canvas.drawCentredString(
            layout.validity_x_mm * mm, height - layout.validity_y_mm * mm, f"有效期：{start}至{end}"
        )
        canvas.drawCentredString(layout.date_x_mm * mm, height - layout.date_y_mm * mm, start)
        canvas.showPage()
    canvas.save()


def timed(fn, runs: int) -> tuple[float, list[float]]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def demo_database(folder: Path, members: int) -> str:
    from desktop_app.core.migrate import open_database
    from desktop_app.demo import generate_demo

    url = f"sqlite:///{folder / 'bench.db'}"
    db = open_database(url)
    with db.session() as session:
        generate_demo(session, members, seed=5)
    db.dispose()
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-documents-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs; runs={args.runs}")

    started = time.perf_counter()
    ctx = context()
    fonts.FontSet().runs("武汉" + RARE)  # load WenQuanYi and the fallback fonts
    print(f"first use of the fonts (WenQuanYi + HanaMin A/B):  {time.perf_counter() - started:6.2f} s")

    items = certificates(1000)
    kind("certificate").build(folder / "warm.pdf", items[:20], ctx)  # warm caches on both sides
    plain_certificates(folder / "warm-plain.pdf", items[:20], ctx)
    plain, plain_times = timed(lambda: plain_certificates(folder / "certificates-plain.pdf", items, ctx), args.runs)
    ours, our_times = timed(lambda: kind("certificate").build(folder / "certificates.pdf", items, ctx), args.runs)
    ratio = ours / plain
    verdict = "OK" if ratio <= 2.0 else "OVER TARGET"
    print(
        f"1,000 certificates, plain ReportLab loop:          {plain:6.2f} s  (runs {', '.join(f'{t:.2f}' for t in plain_times)})"
    )
    print(
        f"1,000 certificates, certificate builder:           {ours:6.2f} s  (runs {', '.join(f'{t:.2f}' for t in our_times)})"
    )
    print(f"  ratio builder / plain: {ratio:.2f}×   target ≤ 2×   {verdict}")

    labels = [
        AddressInput(
            name,
            f"武汉市江岸区解放大道{i % 2000 + 1}号{name[-6:-4]}大厦{i % 30 + 1}楼",
            f"4300{i % 90 + 10:02d}",
            f"张{MIDDLE[i % len(MIDDLE)]}（办公室主任）",
            "13871234567",
        )
        for i, name in enumerate(names(5000, seed=9))
    ]
    label_time, label_times = timed(lambda: kind("labels").build(folder / "labels.pdf", labels, ctx), args.runs)
    verdict = "OK" if label_time <= 3.0 else "OVER TARGET"
    print(
        f"5,000 address labels (3×7, 239 sheets):            {label_time:6.2f} s  (runs {', '.join(f'{t:.2f}' for t in label_times)})"
        f"   target ≤ 3 s   {verdict}"
    )

    receipts = [
        DuesReceiptInput(f"WJXS2026{i:05d}", name, (2026,), Decimal(2000 + i % 7 * 1000), DAY, received_by="郑会籍")
        for i, name in enumerate(names(1000, seed=3))
    ]
    receipt_time, _ = timed(lambda: kind("dues-receipt").build(folder / "receipts.pdf", receipts, ctx), 1)
    print(f"1,000 dues receipts (two copies a page):           {receipt_time:6.2f} s")

    url = demo_database(folder, 5000)
    from desktop_app.core.migrate import open_database
    from desktop_app.core.security import SYSTEM_ACTOR
    from desktop_app.core.services import documents

    db = open_database(url)

    def service_labels() -> None:
        with db.session() as session:
            documents.generate(session, SYSTEM_ACTOR, "labels", folder / "labels-service.pdf", all_active=True)

    service_time, _ = timed(service_labels, 1)
    with db.session() as session:
        active = len(documents.select_members(session, all_active=True))
    print(
        f"labels for all {active:,} active members of a 5,000-member demo database, through the service "
        f"(query + mapping + drawing): {service_time:.2f} s"
    )
    db.dispose()
    sizes = {p.name: p.stat().st_size for p in folder.glob("*.pdf")}
    print("PDF sizes: " + ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in sorted(sizes.items())))
    if args.keep is None:
        print(f"(PDFs in {folder}; use --keep DIR to choose where)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
