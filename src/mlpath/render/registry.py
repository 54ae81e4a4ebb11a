"""The one table of views: (result kind, format) -> the renderer that makes it.

Every report command's ``--format`` choices, its ``--output`` extensions, the help that
lists them and the dispatch in ``commands/output.emit`` come from ``VIEWS``. Renderers are
named as ``"module:function"`` and imported only when used, so this module imports nothing
heavy (the JSON path never loads rich, DESIGN §7).

A renderer's shape follows from its format:

- ``table``: ``draw(result, console, **options)`` prints on a rich console. Every kind with a
  table also has ``txt`` and ``svg``: the same drawing recorded as a file (render/export.py).
- ``json``: ``build(result) -> dict``, the JSON contract (render/jsonout.py, DESIGN §4).
- anything else: ``render(result, **options) -> str``.

Options (``skill_names``, ``explain``, ``gap_limit``) reach a renderer only when its
signature names them. A new kind is one entry here; a new format for a kind is one line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mlpath.errors import UsageError

VIEWS: dict[str, dict[str, str]] = {
    "report": {
        "table": "mlpath.render.table:render_report",
        "json": "mlpath.render.jsonout:report",
        "markdown": "mlpath.render.markdown:render_report",
        "html": "mlpath.render.html:report_html",
    },
    "match": {
        "table": "mlpath.render.table:render_matches",
        "json": "mlpath.render.jsonout:matches",
        "markdown": "mlpath.render.views_markdown:match_markdown",
        "html": "mlpath.render.views_html:match_html",
    },
    "plan": {
        "table": "mlpath.render.plan:render_plan",
        "json": "mlpath.render.jsonout:plan",
        "markdown": "mlpath.render.plan:render_plan_markdown",
        "html": "mlpath.render.html:plan_html",
    },
    "diff": {
        "table": "mlpath.render.progress:render_diff",
        "json": "mlpath.render.jsonout:diff",
        "markdown": "mlpath.render.views_markdown:diff_markdown",
        "html": "mlpath.render.views_html:diff_html",
    },
    "progress": {
        "table": "mlpath.render.progress:render_progress",
        "json": "mlpath.render.jsonout:progress",
        "markdown": "mlpath.render.views_markdown:progress_markdown",
        "html": "mlpath.render.html:progress_html",
    },
    "team": {
        "table": "mlpath.render.team:render_team",
        "json": "mlpath.render.jsonout:team",
        "markdown": "mlpath.render.markdown:team_markdown",
        "html": "mlpath.render.html:team_html",
        "csv": "mlpath.render.team:team_csv",
        "steps-csv": "mlpath.render.team:team_steps_csv",  # who needs what, person × step
    },
    "whatif": {
        "table": "mlpath.render.whatif:render_whatif",
        "json": "mlpath.render.whatif:whatif_json",
        "markdown": "mlpath.render.whatif:whatif_markdown",
        "html": "mlpath.render.whatif:whatif_html",
    },
}

DRAWN = ("txt", "svg")  # the terminal look, recorded: every kind with a table has them
ALIASES = {"md": "markdown", "text": "txt", "htm": "html"}
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
              ".json": "json", ".txt": "txt", ".svg": "svg", ".csv": "csv"}
KINDS = tuple(VIEWS)


def formats(kind: str) -> list[str]:
    """The formats ``kind`` can be printed in, table first (the default)."""
    views = VIEWS[kind]
    names = list(views)
    if "table" in views:
        names += [f for f in DRAWN if f not in views]
    return names


def canonical(kind: str, fmt: str) -> str:
    """``fmt`` with its alias resolved; a UsageError naming the valid ones when ``kind``
    has no such view."""
    name = ALIASES.get(fmt.lower(), fmt.lower())
    if name not in formats(kind):
        raise UsageError(f"{what(kind)} cannot be printed as {fmt!r}; choose one of "
                         + ", ".join(formats(kind)))
    return name


def extensions(kind: str) -> list[str]:
    """The --output file extensions ``kind`` can be written to."""
    valid = formats(kind)
    return [ext for ext, fmt in EXTENSIONS.items() if fmt in valid]


def by_extension(kind: str, path: str) -> str | None:
    """The format a file name asks for, or None when its extension names none."""
    fmt = EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is not None and fmt not in formats(kind):
        raise UsageError(f"--output {path}: {what(kind)} cannot be written as {fmt}; use "
                         + ", ".join(extensions(kind)))
    return fmt


def choose(kind: str, *, fmt: str | None = None, json: bool = False,
           output: str | None = None) -> str:
    """The one format a command line asks for, from --format, --json and --output FILE.

    ``fmt`` is None when --format was not given. Two flags that name different formats
    are a usage error (exit 2) that names the valid ones, never a silent pick.
    """
    to_file = output is not None and output != "-"
    asked: list[tuple[str, str]] = []
    if fmt is not None:
        name = canonical(kind, fmt)
        asked.append((f"--format {fmt}", "txt" if to_file and name == "table" else name))
    if json:
        asked.append(("--json", "json"))
    if to_file:
        assert output is not None
        by_file = by_extension(kind, output)
        if by_file is not None:
            asked.append((f"--output {output}", by_file))
        elif not asked:
            raise UsageError(f"--output {output}: cannot tell the format from the extension; "
                             "use " + ", ".join(extensions(kind))
                             + " (or name it with --format)")
    chosen = {fmt for _, fmt in asked}
    if len(chosen) > 1:
        flags = " and ".join(flag for flag, _ in asked)
        raise UsageError(f"{flags} ask for different formats; give one: "
                         + ", ".join(formats(kind)))
    if chosen:
        return chosen.pop()
    return "txt" if to_file else "table"


def renderer(kind: str, fmt: str) -> Callable[..., Any]:
    """The function registered for (kind, fmt), imported now; txt and svg use the table."""
    from importlib import import_module

    target = VIEWS[kind]["table" if fmt in DRAWN else fmt]
    module, _, name = target.partition(":")
    fn: Callable[..., Any] = getattr(import_module(module), name)
    return fn


def accepted(fn: Callable[..., Any], options: dict[str, Any]) -> dict[str, Any]:
    """The options ``fn``'s signature names (renderers take only what they use)."""
    code = getattr(fn, "__code__", None)
    if code is None:  # pragma: no cover - a callable object: give it everything
        return options
    names = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    return {k: v for k, v in options.items() if k in names}


def what(kind: str) -> str:
    """The result in words, for messages: "the report", "the plan"."""
    return {"report": "the report", "match": "the ranking", "team": "the team view"}.get(
        kind, f"the {kind}")
