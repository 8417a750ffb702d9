"""Typst as a peer of jbreport's PDF writer: the same document, fonts, page and margins.

The bilingual (or one-language) brief jbreport sets is written as Typst markup from the same
document model (jbreport's own localize step, untimed), with jbreport's bundled fonts and
nothing else (``ignore_system_fonts``), and compiled by the ``typst`` Python package in a
process of its own, timed as a whole as jbreport is.  ``pip install typst`` (bench only).
"""

from __future__ import annotations

import sys
from pathlib import Path

from jbreport.build import Project, localize_job, plan
from jbreport.model import (
    Chart,
    Cover,
    Credits,
    Document,
    Heading,
    KeyFigures,
    Paragraph,
    Photo,
    Text,
    Texts,
    Toc,
)
from jbreport.po.lookup import load_catalogs
from jbreport.render import RenderOptions, theme
from jbreport.render.fonts import FONT_DIR
from jbreport.source.load import load_reports

SONG, HEI, SERIF = "AR PL SungtiL GB", "WenQuanYi Micro Hei", "Liberation Serif"
COMPILE = (
    "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], "
    "font_paths=[sys.argv[3]], ignore_system_fonts=True)"
)


def available() -> bool:
    try:
        import typst  # noqa: F401
    except ImportError:
        return False
    return True


def command(source: Path, target: Path) -> list[str]:
    """The timed process: Python start-up, typst's import, the fonts and the compile."""
    return [sys.executable, "-c", COMPILE, str(source), str(target), str(FONT_DIR)]


def write_source(project: Path, edition: tuple[str, ...], target: Path) -> None:
    """The brief of ``edition`` as Typst markup in ``target``."""
    reports = {r.id: r for r in load_reports(project / "content", None)}
    catalogs = load_catalogs(project / "translations")
    (job,) = plan(list(reports.values()), catalogs, [edition], ["brief"], ["pdf"])
    document, _ = localize_job(Project(project), job, reports, catalogs, RenderOptions())
    target.write_text(_markup(document), encoding="utf-8")


def _markup(document: Document) -> str:
    bilingual = len(document.languages) > 1
    western = not bilingual and not document.languages[0].east_asian
    margin = theme.PDF_PAGE_LATIN.margin_x if western else theme.PDF_PAGE.margin_x
    out = [
        f'#set page(paper: "a4", margin: (x: {margin}cm, top: {theme.PDF_PAGE.margin_top}cm,'
        f" bottom: {theme.PDF_PAGE.margin_bottom}cm))",
        f'#set text(font: ("{SERIF}", "{SONG}"), size: 10.5pt)',
        "#set par(justify: true, spacing: 6pt)",
        "#set text(cjk-latin-spacing: none)",  # as jbreport by default (a house style)
    ]
    writer = _Typst(bilingual, {lang.tag: lang.east_asian for lang in document.languages})
    for block in document.blocks:
        out += writer.block(block)
    return "\n".join(out) + "\n"


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class _Typst:
    def __init__(self, bilingual: bool, east_asian: dict[str, bool]) -> None:
        self.bilingual = bilingual
        self.east_asian = east_asian

    def text(self, text: Text, kind: str) -> str:
        """One text as a Typst paragraph in jbreport's style for ``kind``."""
        ea = self.east_asian.get(text.lang, False)
        lang = text.lang.split("-")[0].split("_")[0]
        if kind == "heading":
            size = 13.5 if not self.bilingual else 12.5
            font = f'("{SERIF}", "{HEI}")'
            return (
                f'#block(above: 12pt, below: 6pt, text(font: {font}, weight: "bold", '
                f'size: {size}pt, lang: "{lang}", {_string(text.text)}))'
            )
        size = 10.5 - (1 if self.bilingual else 0)
        if not ea and not self.bilingual:
            size = theme.LATIN_BODY_SIZE
        ratio = theme.LEADING_HAN if ea else theme.LEADING_LATIN
        # Typst's leading runs from a line's baseline to the next one's cap height (its
        # default top edge), not baseline to baseline: Liberation Serif's caps are 0.66 em
        leading = round(size * (ratio - 0.66), 2)
        indent = "2em" if ea and kind == "body" else "0em"
        justify = "true" if ea or not self.bilingual else "false"
        hyphenate = "false" if ea else "true"
        return (
            f'#block(text(lang: "{lang}", size: {size}pt, hyphenate: {hyphenate}, '
            f"par(justify: {justify}, leading: {leading}pt, first-line-indent: {indent}, "
            f"{_string(text.text)})))"
        )

    def texts(self, texts: Texts, kind: str) -> list[str]:
        if len(texts) == 1:
            return [self.text(texts[0], kind)]
        cells = ", ".join(f"[{self.text(t, kind)}]" for t in texts)
        columns = ", ".join(["1fr"] * len(texts))
        return [f"#grid(columns: ({columns}), column-gutter: {theme.GUTTER}pt, {cells})"]

    def block(self, block: object) -> list[str]:
        match block:
            case Cover():
                return [self.text(t, "heading") for t in (*(block.kicker or ()), *block.title)]
            case Heading():
                return self.texts(block.text, "heading")
            case Paragraph():
                return self.texts(block.text, "body")
            case KeyFigures():
                out = self.texts(block.title, "heading")
                for row in block.rows:
                    out += self.texts(
                        tuple(_pair(a, b) for a, b in zip(row.label, row.value, strict=True)),
                        "cell",
                    )
                return out
            case Chart() | Credits() | Photo() | Toc():
                return self._other(block)
        return []

    def _other(self, block: object) -> list[str]:
        match block:
            case Chart():
                return self.texts(block.title, "heading")
            case Photo():
                return self.texts(block.caption, "cell")
            case Credits():
                return [line for texts in block.lines for line in self.texts(texts, "cell")]
        return []


def _pair(label: Text, value: Text) -> Text:
    return Text(label.lang, f"{label.text}  {value.text}")
