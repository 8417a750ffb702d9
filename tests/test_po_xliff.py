"""XLIFF 2.1 and 1.2 export and import: lossless round trips, protected placeholders,
review states, a CAT tool's edits landing exactly, stale units refused, bad files named."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from jbreport.cli import main
from jbreport.errors import TranslationError
from jbreport.po import Catalog
from jbreport.po.io import read_catalog, render_po, save_catalog
from jbreport.po.template import new_catalog
from jbreport.po.xliff import NS2, NS12
from jbreport.translations.exchange import export_xliff, import_file

X2 = f"{{{NS2}}}"
X12 = f"{{{NS12}}}"


def catalog() -> Catalog:
    cat = new_catalog("en")
    zh = ["source language: zh"]
    cat.add(
        "江北投资{investment_total}",
        "Jiangbei invested {investment_total}",
        context="r/title",
        locations=[("content/r.yaml", 3)],
        auto_comments=zh,
        user_comments=["checked by Li"],
        flags=["python-brace-format"],
    )
    cat.add(
        "新增就业{new_jobs}人，<b>&amp;</b>。",
        "",
        context="r/sections/s1/1",
        locations=[("content/r.yaml", 9)],
        auto_comments=zh,
    )
    cat.add(
        "经济增长{gdp}。",
        "Old text {gdp}.",
        context="r/sections/s1/2",
        flags=["fuzzy"],
        previous_id=["经济增长。"],
        auto_comments=zh,
    )
    cat.add(
        "{{literal}} 和 {x}和{x}",
        "{{literal}} and {x}, {x} and {y}",
        context="r/sections/s1/3",
        auto_comments=zh,
    )
    cat.add(("{n} point", "{n} points"), ("{n} pt", "{n} pts"), context="figure", auto_comments=zh)
    return cat


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "translations").mkdir(parents=True)
    save_catalog(root / "translations" / "en.po", catalog())
    return root


def po(root: Path) -> bytes:
    return (root / "translations" / "en.po").read_bytes()


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_export_then_import_without_edits_keeps_every_byte(root: Path, version: str) -> None:
    before = po(root)
    [path] = export_xliff(root, None, root / "out", version)
    assert import_file(root, path)[1] == []
    assert po(root) == before


def test_units_carry_context_notes_placeholders_and_states(root: Path) -> None:
    [path] = export_xliff(root, ["en"], root / "out")
    doc = etree.parse(str(path)).getroot()
    assert (doc.get("version"), doc.get("srcLang"), doc.get("trgLang")) == ("2.1", "zh", "en")
    units = {u.get("name"): u for u in doc.iter(f"{X2}unit")}
    title = units["r/title"]
    notes = [(n.get("category"), n.text) for n in title.iter(f"{X2}note")]
    assert notes == [("location", "content/r.yaml:3"), ("translator", "checked by Li")]
    ph = title.find(f"{X2}segment/{X2}source/{X2}ph")
    assert ph is not None
    assert (ph.get("equiv"), ph.get("canCopy"), ph.get("canDelete")) == (
        "{investment_total}",
        "no",
        "no",
    )
    states = {name: u.find(f"{X2}segment").get("state") for name, u in units.items()}
    assert states == {
        "r/title": "translated",
        "r/sections/s1/1": "initial",
        "r/sections/s1/2": "initial",
        "r/sections/s1/3": "translated",
        "figure": "translated",
    }
    assert units["r/sections/s1/1"].find(f"{X2}segment/{X2}target") is None
    fuzzy = units["r/sections/s1/2"]
    assert [n.text for n in fuzzy.iter(f"{X2}note") if n.get("category") == "previous-source"] == [
        "经济增长。"
    ]
    # the literal braces stay text; a placeholder the source has once is a code once
    third = units["r/sections/s1/3"].find(f"{X2}segment/{X2}target")
    assert third is not None and len(third) == 2  # {x} twice in the source, {y} not at all
    assert "{y}" in "".join(third.itertext())
    assert len([u for u in doc.iter(f"{X2}unit") if u.get("name") == "figure"]) == 2  # forms


def cat_tool(path: Path, edits: dict[str, tuple[str | None, str]], ns: str = X2) -> None:
    """Edit as a CAT tool does: new target text (placeholders copied as the source's codes)
    and a state, per unit name."""
    tree = etree.parse(str(path))
    tag, name = (f"{ns}unit", "name") if ns == X2 else (f"{ns}trans-unit", "resname")
    for unit in tree.iter(tag):
        if unit.get(name) not in edits:
            continue
        text, state = edits[unit.get(name)]
        holder = unit.find(f"{ns}segment") if ns == X2 else unit
        source = holder.find(f"{ns}source")
        target = holder.find(f"{ns}target")
        if target is None:
            target = etree.SubElement(holder, f"{ns}target")
        if text is not None:
            target.clear()
            target.text = text
            for code in source:
                copy = etree.SubElement(target, code.tag, dict(code.attrib))
                copy.tail = "."
        if ns == X2:
            holder.set("state", state)
        else:
            target.set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_a_cat_tools_edits_land_exactly(root: Path, version: str) -> None:
    ns = X2 if version == "2.1" else X12
    [path] = export_xliff(root, None, root / "out", version)
    cat_tool(
        path,
        {
            "r/sections/s1/1": ("New jobs: ", "translated"),
            "r/sections/s1/2": (None, "translated" if ns == X12 else "reviewed"),
        },
        ns,
    )
    _, changes = import_file(root, path)
    assert len(changes) == 2
    expected = catalog()
    first = expected.get("新增就业{new_jobs}人，<b>&amp;</b>。", "r/sections/s1/1")
    first.string = "New jobs: {new_jobs}."
    second = expected.get("经济增长{gdp}。", "r/sections/s1/2")
    second.flags.discard("fuzzy")
    second.previous_id = []
    assert po(root) == render_po(expected)


def test_a_draft_in_the_cat_tool_is_fuzzy(root: Path) -> None:
    [path] = export_xliff(root, None, root / "out")
    cat_tool(path, {"r/title": ("Jiangbei invests ", "initial")})
    import_file(root, path)
    title = read_catalog(root / "translations" / "en.po").get(
        "江北投资{investment_total}", "r/title"
    )
    assert title.fuzzy and title.string == "Jiangbei invests {investment_total}."


def test_a_unit_whose_source_changed_is_refused_and_nothing_changes(root: Path) -> None:
    [path] = export_xliff(root, None, root / "out")
    cat_tool(path, {"r/sections/s1/1": ("New jobs: ", "translated")})
    changed = catalog()
    changed.delete("经济增长{gdp}。", "r/sections/s1/2")
    changed.add(
        "经济稳定增长{gdp}。",
        "Old text {gdp}.",
        context="r/sections/s1/2",
        flags=["fuzzy"],
        auto_comments=["source language: zh"],
    )
    save_catalog(root / "translations" / "en.po", changed)
    before = po(root)
    with pytest.raises(TranslationError) as error:
        import_file(root, path)
    message = str(error.value)
    line = next(
        u.sourceline
        for u in etree.parse(str(path)).iter(f"{X2}unit")
        if u.get("name") == "r/sections/s1/2"
    )
    assert f"en.xlf:{line}: unit u" in message and "'经济增长{gdp}。'" in message
    assert "nothing was imported" in message
    assert po(root) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<xliff", "not well-formed XML"),
        ('<xliff xmlns="urn:x" version="2.1"/>', "not an XLIFF 2.x or 1.2 document"),
        (
            f'<xliff xmlns="{NS2}" version="2.1" trgLang="en"><file id="f1"/></xliff>',
            "no 'original'",
        ),
    ],
)
def test_a_malformed_file_is_one_error_naming_it(
    root: Path, text: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = root / "bad.xlf"
    path.write_text(text, encoding="utf-8")
    assert main(["-C", str(root), "translations", "import", str(path)]) == 3
    err = capsys.readouterr().err
    assert expected in err and "bad.xlf:1" in err and "Traceback" not in err


def test_the_cli_exports_and_imports(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = root / "x"
    assert main(["-C", str(root), "translations", "export", "--xliff", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip().endswith("en.xlf")
    cat_tool(out / "en.xlf", {"r/sections/s1/1": ("Jobs ", "translated")})
    assert main(["-C", str(root), "translations", "import", str(out / "en.xlf")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("r/sections/s1/1: (untranslated) → 'Jobs {new_jobs}.' (translated)")
    assert lines[-1].startswith("1 change(s) in ")


# -- the schema ------------------------------------------------------------------------------
# No package on PyPI, npm or Debian ships the OASIS XSDs (xliff_core_2.0.xsd, the schema of
# 2.0 and 2.1; xliff-core-1.2-strict.xsd), and the tests have no network.  So the files are
# checked against the core constraints they rely on, as written in the XLIFF 2.1 and 1.2
# specifications (a subset, not the schema); with JBREPORT_XLIFF_XSD (2.x) or
# JBREPORT_XLIFF12_XSD pointing at the official file they are validated against it too.

ATTRIBUTES_2 = {
    "xliff": {"version", "srcLang", "trgLang"},
    "file": {"id", "original", "canResegment", "translate", "srcDir", "trgDir", "space"},
    "unit": {"id", "name", "canResegment", "translate", "srcDir", "trgDir", "type", "space"},
    "notes": set(),
    "note": {"id", "appliesTo", "category", "priority"},
    "segment": {"id", "canResegment", "state", "subState"},
    "source": {"lang", "space"},
    "target": {"lang", "space", "order"},
    "ph": {
        "id",
        "canCopy",
        "canDelete",
        "canReorder",
        "copyOf",
        "disp",
        "equiv",
        "dataRef",
        "subFlows",
        "subType",
        "type",
    },
}
CHILDREN_2 = {
    "xliff": ["file"],
    "file": ["unit"],
    "unit": ["notes", "segment"],
    "notes": ["note"],
    "segment": ["source", "target"],
}


def check_xliff_2(path: Path) -> None:
    doc = etree.parse(str(path)).getroot()
    assert doc.tag == f"{X2}xliff" and doc.get("version") in ("2.0", "2.1")
    for element in doc.iter():
        local = etree.QName(element).localname
        assert etree.QName(element).namespace == NS2, element.tag
        attrs = {etree.QName(a).localname for a in element.attrib}
        assert attrs <= ATTRIBUTES_2[local], (local, attrs - ATTRIBUTES_2[local])
        if local in CHILDREN_2:  # in the schema's order
            order = [CHILDREN_2[local].index(etree.QName(c).localname) for c in element]
            assert order == sorted(order), local
    for file in doc.iter(f"{X2}file"):
        ids = [u.get("id") for u in file.iter(f"{X2}unit")]
        assert len(ids) == len(set(ids)) and all(i and etree.QName(i) for i in ids)
    for segment in doc.iter(f"{X2}segment"):
        state = segment.get("state", "initial")
        assert state in ("initial", "translated", "reviewed", "final")
        target = segment.find(f"{X2}target")
        assert state == "initial" or target is not None  # the spec: a state past initial
        source_ids = [c.get("id") for c in segment.find(f"{X2}source")]
        assert len(source_ids) == len(set(source_ids))
        if target is not None:
            assert {c.get("id") for c in target} <= set(source_ids)
        for ph in segment.iter(f"{X2}ph"):
            assert {ph.get("canCopy"), ph.get("canDelete")} <= {"yes", "no", None}


def check_xliff_12(path: Path) -> None:
    doc = etree.parse(str(path)).getroot()
    assert doc.tag == f"{X12}xliff" and doc.get("version") == "1.2"
    for file in doc.iter(f"{X12}file"):
        for required in ("original", "source-language", "datatype"):
            assert file.get(required), required
    states = {
        "final",
        "needs-adaptation",
        "needs-l10n",
        "needs-review-adaptation",
        "needs-review-l10n",
        "needs-review-translation",
        "needs-translation",
        "new",
        "signed-off",
        "translated",
    }
    for unit in doc.iter(f"{X12}trans-unit"):
        children = [etree.QName(c).localname for c in unit]
        assert children[0] == "source" and children.count("source") == 1
        assert unit.get("approved") in (None, "yes", "no")
        for target in unit.iter(f"{X12}target"):
            assert target.get("state") in states
        for x in unit.iter(f"{X12}x"):
            assert x.get("id")


@pytest.mark.parametrize(
    ("version", "variable"), [("2.1", "JBREPORT_XLIFF_XSD"), ("1.2", "JBREPORT_XLIFF12_XSD")]
)
def test_the_xliff_keeps_the_core_constraints(root: Path, version: str, variable: str) -> None:
    [path] = export_xliff(root, None, root / "out", version)
    (check_xliff_2 if version == "2.1" else check_xliff_12)(path)
    xsd = os.environ.get(variable)
    if xsd:
        schema = etree.XMLSchema(etree.parse(xsd))
        assert schema.validate(etree.parse(str(path))), schema.error_log


def test_markers_a_cat_tool_adds_keep_their_text_and_foreign_codes_are_refused(
    root: Path,
) -> None:
    [path] = export_xliff(root, None, root / "out")
    text = path.read_text(encoding="utf-8")
    marked = text.replace(
        "<target>Jiangbei invested ",
        '<target><mrk id="m1" type="comment" value="ok">Jiangbei</mrk> invested <sm id="s"/>',
    )
    path.write_text(marked, encoding="utf-8")
    assert import_file(root, path)[1] == []
    line = marked[: marked.index("Jiangbei</mrk>")].count("\n") + 1
    path.write_text(marked.replace('<sm id="s"/>', '<ph id="9"/>'), encoding="utf-8")
    with pytest.raises(TranslationError, match=rf"en.xlf:{line}: inline code id '9'"):
        import_file(root, path)


def test_a_file_for_another_language_is_refused(root: Path) -> None:
    [path] = export_xliff(root, None, root / "out")
    path.write_text(path.read_text(encoding="utf-8").replace('trgLang="en"', 'trgLang="fr"'))
    with pytest.raises(TranslationError, match="translates into 'fr'"):
        import_file(root, path)
