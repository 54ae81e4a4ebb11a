"""A what-if in every format: terminal table, JSON, Markdown and a self-contained web page.

Each renderer takes a ``WhatIf`` (``engine/whatif.py``); every string from a file
goes through the escaping rule of its format (``render/escape.py``). A salary is
shown as the guide states it, the band and its source sentence, never as a gain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlpath.engine.whatif import Fit, Shift, WhatIf
from mlpath.model import READY_AT, SalaryBand
from mlpath.render.text import band, change, number, percent

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["render_whatif", "whatif_html", "whatif_json", "whatif_markdown"]


def _signed(value: float) -> str:
    return change(value)


def _hours(value: float, estimated: bool) -> str:
    return ("~" if estimated else "") + f"{number(value)} h"


def salary_text(salary: SalaryBand | None, note: str | None) -> tuple[str, str]:
    """(the band, where it comes from): as the guide states it, or why there is none."""
    if salary is not None:
        return f"{band(salary.min, salary.max)} a year (USD)", salary.source
    return "no figure in the guide", note or ""


def _budget_line(result: WhatIf) -> str | None:
    if result.hours_budget is None:
        return None
    line = (f"{number(result.hours_budget)} h on the plan's steps in order, whole steps "
            f"only; {number(result.hours_left or 0.0)} h left")
    if result.next_step is not None:
        line += (f"; the next step, {result.next_step.name}, needs "
                 f"{number(result.next_step.hours)} h")
    elif not result.changes and not result.milestones:
        line += "; the plan has no steps left"
    return line + "."


# --- JSON -------------------------------------------------------------------------------


def _shift(s: Shift) -> dict[str, Any]:
    return {"role": s.role, "name": s.name, "level": s.level, "title": s.title,
            "before": s.before, "after": s.after, "change": s.change,
            "crossed": s.crossed, "needs_years": s.needs_years}


def _fit(f: Fit | None) -> dict[str, Any] | None:
    from mlpath.render.jsonout import salary

    if f is None:
        return None
    return {"role": f.role, "name": f.name, "level": f.level, "title": f.title,
            "readiness": f.readiness, "salary_usd": salary(f.salary),
            "salary_note": f.salary_note}


def whatif_json(result: WhatIf) -> dict[str, Any]:
    """The what-if for scripts (schema_version 1; ``mlpath schema whatif``)."""
    from mlpath import __version__
    from mlpath.render.jsonout import SCHEMA_VERSION

    nxt = result.next_step
    return {
        "schema_version": SCHEMA_VERSION,
        "mlpath_version": __version__,
        "profile": {"name": result.profile_name, "source": result.profile_source,
                    "years_experience": result.years_experience},
        "changes": [{"skill": c.skill, "name": c.name, "before": c.before, "after": c.after,
                     "hours": c.hours, "estimated": c.estimated, "via": c.via}
                    for c in result.changes],
        "milestones": [{"id": m.id, "name": m.name, "hours": m.hours,
                        "estimated": m.estimated} for m in result.milestones],
        "hours": result.hours,
        "hours_budget": result.hours_budget,
        "hours_left": result.hours_left,
        "next_step": None if nxt is None else {"id": nxt.id, "name": nxt.name,
                                               "hours": nxt.hours, "milestone": nxt.milestone},
        "target": None if result.target is None else {
            **_shift(result.target), "chosen": result.target_chosen},
        "roles": [_shift(s) for s in result.roles],
        "crossed": [s.role for s in result.crossed],
        "dropped": [s.role for s in result.dropped],
        "best_fit": {"before": _fit(result.best_before), "after": _fit(result.best_after)},
        "ready_at": READY_AT,
        "warnings": list(result.warnings),
    }


# --- terminal ---------------------------------------------------------------------------


def render_whatif(result: WhatIf, console: Console) -> None:
    from rich.table import Table

    from mlpath.render.console import styled
    from mlpath.render.table import readiness_style

    who = result.profile_name or result.profile_source
    years = ("" if result.years_experience is None
             else f" · {number(result.years_experience)} years")
    console.print(styled(("What if", "bold"), f" · {who}{years}"))
    changes = Table(box=None, pad_edge=False)
    changes.add_column("Change", ratio=1, overflow="fold")
    changes.add_column("Rating", no_wrap=True, justify="right")
    changes.add_column("Hours", no_wrap=True, justify="right")
    changes.add_column("By", no_wrap=True)
    for c in result.changes:
        changes.add_row(styled(c.name), f"{c.before} → {c.after}",
                        _hours(c.hours, c.estimated), styled((c.via, "dim")))
    for m in result.milestones:
        changes.add_row(styled(m.name), "milestone", _hours(m.hours, m.estimated),
                        styled(("plan", "dim")))
    if changes.row_count:
        console.print(changes)
    else:
        console.print(styled(("  Nothing changes.", "dim")))
    console.print(styled(("Cost  ", "dim"), f"{number(result.hours)} h by the plan's "
                         "estimates", ("  (~: mlpath's per-level estimate)", "dim")))
    budget = _budget_line(result)
    if budget:
        console.print(styled(("Budget ", "dim"), budget))
    if result.target is not None:
        t = result.target
        console.print(styled("\n", ("Target  ", "dim"), (t.title, "bold"),
                             f" · {t.role}:{t.level}  {percent(t.before)} → ",
                             (percent(t.after), f"bold {readiness_style(t.after)}"),
                             f" ({_signed(t.change)})"))
    console.print()
    table = Table(title=styled(("Readiness by role", "bold"), (" (each at its comparison "
                                                                "level)", "dim")),
                  title_justify="left", box=None, pad_edge=False)
    table.add_column("Role", ratio=1, overflow="fold")
    table.add_column("Level", no_wrap=True)
    table.add_column("Before", no_wrap=True, justify="right")
    table.add_column("After", no_wrap=True, justify="right")
    table.add_column("Change", no_wrap=True, justify="right")
    for s in result.roles:
        mark = {"up": "  ✓ ready", "down": "  ✗ no longer ready"}.get(s.crossed or "", "")
        style = "green" if s.change > 0 else "red" if s.change < 0 else "dim"
        table.add_row(styled(s.name, (mark, "bold green" if s.crossed == "up" else "red")),
                      styled(s.level), percent(s.before),
                      styled((percent(s.after), readiness_style(s.after))),
                      styled((_signed(s.change), style)))
    console.print(table)
    crossed = ", ".join(f"{s.name} ({s.level})" for s in result.crossed)
    console.print(styled((f"Ready ({READY_AT:g}%) after the change: ", "dim"),
                         crossed or "no role crosses the line"))
    for label, fit in (("Best fit before", result.best_before),
                       ("Best fit after ", result.best_after)):
        if fit is None:
            console.print(styled((f"{label}  ", "dim"), "none (nothing rated, or no role fits "
                                 "your years)"))
            continue
        console.print(styled((f"{label}  ", "dim"), (fit.title, "bold"),
                             f" · {fit.role}:{fit.level} · {percent(fit.readiness)}"))
    if result.best_after is not None:
        text, source = salary_text(result.best_after.salary, result.best_after.salary_note)
        console.print(styled(("Salary           ", "dim"), text,
                             (f" · {source}" if source else "", "dim")))


# --- Markdown ---------------------------------------------------------------------------


def whatif_markdown(result: WhatIf) -> str:
    from mlpath.render.escape import markdown as md

    who = md(result.profile_name or result.profile_source)
    lines = [f"# mlpath what-if: {who}", "", "## The change", ""]
    if result.changes or result.milestones:
        lines += ["| Change | Rating | Hours | By |", "|---|---:|---:|---|"]
        lines += [f"| {md(c.name)} | {c.before} → {c.after} | {_hours(c.hours, c.estimated)} "
                  f"| {c.via} |" for c in result.changes]
        lines += [f"| {md(m.name)} | milestone | {_hours(m.hours, m.estimated)} | plan |"
                  for m in result.milestones]
    else:
        lines.append("Nothing changes.")
    lines += ["", f"- **Cost:** {number(result.hours)} h by the plan's estimates "
              "(~: mlpath's per-level estimate)"]
    budget = _budget_line(result)
    if budget:
        lines.append(f"- **Budget:** {md(budget)}")
    if result.target is not None:
        t = result.target
        lines.append(f"- **Target:** {md(t.title)} (`{md(t.role)}:{md(t.level)}`): "
                     f"{percent(t.before)} → {percent(t.after)} ({_signed(t.change)})")
    lines += ["", "## Readiness by role, each at its comparison level", "",
              "| Role | Level | Before | After | Change | |", "|---|---|---:|---:|---:|---|"]
    for s in result.roles:
        mark = {"up": "ready now", "down": "no longer ready"}.get(s.crossed or "", "")
        lines.append(f"| {md(s.name)} | {md(s.level)} | {percent(s.before)} | "
                     f"{percent(s.after)} | {_signed(s.change)} | {mark} |")
    crossed = ", ".join(f"{md(s.name)} ({md(s.level)})" for s in result.crossed)
    lines += ["", f"- **Ready ({READY_AT:g}%) after the change:** "
              f"{crossed or 'no role crosses the line'}"]
    for label, fit in (("Best fit before", result.best_before),
                       ("Best fit after", result.best_after)):
        lines.append(f"- **{label}:** " + ("none" if fit is None else
                                          f"{md(fit.title)} (`{md(fit.role)}:{md(fit.level)}`)"
                                          f", {percent(fit.readiness)}"))
    if result.best_after is not None:
        text, source = salary_text(result.best_after.salary, result.best_after.salary_note)
        lines.append(f"- **Salary:** {text}" + (f" ({md(source)})" if source else ""))
    return "\n".join(lines) + "\n"


# --- HTML -------------------------------------------------------------------------------


def whatif_html(result: WhatIf) -> str:
    """The what-if as a self-contained web page (the page frame of ``render/html.py``)."""
    from mlpath.render.escape import html
    from mlpath.render.html import page

    who = result.profile_name or result.profile_source
    out = [f"<h1>What if: {html(who)}</h1>", "<h2>The change</h2>"]
    rows = [(c.name, f"{c.before} → {c.after}", _hours(c.hours, c.estimated), c.via)
            for c in result.changes]
    rows += [(m.name, "milestone", _hours(m.hours, m.estimated), "plan")
             for m in result.milestones]
    if rows:
        out.append('<table><thead><tr><th>Change</th><th class="num">Rating</th>'
                   '<th class="num">Hours</th><th>By</th></tr></thead><tbody>')
        out += [f'<tr><td>{html(a)}</td><td class="num">{html(b)}</td>'
                f'<td class="num">{html(c)}</td><td>{html(d)}</td></tr>' for a, b, c, d in rows]
        out.append("</tbody></table>")
    else:
        out.append("<p>Nothing changes.</p>")
    facts = [("Cost", f"{number(result.hours)} h by the plan's estimates "
              '<span class="dim">(~: mlpath\'s per-level estimate)</span>')]
    budget = _budget_line(result)
    if budget:
        facts.append(("Budget", html(budget)))
    if result.target is not None:
        t = result.target
        facts.append(("Target", f"{html(t.title)} · {html(t.role)}:{html(t.level)}: "
                      f"{percent(t.before)} → <strong>{percent(t.after)}</strong> "
                      f"({_signed(t.change)})"))
    for label, fit in (("Best fit before", result.best_before),
                       ("Best fit after", result.best_after)):
        facts.append((label, "none" if fit is None else
                      f"{html(fit.title)} · {html(fit.role)}:{html(fit.level)} · "
                      f"{percent(fit.readiness)}"))
    if result.best_after is not None:
        text, source = salary_text(result.best_after.salary, result.best_after.salary_note)
        facts.append(("Salary", html(text) + (f' <span class="dim">{html(source)}</span>'
                                              if source else "")))
    out.append('<dl class="facts">' + "".join(f"<dt>{html(k)}</dt><dd>{v}</dd>"
                                              for k, v in facts) + "</dl>")
    out.append(f"<h2>Readiness by role</h2><p class=\"dim\">Each role at its comparison "
               f"level; ready at {READY_AT:g}%.</p>")
    out.append('<table><thead><tr><th>Role</th><th>Level</th><th class="num">Before</th>'
               '<th class="num">After</th><th class="num">Change</th><th></th></tr></thead>'
               "<tbody>")
    for s in result.roles:
        mark = {"up": '<span class="met">ready now</span>',
                "down": '<span class="gap">no longer ready</span>'}.get(s.crossed or "", "")
        out.append(f"<tr><td>{html(s.name)}</td><td>{html(s.level)}</td>"
                   f'<td class="num">{percent(s.before)}</td>'
                   f'<td class="num">{percent(s.after)}</td>'
                   f'<td class="num">{_signed(s.change)}</td><td>{mark}</td></tr>')
    out.append("</tbody></table>")
    return page(f"mlpath what-if: {who}", out)


# --- dispatch ---------------------------------------------------------------------------
