"""`translations check`: placeholders, completeness, figures written in free text (万/亿 against
million/billion, points against per cent, dates in either order) and the glossary."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from conftest import ROOT, copy_project
from jbreport.cli import main
from jbreport.errors import TranslationError
from jbreport.i18n.reading import figures_in
from jbreport.po.io import read_catalog, save_catalog
from jbreport.po.template import new_catalog
from jbreport.translations.checks import figure_problems, load_glossary
from jbreport.translations.commands import check

REPORT = "jiangbei-2023"

# (Chinese source, English translation, whether the check must flag it)
FIGURES = [
    ("签约投资302.5亿元", "investment of 302.5 billion", True),
    ("签约投资302.5亿元", "investment of CNY 30.25 billion", False),
    ("签约投资302.5亿元", "investment of 30.25 billion yuan", False),
    ("签约投资302.5亿元", "investment of CNY 30,250,000,000", False),
    ("新增就业5.5万人", "5,500 new jobs", True),
    ("新增就业5.5万人", "55 million new jobs", True),
    ("新增就业5.5万人", "55,000 new jobs", False),
    ("新增就业5.5万人", "55 thousand new jobs", False),
    ("存贷款余额超1.9万亿元", "deposits and loans of over CNY 1.9 trillion", False),
    ("存贷款余额超1.9万亿元", "deposits and loans of over CNY 1.9 billion", True),
    ("增长65.97%", "up 65.79%", True),
    ("增长65.97%", "up 65.97%", False),
    ("增长65.97%", "up 65.97 per cent", False),
    ("提高1.2个百分点", "up 1.2%", True),
    ("提高1.2个百分点", "up 1.2 percentage points", False),
    ("提高1.2个百分点", "up 1.2 pp", False),
    ("2022年12月26日开工", "work began on 26 December 2022", False),
    ("2022年12月26日开工", "work began on December 26, 2022", False),
    ("2022年12月26日开工", "work began on Dec. 26, 2022", False),
    ("2022年12月26日开工", "work began on December 25, 2022", True),
    ("2022年12月26日开工", "work began on December 26, 2021", True),
    ("2022年12月开工", "work began in December 2022", False),
    ("12月26日开工", "work began on December 26", False),
    ("2月召开", "held in February", False),
    ("2月召开", "held in March", True),
    ("6个月建成", "built in 6 months", False),
    ("全长11.2公里", "11.2 km long", False),
    ("全长11.2公里", "11.2 kilometres long", False),
    ("全长11.2公里", "11.2 miles long", True),
    ("全长11.2公里", "12.2 km long", True),
    ("发动“小马”2213名", "2,213 “little horses” were mobilized", False),
    ("发动“小马”2,213名", "2213 “little horses” were mobilized", False),
    ("发动“小马”2213名", "2,231 “little horses” were mobilized", True),
    ("2022江北嘴新金融峰会", "the 2022 Jiangbeizui New Finance Summit", False),
    ("首批{first_batch_projects}签约", "the first {first_batch_projects} were signed", False),
    ("中心城区前列", "the district may rank among the first", False),
    ("10条措施", "10 Measures", False),
    ("10条措施", "Ten Measures", True),  # a figure of the source must be written in digits
]


@pytest.mark.parametrize(("source", "translation", "flagged"), FIGURES)
def test_figures_in_free_text(source: str, translation: str, flagged: bool) -> None:
    problems = figure_problems(source, translation)
    assert bool(problems) == flagged, problems
    if flagged:
        assert problems[0].startswith("figures differ: source has ")


def test_figures_are_values_with_dimensions() -> None:
    from decimal import Decimal

    assert figures_in("投资302.5亿元，增长3%，提高1.2个百分点，全长11.2公里", "zh") == {
        ("number", Decimal("3.025E+10")): 1,
        ("percent", Decimal(3)): 1,
        ("points", Decimal("1.2")): 1,
        ("km", Decimal("11.2")): 1,
    }
    assert figures_in("On 26 December 2022, CNY 30.25 billion") == {
        ("day", Decimal(26)): 1,
        ("month", Decimal(12)): 1,
        ("year", Decimal(2022)): 1,
        ("number", Decimal("3.025E+10")): 1,
    }


@pytest.mark.parametrize(
    ("source", "translation", "flagged"),
    [
        ("签约投资302.5亿元", "30,25 milliards CNY", False),
        ("签约投资302.5亿元", "302,5 milliards CNY", True),
        ("存贷款余额1.9万亿元", "1,9 billion CNY", False),  # a French billion is 10^12
        ("新增就业5.5万人", "55\u202f000 emplois", False),
        ("增长65.97%", "hausse de 65,97\u00a0%", False),
        ("2022年12月26日开工", "le 26 décembre 2022", False),
        ("2022年12月26日开工", "le 25 décembre 2022", True),
    ],
)
def test_figures_in_french(source: str, translation: str, flagged: bool) -> None:
    assert bool(figure_problems(source, translation, "zh", "fr")) == flagged


# (source, its language, translation, its language, whether the check must flag it): scale
# words, separators and kilometres of any language, from its CLDR data
FIGURES_IN_OTHER_LANGUAGES = [
    ("签约投资302.5亿元", "zh", "签约投资302.5億元", "zh_Hant", False),
    ("签约投资302.5亿元", "zh", "签约投资302.5萬元", "zh_Hant", True),
    ("存贷款余额3万亿元", "zh", "預貸金残高3兆円", "ja", False),
    ("存贷款余额3万亿元", "zh", "預貸金残高3億円", "ja", True),
    ("新增就业5.5万人", "zh", "新規雇用5.5万人", "ja", False),
    ("签约投资302.5亿元", "zh", "Investitionen von 30,25 Milliarden CNY", "de", False),
    ("签约投资302.5亿元", "zh", "Investitionen von 30,25 Mrd. CNY", "de", False),
    ("签约投资302.5亿元", "zh", "Investitionen von 302,5 Milliarden CNY", "de", True),
    ("签约投资302.5亿元", "zh", "Investitionen von 30.25 Milliarden CNY", "de", True),
    ("存贷款余额3万亿元", "zh", "Einlagen von 3 Billionen CNY", "de", False),  # 10^12
    ("新增就业5.5万人", "zh", "55.000 neue Arbeitsplätze", "de", False),
    ("全长11.2公里", "zh", "11,2 Kilometer lang", "de", False),
    ("存贷款余额3万亿元", "zh", "depósitos de 3 billones de CNY", "es", False),
    ("存贷款余额3万亿元", "zh", "depósitos de 3 mil millones de CNY", "es", True),
    ("签约投资302.5亿元", "zh", "inversión de 30.250 millones de CNY", "es", False),
    ("签约投资302.5亿元", "zh", "inversión de 30,25 mil millones de CNY", "es", False),
    ("签约投资302.5亿元", "zh", "302.5억 위안 투자", "ko", False),
    ("签约投资302.5亿元", "zh", "302.5억원 투자", "ko", False),
    ("签约投资302.5亿元", "zh", "302.5만 위안 투자", "ko", True),
    ("存贷款余额3万亿元", "zh", "예금 3조 위안", "ko", False),
    ("全长11.2公里", "zh", "길이 11.2킬로미터", "ko", False),
    ("全长11.2公里", "zh", "длина 11,2 км", "ru", False),
    ("签约投资302.5亿元", "zh", "investment of CNY 30.25B", "en", False),
    ("签约投资302.5亿元", "zh", "investment of CNY 30.25b", "en", True),  # not an abbreviation
    ("2022年签约投资302.5亿元", "zh", "2022 M&A of CNY 30.25 billion", "en", False),
    ("签约投资302.5亿元", "zh", "investment of CNY 30.25B.", "en", False),
    # a one-letter abbreviation only attached to its number: "Building 5 B" is a building
    ("位于5号楼B座", "zh", "in Building 5 B", "en", False),
    ("签约投资302.5亿元", "zh", "investment of CNY 30.25 B", "en", True),
    ("签约投资302.5億元", "zh_Hant", "investment of CNY 30.25 billion", "en", False),
    ("Investitionen von 30,25 Mrd. CNY", "de", "inversión de 30,25 mil millones", "es", False),
]


@pytest.mark.parametrize(
    ("source", "source_language", "translation", "language", "flagged"),
    FIGURES_IN_OTHER_LANGUAGES,
)
def test_figures_in_any_language(
    source: str, source_language: str, translation: str, language: str, flagged: bool
) -> None:
    problems = figure_problems(source, translation, source_language, language)
    assert bool(problems) == flagged, problems


def test_a_wrong_scale_word_is_reported_with_both_values() -> None:
    # a Spanish billón is 10^12 and mil millones 10^9; English billion is no guide
    assert figure_problems("存贷款余额3万亿元", "depósitos de 3 mil millones", "zh", "es") == [
        "figures differ: source has 3000000000000; translation has 3000000000"
    ]
    assert figure_problems("签约投资302.5亿元", "302,5 Milliarden", "zh", "de") == [
        "figures differ: source has 30250000000; translation has 302500000000"
    ]


# -- the check of whole catalogs ------------------------------------------------------------


LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$")


def located(problems: list[str], path: Path) -> dict[str, list[str]]:
    """Problems by the msgctxt of the entry their line points at (its msgstr line, where a
    build and msgfmt report them too)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: dict[str, list[str]] = {}
    for problem in problems:
        match = LINE.match(problem)
        if match is None:
            out.setdefault("", []).append(problem)
            continue
        assert Path(match["file"]).resolve() == path.resolve(), problem
        number = int(match["line"])
        assert lines[number - 1].startswith("msgstr"), (problem, lines[number - 1])
        above = next(n for n in range(number - 1, 0, -1) if lines[n - 1].startswith("msgid "))
        context = re.fullmatch(r'msgctxt "(.*)"', lines[above - 2])
        assert context is not None, problem
        out.setdefault(context[1], []).append(match["message"])
    return out


