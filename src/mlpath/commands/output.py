"""The one place that turns a command's result and a format into output.

Every command's format dispatch goes through ``emit`` (a later renderer registry
replaces its body, not its callers). Renderers are imported only when used, so the
JSON path never imports rich.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

KINDS = ("report", "match", "plan", "diff", "progress", "team")


def emit(kind: str, result: Any, fmt: str, *, console: Callable[[], Console],
         skill_names: dict[str, str] | None = None, explain: bool = False,
         compact: bool = False, extra: dict[str, Any] | None = None) -> None:
    """Print ``result`` (of ``kind``) in ``fmt``: json, markdown, csv or table.

    ``extra`` adds fields to the JSON object (never replacing the contract's own).
    """
    from mlpath.render import jsonout

    if fmt == "json" and kind == "team" and compact:  # a big team: people streamed
        from mlpath.render.team import stream_team_json

        stream_team_json(result, sys.stdout.write, extra)
        return
    if fmt == "json":
        builders: dict[str, Callable[[Any], dict[str, Any]]] = {
            "report": jsonout.report, "match": jsonout.matches, "plan": jsonout.plan,
            "diff": jsonout.diff, "progress": jsonout.progress, "team": jsonout.team}
        value = builders[kind](result)
        for key, item in (extra or {}).items():
            value.setdefault(key, item)
        sys.stdout.write(jsonout.dumps(value, compact=compact) + "\n")
        return
    if fmt == "markdown" and kind == "report":
        from mlpath.render.markdown import render_report

        sys.stdout.write(render_report(result, skill_names=skill_names))
        return
    if fmt == "markdown" and kind == "plan":
        from mlpath.render.plan import render_plan_markdown

        sys.stdout.write(render_plan_markdown(result))
        return
    if fmt == "csv" and kind == "team":
        from mlpath.render.team import team_csv

        sys.stdout.write(team_csv(result))
        return
    if fmt in ("steps-csv", "markdown", "html") and kind == "team":
        from mlpath.render.team import RENDERERS

        sys.stdout.write(RENDERERS[fmt](result))
        return
    _draw(kind, result, console(), skill_names or {}, explain)


def _draw(kind: str, result: Any, console: Console, names: dict[str, str],
          explain: bool) -> None:
    if kind == "report":
        from mlpath.render.table import render_report

        render_report(result, console, skill_names=names, explain=explain)
    elif kind == "match":
        from mlpath.render.table import matches_table

        console.print(matches_table(result, "Roles ranked by readiness"))
    elif kind == "plan":
        from mlpath.render.plan import render_plan

        render_plan(result, console)
    elif kind == "diff":
        from mlpath.render.progress import render_diff

        render_diff(result, console)
    elif kind == "progress":
        from mlpath.render.progress import render_progress

        render_progress(result, console)
    elif kind == "team":
        from mlpath.render.team import render_team

        render_team(result, console)
    else:  # pragma: no cover - a programming error, not a user's
        raise ValueError(f"no view for {kind!r}")
