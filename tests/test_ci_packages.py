"""The README's Debian list and `.ci/run`'s are the same list (issue 9: CI was green only where a
font had been installed by hand, red on a machine set up from the README)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _install_lists(text: str) -> list[set[str]]:
    """The packages of every ``apt-get install`` command in ``text`` (continuation lines joined)."""
    joined = re.sub(r"\\\n", " ", text)
    lists = []
    for line in joined.splitlines():
        if "apt-get install" not in line:
            continue
        words = line.split("apt-get install", 1)[1].split()
        lists.append(
            {w for w in words if not w.startswith(("-", "$", ">", "/")) and re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)}
        )
    return lists


def test_readme_and_ci_install_the_same_packages_for_the_tests() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Debian/Ubuntu packages", 1)[1].split("\n## ", 1)[0]
    (documented,) = _install_lists(section)
    ci = _install_lists((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    for_tests = ci[0]  # the first install is for the tests; a later one (binutils) for the bundle
    assert documented == for_tests, f"README only: {documented - for_tests}; .ci/run only: {for_tests - documented}"
    # what the tests cannot run without
    assert {"fonts-wqy-zenhei", "fonts-hanazono", "poppler-utils", "postgresql"} <= for_tests
