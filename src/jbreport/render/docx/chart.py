"""The key-figures bar chart as a PNG image, for the Word file.

Drawn with Pillow and the bundled fonts, from the same values and formatted labels as the
text; the PDF draws the same chart as vectors (``render/pdf/flowables.py``).
"""

from __future__ import annotations

import io
from decimal import Decimal

from PIL import Image, ImageDraw, ImageFont

from ...model import Chart, Language
from .. import fonts, theme

SCALE = 3  # pixels per point: 216 dpi, sharp in print


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """The text, shortened with an ellipsis if it is wider than ``width``."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def _ink(language: int) -> theme.Colour:
    """The first language in ink, the others grey."""
    return theme.INK if language == 0 else theme.CHART_GREY


def bar_chart_png(chart: Chart, languages: tuple[Language, ...]) -> bytes:
    font_file = fonts.resolve(None, fonts.DEFAULT_CJK_HEADING, "chart font")
    size = round(theme.DOCX_CHART_SIZE * SCALE)
    font = ImageFont.truetype(str(font_file.path), size, index=font_file.index)
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    width = round(theme.DOCX_CHART_WIDTH * SCALE)
    line = round(theme.DOCX_CHART_LINE * SCALE)
    row = line * len(languages) + 6 * SCALE
    height = row * len(chart.bars) + 4 * SCALE
    gap = 6 * SCALE
    widest_label = max(probe.textlength(t.text, font=font) for bar in chart.bars for t in bar.label)
    widest_value = max(
        probe.textlength(t.text, font=font) for bar in chart.bars for t in bar.display
    )
    label_width = min(widest_label, width * 0.42)
    value_width = min(widest_value, width * 0.3)
    bar_space = width - label_width - value_width - 2 * gap
    top = max((bar.value for bar in chart.bars), default=Decimal(1)) or Decimal(1)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    y = 2 * SCALE
    for bar in chart.bars:
        for i, text in enumerate(bar.label):
            shown = _fit(draw, text.text, font, label_width)
            draw.text((0, y + i * line), shown, font=font, fill=_ink(i))
        length = max(int(bar_space * float(bar.value / top)), SCALE)
        x0 = label_width + gap
        draw.rectangle((x0, y + 2 * SCALE, x0 + length, y + row - 6 * SCALE), fill=theme.ACCENT)
        for i, text in enumerate(bar.display):
            shown = _fit(draw, text.text, font, value_width)
            draw.text((x0 + length + gap, y + i * line), shown, font=font, fill=_ink(i))
        y += row
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
