"""The learning plan as a terminal timeline and as a Markdown checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.render.console import styled
from mlpath.render.markdown import md, md_resource
from mlpath.render.text import number
from mlpath.reports import Plan, Step

if TYPE_CHECKING:
    from rich.console import Console

TIMELINE = 16


def hours_text(step: Step) -> str:
    return f"{'~' if step.estimated else ''}{number(step.hours)} h"


def weeks_text(step: Step) -> str:
    return (f"week {step.start_week}" if step.start_week == step.end_week
            else f"weeks {step.start_week}–{step.end_week}")


def step_label(step: Step) -> str:
    if step.milestone:
        return f"{step.name} (milestone)"
    note = " (prerequisite)" if step.prerequisite_only else ""
    return f"{step.name} {step.start} → {step.end}{note}"


def _timeline(step: Step, weeks: int) -> str:
    if weeks <= 0:
        return ""
    first = (step.start_week - 1) * TIMELINE // weeks
    last = max(first + 1, -(-step.end_week * TIMELINE // weeks))
    return " " * first + "█" * (last - first) + " " * (TIMELINE - last)


def render_plan(plan: Plan, console: Console) -> None:
    from rich.table import Table

    console.print(styled(("Learning plan", "bold"), " for ", (plan.level.title, "bold"),
                         f" ({plan.role.id}:{plan.level.id}) · {plan.readiness:g}% ready now"))
    if not plan.steps:
        console.print(styled("Nothing to learn for this level: you meet every requirement."))
        return
    estimated = any(s.estimated for s in plan.steps)
    console.print(styled(f"{'~' if estimated else ''}{number(plan.total_hours)} hours at "
                         f"{number(plan.hours_per_week)} a week: about {plan.weeks} weeks",
                         (" (~ marks mlpath's estimates)" if estimated else "", "dim")))
    table = Table(box=None, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Step", ratio=1, overflow="fold")
    table.add_column("Hours", justify="right", no_wrap=True)
    table.add_column("When", no_wrap=True)
    table.add_column("Timeline", no_wrap=True, max_width=TIMELINE)
    for i, step in enumerate(plan.steps, 1):
        label = styled((step_label(step), "bold" if not step.prerequisite_only else "yellow"))
        if step.resources:
            label.append_text(styled(("\n" + step.resources[0].title, "dim")))
        elif not step.milestone:
            label.append_text(styled(("\nno resource in the catalogue for these levels yet",
                                      "dim")))
        table.add_row(str(i), label, hours_text(step), weeks_text(step),
                      styled((_timeline(step, plan.weeks), "cyan")))
    console.print(table)
    console.print(styled(("Links and all resources: --format markdown (a checklist) or --json.",
                          "dim")))


def render_plan_markdown(plan: Plan) -> str:
    lines = [f"# Learning plan: {md(plan.level.title)} (`{plan.role.id}:{plan.level.id}`)", "",
             f"Ready now: {plan.readiness:g}%. Total: {number(plan.total_hours)} hours at "
             f"{number(plan.hours_per_week)} a week, about {plan.weeks} weeks. Hours marked ~ "
             "are mlpath's estimates.", ""]
    if not plan.steps:
        lines.append("Nothing to learn for this level: you meet every requirement.")
    for step in plan.steps:
        lines.append(f"- [ ] **{md(step_label(step))}** — {hours_text(step)}, "
                     f"{weeks_text(step)}")
        lines.extend(f"  - {md_resource(r)}" for r in step.resources)
        if not step.resources and not step.milestone:
            lines.append("  - no resource in the catalogue for these levels yet")
    return "\n".join(lines) + "\n"
