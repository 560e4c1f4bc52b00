"""Translations: one .ts per ui module, all compiled into one .qm.

    python build/i18n.py update [F.py…] # lupdate every ui module (or just these), then lrelease
    python build/i18n.py todo          # list what is not yet translated (JSON)
    python build/i18n.py fill F.json   # {"Context": {"source": "译文"}} into the .ts files, then lrelease
    python build/i18n.py check         # exit 1 when anything is missing, unfinished or stale

One .ts per module keeps parallel work on different views from colliding in one file.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop_app" / "ui"
LANGUAGE = "zh_CN"
TS_DIR = ROOT / "resources" / "translations" / LANGUAGE
QM_FILE = ROOT / "resources" / "translations" / f"membership_office_{LANGUAGE}.qm"


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else name


_MARKERS = re.compile(r"\.tr\(|\btranslate\(|QT_TRANSLATE_NOOP\(|QT_TR_NOOP\(")


def ui_modules() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if _MARKERS.search(p.read_text(encoding="utf-8")))


def ts_for(module: Path) -> Path:
    return TS_DIR / (module.relative_to(SOURCES).with_suffix("").as_posix().replace("/", ".") + ".ts")


def lupdate(module: Path, ts: Path) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            str(module),
            "-ts",
            str(ts),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            LANGUAGE,
            "-silent",
        ],
        check=True,
    )


def lrelease(out: Path | None = None) -> None:
    out = out or QM_FILE  # looked up at call time (tests point QM_FILE elsewhere)
    files = sorted(TS_DIR.glob("*.ts"))
    subprocess.run([_tool("pyside6-lrelease"), "-silent", *map(str, files), "-qm", str(out)], check=True)


def update(only: list[str] | None = None) -> None:
    """lupdate every ui module (or only the given module files), drop .ts of deleted modules."""
    wanted = {ts_for(m): m for m in ui_modules()}
    if only:
        chosen = {Path(p).resolve() for p in only}
        wanted = {ts: m for ts, m in wanted.items() if m.resolve() in chosen}
    else:
        for ts in TS_DIR.glob("*.ts"):
            if ts not in wanted:
                ts.unlink()
    for ts, module in wanted.items():
        lupdate(module, ts)
    lrelease()


def unfinished(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            text = (
                "".join(f.text or "" for f in forms) if forms else (translation.text if translation is not None else "")
            )
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (text or "").strip()
            ):
                missing.append((name, message.findtext("source")))
    return missing


def todo() -> dict:
    return {
        ts.name: [{"context": c, "source": s} for c, s in unfinished(ts)]
        for ts in sorted(TS_DIR.glob("*.ts"))
        if unfinished(ts)
    }


def fill(mapping: dict[str, dict[str, str]]) -> int:
    count = 0
    for ts in sorted(TS_DIR.glob("*.ts")):
        tree = ET.parse(ts)
        changed = False
        for context in tree.getroot().iter("context"):
            table = mapping.get(context.findtext("name"), {})
            for message in context.iter("message"):
                source = message.findtext("source")
                if source in table:
                    translation = message.find("translation")
                    forms = list(translation.iter("numerusform"))
                    if forms:  # Chinese has one plural form
                        for form in forms:
                            form.text = table[source]
                    else:
                        translation.text = table[source]
                    translation.attrib.pop("type", None)
                    changed = True
                    count += 1
        if changed:  # written the way lupdate writes, so the two tools do not flip-flop the file
            body = ET.tostring(tree.getroot(), encoding="unicode")
            ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    lrelease()
    return count


def check() -> list[str]:
    """Problems: modules without a .ts, untranslated strings, strings not extracted, a stale .qm."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for module in ui_modules():
            ts = ts_for(module)
            if not ts.exists():
                problems.append(f"{module.relative_to(ROOT)}: no {ts.relative_to(ROOT)}")
                continue
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            lupdate(module, copy)  # adds any source string the .ts does not have yet
            for context, source in unfinished(copy):
                problems.append(f"{ts.name}: [{context}] {source!r} has no finished zh_CN translation")
        fresh = Path(tmp) / "fresh.qm"
        lrelease(fresh)
        if not QM_FILE.exists() or fresh.read_bytes() != QM_FILE.read_bytes():
            problems.append(f"{QM_FILE.relative_to(ROOT)} is stale: run python build/i18n.py update")
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        update(argv[1:])
    elif command == "todo":
        print(json.dumps(todo(), ensure_ascii=False, indent=1))
    elif command == "fill":
        print(f"filled {fill(json.loads(Path(argv[1]).read_text(encoding='utf-8')))} translations")
    elif command == "check":
        problems = check()
        print("\n".join(problems) or "translations complete")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
