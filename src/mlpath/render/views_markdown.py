"""The ranking, the diff and progress as Markdown (the report, the plan and the team
have theirs in markdown.py and plan.py).

CommonMark that any renderer reads as intended: GFM tables, every string from a file
through ``escape.markdown``, every link through ``escape.markdown_url``.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlpath.model import Match
from mlpath.render.markdown import md
from mlpath.render.text import change, level_change, number, percent
from mlpath.reports import Diff, Progress


def match_markdown(matches: Sequence[Match]) -> str:
    lines = ["# Roles ranked by readiness", ""]
    if not matches:
        return "\n".join([*lines, "No roles to rank."]) + "\n"
    lines += ["| # | Role | Level | Readiness |", "|---:|---|---|---:|"]
    for i, m in enumerate(matches, 1):
        years = "" if m.needs_years is None else f" (needs {number(m.needs_years)}+ years)"
        lines.append(f"| {i} | {md(m.name)}{years} (`{m.role}`) | {md(m.title)} "
                     f"(`{m.level}`) | {percent(m.readiness)} |")
    return "\n".join(lines) + "\n"


def diff_markdown(result: Diff) -> str:
    lines = [f"# Changes from {md(result.old_source)} to {md(result.new_source)}", "",
             "## Skills", ""]
    if not result.skills:
        lines.append("No ratings changed.")
    else:
        lines += ["| Skill | Before | After | Change |", "|---|---:|---:|---:|"]
        for s in result.skills:
            before = "—" if s.before is None else str(s.before)
            after = "—" if s.after is None else str(s.after)
            new = "new " if s.before is None else ""
            lines.append(f"| {md(s.name)} | {before} | {after} | {new}{level_change(s.change)} |")
    if result.milestones_added or result.milestones_removed:
        lines += ["", "## Milestones", ""]
        lines += [f"- added: **{md(name)}**" for _, name in result.milestones_added]
        lines += [f"- removed: **{md(name)}**" for _, name in result.milestones_removed]
    lines += ["", "## Readiness", "", "| Role | Level | Before | After | Change |",
              "|---|---|---:|---:|---:|"]
    for r in result.roles:
        lines.append(f"| {md(r.name)} | {md(r.title)} (`{r.level}`) | {percent(r.before)} | "
                     f"{percent(r.after)} | {change(r.change)} |")
    if result.warnings:
        lines += ["", "## Warnings", ""] + [f"- {md(w)}" for w in result.warnings]
    return "\n".join(lines) + "\n"


def progress_markdown(result: Progress) -> str:
    lines = [f"# Progress towards {md(result.level.title)} "
             f"(`{result.role.id}:{result.level.id}`)", "",
             f"Ready at {number(result.ready_at)}%.", ""]
    if len(result.points) == 1:
        lines += ["No history yet: `mlpath assess --profile FILE --update` keeps dated "
                  "ratings.", ""]
    lines += ["| Date | Readiness | Change |", "|---|---:|---:|"]
    for p in result.points:
        date = md(p.date) + (" (now)" if p.current else "")
        moved = "" if p.change is None else change(p.change)
        lines.append(f"| {date} | {percent(p.readiness)} | {moved} |")
    return "\n".join(lines) + "\n"
