"""The gap report as Markdown, to share with a mentor or keep in a repository."""

from __future__ import annotations

from mlpath.model import Report, Resource
from mlpath.render.advice import (
    match_notes,
    ready_verdict,
    resource_notes,
    target_names,
    uncovered_note,
    unrated_line,
)
from mlpath.render.escape import markdown, markdown_url
from mlpath.render.text import band, number, percent

_STEP = {"close-gaps": "Close the gaps", "level-up": "Level up", "lateral": "Move sideways",
         "leadership": "Step into leadership", "none": "No further step"}


def md(text: str) -> str:
    """Data text made safe for a Markdown table cell or line (render/escape.py)."""
    return markdown(text)


def md_resource(r: Resource) -> str:
    """A resource as one Markdown list item's text: a link when there is a safe one."""
    url = markdown_url(r.url)
    title = f"[{md(r.title)}]({url})" if url else md(r.title)
    if r.url and not url:  # not http(s): shown as text, never a link
        title += f" ({md(r.url)})"
    hours = f", {number(r.hours)} h" if r.hours is not None else ""
    return f"{title} ({md(r.kind)}, {md(r.cost)}{hours})"


def render_report(report: Report, *, skill_names: dict[str, str] | None = None) -> str:
    t = report.target
    who = md(report.profile_name or report.profile_source)
    lines = [f"# mlpath report: {who}", ""]
    named = "".join(f"{md(n)}, " for n in target_names(t)[1:])
    lines.append(f"- **Target:** {md(t.title)} ({named}`{t.role}:{t.level}`)"
                 + {"best-fit": " — your best fit",
                    "none": " — no best fit: rate your skills first"}.get(
                        report.target_chosen, ""))
    if t.salary:
        lines.append(f"- **Salary:** {band(t.salary.min, t.salary.max)} a year (USD; "
                     f"{md(t.salary.source)})")
    elif t.salary_note:
        lines.append(f"- **Salary:** no figure in the guide ({md(t.salary_note)})")
    if report.years_experience is not None:
        lines.append(f"- **Experience:** {number(report.years_experience)} years")
    verdict = ready_verdict(report)
    lines += [f"- **Readiness:** {percent(report.readiness)} — {verdict}", "", "## Skills", "",
              "| Skill | Have | Need | Weight | Status |", "|---|---:|---:|---:|---|"]
    for s in report.skills:
        status = "not rated" if s.unrated else f"gap {s.gap}" if s.gap else s.status
        lines.append(f"| {md(s.name)} | {s.current} | {s.required} | {number(s.weight)} | "
                     f"{md(status)} |")
    lines += ["", "## Gaps, highest priority first", ""]
    if not report.gaps:
        lines.append("None: you meet every requirement.")
    names = {s.id: s.name for s in report.skills} | (skill_names or {})
    for i, g in enumerate(report.gaps, 1):
        first = (" — learn " + ", ".join(md(names.get(s, s)) for s in g.learn_first) + " first"
                 if g.learn_first else "")
        rating = "not rated" if g.unrated else str(g.current)
        marker = f"{i}. "
        lines.append(f"{marker}**{md(g.name)}**: {rating} → {g.required} "
                     f"(priority {number(g.priority)}){first}")
        # CommonMark: a sub-list belongs to the item only when indented by the width of
        # the item's marker ("10. " is four wide), else the ordered list restarts.
        pad = " " * len(marker)
        for n, r in enumerate(g.resources):
            also = resource_notes(g, n, names)
            lines.append(f"{pad}- {md_resource(r)}" + (f" — {md(also)}" if also else ""))
        if g.uncovered:
            lines.append(f"{pad}- {md(uncovered_note(g))}")
    unrated = unrated_line(report, names)
    if unrated:
        lines += ["", md(unrated)]
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
        lines += ["", f"Salary there: {band(step.salary.min, step.salary.max)} "
                     f"({md(step.salary.source)})."]
    elif step.salary_note:
        lines += ["", f"Salary there: no figure in the guide ({md(step.salary_note)})."]
    if report.matches:
        lines += ["", "## Other roles that fit", "", "| Role | Level | Readiness |",
                  "|---|---|---:|"]
        lines += [f"| {md(m.name)}{md(match_notes(m))}"
                  + f" | {md(m.level)} | {percent(m.readiness)} |" for m in report.matches]
    if report.warnings:
        lines += ["", "## Warnings", ""] + [f"- {md(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"
