"""The gap report as Markdown, to share with a mentor or keep in a repository."""

from __future__ import annotations

from mlpath.model import Report, Resource
from mlpath.render.text import band, clean, number

_STEP = {"close-gaps": "Close the gaps", "level-up": "Level up", "lateral": "Move sideways",
         "leadership": "Step into leadership", "none": "No further step"}


def md(text: str) -> str:
    """Data text made safe for a Markdown table cell or line."""
    return clean(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def md_resource(r: Resource) -> str:
    """A resource as one Markdown list item's text: a link when there is one."""
    title = f"[{md(r.title)}]({md(r.url)})" if r.url else md(r.title)
    hours = f", {number(r.hours)} h" if r.hours is not None else ""
    return f"{title} ({r.kind}, {r.cost}{hours})"


def render_report(report: Report) -> str:
    t = report.target
    who = md(report.profile_name or report.profile_source)
    lines = [f"# mlpath report: {who}", ""]
    lines.append(f"- **Target:** {md(t.title)} ({md(t.name)}, `{t.role}:{t.level}`)"
                 + (" — your best fit" if report.target_chosen == "best-fit" else ""))
    if t.salary:
        lines.append(f"- **Salary:** {band(t.salary.min, t.salary.max)} a year (USD; "
                     f"{md(t.salary.source)})")
    elif t.salary_note:
        lines.append(f"- **Salary:** no figure in the guide ({md(t.salary_note)})")
    if report.years_experience is not None:
        lines.append(f"- **Experience:** {number(report.years_experience)} years")
    verdict = "ready" if report.reached else "not yet ready (85% is ready)"
    lines += [f"- **Readiness:** {report.readiness:g}% — {verdict}", "", "## Skills", "",
              "| Skill | Have | Need | Weight | Status |", "|---|---:|---:|---:|---|"]
    for s in report.skills:
        status = f"gap {s.gap}" if s.gap else s.status
        lines.append(f"| {md(s.name)} | {s.current} | {s.required} | {number(s.weight)} | "
                     f"{status} |")
    lines += ["", "## Gaps, highest priority first", ""]
    if not report.gaps:
        lines.append("None: you meet every requirement.")
    for i, g in enumerate(report.gaps, 1):
        first = f" — learn {', '.join(g.learn_first)} first" if g.learn_first else ""
        lines.append(f"{i}. **{md(g.name)}**: {g.current} → {g.required} "
                     f"(priority {number(g.priority)}){first}")
        lines.extend(f"   - {md_resource(r)}" for r in g.resources)
    if report.milestones:
        lines += ["", "## Milestones", ""]
        for m in report.milestones:
            box = "x" if m.met else " "
            kind = "required" if m.required else "recommended"
            lines.append(f"- [{box}] **{md(m.name)}** ({kind})"
                         + ("" if m.met else f": {md(m.how)}"))
    step = report.next_step
    lines += ["", "## Next step", "", f"**{_STEP[step.kind]}**"
              + (f" → {md(step.title)} (`{step.role}:{step.level}`)" if step.title else "")
              + f". {md(step.summary)}"]
    if step.salary:
        lines.append(f"Salary there: {band(step.salary.min, step.salary.max)} "
                     f"({md(step.salary.source)}).")
    elif step.salary_note:
        lines.append(f"Salary there: no figure in the guide ({md(step.salary_note)}).")
    if report.matches:
        lines += ["", "## Other roles that fit", "", "| Role | Level | Readiness |",
                  "|---|---|---:|"]
        lines += [f"| {md(m.name)} | {m.level} | {m.readiness:g}% |" for m in report.matches]
    if report.warnings:
        lines += ["", "## Warnings", ""] + [f"- {md(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"
