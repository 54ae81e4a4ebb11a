"""Any result's terminal look as a file: plain text, or an SVG picture.

The registry (render/registry.py) gives every kind with a ``table`` view these two formats:
``txt`` is the drawing with no colour, every gap listed and no trailing spaces; ``svg`` is
the same drawing in colour, with no font fetched from anywhere and its URLs as links.
HTML, Markdown and JSON are their own renderers' (render/html.py, markdown.py, jsonout.py).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

EXPORT_WIDTH = 100

_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*")
_SVG_TEXT = re.compile(r"(<text\b[^>]*>)(https?://[^<\s]*)(</text>)")


def recorded(draw: Callable[[Console], Any], fmt: str, *, title: str = "mlpath") -> str:
    """What ``draw`` prints, at 100 columns, as ``fmt``: "txt" or "svg"."""
    from rich.console import Console

    colour = fmt == "svg"
    console = Console(file=io.StringIO(), record=True, width=EXPORT_WIDTH, highlight=False,
                      markup=False, emoji=False, force_terminal=colour,
                      color_system="truecolor" if colour else None, safe_box=True)
    draw(console)
    if colour:
        from mlpath.render.escape import terminal

        # rich escapes <&> in the title, not control characters
        return svg_links(offline_svg(console.export_svg(title=terminal(title))))
    return "".join(line.rstrip(" ") + "\n" for line in console.export_text().splitlines())


def title(kind: str, result: Any) -> str:
    """A picture's window title: mlpath, the view and what it is about."""
    about = getattr(getattr(result, "target", None), "title", None) or getattr(
        getattr(result, "level", None), "title", None)
    return f"mlpath {kind}" + (f" · {about}" if isinstance(about, str) else "")


def offline_svg(text: str) -> str:
    """rich's SVG without its @font-face rules, which fetch Fira Code from a CDN: the
    picture falls back to the reader's own monospace font and opens offline."""
    return _FONT_FACE.sub("", text)


def svg_links(text: str) -> str:
    """Each URL that rich drew as its own text run becomes a link."""
    from html import unescape

    from mlpath.render.escape import href

    def link(match: re.Match[str]) -> str:
        target = href(unescape(match.group(2)))
        if target is None:
            return match.group(0)
        return f'<a href="{target}">{match.group(0)}</a>'

    return _SVG_TEXT.sub(link, text)
