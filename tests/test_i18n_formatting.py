"""Figures written for each reader: the exact string per locale, kind, qualifier and boundary."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from jbreport.i18n import figures as nb
from jbreport.i18n.formatting import format_figure, format_list, format_number
from jbreport.i18n.locale import get_locale
from jbreport.i18n.parsing import parse_number, typed_precision
from jbreport.i18n.phrases import LIST_PAIR
from jbreport.po.lookup import Catalogs

NBSP = "\u00a0"


def _zh_words() -> Catalog:
    """The figure words of a Chinese catalog, as the sample project translates them."""
    catalog = Catalog(locale="zh")
    for context, msgid, string in (
        ("figure", "up {percent}", "增长{percent}"),
        ("figure", "down {percent}", "下降{percent}"),
        ("figure", "unchanged", "持平"),
        ("figure", "{first} and {second}", "{first} {second}"),
        ("qualifier", "about {figure}", "约{figure}"),
        ("qualifier", "more than {figure}", "超{figure}"),
        ("qualifier", "less than {figure}", "不到{figure}"),
        ("qualifier", "estimated {figure}", "预计{figure}"),
        ("money", "CNY {amount}", "{amount}元"),
        ("money", "USD {amount}", "{amount}美元"),
    ):
        catalog.add(msgid, string, context=context)
    catalog.add(
        ("{points} percentage point", "{points} percentage points"),
        ("{points}个百分点",),
        context="figure",
    )
    return catalog


CATALOGS = Catalogs(Path("translations"), {"zh": _zh_words()})


def messages(tag: str) -> nb.Messages:
    # the figure words are English in the source; other languages take them from their catalog
    return CATALOGS.lookup(tag, "en")


def D(text: str) -> Decimal:
    return Decimal(text)


def money(value: str, currency: str = "CNY", **kw: object) -> nb.Figure:
    return nb.Figure(nb.Kind.MONEY, parse_number(value, "zh"), currency=currency, **kw)  # type: ignore[arg-type]


def count(value: str, **kw: object) -> nb.Figure:
    return nb.Figure(nb.Kind.COUNT, parse_number(value, "zh"), **kw)  # type: ignore[arg-type]


def fig(kind: nb.Kind, value: str, **kw: object) -> nb.Figure:
    return nb.Figure(kind, D(value), **kw)  # type: ignore[arg-type]


def typed(kind: nb.Kind, text: str, **kw: object) -> nb.Figure:
    """A figure as the content reader makes it from ``text``: its typed digits kept."""
    value, precision = parse_number(text, "zh"), typed_precision(text, "zh")
    return nb.Figure(kind, value, precision=precision, **kw)  # type: ignore[arg-type]


def date(text: str, **kw: object) -> nb.Figure:
    return nb.Figure(nb.Kind.DATE, start=nb.PartialDate.parse(text), **kw)  # type: ignore[arg-type]


def months(a: str, b: str) -> nb.Figure:
    return nb.Figure(
        nb.Kind.MONTH_RANGE, start=nb.PartialDate.parse(a), end=nb.PartialDate.parse(b)
    )


def qty(value: str, unit: str, **kw: object) -> nb.Figure:
    return nb.Figure(nb.Kind.QUANTITY, D(value), unit=unit, **kw)  # type: ignore[arg-type]


ABOUT, OVER, UNDER, EST = (
    nb.Qualifier.ABOUT,
    nb.Qualifier.OVER,
    nb.Qualifier.UNDER,
    nb.Qualifier.ESTIMATE,
)
ZH_STYLE = nb.NumberStyle(min_grouping_digits=2)

CASES: list[tuple[str, nb.Figure, str, bool]] = [
    # (locale, figure, expected, qualified)
    # -- money: 亿 is a hundred million
    ("zh", money("302.5亿"), "302.5亿元", False),
    ("en", money("302.5亿"), f"CNY{NBSP}30.25 billion", False),
    # no catalog: CLDR's display name of the currency in its plural form (the shipped
    # catalogs say « 30,25 milliards de yuans »: test_i18n_phrases)
    ("fr", money("302.5亿"), "30,25 milliards yuans renminbi chinois", False),
    ("de", money("302.5亿"), "30,25 Milliarden Renminbi Yuan", False),
    ("zh", money("1.9万亿"), "1.9万亿元", False),
    ("en", money("1.9万亿"), f"CNY{NBSP}1.9 trillion", False),
    ("zh", money("2.95亿", "USD"), "2.95亿美元", False),
    ("en", money("2.95亿", "USD"), f"USD{NBSP}295 million", False),
    ("zh", money("1600亿"), "1600亿元", False),
    ("en", money("1600亿"), f"CNY{NBSP}160 billion", False),
    ("zh", money("50亿"), "50亿元", False),
    ("en", money("50亿"), f"CNY{NBSP}5 billion", False),
    ("zh", money("2.4亿"), "2.4亿元", False),
    ("en", money("2.4亿"), f"CNY{NBSP}240 million", False),
    ("en", money("615.6亿"), f"CNY{NBSP}61.56 billion", False),
    ("zh", money("9999"), "9999元", False),
    ("en", money("9999"), f"CNY{NBSP}9,999", False),
    ("en", money("750000", "EUR"), f"EUR{NBSP}750,000", False),
    ("fr", money("1500000", "EUR"), "1,5 million euro", False),
    ("en", money("302.5亿", scale="full"), f"CNY{NBSP}30,250,000,000", False),
    ("zh", money("302.5亿", scale="full"), "30,250,000,000元", False),
    # -- qualifiers, standing alone (key figures)
    ("zh", money("1600亿", qualifier=ABOUT), "约1600亿元", True),
    ("en", money("1600亿", qualifier=ABOUT), f"about CNY{NBSP}160 billion", True),
    ("zh", money("1.9万亿", qualifier=OVER), "超1.9万亿元", True),
    ("en", money("1.9万亿", qualifier=OVER), f"more than CNY{NBSP}1.9 trillion", True),
    ("zh", count("20", qualifier=UNDER), "不到20", True),
    ("en", count("20", qualifier=UNDER), "less than 20", True),
    ("zh", money("800亿", qualifier=EST), "预计800亿元", True),
    ("en", money("800亿", qualifier=EST), f"estimated CNY{NBSP}80 billion", True),
    ("en", money("800亿", qualifier=EST), f"CNY{NBSP}80 billion", False),
    ("zh", fig(nb.Kind.GROWTH, "3", qualifier=ABOUT), "增长约3%", True),
    ("en", fig(nb.Kind.GROWTH, "3", qualifier=ABOUT), "up about 3%", True),
    # -- counts: 万 is ten thousand
    ("zh", count("5.5万"), "5.5万", False),
    ("en", count("5.5万"), "55,000", False),
    ("fr", count("5.5万"), "55\u202f000", False),
    ("zh", count("34万"), "34万", False),
    ("en", count("34万"), "340,000", False),
    ("zh", count("100万"), "100万", False),
    ("en", count("100万"), "1 million", False),
    ("en", count("2213"), "2,213", False),
    ("zh", count("0"), "0", False),
    ("en", count("0"), "0", False),
    # -- boundaries
    ("zh", count("9999"), "9999", False),  # house style: no separator in 4 digits
    ("zh", count("10000"), "1万", False),
    ("zh", count("99990000"), "9999万", False),
    ("zh", count("100000000"), "1亿", False),
    ("zh", count("99995000", decimals=0), "1亿", False),
    ("zh", count("99994000", decimals=0), "9999万", False),
    ("en", count("999999"), "999,999", False),
    ("en", count("1000000"), "1 million", False),
    ("en", count("999999999", decimals=1), "1.0 billion", False),
    ("en", count("1234567", decimals=2), "1.23 million", False),
    ("en", count("1235000", decimals=2), "1.24 million", False),
    ("en", count("1230000", decimals=3), "1.230 million", False),
    ("hi", count("150000"), "1.5 लाख", False),
    ("ja", count("55000"), "5.5万", False),
    ("ko", count("55000"), "5.5만", False),
    # -- percent, points, growth
    ("zh", fig(nb.Kind.PERCENT, "97.57"), "97.57%", False),
    ("en", fig(nb.Kind.PERCENT, "97.57"), "97.57%", False),
    ("fr", fig(nb.Kind.PERCENT, "97.57"), "97,57\u00a0%", False),
    ("de", fig(nb.Kind.PERCENT, "95"), "95\u00a0%", False),
    ("en", fig(nb.Kind.PERCENT, "100"), "100%", False),
    ("en", fig(nb.Kind.PERCENT, "0.5"), "0.5%", False),
    ("en", fig(nb.Kind.PERCENT, "12.345", decimals=1), "12.3%", False),
    ("en", fig(nb.Kind.PERCENT, "12.5", decimals=2), "12.50%", False),
    ("zh", fig(nb.Kind.POINTS, "1.2"), "1.2个百分点", False),
    ("en", fig(nb.Kind.POINTS, "1.2"), "1.2 percentage points", False),
    ("en", fig(nb.Kind.POINTS, "1"), "1 percentage point", False),
    ("zh", fig(nb.Kind.POINTS, "1"), "1个百分点", False),
    ("zh", fig(nb.Kind.GROWTH, "3"), "增长3%", False),
    ("en", fig(nb.Kind.GROWTH, "3"), "up 3%", False),
    ("zh", fig(nb.Kind.GROWTH, "-7.5"), "下降7.5%", False),
    ("en", fig(nb.Kind.GROWTH, "-7.5"), "down 7.5%", False),
    ("zh", fig(nb.Kind.GROWTH, "65.97"), "增长65.97%", False),
    # a change that rounds to zero reads as the catalog says (issue 16)
    ("en", fig(nb.Kind.GROWTH, "0"), "unchanged", False),
    ("zh", fig(nb.Kind.GROWTH, "0"), "持平", False),
    ("en", fig(nb.Kind.GROWTH, "0.04", decimals=1), "unchanged", False),
    # bare: the sentence carries the verb (分别增长{a}和{b}); the size of the change alone
    ("zh", fig(nb.Kind.GROWTH, "12.5", wording="bare"), "12.5%", False),
    ("en", fig(nb.Kind.GROWTH, "-4.6", wording="bare"), "4.6%", False),
    ("zh", fig(nb.Kind.GROWTH, "3", wording="bare", qualifier=ABOUT), "约3%", True),
    # -- precision as typed: a trailing fraction zero is kept, at every scale (issue 16)
    ("zh", typed(nb.Kind.PERCENT, "8.0"), "8.0%", False),
    ("en", typed(nb.Kind.GROWTH, "6.0"), "up 6.0%", False),
    ("zh", typed(nb.Kind.GROWTH, "-7.10"), "下降7.10%", False),
    ("zh", typed(nb.Kind.MONEY, "48.60亿", currency="CNY"), "48.60亿元", False),
    ("en", typed(nb.Kind.MONEY, "48.60亿", currency="CNY"), f"CNY{NBSP}4.860 billion", False),
    ("en", typed(nb.Kind.MONEY, "482.60亿", currency="CNY"), f"CNY{NBSP}48.260 billion", False),
    ("en", typed(nb.Kind.MONEY, "2.40亿", currency="CNY"), f"CNY{NBSP}240 million", False),
    ("zh", typed(nb.Kind.MONEY, "302.5亿", currency="CNY"), "302.5亿元", False),
    ("en", typed(nb.Kind.MONEY, "1600亿", currency="CNY"), f"CNY{NBSP}160 billion", False),
    ("en", typed(nb.Kind.COUNT, "1.20万"), "12,000", False),
    ("en", typed(nb.Kind.POINTS, "1.0"), "1.0 percentage points", False),
    ("en", typed(nb.Kind.PERCENT, "8.0", decimals=2), "8.00%", False),
    ("zh", fig(nb.Kind.RATIO, "0", parts=(D("0.6"), D("31.4"), D("68.0"))), "0.6:31.4:68.0", False),
    # -- quantities with units (CLDR)
    ("zh", qty("11.2", "length-kilometer"), "11.2公里", False),
    ("en", qty("11.2", "length-kilometer"), "11.2 km", False),
    ("fr", qty("11.2", "length-kilometer"), "11,2\u202fkm", False),
    ("zh", qty("6", "duration-month"), "6个月", False),
    ("en", qty("6", "duration-month"), "6 months", False),
    ("en", qty("1", "duration-month"), "1 month", False),
    ("en", qty("35.4", "length-kilometer"), "35.4 km", False),
    ("en", qty("5", "area-square-kilometer"), "5 km²", False),
    ("zh", qty("5", "area-square-meter"), "5平方米", False),
    # -- dates at three precisions, month ranges
    ("zh", date("2022-12-26"), "2022年12月26日", False),
    ("en", date("2022-12-26"), "December 26, 2022", False),
    ("fr", date("2022-12-26"), "26 décembre 2022", False),
    ("zh", date("2022-02"), "2022年2月", False),
    ("en", date("2022-02"), "February 2022", False),
    ("fr", date("2022-02"), "février 2022", False),
    ("zh", date("2023"), "2023年", False),
    ("en", date("2023"), "2023", False),
    ("zh", date("2023-01-09", skeleton="MMMMd"), "1月9日", False),
    ("en", date("2023-01-09", skeleton="MMMMd"), "January 9", False),
    ("zh", months("2022-01", "2022-11"), "1–11月", False),
    ("en", months("2022-01", "2022-11"), "January\u2009–\u2009November", False),
    # -- ratios
    (
        "zh",
        nb.Figure(nb.Kind.RATIO, parts=(D("0.4"), D("20.9"), D("77.7"))),
        "0.4:20.9:77.7",
        False,
    ),
    (
        "fr",
        nb.Figure(nb.Kind.RATIO, parts=(D("0.4"), D("20.9"), D("77.7"))),
        "0,4:20,9:77,7",
        False,
    ),
]


@pytest.mark.parametrize(
    ("tag", "figure", "expected", "qualified"),
    CASES,
    ids=[f"{c[0]}-{c[1].kind}-{c[2]}" for c in CASES],
)
def test_format_figure(tag: str, figure: nb.Figure, expected: str, qualified: bool) -> None:
    style = ZH_STYLE if tag == "zh" else nb.NumberStyle()
    assert format_figure(figure, tag, messages(tag), style, qualified=qualified) == expected


def test_there_are_at_least_80_cases() -> None:
    assert len(CASES) >= 80


def test_cldr_grouping_without_house_style() -> None:
    # CLDR's own zh grouping; the Jiangbei report's house style (min 2) prints 2213
    assert format_number(D("2213"), "zh") == "2,213"
    assert format_number(D("2213"), "zh", ZH_STYLE) == "2213"


@pytest.mark.parametrize(
    ("text", "tag", "expected"),
    [
        ("302.5亿", "zh", D("30250000000")),
        ("5.5万", "zh", D("55000")),
        ("1.9万亿", "zh", D("1900000000000")),
        ("2,213", "zh", D("2213")),
        ("30.25 billion", "en", D("30250000000")),
        ("1.5 million", "en", D("1500000")),
        ("-7.5", "zh", D("-7.5")),
    ],
)
def test_parse_number(text: str, tag: str, expected: Decimal) -> None:
    assert parse_number(text, tag) == expected


def test_parse_keeps_significant_digits() -> None:
    value = parse_number("302.5亿", "zh")
    assert format_number(value, "en") == "30.25 billion"  # not 30.250 nor 30.2


@pytest.mark.parametrize("text", ["", "abc", "3.2 gazillion", "1.2.3", "万"])
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(nb.FigureValueError):
        parse_number(text, "zh")


def test_negative_numbers_and_zero() -> None:
    assert format_number(D("-55000"), "zh") == "-5.5万"
    assert format_number(D("-55000"), "en") == "-55,000"
    assert format_number(D("0"), "fr") == "0"


def test_no_float_anywhere() -> None:
    figure = money("0.1亿")
    assert format_figure(figure, "en", messages("en")) == f"CNY{NBSP}10 million"
    assert isinstance(figure.value, Decimal)


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (nb.check_currency, "XYZ"),
        (nb.check_currency, "cny"),
        (nb.check_unit, "length-furlongs"),
        (nb.check_skeleton, "yyyy-MM"),
    ],
)
def test_validators_refuse(check: object, value: str) -> None:
    with pytest.raises(nb.FigureValueError):
        check(value)  # type: ignore[operator]


def test_partial_date_refuses_impossible_dates() -> None:
    with pytest.raises(nb.FigureValueError):
        nb.PartialDate.parse("2022-02-30")
    assert nb.PartialDate.parse("2022-02").precision == nb.Precision.MONTH


class _Nouns:
    """A catalog holding one plural noun, as a translator would write it."""

    def gettext(self, context: str, msgid: str) -> str:
        return msgid

    def translated(self, context: str, msgid: str) -> bool:
        return False

    def ngettext(self, context: str, singular: str, plural: str, n: Decimal) -> str:
        forms = ("{count} project", "{count} projects")
        return forms[0] if get_locale("en").plural_form(n) == "one" else forms[1]


@pytest.mark.parametrize(("value", "expected"), [("1", "1 project"), ("42", "42 projects")])
def test_count_noun_follows_plural_rules(value: str, expected: str) -> None:
    figure = count(value, noun="{count}个项目", noun_context="r/figures/x/noun")
    assert format_figure(figure, "en", _Nouns()) == expected


@pytest.mark.parametrize(
    ("tag", "value", "decimals", "expected"),
    [
        ("en", "1e15", None, "1000 trillion"),  # beyond the largest scale word: no recursion
        ("ja", "1e21", None, "100000京"),
        ("en", "999999.5", 0, "1 million"),  # rounding carries into the first scale
        ("zh", "9999.5", 0, "1万"),
        ("de", "999999.96", 1, "1,0 Millionen"),
    ],
)
def test_scale_edges(tag: str, value: str, decimals: int | None, expected: str) -> None:
    assert format_number(D(value), tag, decimals=decimals) == expected


@pytest.mark.parametrize(
    ("text", "tag", "expected"),
    [("3,025 Milliarden", "de", D("3025000000")), ("55.000", "de", D("55000"))],
)
def test_parse_number_uses_the_locale_separators(text: str, tag: str, expected: Decimal) -> None:
    assert parse_number(text, tag) == expected


def test_parse_number_refuses_an_ambiguous_separator() -> None:
    with pytest.raises(nb.FigureValueError, match="not a number as en writes it"):
        parse_number("1,5", "en")


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (fig(nb.Kind.POINTS, "1.0"), "1 percentage point"),
        (fig(nb.Kind.POINTS, "1", decimals=1), "1.0 percentage points"),
        (qty("1.0", "length-kilometer", unit_style="long"), "1 kilometer"),
        (qty("1", "length-kilometer", unit_style="long", decimals=1), "1.0 kilometers"),
    ],
)
def test_plural_follows_the_printed_number(figure: nb.Figure, expected: str) -> None:
    assert format_figure(figure, "en", nb.SourceMessages(get_locale("en"))) == expected


@pytest.mark.parametrize(
    ("tag", "figure", "expected"),
    [
        ("en", months("2023-03", "2023-03"), "March 2023"),  # a range of one month
        ("en", months("2022-11", "2023-02"), "November 2022\u2009–\u2009February 2023"),
        ("sw", count("1000000"), "milioni 1"),  # CLDR's positive sub-pattern only
        ("fa", money("30.25亿"), "3.025 میلیارد یوآن چین"),  # CLDR's name, its unit pattern
    ],
)
def test_cldr_corners(tag: str, figure: nb.Figure, expected: str) -> None:
    assert format_figure(figure, tag, nb.SourceMessages(get_locale(tag))) == expected


class _Joiner:
    """A catalog translating only how names are joined (as zh.po does: 王彩艳 杨敏)."""

    def __init__(self, pattern: str | None) -> None:
        self.pattern = pattern

    def gettext(self, context: str, msgid: str) -> str:
        return self.pattern if self.pattern and msgid == LIST_PAIR else msgid

    def translated(self, context: str, msgid: str) -> bool:
        return self.pattern is not None and msgid == LIST_PAIR

    def ngettext(self, context: str, singular: str, plural: str, n: Decimal) -> str:
        return plural


@pytest.mark.parametrize(
    ("tag", "names", "pattern", "expected"),
    [
        ("zh", ["王彩艳", "杨敏"], None, "王彩艳和杨敏"),  # CLDR's list pattern
        ("zh", ["王彩艳", "杨敏"], "{first} {second}", "王彩艳 杨敏"),  # the catalog's
        ("zh", ["甲", "乙", "丙"], "{first} {second}", "甲、乙和丙"),  # more: CLDR's
        ("fr", ["A", "B", "C"], "{first} et {second}", "A, B et C"),
        ("en", ["Wang Caiyan", "Yang Min"], None, "Wang Caiyan and Yang Min"),
        ("en", ["A", "B", "C"], None, "A, B, and C"),
        ("fr", ["A", "B"], None, "A et B"),
        ("zh", ["王彩艳"], "{first} {second}", "王彩艳"),
    ],
)
def test_names_join_by_the_catalog_else_cldr(
    tag: str, names: list[str], pattern: str | None, expected: str
) -> None:
    assert format_list(names, tag, _Joiner(pattern)) == expected
