"""Layouts: Jinja2 templates in the sandbox that name parts; their errors name file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from jbreport.errors import TemplateError, UsageError
from jbreport.layout import available_layouts, copy_layout, run_layout

SUMMARY = {"sections": [{"id": "a"}, {"id": "b"}]}


def user_template(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.j2").write_text(text, encoding="utf-8")
    return tmp_path


def test_shipped_layouts() -> None:
    assert {"brief", "factsheet"} <= set(available_layouts(None))
    layout = run_layout("brief", None, SUMMARY)
    names = [p.name for p in layout.parts]
    assert names[:3] == ["cover", "key_figures", "lead"]
    assert [p.args["id"] for p in layout.parts if p.name == "section"] == ["a", "b"]
    assert layout.footer is not None and layout.footer.msgid == "Page {page} of {pages}"


def test_photo_size_sets_the_limits_and_refuses_others(tmp_path: Path) -> None:
    assert run_layout("brief", None, SUMMARY).photo_height == 50
    root = user_template(tmp_path, "mine", '{{ photo_size(width="column", height=30) }}\n')
    layout = run_layout("mine", root, SUMMARY)
    assert (layout.photo_width, layout.photo_height) == ("column", 30)
    for call, said in (
        ('photo_size(width="half")', "width 'half': use 'full' or 'column'"),
        ("photo_size(height=80)", "height 80: a percentage from 10 to 50"),
    ):
        root = user_template(tmp_path, "bad", "\n{{ " + call + " }}\n")
        with pytest.raises(TemplateError, match=re.escape(said)) as info:
            run_layout("bad", root, SUMMARY)
        assert "bad.j2:2" in str(info.value)


def test_project_template_wins(tmp_path: Path) -> None:
    root = user_template(tmp_path, "brief", '{{ part("cover") }}\n')
    assert [p.name for p in run_layout("brief", root, SUMMARY).parts] == ["cover"]


def test_unknown_part_names_file_and_line(tmp_path: Path) -> None:
    root = user_template(tmp_path, "mine", '{{ part("cover") }}\n\n{{ part("keyfigures") }}\n')
    with pytest.raises(
        TemplateError, match=r"unknown part 'keyfigures'; did you mean 'key_figures'"
    ) as info:
        run_layout("mine", root, SUMMARY)
    assert "mine.j2:3: " in str(info.value)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    root = user_template(tmp_path, "mine", '{{ part("cover") }}\n{% for x in %}\n')
    with pytest.raises(TemplateError, match="template syntax error") as info:
        run_layout("mine", root, SUMMARY)
    assert "mine.j2:2" in str(info.value)


def test_runtime_error_names_file_and_line(tmp_path: Path) -> None:
    root = user_template(tmp_path, "mine", '{{ part("cover") }}\n{{ report.nothing.deeper }}\n')
    with pytest.raises(TemplateError) as info:
        run_layout("mine", root, SUMMARY)
    assert "mine.j2:2" in str(info.value)


@pytest.mark.parametrize(
    "expression",
    [
        "''.__class__.__mro__[1].__subclasses__()",
        "part.__globals__",
        "report.__class__.__init__",
        "cycler.__init__.__globals__.os",
    ],
)
def test_the_sandbox_refuses_reaching_python(tmp_path: Path, expression: str) -> None:
    root = user_template(tmp_path, "evil", "{{ " + expression + " }}\n")
    with pytest.raises(TemplateError):
        run_layout("evil", root, SUMMARY)


def test_unknown_layout_lists_the_known(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no layout named 'breif'; did you mean 'brief'"):
        run_layout("breif", tmp_path, SUMMARY)


def test_copy_layout(tmp_path: Path) -> None:
    path = copy_layout("factsheet", tmp_path)
    assert path.read_text(encoding="utf-8") == (
        ROOT / "src/jbreport/templates/factsheet.j2"
    ).read_text(encoding="utf-8")
    with pytest.raises(TemplateError, match="already exists"):
        copy_layout("factsheet", tmp_path)


def test_a_layout_word_writes_a_literal_brace_as_content_does(tmp_path: Path) -> None:
    """``{{`` in a layout's word is one brace in the output, as in content (issue 21)."""
    import docx

    from jbreport.build import Project, build

    root = tmp_path / "proj"
    (root / "content").mkdir(parents=True)
    source = (ROOT / "content" / "nanan-2023-11.yaml").read_text(encoding="utf-8")
    (root / "content" / "r.yaml").write_text(source, encoding="utf-8")
    layout = copy_layout("brief", root)
    text = layout.read_text(encoding="utf-8")
    assert '_("Key figures")' in text
    layout.write_text(text.replace('_("Key figures")', '_("Key {{figures}}")'), encoding="utf-8")
    build(Project(root), editions=[("zh",)], formats=["docx"], out_dir=root / "out", jobs=1)
    paragraphs = [p.text for p in docx.Document(str(root / "out" / "r.zh.docx")).paragraphs]
    assert "Key {figures}" in paragraphs
