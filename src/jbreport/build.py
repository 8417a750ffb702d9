"""Build: every requested report × edition × layout × format, written atomically.

Work done once per process (content, catalogs, fonts, libraries) is shared by all outputs;
``jobs > 1`` spreads the outputs over worker processes (see :func:`build`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import BrokenExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import preflight, workers
from .atomic import write_all
from .errors import (
    Collector,
    JbreportError,
    Location,
    OutputError,
    RenderError,
    UsageError,
)
from .render import FORMATS, RenderOptions, prepare, render_one

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from .model import Document
    from .po.lookup import Catalogs
    from .source.model import Report

# The content, catalog, layout and localizing modules (YAML, Babel, Jinja2) are imported by
# the functions that use them, not here: a parallel build starts its workers first, and
# they load the renderers' libraries and fonts while this process imports those modules.


@dataclass(frozen=True, slots=True)
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def translations(self) -> Path:
        return self.root / "translations"


@dataclass(frozen=True, slots=True)
class Job:
    report: str
    edition: tuple[str, ...]
    layout: str
    fmt: str

    def filename(self) -> str:
        edition = "+".join(self.edition)
        suffix = "" if self.layout == "brief" else f".{self.layout}"
        return f"{self.report}.{edition}{suffix}.{self.fmt}"


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    fallbacks: dict[str, dict[tuple[str, str], str]] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)  # output name → warnings
    notes: list[str] = field(default_factory=list)  # about the input: "file:line:col: …"


def default_editions(report: Report, catalogs: Catalogs) -> list[tuple[str, ...]]:
    """The report's own language, each language whose catalog has begun to translate the
    report, and each of those paired with its own.  A catalog just made by `translations
    init` is left out: every sentence of its edition would be the source's."""
    started = [tag for tag in _other_languages(report, catalogs) if _started(report, catalogs, tag)]
    return [(report.language,), *((t,) for t in started), *((report.language, t) for t in started)]


def not_started(report: Report, catalogs: Catalogs) -> list[str]:
    """Catalog languages left out of the default editions: nothing of the report translated."""
    return [t for t in _other_languages(report, catalogs) if not _started(report, catalogs, t)]


def _other_languages(report: Report, catalogs: Catalogs) -> list[str]:
    from .i18n.locale import same_language

    return [t for t in catalogs.languages() if not same_language(t, report.language)]


def _started(report: Report, catalogs: Catalogs, tag: str) -> bool:
    """Whether the catalog holds a translation of any of the report's strings, current or
    fuzzy (after a big revision of the source, most are fuzzy for a while)."""
    catalog = catalogs.lookup(tag, report.language).catalog
    if catalog is None:
        return False
    for src in report.strings():
        message = catalog.get(src.text, context=src.context)
        if message is not None and any(
            message.string if isinstance(message.string, tuple) else (message.string,)
        ):
            return True
    return False


def parse_edition(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in text.split("+") if p.strip())
    if not 1 <= len(parts) <= 2 or len(set(parts)) != len(parts):
        raise UsageError(f"an edition is a language (zh) or a pair (zh+en), not {text!r}")
    return parts


def plan(
    reports: list[Report],
    catalogs: Catalogs,
    editions: list[tuple[str, ...]] | None,
    layouts: list[str],
    formats: list[str],
) -> list[Job]:
    from .i18n.locale import same_language

    jobs = []
    for report in reports:
        for edition in editions or default_editions(report, catalogs):
            edition = tuple(
                report.language if same_language(t, report.language) else t for t in edition
            )
            for tag in edition:
                if (
                    not same_language(tag, report.language)
                    and catalogs.lookup(tag, report.language).catalog is None
                ):
                    raise UsageError(
                        f"no catalog for {tag!r}: run `jbreport translations init {tag}`"
                    )
            for layout in layouts:
                for fmt in formats:
                    jobs.append(Job(report.id, edition, layout, fmt))
    return jobs