@pytest.mark.slow
def test_the_finished_translation_has_no_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert check(ROOT) == []
    assert main(["-C", str(ROOT), "translations", "check"]) == 0
    assert capsys.readouterr().out.strip() == "no problems"


@pytest.mark.slow
def test_check_lists_each_problem_at_its_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    path = root / "translations" / "en.po"
    catalog = read_catalog(path)
    by_context = {m.context: m for m in catalog if m.id}
    placeholder = by_context[f"{REPORT}/sections/livelihood/2"]
    assert "{new_jobs}" in placeholder.string
    placeholder.string = placeholder.string.replace("{new_jobs}", "55,000")
    figure = by_context[f"{REPORT}/sections/reform-opening/1"]
    assert "10 Measures" in figure.string
    figure.string = figure.string.replace("10 Measures", "12 Measures")
    by_context[f"{REPORT}/sections/livelihood/1"].string = ""
    by_context[f"{REPORT}/sections/city-quality/1"].flags.add("fuzzy")
    save_catalog(path, catalog)

    problems = check(root)
    found = located(problems, path)
    assert found.pop(f"{REPORT}/sections/livelihood/2") == [
        "placeholders differ: the translation lacks {new_jobs} "
        f"(msgctxt '{REPORT}/sections/livelihood/2')",
        f"figures differ: translation has 55000 (msgctxt '{REPORT}/sections/livelihood/2')",
    ]
    assert found.pop(f"{REPORT}/sections/reform-opening/1") == [
        "figures differ: source has 10; translation has 12 "
        f"(msgctxt '{REPORT}/sections/reform-opening/1')"
    ]
    assert found.pop(f"{REPORT}/sections/livelihood/1") == [
        f"untranslated (msgctxt '{REPORT}/sections/livelihood/1')"
    ]
    assert found.pop(f"{REPORT}/sections/city-quality/1") == [
        f"fuzzy: translation needs review (msgctxt '{REPORT}/sections/city-quality/1')"
    ]
    (summary,) = found.pop("")
    assert summary.endswith("en.po: 1 untranslated, 1 fuzzy")
    assert not found

    # content edited without `translations update`: check says so, at the content line
    yaml_path = root / "content" / "jiangbei-2023.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(text.replace("新春的第一场大会", "新年的第一场大会"), encoding="utf-8")
    stale = [p for p in check(root) if "run `jbreport translations update`" in p]
    assert len(stale) == 1 and re.match(r".*jiangbei-2023\.yaml:\d+: .* is not in ", stale[0]), (
        stale
    )
    yaml_path.write_text(text, encoding="utf-8")

    assert main(["-C", str(root), "translations", "check"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == problems
    # the summary line counts entries already listed, not a problem of its own
    assert f"{len(problems) - 1} problem(s)" in captured.err


@pytest.mark.slow
def test_check_given_files_checks_those_whatever_their_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    # a vendor's English file, named for its client's language
    vendor = tmp_path / "delivery-fr.po"
    shutil.copy(ROOT / "translations" / "en.po", vendor)
    assert check(root, [vendor]) == []
    assert main(["-C", str(root), "translations", "check", str(vendor)]) == 0
    capsys.readouterr()
    # in the project, a catalog must be named for its language
    shutil.copy(vendor, root / "translations" / "fr.po")
    (problem,) = check(root)
    assert problem.endswith("fr.po:1: the file is named for 'fr' but its header says Language: en")
    assert check(root, [root / "translations" / "fr.po"]) == []
    assert main(["-C", str(root), "translations", "check"]) == 1
    # several files at once, each with its problems
    broken = tmp_path / "broken.po"
    broken.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "x\n', encoding="utf-8")
    problems = check(root, [vendor, broken])
    assert len(problems) == 1 and re.search(r"broken\.po:5: PO syntax error", problems[0])


def vendor_catalog(path: Path, entries: list[tuple[str, str]], language: str = "en") -> Path:
    catalog: Catalog = new_catalog(language)
    for number, (source, translation) in enumerate(entries, start=1):
        flags = ["python-brace-format"] if "{" in source else []
        catalog.add(
            source,
            translation,
            context=f"v/{number}",
            flags=flags,
            auto_comments=["source language: zh"],
        )
    save_catalog(path, catalog)
    return path


def test_check_of_figures_through_a_whole_catalog(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    path = vendor_catalog(tmp_path / "figures.po", [(s, t) for s, t, _ in FIGURES])
    found = located(check(root, [path]), path)
    flagged = {f"v/{i}" for i, (_s, _t, bad) in enumerate(FIGURES, start=1) if bad}
    assert set(found) == flagged
    for context in flagged:
        assert found[context][0].startswith("figures differ: ")


def test_check_of_placeholders(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    entries = [
        ("共{count}个", "{count} in all"),
        ("共{count}个", "{cuont} in all"),
        ("共{count}个", "all of them"),
        ("共{count}个", "{count} in all, {count} counted"),
        ("共{count}个", "{count in all"),
        ("{a}和{b}", "{b} and {a}"),
        ("字面{{括号}}", "literal {{braces}}"),
    ]
    path = vendor_catalog(tmp_path / "placeholders.po", entries)
    found = located(check(root, [path]), path)
    assert sorted(found) == ["v/2", "v/3", "v/5"]
    assert found["v/2"][0].startswith(
        "placeholders differ: the translation lacks {count} and uses {cuont}, which the"
    )
    assert found["v/3"][0].startswith("placeholders differ: the translation lacks {count} (msgctxt")
    assert found["v/5"][0].startswith("malformed placeholder")


def test_glossary_terms_must_be_rendered_as_required(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "translations" / "glossary.yaml").write_text(
        "- {source: 江北嘴, en: Jiangbeizui, note: not Jiangbei Mouth}\n"
        "- {source: 观音桥, fr: Guanyinqiao}\n",
        encoding="utf-8",
    )
    entries = [
        ("江北嘴滨江公园", "Jiangbei Mouth Riverside Park"),
        ("江北嘴滨江公园", "Jiangbeizui Riverside Park"),
        ("江北嘴滨江公园", "JIANGBEIZUI RIVERSIDE PARK"),
        ("观音桥商圈", "Guanyin Bridge Business District"),  # the term asks nothing of English
    ]
    path = vendor_catalog(tmp_path / "glossary.po", entries)
    found = located(check(root, [path]), path)
    assert found == {
        "v/1": [
            "glossary: 江北嘴 must be rendered 'Jiangbeizui' (not Jiangbei Mouth) (msgctxt 'v/1')"
        ]
    }
    french = vendor_catalog(tmp_path / "fr.po", entries, language="fr")
    found = located(check(root, [french]), french)
    assert found["v/4"] == ["glossary: 观音桥 must be rendered 'Guanyinqiao' (msgctxt 'v/4')"]
    assert "v/1" not in found


def test_the_project_glossary_is_read_and_a_broken_one_refused(tmp_path: Path) -> None:
    terms = load_glossary(ROOT / "translations")
    assert {"江北嘴", "观音桥"} <= {t.source for t in terms}
    assert next(t for t in terms if t.source == "江北嘴").required == {"en": "Jiangbeizui"}
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "glossary.yaml").write_text("- {en: Jiangbei}\n", encoding="utf-8")
    with pytest.raises(TranslationError, match="'source'") as info:
        load_glossary(folder)
    assert info.value.location is not None and info.value.location.line == 1


def test_check_without_catalogs_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    with pytest.raises(TranslationError, match="no catalog to check"):
        check(tmp_path)


def test_check_covers_table_cells_and_list_items(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    path = root / "translations" / "en.po"
    catalog = read_catalog(path)
    where = "nanan-2023-11/sections/consumption"
    item = catalog.get("弹子石商圈新开业品牌首店{flagship_stores}余家。", f"{where}/list-1/3.2")
    cell = catalog.get("其中：网上零售额", f"{where}/retail-by-sector/rows/5/1")
    assert item is not None and cell is not None
    item.string = "Brands opened their first stores in the Danzishi business district."
    cell.string = ""
    save_catalog(path, catalog)
    problems = check(root)
    assert any("{flagship_stores}" in p and "list-1/3.2" in p for p in problems), problems
    assert any("untranslated" in p and "rows/5/1" in p for p in problems), problems
