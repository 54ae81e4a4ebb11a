"""The gap report as Markdown, to share with a mentor or keep in a repository."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from mlpath.render.text import years_of as years_text

if TYPE_CHECKING:
    from mlpath.reports import TeamReport

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


def md_evidence(report: Report, skill: str) -> str:
    """A skill's evidence for a table cell: links where safe, text otherwise, and the
    date of a checklist check."""
    items = []
    for item in report.evidence.get(skill, ()):
        url = markdown_url(item)
        items.append(f"[{md(item)}]({url})" if url else md(item))
    if skill in report.checked:
        items.append(f"checklist {md(report.checked[skill])}")
    return "; ".join(items)


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
        lines.append(f"- **Experience:** {years_text(report.years_experience)}")
    verdict = ready_verdict(report)
    backed = ("" if report.backed_readiness is None
              else f" claimed · {percent(report.backed_readiness)} backed")
    lines += [f"- **Readiness:** {percent(report.readiness)}{backed} — {verdict}", "",
              "## Skills", "",
              "| Skill | Have | Need | Weight | Status | Evidence |",
              "|---|---:|---:|---:|---|---|"]
    for s in report.skills:
        status = "not rated" if s.unrated else f"gap {s.gap}" if s.gap else s.status
        lines.append(f"| {md(s.name)} | {s.current} | {s.required} | {number(s.weight)} | "
                     f"{md(status)} | {md_evidence(report, s.id)} |")
    if report.checks:
        lines += ["", "## Checks", "", "Advice on the ratings; no number is changed.", ""]
        lines += [f"- {md(c.message)} {md(c.advice)}" for c in report.checks]
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


def team_markdown(team: TeamReport) -> str:
    """The team view as Markdown: skills, the buy list, who needs what, second opinions."""
    from mlpath.render.team import (
        BEST_HEADER,
        BEST_NOTE,
        BUY_NOTE,
        NEEDS_NOTE,
        PRIORITY_NOTE,
        REVIEW_NOTE,
        SHORT_TITLE,
        buy_total,
        covered_groups,
        hours_text,
        short_line,
        skill_names,
        skipped_text,
        talk_text,
    )

    level, people = team.level, team.people
    reached = sum(1 for p in people if p.reached)
    mean = sum(p.readiness for p in people) / len(people) if people else 0.0
    lines = [f"# mlpath team: {team.members} against {md(level.title)}", "",
             f"- **Target:** {md(level.title)} (`{team.role.id}:{level.id}`)",
             f"- **Ready:** {reached} of {team.members} · mean readiness {percent(mean)}",
             *([f"- **Skipped:** {md(skipped_text(team))}"] if team.skipped else []), "",
             "## Skills", "", "| Skill | Need | Short | Mean gap | Worst |",
             "|---|---:|---:|---:|---:|"]
    lines += [f"| {md(s.name)} | {s.required} | {s.below} | {number(s.mean_gap)} | "
              f"{s.worst_gap} |" for s in team.skills]
    if team.top_gaps:
        lines += ["", f"## {SHORT_TITLE}", "", md(PRIORITY_NOTE), ""]
        lines += [f"{i}. **{md(g.name)}**: {md(short_line(g, team.members))}"
                  for i, g in enumerate(team.top_gaps, 1)]
    names = skill_names(team)
    if team.buy:
        lines += ["", "## Buy list", "", f"{md(buy_total(team))}.", "", md(BUY_NOTE), ""]
        for i, b in enumerate(team.buy, 1):
            marker = f"{i}. "
            pad = " " * len(marker)
            lines += [f"{marker}{md_resource(b.resource)}",
                      f"{pad}- serves {b.serves}, value {b.value}, {hours_text(b)}",
                      f"{pad}- for {md(covered_groups(b, names))}"]
    lines += ["", "## Who needs what", "", md(NEEDS_NOTE), "",
              "| Person | Gap | Resource |", "|---|---|---|"]
    for p in people:
        if not p.gaps:
            lines.append(f"| {md(p.name)} | no gaps | |")
        for (sid, current, required), r in zip(p.gaps, p.chosen, strict=False):
            lines.append(f"| {md(p.name)} | {md(names.get(sid, sid))} {current} → {required} "
                         f"| {md_resource(r) if r else 'nothing in the catalogue'} |")
    reviewed = [p for p in people if p.review is not None] if team.reviewed else []
    if reviewed:
        lines += ["", "## Second opinions", "", md(REVIEW_NOTE), "",
                  "| Person | Reviewers | Ready on self | On reviewers | On the mean | "
                  "To talk about |", "|---|---|---:|---:|---:|---|"]
        for p in reviewed:
            c = p.review
            assert c is not None
            lines.append(f"| {md(p.name)} | {md(', '.join(c.reviewers))} | "
                         f"{percent(c.readiness_self)} | {percent(c.readiness_reviewers)} | "
                         f"{percent(c.readiness_mean)} | {md(talk_text(c))} |")
    missing = [m for m in team.milestones if m.missing]
    if missing:
        lines += ["", "## Milestones not yet done", ""]
        lines += [f"- {m.missing} of {team.members}: **{md(m.name)}** "
                  f"({'required' if m.required else 'recommended'})" for m in missing]
    lines += ["", "## People", "", md(BEST_NOTE), "", f"| Person | Ready | {BEST_HEADER} |",
              "|---|---:|---|"]
    lines += [f"| {md(p.name)} | {percent(p.readiness)} | "
              + (md(f"{p.best_match}:{p.best_level} {percent(p.best_readiness)}")
                 if p.best_match else "—") + " |" for p in people]
    return "\n".join(lines) + "\n"
