#!/usr/bin/env python3
"""jbreport benchmark (not part of the test suite): jbreport against its peers, same text.

    python bench/run.py            # full run: 1×, 10×, 50×, 200×, a 20,000-entry catalog
    python bench/run.py --quick    # 1× and 10×, one repeat, a 2,000-entry catalog

Everything happens in a temporary folder; the repository's content/, translations/ and
output/ are only read.  jbreport runs as a subprocess (``python -m jbreport``), so import
and font loading are part of every time.  See bench/README.md for what each case measures.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPORT = "jiangbei-2023"
TYPO = REPO.parent / "shared" / "tools" / "typo.py"  # typographic measures (PyMuPDF)


def _ensure_environment() -> None:
    """Re-run under the project's venv when jbreport or its libraries are not importable."""
    try:
        import babel  # noqa: F401
        import yaml  # noqa: F401

        import jbreport  # noqa: F401
    except ImportError:
        venv = REPO / ".venv" / "bin" / "python"
        if venv.exists() and Path(sys.prefix).resolve() != (REPO / ".venv").resolve():
            os.execv(str(venv), [str(venv), *sys.argv])
        raise SystemExit(
            "bench/run.py: jbreport is not installed here; run it from the project's venv "
            "(. .venv/bin/activate)"
        ) from None


_ensure_environment()

import typst_peer  # noqa: E402
import yaml  # noqa: E402
from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}")

# --------------------------------------------------------------------------------------
# Running a child process: wall time and its peak RSS (wait4 rusage)


class Failed(Exception):
    pass


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    stdout: str
    stderr: str


def run(cmd: Sequence[str], *, cwd: Path | None = None, timeout: float = 1800) -> Run:
    """Run ``cmd``; wall time from spawn to exit, and the peak resident set size.

    ru_maxrss of wait4() is the largest RSS of the child or any of its waited-for
    descendants (so of one process, not the sum of parallel workers).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        timer = threading.Timer(timeout, lambda: _kill_group(proc.pid))
        timer.start()
        try:
            _pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        tail = (stderr or stdout).strip().splitlines()[-5:]
        raise Failed(
            f"{' '.join(map(str, cmd[:6]))}… exited {proc.returncode}: " + " | ".join(tail)
        )
    return Run(seconds, usage.ru_maxrss / 1024, stdout, stderr)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, 9)


def jbreport(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "jbreport", "-C", str(project), *args]


def pdf_pages(path: Path, pdfinfo: str | None) -> int | None:
    if pdfinfo is None or not path.exists():
        return None
    out = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=False)
    m = re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)
    return int(m[1]) if m else None


# --------------------------------------------------------------------------------------
# Peers


@dataclass
class Peers:
    pandoc: str | None
    soffice: str | None
    msgmerge: str | None
    pdfinfo: str | None
    typst: bool = False  # the typst Python package (pip install typst)
    typo: str | None = None  # a Python with PyMuPDF, to run typo.py

    @classmethod
    def find(cls, typo_python: str | None = None) -> Peers:
        return cls(
            pandoc=shutil.which("pandoc"),
            soffice=shutil.which("soffice") or shutil.which("libreoffice"),
            msgmerge=shutil.which("msgmerge"),
            pdfinfo=shutil.which("pdfinfo"),
            typst=typst_peer.available(),
            typo=_typo_python(typo_python),
        )

    def describe(self) -> list[str]:
        lines = []
        for name, path, flag in (
            ("pandoc", self.pandoc, "--version"),
            ("LibreOffice", self.soffice, "--version"),
            ("msgmerge", self.msgmerge, "--version"),
            ("pdfinfo", self.pdfinfo, "-v"),
        ):
            if path is None:
                lines.append(f"  {name}: missing (its column is skipped)")
                continue
            probe = subprocess.run([path, flag], capture_output=True, text=True, check=False)
            text = (probe.stdout or probe.stderr).strip().splitlines()
            lines.append(f"  {name}: {path} ({text[0] if text else '?'})")
        if self.typst:
            import typst

            lines.append(f"  Typst: the typst Python package {typst.__version__}")
        else:
            lines.append("  Typst: missing (pip install typst; its column is skipped)")
        if self.typo is None:
            lines.append(
                f"  typo.py: skipped (needs {TYPO} and a Python with PyMuPDF: "
                "--typo-python, see its docstring)"
            )
        return lines


def _typo_python(given: str | None) -> str | None:
    """A Python that can run typo.py (imports PyMuPDF), or None."""
    if not TYPO.exists():
        return None
    for python in (given, sys.executable):
        if (
            python
            and subprocess.run(
                [python, "-c", "import pymupdf"], capture_output=True, check=False
            ).returncode
            == 0
        ):
            return python
    return None


def typo_measures(python: str | None, pdf: Path) -> str:
    """typo.py's one-line summary of a PDF (word gaps, Han spacing, punctuation…)."""
    if python is None or not pdf.exists():
        return "not measured"
    out = subprocess.run([python, str(TYPO), str(pdf)], capture_output=True, text=True)
    return out.stdout.splitlines()[0] if out.returncode == 0 and out.stdout else out.stderr[-200:]


# --------------------------------------------------------------------------------------
# Synthetic projects


