"""Writing files so that a failure, an interrupt or a race never loses data.

- The text goes to a temporary file beside the target, is flushed to disk, and
  only then takes the target's place, so the target is always whole: the old
  file or the new one.
- A new file is put in place with ``link``, which fails when the name exists:
  a file that appeared meanwhile is never overwritten.
- An existing file is replaced only when it still holds what the caller saw
  (``expected``): an edit made meanwhile, by a person or a second mlpath, is
  never silently lost.
- A symlink is followed: the file it points at is replaced, the link stays.
- Ctrl-C, SIGTERM or any error leave no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mlpath.errors import EXIT_TERMINATED, DataError, MlpathError


class Terminated(MlpathError):
    """SIGTERM arrived while a file was being written; the write was undone."""

    exit_code = EXIT_TERMINATED


class _Unset:
    pass


UNSET: Any = _Unset()


def real_path(path: str | Path) -> Path:
    """Where writing ``path`` really lands: symlinks (even dangling ones) followed."""
    return Path(os.path.realpath(path))


def read_current(path: str | Path) -> bytes | None:
    """The bytes a file holds now, or None when there is no such file."""
    try:
        with Path(path).open("rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise DataError(f"{path}: is a directory; give a file name") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None


def write_atomic(path: str | Path, text: str, *, replace: bool = False,
                 expected: bytes | Any | None = UNSET) -> None:
    """Write ``text`` to ``path`` atomically.

    An existing file is replaced only when ``replace`` is true; otherwise it is
    left untouched and a ``DataError`` says so. With ``expected`` (the bytes the
    caller read, or None for "there was no file"), the write happens only if the
    file still holds exactly that.
    """
    shown = Path(path)
    target = real_path(path)
    if target.is_dir():
        raise DataError(f"{shown}: is a directory; give a file name")
    if target.exists() and not target.is_file():
        raise DataError(f"{shown}: is not a regular file; give a file name")
    if target.exists() and not replace:
        raise DataError(f"{shown}: already exists; pass --force to replace it")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
    except OSError as exc:
        raise DataError(f"{shown}: cannot write: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        with _terminate_cleanly():
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            _copy_mode(target, temp)
            _check_unchanged(shown, target, expected)
            if target.exists():
                temp.replace(target)
            else:
                _link_new(shown, temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise DataError(f"{shown}: cannot write: {exc.strerror or exc}") from None
        raise
    with contextlib.suppress(OSError):
        temp.unlink()  # after a link, the temporary name is left over


def _check_unchanged(shown: Path, target: Path, expected: Any) -> None:
    if expected is UNSET:
        return
    current = read_current(target)
    if current == expected:
        return
    if expected is None:
        raise DataError(f"{shown}: appeared while mlpath was running; nothing was saved "
                        "over it")
    if current is None:
        return  # removed meanwhile: writing it anew overwrites nothing
    raise DataError(f"{shown}: changed since mlpath read it; nothing was saved over it")


def _link_new(shown: Path, temp: Path, target: Path) -> None:
    """Put ``temp`` at ``target`` only if nothing is there (no overwrite, no race)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise DataError(f"{shown}: appeared while mlpath was running; nothing was saved "
                        "over it") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                             errno.EMLINK, errno.ENOSYS):
            raise
        # A file system without hard links: create the name exclusively, then move the
        # whole temporary file over that empty placeholder.
        placeholder = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(placeholder)
        temp.replace(target)


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into an exception for the length of a write, so cleanup runs."""
    def on_term(signum: int, frame: Any) -> None:
        raise Terminated("terminated; nothing was written")

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread: signals cannot be caught here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _copy_mode(target: Path, temp: Path) -> None:
    """Keep an existing file's permissions; give a new one the usual (umask) ones."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    temp.chmod(mode)
