"""Writing files so that a failure or an interrupt never leaves a file half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from mlpath.errors import DataError


def write_atomic(path: str | Path, text: str, *, replace: bool = False) -> None:
    """Write ``text`` to a temporary file beside ``path``, then move it into place.

    An existing file is replaced only when ``replace`` is true; otherwise it is
    left untouched and a ``DataError`` says so. On any failure, including
    Ctrl-C, the temporary file is removed and the old file stays as it was.
    """
    target = Path(path)
    if target.is_dir():
        raise DataError(f"{target}: is a directory; give a file name")
    if target.exists() and not replace:
        raise DataError(f"{target}: already exists; pass --force to replace it")
    directory = target.parent if str(target.parent) else Path()
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=directory)
    except OSError as exc:
        raise DataError(f"{target}: cannot write: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, temp)
        temp.replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise DataError(f"{target}: cannot write: {exc.strerror or exc}") from None
        raise


def _copy_mode(target: Path, temp: Path) -> None:
    """Keep an existing file's permissions; give a new one the usual (umask) ones."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    temp.chmod(mode)
