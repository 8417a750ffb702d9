"""Text into runs: each run tagged with its language, figures kept whole.

A run of East Asian text carries two language tags (``w:lang``): the East Asian one, and
for the Latin letters and digits inside it the edition's Western language, as Word writes
it; and a font hint, so characters both scripts share take the East Asian font.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.text.paragraph import Paragraph as WordParagraph

from ...model import Document, Language, Text, Texts
from . import oxml


class Runs:
    """The languages of one document, and its texts written as runs."""

    def __init__(self, document: Document) -> None:
        every = (*document.languages, *document.fallback_languages)
        self.languages = {lang.tag: lang for lang in every}
        self.east_asian = next((lang for lang in every if lang.east_asian), None)
        western = next((lang for lang in document.languages if not lang.east_asian), None)
        # the language of Latin letters and digits, in East Asian text too
        self.western_tag = western.bcp47 if western else "en-US"

    def lang(self, tag: str) -> Language:
        return self.languages[tag]

    def set_defaults(self, doc: WordDocument) -> None:
        """The document's default languages, and the theme fonts' (python-docx's template
        says ja-JP, which shows Chinese in a Japanese font)."""
        east_asian = self.east_asian.bcp47 if self.east_asian else None
        oxml.set_theme_font_lang(doc.settings, val=self.western_tag, east_asian=east_asian)
        oxml.set_default_lang(doc.styles, val=self.western_tag, east_asian=east_asian)
        if east_asian:
            oxml.compress_punctuation(doc.settings)

    def add(self, paragraph: WordParagraph, text: Text) -> None:
        language = self.lang(text.lang)
        run = oxml.add_run(paragraph, _unbreakable_figures(text, joined=not language.east_asian))
        if language.east_asian:
            oxml.hint_east_asian(run)
            # w:val is the language of the Latin letters and digits inside Chinese text: as
            # Word writes it, the Western language (en-US) and not zh-CN, under which
            # LibreOffice breaks lines between digits ("其中包括1 | 9个")
            oxml.set_run_lang(run, val=self.western_tag, east_asian=language.bcp47)
        else:
            oxml.set_run_lang(run, val=language.bcp47)

    def add_all(self, paragraph: WordParagraph, texts: Texts, separator: str) -> None:
        for i, text in enumerate(texts):
            if i:
                paragraph.add_run(separator)
            self.add(paragraph, text)


# What keeps two characters of a figure on one line, invisibly: U+2060 WORD JOINER (UAX #14
# class WJ), after the dash of "January – November" and the like, which LibreOffice honours
# in Western text.  Chinese text gets none: LibreOffice (7.4) breaks a line between any two
# characters of an East Asian run but where its kinsoku lists forbid, and honours no joiner
# there (U+2060, U+FEFF and U+200D, Word's "No-Width Non Break", all tried: "1600 | 亿元"
# still breaks), and a joiner rides along in every copy (LibreOffice's text and PDF exports
# keep it): a search for "1600亿元" would miss the figure.
WORD_JOINER = "\u2060"
# a line may break after these: hyphens, en and em dash, slash, and spaces other than the
# no-break ones (a thin space around a range's dash)
BREAK_AFTER = frozenset("-\u2010\u2013\u2014/\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a")


def _unbreakable_figures(text: Text, *, joined: bool) -> str:
    """The text with its figures made unbreakable: Word and LibreOffice never end a line in
    the middle of "CNY 1.9 trillion" (no-break spaces for its spaces) nor, if ``joined``
    (Western text), of "January – November" (a word joiner after the dash and the spaces
    around it), as the PDF writer keeps these spans whole."""
    if not text.keep:
        return text.text
    chars = list(text.text)
    joins: set[int] = set()  # a joiner before these characters
    for start, end in text.keep:
        for i in range(start, min(end, len(chars))):
            if chars[i] == " ":
                chars[i] = "\u00a0"
            elif joined and i > start and _breakable(chars[i - 1], chars[i]):
                joins.add(i)
    if joins:
        chars = [WORD_JOINER + ch if i in joins else ch for i, ch in enumerate(chars)]
    return "".join(chars)


def _breakable(before: str, after: str) -> bool:
    """Whether a line may break between two characters of Western text (UAX #14): after a
    dash, slash or breaking space, before an em dash."""
    return before in BREAK_AFTER or after == "\u2014"
