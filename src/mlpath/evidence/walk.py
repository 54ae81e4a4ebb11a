"""Finding and reading a project's files safely: bounded, never following a link, never stuck.

Folders that hold no one's own work (.git, virtual environments, node_modules, caches)
are not entered; symbolic links inside a folder are not followed (so a link loop cannot
trap the walk); FIFOs, devices and sockets are never opened; and the walk stops after a
fixed number of files and folder entries. What was left out and why is reported.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

MAX_FILES = 5000  # files read, across all paths
MAX_ENTRIES = 200_000  # folder entries looked at, across all paths
MAX_DEPTH = 40
MAX_BYTES = 1 << 20  # 1 MiB: larger source files are generated, vendored or data
MAX_NOTEBOOK_BYTES = 20 << 20  # notebooks carry their outputs (images) inline
MAX_SKIPS_KEPT = 100

SKIP_FOLDERS = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints",
    "site-packages", ".cache", ".idea", ".vscode", ".terraform", ".eggs",
})
VCS_FOLDERS = frozenset({".git"})


class Skip(NamedTuple):
    path: str
    reason: str


class Found(NamedTuple):
    path: str
    name: str
    parent: str  # the name of the folder it is in
    grandparent: str  # and of the folder above that


class Walk:
    """Walks the given paths once; afterwards ``skipped``, ``repos`` and ``truncated`` tell
    what the walk left out, which folders were Git repositories, and whether it stopped early."""

    def __init__(self, *, max_files: int = MAX_FILES, max_entries: int = MAX_ENTRIES) -> None:
        self.max_files, self.max_entries = max_files, max_entries
        self.skipped: list[Skip] = []
        self.skipped_total = 0
        self.repos: list[str] = []
        self.truncated = False
        self.files = 0
        self._entries = 0

    def skip(self, path: str, reason: str) -> None:
        self.skipped_total += 1
        if len(self.skipped) < MAX_SKIPS_KEPT:
            self.skipped.append(Skip(path, reason))

    def take_file(self) -> bool:
        """Count one more file to read; False (and stop) once the cap is reached."""
        if self.files >= self.max_files:
            self.truncated = True
            return False
        self.files += 1
        return True

    def files_under(self, top: str) -> Iterator[Found]:
        """Regular files (by name) under ``top``, sorted, depth first; ``top`` may be a file."""
        try:
            info = os.stat(top)  # noqa: PTH116 - one call, and the str path is kept
        except OSError as exc:
            self.skip(top, _why(exc))
            return
        if not stat.S_ISDIR(info.st_mode):
            yield _found(top)
            return
        stack: list[tuple[str, int]] = [(top, 0)]
        while stack and not self.truncated:
            folder, depth = stack.pop()
            entries = self._list(folder)
            if entries is None:
                continue
            if any(e.name == "pyvenv.cfg" for e in entries):
                continue  # a virtual environment under some other name
            subfolders: list[tuple[str, int]] = []
            for entry in entries:
                self._entries += 1
                if self._entries > self.max_entries:
                    self.truncated = True
                    return
                try:
                    if entry.is_symlink():
                        continue  # never followed: links may loop or leave the project
                    if entry.name in VCS_FOLDERS:  # a folder, or a file in a git worktree
                        self.repos.append(folder)
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name not in SKIP_FOLDERS and depth < MAX_DEPTH:
                            subfolders.append((entry.path, depth + 1))
                        continue
                except OSError:
                    continue
                yield _found(entry.path)
            stack.extend(reversed(subfolders))

    def _list(self, folder: str) -> list[os.DirEntry[str]] | None:
        try:
            with os.scandir(folder) as it:
                return sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.skip(folder, f"cannot read folder: {_why(exc)}")
            return None


def _found(path: str) -> Found:
    parts = Path(path).absolute().parts
    return Found(path, parts[-1], parts[-2] if len(parts) > 1 else "",
                 parts[-3] if len(parts) > 2 else "")


def _why(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def read_text(path: str, *, limit: int = MAX_BYTES) -> tuple[str | None, str]:
    """The text of a regular file of at most ``limit`` bytes, or None and the reason not.

    Opened without blocking, so a FIFO or device swapped in cannot hang the scan; a file
    with a NUL byte is binary; other bytes that are not UTF-8 are replaced.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return None, f"cannot read: {_why(exc)}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file"
        if info.st_size > limit:
            return None, f"larger than {limit >> 20} MiB"
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        return None, f"cannot read: {_why(exc)}"
    finally:
        os.close(fd)
    if size > limit:
        return None, f"larger than {limit >> 20} MiB"
    data = b"".join(chunks)
    if b"\0" in data:
        return None, "binary"
    return data.decode("utf-8", errors="replace"), ""
