"""The translator's jobs on copies of the project: extract, init, update, status, and what the
GNU gettext tools make of the files."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from conftest import ROOT, copy_project, require, run
from jbreport.cli import main
from jbreport.errors import TranslationError
from jbreport.po.io import read_catalog, save_catalog
from jbreport.source.load import load_reports
from jbreport.translations.commands import extract, init, update

REPORT = "jiangbei-2023"
LAYOUT_CONTEXTS = {"layout", "figure", "qualifier", "money"}


# -- helpers -------------------------------------------------------------------------------


def edit_content(root: Path, old: str, new: str) -> None:
    path = root / "content" / f"{REPORT}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in the content"
    path.write_text(text.replace(old, new), encoding="utf-8")


def catalog_of(root: Path, language: str) -> Catalog:
    return read_catalog(root / "translations" / f"{language}.po", expect_language=language)


def entry(catalog: Catalog, context: str) -> Message:
    found = [m for m in catalog if m.id and m.context == context]
    assert len(found) == 1, f"{len(found)} live entries of {context}"
    return found[0]


def obsolete_of(catalog: Catalog, context: str) -> Message:
    found = [m for m in catalog.obsolete.values() if m.context == context]
    assert len(found) == 1, f"{len(found)} obsolete entries of {context}"
    return found[0]


def msgfmt_check(path: Path) -> None:
    run(require("msgfmt"), "--check", "-o", "/dev/null", path)


def msgfmt_statistics(path: Path) -> str:
    result = subprocess.run(
        [require("msgfmt"), "--check", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def mini_project(tmp_path: Path, sections: list[tuple[str, list[str]]]) -> Path:
    """A small Chinese report: title, one count figure, sections of paragraphs."""
    root = tmp_path / "mini"
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "translations").mkdir(exist_ok=True)
    write_mini(root, sections)
    return root


def write_mini(root: Path, sections: list[tuple[str, list[str]]]) -> None:
    lines = [
        "language: zh",
        'date: "2023-01"',
        "title: 小报告",
        "figures:",
        "  n1: {kind: count, value: 42}",
        "  n2: {kind: count, value: 7}",
        "sections:",
    ]
    for sid, paragraphs in sections:
        lines += [f"  - id: {sid}", "    heading: 第一部分", "    blocks:"]
        lines += [f'      - "{p}"' for p in paragraphs]
    (root / "content" / "mini.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- extract -------------------------------------------------------------------------------


def test_extract_holds_every_content_string_at_its_path_and_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path, ("jiangbei-2023",))
    pot_path, _changed = extract(root)
    assert pot_path == root / "translations" / "messages.pot"
    pot = read_catalog(pot_path, template=True)
    yaml_lines = (root / "content" / f"{REPORT}.yaml").read_text(encoding="utf-8").splitlines()
    (report,) = load_reports(root / "content")
    strings = report.strings()
    assert len(strings) > 40
    for src in strings:
        message = pot.get(src.text, src.context)
        assert message is not None, src.context
        assert message.context.startswith(f"{REPORT}/")
        assert message.auto_comments[0] == "source language: zh"
        (location,) = message.locations
        assert location[0] == f"content/{REPORT}.yaml"
        line = yaml_lines[location[1] - 1]
        # the referenced line holds the string (or, for a list written inline, its start)
        assert src.text[:4] in line or src.text[:4] in line.replace('\\"', '"'), (src.context, line)
        braces = "{" in src.text
        assert ("python-brace-format" in message.flags) == braces, src.context
        assert isinstance(message.id, tuple) == src.context.endswith("/noun")
    paragraph = pot.get(
        next(s.text for s in strings if s.context == f"{REPORT}/sections/reform-opening/1"),
        f"{REPORT}/sections/reform-opening/1",
    )
    assert paragraph is not None and paragraph.id.startswith("{business_meeting_date}")


def test_extract_holds_the_layout_words_with_their_template_lines(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    pot = read_catalog(extract(root)[0], template=True)
    templates = ROOT / "src" / "jbreport" / "templates"
    for word, flagged in [
        ("Key figures", False),
        ("Page {page} of {pages}", True),
        ("(Photo: {name})", True),
        ("By {authors}", True),
    ]:
        message = pot.get(word, "layout")
        assert message is not None, word
        assert ("python-brace-format" in message.flags) == flagged
        assert message.auto_comments[0] == "source language: en"
        assert message.locations
        for ref, line in message.locations:
            name = ref.removeprefix("templates/")
            source = (templates / name).read_text(encoding="utf-8").splitlines()
            assert f'_("{word}")' in source[line - 1], (word, ref, line)
    # the figure words are English too, plural where CLDR asks for it
    points = pot.get("{points} percentage point", "figure")
    assert points is not None and points.id == (
        "{points} percentage point",
        "{points} percentage points",
    )
    assert pot.get("CNY {amount}", "money") is not None
    assert pot.get("USD {amount}", "money") is not None


def test_extract_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    first = extract(root)[0].read_bytes()
    assert extract(root) == (root / "translations" / "messages.pot", False)
    assert (root / "translations" / "messages.pot").read_bytes() == first
    # and the real project's template is the one its content gives
    assert _body(root / "translations" / "messages.pot") == _body(
        ROOT / "translations" / "messages.pot"
    )


def test_gettext_tools_accept_the_catalogs(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    for name in ("en.po", "zh.po", "messages.pot"):
        msgfmt_check(ROOT / "translations" / name)
    init(root, "fr")
    update(root)
    for name in ("en.po", "zh.po", "fr.po", "messages.pot"):
        msgfmt_check(root / "translations" / name)
    # msgcat reads and rewrites every entry: the same msgctxts come out
    out = run(require("msgcat"), "--no-wrap", ROOT / "translations" / "en.po")
    ours = {m.context for m in catalog_of(ROOT, "en") if m.id}
    assert set(re.findall(r'^msgctxt "(.*)"$', out, re.MULTILINE)) == ours
    zh = len([m for m in catalog_of(ROOT, "zh") if m.id])
    assert msgfmt_statistics(ROOT / "translations" / "zh.po").startswith(f"{zh} translated")


# -- init ----------------------------------------------------------------------------------


def test_init_fr_starts_a_catalog_from_cldr(tmp_path: Path) -> None:
    root = copy_project(tmp_path, ("jiangbei-2023",))
    path = init(root, "fr")
    assert path == root / "translations" / "fr.po"
    text = path.read_text(encoding="utf-8")
    assert '"Language: fr\\n"' in text
    assert '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' in text
    catalog = catalog_of(root, "fr")
    contexts = {m.context for m in catalog if m.id}
    (report,) = load_reports(root / "content")
    assert {s.context for s in report.strings()} <= contexts
    assert {"layout", "figure", "qualifier", "money"} <= contexts
    assert catalog.get("Key figures", "layout") is not None
    assert catalog.get("Page {page} of {pages}", "layout") is not None
    for message in catalog:
        if message.id:
            assert not message.fuzzy
            if isinstance(message.id, tuple):
                assert message.string == ("", "")
            else:
                assert message.string == ""
    assert not catalog.obsolete
    msgfmt_check(path)
    entries = len([m for m in catalog if m.id])
    assert f"0 translated messages, {entries} untranslated messages" in msgfmt_statistics(path)


def test_init_holds_only_strings_whose_source_is_another_language(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "translations" / "en.po").unlink()
    (root / "translations" / "zh.po").unlink()
    init(root, "en")
    init(root, "zh")
    en, zh = catalog_of(root, "en"), catalog_of(root, "zh")
    en_contexts = {m.context for m in en if m.id}
    zh_contexts = {m.context for m in zh if m.id}
    # en.po: the Chinese content, none of the (English) layout words
    reports = tuple(f"{p.stem}/" for p in (root / "content").glob("*.yaml"))
    assert en_contexts and all(c.startswith(reports) for c in en_contexts)
    assert en.get("Key figures", "layout") is None
    # zh.po: the layout and figure words, none of the (Chinese) content
    assert zh_contexts == LAYOUT_CONTEXTS
    assert zh.get("Key figures", "layout") is not None
    real_en = catalog_of(ROOT, "en")
    assert en_contexts == {m.context for m in real_en if m.id}
    assert zh.num_plurals == 1 and zh.get("{points} percentage point", "figure").string == ("",)


def test_init_refuses_unknown_languages_and_existing_catalogs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    for language in ("xx", "und", "en_ZZ"):
        with pytest.raises(TranslationError, match="unknown language"):
            init(root, language)
    assert sorted(p.name for p in (root / "translations").glob("*.po")) == ["en.po", "zh.po"]
    before = (root / "translations" / "en.po").read_bytes()
    with pytest.raises(TranslationError, match="already exists") as info:
        init(root, "en")
    assert info.value.location is not None and info.value.location.path.endswith("en.po")
    assert (root / "translations" / "en.po").read_bytes() == before
    assert main(["-C", str(root), "translations", "init", "en"]) == 3
    assert "already exists" in capsys.readouterr().err
    assert main(["-C", str(root), "translations", "init", "xx"]) == 3
    assert "unknown language 'xx'" in capsys.readouterr().err
    assert main(["-C", str(root), "translations", "init", "pt-BR"]) == 0
    assert "pt_BR.po" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("existing", "asked"), [("zh_Hant", "zh_TW"), ("zh", "zh_CN"), ("en", "en_US"), ("pt", "pt_BR")]
)
def test_init_refuses_a_second_catalog_of_one_edition(
    tmp_path: Path, existing: str, asked: str
) -> None:
    root = copy_project(tmp_path)
    if not (root / "translations" / f"{existing}.po").exists():
        init(root, existing)
    with pytest.raises(TranslationError) as info:
        init(root, asked)
    assert f"{asked} is the edition {existing}.po already translates" in str(info.value)
    assert info.value.location is not None
    assert info.value.location.path.endswith(f"{existing}.po")
    assert not (root / "translations" / f"{asked}.po").exists()


# -- update --------------------------------------------------------------------------------

EDITED = f"{REPORT}/sections/reform-opening/1"
LIBRARY = f"{REPORT}/sections/livelihood/1"
REMOVED = f"{REPORT}/photos/beibin-extension/caption"
BEIBIN_PHOTO = (
    '  - photo: {id: beibin-extension, caption: "北滨路东延伸段效果图",'
    " image: images/beibin-extension.jpg}\n"
)


def test_update_marks_edits_fuzzy_adds_new_strings_and_keeps_removed_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    before = catalog_of(root, "en")
    edited, library, removed = entry(before, EDITED), entry(before, LIBRARY), entry(before, REMOVED)
    livelihood = [entry(before, f"{REPORT}/sections/livelihood/{i}") for i in (1, 2, 3)]
    edit_content(root, "会议提出，要像爱护眼睛一样爱护企业", "会议强调，要像爱护眼睛一样爱护企业")
    edit_content(
        root,
        '      - "{library_opening_date}，江北区图书馆',
        '      - "新增的一段话，共{new_jobs}人。"\n      - "{library_opening_date}，江北区图书馆',
    )
    edit_content(root, BEIBIN_PHOTO, "")

    assert main(["-C", str(root), "translations", "update"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"updated {root / 'translations' / 'messages.pot'}",
        f"updated {root / 'translations' / 'en.po'}",
        f"unchanged {root / 'translations' / 'zh.po'}",
    ]
    after = catalog_of(root, "en")
    po_text = (root / "translations" / "en.po").read_text(encoding="utf-8")

    # edited: fuzzy, the old English kept, the old Chinese as #| msgid
    fuzzy = entry(after, EDITED)
    assert fuzzy.fuzzy
    assert fuzzy.string == edited.string and fuzzy.string
    assert fuzzy.previous_id == [edited.id]
    assert "会议强调" in fuzzy.id
    assert f"#| msgid {_quoted(edited.id)}" in po_text
    # added: untranslated, where the old first paragraph was
    added = entry(after, LIBRARY)
    assert added.id == "新增的一段话，共{new_jobs}人。" and added.string == "" and not added.fuzzy
    # moved one down: the same translation, still current
    for number, old in enumerate(livelihood, start=2):
        moved = entry(after, f"{REPORT}/sections/livelihood/{number}")
        assert (moved.id, moved.string, moved.fuzzy) == (old.id, old.string, False)
    assert entry(after, f"{REPORT}/sections/livelihood/2").string == library.string
    # removed: obsolete, with its translation
    gone = obsolete_of(after, REMOVED)
    assert (gone.id, gone.string) == (removed.id, removed.string)
    assert f"#~ msgid {_quoted(removed.id)}" in po_text
    assert f"#~ msgstr {_quoted(str(removed.string))}" in po_text
    assert after.get(removed.id, REMOVED) is None
    # nothing else changed
    changed = {EDITED, LIBRARY, REMOVED} | {f"{REPORT}/sections/livelihood/{i}" for i in (2, 3, 4)}
    for message in before:
        if message.id and message.context not in changed:
            same = entry(after, message.context)
            assert (same.id, same.string, same.fuzzy) == (message.id, message.string, False)
    assert catalog_of(root, "zh").get("Key figures", "layout").string == "主要数据"
    assert (root / "translations" / "zh.po").read_bytes() == (
        ROOT / "translations" / "zh.po"
    ).read_bytes()

    # GNU gettext reads it: valid, one fuzzy, one untranslated, the obsolete entry aside
    po = root / "translations" / "en.po"
    msgfmt_check(po)
    total = len([m for m in after if m.id])
    assert f"{total - 2} translated messages, 1 fuzzy translation, 1 untranslated message" in (
        msgfmt_statistics(po)
    )
    only_fuzzy = run(require("msgattrib"), "--only-fuzzy", "--no-obsolete", po)
    assert re.findall(r'^msgctxt "(.*)"$', only_fuzzy, re.MULTILINE) == [EDITED]
    assert "#| msgid" in only_fuzzy and "会议提出" in only_fuzzy
    obsolete = run(require("msgattrib"), "--only-obsolete", po)
    assert f'#~ msgctxt "{REMOVED}"' in obsolete
    untranslated = run(require("msgattrib"), "--untranslated", "--no-obsolete", po)
    assert re.findall(r'^msgctxt "(.*)"$', untranslated, re.MULTILINE) == [LIBRARY]

    # a second update changes nothing, byte for byte
    files = {p.name: p.read_bytes() for p in (root / "translations").iterdir()}
    assert main(["-C", str(root), "translations", "update"]) == 0
    out = capsys.readouterr().out
    assert out.count("unchanged") == 3 and "updated" not in out
    assert {p.name: p.read_bytes() for p in (root / "translations").iterdir()} == files


def _quoted(text: str) -> str:
    """How a short or unwrappable string is written in a PO file."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_update_of_the_unchanged_project_changes_nothing(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    files = {p.name: p.read_bytes() for p in (root / "translations").iterdir()}
    results = update(root)
    assert [(p.name, changed) for p, changed in results] == [
        ("messages.pot", False),
        ("en.po", False),
        ("zh.po", False),
    ]
    assert {p.name: p.read_bytes() for p in (root / "translations").iterdir()} == files