def load_source() -> dict:
    return yaml.safe_load((REPO / "content" / f"{REPORT}.yaml").read_text(encoding="utf-8"))


def dump_yaml(data: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(text, encoding="utf-8")


def _placeholders(value: object, into: set[str]) -> None:
    if isinstance(value, str):
        into.update(PLACEHOLDER.findall(value))
    elif isinstance(value, dict):
        for item in value.values():
            _placeholders(item, into)
    elif isinstance(value, list):
        for item in value:
            _placeholders(item, into)


def _rename(value: object, names: dict[str, str]) -> object:
    if isinstance(value, str):
        return PLACEHOLDER.sub(lambda m: "{" + names.get(m[1], m[1]) + "}", value)
    if isinstance(value, tuple):
        return tuple(_rename(v, names) for v in value)
    if isinstance(value, list):
        return [_rename(v, names) for v in value]
    if isinstance(value, dict):
        return {k: _rename(v, names) for k, v in value.items()}
    return value


def scaled_project(folder: Path, factor: int) -> dict[str, int]:
    """The Jiangbei report with its sections repeated ``factor`` times, fully translated.

    Copy k of a section gets id ``<id>-x<k>``, its photos ``<photo>-x<k>``, and every
    figure it uses is duplicated as ``<name>_x<k>`` (the placeholders renamed in the text
    and in the English translation), so each copy has its own msgctxt, figures and photos.
    """
    data = load_source()
    sections = data["sections"]
    used: set[str] = set()
    _placeholders(sections, used)
    noun_figures = {n for n in used if "noun" in data["figures"][n]}
    new_sections = list(sections)
    photo_ids: dict[str, list[str]] = {}  # original photo id -> copies' ids
    for k in range(2, factor + 1):
        names = {n: f"{n}_x{k}" for n in used}
        for name in sorted(used):
            data["figures"][names[name]] = copy.deepcopy(data["figures"][name])
        for section in sections:
            clone = _rename(copy.deepcopy(section), names)
            assert isinstance(clone, dict)
            clone["id"] = f"{section['id']}-x{k}"
            for block in clone["blocks"]:
                if isinstance(block, dict) and "photo" in block:
                    old = block["photo"]["id"]
                    block["photo"]["id"] = f"{old}-x{k}"
                    photo_ids.setdefault(old, []).append(block["photo"]["id"])
            new_sections.append(clone)
    data["sections"] = new_sections
    dump_yaml(data, folder / "content" / f"{REPORT}.yaml")

    # translations: zh.po and the glossary as they are; en.po extended with every copy
    tr = folder / "translations"
    tr.mkdir(parents=True, exist_ok=True)
    for name in ("zh.po", "glossary.yaml"):
        if (REPO / "translations" / name).exists():
            shutil.copy2(REPO / "translations" / name, tr / name)
    with (REPO / "translations" / "en.po").open("rb") as handle:
        catalog = read_po(handle)
    originals = [m for m in catalog if m.id and m.context]
    added = 0
    for k in range(2, factor + 1):
        names = {n: f"{n}_x{k}" for n in used}
        for message in originals:
            copies = [f"{REPORT}/sections/{section['id']}/" for section in sections]
            copies += [f"{REPORT}/photos/{photo}/" for photo in photo_ids]
            new_ctx = _copied_context(message.context, k, copies, noun_figures, names)
            if new_ctx is None:
                continue
            catalog.add(
                _rename(message.id, names),
                _rename(message.string, names),
                context=new_ctx,
                flags=message.flags,
                auto_comments=message.auto_comments,
            )
            added += 1
    with (tr / "en.po").open("wb") as handle:
        write_po(handle, catalog, width=76)
    paragraphs = sum(1 for s in new_sections for b in s["blocks"] if isinstance(b, str))
    return {
        "sections": len(new_sections),
        "paragraphs": paragraphs,
        "figures": len(data["figures"]),
    }


def _copied_context(
    ctx: str, k: int, prefixes: list[str], noun_figures: set[str], names: dict[str, str]
) -> str | None:
    """The msgctxt of copy ``k`` of a section's or photo's string, or of a figure's noun."""
    new_ctx = None
    for prefix in prefixes:  # "<report>/sections/<id>/": "<report>/sections/<id>-x<k>/"
        if ctx.startswith(prefix):
            new_ctx = f"{prefix[:-1]}-x{k}/" + ctx[len(prefix) :]
    for name in noun_figures:
        if ctx == f"{REPORT}/figures/{name}/noun":
            new_ctx = f"{REPORT}/figures/{names[name]}/noun"
    return new_ctx


def sample_project(folder: Path) -> None:
    """The repository's Jiangbei report and the catalogs, copied (never built in place): the
    cases measure that report, whatever other reports content/ holds."""
    (folder / "content").mkdir(parents=True)
    shutil.copy(REPO / "content" / f"{REPORT}.yaml", folder / "content")
    shutil.copytree(REPO / "translations", folder / "translations")
    if (REPO / "templates").is_dir():
        shutil.copytree(REPO / "templates", folder / "templates")


# -- the 20,000-entry catalog --------------------------------------------------------------

EDIT_WORDS = ["进一步", "全面", "持续", "加快", "深入", "稳步", "大力", "积极"]


def _sentences(data: dict) -> list[str]:
    texts: list[str] = []
    for part in (data.get("lead", []), data.get("closing", [])):
        texts += [b for b in part if isinstance(b, str)]
    for section in data["sections"]:
        texts += [b for b in section["blocks"] if isinstance(b, str)]
    out: list[str] = []
    for text in texts:
        out += [s + "。" for s in text.split("。") if len(s) > 8]
    return sorted(set(out))


def _english_words() -> list[str]:
    with (REPO / "translations" / "en.po").open("rb") as handle:
        catalog = read_po(handle)
    words: list[str] = []
    for message in catalog:
        if message.context and "/sections/" in message.context and isinstance(message.string, str):
            words += PLACEHOLDER.sub("", message.string).split()
    return words or ["translation"]


def _fake_english(msgid: str, words: list[str], rng: random.Random) -> str:
    """About as long as a real translation, with the msgid's placeholders in it."""
    n = max(3, len(msgid) // 3)
    out = [rng.choice(words) for _ in range(n)]
    for name in PLACEHOLDER.findall(msgid):
        out.insert(rng.randrange(len(out) + 1), "{" + name + "}")
    text = " ".join(out).rstrip(".,;") + "."
    return text[0].upper() + text[1:]


def _true_english(msgid: str, table: dict[str, str], words: list[str], rng: random.Random) -> str:
    """The bench's true translation: a paragraph made of corpus sentences is translated
    sentence by sentence (each sentence always the same way), so a new paragraph's true
    translation is known and a suggestion can be checked against it."""
    parts = [p + "。" for p in msgid.split("。") if p]
    if parts and "".join(parts) == msgid and all(p in table for p in parts):
        return " ".join(table[p] for p in parts)
    return _fake_english(msgid, words, rng)


def suggestion_quality(path: Path, truth: dict[str, str], table: dict[str, str]) -> str:
    """How many of the new strings got a suggestion (a fuzzy translation), how many of
    those hold every sentence of the true translation (right), and the mean share of the
    true translation's sentences a suggestion holds."""
    with path.open("rb") as handle:
        catalog: Catalog = read_po(handle)
    sentences = set(table.values())
    made = right = 0
    coverage = 0.0
    for message in catalog:
        if message.context not in truth or not message.fuzzy or not message.string:
            continue
        made += 1
        wanted = [s for s in sentences if s in truth[message.context]] or [truth[message.context]]
        held = sum(1 for s in wanted if s in str(message.string))
        coverage += held / len(wanted)
        right += held == len(wanted)
    mean = f"{100 * coverage / made:.0f}%" if made else "—"
    return (
        f"{made} of {len(truth)} new strings got a suggestion, {right} right"
        f" (every sentence of the true translation), mean share of it {mean}"
    )


def _insert_word(text: str, rng: random.Random) -> str:
    """A small edit: a word inserted at a position outside any {placeholder}."""
    spans = [m.span() for m in PLACEHOLDER.finditer(text)]
    for _ in range(100):
        pos = rng.randrange(1, len(text))
        if not any(a < pos < b for a, b in spans):
            return text[:pos] + rng.choice(EDIT_WORDS) + text[pos:]
    return text + rng.choice(EDIT_WORDS)


@dataclass
class CatalogCase:
    project: Path
    pristine: Path  # translations/ before the edit (en.po fully translated, messages.pot)
    truth: dict[str, str]  # msgctxt of each added string -> its true translation
    table: dict[str, str]  # corpus sentence -> its translation
    new_pot: Path  # `jbreport translations extract` of the edited content
    entries: int
    edited: int
    removed: int
    added: int


def catalog_project(
    folder: Path, entries: int, rng: random.Random, words: list[str]
) -> CatalogCase:
    """A report of ``entries`` strings (headings + paragraphs), fully translated, then edited.

    Paragraphs are written with explicit ids (``{id, text}``) so that removing or adding
    one does not renumber its neighbours: the edit is exactly 5% edited, 2% removed and
    400 (scaled with the size) added.
    """
    source = load_source()
    corpus = _sentences(source)
    table = {sentence: _fake_english(sentence, words, rng) for sentence in corpus}
    per_section = 20  # a heading and 19 paragraphs
    data = {
        k: source[k]
        for k in ("language", "date", "title", "subject", "authors", "style", "figures")
        if k in source
    }
    seen: set[str] = set()

    def new_text() -> str:
        while True:
            text = "".join(rng.sample(corpus, rng.choice((2, 2, 3))))
            if text not in seen:
                seen.add(text)
                return text

    headings = [s["heading"] for s in source["sections"]]
    sections = []
    for i in range(entries // per_section):
        blocks = [{"id": f"p{j:02d}", "text": new_text()} for j in range(1, per_section)]
        sections.append(
            {
                "id": f"s{i + 1:05d}",
                "heading": f"{rng.choice(headings)}（{i + 1}）",
                "blocks": blocks,
            }
        )
    data["sections"] = sections
    project = folder / "project"
    dump_yaml(data, project / "content" / f"{REPORT}.yaml")
    (project / "translations").mkdir(parents=True)
    run(jbreport(project, "translations", "init", "en"))
    run(jbreport(project, "translations", "extract"))
    po = project / "translations" / "en.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(
                _fake_english(message.id[0], words, rng) for _ in range(catalog.num_plurals)
            )
        else:
            message.string = _true_english(message.id, table, words, rng)
    with po.open("wb") as handle:
        write_po(handle, catalog, width=76, include_previous=True)
    pristine = folder / "translations.pristine"
    shutil.copytree(project / "translations", pristine)

    # the editor's changes
    slots = [(si, bi) for si, s in enumerate(sections) for bi in range(len(s["blocks"]))]
    n_edit = round(entries * 0.05)
    n_remove = round(entries * 0.02)
    n_add = round(400 * entries / 20_000)
    chosen = rng.sample(slots, n_edit + n_remove)
    for si, bi in chosen[:n_edit]:
        block = sections[si]["blocks"][bi]
        block["text"] = _insert_word(block["text"], rng)
    removed = set(chosen[n_edit:])
    for si, section in enumerate(sections):
        section["blocks"] = [b for bi, b in enumerate(section["blocks"]) if (si, bi) not in removed]
    for n in range(1, n_add + 1):
        section = rng.choice(sections)
        section["blocks"].insert(
            rng.randrange(len(section["blocks"]) + 1), {"id": f"new{n:04d}", "text": new_text()}
        )
    dump_yaml(data, project / "content" / f"{REPORT}.yaml")
    run(jbreport(project, "translations", "extract"))
    new_pot = folder / "new.pot"
    shutil.copy2(project / "translations" / "messages.pot", new_pot)
    _restore(project, pristine)
    with (pristine / "en.po").open("rb") as handle:
        old = read_po(handle)
    count = sum(1 for m in old if m.id)
    old_contexts = {m.context for m in old if m.id}
    with new_pot.open("rb") as handle:
        truth = {
            m.context: _true_english(m.id, table, words, rng)
            for m in read_po(handle)
            if m.id and isinstance(m.id, str) and m.context not in old_contexts
        }
    return CatalogCase(project, pristine, truth, table, new_pot, count, n_edit, n_remove, n_add)


def _restore(project: Path, pristine: Path) -> None:
    shutil.rmtree(project / "translations")
    shutil.copytree(pristine, project / "translations")


def po_counts(path: Path) -> str:
    with path.open("rb") as handle:
        catalog: Catalog = read_po(handle)
    fuzzy = untranslated = translated = 0
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            fuzzy += 1
        elif all(strings):
            translated += 1
        else:
            untranslated += 1
    return (
        f"{translated} translated, {fuzzy} fuzzy, {untranslated} untranslated, "
        f"{len(catalog.obsolete)} obsolete"
    )


# --------------------------------------------------------------------------------------
# Cases and the table


@dataclass
class Row:
    case: str
    jb: list[float] = field(default_factory=list)
    peer: str = ""
    peer_times: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    pages: str = ""
    error: str = ""
    peer_error: str = ""

    @property
    def jb_median(self) -> float | None:
        return statistics.median(self.jb) if self.jb else None

    @property
    def peer_median(self) -> float | None:
        return statistics.median(self.peer_times) if self.peer_times else None

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.ratios) if self.ratios else None

    @property
    def peak_mb(self) -> float | None:
        return max(self.rss) if self.rss else None


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def table(rows: list[Row]) -> str:
    head = ("case", "jbreport", "peer", "peer time", "ratio", "peak mem", "pages jb/peer")
    lines = [head]
    for r in rows:
        if r.error:
            lines.append((r.case, "error", r.peer or "—", "—", "—", "—", r.error[:60]))
            continue
        peer_time = (
            "missing"
            if r.peer_error == "missing"
            else ("error" if r.peer_error else _s(r.peer_median))
        )
        lines.append(
            (
                r.case,
                _s(r.jb_median),
                r.peer or "—",
                peer_time if r.peer else "—",
                f"{r.ratio:.3g}" if r.ratio is not None else "—",
                f"{r.peak_mb:.0f} MB" if r.peak_mb is not None else "—",
                r.pages or "—",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = []
    for n, line in enumerate(lines):
        out.append(
            "| "
            + " | ".join(
                cell.ljust(w) if i in (0, 2) else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            )
            + " |"
        )
        if n == 0:
            out.append(
                "|"
                + "|".join(
                    ("-" * (w + 1) + ":") if i not in (0, 2) else "-" * (w + 2)
                    for i, w in enumerate(widths)
                )
                + "|"
            )
    return "\n".join(out)


FLATTEN_LUA = r"""
-- the bilingual layout is a two-column table per paragraph pair; give pandoc the same
-- text as plain blocks (grid tables would make pandoc's reader, not its writer, the cost)
local function add(out, rows)
  for _, row in ipairs(rows) do
    for _, cell in ipairs(row.cells) do
      for _, block in ipairs(cell.contents) do table.insert(out, block) end
    end
  end
end
function Table(t)
  if #t.colspecs ~= 2 then return nil end
  local out = {}
  add(out, t.head.rows)
  for _, body in ipairs(t.bodies) do add(out, body.head); add(out, body.body) end
  add(out, t.foot.rows)
  return out
end
"""


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path, peers: Peers) -> None:
        self.args = args
        self.work = work
        self.peers = peers
        self.rows: list[Row] = []
        self.notes: list[str] = []
        self.edition = args.edition

    def log(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    # -- the whole sample ------------------------------------------------------------------
    def sample(self) -> None:
        row = Row("sample: all 12 outputs, 1 build")
        self.rows.append(row)
        project = self.work / "sample"
        sample_project(project)
        out = project / "out"
        try:
            for i in range(self.args.repeat):
                shutil.rmtree(out, ignore_errors=True)
                result = run(jbreport(project, "build", "-o", str(out)))
                row.jb.append(result.seconds)
                row.rss.append(result.max_rss_mb)
                self.log(f"  sample run {i + 1}: {result.seconds:.2f} s")
                if "warning:" in result.stderr:
                    self.notes.append("sample build warned: " + result.stderr.strip()[:200])
            files = sorted(out.iterdir())
            pdfs = [pdf_pages(p, self.peers.pdfinfo) for p in files if p.suffix == ".pdf"]
            row.case = f"sample: all {len(files)} outputs, 1 build"
            if all(p is not None for p in pdfs):
                row.pages = f"{sum(pdfs)} (all PDFs)"  # type: ignore[arg-type]
        except Failed as exc:
            row.error = str(exc)
            self.log(f"  sample: {exc}")

    # -- scaled reports ------------------------------------------------------------------
    def scaled(self, factor: int) -> None:
        project = self.work / f"x{factor}"
        facts = scaled_project(project, factor)
        self.notes.append(
            f"{factor}×: {facts['sections']} sections, {facts['paragraphs']} paragraphs, "
            f"{facts['figures']} figures"
        )
        out = project / "out"
        edition = ["-r", REPORT, "-l", self.edition, "--layout", "brief"]
        name = f"{REPORT}.{self.edition}"
        docx, pdf = out / f"{name}.docx", out / f"{name}.pdf"
        docx_row = Row(f"{factor}× DOCX ({self.edition})", peer="pandoc md→docx")
        pdf_row = Row(f"{factor}× PDF ({self.edition})", peer="LibreOffice docx→pdf")
        self.rows += [docx_row, pdf_row]
        typst_row = Row(f"{factor}× PDF ({self.edition}) vs Typst", peer="Typst")
        typst_source, typst_pdf = project / "typst.typ", project / "typst.pdf"
        self._typst_setup(project, typst_row, typst_source)
        markdown = project / "text.md"
        lo_out = project / "lo"
        for i in range(self.args.repeat):
            # DOCX: jbreport, then pandoc on the same text
            if not docx_row.error:
                try:
                    result = run(jbreport(project, "build", *edition, "-f", "docx", "-o", str(out)))
                    docx_row.jb.append(result.seconds)
                    docx_row.rss.append(result.max_rss_mb)
                    if "warning:" in result.stderr:
                        self.notes.append(f"{factor}× build warned: {result.stderr.strip()[:300]}")
                except Failed as exc:
                    docx_row.error = str(exc)
            if not docx_row.error and i == 0 and self.peers.pandoc:
                self._markdown(docx, markdown)
            if not docx_row.error:
                peer = self._pandoc(markdown, project / "pandoc.docx", docx_row)
                if peer is not None:
                    docx_row.ratios.append(docx_row.jb[-1] / peer)
            # PDF: jbreport, then LibreOffice converting jbreport's DOCX of the same content
            if not pdf_row.error:
                try:
                    result = run(jbreport(project, "build", *edition, "-f", "pdf", "-o", str(out)))
                    pdf_row.jb.append(result.seconds)
                    pdf_row.rss.append(result.max_rss_mb)
                except Failed as exc:
                    pdf_row.error = str(exc)
            if not pdf_row.error and not docx_row.error:
                peer = self._soffice(docx, lo_out, pdf_row)
                if peer is not None:
                    pdf_row.ratios.append(pdf_row.jb[-1] / peer)
            self._typst(typst_source, typst_pdf, pdf_row, typst_row)
            self.log(
                f"  {factor}× run {i + 1}: docx {_last(docx_row.jb)} / pandoc "
                f"{_last(docx_row.peer_times)}; pdf {_last(pdf_row.jb)} / LibreOffice "
                f"{_last(pdf_row.peer_times)}"
            )
        jb_pages = pdf_pages(pdf, self.peers.pdfinfo)
        lo_pages = pdf_pages(lo_out / f"{name}.pdf", self.peers.pdfinfo)
        if jb_pages is not None:
            pdf_row.pages = f"{jb_pages} / {lo_pages if lo_pages is not None else '—'}"
        self._typst_measures(factor, pdf, typst_pdf, typst_row, jb_pages)
        self._clean(project, lo_out)

    def _clean(self, project: Path, lo_out: Path) -> None:
        """The peers' outputs removed, unless --keep."""
        if self.args.keep:
            return
        for path in (lo_out, project / "pandoc.docx"):
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(
                missing_ok=True
            )

    def _typst_setup(self, project: Path, row: Row, source: Path) -> None:
        """The same document as Typst markup, untimed (jbreport's own localize step)."""
        if not self.peers.typst:
            return
        self.rows.append(row)
        typst_peer.write_source(project, tuple(self.edition.split("+")), source)

    def _typst(self, source: Path, target: Path, pdf_row: Row, row: Row) -> None:
        """Typst compiling the same document, timed as a whole process beside jbreport."""
        if not self.peers.typst or pdf_row.error:
            return
        jb_seconds = pdf_row.jb[-1]
        try:
            result = run(typst_peer.command(source, target))
        except Failed as exc:
            row.peer_error = str(exc)
            return
        row.jb.append(jb_seconds)
        row.peer_times.append(result.seconds)
        row.ratios.append(jb_seconds / result.seconds)

    def _typst_measures(
        self, factor: int, pdf: Path, typst_pdf: Path, row: Row, jb_pages: int | None
    ) -> None:
        """Pages of both, and typo.py's measures of both PDFs, in the notes."""
        if not self.peers.typst:
            return
        typst_pages = pdf_pages(typst_pdf, self.peers.pdfinfo)
        row.pages = f"{jb_pages or '—'} / {typst_pages or '—'}"
        self.notes.append(f"{factor}× typo.py jbreport: {typo_measures(self.peers.typo, pdf)}")
        self.notes.append(
            f"{factor}× typo.py Typst:    {typo_measures(self.peers.typo, typst_pdf)}"
        )

    def _markdown(self, docx: Path, markdown: Path) -> None:
        """The text of jbreport's DOCX as Markdown (untimed): pandoc's input."""
        lua = self.work / "flatten.lua"
        lua.write_text(FLATTEN_LUA, encoding="utf-8")
        assert self.peers.pandoc
        run(
            [
                self.peers.pandoc,
                "-f",
                "docx",
                "-t",
                "markdown",
                "--wrap=none",
                "--lua-filter",
                str(lua),
                "-o",
                str(markdown),
                str(docx),
            ]
        )

    def _pandoc(self, markdown: Path, target: Path, row: Row) -> float | None:
        if self.peers.pandoc is None:
            row.peer_error = "missing"
            return None
        if row.peer_error:
            return None
        try:
            result = run(
                [
                    self.peers.pandoc,
                    "-f",
                    "markdown",
                    "-t",
                    "docx",
                    "-o",
                    str(target),
                    str(markdown),
                ]
            )
        except Failed as exc:
            row.peer_error = str(exc)
            self.notes.append(f"pandoc failed: {exc}")
            return None
        row.peer_times.append(result.seconds)
        return result.seconds

    def _soffice_cmd(self, docx: Path, outdir: Path) -> list[str]:
        assert self.peers.soffice
        profile = (self.work / "lo-profile").as_uri()
        return [
            self.peers.soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ]

    def soffice_warmup(self) -> None:
        """First start of a fresh LibreOffice profile is slow; do it once, untimed."""
        if self.peers.soffice is None:
            return
        doc = self.work / "warmup"
        doc.mkdir(exist_ok=True)
        (doc / "w.txt").write_text("warm-up\n", encoding="utf-8")
        try:
            run(self._soffice_cmd(doc / "w.txt", doc), timeout=300)
        except Failed as exc:
            self.notes.append(f"LibreOffice warm-up failed: {exc}")

    def _soffice(self, docx: Path, outdir: Path, row: Row) -> float | None:
        if self.peers.soffice is None:
            row.peer_error = "missing"
            return None
        if row.peer_error:
            return None
        shutil.rmtree(outdir, ignore_errors=True)
        outdir.mkdir(parents=True)
        try:
            result = run(self._soffice_cmd(docx, outdir), timeout=self.args.lo_timeout)
        except Failed as exc:
            row.peer_error = str(exc)
            self.notes.append(f"LibreOffice failed: {exc}")
            return None
        if not (outdir / (docx.stem + ".pdf")).exists():
            row.peer_error = "no PDF"
            self.notes.append(f"LibreOffice wrote no PDF: {result.stderr.strip()[:200]}")
            return None
        row.peer_times.append(result.seconds)
        return result.seconds

    # -- translations update -------------------------------------------------------------
    def catalog(self, entries: int) -> None:
        folder = self.work / "catalog"
        folder.mkdir()
        rng = random.Random(20230109)
        self.log(f"  generating the {entries:,}-entry project…")
        try:
            case = catalog_project(folder, entries, rng, _english_words())
        except Failed as exc:
            self.rows.append(Row(f"translations update, {entries:,} entries", error=str(exc)))
            return
        row = Row(f"translations update, {case.entries:,} entries", peer="msgmerge --previous")
        self.rows.append(row)
        self.notes.append(
            f"catalog: {case.entries:,} entries in en.po; the edit: {case.edited} edited, "
            f"{case.removed} removed, {case.added} added"
        )
        old_po = case.pristine / "en.po"
        merged = folder / "msgmerge.po"
        extract = Row(f"translations extract, {case.entries:,} entries (msgmerge's .pot)")
        self.rows.insert(len(self.rows) - 1, extract)
        plain = Row(f"translations update --no-memory, {case.entries:,} entries")
        self.rows.insert(len(self.rows) - 1, plain)
        for i in range(self.args.repeat):
            _restore(case.project, case.pristine)
            try:
                result = run(jbreport(case.project, "translations", "extract"))
                extract.jb.append(result.seconds)
                extract.rss.append(result.max_rss_mb)
            except Failed as exc:
                extract.error = str(exc)
            _restore(case.project, case.pristine)
            try:
                result = run(jbreport(case.project, "translations", "update", "--no-memory"))
                plain.jb.append(result.seconds)
                plain.rss.append(result.max_rss_mb)
            except Failed as exc:
                plain.error = str(exc)
            _restore(case.project, case.pristine)
            try:
                result = run(jbreport(case.project, "translations", "update"))
                row.jb.append(result.seconds)
                row.rss.append(result.max_rss_mb)
            except Failed as exc:
                row.error = str(exc)
                return
            if self.peers.msgmerge is None:
                row.peer_error = "missing"
            else:
                try:
                    peer = run(
                        [
                            self.peers.msgmerge,
                            "--quiet",
                            "--previous",
                            "-o",
                            str(merged),
                            str(old_po),
                            str(case.new_pot),
                        ]
                    )
                    row.peer_times.append(peer.seconds)
                    row.ratios.append(row.jb[-1] / peer.seconds)
                except Failed as exc:
                    row.peer_error = str(exc)
            self.log(
                f"  catalog run {i + 1}: jbreport update {_last(row.jb)} / msgmerge "
                f"{_last(row.peer_times)}"
            )
        self.notes.append(
            "after the update: jbreport en.po: "
            + po_counts(case.project / "translations" / "en.po")
        )
        if merged.exists():
            self.notes.append("after the update: msgmerge out.po: " + po_counts(merged))
        self.notes.append(
            "translation memory (jbreport update): "
            + suggestion_quality(case.project / "translations" / "en.po", case.truth, case.table)
        )
        if merged.exists():
            self.notes.append(
                "fuzzy matching (msgmerge --previous): "
                + suggestion_quality(merged, case.truth, case.table)
            )

    # -- targets ---------------------------------------------------------------------------
    def find(self, case: str) -> Row | None:
        return next((r for r in self.rows if r.case.startswith(case) and not r.error), None)

    def targets(self) -> list[str]:
        lines: list[str] = []

        def verdict(name: str, ok: bool | None, detail: str) -> None:
            state = "not measured" if ok is None else ("met" if ok else "MISSED")
            lines.append(f"{name}: {state} ({detail})")

        sample = self.find("sample")
        if sample and sample.jb_median is not None:
            verdict(
                "whole sample in one build under 3 s",
                sample.jb_median < 3.0,
                f"{sample.jb_median:.2f} s wall",
            )
        else:
            verdict("whole sample in one build under 3 s", None, "no sample run")

        typst50 = self.find("50× PDF (zh+en) vs Typst")
        if typst50 and typst50.ratio is not None:
            verdict(
                "50× PDF at least 1.5× faster than Typst",
                1 / typst50.ratio >= 1.5,
                f"jbreport {_s(typst50.jb_median)}, Typst {_s(typst50.peer_median)}, "
                f"Typst/jbreport {1 / typst50.ratio:.2f}×",
            )
        else:
            verdict("50× PDF at least 1.5× faster than Typst", None, "no 50× run or no Typst")

        docx50 = self.find("50× DOCX")
        if docx50 and docx50.ratio is not None:
            verdict(
                "50× DOCX no slower than 1.5× pandoc",
                docx50.ratio <= 1.5,
                f"jbreport {_s(docx50.jb_median)}, pandoc {_s(docx50.peer_median)}, "
                f"ratio {docx50.ratio:.2f}",
            )
        else:
            verdict(
                "50× DOCX no slower than 1.5× pandoc",
                None,
                "no 50× run" if not docx50 else "pandoc missing",
            )

        pdf50 = self.find("50× PDF")
        if pdf50 and pdf50.ratio is not None:
            verdict(
                "50× PDF at least 10× faster than LibreOffice",
                1 / pdf50.ratio >= 10,
                f"jbreport {_s(pdf50.jb_median)}, LibreOffice {_s(pdf50.peer_median)}, "
                f"LibreOffice/jbreport {1 / pdf50.ratio:.1f}×",
            )
        else:
            verdict(
                "50× PDF at least 10× faster than LibreOffice",
                None,
                "no 50× run" if not pdf50 else "LibreOffice missing",
            )

        for fmt in ("DOCX", "PDF"):
            a, b = self.find(f"50× {fmt}"), self.find(f"200× {fmt}")
            name = f"linear growth, {fmt}: 200× within 4.5× the time of 50×"
            if a and b and a.jb_median and b.jb_median:
                growth = b.jb_median / a.jb_median
                verdict(
                    name, growth <= 4.5, f"{_s(a.jb_median)} → {_s(b.jb_median)}, {growth:.2f}×"
                )
            else:
                verdict(name, None, "needs the 50× and 200× runs")

        big = [r for r in self.rows if r.case.startswith("200×") and r.peak_mb is not None]
        if big:
            peak = max(r.peak_mb for r in big)  # type: ignore[type-var]
            verdict(
                "peak memory at 200× under 1 GB",
                peak < 1024,
                f"{peak:.0f} MB, largest jbreport process",
            )
        else:
            verdict("peak memory at 200× under 1 GB", None, "no 200× run")

        cat = self.find("translations update,")
        if cat and cat.ratio is not None and self.args.entries < 20_000:
            verdict(
                "translations update within 3× msgmerge",
                None,
                f"the target is for 20,000 entries, this run has {self.args.entries:,}:"
                f" jbreport {_s(cat.jb_median)}, msgmerge {_s(cat.peer_median)},"
                f" ratio {cat.ratio:.2f}; start-up weighs more on a small catalog",
            )
        elif cat and cat.ratio is not None:
            verdict(
                "translations update within 3× msgmerge",
                cat.ratio <= 3.0,
                f"jbreport {_s(cat.jb_median)}, msgmerge {_s(cat.peer_median)}, "
                f"ratio {cat.ratio:.2f}; {cat.case.split(', ')[1]}",
            )
        else:
            verdict(
                "translations update within 3× msgmerge",
                None,
                "no catalog run" if not cat else "msgmerge missing",
            )
        return lines


def _revision() -> str:
    """The commit measured, and whether src/ had uncommitted changes (read-only git)."""
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        return f"{REPO} (not a git checkout)"
    head = subprocess.run(
        [git, "-C", str(REPO), "log", "-1", "--format=%h %s"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        [git, "-C", str(REPO), "status", "--porcelain", "--", "src"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    changed = len(dirty.splitlines())
    head = head if len(head) <= 72 else head[:71] + "…"
    return f"{head}" + (f" + uncommitted changes to {changed} file(s) in src/" if changed else "")


def _libraries() -> str:
    """Versions of jbreport's libraries, and whether their C accelerators are there."""
    from importlib import metadata
    from importlib.util import find_spec

    out = []
    for name in ("python-docx", "reportlab", "babel", "pyyaml", "jinja2"):
        try:
            out.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name} missing")
    out.append("libyaml " + ("yes" if getattr(yaml, "__with_libyaml__", False) else "no"))
    out.append("rl_accel " + ("yes" if find_spec("_rl_accel") is not None else "no"))
    return ", ".join(out)


def _last(values: list[float]) -> str:
    return f"{values[-1]:.2f} s" if values else "—"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="1× and 10× only, one repeat, a 2,000-entry catalog"
    )
    parser.add_argument("--repeat", type=int, help="runs per case (default 3; 1 with --quick)")
    parser.add_argument("--scales", help="comma-separated factors (default 1,10,50,200)")
    parser.add_argument(
        "--entries",
        type=int,
        help="catalog size for the update case (default 20000; 2000 with --quick)",
    )
    parser.add_argument(
        "--edition", default="zh+en", help="edition of the scaled DOCX/PDF cases (default zh+en)"
    )
    parser.add_argument(
        "--lo-timeout",
        type=float,
        default=900,
        help="seconds before a LibreOffice conversion is abandoned",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--typo-python", help="a Python with PyMuPDF to run ../shared/tools/typo.py with"
    )
    args = parser.parse_args(argv)
    args.repeat = args.repeat or (1 if args.quick else 3)
    scales = [int(s) for s in (args.scales or ("1,10" if args.quick else "1,10,50,200")).split(",")]
    entries = args.entries = args.entries or (2_000 if args.quick else 20_000)

    peers = Peers.find(args.typo_python)
    work = Path(tempfile.mkdtemp(prefix="jbreport-bench-"))
    print(
        f"jbreport benchmark: {'quick' if args.quick else 'full'} run, {args.repeat} repeat(s), "
        f"scales {', '.join(f'{s}×' for s in scales)}, catalog {entries:,} entries"
    )
    print(
        f"python {sys.version.split()[0]} ({sys.executable}); {os.cpu_count()} CPUs; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(f"jbreport: {_revision()}")
    print(f"libraries: {_libraries()}")
    print("peers:")
    print("\n".join(peers.describe()))
    print(f"work folder: {work}", flush=True)
    # jbreport's modules byte-compiled first, as an installed package is (pip compiles a
    # wheel's modules; an editable install writes them at its first run): with
    # PYTHONDONTWRITEBYTECODE set, as on some CI machines, every run would otherwise
    # compile jbreport's sources again (some 45 ms of each 50× build)
    compiled = subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "src" / "jbreport")],
        capture_output=True,
        text=True,
        check=False,
    )
    print(
        "jbreport byte-compiled"
        if compiled.returncode == 0
        else f"jbreport not byte-compiled: {compiled.stderr.strip()[:200]}"
    )
    started = time.perf_counter()
    bench = Bench(args, work, peers)
    try:
        bench.log("sample…")
        bench.sample()
        bench.soffice_warmup()
        for factor in scales:
            bench.log(f"{factor}×…")
            bench.scaled(factor)
        bench.log("translations update…")
        bench.catalog(entries)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(bench.rows))
    print()
    print(
        "ratio = jbreport time ÷ peer time, median of the per-run ratios; times are medians "
        f"of {args.repeat} run(s); peak mem = max RSS of the largest jbreport process"
    )
    print()
    for line in bench.targets():
        print(line)
    print()
    for note in dict.fromkeys(bench.notes):  # a warning repeated by every run, once
        print(f"note: {note}")
    print(
        f"total {time.perf_counter() - started:.0f} s; load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        + ("" if not args.keep else f"; kept {work}")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
