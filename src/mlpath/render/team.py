"""The team view: a heatmap for a handful of people, skill rows for hundreds; and CSV."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from mlpath.render.console import bar, styled
from mlpath.render.table import hanging, readiness_style, resource_line
from mlpath.render.text import clean, number
from mlpath.reports import TeamReport

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
    console.print(styled(f"Ready: {reached} of {report.members} · mean readiness {mean:.1f}%"))
    columns = heatmap_fits(console.width)
    show_people = bool(report.heatmap) and len(people) <= columns
    table = Table(box=None, pad_edge=False, title=styled(("Skills", "bold")),
                  title_justify="left")
    table.add_column("Skill", ratio=1, overflow="fold", min_width=16)
    table.add_column("Need", justify="right", no_wrap=True)
    if show_people:
        for i in range(len(people)):
            table.add_column(str(i + 1), justify="right", no_wrap=True, width=2)
    table.add_column("Short", justify="right", no_wrap=True)
    table.add_column("Mean gap", justify="right", no_wrap=True)
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
        rows = []
        for i, g in enumerate(report.top_gaps, 1):
            body = styled((g.name, "bold"), f"  {g.below} of {report.members} short",
                          (f"  team priority {number(g.priority)}", "dim"))
            items = [("•", resource_line(r).append_text(styled((f"\nserves {n}", "dim"))))
                     for r, n in g.resources]
            from rich.console import Group

            rows.append((f"{i}.", Group(body, hanging(items))))
        console.print(hanging(rows))
    if report.milestones:
        missing = [m for m in report.milestones if m.missing]
        if missing:
            console.print(styled(("\nMilestones not yet done", "bold")))
            for m in missing:
                kind = "required" if m.required else "recommended"
                console.print(styled(f"  {m.missing} of {report.members} · ", (m.name, "bold"),
                                     (f" ({kind})", "dim")))
    closest = sorted((p for p in people if not p.reached), key=lambda p: -p.readiness)
    table = Table(box=None, pad_edge=False, title=styled((
        "People" if len(people) <= CLOSEST else "Closest to ready", "bold")),
        title_justify="left")
    table.add_column("Person", ratio=1, overflow="fold")
    table.add_column("Ready", no_wrap=True)
    table.add_column("Best match", overflow="fold")
    listed = people if len(people) <= CLOSEST else closest[:CLOSEST]
    for p in listed:
        style = readiness_style(p.readiness)
        table.add_row(styled(p.name), styled((bar(p.readiness, 100, 10), style),
                                             f" {p.readiness:5.1f}%"),
                      styled(f"{p.best_match}:{p.best_level} {p.best_readiness:g}%"
                             if p.best_match else "— (nothing rated)"))
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
        writer.writerow([_cell(p.name), _cell(p.source), report.role.id, report.level.id,
                         f"{p.readiness:g}", "yes" if p.reached else "no", p.best_match,
                         f"{p.best_readiness:g}", gaps, "; ".join(p.missing_milestones)])
    return out.getvalue()


def _cell(text: str) -> str:
    """No control characters, and no formula for a spreadsheet to run (=, +, -, @)."""
    text = clean(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