Fallbacks = dict[tuple[str, str, str], str]  # (language, msgctxt, msgid) -> untranslated | fuzzy


def localize_job(
    project: Project,
    job: Job,
    reports: dict[str, Report],
    catalogs: Catalogs,
    options: RenderOptions,
    strict: bool = False,
) -> tuple[Document, Fallbacks]:
    """One output's document: the report through its layout and catalogs, strings final."""
    from .layout import Part, run_layout
    from .localize import localize

    report = reports[job.report]
    summary = {
        "id": report.id,
        "language": report.language,
        "sections": [{"id": s.id} for s in report.sections],
        "tables": [{"id": t.id} for t in report.tables()],
        "has_key_figures": bool(report.key_figures),
        "editions": list(job.edition),
        "bilingual": len(job.edition) > 1,
        "format": job.fmt,
    }
    layout = run_layout(job.layout, project.root, summary)
    if options.toc and job.fmt == "docx" and not any(p.name == "toc" for p in layout.parts):
        # --toc: a table of contents after the cover, titled by the layout's word
        at = next((i + 1 for i, p in enumerate(layout.parts) if p.name == "cover"), 0)
        toc = Part("toc", {}, Location.of(layout.path))
        layout = replace(layout, parts=[*layout.parts[:at], toc, *layout.parts[at:]])
    localized = localize(report, layout, catalogs, job.edition)
    if strict:
        preflight.refuse_fallbacks(localized.lookups)
    fallbacks: Fallbacks = {}
    for lookup in localized.lookups:
        for (context, msgid), reason in lookup.fallbacks.items():
            fallbacks[(lookup.language, context, msgid)] = reason
    return localized.document, fallbacks


def build(
    project: Project,
    *,
    reports: list[str] | None = None,
    editions: list[tuple[str, ...]] | None = None,
    layouts: list[str] | None = None,
    formats: list[str] | None = None,
    out_dir: Path | None = None,
    options: RenderOptions | None = None,
    jobs: int | None = 1,
    strict: bool = False,
    progress: Callable[[Path], None] | None = None,
) -> BuildResult:
    """Build every output in memory, then write them all; any error writes nothing.

    ``jobs``: how many processes may render; None: as many as pay for themselves (see
    :func:`workers.auto_workers`).  With more than one, the outputs are spread over a pool of
    worker processes, each rendering whole outputs (a pure function of the document);
    this process localizes each output's document while the workers render the others."""
    options = options or RenderOptions()
    formats = list(formats or FORMATS)
    for fmt in formats:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    pool = None
    if jobs is not None and jobs > 1:
        # asked for: started now, so that the workers load the renderers' libraries and
        # fonts while this process reads the content and catalogs
        most = workers.most_outputs(reports, editions, layouts, formats)
        pool = workers.start_pool(min(jobs, most, workers.most_jobs()), formats, options)
    try:
        from .layout import find_template
        from .po.lookup import load_catalogs
        from .source.load import load_reports

        loaded = load_reports(project.content, reports)
        if strict:
            preflight.refuse_missing_images(loaded)
        catalogs = load_catalogs(project.translations)
        out = out_dir or project.root / "output"
        todo = plan(loaded, catalogs, editions, layouts or ["brief"], formats)
        preflight.refuse_unsupported_scripts(job.edition for job in todo)
        for name in dict.fromkeys(job.layout for job in todo):
            find_template(name, project.root)
        if jobs is None and (count := workers.auto_workers(todo, loaded)) > 1:
            pool = workers.start_pool(count, formats, options)
        by_id = {report.id: report for report in loaded}
        rendered = _render_all(project, todo, by_id, catalogs, options, strict, pool, out)
    finally:
        # also on Ctrl-C or a stop signal (cli.main): the workers finish the output they are
        # rendering (they ignore Ctrl-C and SIGHUP, see workers.warm_up); what is queued is
        # cancelled
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    result = _result(loaded, catalogs, editions)
    _write(result, rendered, out, progress)
    return result


