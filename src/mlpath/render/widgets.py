"""Small pieces that the terminal views share: whole URLs, link lines, widths, clean ends.

The rules for a narrow terminal (issue 15): decoration (bars, timelines) shrinks or goes
before any content column is cut; names wrap at word boundaries under themselves; a URL
is never folded (it may run past the edge, and terminals that know OSC 8 get a link).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from mlpath.render.escape import safe_url, terminal

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from mlpath.model import Resource


class Whole(NamedTuple):
    """One line printed as it is: never wrapped or cropped at the terminal's width."""

    text: Text


Part = "RenderableType | Whole"


def url_line(url: str, indent: int = 0) -> Whole:
    """``url`` on a line of its own, whole, and a hyperlink where it is a safe http(s) URL."""
    from rich.style import Style
    from rich.text import Text

    shown = terminal(url)
    line = Text(" " * indent)
    link = safe_url(url)
    line.append(shown, Style(color="blue", link=link) if link else Style(color="blue"))
    return Whole(line)


def resource_parts(r: Resource, indent: int, *, bullet: str = "") -> list[Any]:
    """A resource as a title line that wraps under itself, then its URL, whole; a
    ``bullet`` sits in the two columns left of the title."""
    from mlpath.render.console import styled
    from mlpath.render.text import number

    facts = [r.kind, r.cost]
    if r.hours is not None:
        facts.append(f"{number(r.hours)} h")
    title = styled((r.title, "bold"), " · " + " · ".join(facts))
    if bullet:
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(bullet, title)
        out: list[Any] = [indented(grid, max(0, indent - 2))]
    else:
        out = [indented(title, indent)]
    if r.url:
        out.append(url_line(r.url, indent))
    return out


def indented(renderable: RenderableType, by: int) -> RenderableType:
    """``renderable`` moved right by ``by`` columns; its wrapped lines stay under it."""
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, by)) if by else renderable


def emit(console: Console, parts: Iterable[Any]) -> None:
    """Print the parts in one go: a ``Whole`` line never wrapped or cropped (it may run
    past the edge), anything else laid out by rich at the console's width.

    One ``print`` rather than one per part: each call costs rich a full layout pass, and
    a report has dozens of parts (DESIGN §7). ``crop=False`` lets a Whole line run on;
    everything else already fits the width.
    """
    from rich.console import Group

    shown = []
    for part in parts:
        if isinstance(part, Whole):
            text = part.text.copy()
            text.no_wrap, text.overflow = True, "ignore"
            shown.append(text)
        else:
            shown.append(part)
    console.print(Group(*shown), crop=False)


def bar_cells(room: int, *, most: int, least: int = 4) -> int:
    """How many cells a decorative bar may take in ``room`` columns: 0 when under ``least``."""
    cells = min(most, room)
    return cells if cells >= least else 0


def longest_word(names: Iterable[str]) -> int:
    return max((len(word) for name in names for word in name.split()), default=0)


def room_left(width: int, fixed: Iterable[int], *, gap: int = 2) -> int:
    """The columns left for a table's one flexible column beside ``fixed`` ones (their
    widths), with ``gap`` columns between neighbours (rich's padding of 1 on each side;
    1 with ``collapse_padding``) and none at the edges (``pad_edge=False``)."""
    widths = list(fixed)
    return width - sum(widths) - gap * len(widths)


class StripTrailing:
    """A text stream that drops the spaces rich pads lines with: files and pipes get
    no trailing whitespace. Everything else is passed through to the wrapped stream."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
