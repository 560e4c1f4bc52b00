"""Mailing benchmark (issue 14). Prints figures against the issue's target (not a test).

    .venv/bin/python tests/benchmarks/bench_mailing.py [--runs 3] [--recipients 5000] [--keep DIR]

- a 5,000-recipient batch (demo members, addresses frozen, in one SQLite database) to its
  labels (3×7), envelopes (DL) and courier manifest (Excel) through ``mailing.print_batch``:
  goal ≤ 5 s for the three together;
- the floor, measured in the same run: ReportLab's own calls drawing the same strings at fixed
  places (labels 21 to a page, one envelope a page, no line breaking, no checks) and a bare
  openpyxl write-only loop writing the same manifest rows; each figure as a ratio to it;
- the line breaking alone (typesetting the 5,000 names and addresses at the sheets' sizes) and
  its quality against the greedy "break anywhere 避头尾 allows" rule the labels used before:
  names ending in a line of one or two characters, "有限公 / 司" splits;
- composing the batch (reading 5,000 members' addresses and contacts, inserting them).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # measure this checkout, whatever is installed
os.environ.setdefault("MEMBERSHIP_OFFICE_HOME", tempfile.mkdtemp(prefix="bench-mailing-"))

from openpyxl import Workbook  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from sqlalchemy import select  # noqa: E402

from desktop_app.core.migrate import open_database  # noqa: E402
from desktop_app.core.models import Member, MemberStatus, Staff  # noqa: E402
from desktop_app.core.security import Actor  # noqa: E402
from desktop_app.core.services import documents, mailing  # noqa: E402
from desktop_app.demo import generate_demo  # noqa: E402
from desktop_app.documents import fonts, typesetting  # noqa: E402
from desktop_app.documents.base import A4, NO_LINE_END, NO_LINE_START, Document  # noqa: E402
from desktop_app.documents.inputs import DocumentContext  # noqa: E402
from desktop_app.documents.labels import LABEL_SHEETS, LabelPainter, plan  # noqa: E402

TARGET_SECONDS = 5.0


def timed(fn, runs: int) -> tuple[float, list[float]]:  # type: ignore[no-untyped-def]
    times = []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    timed.result = result  # type: ignore[attr-defined]
    return statistics.median(times), times


# --- the floor: the same strings with ReportLab's and openpyxl's own calls --------------------------


def plain_labels(path: Path, rows: list[tuple[str, ...]]) -> None:
    sheet = LABEL_SHEETS["3×7"]
    song, hei = fonts.font_name("song"), fonts.font_name("hei")
    canvas = Canvas(str(path), pagesize=A4, initialFontName=song)
    for index, (name, address, postcode, person, phone) in enumerate(rows):
        slot = index % sheet.per_page
        if index and slot == 0:
            canvas.showPage()
        row, column = divmod(slot, sheet.columns)
        x = (sheet.left_margin_mm + column * (sheet.label_width_mm + sheet.column_gap_mm) + sheet.padding_mm) * mm
        y = A4[1] - (sheet.top_margin_mm + row * sheet.label_height_mm + sheet.padding_mm) * mm
        for text, font, size in (
            (postcode, hei, 10),
            (address, song, 9),
            (name, hei, 10.5),
            (person, song, 9.5),
            (phone, song, 8),
        ):
            y -= size * 1.4
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
    canvas.showPage()
    canvas.save()


def plain_envelopes(path: Path, rows: list[tuple[str, ...]]) -> None:
    song, hei = fonts.font_name("song"), fonts.font_name("hei")
    size = (220 * mm, 110 * mm)
    canvas = Canvas(str(path), pagesize=size, initialFontName=song)
    for name, address, postcode, person, _phone in rows:
        for index, digit in enumerate(postcode):
            canvas.rect((20 + index * 10) * mm, size[1] - 20 * mm, 8 * mm, 10 * mm)
            canvas.setFont(hei, 16)
            canvas.drawString((22 + index * 10) * mm, size[1] - 17 * mm, digit)
        canvas.rect(size[0] - 32 * mm, size[1] - 38 * mm, 22 * mm, 28 * mm)
        canvas.setFont(song, 13)
        canvas.drawString(20 * mm, size[1] - 34 * mm, address)
        canvas.setFont(hei, 17)
        canvas.drawCentredString(size[0] / 2, size[1] - 50 * mm, name)
        canvas.setFont(song, 13)
        canvas.drawRightString(size[0] - 40 * mm, size[1] - 62 * mm, f"{person}　收")
        canvas.setFont(song, 9)
        canvas.drawRightString(size[0] - 15 * mm, 10 * mm, "邮政编码：430010")
        canvas.drawRightString(size[0] - 15 * mm, 15 * mm, "武汉市江岸区解放大道1399号")
        canvas.setFont(song, 10.5)
        canvas.drawRightString(size[0] - 15 * mm, 20.5 * mm, "武汉建筑业协会会籍管理部")
        canvas.showPage()
    canvas.save()


def plain_manifest(path: Path, table) -> None:  # type: ignore[no-untyped-def]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.sheet_name)
    sheet.append([title for title, _w, _c in table.columns])
    for row in table.rows:
        sheet.append(row)
    book.save(path)


# --- the old rule, for the quality figures ------------------------------------------------------------


def greedy(text: str, widths: list[float], limit: float) -> list[str]:
    """Break at the last place 避头尾 and Latin words allow when the line is full (the rule the
    labels used before issue 14)."""
    word = typesetting.WORD_CHARACTERS
    lines, start, used, last = [], 0, 0.0, -1
    index = 0
    while index < len(text):
        if index > start and not (
            text[index] in NO_LINE_START
            or text[index - 1] in NO_LINE_END
            or (text[index - 1] in word and text[index] in word)
        ):
            last = index
        used += widths[index]
        if used > limit and index > start:
            cut = last if last > start else index
            lines.append(text[start:cut])
            start = index = cut
            used, last = 0.0, -1
            continue
        index += 1
    lines.append(text[start:])
    return lines


def quality(items, scale_of_page) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """(greedy, ours) counts over the names, each laid out at its sheet's size and width."""
    doc = Document("bench", io.BytesIO(), DocumentContext(), A4, title="bench")
    sheet = LABEL_SHEETS["3×7"]
    width = (sheet.label_width_mm - 2 * sheet.padding_mm) * mm
    short = [0, 0]
    split = [0, 0]
    faulty = [0, 0]
    for item, (scale, ours) in zip(items, scale_of_page, strict=True):
        size = LabelPainter.BASE["name"] * scale
        old = greedy(item.name, doc._widths(item.name, "hei"), width / size)
        for slot, lines in ((0, old), (1, list(ours))):
            short[slot] += len(lines) > 1 and len(lines[-1]) <= 2
            split[slot] += any(a.endswith("公") and b.startswith("司") for a, b in zip(lines, lines[1:], strict=False))
            faulty[slot] += bool(typesetting.faults(item.name, lines))
    return {"short": tuple(short), "split": tuple(split), "faults": tuple(faulty)}  # type: ignore[dict-item]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--recipients", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-mailing-out-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs")

    db = open_database(f"sqlite:///{folder / 'bench.db'}")
    started = time.perf_counter()
    with db.session() as session:
        generate_demo(session, int(args.recipients * 1.12) + 50, seed=14)
    print(f"demo database: {time.perf_counter() - started:.1f} s")
    with db.session() as session:
        officer = Actor.of(session.scalar(select(Staff).where(Staff.username == "officer")))
        ids = list(
            session.scalars(
                select(Member.id)
                .where(Member.status == MemberStatus.ACTIVE)
                .order_by(Member.member_number)
                .limit(args.recipients)
            )
        )

    def compose() -> int:
        with db.session() as session:
            return mailing.create_batch(
                session,
                officer,
                title="基准测试批次",
                contents=[("journal", "《武汉建筑业》2026年第4期")],
                member_ids=ids,
            ).id

    compose_time, _ = timed(compose, 1)
    batch_id = timed.result  # type: ignore[attr-defined]
    with db.session() as session:
        recipients = [r for r in mailing.batch_recipients(session, batch_id) if not r.problem]
        rows = [
            (
                r.organisation,
                r.address or "",
                r.postcode or "",
                f"{r.contact_name}（{r.contact_position}）",
                r.phone or "",
            )
            for r in recipients
        ]
        items = [mailing.address_of(r) for r in recipients]
        batch = mailing.common.get_batch(session, batch_id)
        table = mailing.manifest_table(
            session, batch, recipients, mailing.views.envelope_lines(session, [r.id for r in recipients])
        )
    print(
        f"batch of {len(ids)} recipients ({len(ids) - len(recipients)} with a problem), composed in {compose_time:.2f} s"
    )
    fonts.font_name("song"), fonts.font_name("hei"), fonts.fallback_names()  # loaded once, outside the timing
    plain_labels(folder / "warm.pdf", rows[:30])

    ours: dict[str, float] = {}
    floor: dict[str, float] = {}
    for what, suffix in (("labels", "pdf"), ("envelopes", "pdf"), ("manifest", "xlsx")):

        def run(what: str = what, suffix: str = suffix) -> None:
            with db.session() as session:
                context = documents.document_context(session, label_sheet_choice="3×7", envelope_size="DL")
                mailing.print_batch(session, officer, batch_id, what, folder / f"{what}.{suffix}", context)

        ours[what], times = timed(run, args.runs)
        plain = {"labels": plain_labels, "envelopes": plain_envelopes}.get(what)
        if plain is not None:
            floor[what], _ = timed(lambda plain=plain, what=what: plain(folder / f"plain-{what}.pdf", rows), args.runs)
        else:
            floor[what], _ = timed(lambda: plain_manifest(folder / "plain-manifest.xlsx", table), args.runs)
        print(
            f"{what:10} {ours[what]:6.2f} s (runs {', '.join(f'{t:.2f}' for t in times)})   "
            f"floor {floor[what]:5.2f} s   = {ours[what] / floor[what]:.2f}×"
        )
    total, total_floor = sum(ours.values()), sum(floor.values())
    verdict = "met" if total <= TARGET_SECONDS else "MISSED"
    print(
        f"together   {total:6.2f} s   floor {total_floor:5.2f} s   = {total / total_floor:.2f}×   "
        f"goal ≤ {TARGET_SECONDS:.0f} s — {verdict}"
    )

    # line breaking alone, and its quality against the greedy rule
    context = DocumentContext()
    typesetting.penalties.cache_clear()
    started = time.perf_counter()
    pages = plan(items, context)
    print(
        f"typesetting {len(items)} labels (names and addresses, one scale per sheet): {time.perf_counter() - started:.2f} s"
    )
    laid = [(page[0].scale, layout.name_lines) for page in pages for layout in page]
    figures = quality(items, laid)
    print(
        "names ending in a line of one or two characters: "
        f"greedy {figures['short'][0]} → {figures['short'][1]};  “有限公 / 司”: greedy {figures['split'][0]} → {figures['split'][1]};  "
        f"any fault (typesetting.faults): greedy {figures['faults'][0]} → {figures['faults'][1]}"
    )
    scales: dict[float, int] = {}
    for page in pages:
        scales[page[0].scale] = scales.get(page[0].scale, 0) + 1
    print("sheets by scale: " + ", ".join(f"{s:.2f}: {n}" for s, n in sorted(scales.items(), reverse=True)))
    db.dispose()
    if args.keep is None:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
