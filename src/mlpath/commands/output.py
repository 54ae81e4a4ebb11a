"""The one place that turns a command's result and a format into output.

``emit`` looks the (kind, format) pair up in the renderer registry
(render/registry.py) and prints the result, or writes it to ``output``. Renderers are
imported only when used, so the JSON path never imports rich.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mlpath.render.registry import KINDS

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["KINDS", "emit", "render"]


def emit(kind: str, result: Any, fmt: str, *, console: Callable[[], Console],
         skill_names: dict[str, str] | None = None, explain: bool = False,
         compact: bool = False, extra: dict[str, Any] | None = None,
         output: str | None = None, force: bool = False) -> None:
    """Print ``result`` (of ``kind``) in ``fmt``, a format the registry has for ``kind``.

    ``extra`` adds fields to the JSON object (never replacing the contract's own).
    ``output``: a file to write instead (atomically; an existing one only with ``force``);
    ``-`` or None is standard output. ``fmt`` is what ``registry.choose`` made of the
    command line: with a file, "table" is written as its text export, "txt".
    """
    from mlpath.render.registry import accepted, canonical, renderer

    fmt = canonical(kind, fmt)
    to_file = output is not None and output != "-"
    if fmt == "json" and kind == "team" and compact and not to_file:  # a big team, streamed
        from mlpath.render.team import stream_team_json

        stream_team_json(result, sys.stdout.write, extra)
        return
    options: dict[str, Any] = {"skill_names": skill_names or {}, "explain": explain}
    if fmt == "table" and not to_file:
        draw = renderer(kind, "table")
        draw(result, console(), **accepted(draw, options))
        return
    text = render(kind, result, "txt" if fmt == "table" else fmt, options=options,
                  compact=compact, extra=extra)
    if not to_file:
        sys.stdout.write(text)
        return
    assert output is not None
    from mlpath.atomic import write_atomic
    from mlpath.render.registry import what

    write_atomic(output, text, replace=force)
    sys.stderr.write(f"mlpath: wrote {what(kind)} to {output}\n")


def render(kind: str, result: Any, fmt: str, *, options: dict[str, Any] | None = None,
           compact: bool = False, extra: dict[str, Any] | None = None) -> str:
    """``result`` as the text of ``fmt`` (any format but the live terminal table)."""
    from mlpath.render.registry import DRAWN, accepted, renderer

    opts = options or {}
    fn = renderer(kind, fmt)
    if fmt == "json":
        from mlpath.render import jsonout

        value = fn(result)
        for key, item in (extra or {}).items():
            value.setdefault(key, item)
        return jsonout.dumps(value, compact=compact) + "\n"
    if fmt in DRAWN:
        from mlpath.render.export import recorded, title

        every = {**opts, "gap_limit": None}  # a file holds every gap: nothing is cut short
        return recorded(lambda console: fn(result, console, **accepted(fn, every)), fmt,
                        title=title(kind, result))
    text: str = fn(result, **accepted(fn, opts))
    return text
