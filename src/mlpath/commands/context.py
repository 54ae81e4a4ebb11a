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


def warn(lines: Sequence[str]) -> None:
    """Warnings on stderr, one line each."""
    from mlpath.render.text import clean

    for line in lines:
        sys.stderr.write(f"mlpath: warning: {clean(line)}\n")


def note(text: str) -> None:
    sys.stderr.write(f"mlpath: {text}\n")
