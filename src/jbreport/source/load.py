"""Load and validate report content (``content/*.yaml``) into the source model.

Each part of a report has its reader (:mod:`.metadata`, :mod:`.figures`,
:mod:`.keyfigures`, :mod:`.blocks`); validation collects every problem of a file and
raises them together.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Collector, ContentError, JbreportError, Location, UsageError, did_you_mean
from ..i18n import figures as nb
from .blocks import read_blocks, read_sections
from .figures import read_figures
from .keyfigures import read_chart, read_key_figures
from .limits import check_sizes
from .metadata import read_date, read_language, read_styles
from .model import Report, Src, SrcFigure
from .reader import Reader
from .scope import ReportIds
from .tables import check_table
from .yaml import Node, load_yaml

TOP_KEYS = {
    "language": True,
    "title": True,
    "date": True,
    "kicker": False,
    "subject": False,
    "keywords": False,
    "authors": False,
    "picture_credit": False,
    "sources": False,
    "style": False,
    "figures": False,
    "key_figures": False,
    "chart": False,
    "period": False,
    "contact": False,
    "lead": False,
    "sections": False,
    "closing": False,
}


REQUIRED_HINTS = {
    "date": ': the publication date, "YYYY", "YYYY-MM" or "YYYY-MM-DD" (it dates the'
    " briefs and their metadata)",
}


def read_report(r: Reader) -> Report:
    """The report of ``r.path``, every problem of the file raised together."""
    notes: list[str] = []
    root = load_yaml(r.path, notes)
    if not r.mapping(root, "the report", set(TOP_KEYS)):
        r.problems.raise_if_any()
    check_sizes(r, root)
    for key, required in TOP_KEYS.items():
        if required and root.get(key) is None:
            r.error(f"missing required key {key!r}{REQUIRED_HINTS.get(key, '')}", root.loc)
    language = read_language(r, root)
    # (a report without a date is said above and never built: the year 1 stands in)
    date = read_date(r, root.get("date")) or nb.PartialDate(1)
    figures = read_figures(r, root.get("figures"), language)
    ids = ReportIds()
    report = Report(
        id=r.report_id,
        path=r.path,
        language=language,
        date=date,
        title=r.src(root.get("title"), "title", "title")
        or Src("", f"{r.report_id}/title", root.loc),
        kicker=r.src(root.get("kicker"), "kicker", "kicker"),
        subject=r.src(root.get("subject"), "subject", "subject"),
        keywords=r.src_list(root.get("keywords"), "keywords"),
        authors=r.src_list(root.get("authors"), "authors"),
        picture_credit=r.src(root.get("picture_credit"), "picture_credit", "picture credit"),
        sources=r.src_list(root.get("sources"), "sources"),
        styles=read_styles(r, root.get("style")),
        figures=figures,
        key_figures=(keys := read_key_figures(r, root.get("key_figures"), figures)),
        chart=read_chart(r, root.get("chart"), figures, keys),
        lead=read_blocks(r, root.get("lead"), "lead", ids),
        sections=read_sections(r, root.get("sections"), ids),
        closing=read_blocks(r, root.get("closing"), "closing", ids),
        notes=tuple(notes),
        period=_period(r, root.get("period"), figures),
        contact=r.src(root.get("contact"), "contact", "contact"),
    )
    _check_uses(r, figures)
    for table in report.tables():
        check_table(r, table, figures)
    r.problems.raise_if_any()
    return report


def _period(r: Reader, node: Node | None, figures: dict[str, SrcFigure]) -> str | None:
    """``period:``: the figure (a date or a range of months) the report's figures cover."""
    name = r.text(node, "period")
    if name is None or node is None or name in r.broken_figures:
        return None
    if name not in figures:
        r.error(
            f"period {name!r} is not defined under figures{did_you_mean(name, list(figures))}",
            node.loc,
        )
        return None
    if figures[name].figure.kind not in (nb.Kind.DATE, nb.Kind.MONTH_RANGE):
        r.error(f"period {name!r} is a {figures[name].figure.kind}, not a date", node.loc)
        return None
    return name


def _check_uses(r: Reader, figures: dict[str, SrcFigure]) -> None:
    """Every ``{name}`` in the text names a figure (a broken one is said once, not here)."""
    for name, loc in r.used_placeholders:
        if name not in figures and name not in r.broken_figures:
            r.error(
                f"{{{name}}} is not a figure of this report{did_you_mean(name, list(figures))}",
                loc,
            )


def load_report(path: Path, project_root: Path | None = None) -> Report:
    """Read and validate one content file."""
    root = project_root or path.resolve().parent.parent
    return read_report(Reader(path, root))


def find_reports(content_dir: Path) -> list[Path]:
    if not content_dir.is_dir():
        raise UsageError(
            f"no content folder here (looked for {content_dir.resolve()}/):"
            " run jbreport in a project folder"
            " (one holding content/ and translations/) or name it with -C DIR"
        )
    paths = sorted(p for p in content_dir.glob("*.yaml") if not p.name.startswith("."))
    if not paths:
        raise ContentError("no report (*.yaml) in the content folder", Location.of(content_dir))
    return paths


def load_reports(content_dir: Path, only: list[str] | None = None) -> list[Report]:
    """Every report of the project (or those named), all problems reported together."""
    paths = find_reports(content_dir)
    if only:
        known = {p.stem: p for p in paths}
        missing = [r for r in only if r not in known]
        if missing:
            raise UsageError(
                f"no report named {missing[0]!r}{did_you_mean(missing[0], list(known))}"
                f" (reports: {', '.join(known)})"
            )
        paths = [known[r] for r in only]
    problems = Collector()
    reports: list[Report] = []
    for path in paths:
        try:
            reports.append(load_report(path, content_dir.resolve().parent))
        except JbreportError as exc:
            problems.add(exc)
    problems.raise_if_any()
    return reports
