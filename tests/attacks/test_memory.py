"""The reported defects, reproduced under 1 GB of address space (``ulimit -v 1048576``):
each still ends in its one message, or works."""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

RANKED = [
    # 2. a catalog corrupted by its charset
    "po_charset_latin1", "po_charset_ascii", "po_charset_utf16", "po_charset_unknown",
    # 3. translations lost to duplicates
    "po_live_and_obsolete_duplicate", "po_two_obsolete_duplicates",
    # 4. memory
    "yaml_alias_bomb", "po_translated_title_huge", "po_nplurals_huge",
    # 5. the traceback classes
    "yaml_nesting_500", "value_29_digits_full", "placeholder_spec_in_content",
    "placeholder_conversion_in_content", "po_spec_in_figure_words_build", "title_too_long",
    "po_plural_forms_broken", "layout_self_extends", "layout_recursive_macro",
    "layout_string_multiplied", "layout_range_list", "layout_header_number",
    "layout_part_title_number", "glossary_source_mapping",
    # 6. unbounded templates, -j
    "layout_nested_loops", "layout_many_parts", "cli_jobs_huge",
    # 8. silent wrong output
    "layout_footer_spec", "symlinked_catalog_update",
    # 9. minor
    "po_symlink_to_system_file", "cli_layouts_traversal", "po_language_bogus", "po_cr_only",
    "cli_project_is_a_file",
]  # fmt: skip
GIGABYTE = 1024**3

SCRIPT = textwrap.dedent(
    """
    import sys, tempfile
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from cases import CASES
    from harness import project, run
    wanted = set(sys.argv[2:])
    for case in CASES:
        if case.name in wanted:
            root = project(Path(tempfile.mkdtemp()))
            code, first, said = run(root, *case.setup(root))
            good = code == case.code and case.first in first and "Traceback" not in said
            print(case.name, "ok" if good else f"FAILED {code} {first[:200]}", flush=True)
    """
)


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (GIGABYTE, GIGABYTE))


@pytest.mark.slow
def test_the_ranked_defects_under_one_gigabyte() -> None:
    here = str(Path(__file__).parent)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, here, *RANKED],
        preexec_fn=_limited,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = result.stdout.splitlines()
    assert sorted(line.split()[0] for line in lines) == sorted(RANKED), result.stderr[-3000:]
    assert all(line.endswith(" ok") for line in lines), "\n".join(lines)
