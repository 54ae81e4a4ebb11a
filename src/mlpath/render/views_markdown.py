"""The ranking, the diff, progress and the team view as Markdown (the report and the plan
have theirs in markdown.py and plan.py).

CommonMark that any renderer reads as intended: GFM tables, every string from a file
through ``escape.markdown``, every link through ``escape.markdown_url``.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlpath.model import Match
from mlpath.render.markdown import md, md_resource
from mlpath.render.text import change, level_change, number, percent
from mlpath.reports import Diff, Progress, TeamReport


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


def team_markdown(report: TeamReport) -> str:
    level, people = report.level, report.people
    reached = sum(1 for p in people if p.reached)
    mean = sum(p.readiness for p in people) / len(people) if people else 0.0
    lines = [f"# Team of {report.members} against {md(level.title)} "
             f"(`{report.role.id}:{level.id}`)", "",
             f"Ready: {reached} of {report.members} · mean readiness {percent(mean)}", "",
             "## Skills", "", "| Skill | Need | Short | Mean gap | Worst |",
             "|---|---:|---:|---:|---:|"]
    lines += [f"| {md(s.name)} | {s.required} | {s.below} of {report.members} | "
              f"{number(s.mean_gap)} | {s.worst_gap} |" for s in report.skills]
    if report.top_gaps:
        lines += ["", "## Training that would help the most people", ""]
        for i, g in enumerate(report.top_gaps, 1):
            marker = f"{i}. "
            lines.append(f"{marker}**{md(g.name)}**: {g.below} of {report.members} short "
                         f"(team priority {number(g.priority)})")
            pad = " " * len(marker)  # a sub-list belongs to the item at the marker's width
            lines += [f"{pad}- {md_resource(r)} — serves {n}" for r, n in g.resources]
    missing = [m for m in report.milestones if m.missing]
    if missing:
        lines += ["", "## Milestones not yet done", ""]
        lines += [f"- {m.missing} of {report.members}: **{md(m.name)}** "
                  f"({'required' if m.required else 'recommended'})" for m in missing]
    lines += ["", "## People", "", "| Person | Readiness | Best match |", "|---|---:|---|"]
    for p in people:
        best = (f"{md(p.best_match)}:{md(p.best_level)} {percent(p.best_readiness)}"
                if p.best_match else "— (nothing rated)")
        lines.append(f"| {md(p.name)} | {percent(p.readiness)} | {best} |")
    return "\n".join(lines) + "\n"
