"""The limits of what jbreport reads: sizes no real report reaches and every attack does.

Each limit, when met, is one error with its file and line (exit 3); docs/limits.md lists
them with the reason for each number.  The numbers are far above the largest case of the
benchmark (the sample report scaled 200×: 800 sections, 12,400 figures, a 2.5 MB content file
and a 4 MB catalog; the catalog benchmark: 20,000 entries).
"""

from __future__ import annotations

# Files
CONTENT_BYTES = 16 * 1024 * 1024  # a content or glossary YAML file
PO_BYTES = 32 * 1024 * 1024  # a PO file (the benchmark's 20,000 entries: 6 MB)
TEMPLATE_BYTES = 1024 * 1024  # a layout template

# YAML: anchors and aliases (&a, *a) are refused in content and glossary; nesting depth
YAML_DEPTH = 32  # a report is at most 7 levels deep (sections, blocks, a photo's fields)

# Counts in one report
SECTIONS = 10_000
BLOCKS = 50_000  # paragraphs and photos, lead, sections and closing together
FIGURES = 20_000
PLACEHOLDERS = 500  # {name} fields in one string

# Characters of one string, by field.  DOCX core properties (title, subject, author,
# keywords) hold at most 255 characters (python-docx refuses more).
METADATA_CHARS = 255
SHORT_CHARS = 1_000  # a heading, kicker, label, caption, noun, credit, a layout's word
TEXT_CHARS = 200_000  # a paragraph: a long chapter, never a pasted file
_METADATA = {"title", "subject", "authors", "keywords"}
_SHORT = {"kicker", "heading", "label", "caption", "noun", "picture_credit", "sources"}
_SHORT |= {"photographer", "alt", "layout", "figure", "qualifier", "money"}

# Figures: significant digits of a value, and its size (below 10^24: beyond any amount of
# money or count of anything; Decimal's 28 digits then format every value exactly)
DIGITS = 24

# Catalogs
NPLURALS = 6  # CLDR's most plural forms (Arabic: 6)

# Layouts: one run of a template
TEMPLATE_STEPS = 1_000_000  # lines of the template executed (loop rounds included)
TEMPLATE_OUTPUT = 1024 * 1024  # characters the template writes (all of it thrown away)
TEMPLATE_PARTS = 2 * SECTIONS  # part() calls
TEMPLATE_VALUE = 1_000_000  # items of a string or list a template expression makes

# Processes
JOBS = 32  # -j: more workers than this (or than outputs) are not started


def chars_for(context: str) -> int:
    """The most characters a string of this msgctxt may have (``report/title``,
    ``report/sections/x/heading``, ``layout``…), in the source and in a translation."""
    parts = context.split("/")
    if len(parts) == 1:  # a layout's or a figure's word
        return SHORT_CHARS if context in _SHORT else TEXT_CHARS
    part = parts[1]
    if part in ("lead", "closing", "sections"):  # paragraphs (and a section's heading)
        heading = part == "sections" and len(parts) == 4 and parts[3] == "heading"
        return SHORT_CHARS if heading else TEXT_CHARS
    if part in _METADATA:
        return METADATA_CHARS
    if part in _SHORT or parts[-1] in _SHORT:
        return SHORT_CHARS
    return TEXT_CHARS
