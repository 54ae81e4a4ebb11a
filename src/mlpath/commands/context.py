"""What a use case needs from the outside world, handed down by the CLI."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from rich.console import Console

    from mlpath.interview import Prompter
    from mlpath.model import Catalog


class Context(NamedTuple):
    catalog: Catalog
    console: Callable[[], Console]  # made only when something is drawn (rich is slow)
    prompter: Callable[[], Prompter]
    interactive: bool  # whether questions can be asked (stdin and stdout are a terminal)


# The exit code the run has reached so far (see ``record_verdict``): one run per process.
_verdict = [0]


def record_verdict(code: int) -> int:
    """Record the exit code the run has reached (3 below --fail-under, 1 for problems
    found or profiles skipped), as soon as it is known and BEFORE writing the output
    that says why: when the reader goes away (`| head -1`), the CLI ends the run quietly
    with this code instead of 0. A 0 never replaces a verdict already recorded.
    Returns ``code``, so that ``return record_verdict(code)`` reads naturally."""
    if code:
        _verdict[0] = code
    return code


def recorded_verdict() -> int:
    """The exit code recorded by ``record_verdict`` in this run, 0 when none was."""
    return _verdict[0]


def reset_verdict() -> None:
    """A new run starts with no verdict (``cli.main``, called more than once in tests)."""
    _verdict[0] = 0


def warn(lines: Sequence[str]) -> None:
    """Warnings on stderr, one line each."""
    from mlpath.render.text import clean

    for line in lines:
        sys.stderr.write(f"mlpath: warning: {clean(line)}\n")


def note(text: str) -> None:
    sys.stderr.write(f"mlpath: {text}\n")
