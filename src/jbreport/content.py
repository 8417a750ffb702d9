"""Load and validate report content (``content/*.yaml``) into the source model.

The source model holds the report as written: source-language strings (each with its
catalog context and file:line), figures as exact values, blocks in order.  Validation
collects every problem of a file and raises them together.  The format is described in
``docs/content-format.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .errors import Collector, ContentError, JbreportError, Location, UsageError
from .i18n import figures as nb
from .i18n.locale import get_locale
from .i18n.placeholders import placeholders
from .i18n.reading import parse_number
from .text import clean_text
from .yamlnodes import Node, did_you_mean, load_yaml


@dataclass(frozen=True, slots=True)
class Src:
    """A translatable string of the source language."""

    text: str
    context: str  # msgctxt: a stable path to where the string lives
    loc: Location


@dataclass(frozen=True, slots=True)
class SrcParagraph:
    id: str
    text: Src


@dataclass(frozen=True, slots=True)
class SrcPhoto:
    id: str
    caption: Src
    photographer: Src | None
    image: Path | None


SrcBlock = SrcParagraph | SrcPhoto


@dataclass(frozen=True, slots=True)
class SrcSection:
    id: str
    heading: Src
    blocks: tuple[SrcBlock, ...]


@dataclass(frozen=True, slots=True)
class SrcFigure:
    name: str
    figure: nb.Figure
    loc: Location
    noun: Src | None


@dataclass(frozen=True, slots=True)
class SrcKeyFigure:
    figure: str
    label: Src


@dataclass(frozen=True, slots=True)
class Report:
    id: str
    path: Path
    language: str
    date: nb.PartialDate | None
    title: Src
    kicker: Src | None
    subject: Src | None
    keywords: tuple[Src, ...]
    authors: tuple[Src, ...]
    picture_credit: Src | None
    sources: tuple[Src, ...]
    styles: dict[str, nb.NumberStyle]
    figures: dict[str, SrcFigure]
    key_figures: tuple[SrcKeyFigure, ...]
    chart: tuple[str, ...]  # figures of the chart; empty: the key figures' amounts
    lead: tuple[SrcBlock, ...]
    sections: tuple[SrcSection, ...]
    closing: tuple[SrcBlock, ...]
    notes: tuple[str, ...] = ()  # what was cleaned from the file, each with file:line:col

    def photos(self) -> list[SrcPhoto]:
        """Every photo of the report, in reading order."""
        blocks = [*self.lead, *(b for s in self.sections for b in s.blocks), *self.closing]
        return [b for b in blocks if isinstance(b, SrcPhoto)]

    def strings(self) -> list[Src]:
        """Every translatable string, in reading order."""
        out: list[Src] = []
        for s in (self.kicker, self.title, self.subject):
            if s is not None:
                out.append(s)
        out += [*self.authors, *self.keywords]
        out += [k.label for k in self.key_figures]
        out += [f.noun for f in self.figures.values() if f.noun is not None]
        out += _block_strings(self.lead)
        for section in self.sections:
            out.append(section.heading)
            out += _block_strings(section.blocks)
        out += _block_strings(self.closing)
        if self.picture_credit is not None:
            out.append(self.picture_credit)
        out += self.sources
        return out


def _block_strings(blocks: tuple[SrcBlock, ...]) -> list[Src]:
    out: list[Src] = []
    for block in blocks:
        if isinstance(block, SrcParagraph):
            out.append(block.text)
        else:
            out.append(block.caption)
            if block.photographer is not None:
                out.append(block.photographer)
    return out


TOP_KEYS = {
    "language": True,
    "title": True,
    "date": False,
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
    "lead": False,
    "sections": False,
    "closing": False,
}
FIGURE_KEYS = {
    "kind",
    "value",
    "currency",
    "unit",
    "unit_style",
    "noun",
    "qualifier",
    "decimals",
    "scale",
    "skeleton",
}
STYLE_KEYS = {"min_grouping_digits"}
MAX_TEXT = 200_000  # characters in one string: a long chapter, never a pasted file
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def check_placeholders(text: str) -> list[str]:
    """Placeholders of ``text``; ValueError on a malformed one (a lone brace)."""
    names = placeholders(text)
    for name in names:
        if not NAME_RE.fullmatch(name):
            raise ValueError(f"placeholder {{{name}}} is not a figure name")
    return names


class _Reader:
    """Validates one content file, collecting problems."""

    def __init__(self, path: Path, project_root: Path) -> None:
        self.path = path
        self.root = project_root
        self.report_id = path.stem
        self.problems = Collector()
        self.used_placeholders: list[tuple[str, Location]] = []
        self.broken_figures: set[str] = set()  # reported once, not again at each use

    def error(self, message: str, loc: Location) -> None:
        self.problems.add(ContentError(message, loc))

    # -- primitive readers -----------------------------------------------------------

    def text(self, node: Node | None, what: str) -> str | None:
        if node is None:
            return None
        if node.kind != "text":
            self.error(f"{what} must be text, not a {node.kind}", node.loc)
            return None
        assert node.text is not None
        return node.text

    def src(
        self, node: Node | None, context: str, what: str, *, figures: bool = True
    ) -> Src | None:
        """A translatable string; with ``figures``, its placeholders must name figures."""
        raw = self.text(node, what)
        if raw is None or node is None:
            return None
        text = clean_text(raw)
        if not text.strip():
            self.error(f"{what} is empty", node.loc)
            return None
        if len(text) > MAX_TEXT:
            self.error(
                f"{what} has {len(text):,} characters; a block holds at most {MAX_TEXT:,}:"
                " split it into paragraphs",
                node.loc,
            )
            return None
        try:
            names = check_placeholders(text)
        except ValueError as exc:
            self.error(f"{what}: {exc} (write a literal brace as {{{{ or }}}})", node.loc)
            return None
        if figures:
            self.used_placeholders += [(name, node.loc) for name in names]
        return Src(text, f"{self.report_id}/{context}", node.loc)

    def items(self, node: Node | None, what: str) -> tuple[Node, ...]:
        if node is None or node.is_null:
            return ()
        if node.items is None:
            self.error(f"{what} must be a list", node.loc)
            return ()
        return node.items

    def mapping(self, node: Node, what: str, allowed: set[str]) -> bool:
        if node.mapping is None:
            self.error(f"{what} must be a mapping (key: value)", node.loc)
            return False
        for key in node.mapping:
            if key not in allowed:
                self.error(
                    f"unknown key {key!r} in {what}{did_you_mean(key, sorted(allowed))}",
                    node.key_locs[key],
                )
        return True

    def ident(self, node: Node | None, what: str, seen: dict[str, Location]) -> str | None:
        value = self.text(node, what)
        if value is None or node is None:
            return None
        if not ID_RE.fullmatch(value):
            self.error(f"{what} {value!r} must be ASCII letters, digits, - or _", node.loc)
            return None
        if value in seen:
            self.error(f"duplicate {what} {value!r} (first at line {seen[value].line})", node.loc)
            return None
        seen[value] = node.loc
        return value

    # -- the report ------------------------------------------------------------------

    def read(self) -> Report:
        notes: list[str] = []
        root = load_yaml(self.path, notes)
        if not self.mapping(root, "the report", set(TOP_KEYS)):
            self.problems.raise_if_any()
        for key, required in TOP_KEYS.items():
            if required and root.get(key) is None:
                self.error(f"missing required key {key!r}", root.loc)
        language = self.text(root.get("language"), "language") or "und"
        try:
            get_locale(language)
        except nb.FigureValueError as exc:
            node = root.get("language")
            self.error(str(exc), node.loc if node else root.loc)
        date = None
        if (node := root.get("date")) is not None and (raw := self.text(node, "date")):
            try:
                date = nb.PartialDate.parse(raw)
            except nb.FigureValueError as exc:
                self.error(str(exc), node.loc)
        figures = self.figures(root.get("figures"), language)
        ids: dict[str, Location] = {}
        report = Report(
            id=self.report_id,
            path=self.path,
            language=language,
            date=date,
            title=self.src(root.get("title"), "title", "title")
            or Src("", f"{self.report_id}/title", root.loc),
            kicker=self.src(root.get("kicker"), "kicker", "kicker"),
            subject=self.src(root.get("subject"), "subject", "subject"),
            keywords=self.src_list(root.get("keywords"), "keywords"),
            authors=self.src_list(root.get("authors"), "authors"),
            picture_credit=self.src(root.get("picture_credit"), "picture_credit", "picture credit"),
            sources=self.src_list(root.get("sources"), "sources"),
            styles=self.styles(root.get("style")),
            figures=figures,
            key_figures=(keys := self.key_figures(root.get("key_figures"), figures)),
            chart=self.chart(root.get("chart"), figures, {k.figure for k in keys}),
            lead=self.blocks(root.get("lead"), "lead", ids),
            sections=self.sections(root.get("sections"), ids),
            closing=self.blocks(root.get("closing"), "closing", ids),
            notes=tuple(notes),
        )
        for name, loc in self.used_placeholders:
            if name not in figures and name not in self.broken_figures:
                self.error(
                    f"{{{name}}} is not a figure of this report{did_you_mean(name, list(figures))}",
                    loc,
                )
        self.problems.raise_if_any()
        return report

    def src_list(self, node: Node | None, key: str) -> tuple[Src, ...]:
        out = []
        for i, item in enumerate(self.items(node, key), start=1):
            if (s := self.src(item, f"{key}/{i}", f"{key} item")) is not None:
                out.append(s)
        return tuple(out)

    def styles(self, node: Node | None) -> dict[str, nb.NumberStyle]:
        styles: dict[str, nb.NumberStyle] = {}
        if node is None or not self.mapping(node, "style", set(node.mapping or {})):
            return styles
        for tag, entry in node.entries():
            try:
                get_locale(tag)
            except nb.FigureValueError as exc:
                self.error(str(exc), node.key_locs[tag])
                continue
            if not self.mapping(entry, f"style of {tag}", STYLE_KEYS):
                continue
            digits = 1
            if (d := entry.get("min_grouping_digits")) is not None:
                digits = self.integer(d, "min_grouping_digits", 1, 4) or 1
            styles[tag] = nb.NumberStyle(min_grouping_digits=digits)
        return styles

    def integer(self, node: Node, what: str, low: int, high: int) -> int | None:
        raw = self.text(node, what)
        if raw is None:
            return None
        if not re.fullmatch(r"-?\d+", raw.strip()) or not low <= int(raw) <= high:
            self.error(f"{what} must be a whole number from {low} to {high}, not {raw!r}", node.loc)
            return None
        return int(raw)

    # -- figures ---------------------------------------------------------------------

    def figures(self, node: Node | None, language: str) -> dict[str, SrcFigure]:
        figures: dict[str, SrcFigure] = {}
        if node is None or node.is_null:
            return figures
        if node.mapping is None:
            self.error("figures must be a mapping of name: figure", node.loc)
            return figures
        for name, entry in node.entries():
            loc = node.key_locs[name]
            if not NAME_RE.fullmatch(name):
                self.error(f"figure name {name!r} must be letters, digits and _", loc)
                continue
            try:
                figure = self.figure(name, entry, language)
            except nb.FigureValueError as exc:
                self.error(f"figure {name!r}: {exc}", entry.loc)
                self.broken_figures.add(name)
                continue
            except JbreportError as exc:
                self.problems.add(exc)
                self.broken_figures.add(name)
                continue
            if figure is not None:
                figures[name] = figure
        return figures

    def figure(self, name: str, node: Node, language: str) -> SrcFigure | None:
        if not self.mapping(node, f"figure {name!r}", FIGURE_KEYS):
            return None
        raw: dict[str, str] = {}
        for key, value in node.entries():
            if key in FIGURE_KEYS and (text := self.text(value, f"{key} of {name!r}")) is not None:
                raw[key] = text
        kind_text = raw.get("kind")
        if kind_text is None:
            raise nb.FigureValueError(f"missing 'kind' (one of {', '.join(nb.Kind)})")
        try:
            kind = nb.Kind(kind_text)
        except ValueError:
            raise nb.FigureValueError(
                f"unknown kind {kind_text!r}{did_you_mean(kind_text, [k.value for k in nb.Kind])}"
                f" (one of {', '.join(nb.Kind)})"
            ) from None
        if "value" not in raw:
            raise nb.FigureValueError("missing 'value'")
        value_text = raw["value"]
        fields: dict[str, object] = {"kind": kind}

        def need(key: str, check: Callable[[str], str]) -> None:
            if key not in raw:
                raise nb.FigureValueError(f"a {kind} figure needs '{key}'")
            fields[key] = check(raw[key])

        def refuse(*keys: str) -> None:
            for key in keys:
                if key in raw:
                    raise nb.FigureValueError(f"'{key}' does not apply to a {kind} figure")

        match kind:
            case nb.Kind.DATE:
                fields["start"] = nb.PartialDate.parse(value_text)
                if "skeleton" in raw:
                    fields["skeleton"] = nb.check_skeleton(raw["skeleton"])
                refuse("currency", "unit", "noun", "decimals", "scale")
            case nb.Kind.MONTH_RANGE:
                start, sep, end = value_text.partition("/")
                if not sep:
                    raise nb.FigureValueError(
                        f"a month range is YYYY-MM/YYYY-MM, not {value_text!r}"
                    )
                fields["start"], fields["end"] = (
                    nb.PartialDate.parse(start),
                    nb.PartialDate.parse(end),
                )
                if fields["end"].date < fields["start"].date:  # type: ignore[attr-defined]
                    raise nb.FigureValueError("the month range ends before it starts")
                refuse("currency", "unit", "noun", "decimals", "scale", "skeleton")
            case nb.Kind.RATIO:
                parts = tuple(parse_number(p, language) for p in value_text.split(":"))
                if len(parts) < 2:
                    raise nb.FigureValueError(f"a ratio has two or more parts: {value_text!r}")
                fields["parts"] = parts
                refuse("currency", "unit", "noun", "skeleton")
            case _:
                number = parse_number(value_text, language)
                if not number.is_finite():
                    raise nb.FigureValueError(f"impossible value {value_text!r}")
                if kind in (nb.Kind.COUNT, nb.Kind.MONEY, nb.Kind.QUANTITY) and number < 0:
                    raise nb.FigureValueError(
                        f"a {kind} cannot be negative ({value_text});"
                        " use a growth figure for a fall"
                    )
                if kind == nb.Kind.PERCENT and number > Decimal(100000):
                    raise nb.FigureValueError(f"impossible percentage {value_text}")
                fields["value"] = number
                if kind == nb.Kind.MONEY:
                    need("currency", nb.check_currency)
                else:
                    refuse("currency")
                if kind == nb.Kind.QUANTITY:
                    need("unit", nb.check_unit)
                    if "unit_style" in raw:
                        if raw["unit_style"] not in ("short", "long", "narrow"):
                            raise nb.FigureValueError("unit_style is short, long or narrow")
                        fields["unit_style"] = raw["unit_style"]
                else:
                    refuse("unit", "unit_style")
                if kind != nb.Kind.COUNT:
                    refuse("noun")
                refuse("skeleton")
        if "qualifier" in raw:
            try:
                fields["qualifier"] = nb.Qualifier(raw["qualifier"])
            except ValueError:
                raise nb.FigureValueError(
                    f"unknown qualifier {raw['qualifier']!r} (one of {', '.join(nb.Qualifier)})"
                ) from None
        if "decimals" in raw:
            if not re.fullmatch(r"\d", raw["decimals"]):
                raise nb.FigureValueError("decimals must be a whole number from 0 to 9")
            fields["decimals"] = int(raw["decimals"])
        if "scale" in raw:
            if raw["scale"] not in ("auto", "full"):
                raise nb.FigureValueError("scale is auto or full")
            fields["scale"] = raw["scale"]
        noun = None
        if "noun" in raw:
            noun = self.src(
                node.get("noun"), f"figures/{name}/noun", f"noun of {name!r}", figures=False
            )
            if noun is not None:
                if placeholders(noun.text) != ["count"]:
                    raise nb.FigureValueError("a noun has exactly one placeholder, {count}")
                fields["noun"] = noun.text
                fields["noun_context"] = noun.context
        figure = nb.Figure(**fields)  # type: ignore[arg-type]
        return SrcFigure(name, figure, node.loc, noun)

    def key_figures(
        self, node: Node | None, figures: dict[str, SrcFigure]
    ) -> tuple[SrcKeyFigure, ...]:
        out: list[SrcKeyFigure] = []
        seen: set[str] = set()
        for item in self.items(node, "key_figures"):
            if not self.mapping(item, "a key figure", {"figure", "label"}):
                continue
            name = self.text(item.get("figure"), "figure")
            if name is None:
                self.error("a key figure needs 'figure'", item.loc)
                continue
            if name in self.broken_figures:
                continue
            if name not in figures:
                self.error(
                    f"key figure {name!r} is not defined under figures"
                    f"{did_you_mean(name, list(figures))}",
                    item.loc,
                )
                continue
            if name in seen:
                self.error(f"key figure {name!r} is listed twice", item.loc)
                continue
            seen.add(name)
            label = self.src(item.get("label"), f"key_figures/{name}/label", "label")
            if label is None:
                self.error("a key figure needs a 'label'", item.loc)
                continue
            out.append(SrcKeyFigure(name, label))
        return tuple(out)

    def chart(
        self, node: Node | None, figures: dict[str, SrcFigure], keys: set[str]
    ) -> tuple[str, ...]:
        names: list[str] = []
        kinds: set[tuple[nb.Kind, str | None, str | None]] = set()
        for item in self.items(node, "chart"):
            name = self.text(item, "chart item")
            if name is None or name in self.broken_figures:
                continue
            if name not in figures:
                self.error(
                    f"chart figure {name!r} is not defined under figures"
                    f"{did_you_mean(name, list(figures))}",
                    item.loc,
                )
                continue
            if name not in keys:
                self.error(
                    f"chart figure {name!r} must also be a key figure (for its label)", item.loc
                )
                continue
            figure = figures[name].figure
            if figure.value is None:
                self.error(f"chart figure {name!r} is a {figure.kind}, not an amount", item.loc)
                continue
            kinds.add((figure.kind, figure.currency, figure.unit))
            names.append(name)
        if len(kinds) > 1 and node is not None:
            self.error("chart figures must share one kind, currency and unit", node.loc)
        return tuple(names)

    # -- blocks ----------------------------------------------------------------------

    def sections(self, node: Node | None, ids: dict[str, Location]) -> tuple[SrcSection, ...]:
        out: list[SrcSection] = []
        section_ids: dict[str, Location] = {}
        for item in self.items(node, "sections"):
            if not self.mapping(item, "a section", {"id", "heading", "blocks"}):
                continue
            sid = self.ident(item.get("id"), "section id", section_ids)
            if sid is None:
                if item.get("id") is None:
                    self.error("a section needs an 'id'", item.loc)
                continue
            heading = self.src(item.get("heading"), f"sections/{sid}/heading", "heading")
            if heading is None:
                self.error("a section needs a 'heading'", item.loc)
                continue
            blocks = self.blocks(item.get("blocks"), f"sections/{sid}", ids)
            out.append(SrcSection(sid, heading, blocks))
        return tuple(out)

    def blocks(
        self, node: Node | None, where: str, ids: dict[str, Location]
    ) -> tuple[SrcBlock, ...]:
        out: list[SrcBlock] = []
        number = 0
        local_ids: dict[str, Location] = {}
        for item in self.items(node, where):
            if item.kind == "text":
                number += 1
                if (s := self.src(item, f"{where}/{number}", "paragraph")) is not None:
                    out.append(SrcParagraph(str(number), s))
                continue
            if item.mapping is None:
                self.error("a block is a paragraph (text) or a mapping", item.loc)
                continue
            if "photo" in item.mapping:
                if self.mapping(item, "a photo block", {"photo"}):
                    photo = self.photo(item.mapping["photo"], ids)
                    if photo is not None:
                        out.append(photo)
                continue
            if not self.mapping(item, "a paragraph", {"id", "text"}):
                continue
            pid = self.ident(item.get("id"), "paragraph id", local_ids)
            number += 1
            pid = pid or str(number)
            if (s := self.src(item.get("text"), f"{where}/{pid}", "paragraph")) is not None:
                out.append(SrcParagraph(pid, s))
        return tuple(out)

    def photo(self, node: Node, ids: dict[str, Location]) -> SrcPhoto | None:
        if not self.mapping(node, "a photo", {"id", "caption", "photographer", "image"}):
            return None
        pid = self.ident(node.get("id"), "photo id", ids)
        if pid is None:
            if node.get("id") is None:
                self.error("a photo needs an 'id'", node.loc)
            return None
        caption = self.src(node.get("caption"), f"photos/{pid}/caption", "caption")
        if caption is None:
            self.error("a photo needs a 'caption'", node.loc)
            return None
        photographer = self.src(
            node.get("photographer"), f"photos/{pid}/photographer", "photographer"
        )
        image = None
        if (img := node.get("image")) is not None and not img.is_null:
            image = self.image(img)
        return SrcPhoto(pid, caption, photographer, image)

    def image(self, node: Node) -> Path | None:
        raw = self.text(node, "image")
        if raw is None:
            return None
        if Path(raw).is_absolute() or raw.startswith("~"):
            self.error(f"image {raw!r}: use a path relative to the content file", node.loc)
            return None
        path = self.path.parent / raw
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            self.error(f"image {raw!r} does not exist", node.loc)
            return None
        if not real.is_relative_to(self.root.resolve()):
            self.error(f"image {raw!r} is outside the project; refused", node.loc)
            return None
        if not real.is_file():
            self.error(f"image {raw!r} is not a file", node.loc)
            return None
        from .images import problem  # Pillow, only for content that has photos

        if (why := problem(real)) is not None:
            self.error(f"image {raw!r} {why}", node.loc)
            return None
        return real


def load_report(path: Path, project_root: Path | None = None) -> Report:
    """Read and validate one content file."""
    root = project_root or path.resolve().parent.parent
    return _Reader(path, root).read()


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
