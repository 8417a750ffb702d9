"""Regenerate the sample's demonstration images (Pillow): flat generated graphics, each
labelled as a placeholder, standing in for the five photos of content/jiangbei-2023.yaml.

    python content/images/make_images.py   (from the project folder)
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# id: (width, height, sky, ground, what the picture would show)
PHOTOS = {
    "cbd": (900, 600, (176, 200, 222), (58, 84, 112), "江北嘴中央商务区"),
    "signing": (960, 540, (222, 208, 190), (150, 40, 40), "集中签约仪式"),
    "library": (560, 760, (196, 214, 188), (92, 120, 84), "图书馆鸿恩寺新馆"),
    "beibin-extension": (1000, 480, (190, 214, 230), (70, 120, 150), "北滨路东延伸段"),
    "guanyinqiao": (800, 600, (40, 44, 70), (200, 120, 60), "观音桥商圈"),
}


def draw(
    name: str, w: int, h: int, sky: tuple[int, int, int], ground: tuple[int, int, int], what: str
) -> Image.Image:
    rng = random.Random(name)  # the same picture every time
    image = Image.new("RGB", (w, h), sky)
    pen = ImageDraw.Draw(image)
    horizon = int(h * 0.62)
    for _ in range(28):  # a skyline of blocks
        bw = rng.randint(w // 30, w // 10)
        bh = rng.randint(h // 10, int(h * 0.5))
        x = rng.randint(-bw // 2, w)
        shade = tuple(max(0, c - rng.randint(20, 70)) for c in sky)
        pen.rectangle([x, horizon - bh, x + bw, horizon], fill=shade)
    pen.rectangle([0, horizon, w, h], fill=ground)
    big = ImageFont.truetype(FONT, max(22, w // 18))
    small = ImageFont.truetype(FONT, max(16, w // 34))
    for text, font, y in (
        ("示意图 · placeholder image", big, h * 0.70),
        (what, small, h * 0.70 + w // 14),
    ):
        box = pen.textbbox((0, 0), text, font=font)
        x = (w - (box[2] - box[0])) / 2
        pen.text((x, y), text, font=font, fill=(255, 255, 255))
    return image


def main() -> None:
    for name, (w, h, sky, ground, what) in PHOTOS.items():
        draw(name, w, h, sky, ground, what).save(HERE / f"{name}.jpg", quality=70, optimize=True)


if __name__ == "__main__":
    main()
