"""Layouts: Jinja2 templates, rendered in the sandbox, that say which parts a brief has.

A layout names parts and their boilerplate; it never formats.  Its calls are recorded:

    {{ header(_("…")) }}   {{ footer(_("Page {page} of {pages}")) }}
    {{ part("key_figures", title=_("Key figures")) }}
    {% for s in report.sections %}{{ part("section", id=s.id) }}{% endfor %}

``_()`` marks a string for translation (extracted into the catalogs, translated per
language by :mod:`jbreport.localize`).  A user copies a layout into ``<project>/templates/``
and edits it; that copy wins over the one shipped with jbreport.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import limits
from .errors import Location, TemplateError, UsageError, did_you_mean
from .i18n.placeholders import LoneBrace, check_plain
from .layout_budget import OverBudget, checked_args, checked_binop, step_budget

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
SUFFIX = ".j2"
PARTS = {
    "cover",
    "toc",
    "key_figures",
    "chart",
    "lead",
    "section",
    "sections",
    "closing",
    "photos",
    "credits",
    "table",
}

# Boilerplate the content parts need, set with words(name=_("…")); English defaults.
WORDS = {
    "byline": "By {authors}",
    "photo_credit": "(Photo: {name})",
    "source": "Source: {source}",
    "key_figures": "Key figures",
    "chart": "Main amounts",
    # a chart of growth rates, and the time they cover ("Year-on-year growth, 2022 (%)")
    "chart_growth": "Year-on-year growth, {period} (%)",
    "contact": "Contact: {contact}",
    "toc": "Contents",
    "credits": "Credits",
    # a table column's label and the unit its figures share ("零售额（亿元）")
    "table_unit": "{label} ({unit})",
    # the number of a numbered list's item, written in the language's digits
    "list_number": "{number}.",
}


@dataclass(frozen=True, slots=True)
class Msg:
    """A boilerplate string of a layout, translated later for each edition language."""

    msgid: str
    lineno: int
    template: str

    def __str__(self) -> str:
        return self.msgid


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    args: dict[str, Any]
    loc: Location


@dataclass
class Layout:
    name: str
    path: Path
    parts: list[Part] = field(default_factory=list)
    header: Msg | None = None
    footer: Msg | None = None
    title_in_header: bool = True
    words: dict[str, Msg] = field(default_factory=dict)
    # photo_size(width=…, height=…): the most a photo takes, across and down
    photo_width: str = "full"
    photo_height: int = 50


def template_dirs(project_root: Path | None) -> list[Path]:
    dirs = []
    if project_root is not None and (project_root / "templates").is_dir():
        dirs.append(project_root / "templates")
    dirs.append(PACKAGE_TEMPLATES)
    return dirs


def available_layouts(project_root: Path | None) -> list[str]:
    names = set()
    for folder in template_dirs(project_root):
        names |= {p.stem for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith("_")}
    return sorted(names)


_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")  # a layout's name: never a path


def find_template(name: str, project_root: Path | None) -> Path:
    for folder in template_dirs(project_root):
        path = folder / f"{name}{SUFFIX}"
        if _NAME_RE.fullmatch(name) and path.is_file():
            return path

    known = available_layouts(project_root)
    raise UsageError(  # a name the user typed, like an unknown report
        f"no layout named {name!r}{did_you_mean(name, known)} (known: {', '.join(known)})"
    )


def _template_line(path: Path, exc: BaseException) -> int | None:
    """The template line a runtime error happened on, from Jinja2's rewritten traceback."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == str(path):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with the sizes of values bounded (see :mod:`.layout_budget`)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        checked_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(
        __self,
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        checked_args(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


def _bounded(function: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        checked_args(args[1:], kwargs)  # the value filtered is what it is
        return function(*args, **kwargs)

    for attribute in ("jinja_pass_arg",):  # how Jinja2 knows a filter takes the context
        if hasattr(function, attribute):
            setattr(call, attribute, getattr(function, attribute))
    return call


_ENV: dict[str, ImmutableSandboxedEnvironment] = {}


def _environment(folder: Path) -> ImmutableSandboxedEnvironment:
    key = str(folder)
    if key not in _ENV:
        env = _Sandbox(
            loader=jinja2.FileSystemLoader(str(folder)),
            autoescape=False,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
        env.filters = {name: _bounded(f) for name, f in env.filters.items()}
        _ENV[key] = env
    return _ENV[key]


def check_syntax(path: Path) -> None:
    """Refuse a template Jinja2 cannot parse, naming its line (extraction would skip it)."""
    try:
        source = path.read_text(encoding="utf-8")
        _environment(path.parent).parse(source, path.name, str(path))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}", Location(Location.of(path).path, exc.lineno)
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"cannot read the template: {exc}", Location.of(path)) from None


def run_layout(name: str, project_root: Path | None, report: dict[str, Any]) -> Layout:
    """Render layout ``name`` for a report summary and return the parts it asked for."""
    path = find_template(name, project_root)
    calls = _Calls(Layout(name, path), path)
    env = _environment(path.parent)
    try:
        if path.stat().st_size > limits.TEMPLATE_BYTES:
            raise TemplateError(
                f"larger than {limits.TEMPLATE_BYTES // 1024} KB: not a layout", Location.of(path)
            )
        template = env.get_template(path.name)
        _render(template, calls, report)
    except TemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}", Location(calls.shown, exc.lineno)
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"template not found: {exc.name}", Location(calls.shown, _template_line(path, exc))
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(
            f"template error: {exc.message or exc}",
            Location(calls.shown, _template_line(path, exc)),
        ) from None
    except RecursionError as exc:
        raise TemplateError(
            "the layout calls itself without end (an extends, include or macro of itself)",
            Location(calls.shown, _template_line(path, exc)),
        ) from None
    except (OverBudget, OverflowError, MemoryError) as exc:
        raise TemplateError(
            f"template error: {exc or 'out of memory'}",
            Location(calls.shown, _template_line(path, exc)),
        ) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as exc:
        raise TemplateError(
            f"template error: {exc}", Location(calls.shown, _template_line(path, exc))
        ) from None
    return calls.layout