def _write(
    result: BuildResult,
    rendered: list[tuple[Job, bytes, Fallbacks, list[str]]],
    out: Path,
    progress: Callable[[Path], None] | None,
) -> None:
    """Write every output at once (atomically), and say what was written with what."""
    fallbacks: Fallbacks = {}
    write_all([(out / job.filename(), data) for job, data, _fb, _warnings in rendered])
    for job, _data, fb, warnings in rendered:
        target = out / job.filename()
        result.written.append(target)
        fallbacks.update(fb)
        if warnings:
            result.warnings[job.filename()] = warnings
        if progress:
            progress(target)
    for (language, context, msgid), reason in sorted(fallbacks.items()):
        result.fallbacks.setdefault(language, {})[(context, msgid)] = reason


def _render_all(
    project: Project,
    todo: list[Job],
    reports: dict[str, Report],
    catalogs: Catalogs,
    options: RenderOptions,
    strict: bool,
    pool: Executor | None,
    out: Path,
) -> list[tuple[Job, bytes, Fallbacks, list[str]]]:
    """Every output in memory, once the fonts are known to load (a bad one fails here, once:
    loaded here, or by the workers, which say whether they could)."""
    try:
        if pool is None:
            prepare({job.fmt for job in todo}, options)
        else:
            pool.submit(workers.warm_up_problem).result()
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write here: {exc.strerror}", Location.of(out)) from None
        return list(_execute(project, todo, reports, catalogs, options, strict, pool))
    except BrokenExecutor:
        raise RenderError(
            "a worker process stopped before its output was rendered (killed, or out of"
            " memory?); nothing was written; build again, or with -j 1 in one process"
        ) from None


def _result(
    loaded: list[Report], catalogs: Catalogs, editions: list[tuple[str, ...]] | None
) -> BuildResult:
    """The build's notes about its input: photos without an image, catalogs left out."""
    result = BuildResult(notes=[note for report in loaded for note in report.notes])
    for report in loaded:
        if imageless := [photo for photo in report.photos() if photo.image is None]:
            # the first few by name: a long report's warning stays one readable line
            names = ", ".join(photo.id for photo in imageless[:_NAMED])
            if len(imageless) > _NAMED:
                names += f" and {len(imageless) - _NAMED} more"
            result.notes.append(
                f"{imageless[0].caption.loc}: {len(imageless)} photo(s) have no image ({names}):"
                " a frame is left for each; give each an `image:`"
            )
    if editions is None:
        for report in loaded:
            for tag in not_started(report, catalogs):
                result.notes.append(
                    f"{tag}: not built, its catalog translates nothing of {report.id} yet"
                    f" (build it anyway with -l {tag})"
                )
    return result


_NAMED = 8  # photos named in the warning about photos without an image


def _execute(
    project: Project,
    todo: list[Job],
    reports: dict[str, Report],
    catalogs: Catalogs,
    options: RenderOptions,
    strict: bool,
    pool: Executor | None,
) -> Iterable[tuple[Job, bytes, Fallbacks, list[str]]]:
    errors = Collector()
    # each job's error, or its output on its way from a worker: said in the order of the jobs
    pending: list[JbreportError | tuple[Job, Fallbacks, Future[tuple[bytes, list[str]]]]] = []
    for job in todo:
        try:
            document, fallbacks = localize_job(project, job, reports, catalogs, options, strict)
            if pool is None:
                data, warnings = render_one(job.fmt, document, options)
                yield job, data, fallbacks, warnings
            else:
                future = pool.submit(workers.render, job.fmt, document, options)
                pending.append((job, fallbacks, future))
        except JbreportError as exc:
            pending.append(exc)
    for item in pending:
        if isinstance(item, JbreportError):
            errors.add(item)
            continue
        job, fallbacks, future = item
        try:
            data, warnings = future.result()
        except JbreportError as exc:
            errors.add(exc)
            continue
        yield job, data, fallbacks, warnings
    errors.raise_if_any()
