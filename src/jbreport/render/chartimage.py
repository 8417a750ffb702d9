"""The key-figures bar chart as a PNG image, for formats that embed pictures (DOCX).

Drawn with Pillow and the bundled fonts, from the same values and formatted labels as the
text; the PDF draws the same chart as vectors (``render/pdf/flowables.py``).
"""

from __future__ import annotations

import io
from decimal import Decimal

from PIL import Image, ImageDraw, ImageFont

from ..model import Chart, Language
from . import fonts

SCALE = 3  # pixels per point: 216 dpi, sharp in print
WIDTH_PT = 430
BAR = (0x1F, 0x3A, 0x5F)
INK = (0x22, 0x22, 0x22)
GREY = (0x66, 0x66, 0x66)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """The text, shortened with an ellipsis if it is wider than ``width``."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def bar_chart_png(chart: Chart, languages: tuple[Language, ...]) -> bytes:
    font_file = fonts.resolve(None, fonts.DEFAULT_CJK, "chart font")
    font = ImageFont.truetype(str(font_file.path), 9 * SCALE, index=font_file.index)
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    width = WIDTH_PT * SCALE
    line = 12 * SCALE
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
            draw.text((0, y + i * line), shown, font=font, fill=INK if i == 0 else GREY)
        length = max(int(bar_space * float(bar.value / top)), SCALE)
        x0 = label_width + gap
        draw.rectangle((x0, y + 2 * SCALE, x0 + length, y + row - 6 * SCALE), fill=BAR)
        for i, text in enumerate(bar.display):
            shown = _fit(draw, text.text, font, value_width)
            draw.text(
                (x0 + length + gap, y + i * line), shown, font=font, fill=INK if i == 0 else GREY
            )
        y += row
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
