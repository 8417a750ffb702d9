"""The one error family of jbreport.

Every problem a user can cause (bad content, a broken catalog, a missing font, an output
folder that cannot be written) is a :class:`JbreportError` carrying where it happened.  The
CLI prints ``path:line:column: message`` and exits with the class's ``exit_code``; any other
exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import difflib
import signal
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Exit codes, documented in the README.
EXIT_USAGE = 2
EXIT_INPUT = 3  # content, translation or template problem
EXIT_OUTPUT = 4  # output could not be written, font or renderer failure
EXIT_CHECK = 1  # `translations check` found problems
EXIT_INTERNAL = 70  # a bug in jbreport (EX_SOFTWARE): never a problem of the input


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a user's file; line and column are 1-based."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text

    @classmethod
    def of(cls, path: str | Path, line: int | None = None, column: int | None = None) -> Location:
        return cls(display_path(path), line, column)


def display_path(path: str | Path) -> str:
    """A path as the user should read it: relative to the working folder when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)


def did_you_mean(word: str, choices: list[str]) -> str:
    """A hint for a misspelled name: ``; did you mean 'title'?``, or nothing."""
    close = difflib.get_close_matches(word, choices, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


class JbreportError(Exception):
    """Base of every error a user can cause."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"

    def lines(self) -> list[str]:
        """The lines the CLI prints for this error."""
        return [str(self)]

    def __reduce__(self) -> tuple[object, ...]:
        # errors cross process boundaries (build -j): rebuilt from what made them
        return (self.__class__, (self.message, self.location))


class UsageError(JbreportError):
    exit_code = EXIT_USAGE


class ContentError(JbreportError):
    """A problem in a content YAML file."""


class TranslationError(JbreportError):
    """A problem in a PO file or between a source string and its translation."""


class TemplateError(JbreportError):
    """A problem in a layout template."""


class RenderError(JbreportError):
    """A renderer could not produce its output (fonts, images)."""

    exit_code = EXIT_OUTPUT


class OutputError(JbreportError):
    """An output file or folder could not be written."""

    exit_code = EXIT_OUTPUT


class ErrorList(JbreportError):
    """Several problems found in one validation pass, reported together."""

    def __init__(self, errors: Iterable[JbreportError]) -> None:
        self.errors = list(errors)
        first = self.errors[0] if self.errors else None
        super().__init__(f"{len(self.errors)} problems found", first.location if first else None)
        if self.errors:
            self.exit_code = max(e.exit_code for e in self.errors)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

    def lines(self) -> list[str]:
        return [line for e in self.errors for line in e.lines()]

    def __reduce__(self) -> tuple[object, ...]:
        return (self.__class__, (self.errors,))


# A terminal closed, `timeout`, a cancelled CI job: a run stops as Ctrl-C stops it, cleaning
# up (temporary files, worker processes) instead of dying on the spot (see cli.main).
STOP_SIGNALS = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


class Stopped(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM, SIGHUP): ends a run as Ctrl-C does."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Collector:
    """Collects problems during validation so that all are reported at once."""

    def __init__(self) -> None:
        self.errors: list[JbreportError] = []
        self._seen: set[str] = set()  # what each kept problem says: a repeat is found in O(1)

    def add(self, error: JbreportError) -> None:
        """Add a problem; the same problem found again (by another output) is kept once."""
        if isinstance(error, ErrorList):
            for inner in error.errors:
                self.add(inner)
            return
        said = str(error)
        if said not in self._seen:
            self._seen.add(said)
            self.errors.append(error)

    def raise_if_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ErrorList(self.errors)
