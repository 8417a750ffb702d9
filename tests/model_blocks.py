"""Hand-built tables, lists and sign-offs for the writer tests (PDF and DOCX)."""

from __future__ import annotations

from jbreport.model import ListBlock, ListItem, Row, Signoff, Table, Text, Texts


def said(*pairs: tuple[str, str]) -> Texts:
    return tuple(Text(lang, text) for lang, text in pairs)


def cells(lang: str, *values: str) -> Row:
    return tuple((Text(lang, v),) for v in values)


def table(lang: str = "zh", rows: int = 3) -> Table:
    body = tuple(cells(lang, f"行业{i}", f"{i}12.4", f"{i}.5") for i in range(1, rows + 1))
    return Table(
        id="t",
        caption=said((lang, "表1　分行业零售额")),
        header=(cells(lang, "行业", "零售额（亿元）", "同比增长（%）"),),
        rows=body,
        total=cells(lang, "合计", "482.6", "8"),
        note=said((lang, "注：说明。")),
        numeric=(False, True, True),
        decimal=said((lang, ".")),
    )


def bullets(lang: str = "zh") -> ListBlock:
    nested = (ListItem(said((lang, "–")), said((lang, "嵌套一"))),)
    return ListBlock(
        False,
        (
            ListItem(said((lang, "•")), said((lang, "第一项"))),
            ListItem(said((lang, "•")), said((lang, "第二项")), nested),
        ),
    )


def numbered(lang: str = "en") -> ListBlock:
    items = tuple(ListItem(said((lang, f"{i}.")), said((lang, f"item {i}"))) for i in (1, 2))
    return ListBlock(True, items)


SIGNOFF = Signoff((said(("zh", "南岸区统计局")), said(("zh", "2023年12月20日"))))


def pair(first: Table, second: Table) -> Table:
    """A bilingual table: each text of ``first`` beside the same text of ``second``."""

    def rows(a: tuple[Row, ...], b: tuple[Row, ...]) -> tuple[Row, ...]:
        return tuple(
            tuple(x + y for x, y in zip(r, s, strict=True)) for r, s in zip(a, b, strict=True)
        )

    assert first.total and second.total and first.caption and second.caption
    assert first.note and second.note
    return Table(
        id=first.id,
        caption=first.caption + second.caption,
        header=rows(first.header, second.header),
        rows=rows(first.rows, second.rows),
        total=rows((first.total,), (second.total,))[0],
        note=first.note + second.note,
        numeric=first.numeric,
        decimal=first.decimal + second.decimal,
    )
