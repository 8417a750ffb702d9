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
        run = oxml.add_run(paragraph, _unbreakable_figures(text))
        language = self.lang(text.lang)
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


def _unbreakable_figures(text: Text) -> str:
    """The text with no-break spaces inside its figures: Word and LibreOffice never end a
    line in the middle of "CNY 1.9 trillion" (the PDF writer keeps these spans whole)."""
    if not text.keep or " " not in text.text:
        return text.text
    chars = list(text.text)
    for start, end in text.keep:
        for i in range(start, min(end, len(chars))):
            if chars[i] == " ":
                chars[i] = "\u00a0"
    return "".join(chars)
