"""The ranking and the diff as web pages (the other views have theirs in html.py).

Built on ``html.page``: one self-contained file, no fetch, no script, every string from a
file through ``escape.html``.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlpath.model import Match
from mlpath.render import svg
from mlpath.render.escape import html
from mlpath.render.html import page
from mlpath.render.text import change, level_change, number, percent
from mlpath.reports import Diff


def match_html(matches: Sequence[Match]) -> str:
    """Every role ranked, each with a readiness bar."""
    out = ["<h1>Roles ranked by readiness</h1>"]
    if not matches:
        out.append("<p>No roles to rank.</p>")
        return page("mlpath match", out)
    rows = []
    for m in matches:
        years = ("" if m.needs_years is None
                 else f' <span class="dim">(needs {number(m.needs_years)}+ years)</span>')
        rows.append(f"<tr><td>{html(m.name)}{years}</td><td>{html(m.title)}</td>"
                    '<td class="bar">' + svg.meter(m.readiness, None, total=100,
                                                   label=f"{percent(m.readiness)} ready")
                    + f'</td><td class="num">{percent(m.readiness)}</td></tr>')
    out.append('<table><thead><tr><th>Role</th><th>Level</th><th>Ready</th>'
               '<th class="num">%</th></tr></thead>'
               f"<tbody>{''.join(rows)}</tbody></table>")
    return page(f"mlpath match · {matches[0].name}", out)


def diff_html(result: Diff) -> str:
    """The ratings that changed, the milestones, and readiness before and after."""
    out = [f"<h1>Changes from {html(result.old_source)} to {html(result.new_source)}</h1>",
           "<section><h2>Skills</h2>"]
    if not result.skills:
        out.append("<p>No ratings changed.</p>")
    else:
        rows = []
        for s in result.skills:
            css = "met" if s.change > 0 else "gap" if s.change < 0 else ""
            moved = ("new " if s.before is None else "") + level_change(s.change)
            rows.append(f"<tr><td>{html(s.name)}</td>"
                        f'<td class="num">{"—" if s.before is None else s.before}</td>'
                        f'<td class="num">{"—" if s.after is None else s.after}</td>'
                        f'<td class="num {css}">{moved}</td></tr>')
        out.append('<table><thead><tr><th>Skill</th><th class="num">Before</th>'
                   '<th class="num">After</th><th class="num">Change</th></tr></thead>'
                   f"<tbody>{''.join(rows)}</tbody></table>")
    out.append("</section>")
    if result.milestones_added or result.milestones_removed:
        items = [f"<li>added: <strong>{html(n)}</strong></li>"
                 for _, n in result.milestones_added]
        items += [f"<li>removed: <strong>{html(n)}</strong></li>"
                  for _, n in result.milestones_removed]
        out.append(f"<section><h2>Milestones</h2><ul>{''.join(items)}</ul></section>")
    rows = []
    for r in result.roles:
        css = "met" if r.change > 0 else "gap" if r.change < 0 else ""
        rows.append(f"<tr><td>{html(r.name)}</td><td>{html(r.title)}</td>"
                    f'<td class="num">{percent(r.before)}</td>'
                    f'<td class="num">{percent(r.after)}</td>'
                    f'<td class="num {css}">{change(r.change)}</td></tr>')
    out.append('<section><h2>Readiness</h2><table><thead><tr><th>Role</th><th>Level</th>'
               '<th class="num">Before</th><th class="num">After</th>'
               f'<th class="num">Change</th></tr></thead><tbody>{"".join(rows)}</tbody>'
               "</table></section>")
    if result.warnings:
        out.append("<section><h2>Warnings</h2><ul>"
                   + "".join(f"<li>{html(w)}</li>" for w in result.warnings)
                   + "</ul></section>")
    return page(f"mlpath diff · {result.old_source} → {result.new_source}", out)