def _render(template: jinja2.Template, calls: _Calls, report: dict[str, Any]) -> None:
    """Run the template within its budget of steps and output (the output is dropped:
    what counts are the calls)."""
    written = 0
    with step_budget():
        for chunk in template.generate(
            report=report,
            part=calls.part,
            header=calls.header,
            footer=calls.footer,
            words=calls.words,
            photo_size=calls.photo_size,
            _=calls.gettext,
            gettext=calls.gettext,
        ):
            written += len(chunk)
            if written > limits.TEMPLATE_OUTPUT:
                raise OverBudget(
                    f"the layout wrote over {limits.TEMPLATE_OUTPUT:,} characters of output;"
                    " a layout lists parts, its text is not printed"
                )


class _Calls:
    """What a layout can call; each call is recorded in ``layout`` with its template line."""

    def __init__(self, layout: Layout, path: Path) -> None:
        self.layout = layout
        self.path = path
        self.shown = Location.of(path).path

    def here(self) -> Location:
        """The template line of the call being made, through Jinja2's line mapping."""
        frame = sys._getframe(2)
        while frame is not None:
            template = frame.f_globals.get("__jinja_template__")
            if template is not None and frame.f_code.co_filename == str(self.path):
                return Location(self.shown, int(template.get_corresponding_lineno(frame.f_lineno)))
            frame = frame.f_back  # type: ignore[assignment]
        return Location(self.shown)

    def gettext(self, msgid: str) -> Msg:
        if not isinstance(msgid, str):
            raise TemplateError("_() takes a string", self.here())
        if len(msgid) > limits.SHORT_CHARS:
            raise TemplateError(
                f"a word of {len(msgid):,} characters; at most {limits.SHORT_CHARS:,}", self.here()
            )
        try:
            check_plain(msgid)
        except LoneBrace:
            pass  # said where the word is filled, with the edition it breaks
        except ValueError as exc:
            raise TemplateError(str(exc), self.here()) from None
        return Msg(msgid, self.here().line or 0, self.shown)

    def part(self, part_name: str, **args: Any) -> str:
        loc = self.here()
        if part_name not in PARTS:
            raise TemplateError(
                f"unknown part {part_name!r}{did_you_mean(part_name, sorted(PARTS))}", loc
            )
        if len(self.layout.parts) >= limits.TEMPLATE_PARTS:
            raise TemplateError(f"over {limits.TEMPLATE_PARTS:,} parts; a layout lists fewer", loc)
        for key, value in args.items():
            wanted = _ARGUMENTS.get(key)
            if wanted is not None and not isinstance(value, wanted[0]):
                raise TemplateError(f"part {part_name!r}: {key} must be {wanted[1]}", loc)
        self.layout.parts.append(Part(part_name, dict(args), loc))
        return ""

    def header(self, msg: Msg | str | None = None, title: bool = True) -> str:
        msg = self.gettext(msg) if isinstance(msg, str) else msg
        if msg is not None and not isinstance(msg, Msg):
            raise TemplateError('header() takes a word marked _("…"), or nothing', self.here())
        self.layout.header = msg
        self.layout.title_in_header = bool(title)
        return ""

    def footer(self, msg: Msg | str) -> str:
        msg = self.gettext(msg) if isinstance(msg, str) else msg
        if not isinstance(msg, Msg):
            raise TemplateError('footer() takes a word marked _("…")', self.here())
        self.layout.footer = msg
        return ""

    def photo_size(self, width: str = "full", height: int = 50) -> str:
        """The most a photo may take: the measure's ``width`` ("full", or a bilingual page's
        "column") and ``height`` percent of the page's text area (10 to 50)."""
        if width not in ("full", "column"):
            raise TemplateError(f"photo_size: width {width!r}: use 'full' or 'column'", self.here())
        if not isinstance(height, int) or isinstance(height, bool) or not 10 <= height <= 50:
            raise TemplateError(
                f"photo_size: height {height!r}: a percentage from 10 to 50", self.here()
            )
        self.layout.photo_width, self.layout.photo_height = width, height
        return ""

    def words(self, **named: Msg) -> str:
        for key, msg in named.items():
            if key not in WORDS:
                raise TemplateError(
                    f"unknown word {key!r}{did_you_mean(key, sorted(WORDS))}", self.here()
                )
            if not isinstance(msg, Msg):
                raise TemplateError(f'words(): {key} must be a word marked _("…")', self.here())
            self.layout.words[key] = msg
        return ""


# the arguments of part() that the parts read, and what each must be
_ARGUMENTS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "title": (Msg, 'a word marked _("…")'),
    "byline": (Msg, 'a word marked _("…")'),
    "source": (Msg, 'a word marked _("…")'),
    "id": (str, "a section id (text)"),
    "kicker": (bool, "true or false"),
    "picture": (bool, "true or false"),
}


def copy_layout(name: str, project_root: Path) -> Path:
    """Copy a built-in layout into ``<project>/templates/`` for the user to edit."""
    from .atomic import write_bytes

    source = PACKAGE_TEMPLATES / f"{name}{SUFFIX}"
    if not _NAME_RE.fullmatch(name) or not source.is_file():
        find_template(name, None)  # raises with the list of known layouts
    target = project_root / "templates" / source.name
    if target.exists():
        raise TemplateError("already exists; edit it or delete it first", Location.of(target))
    write_bytes(target, source.read_bytes())
    return target
