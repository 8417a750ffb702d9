"""The catalogue of attacks: each a way to spoil the skeleton project, the command run on it,
the exit code expected and the start of the first line printed."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Setup = Callable[[Path], list[str]]


@dataclass(frozen=True)
class Case:
    name: str
    setup: Setup
    code: int
    first: str  # the first line printed contains this


CASES: list[Case] = []


def case(code: int, first: str) -> Callable[[Setup], Setup]:
    def register(setup: Setup) -> Setup:
        CASES.append(Case(setup.__name__, setup, code, first))
        return setup

    return register


# helpers


def content(root: Path) -> Path:
    return root / "content" / "mini.yaml"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def set_content(root: Path, old: str, new: str) -> None:
    edit(content(root), old, new)


def append_content(root: Path, text: str) -> None:
    with content(root).open("a", encoding="utf-8") as handle:
        handle.write(text)


def po(root: Path, lang: str = "en") -> Path:
    return root / "translations" / f"{lang}.po"


def set_header(root: Path, old: str, new: str, lang: str = "en") -> None:
    edit(po(root, lang), old, new)


def layout(root: Path, text: str) -> list[str]:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "brief.j2").write_text(text, encoding="utf-8")
    return build(root)


def build(root: Path, *more: str) -> list[str]:
    return ["build", "-o", str(root / "out"), "-f", "pdf", "-l", "zh", "--layout", "brief", *more]


def check(root: Path, lang: str = "en") -> list[str]:
    return ["translations", "check", str(po(root, lang))]


def update(_root: Path) -> list[str]:
    return ["translations", "update"]


BOMB = "".join(
    f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join([f'*{chr(96 + i)}'] * 9)}]\n" for i in range(1, 10)
)


# content: YAML


@case(3, "YAML aliases")
def yaml_alias_bomb(root: Path) -> list[str]:
    text = content(root).read_text(encoding="utf-8")
    content(root).write_text("a: &a lol\n" + BOMB + text)
    return build(root)


@case(3, "YAML aliases")
def yaml_alias_simple(root: Path) -> list[str]:
    set_content(root, "kicker: 江北区", "kicker: &k 江北区\nsubject: *k")
    return build(root)


@case(3, "nested deeper than")
def yaml_nesting_500(root: Path) -> list[str]:
    set_content(root, "kicker: 江北区", "kicker: " + "[" * 500 + "]" * 500)
    return build(root)


@case(3, "nesting depth")
def yaml_nesting_100000(root: Path) -> list[str]:
    set_content(root, "kicker: 江北区", "kicker: " + "[" * 100_000 + "]" * 100_000)
    return build(root)


@case(3, "nested deeper than")
def yaml_nesting_mappings(root: Path) -> list[str]:
    set_content(root, "kicker: 江北区", "kicker: " + "{a: " * 300 + "b" + "}" * 300)
    return build(root)


@case(3, "YAML tag")
def yaml_python_tag(root: Path) -> list[str]:
    set_content(root, "kicker: 江北区", "kicker: !!python/object/apply:os.system [id]")
    return build(root)


@case(3, "merge keys")
def yaml_merge_key(root: Path) -> list[str]:
    set_content(root, "kicker: 江北区", "kicker: {<<: {a: b}}")
    return build(root)


@case(3, "duplicate key 'kicker'")
def yaml_duplicate_key(root: Path) -> list[str]:
    set_content(root, "kicker: 江北区", "kicker: 江北区\nkicker: 江北")
    return build(root)


@case(3, "the file is empty")
def yaml_empty(root: Path) -> list[str]:
    content(root).write_text("")
    return build(root)


@case(3, "not UTF-8")
def yaml_latin1(root: Path) -> list[str]:
    content(root).write_bytes(content(root).read_bytes().replace("江北区".encode(), b"\xe9t\xe9"))
    return build(root)


@case(3, "must be a mapping")
def yaml_top_list(root: Path) -> list[str]:
    content(root).write_text("- a\n- b\n")
    return build(root)


@case(3, "larger than")
def yaml_huge_file(root: Path) -> list[str]:
    append_content(root, "# " + "x" * 17_000_000 + "\n")
    return build(root)


# content: lengths and counts


@case(3, "title has 300 characters")
def title_too_long(root: Path) -> list[str]:
    set_content(root, "title: 小报告", "title: " + "长" * 300)
    return build(root, "-f", "docx")


@case(3, "subject has 256 characters")
def subject_too_long(root: Path) -> list[str]:
    set_content(root, "subject: 投资", "subject: " + "长" * 256)
    return build(root)


@case(3, "keywords has 498 characters")
def keywords_too_long(root: Path) -> list[str]:
    set_content(root, "keywords: [投资, 项目]", "keywords: [" + ", ".join(["关键词"] * 100) + "]")
    return build(root)


@case(3, "authors has 498 characters")
def authors_too_long(root: Path) -> list[str]:
    set_content(root, "authors: [王彩艳, 杨敏]", "authors: [" + ", ".join(["王彩艳"] * 100) + "]")
    return build(root)


@case(3, "heading has 2,000 characters")
def heading_too_long(root: Path) -> list[str]:
    set_content(root, "heading: 第一部分", "heading: " + "长" * 2000)
    return build(root)


@case(3, "caption has 5,000 characters")
def caption_too_long(root: Path) -> list[str]:
    set_content(root, "caption: 工地", "caption: " + "长" * 5000)
    return build(root)


@case(3, "characters; a block holds at most")
def paragraph_too_long(root: Path) -> list[str]:
    set_content(root, "- 译文待审。", "- " + "长" * 200_001)
    return build(root)


@case(3, "sections")
def too_many_sections(root: Path) -> list[str]:
    many = "".join(f"  - {{id: s{i}, heading: 章, blocks: [文]}}\n" for i in range(10_001))
    set_content(root, "sections:\n", "sections:\n" + many)
    return build(root)


@case(3, "blocks")
def too_many_blocks(root: Path) -> list[str]:
    set_content(root, "      - 译文待审。", "      - 译文待审。\n" + "      - 文\n" * 50_001)
    return build(root)


@case(3, "figures")
def too_many_figures(root: Path) -> list[str]:
    many = "".join(f"  f{i}: {{kind: count, value: {i}}}\n" for i in range(20_001))
    set_content(root, "figures:\n", "figures:\n" + many)
    return build(root)


@case(3, "placeholders")
def too_many_placeholders(root: Path) -> list[str]:
    set_content(root, "- 译文待审。", '- "' + "{rise}" * 1001 + '"')
    return build(root)


@case(3, "digits")
def value_29_digits_full(root: Path) -> list[str]:
    set_content(root, "value: 42,", "value: 12345678901234567890123456789, scale: full,")
    return build(root)


@case(3, "digits")
def value_million_digits(root: Path) -> list[str]:
    set_content(root, "value: 42,", "value: " + "9" * 100_000 + ",")
    return build(root)


@case(3, "too many digits")
def value_huge_with_scale_word(root: Path) -> list[str]:
    set_content(root, "value: 42,", "value: 999999999999999999999999万亿, scale: full,")
    return build(root)


@case(3, "unknown scale word 'e400'")
def value_exponent(root: Path) -> list[str]:
    set_content(root, "value: 42,", "value: 1e400,")
    return build(root)


@case(3, "unknown scale word 'e-400'")
def value_tiny_exponent(root: Path) -> list[str]:
    set_content(root, "value: 5.2}", "value: 1e-400}")
    return build(root)


@case(3, "must be a plain name")
def placeholder_spec_in_content(root: Path) -> list[str]:
    set_content(root, "投资{rise}。", "投资{rise:>5}。")
    return build(root)


@case(3, "must be a plain name")
def placeholder_conversion_in_content(root: Path) -> list[str]:
    set_content(root, "投资{rise}。", "投资{rise!r}。")
    return build(root)


@case(3, "placeholder {rise.__class__} is not a figure name")
def placeholder_attribute_in_content(root: Path) -> list[str]:
    set_content(root, "投资{rise}。", "投资{rise.__class__}。")
    return build(root)


@case(3, "must be a plain name")
def placeholder_spec_in_noun(root: Path) -> list[str]:
    set_content(root, 'noun: "{count}个项目"', 'noun: "{count:>999999999}个项目"')
    return build(root)


@case(3, "expected '}' before end of string")
def placeholder_lone_brace(root: Path) -> list[str]:
    set_content(root, "投资{rise}。", "投资{rise。")
    return build(root)


@case(0, "wrote")
def pasted_controls(root: Path) -> list[str]:
    set_content(root, "投资{rise}。", '"投资\\0\\x0b{rise}\\u2028。"')
    return ["build", "-o", str(root / "out"), "-f", "pdf", "-l", "zh", "--layout", "factsheet"]


# catalogs


@case(3, "charset")
def po_charset_latin1(root: Path) -> list[str]:
    set_header(root, "charset=utf-8", "charset=ISO-8859-1")
    return update(root)


@case(3, "charset")
def po_charset_ascii(root: Path) -> list[str]:
    set_header(root, "charset=utf-8", "charset=ASCII")
    return update(root)


@case(3, "charset")
def po_charset_utf16(root: Path) -> list[str]:
    set_header(root, "charset=utf-8", "charset=UTF-16")
    return update(root)


@case(3, "charset")
def po_charset_unknown(root: Path) -> list[str]:
    set_header(root, "charset=utf-8", "charset=NO-SUCH-CODEC")
    return update(root)


@case(1, "charset")
def po_charset_check(root: Path) -> list[str]:
    set_header(root, "charset=utf-8", "charset=ISO-8859-1")
    return check(root)


@case(3, "duplicate")
def po_live_and_obsolete_duplicate(root: Path) -> list[str]:
    with po(root).open("a", encoding="utf-8") as handle:
        handle.write('\n#~ msgctxt "mini/title"\n#~ msgid "小报告"\n#~ msgstr "Old title"\n')
    return update(root)


@case(3, "duplicate")
def po_two_obsolete_duplicates(root: Path) -> list[str]:
    entry = '\n#~ msgctxt "mini/gone"\n#~ msgid "旧"\n#~ msgstr "Old {n}"\n'
    with po(root).open("a", encoding="utf-8") as handle:
        handle.write(entry + entry.replace("Old {n}", "Older"))
    return update(root)


@case(1, "duplicate")
def po_obsolete_duplicates_check(root: Path) -> list[str]:
    entry = '\n#~ msgctxt "mini/gone"\n#~ msgid "旧"\n#~ msgstr "Old"\n'
    with po(root).open("a", encoding="utf-8") as handle:
        handle.write(entry + entry)
    return check(root)


@case(3, "duplicate")
def po_two_live_duplicates(root: Path) -> list[str]:
    with po(root).open("a", encoding="utf-8") as handle:
        handle.write('\nmsgctxt "mini/title"\nmsgid "小报告"\nmsgstr "Other"\n')
    return build(root, "-l", "en")


@case(3, "nplurals")
def po_nplurals_huge(root: Path) -> list[str]:
    set_header(root, "nplurals=2;", "nplurals=999999999;")
    return update(root)


@case(3, "Plural-Forms")
def po_plural_forms_broken(root: Path) -> list[str]:
    set_header(root, "plural=(n != 1);", "plural=(n !=;")
    return update(root)


@case(3, "Plural-Forms")
def po_plural_forms_not_a_number(root: Path) -> list[str]:
    set_header(root, "nplurals=2;", "nplurals=two;")
    return build(root, "-l", "en")


@case(3, "unknown language 'xx-bogus'")
def po_language_bogus(root: Path) -> list[str]:
    set_header(root, "Language: en", "Language: xx-bogus")
    return update(root)


@case(3, "no Language field")
def po_language_missing(root: Path) -> list[str]:
    set_header(root, '"Language: en\\n"\n', "")
    return update(root)


@case(3, "CR")
def po_cr_only(root: Path) -> list[str]:
    po(root).write_bytes(po(root).read_bytes().replace(b"\n", b"\r"))
    return update(root)


@case(0, "updated")
def po_crlf(root: Path) -> list[str]:
    po(root).write_bytes(po(root).read_bytes().replace(b"\n", b"\r\n"))
    return update(root)


@case(3, "larger than")
def po_too_large(root: Path) -> list[str]:
    with po(root).open("a", encoding="utf-8") as handle:
        handle.write("# " + "x" * 34_000_000 + "\n")
    return update(root)


@case(3, "not UTF-8")
def po_not_utf8(root: Path) -> list[str]:
    po(root).write_bytes(po(root).read_bytes().replace(b"Jiangbei", b"\xe9"))
    return update(root)


@case(1, "must be a plain name")
def po_spec_in_translation_check(root: Path) -> list[str]:
    edit(po(root), '"Investment went {rise}."', '"Investment went {rise:>5}."')
    return check(root)


@case(3, "must be a plain name")
def po_spec_in_translation_build(root: Path) -> list[str]:
    edit(po(root), '"Investment went {rise}."', '"Investment went {rise!r}."')
    return build(root, "-l", "en")


@case(1, "must be a plain name")
def po_spec_in_figure_words_check(root: Path) -> list[str]:
    edit(po(root, "zh"), '"{amount}元"', '"{amount:>999999999}元"')
    return ["translations", "check", str(po(root, "zh"))]


@case(3, "must be a plain name")
def po_spec_in_figure_words_build(root: Path) -> list[str]:
    edit(po(root, "zh"), '"{amount}元"', '"{amount!r}元"')
    return build(root)


@case(3, "has 36,000 characters")
def po_translated_title_huge(root: Path) -> list[str]:
    edit(po(root), '"A small report"', '"' + "x" * 36_000 + '"')
    return build(root, "-l", "en")


@case(1, "this line is not a PO keyword")
def po_symlink_to_system_file(root: Path) -> list[str]:
    target = root.parent / "secret.po"
    target.write_text("root:x:0:0:TOPSECRET:/root:/bin/bash\n")
    os.symlink(target, po(root, "fr"))
    return check(root, "fr")


@case(3, "the glossary is a list of terms")
def glossary_not_a_list(root: Path) -> list[str]:
    (root / "translations" / "glossary.yaml").write_text("a: b\n")
    return ["translations", "check"]


@case(3, "source must be text, not a mapping")
def glossary_source_mapping(root: Path) -> list[str]:
    (root / "translations" / "glossary.yaml").write_text("- {source: {a: b}, en: x}\n")
    return ["translations", "check"]


@case(3, "YAML aliases")
def glossary_alias_bomb(root: Path) -> list[str]:
    (root / "translations" / "glossary.yaml").write_text("a: &a lol\n" + BOMB)
    return check(root)


# layouts


@case(3, "steps")
def layout_nested_loops(root: Path) -> list[str]:
    return layout(
        root, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )


@case(3, "steps")
def layout_loop_over_string(root: Path) -> list[str]:
    return layout(
        root, "{% for i in 'a' * 100000 %}{% for j in 'b' * 100000 %}{% endfor %}{% endfor %}"
    )


@case(3, "parts")
def layout_many_parts(root: Path) -> list[str]:
    return layout(root, "{% for i in range(100000) %}{{ part('lead') }}{% endfor %}")


@case(3, "too long")
def layout_string_multiplied(root: Path) -> list[str]:
    return layout(root, '{{ "a" * 10**11 }}')


@case(3, "a number too large")
def layout_huge_power(root: Path) -> list[str]:
    return layout(root, "{{ 2 ** 10000000 }}")


@case(3, "an argument too large")
def layout_range_list(root: Path) -> list[str]:
    return layout(root, "{{ range(10**9)|list }}")


@case(3, "output")
def layout_output_size(root: Path) -> list[str]:
    return layout(root, '{% for i in range(1000) %}{{ "x" * 100000 }}{% endfor %}')


@case(3, "calls itself")
def layout_self_extends(root: Path) -> list[str]:
    return layout(root, '{% extends "brief.j2" %}')


@case(3, "calls itself")
def layout_recursive_macro(root: Path) -> list[str]:
    return layout(root, "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}")


@case(3, "header() takes")
def layout_header_number(root: Path) -> list[str]:
    return layout(root, "{{ header(123) }}{{ part('cover') }}")


@case(3, "title must be")
def layout_part_title_number(root: Path) -> list[str]:
    return layout(root, "{{ part('toc', title=123) }}")


@case(0, "wrote")
def layout_footer_text(root: Path) -> list[str]:
    return layout(root, "{{ footer('Page {page}') }}{{ part('cover') }}")


@case(3, "footer() takes")
def layout_footer_number(root: Path) -> list[str]:
    return layout(root, "{{ footer(123) }}{{ part('cover') }}")


@case(3, "must be a plain name")
def layout_footer_spec(root: Path) -> list[str]:
    return layout(root, "{{ footer(_('第 {page:>999999999} 页')) }}{{ part('cover') }}")


@case(3, "must be a plain name")
def layout_word_conversion(root: Path) -> list[str]:
    return layout(root, "{{ words(byline=_('By {authors!r}')) }}{{ part('cover') }}")


@case(3, "unsafe")
def layout_sandbox_escape(root: Path) -> list[str]:
    return layout(root, "{{ ''.__class__.__mro__[1].__subclasses__() }}")


@case(3, "not found")
def layout_include_outside(root: Path) -> list[str]:
    return layout(root, "{% include '../../../../etc/passwd' %}")


@case(3, "template syntax error")
def layout_syntax_error(root: Path) -> list[str]:
    return layout(root, "{% for %}")


@case(3, "unknown part")
def layout_unknown_part(root: Path) -> list[str]:
    return layout(root, "{{ part('nope') }}")


# the command line


@case(2, "is not a folder")
def cli_project_is_a_file(root: Path) -> list[str]:
    return ["-C", str(content(root)), "build"]


@case(2, "does not exist")
def cli_project_missing(root: Path) -> list[str]:
    return ["-C", str(root / "nope"), "build"]


@case(2, "--jobs must be 1 or more")
def cli_jobs_zero(root: Path) -> list[str]:
    return build(root, "-j", "0")


@case(0, "wrote")
def cli_jobs_huge(root: Path) -> list[str]:
    return build(root, "-j", "100000")


@case(2, "no layout named '../../x'")
def cli_layouts_traversal(root: Path) -> list[str]:
    (root.parent / "x.j2").write_text("{{ part('cover') }}")
    return ["layouts", "../../x"]


@case(2, "no layout named '../x'")
def cli_build_layout_traversal(root: Path) -> list[str]:
    (root.parent / "x.j2").write_text("{{ part('cover') }}")
    return build(root, "--layout", "../x")


@case(2, "no report named")
def cli_report_traversal(root: Path) -> list[str]:
    return build(root, "-r", "../mini")


@case(3, "unknown language")
def cli_init_bogus(root: Path) -> list[str]:
    return ["translations", "init", "xx-bogus"]


@case(3, "unknown language")
def cli_init_traversal(root: Path) -> list[str]:
    return ["translations", "init", "../../x"]


@case(2, "no such PO file")
def cli_check_missing_file(root: Path) -> list[str]:
    return ["translations", "check", str(root / "nope.po")]


@case(4, "cannot write")
def cli_output_is_a_file(root: Path) -> list[str]:
    (root / "out").write_text("")
    return build(root)


@case(4, "cannot use as reference DOCX")
def cli_reference_docx_garbage(root: Path) -> list[str]:
    (root / "ref.docx").write_bytes(b"PK\x03\x04garbage")
    return build(root, "-f", "docx", "--reference-docx", str(root / "ref.docx"))


@case(0, "updated")
def symlinked_catalog_update(root: Path) -> list[str]:
    shared = root.parent / "shared.po"
    po(root).rename(shared)
    os.symlink(shared, po(root))
    set_content(root, "译文待审。", "译文待审，新句。")
    return update(root)


@case(0, "wrote")
def bilingual_long_titles(root: Path) -> list[str]:
    set_content(root, "title: 小报告", "title: " + "长" * 250)
    edit(po(root), '"A small report"', '"' + "x" * 250 + '"')
    return ["build", "-o", str(root / "out"), "-f", "docx", "-l", "zh+en", "--layout", "brief"]


@case(3, "figure 'f0': not a number: 'x0'")
def eight_thousand_problems(root: Path) -> list[str]:
    many = "".join(f"  f{i}: {{kind: count, value: x{i}}}\n" for i in range(8000))
    set_content(root, "figures:\n", "figures:\n" + many)
    return build(root)


@case(3, "a content file holds one YAML document")
def yaml_two_documents(root: Path) -> list[str]:
    append_content(root, "---\ntitle: 二\n")
    return build(root)


@case(3, "a key must be plain text")
def yaml_list_as_key(root: Path) -> list[str]:
    set_content(root, "kicker: 江北区", "? [a, b]\n: 江北区")
    return build(root)
