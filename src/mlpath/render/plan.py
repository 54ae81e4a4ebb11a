"""The learning plan as a terminal timeline and as a Markdown checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.render.console import styled
from mlpath.render.markdown import md, md_resource
from mlpath.render.text import number, percent
from mlpath.render.widgets import longest_word
from mlpath.reports import Plan, Step

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.text import Text

TIMELINE = 16
NBSP = "\u00a0"  # joins "2 → 4" in a label; shown as a plain space
_HELD = "\ue000"  # stands for NBSP while rich wraps (rich breaks lines at NBSP too)


def timeline_cells(width: int) -> int:
    """The timeline is decoration: 0 (gone) when the Step column would drop under 24
    columns, wider on wide terminals."""
    if width - 22 - (TIMELINE + 1) < 24:
        return 0
    return max(TIMELINE, min(48, width // 4)) if width >= 120 else TIMELINE


def hours_text(step: Step) -> str:
    return f"{'~' if step.estimated else ''}{number(step.hours)} h"


def weeks_text(step: Step) -> str:
    return (f"week {step.start_week}" if step.start_week == step.end_week
            else f"weeks {step.start_week}–{step.end_week}")


def step_label(step: Step, *, joined: bool = False) -> str:
    """The step's name and levels; ``joined`` keeps "2 → 4" on one line when wrapped
    (with non-breaking spaces that ``Unbroken`` honours)."""
    if step.milestone:
        return f"{step.name} (milestone)"
    note = " (prerequisite)" if step.prerequisite_only else ""
    gap = NBSP if joined else " "
    return f"{step.name} {step.start}{gap}→{gap}{step.end}{note}"


class Unbroken:
    """Text that wraps at spaces but never at its non-breaking ones, which are shown as
    spaces (rich alone treats U+00A0 as a place to break)."""

    def __init__(self, text: Text) -> None:
        self.text = text.copy()
        self.text.plain = text.plain.replace(NBSP, _HELD)  # same length: styles stay

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.text.wrap(console, options.max_width, overflow="fold")
        for line in lines:
            line.plain = line.plain.replace(_HELD, " ")
        yield lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.text)


def also_for(plan: Plan, index: int) -> list[str]:
    """Per resource of step ``index``: "also for …" naming the earlier steps that list
    it (the plan counts its hours once, under the first), else ""."""
    step = plan.steps[index]
    earlier = {s.skill: s.name for s in plan.steps[:index] if not s.milestone}
    notes = []
    for i in range(len(step.resources)):
        names = [earlier[o] for o in (step.also_for[i] if i < len(step.also_for) else ())
                 if o in earlier]
        notes.append("also for " + ", ".join(names) if names else "")
    return notes


def _first_resource(plan: Plan, index: int) -> str:
    step = plan.steps[index]
    note = also_for(plan, index)[0]
    return step.resources[0].title + (f" ({note})" if note else "")


def _timeline(step: Step, weeks: int, cells: int = TIMELINE) -> str:
    if weeks <= 0 or cells <= 0:
        return ""
    first = (step.start_week - 1) * cells // weeks
    last = max(first + 1, -(-step.end_week * cells // weeks))
    return " " * first + "█" * (last - first) + " " * (cells - last)


def render_plan(plan: Plan, console: Console) -> None:
    from rich.table import Table

    console.print(styled(("Learning plan", "bold"), " for ", (plan.level.title, "bold"),
                         f" ({plan.role.id}:{plan.level.id}) · {percent(plan.readiness)} "
                         "ready now"))
    if not plan.steps:
        console.print(styled("Nothing to learn for this level: you meet every requirement."))
        return
    estimated = any(s.estimated for s in plan.steps)
    console.print(styled(f"{'~' if estimated else ''}{number(plan.total_hours)} hours at "
                         f"{number(plan.hours_per_week)} a week: about {plan.weeks} weeks",
                         (" (~ marks mlpath's estimates)" if estimated else "", "dim")))
    # The Step column is what to learn: when it would have to break a word, the table
    # becomes a list (the step on its own line, its facts under it) rather than cut it.
    fixed = (len(str(len(plan.steps))) + max(len(hours_text(s)) for s in plan.steps)
             + max(len(weeks_text(s)) for s in plan.steps) + 6)  # 6: the column gaps
    if console.width - fixed < max(16, longest_word(step_label(s) for s in plan.steps)):
        from mlpath.render.table import hanging

        rows: list[tuple[RenderableType, RenderableType]] = []
        for i, step in enumerate(plan.steps, 1):
            body = styled((step_label(step, joined=True),
                           "bold" if not step.prerequisite_only else "yellow"),
                          f"\nStep {i}: {hours_text(step)} · {weeks_text(step)}")
            if step.resources:
                body.append_text(styled(("\n" + _first_resource(plan, i - 1), "dim")))
            rows.append((f"{i}.", Unbroken(body)))
        console.print(hanging(rows))
        console.print(styled(("Links and all resources: --format markdown (a checklist) or "
                              "--json.", "dim")))
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Step", ratio=1, overflow="fold")
    table.add_column("Hours", justify="right", no_wrap=True)
    table.add_column("When", no_wrap=True)
    cells = timeline_cells(console.width)
    if cells:
        table.add_column("Timeline", no_wrap=True, max_width=cells)
    for i, step in enumerate(plan.steps, 1):
        label = styled((step_label(step, joined=True),
                        "bold" if not step.prerequisite_only else "yellow"))
        if step.resources:
            label.append_text(styled(("\n" + _first_resource(plan, i - 1), "dim")))
        elif not step.milestone:
            label.append_text(styled(("\nno resource in the catalogue for these levels yet",
                                      "dim")))
        row: list[RenderableType] = [str(i), Unbroken(label), hours_text(step),
                                     weeks_text(step)]
        if cells:
            row.append(styled((_timeline(step, plan.weeks, cells), "cyan")))
        table.add_row(*row)
    console.print(table)
    console.print(styled(("Links and all resources: --format markdown (a checklist) or --json.",
                          "dim")))


def render_plan_markdown(plan: Plan) -> str:
    lines = [f"# Learning plan: {md(plan.level.title)} (`{plan.role.id}:{plan.level.id}`)", "",
             f"Ready now: {percent(plan.readiness)}. Total: {number(plan.total_hours)} hours at "
             f"{number(plan.hours_per_week)} a week, about {plan.weeks} weeks. Hours marked ~ "
             "are mlpath's estimates.", ""]
    if not plan.steps:
        lines.append("Nothing to learn for this level: you meet every requirement.")
    for index, step in enumerate(plan.steps):
        lines.append(f"- [ ] **{md(step_label(step))}** — {hours_text(step)}, "
                     f"{weeks_text(step)}")
        notes = also_for(plan, index)
        lines.extend(f"  - {md_resource(r)}" + (f" — {md(note)}" if note else "")
                     for r, note in zip(step.resources, notes, strict=True))
        if not step.resources and not step.milestone:
            lines.append("  - no resource in the catalogue for these levels yet")
    return "\n".join(lines) + "\n"
