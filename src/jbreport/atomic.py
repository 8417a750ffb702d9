"""Write files so that a failure at any moment leaves the previous set of files, or the new
one, never a mix.

Everything jbreport writes (briefs, catalogs, templates) goes through :func:`write_all`:

1. each file is written in full to a temporary file beside its target and flushed to disk;
2. a journal (``.jbreport-journal`` in the folder) lists the renames still to make, and is
   itself renamed into place: from this moment the new set is the one that counts;
3. the temporary files are renamed over their targets (atomic on POSIX and Windows), and
   the journal is removed.

A run killed outright (SIGKILL, the OOM killer, a power cut) before step 2 leaves the old
files and some temporary ones; after it, a journal.  The next run that writes into the
folder, or reads catalogs from it (:func:`recover`), first finishes the renames the journal
lists and removes the leftovers.  A failure jbreport sees (a full disk, a refused rename,
Ctrl-C) puts everything back as it was.  A target that is a symbolic link is written
through the link: the file it points to is replaced, the link stays.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import STOP_SIGNALS, Location, OutputError

try:
    import fcntl
except ImportError:  # Windows: one run at a time is the user's to keep
    fcntl = None  # type: ignore[assignment]

JOURNAL = ".jbreport-journal"
# what write_all leaves beside a target when it is killed: ".brief.pdf.k3j_x9a2.tmp"
_LEFTOVER = re.compile(r"\..+\.[a-z0-9_]{8}\.(tmp|old)|" + re.escape(JOURNAL) + r"\.tmp")


def write_bytes(path: Path, data: bytes) -> None:
    """Atomically replace ``path`` with ``data``."""
    write_all([(path, data)])


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace several files together: all of them, or (on any failure) none."""
    if not files:
        return
    targets = [(_through_link(path), data) for path, data in files]
    folder = targets[0][0].parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", Location.of(folder)) from exc
    with _locked(folder):
        _recover(folder)
        _replace_all(folder, targets)


def recover(folder: Path) -> None:
    """Finish what a killed run left in ``folder``: the renames its journal lists, then
    remove its temporary files.  Nothing to do (the usual case) costs one ``stat``."""
    if not folder.is_dir() or not any(
        _LEFTOVER.fullmatch(p.name) or p.name == JOURNAL for p in _hidden(folder)
    ):
        return
    with _locked(folder):
        _recover(folder)


def _hidden(folder: Path) -> list[Path]:
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        return [Path(e.path) for e in entries if e.name.startswith(".")]
    return []


def _replace_all(folder: Path, targets: list[tuple[Path, bytes]]) -> None:
    staged: list[tuple[str, Path]] = []
    backups: list[tuple[str, Path]] = []  # the previous files, kept until all are replaced
    try:
        for path, data in targets:
            if path.is_dir():
                raise OutputError("cannot write: a folder has this name", Location.of(path))
            staged.append((_stage(path, data), path))
        for _tmp, path in staged:
            if path.exists():
                backups.append((_backup(path), path))
        with _signals_held():
            _commit(folder, staged, backups)
    except BaseException:
        for tmp, _path in staged:
            with contextlib.suppress(OSError):  # gone already once renamed
                os.unlink(tmp)
        for backup, _path in backups:
            with contextlib.suppress(OSError):
                os.unlink(backup)
        raise
    for backup, _path in backups:
        with contextlib.suppress(OSError):
            os.unlink(backup)


def _commit(folder: Path, staged: list[tuple[str, Path]], backups: list[tuple[str, Path]]) -> None:
    """Steps 2 and 3: the journal, then the renames.  A rename refused (a file held open
    by another program, on Windows) puts back the files already replaced."""
    journal = folder / JOURNAL
    _write_journal(journal, [(tmp, path) for tmp, path in staged])
    replaced: list[Path] = []
    try:
        for tmp, path in staged:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror}", Location.of(path)) from exc
            replaced.append(path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(journal)  # first: a kill from here on must not finish the renames
        kept = {path for _backup_path, path in backups}
        for path in replaced:
            if path not in kept:
                with contextlib.suppress(OSError):
                    os.unlink(path)
        for backup, path in backups:
            with contextlib.suppress(OSError):
                os.replace(backup, path)  # a no-op when never replaced (two links, one file)
                if os.path.exists(backup):
                    os.unlink(backup)
        raise
    _sync_folder(folder)
    os.unlink(journal)
    _sync_folder(folder)


def _write_journal(journal: Path, renames: list[tuple[str, Path]]) -> None:
    folder = journal.parent
    entries = [
        {"from": os.path.relpath(tmp, folder), "to": os.path.relpath(path, folder)}
        for tmp, path in renames
    ]
    pending = folder / (JOURNAL + ".tmp")
    try:
        with open(pending, "w", encoding="utf-8") as handle:
            json.dump(entries, handle)
            handle.flush()
            os.fsync(handle.fileno())
        _sync_folder(folder)  # the staged files' names are on disk before the journal
        os.replace(pending, journal)
        _sync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(pending)
        raise OutputError(f"cannot write: {exc.strerror}", Location.of(journal)) from exc


def _recover(folder: Path) -> None:
    """With the folder locked: roll a journal forward, then sweep the leftovers."""
    journal = folder / JOURNAL
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        entries = []
    except (OSError, ValueError):
        entries = []  # cannot be: the journal is renamed into place whole
    for entry in entries:
        tmp, path = folder / entry["from"], folder / entry["to"]
        try:
            if tmp.exists():
                os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(
                f"cannot finish the write a stopped run began: {exc.strerror}", Location.of(path)
            ) from exc
    if entries:
        _sync_folder(folder)
    with contextlib.suppress(OSError):
        os.unlink(journal)
    for leftover in _hidden(folder):
        if _LEFTOVER.fullmatch(leftover.name):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One writer at a time in a folder (another jbreport waits for this one), so that a
    sweep never takes a file another run is writing."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a folder that cannot be opened cannot be written either: said there
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and the stop signals wait while the renames are made (a few milliseconds):
    they then stop the run with every file replaced."""
    held = {signal.SIGINT, *STOP_SIGNALS}
    if (
        not hasattr(signal, "pthread_sigmask")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _sync_folder(folder: Path) -> None:
    """The folder's entries (the renames) on disk."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _through_link(path: Path) -> Path:
    """Where the data goes: the file a symbolic link points to (the link stays)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _backup(path: Path) -> str:
    """A second name for the file now at ``path`` (a hard link, else a copy)."""
    try:
        fd, backup = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent)
        os.close(fd)
        os.unlink(backup)
        try:
            os.link(path, backup)
        except OSError:
            shutil.copy2(path, backup)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", Location.of(path)) from exc
    return backup


def _stage(path: Path, data: bytes) -> str:
    """``data`` in a temporary file in ``path``'s folder, flushed to disk."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", Location.of(folder)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            # keep the permissions the user gave the file
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write: {exc.strerror}", Location.of(path)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp
