"""`translations check` in every language jbreport ships: no false alarm on correct
translations (ordinals, CJK numerals, plural forms that say their number in words), and a
changed currency, direction or qualifier reported like a wrong digit."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from jbreport.i18n.phrases import Direction
from jbreport.po.lookup import Catalogs, shipped_catalogs
from jbreport.po.template import new_catalog
from jbreport.translations.checks import check_catalog, figure_problems
from jbreport.translations.vocabulary import Vocabularies

VOCABULARIES = Vocabularies(Catalogs(Path("translations"), {}, shipped_catalogs()))
SOURCE = "投资总金额302.5亿元、增长约3%，存贷款余额超1.9万亿元"
# the same sentence, correctly translated
CORRECT = {
    "en": "investment of CNY 30.25 billion, up about 3%, deposits of more than CNY 1.9 trillion",
    "fr": "des investissements de 30,25 milliards de yuans, en hausse d’environ 3 %,"
    " des dépôts de plus de 1,9 billion de yuans",
    "de": "Investitionen von 30,25 Milliarden Yuan, ein Plus von rund 3 %,"
    " Einlagen von mehr als 1,9 Billionen Yuan",
    "es": "una inversión de 30,25 mil millones de yuanes, un aumento de alrededor del 3 %,"
    " depósitos de más de 1,9 billones de yuanes",
    "pt": "investimento de 30,25 bilhões de yuans, alta de cerca de 3%,"
    " depósitos de mais de 1,9 trilhão de yuans",
    "it": "investimenti per 30,25 miliardi di yuan, in crescita di circa il 3%,"
    " depositi per oltre 1,9 mila miliardi di yuan",
    "ru": "инвестиции в 30,25 миллиарда юаней, рост примерно на 3 %,"
    " депозиты более 1,9 триллиона юаней",
    "ar": "استثمارات بقيمة 30.25 مليار يوان، بارتفاع نحو 3%، وودائع أكثر من 1.9 ترليون يوان",
    "ja": "投資総額302.5億元、約3%増、預金残高1.9兆元超",
    "ko": "총투자액 302.5억 위안, 약 3% 증가, 예대 잔액 1.9조 위안 이상",
    "zh_Hant": "投資總金額人民幣302.5億元、增長約3%，存貸款餘額超過人民幣1.9萬億元",
}


def problems(
    source: str, translation: str, language: str, source_language: str = "zh"
) -> list[str]:
    words = VOCABULARIES.words(source_language, language, Catalog(locale=language))
    return figure_problems(source, translation, source_language, language, words)


@pytest.mark.parametrize("language", sorted(CORRECT))
def test_a_correct_translation_raises_no_alarm(language: str) -> None:
    assert problems(SOURCE, CORRECT[language], language) == []


@pytest.mark.parametrize(
    ("source", "translation", "language", "kind"),
    [
        ("投资302.5亿元", "investment of USD 30.25 billion", "en", "currency"),
        ("投资302.5亿元", "des investissements de 30,25 milliards de dollars", "fr", "currency"),
        ("投资302.5亿元", "投資総額302.5億ドル", "ja", "currency"),
        ("增长3%", "down 3%", "en", "direction"),
        ("增长3%", "en baisse de 3 %", "fr", "direction"),
        ("下降7.5%", "ein Plus von 7,5 %", "de", "direction"),
        ("增长3%", "3%減", "ja", "direction"),
        ("增长3%", "снижение на 3 %", "ru", "direction"),
        ("超1.9万亿元", "less than CNY 1.9 trillion", "en", "qualifier"),
        ("超1.9万亿元", "moins de 1,9 billion de yuans", "fr", "qualifier"),
        ("约1600亿元", "exactly CNY 160 billion", "en", "qualifier"),
        ("约1600亿元", "genau 160 Milliarden Yuan", "de", "qualifier"),
        ("不到5%", "más de 5 %", "es", "qualifier"),
    ],
)
def test_a_changed_currency_direction_or_qualifier_is_reported(
    source: str, translation: str, language: str, kind: str
) -> None:
    found = problems(source, translation, language)
    assert any(p.startswith(f"{kind} differs") for p in found), found


def test_the_direction_of_a_growth_field_comes_from_the_content() -> None:
    """{gdp_growth} is a rise (the content says 3): "down {gdp_growth}" is a fall."""
    words = Vocabularies(VOCABULARIES.catalogs, {"gdp_growth": Direction.UP})
    said = words.words("zh", "en", Catalog(locale="en"))
    source = "地区生产总值{gdp_growth}"
    assert figure_problems(source, "GDP down {gdp_growth}", "zh", "en", said) == [
        "direction differs: the source says up for {gdp_growth}, the translation down"
    ]
    assert figure_problems(source, "GDP rose {gdp_growth}", "zh", "en", said) == []


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [
        ("首批签约项目", "第1弾の契約プロジェクト", "ja"),
        ("总量居全市第三", "総額は市内3位", "ja"),
        ("总量居全市第三", "ranks third in the city", "en"),
        ("首批{n}签约", "the first {n} were signed", "en"),
        ("“三个翻番”目标", "the goal of “3 doublings”", "en"),
        ("3个重点项目", "三つの重点プロジェクト", "ja"),
        ("第3届", "the 3rd edition", "en"),
        ("第3届", "la 3e édition", "fr"),
        ("set up 5 teams", "成立5个团队", "zh"),
    ],
)
def test_ordinals_and_numerals_raise_no_alarm(source: str, translation: str, language: str) -> None:
    source_language = "en" if source.isascii() else "zh"
    assert problems(source, translation, language, source_language) == []


def test_a_different_ordinal_is_reported() -> None:
    assert problems("总量居全市第三", "総額は市内2位", "ja")[0].startswith("figures differ")


def test_arabic_plural_forms_that_say_their_number_in_words_pass() -> None:
    catalog = new_catalog("ar")
    catalog.add(
        ("{count} project", "{count} projects"),
        (
            "{count} مشروع",
            "مشروع واحد",
            "مشروعان",
            "{count} مشاريع",
            "{count} مشروعا",
            "{count} مشروع",
        ),
        context="r/figures/n/noun",
    )
    catalog.add(
        ("{count} item", "{count} items"),
        ("{count} بند", "بند واحد", "بندان", "بنود", "{count} بندا", "{count} بند"),
        context="r/figures/m/noun",
    )
    found = [p.message for p in check_catalog(catalog, [])]
    # the form for 3-10 serves many numbers: it must keep {count}
    assert found == [
        "placeholders differ: the translation lacks {count} (msgctxt 'r/figures/m/noun')"
    ]


def test_untranslated_words_a_shipped_catalog_serves_are_no_problem() -> None:
    catalog = new_catalog("fr")
    catalog.add("Key figures", "", context="layout")
    catalog.add("Unknown word", "", context="layout")
    found = [p.message for p in check_catalog(catalog, [], None, VOCABULARIES)]
    assert found == ["untranslated (msgctxt 'layout')", "1 untranslated, 0 fuzzy"]


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("استثمارات بقيمة ٣٠٫٢٥ مليار يوان", False),  # Arabic-Indic digits, CLDR's native system
        ("استثمارات بقيمة 30.25 مليار يوان", False),
        ("استثمارات بقيمة ٣٠٫٥٢ مليار يوان", True),
    ],
)
def test_arabic_indic_digits_are_read(translation: str, flagged: bool) -> None:
    assert bool(problems("投资302.5亿元", translation, "ar")) is flagged
