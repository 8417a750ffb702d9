"""Fonts: the bundled defaults, and every bad font refused with its name."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from jbreport.errors import RenderError
from jbreport.render import fonts


def _sfnt(tag: bytes, tables: list[bytes]) -> bytes:
    header = tag + struct.pack(">HHHH", len(tables), 0, 0, 0)
    directory = b"".join(t + struct.pack(">III", 0, 0, 0) for t in tables)
    return header + directory


def test_bundled_fonts_are_truetype() -> None:
    for path in (fonts.DEFAULT_LATIN, fonts.DEFAULT_LATIN_BOLD, fonts.DEFAULT_CJK):
        fonts.check_truetype(path)
    assert fonts.resolve(None, fonts.DEFAULT_CJK, "CJK font").path == fonts.DEFAULT_CJK


def test_licences_are_recorded() -> None:
    readme = (fonts.FONT_DIR / "README.md").read_text(encoding="utf-8")
    assert "Apache-2.0" in readme and "Open Font License" in readme
    assert (fonts.FONT_DIR / "wqy-microhei.COPYRIGHT").exists()
    assert (fonts.FONT_DIR / "liberation.COPYRIGHT").exists()


def test_cff_font_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "NotoSansCJK-Regular.otf"
    path.write_bytes(_sfnt(b"OTTO", [b"CFF ", b"cmap", b"head"]))
    with pytest.raises(RenderError, match=r"PostScript \(CFF\) outlines") as info:
        fonts.resolve(str(path), fonts.DEFAULT_CJK, "CJK font")
    assert "NotoSansCJK-Regular.otf" in str(info.value)


def test_cff_collection_is_refused(tmp_path: Path) -> None:
    face = _sfnt(b"OTTO", [b"CFF ", b"cmap"])
    data = b"ttcf" + struct.pack(">HHI", 1, 0, 1) + struct.pack(">I", 16) + face
    path = tmp_path / "NotoSerifCJK.ttc"
    path.write_bytes(data)
    with pytest.raises(RenderError, match="CFF"):
        fonts.resolve(str(path), fonts.DEFAULT_CJK, "CJK font")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "not a font file"), (b"hello world, not a font", "not a TrueType font")],
)
def test_corrupt_font_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.ttf"
    path.write_bytes(content)
    with pytest.raises(RenderError, match=message):
        fonts.resolve(str(path), fonts.DEFAULT_LATIN, "Latin font")


def test_missing_font_is_named(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="Latin font not found") as info:
        fonts.resolve(str(tmp_path / "gone.ttf"), fonts.DEFAULT_LATIN, "Latin font")
    assert "gone.ttf" in str(info.value)


def test_font_by_fontconfig_name() -> None:
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig not installed")
    with pytest.raises(RenderError, match="is not installed"):
        fonts.resolve("No Such Font Family 123", fonts.DEFAULT_LATIN, "Latin font")


def test_a_face_of_a_collection(tmp_path: Path) -> None:
    font = fonts.resolve(f"{fonts.DEFAULT_CJK_HEADING}#1", fonts.DEFAULT_CJK_HEADING, "CJK font")
    assert font.index == 1
    with pytest.raises(RenderError, match="has 2 faces"):
        fonts.resolve(f"{fonts.DEFAULT_CJK_HEADING}#5", fonts.DEFAULT_CJK_HEADING, "CJK font")
