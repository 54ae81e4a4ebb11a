"""The one place a rich Console is made; rich is imported only when something is drawn."""

from __future__ import annotations

import sys
from functools import cache
from typing import IO, TYPE_CHECKING

from mlpath.render.text import clean

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def make_console(*, no_color: bool = False, stderr: bool = False, file: IO[str] | None = None,
                 record: bool = False, width: int | None = None) -> Console:
    from mlpath.render.widgets import StripTrailing

    target = file or (sys.stderr if stderr else sys.stdout)
    if not record and not _isatty(target):  # pipes and files: no padding at line ends
        target = StripTrailing(target)
    return _console_class()(
        file=target,
        no_color=no_color or None,
        highlight=False,
        markup=False,
        emoji=False,
        record=record,
        width=width,
        safe_box=True,
    )


@cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """The reader went away (`| head`). rich would exit 1 on the spot; instead the
            error goes up, so that the command can still finish what was asked of it
            (a --save file) and the CLI ends the run quietly with its verdict."""
            self.quiet = True
            raise BrokenPipeError

    return _Console


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def bar(value: float, total: float, cells: int) -> str:
    """A bar of ``cells`` characters, full ones for ``value`` out of ``total``."""
    filled = 0 if total <= 0 else round(cells * max(0.0, min(value, total)) / total)
    return "█" * filled + "░" * (cells - filled)


def styled(*parts: tuple[str, str] | str) -> Text:
    """A rich ``Text`` from plain parts or (text, style) pairs; never parses markup."""
    from rich.text import Text

    out = Text()
    for part in parts:
        text, style = part if isinstance(part, tuple) else (part, "")
        out.append("\n".join(clean(line) for line in text.split("\n")), style=style)
    return out
