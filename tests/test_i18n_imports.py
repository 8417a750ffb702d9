"""Babel lives in two rooms: the i18n layer and the PO layer."""

from __future__ import annotations

import re

from conftest import ROOT

ROOMS = ("i18n", "po")


def test_babel_is_imported_only_in_i18n_and_po() -> None:
    package = ROOT / "src" / "jbreport"
    outside = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path.relative_to(package).parts[0] not in ROOMS
        and re.search(r"^\s*(from|import) babel\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert outside == []
