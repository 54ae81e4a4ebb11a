"""The report as a file to share, in the format its extension names.

HTML is a web page of its own (render/html.py); SVG is the terminal report as a picture,
with no font fetched from anywhere and its URLs as links; plain text is the terminal
report with every gap and no trailing spaces; Markdown and JSON as their renderers make
them.
"""

from __future__ import annotations

import io
import re

from mlpath.model import Report

EXTENSIONS = {".html": "html", ".htm": "html", ".svg": "svg", ".md": "markdown",
              ".markdown": "markdown", ".json": "json", ".txt": "text"}
EXPORT_WIDTH = 100

_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*")
_SVG_TEXT = re.compile(r"(<text\b[^>]*>)(https?://[^<\s]*)(</text>)")


def export_report(report: Report, kind: str, *, skill_names: dict[str, str],
                  explain: bool = False) -> str:
    if kind == "json":
        from mlpath.render.jsonout import dumps
        from mlpath.render.jsonout import report as report_dict

        return dumps(report_dict(report)) + "\n"
    if kind == "markdown":
        from mlpath.render.markdown import render_report

        return render_report(report, skill_names=skill_names)
    if kind == "html":
        from mlpath.render.html import report_html

        return report_html(report, skill_names=skill_names)
    from rich.console import Console

    from mlpath.render.table import render_report as render_table

    colour = kind == "svg"
    console = Console(file=io.StringIO(), record=True, width=EXPORT_WIDTH, highlight=False,
                      markup=False, emoji=False, force_terminal=colour,
                      color_system="truecolor" if colour else None, safe_box=True)
    render_table(report, console, skill_names=skill_names, explain=explain, gap_limit=None)
    if kind == "svg":
        from mlpath.render.escape import terminal

        title = terminal(f"mlpath · {report.target.title}")  # rich escapes <&>, not controls
        return svg_links(offline_svg(console.export_svg(title=title)))
    return "".join(line.rstrip(" ") + "\n" for line in console.export_text().splitlines())


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