def test_editing_twice_keeps_the_original_as_previous_msgid(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    original = entry(catalog_of(root, "en"), EDITED)
    edit_content(root, "会议提出", "会议强调")
    update(root)
    edit_content(root, "全力以赴打造", "全力打造")
    update(root)
    message = entry(catalog_of(root, "en"), EDITED)
    assert message.fuzzy
    assert "会议强调" in message.id and "全力打造" in message.id
    assert message.previous_id == [original.id]
    assert message.string == original.string
    assert not catalog_of(root, "en").obsolete  # the in-between text left nothing behind
    msgfmt_check(root / "translations" / "en.po")
    # the translator reviews it: no longer fuzzy, and the next update leaves it so
    catalog = catalog_of(root, "en")
    reviewed = entry(catalog, EDITED)
    reviewed.flags.discard("fuzzy")
    reviewed.previous_id = []
    save_catalog(root / "translations" / "en.po", catalog)
    assert update(root)[1] == (root / "translations" / "en.po", False)
    assert not entry(catalog_of(root, "en"), EDITED).fuzzy


def test_renamed_section_and_reordered_paragraphs_keep_their_translations(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    before = catalog_of(root, "en")
    old = {m.context: m for m in before if m.id}
    edit_content(root, "  - id: reform-opening\n", "  - id: reform\n")
    update(root)
    after = catalog_of(root, "en")
    for context, message in old.items():
        new_context = context.replace("/reform-opening/", "/reform/")
        moved = entry(after, new_context)
        assert (moved.id, moved.string, moved.fuzzy) == (message.id, message.string, False)
    assert not after.obsolete


def test_plural_noun_survives_updates_and_edits(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    noun = f"{REPORT}/figures/first_batch_projects/noun"
    forms = ("{count} key project", "{count} key projects")
    edit_content(root, "会议提出", "会议强调")
    update(root)
    message = entry(catalog_of(root, "en"), noun)
    assert message.id == ("{count}个重点项目", "{count}个重点项目")
    assert message.string == forms and not message.fuzzy
    edit_content(root, 'noun: "{count}个重点项目"', 'noun: "{count}个重大项目"')
    update(root)
    message = entry(catalog_of(root, "en"), noun)
    assert message.id == ("{count}个重大项目", "{count}个重大项目")
    assert message.string == forms and message.fuzzy
    assert message.previous_id == ["{count}个重点项目", "{count}个重点项目"]
    po = root / "translations" / "en.po"
    text = po.read_text(encoding="utf-8")
    assert '#| msgid "{count}个重点项目"\n#| msgid_plural "{count}个重点项目"\n' in text
    msgfmt_check(po)


def test_a_new_layout_word_takes_no_other_translation(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    templates = root / "templates"
    templates.mkdir()
    brief = (ROOT / "src" / "jbreport" / "templates" / "brief.j2").read_text(encoding="utf-8")
    brief = brief.replace('_("Key figures")', '_("Figures at a glance")')
    (templates / "brief.j2").write_text(brief, encoding="utf-8")
    before = catalog_of(root, "zh")
    update(root)
    zh = catalog_of(root, "zh")
    new = zh.get("Figures at a glance", "layout")
    assert new is not None and new.string == "" and not new.fuzzy
    # the factsheet still says "Key figures": its translation is untouched
    assert zh.get("Key figures", "layout").string == "主要数据"
    for message in before:
        if message.id:
            kept = zh.get(message.id, message.context)
            assert kept is not None and kept.string == message.string and not kept.fuzzy
    msgfmt_check(root / "translations" / "zh.po")


def test_a_broken_layout_stops_extract_and_update(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Babel's Jinja2 extractor skips a template it cannot parse: its words would leave the
    catalogs as if removed.  The syntax error is reported instead, and nothing written."""
    root = copy_project(tmp_path)
    templates = root / "templates"
    templates.mkdir()
    brief = (ROOT / "src" / "jbreport" / "templates" / "brief.j2").read_text(encoding="utf-8")
    broken = brief + "{% if %}\n"
    (templates / "brief.j2").write_text(broken, encoding="utf-8")
    line = broken.count("\n")
    before = {p.name: p.read_bytes() for p in (root / "translations").iterdir()}
    for command in (["translations", "update"], ["translations", "extract"]):
        assert main(["-C", str(root), *command]) == 3
        err = capsys.readouterr().err
        assert re.search(rf"templates/brief\.j2:{line}: template syntax error", err), err
        assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in (root / "translations").iterdir()} == before


def test_a_removed_fuzzy_entry_comes_back_fuzzy(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    original = entry(catalog_of(root, "en"), EDITED)
    edit_content(root, "会议提出", "会议强调")
    update(root)
    paragraph = entry(catalog_of(root, "en"), EDITED).id
    yaml = root / "content" / f"{REPORT}.yaml"
    text = yaml.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines(keepends=True) if "会议强调" in x)
    yaml.write_text(text.replace(line, ""), encoding="utf-8")
    update(root)
    catalog = catalog_of(root, "en")
    gone = obsolete_of(catalog, EDITED)
    assert gone.fuzzy and gone.string == original.string and gone.previous_id == [original.id]
    msgfmt_check(root / "translations" / "en.po")
    yaml.write_text(text, encoding="utf-8")
    update(root)
    back = entry(catalog_of(root, "en"), EDITED)
    assert back.id == paragraph
    assert back.fuzzy, "a translation of the old text came back as if it were current"
    assert back.string == original.string and back.previous_id == [original.id]


def test_a_restored_paragraph_gets_its_translation_back(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    original = entry(catalog_of(root, "en"), REMOVED)
    photo = BEIBIN_PHOTO
    edit_content(root, photo, "")
    update(root)
    assert obsolete_of(catalog_of(root, "en"), REMOVED).string == original.string
    edit_content(root, "  - photo: {id: guanyinqiao", photo + "  - photo: {id: guanyinqiao")
    update(root)
    catalog = catalog_of(root, "en")
    back = entry(catalog, REMOVED)
    assert (back.string, back.fuzzy) == (original.string, False)
    assert not catalog.obsolete
    # all entries as they were (the header's dates tell of the two updates)
    assert _body(root / "translations" / "en.po") == _body(ROOT / "translations" / "en.po")


def _body(path: Path) -> bytes:
    return path.read_bytes().split(b"\n\n", 1)[1]
