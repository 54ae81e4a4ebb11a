"""The terminal gap report, drawn with rich from a ``Report``.

Every string from data reaches rich as a ``Text`` (never as markup) after
``clean``; colour is only ever a style, so the report reads the same without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mlpath.model import READY_AT, Match, Report, Resource
from mlpath.render.advice import (
    match_notes,
    ready_verdict,
    resource_notes,
    target_names,
    uncovered_note,
    unrated_line,
)
from mlpath.render.console import bar, styled
from mlpath.render.escape import safe_url
from mlpath.render.text import band, clean, number, percent
from mlpath.render.text import years_of as years_text
from mlpath.render.widgets import (
    bar_cells,
    emit,
    indented,
    longest_word,
    resource_parts,
    room_left,
)

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

STATUS_STYLE = {"met": "green", "exceeds": "cyan", "gap": "red"}
STEP_LABEL = {"close-gaps": "Close the gaps", "level-up": "Level up", "lateral": "Move sideways",
              "leadership": "Step into leadership", "none": "No further step"}


def readiness_style(score: float) -> str:
    return "green" if score >= READY_AT else ("yellow" if score >= 60 else "red")


def resource_line(r: Resource) -> Text:
    """A resource's title and facts, and its URL below (inside a table cell, where the URL
    may fold; the report views use ``widgets.resource_parts``, which never folds it)."""
    facts = [r.kind, r.cost]
    if r.hours is not None:
        facts.append(f"{number(r.hours)} h")
    line = styled((r.title, "bold"), " · " + " · ".join(facts))
    if r.url:
        from rich.style import Style

        line.append("\n")
        line.append(clean(r.url), style=Style(color="blue", link=safe_url(r.url)))
    return line


def hanging(rows: Sequence[tuple[RenderableType, RenderableType]], *, indent: int = 0
            ) -> RenderableType:
    """Rows of (marker, body): the body wraps under itself, not under the marker."""
    from rich.padding import Padding
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for marker, body in rows:
        grid.add_row(marker, body)
    return Padding(grid, (0, 0, 0, indent))


def header(report: Report, width: int = 100) -> RenderableType:
    from rich.panel import Panel

    target = report.target
    who = report.profile_name or report.profile_source
    years = ("" if report.years_experience is None
             else f" · {years_text(report.years_experience)}")
    how = {"best-fit": " (your best fit)", "profile": " (from your profile)",
           "none": " (no best fit: rate your skills first)"}.get(report.target_chosen, "")
    body = styled(("Target  ", "dim"), (target.title, "bold"),
                  "".join(f" · {n}" for n in target_names(target)[1:]) + f" · {target.level}",
                  (how, "dim"))
    if target.salary:
        body.append_text(styled("\n", ("Salary  ", "dim"),
                               band(target.salary.min, target.salary.max) + " a year (USD)"))
    elif target.salary_note:
        body.append_text(styled("\n", ("Salary  ", "dim"), "no figure in the guide",
                               (" · " + target.salary_note, "dim")))
    style = readiness_style(report.readiness)
    verdict = ready_verdict(report)
    backed = report.backed_readiness
    cells = bar_cells(width - 45 - (23 if backed is not None else 0), most=20)
    meter = (bar(report.readiness, 100, cells) + " ") if cells else ""
    body.append_text(styled("\n", ("Ready   ", "dim"), (meter, style),
                           (percent(report.readiness), f"bold {style}")))
    if backed is not None:
        body.append_text(styled(" claimed · ", (percent(backed), readiness_style(backed)),
                               " backed"))
    body.append_text(styled("  " + verdict))
    title = styled(("mlpath", "bold"), " · " + who + years)
    if len(title) + 6 > width:  # a title too long for the box would be cut: say it inside
        body = styled((who + years, "bold"), "\n").append_text(body)
        title = styled(("mlpath", "bold"))
    return Panel(body, title=title, title_align="left", expand=False)


def skills_table(report: Report, width: int = 100) -> RenderableType:
    from rich.table import Table

    # The bars are decoration: they go before a skill name has to break inside a word.
    longest = min(26, max((len(s.name) for s in report.skills), default=0))
    bars = width - 28 >= longest

    table = Table(title=styled(("Skills", "bold")), title_justify="left", box=None,
                  pad_edge=False, show_edge=False)
    table.add_column("Skill", overflow="fold", ratio=1)
    table.add_column("Have", no_wrap=True)
    table.add_column("Need", no_wrap=True)
    table.add_column("W", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    marks = any(backed(report, s.id) for s in report.skills)
    for row in report.skills:
        style = STATUS_STYLE[row.status]
        status = {"met": "met", "exceeds": "exceeds", "gap": f"gap {row.gap}"}[row.status]
        if row.unrated:
            status, style = "not rated", "yellow"
        mark = (BACKED_MARK if backed(report, row.id) else " ") if marks else ""
        table.add_row(
            styled(row.name),
            styled((bar(row.current, 5, 5) + " " if bars else "", style),
                   "?" if row.unrated else f"{row.current}", (mark, "green")),
            styled(bar(row.required, 5, 5) + " " if bars else "", f"{row.required}"),
            styled(number(row.weight)),
            styled((status, style)),
        )
    return table


BACKED_MARK = "✓"  # the ASCII fallback (cli/__init__.py) prints "+"


def backed(report: Report, skill: str) -> bool:
    """Whether the profile backs this rating with evidence or a checklist check."""
    return bool(report.evidence.get(skill)) or skill in report.checked


def backed_legend(report: Report) -> Text | None:
    if not any(backed(report, s.id) for s in report.skills):
        return None
    return styled(((f"{BACKED_MARK} backed by evidence or a checklist check; the other "
                    "ratings count one lower in the backed readiness"), "dim"))


def checks_section(report: Report) -> list[Any]:
    """The consistency checks that fired: what looks odd, and what to do."""
    if not report.checks:
        return []
    out: list[Any] = [styled(("Checks", "bold"), (" (advice on your ratings; no number is "
                                                  "changed)", "dim"))]
    for check in report.checks:
        out.append(hanging([(styled(("!", "yellow")), styled(
            check.message, ("\n" + check.advice, "dim")))], indent=2))
    return out


def gaps_section(report: Report, names: dict[str, str], limit: int | None = 5) -> list[Any]:
    # Plain lines with padding rather than nested grids: three times faster to draw,
    # and the report is drawn on every run (DESIGN §7).
    rated = [g for g in report.gaps if not g.unrated]
    unrated = unrated_line(report, names)
    out: list[Any] = []
    if not rated:
        out.append(styled(("Top gaps", "bold"), "\n  None: you meet every requirement"
                          + (" you rated." if unrated else ".")))
        return out + ([styled((unrated, "yellow"))] if unrated else [])
    out.append(styled(("Top gaps", "bold"), (" (weight × gap, high first)", "dim")))
    shown = rated if limit is None else rated[:limit]
    for i, g in enumerate(shown, 1):
        out.append(hanging([(f"{i}.", styled((g.name, "bold"), f"  {g.current} → {g.required}",
                                              (f"  priority {number(g.priority)}", "dim")))]))
        if g.learn_first:
            first = ", ".join(names.get(s, s) for s in g.learn_first)
            out.append(indented(styled(("learn " + first + " first", "yellow")), 3))
        for n, r in enumerate(g.resources):
            out.extend(resource_parts(r, 5))
            also = resource_notes(g, n, names)
            if also:
                out.append(indented(styled((also, "dim")), 5))
        missing = uncovered_note(g)
        if missing:
            out.append(indented(styled((missing, "dim")), 5))
    if limit is not None and len(rated) > limit:
        out.append(styled((f"   …and {len(rated) - limit} more in --json or --format "
                           "markdown", "dim")))
    if unrated:
        out.append(styled((unrated, "yellow")))
    return out


def next_step_section(report: Report) -> RenderableType:
    from rich.panel import Panel

    step = report.next_step
    body = styled((STEP_LABEL[step.kind], "bold"))
    if step.title:
        body.append_text(styled(" → ", (step.title, "bold"),
                               f" ({step.role}:{step.level})" if step.role else ""))
    body.append_text(styled("\n" + step.summary))
    if step.salary:
        body.append_text(styled(("\nSalary ", "dim"), band(step.salary.min, step.salary.max),
                               (" · " + step.salary.source, "dim")))
    elif step.salary_note:
        body.append_text(styled(("\nSalary ", "dim"), "no figure in the guide",
                               (" · " + step.salary_note, "dim")))
    return Panel(body, title=styled(("Next step", "bold")), title_align="left", expand=False)


def matches_table(matches: Sequence[Match], title: str, width: int = 100) -> RenderableType:
    from rich.console import Group
    from rich.table import Table

    # A role's name (and the years it needs) on one line, and its note's longest word
    # under the name: the bar is decoration and goes before either has to break.
    names, notes = [], []
    for m in matches:
        name, _, note = match_notes(m, sep="\n").partition("\n")
        names.append(m.name + name)
        notes.append(note)
    level = max([5, *(len(m.level) for m in matches)])
    longest = max([0, *(len(n) for n in names), *(2 + longest_word([n]) for n in notes)])
    cells = 10 if room_left(width, [level, 6 + 11]) >= longest else 0

    table = Table(title=styled((title, "bold")), title_justify="left", box=None, pad_edge=False)
    table.add_column("Role", overflow="fold", ratio=1)
    table.add_column("Level", no_wrap=True)
    table.add_column("Ready", no_wrap=True, justify="right")
    for m, name, note in zip(matches, names, notes, strict=True):
        style = readiness_style(m.readiness)
        cell: RenderableType = styled(m.name, (name[len(m.name):], "dim"))
        if note:  # the note wraps under itself, not under the name
            cell = Group(cell, indented(styled((note, "dim")), 2))
        table.add_row(cell, styled(m.level),
                      styled((bar(m.readiness, 100, cells) + " " if cells else "", style),
                             percent(m.readiness).rjust(6)))
    return table


def render_matches(matches: Sequence[Match], console: Console, *,
                   title: str = "Roles ranked by readiness") -> None:
    console.print(matches_table(matches, title, console.width))


def milestones_section(report: Report) -> list[RenderableType]:
    if not report.milestones:
        return []
    out: list[RenderableType] = [styled(("Milestones", "bold"),
                                        (" (portfolio, education, community)", "dim"))]
    for m in report.milestones:
        mark, style = ("✓", "green") if m.met else (("✗", "red") if m.required else ("·", "yellow"))
        kind = "required" if m.required else "recommended"
        body = styled((m.name, "bold"), (f"  {kind}", "dim"))
        if m.required and not m.met:
            body.append_text(styled(("\n" + m.how, "dim")))
        out.append(hanging([(styled((mark, style)), body)], indent=2))
    return out


def explain_table(report: Report) -> RenderableType:
    from rich.table import Table

    table = Table(title=styled(("How the readiness is computed", "bold")), title_justify="left",
                  box=None, pad_edge=False, show_footer=True)
    total_have = sum(s.contribution for s in report.skills)
    total_need = sum(s.possible for s in report.skills)
    table.add_column("Skill", overflow="fold", ratio=1, footer="total")
    table.add_column("w × min(have, need)", justify="right", no_wrap=True,
                     footer=number(total_have))
    table.add_column("w × need", justify="right", no_wrap=True, footer=number(total_need))
    for s in report.skills:
        table.add_row(styled(s.name),
                      f"{number(s.weight)} × {min(s.current, s.required)} = "
                      f"{number(s.contribution)}",
                      f"{number(s.weight)} × {s.required} = {number(s.possible)}")
    note = styled(f"readiness = 100 × {number(total_have)} / {number(total_need)} = "
                 f"{percent(report.readiness)} (rounded half-up to one decimal)")
    from rich.console import Group

    return Group(table, note)


def render_report(report: Report, console: Console, *, skill_names: dict[str, str],
                  explain: bool = False, gap_limit: int | None = 5) -> None:
    """The gap report at the console's width; ``gap_limit=None`` lists every gap (files)."""
    width = console.width
    parts: list[Any] = [header(report, width), skills_table(report, width)]
    legend = backed_legend(report)
    if legend is not None:
        parts.append(legend)
    parts.append("")
    checks = checks_section(report)
    if checks:
        parts += [*checks, ""]
    parts += gaps_section(report, skill_names, gap_limit)
    parts.append("")
    ms = milestones_section(report)
    if ms:
        parts += [*ms, ""]
    parts.append(next_step_section(report))
    if report.matches:
        parts.append(matches_table(report.matches, "Other roles that fit you", width))
    if explain:
        parts += ["", explain_table(report)]
    emit(console, parts)
