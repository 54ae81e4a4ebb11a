"""The report as a file to share: HTML and SVG from rich's recording console, like the
terminal report; plain text, Markdown and JSON as the other renderers make them."""

from __future__ import annotations

import io

from mlpath.model import Report

EXTENSIONS = {".html": "html", ".htm": "html", ".svg": "svg", ".md": "markdown",
              ".markdown": "markdown", ".json": "json", ".txt": "text"}
EXPORT_WIDTH = 100


def export_report(report: Report, kind: str, *, skill_names: dict[str, str],
                  explain: bool = False) -> str:
    if kind == "json":
        from mlpath.render.jsonout import dumps
        from mlpath.render.jsonout import report as report_dict

        return dumps(report_dict(report)) + "\n"
    if kind == "markdown":
        from mlpath.render.markdown import render_report

        return render_report(report)
    from rich.console import Console

    from mlpath.render.table import render_report as render_table

    colour = kind in ("html", "svg")
    console = Console(file=io.StringIO(), record=True, width=EXPORT_WIDTH, highlight=False,
                      markup=False, emoji=False, force_terminal=colour,
                      color_system="truecolor" if colour else None, safe_box=True)
    render_table(report, console, skill_names=skill_names, explain=explain)
    if kind == "html":
        return console.export_html(inline_styles=True)
    if kind == "svg":
        title = f"mlpath · {report.target.title}"
        return console.export_svg(title=title)
    return console.export_text()
