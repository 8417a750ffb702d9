"""The key-figures bar chart as a PNG image, for formats that embed pictures (DOCX).

Drawn with Pillow and the bundled fonts, from the same values and formatted labels as the
text; the PDF draws the same chart as vectors (``render/pdf.py``).
"""

from __future__ import annotations

import io
from decimal import Decimal

from PIL import Image, ImageDraw, ImageFont

from .. import fonts
from ..model import Chart, Language

SCALE = 2  # pixels per point: 144 dpi
BAR = (0x1F, 0x3A, 0x5F)
INK = (0x22, 0x22, 0x22)
GREY = (0x77, 0x77, 0x77)


def bar_chart_png(chart: Chart, languages: tuple[Language, ...]) -> bytes:
    font_file = fonts.resolve(None, fonts.DEFAULT_CJK, "chart font")
    label_font = ImageFont.truetype(str(font_file.path), 10 * SCALE, index=font_file.index)
    value_font = ImageFont.truetype(str(font_file.path), 10 * SCALE, index=font_file.index)
    width = 460 * SCALE
    line = 13 * SCALE
    row_height = line * len(languages) + 10 * SCALE
    height = row_height * len(chart.bars) + 10 * SCALE
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    label_width = 170 * SCALE
    value_width = 120 * SCALE
    bar_space = width - label_width - value_width - 10 * SCALE
    top = max((bar.value for bar in chart.bars), default=Decimal(1)) or Decimal(1)
    y = 5 * SCALE
    for bar in chart.bars:
        for i, text in enumerate(bar.label):
            draw.text((0, y + i * line), text.text, font=label_font, fill=INK if i == 0 else GREY)
        length = int(bar_space * (bar.value / top))
        bar_top = y + 2 * SCALE
        bar_bottom = y + row_height - 12 * SCALE
        draw.rectangle(
            (label_width, bar_top, label_width + max(length, SCALE), bar_bottom), fill=BAR
        )
        for i, text in enumerate(bar.display):
            draw.text(
                (label_width + length + 6 * SCALE, y + i * line),
                text.text,
                font=value_font,
                fill=INK if i == 0 else GREY,
            )
        y += row_height
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
