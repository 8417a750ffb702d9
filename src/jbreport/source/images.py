"""Photos: whether an image file is one jbreport can place, decoded in full (Pillow)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

# MPO: the JPEG of many cameras and phones (several pictures in one file), read as a JPEG
FORMATS = ("PNG", "JPEG", "MPO", "GIF")


def problem(path: Path) -> str | None:
    """Why this file cannot be placed as a photo (for "image 'x.png' …"), or None.

    The whole image is decoded: a truncated or corrupt file is found when the content is
    read, with its file and line, not half-way through writing a brief."""
    try:
        with Image.open(path) as image:
            if image.format not in FORMATS:
                return "is not a PNG, JPEG or GIF image"
            image.load()
    except UnidentifiedImageError:
        return "is not a PNG, JPEG or GIF image"
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        return f"cannot be read: {exc}"
    return None
