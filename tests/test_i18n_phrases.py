"""Figure words as whole phrases, from the catalogs jbreport ships (src/jbreport/locale/):
each combination a language words its own way is one message (i18n/phrases.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from jbreport.i18n import figures as nb
from jbreport.i18n.formatting import format_figure
from jbreport.i18n.parsing import parse_number
from jbreport.i18n.phrases import GROWTH, QUALIFIERS, UP, Direction, phrases
from jbreport.po.lookup import Catalogs, shipped_catalogs

SHIPPED = Catalogs(Path("translations"), {}, shipped_catalogs())
ABOUT, OVER, EST = nb.Qualifier.ABOUT, nb.Qualifier.OVER, nb.Qualifier.ESTIMATE


def money(value: str, currency: str = "CNY", **kw: object) -> nb.Figure:
    return nb.Figure(nb.Kind.MONEY, parse_number(value, "zh"), currency=currency, **kw)  # type: ignore[arg-type]


def growth(value: str, **kw: object) -> nb.Figure:
    return nb.Figure(nb.Kind.GROWTH, Decimal(value), **kw)  # type: ignore[arg-type]


def points(value: str) -> nb.Figure:
    return nb.Figure(nb.Kind.POINTS, Decimal(value))


def written(tag: str, figure: nb.Figure, qualified: bool = False) -> str:
    text = format_figure(figure, tag, SHIPPED.lookup(tag, "en"), qualified=qualified)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("tag", "figure", "qualified", "expected"),
    [
        # French elides and agrees as a translator writes it: d'environ, 0 yuan, de yuans
        ("fr", growth("3", qualifier=ABOUT), True, "en hausse d’environ 3 %"),
        ("fr", growth("3", qualifier=ABOUT), False, "en hausse de 3 %"),
        ("fr", growth("-7.5", qualifier=EST), True, "en baisse estimée à 7,5 %"),
        ("fr", money("0"), False, "0 yuan"),
        ("fr", money("2"), False, "2 yuans"),
        ("fr", money("302.5亿"), False, "30,25 milliards de yuans"),
        ("fr", money("100万"), False, "1 million de yuans"),
        ("fr", money("150万", "EUR"), False, "1,5 million d’euros"),
        ("fr", money("1600亿", qualifier=ABOUT), True, "environ 160 milliards de yuans"),
        ("fr", points("1.5"), False, "1,5 point de pourcentage"),
        ("fr", growth("0.01", decimals=1, qualifier=ABOUT), True, "quasi stable"),
        ("de", growth("3", qualifier=ABOUT), True, "ein Plus von rund 3 %"),
        ("de", money("1.9万亿", qualifier=OVER), True, "mehr als 1,9 Billionen Yuan"),
        ("es", money("302.5亿"), False, "30,25 mil millones de yuanes"),
        ("es", growth("-7.5"), False, "una caída del 7,5 %"),
        ("pt", growth("3", qualifier=ABOUT), True, "alta de cerca de 3%"),
        ("it", money("302.5亿"), False, "30,25 miliardi di yuan"),
        ("ru", money("1"), False, "1 юань"),
        ("ru", money("3"), False, "3 юаня"),
        ("ru", money("5"), False, "5 юаней"),
        ("ru", money("302.5亿"), False, "30,25 миллиарда юаней"),
        ("ar", money("2"), False, "يوانان"),  # the dual says its number in words
        ("ar", points("2"), False, "نقطتان مئويتان"),
        ("ar", money("302.5亿"), False, "30.25 مليار يوان"),
        ("ja", growth("3", qualifier=ABOUT), True, "約3%増"),
        ("ja", money("302.5亿"), False, "302.5億元"),
        ("ko", growth("-7.5"), False, "7.5% 감소"),
        ("zh", growth("11", qualifier=EST), True, "预计增长11%"),
        ("zh", growth("0", qualifier=ABOUT), True, "基本持平"),
        ("zh_Hant", money("302.5亿"), False, "人民幣302.5億元"),  # 元 alone is NT$ in Taiwan
        ("zh_TW", money("302.5亿"), False, "人民幣302.5億元"),
        ("en_GB", growth("3", qualifier=EST), True, "up an estimated 3%"),
        ("fr_CA", growth("3", qualifier=ABOUT), True, "en hausse d’environ 3 %"),  # fr_CA → fr
    ],
)
def test_shipped_phrases(tag: str, figure: nb.Figure, qualified: bool, expected: str) -> None:
    assert written(tag, figure, qualified) == expected


def test_a_catalog_without_the_whole_phrase_nests_its_two_patterns() -> None:
    """A project catalog from before the whole phrases (up, about): 增长约3% as it printed."""
    catalog = Catalog(locale="sw")
    catalog.add(UP, "kupanda {percent}", context="figure")
    catalog.add(QUALIFIERS[ABOUT], "takriban {figure}", context="qualifier")
    lookup = Catalogs(Path("translations"), {"sw": catalog}).lookup("sw", "en")
    assert format_figure(growth("3", qualifier=ABOUT), "sw", lookup, qualified=True) == (
        "kupanda takriban 3%"
    )


def test_untranslated_qualifiers_take_cldr_signs() -> None:
    """A language with no catalog: CLDR's approximately sign, the at-least pattern."""
    lookup = Catalogs(Path("translations"), {}).lookup("sw", "en")
    about = format_figure(money("1600亿", qualifier=ABOUT), "sw", lookup, qualified=True)
    assert about.startswith("~") and "bilioni" in about
    over = format_figure(money("1.9万亿", qualifier=OVER), "sw", lookup, qualified=True)
    assert over.endswith("+")


def test_every_growth_combination_is_one_message() -> None:
    assert len(GROWTH) == len(Direction) * (len(nb.Qualifier) + 1)
    assert {p.msgid for p in phrases()} >= set(GROWTH.values())


def test_a_currency_no_catalog_names_takes_cldr_s_name() -> None:
    """An English-source report in Chinese: 12亿英镑, not GBP 12亿."""
    assert written("zh", money("12亿", "GBP")) == "12亿英镑"
    assert written("ja", money("12亿", "GBP")) == "12億英国ポンド"


def test_a_catalog_without_roughly_unchanged_says_unchanged() -> None:
    catalog = Catalog(locale="sw")
    catalog.add("unchanged", "bila mabadiliko", context="figure")
    lookup = Catalogs(Path("translations"), {"sw": catalog}).lookup("sw", "en")
    zero = growth("0", qualifier=ABOUT)
    assert format_figure(zero, "sw", lookup, qualified=True) == "bila mabadiliko"
    assert written("en_GB", zero, True) == "roughly unchanged"
