"""The team view: a heatmap for a handful of people, skill rows for hundreds; and CSV."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from mlpath.render.console import bar, styled
from mlpath.render.escape import csv_cell
from mlpath.render.table import hanging, readiness_style
from mlpath.render.text import number, percent
from mlpath.render.widgets import emit, indented, resource_parts
from mlpath.reports import TeamPerson, TeamReport

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

CLOSEST = 10
GAP_STYLE = ("green", "yellow", "dark_orange", "red", "red", "red")


def heatmap_fits(width: int) -> int:
    """How many people columns fit beside the skill names and the numbers."""
    return max(0, (width - 52) // 3)


def render_team(report: TeamReport, console: Console) -> None:
    from rich.table import Table

    level, people = report.level, report.people
    how = {"option": "", "target": " (the target most profiles name)",
           "best-fit": " (the best fit of most people)"}[report.role_chosen]
    console.print(styled(("Team", "bold"), f" of {report.members} against ",
                         (level.title, "bold"), f" ({report.role.id}:{level.id}){how}"))
    reached = sum(1 for p in people if p.reached)
    mean = sum(p.readiness for p in people) / len(people) if people else 0.0
    console.print(styled(f"Ready: {reached} of {report.members} · mean readiness "
                         f"{percent(mean)}"))
    columns = heatmap_fits(console.width)
    show_people = bool(report.heatmap) and len(people) <= columns
    table = Table(box=None, pad_edge=False, title=styled(("Skills", "bold")),
                  title_justify="left")
    table.add_column("Skill", ratio=1, overflow="fold")
    table.add_column("Need", justify="right", no_wrap=True)
    if show_people:
        for i in range(len(people)):
            table.add_column(str(i + 1), justify="right", no_wrap=True, width=2)
    table.add_column("Short", justify="right", no_wrap=True)
    table.add_column("Mean gap" if console.width >= 60 else "Mean\ngap", justify="right",
                     no_wrap=True)
    table.add_column("Worst", justify="right", no_wrap=True)
    for row, s in enumerate(report.skills):
        cells: list[RenderableType] = [styled(s.name), str(s.required)]
        if show_people:
            for gaps in report.heatmap:
                gap = gaps[row]
                cells.append(styled(("·" if not gap else str(gap), GAP_STYLE[gap])))
        share = s.below / report.members if report.members else 0
        cells += [styled((f"{s.below}", "red" if share >= 0.5 else "")),
                  number(s.mean_gap), str(s.worst_gap)]
        table.add_row(*cells)
    console.print(table)
    if show_people:
        console.print(hanging([(str(i + 1), styled(p.name)) for i, p in enumerate(people)],
                              indent=1))
        console.print(styled(("Cells show each person's gap; · is met.", "dim")))
    if report.top_gaps:
        console.print(styled(("\nTraining that would help the most people", "bold")))
        # Lines, not a grid: a URL inside a grid cell would be folded or cut.
        parts: list[object] = []
        for i, g in enumerate(report.top_gaps, 1):
            parts.append(hanging([(f"{i}.", styled(
                (g.name, "bold"), f"  {g.below} of {report.members} short",
                (f"  team priority {number(g.priority)}", "dim")))]))
            for r, n in g.resources:
                parts.extend(resource_parts(r, 5))
                parts.append(indented(styled((f"serves {n}", "dim")), 5))
        emit(console, parts)
    if report.milestones:
        missing = [m for m in report.milestones if m.missing]
        if missing:
            console.print(styled(("\nMilestones not yet done", "bold")))
            console.print(hanging([(
                f"{m.missing} of {report.members}",
                styled((m.name, "bold"), (" (required)" if m.required else " (recommended)",
                                          "dim"))) for m in missing], indent=2))
    closest = sorted((p for p in people if not p.reached), key=lambda p: -p.readiness)
    table = Table(box=None, pad_edge=False, title=styled((
        "People" if len(people) <= CLOSEST else "Closest to ready", "bold")),
        title_justify="left")
    table.add_column("Person", ratio=1, overflow="fold")
    table.add_column("Ready", no_wrap=True, justify="right")
    table.add_column("Backed", no_wrap=True, justify="right")
    table.add_column("Best match", overflow="fold")
    listed = people if len(people) <= CLOSEST else closest[:CLOSEST]
    bar_width = 10 if console.width >= 70 else 0  # the bar goes before a name has to break
    if console.width < 60:  # narrow: one person per entry, every fact kept, nothing cut
        console.print(table.title or "")
        console.print(hanging([(percent(p.readiness).rjust(6), styled(
            (p.name, "bold"), ("\nbest match " + _best(p), "dim"),
            ("" if p.backed_readiness is None else
             f"\n{percent(p.backed_readiness)} backed", "dim"))) for p in listed]))
        listed_more = len(people) - len(listed)
        if listed_more:
            console.print(styled((f"…and {listed_more} more in --json or --format csv",
                                  "dim")))
        return
    for p in listed:
        style = readiness_style(p.readiness)
        table.add_row(styled(p.name), styled((bar(p.readiness, 100, bar_width) + " " if bar_width
                                              else "", style), percent(p.readiness).rjust(6)),
                      percent(p.readiness if p.backed_readiness is None
                              else p.backed_readiness),
                      styled(_best(p)))
    console.print(table)
    if len(people) > len(listed):
        console.print(styled((f"…and {len(people) - len(listed)} more in --json or "
                              "--format csv", "dim")))


def team_csv(report: TeamReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "source", "role", "level", "readiness", "reached", "best_match",
                     "best_match_readiness", "top_gaps", "missing_milestones"])
    for p in report.people:
        gaps = "; ".join(f"{s} {c}->{r}" for s, c, r in p.gaps[:5])
        writer.writerow([csv_cell(p.name), csv_cell(p.source), csv_cell(report.role.id),
                         csv_cell(report.level.id), f"{p.readiness:.1f}",
                         "yes" if p.reached else "no", csv_cell(p.best_match),
                         f"{p.best_readiness:.1f}", csv_cell(gaps),
                         csv_cell("; ".join(p.missing_milestones))])
    return out.getvalue()


def _best(person: TeamPerson) -> str:
    if not person.best_match:
        return "— (nothing rated)"
    return f"{person.best_match}:{person.best_level} {percent(person.best_readiness)}"
