"""Write files so that a failure at any moment leaves the previous file untouched.

Everything jbreport writes (briefs, catalogs, templates) goes through :func:`write_all`:
the data goes to a temporary file in the same folder, is flushed to disk and then renamed
over the target, which is atomic on POSIX and Windows.  The outputs of one build (or the
catalogs of one update) are all written before any is renamed into place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import Location, OutputError


def write_bytes(path: Path, data: bytes) -> None:
    """Atomically replace ``path`` with ``data``."""
    write_all([(path, data)])


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace several files together.  Each is first written in full beside its target;
    only when all of them are on disk are they renamed into place, and if one rename fails
    (a file held open by another program) the ones already replaced are put back: a failure
    at any point replaces none."""
    staged: list[tuple[str, Path]] = []
    backups: list[tuple[str, Path]] = []  # the previous files, kept until all are replaced
    replaced: list[Path] = []
    try:
        for path, data in files:
            if path.is_dir():
                raise OutputError("cannot write: a folder has this name", Location.of(path))
            staged.append((_stage(path, data), path))
        for _tmp, path in staged:
            if path.exists():
                backups.append((_backup(path), path))
        for tmp, path in staged:
            try:
                os.replace(tmp, path)  # a file open in another program may refuse (Windows)
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror}", Location.of(path)) from exc
            replaced.append(path)
    except BaseException:
        kept = {path for _backup_path, path in backups}
        for path in replaced:  # put back what was there before
            if path not in kept:
                with contextlib.suppress(OSError):
                    os.unlink(path)
        for backup, path in backups:
            with contextlib.suppress(OSError):
                os.replace(backup, path)  # a no-op when the file was never replaced (a link)
                if os.path.samefile(backup, path):
                    os.unlink(backup)
        for tmp, _path in staged:
            with contextlib.suppress(OSError):  # gone already once renamed
                os.unlink(tmp)
        raise
    for backup, _path in backups:
        with contextlib.suppress(OSError):
            os.unlink(backup)


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


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
