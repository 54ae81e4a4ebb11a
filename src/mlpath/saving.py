"""Saving a profile from the command line, without ever dropping a person's answers.

``save`` writes with ``profile.save_profile`` (an edit in place over an existing
profile, atomic, never over a file changed meanwhile). When that fails after an
interview, the answers are not thrown away: on a terminal mlpath offers another
file name, and otherwise (or when that fails too) it writes a recovery file and
names it in the error.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from mlpath.errors import DataError, MlpathError
from mlpath.model import Catalog, Profile
from mlpath.profile import dump_profile, save_profile
from mlpath.render.text import clean

Say = Callable[[str], None]
Ask = Callable[[str], str]
MAX_OTHER_TRIES = 3


def save(profile: Profile, catalog: Catalog, path: str, *, replace: bool, say: Say,
         ask: Ask | None = None, answers_at_stake: bool = False) -> None:
    """Save ``profile`` to ``path``; on failure, keep the answers if they are at stake.

    ``ask`` (a terminal prompt, or None) offers another file name; ``answers_at_stake``
    says the profile exists nowhere else (it came from an interview).
    """
    try:
        _save_and_say(profile, catalog, path, replace=replace, say=say)
        return
    except MlpathError as exc:
        if not answers_at_stake:
            raise
        failure = exc
    say(clean(f"mlpath: error: {failure}"))
    for _ in range(MAX_OTHER_TRIES if ask is not None else 0):
        assert ask is not None
        other = ask("Save your answers to another file instead? File name (Enter writes "
                    "a recovery file): ")
        if not other:
            break
        try:
            _save_and_say(profile, catalog, other, replace=False, say=say)
            return
        except MlpathError as exc:
            say(clean(f"mlpath: error: {exc}"))
    kept = write_recovery(profile, catalog, path)
    raise DataError(f"{failure}; your answers are kept in {kept}" if kept else
                    f"{failure}; and no recovery file could be written")


def _save_and_say(profile: Profile, catalog: Catalog, path: str, *, replace: bool,
                  say: Say) -> None:
    saved = save_profile(profile, catalog, path, replace=replace)
    how = " (edited in place: your comments and layout are kept)" if saved.edited else ""
    if saved.backup is not None:
        old = saved.backup
        if not Path(path).is_symlink():  # named as the person named the file
            old = Path(path).parent / saved.backup.name
        how = (" (rewritten whole: it could not be edited in place, so its comments and "
               f"layout are gone; the old file is kept as {old})")
    say(clean(f"mlpath: saved your profile to {path}{how}"))


def recovery_places(path: str) -> list[Path]:
    """Where a recovery file may go, in order: beside ``path``, home, the temp folder."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{Path(path).stem or 'profile'}.recovered-{stamp}-{os.getpid()}.yaml"
    folders = [Path(path).parent, Path.home(), Path(tempfile.gettempdir())]
    return [folder / name for folder in folders]


def write_recovery(profile: Profile, catalog: Catalog, path: str) -> Path | None:
    """Write the profile to a new file that did not exist; None when nowhere works."""
    text = dump_profile(profile, catalog).encode("utf-8")
    for place in recovery_places(path):
        try:
            fd = os.open(place, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError:
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(text)
        except OSError:
            place.unlink(missing_ok=True)
            continue
        return place
    return None
