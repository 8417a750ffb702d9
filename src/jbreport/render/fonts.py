"""Find and vet the TrueType fonts the PDF embeds (and the DOCX chart image is drawn with).

The default fonts ship inside the package (see ``fonts/README.md`` for origin and licence),
so a PDF builds after ``pip install`` alone.  A user may name a file or a fontconfig family;
a font with PostScript (CFF) outlines, which reportlab cannot embed, or a missing or corrupt
file is refused here with a message naming it.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import Location, RenderError

FONT_DIR = Path(__file__).parent.parent / "fonts"
DEFAULT_LATIN = FONT_DIR / "LiberationSerif-Regular.ttf"
DEFAULT_LATIN_BOLD = FONT_DIR / "LiberationSerif-Bold.ttf"
DEFAULT_CJK = FONT_DIR / "gbsn00lp.ttf"  # a Song (Ming) face: body text
DEFAULT_CJK_HEADING = FONT_DIR / "wqy-microhei.ttc"  # a Hei face: headings, the chart


@dataclass(frozen=True, slots=True)
class FontFile:
    path: Path
    index: int = 0  # face in a TrueType collection

    @property
    def key(self) -> str:
        return f"{self.path.resolve()}#{self.index}"


def _tables(data: bytes, offset: int) -> set[bytes]:
    num_tables = struct.unpack_from(">H", data, offset + 4)[0]
    return {data[offset + 12 + 16 * i : offset + 16 + 16 * i] for i in range(num_tables)}


def check_truetype(path: Path, index: int = 0, what: str = "font") -> None:
    """Refuse what reportlab cannot embed, with a message a user can act on."""
    loc = Location.of(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(64 * 1024)
    except OSError as exc:
        raise RenderError(f"{what} cannot be read: {exc.strerror}", loc) from None
    try:
        tag = data[:4]
        if tag == b"ttcf":
            count = struct.unpack_from(">I", data, 8)[0]
            if index >= count:
                raise RenderError(f"{what} has {count} faces, not {index + 1}", loc)
            offset = struct.unpack_from(">I", data, 12 + 4 * index)[0]
            tag = data[offset : offset + 4]
            tables = _tables(data, offset)
        else:
            tables = _tables(data, 0)
    except struct.error:
        raise RenderError(f"{what} is not a font file (truncated or corrupt)", loc) from None
    if tag == b"OTTO" or b"CFF " in tables or b"CFF2" in tables:
        raise RenderError(
            f"{what} has PostScript (CFF) outlines, which cannot be embedded; "
            "use a TrueType font (.ttf/.ttc with glyf outlines)",
            loc,
        )
    if tag not in (b"\x00\x01\x00\x00", b"true") or b"glyf" not in tables:
        raise RenderError(f"{what} is not a TrueType font", loc)


@cache
def resolve(spec: str | None, default: Path, what: str) -> FontFile:
    """A font from a path (``file.ttc#1`` picks a face), a fontconfig name, or the default."""
    if spec is None:
        font = FontFile(default)
    else:
        path_text, _, face = spec.partition("#")
        index = int(face) if face.isdigit() else 0
        path = Path(path_text).expanduser()
        if path.suffix.lower() in (".ttf", ".ttc", ".otf", ".otc") or "/" in path_text:
            if not path.is_file():
                raise RenderError(f"{what} not found", Location.of(path))
            font = FontFile(path, index)
        else:
            font = _fontconfig(spec, what)
    check_truetype(font.path, font.index, what)
    return font


def _fontconfig(name: str, what: str) -> FontFile:
    if shutil.which("fc-match") is None:
        raise RenderError(
            f"{what} {name!r}: give a path to a .ttf/.ttc file (fontconfig is not installed)"
        )
    result = subprocess.run(
        ["fc-match", "--format=%{file}\n%{index}\n%{family}", name],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.splitlines()
    if result.returncode != 0 or len(lines) < 3:
        raise RenderError(f"{what} {name!r} not found by fontconfig")
    families = [f.strip().lower() for f in lines[2].split(",")]
    if name.split(":")[0].strip().lower() not in families:
        raise RenderError(
            f"{what} {name!r} is not installed (fontconfig would substitute {lines[2]!r})"
        )
    return FontFile(Path(lines[0]), int(lines[1] or 0))
