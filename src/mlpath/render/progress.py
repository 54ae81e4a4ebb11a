"""`diff` and `progress` in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.render.console import bar, styled
from mlpath.render.table import readiness_style
from mlpath.render.text import change, level_change, percent
from mlpath.render.widgets import bar_cells, indented
from mlpath.reports import Diff, Progress

if TYPE_CHECKING:
    from rich.console import Console


def render_diff(result: Diff, console: Console) -> None:
    from rich.table import Table

    console.print(styled(("Changes", "bold"), f" from {result.old_source} to {result.new_source}"))
    if not result.skills:
        console.print(styled("  No ratings changed."))
    else:
        table = Table(box=None, pad_edge=False)
        table.add_column("Skill", ratio=1, overflow="fold")
        table.add_column("Before", justify="right", no_wrap=True)
        table.add_column("After", justify="right", no_wrap=True)
        table.add_column("Change", justify="right", no_wrap=True)
        for s in result.skills:
            style = "green" if s.change > 0 else "red" if s.change < 0 else ""
            table.add_row(styled(s.name), styled("—" if s.before is None else str(s.before)),
                          styled("—" if s.after is None else str(s.after)),
                          styled((("new " if s.before is None else "") + level_change(s.change),
                                  style)))
        console.print(table)
    for sign, items in (("+", result.milestones_added), ("−", result.milestones_removed)):
        for _, name in items:
            verb = "added" if sign == "+" else "removed"
            console.print(styled(f"  {sign} milestone {verb}: ", (name, "bold")))
    table = Table(box=None, pad_edge=False, title=styled(("Readiness", "bold")),
                  title_justify="left")
    table.add_column("Role", ratio=1, overflow="fold")
    table.add_column("Level", no_wrap=True)
    table.add_column("Before", justify="right", no_wrap=True)
    table.add_column("After", justify="right", no_wrap=True)
    table.add_column("Change", justify="right", no_wrap=True)
    for r in result.roles:
        style = "green" if r.change > 0 else "red" if r.change < 0 else ""
        table.add_row(styled(r.name), styled(r.level), percent(r.before), percent(r.after),
                      styled((change(r.change), style)))
    console.print(table)


def render_progress(result: Progress, console: Console) -> None:
    from rich.table import Table

    console.print(styled(("Progress", "bold"), " towards ", (result.level.title, "bold"),
                         f" ({result.role.id}:{result.level.id})"))
    if len(result.points) == 1:
        console.print(indented(styled(("No history yet: `mlpath assess --profile FILE "
                                       "--update` keeps dated ratings.", "dim")), 2))
    table = Table(box=None, pad_edge=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Readiness", no_wrap=True, justify="right")
    table.add_column("Change", no_wrap=True, justify="right")
    # The date, the number and the change are the content; the bar takes what room is left.
    dates = [styled(p.date + (" (now)" if p.current else "")) for p in result.points]
    date_width = max([4, *(len(d) for d in dates)])  # 4: the "Date" header
    cells = bar_cells(console.width - date_width - 20, most=30, least=12)
    if cells:
        table.add_column(f"│ = {result.ready_at:g}%", ratio=1, no_wrap=True)
    for date, point in zip(dates, result.points, strict=True):
        style = readiness_style(point.readiness)
        moved = "" if point.change is None else change(point.change)
        row = [date, styled(percent(point.readiness)), styled(moved)]
        if cells:
            row.append(styled((_bar_with_line(point.readiness, result.ready_at, cells), style)))
        table.add_row(*row)
    console.print(table)
    where = " (│ in the bars)." if cells else "."
    console.print(styled((f"Ready at {result.ready_at:g}%{where}", "dim")))


def _bar_with_line(value: float, line: float, width: int) -> str:
    """A bar with a mark where the ready line falls, so each row shows its distance."""
    text = list(bar(value, 100, width))
    at = min(width - 1, round(line / 100 * width))
    text[at] = "│"
    return "".join(text)
