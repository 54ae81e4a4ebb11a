"""Reports as web pages: one self-contained HTML file each, made for the browser.

No network fetch (the page's Content-Security-Policy forbids every one), no script,
charts drawn by ``render/svg.py``; readable from a 360 px phone to a wide screen and on
paper. Every string from a file goes through ``escape.html`` and every link target
through ``escape.href``: a pack's ``"><script>`` is text, ``javascript:`` is no link.

Each renderer is ``(result, ...) -> str``, so a renderer registry can map
(result kind, "html") to it.
"""

from __future__ import annotations

from collections.abc import Iterable

from mlpath.model import READY_AT, Report, Resource
from mlpath.render import svg
from mlpath.render.advice import match_notes, target_names, uncovered_note
from mlpath.render.escape import href, html
from mlpath.render.text import band, change, number, percent
from mlpath.render.text import years_of as years_text
from mlpath.reports import Plan, Progress, TeamReport

STEP_LABEL = {"close-gaps": "Close the gaps", "level-up": "Level up", "lateral": "Move sideways",
              "leadership": "Step into leadership", "none": "No further step"}

CSS = """
:root{color-scheme:light;--fg:#111827;--dim:#6b7280;--line:#e5e7eb;--gap:#b91c1c;
--met:#15803d;--exceeds:#0e7490;--accent:#2563eb}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--fg);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:0}
p,li,td,th,dd{overflow-wrap:break-word}
a,.url{overflow-wrap:anywhere}
td.st{white-space:nowrap}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.facts dt{color:var(--dim)}dl.facts dd{margin:0}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.35rem .5rem .35rem 0;border-bottom:1px solid var(--line);
vertical-align:top}
th{font-weight:600;font-size:.875rem;color:var(--dim)}
td.num,th.num{text-align:right;white-space:nowrap}
td.bar{width:35%;min-width:5rem}
svg.meter{display:block;width:100%;height:.8rem;margin-top:.35rem}
svg.radar,svg.chart{display:block;width:100%;max-width:40rem;height:auto;margin:.5rem auto}
.gap{color:var(--gap)}.met{color:var(--met)}.exceeds{color:var(--exceeds)}
.dim{color:var(--dim)}
.big{font-size:2rem;font-weight:700}
ol.gaps>li,ul.gaps>li{margin:0 0 1rem}
ul.res{padding-left:1.1rem;margin:.35rem 0}
ol.axes{columns:11rem;column-gap:1.5rem;font-size:.85rem;color:var(--dim);margin:0 0 1rem;
padding-left:1.6rem}
ul.ms{list-style:none;padding-left:0}
ul.ms li{margin:.2rem 0}
ul.res li{margin:.25rem 0}
ul.ev{list-style:none;padding:0;margin:.2rem 0 0;font-size:.85rem;color:var(--dim)}
.url{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;
color:var(--dim);display:block}
a{color:var(--accent)}
.box{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem}
footer{margin:2rem 0 1rem;color:var(--dim);font-size:.8rem}
@media (max-width:30rem){main{padding:.75rem}td.bar{width:30%}th,td{font-size:.9rem}
.wide{display:none}}
@media print{main{max-width:none;padding:0}body{font-size:11pt}a{color:inherit}
h2{break-after:avoid}li,tr,.box,svg{break-inside:avoid}footer{display:none}}
"""

# No fetch of any kind, no script: only the inline style and inline SVG the page carries.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def page(title: str, body: Iterable[str]) -> str:
    """A whole document around ``body``; ``title`` is data and is escaped here."""
    head = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
            "<meta name=\"generator\" content=\"mlpath\">\n"
            f"<title>{html(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n")
    from mlpath import __version__

    foot = (f"<footer>Made by mlpath {html(__version__)}. Self-rated skills against role "
            "definitions; readiness is a guide, not a verdict.</footer>\n")
    return head + "\n".join(body) + "\n" + foot + "</main>\n</body>\n</html>\n"


def resource_item(r: Resource) -> str:
    """A resource as a list item: its title a link (when the URL is http(s)), the URL shown."""
    facts = [html(r.kind), html(r.cost)]
    if r.hours is not None:
        facts.append(f"{number(r.hours)} h")
    target = href(r.url)
    title = (f'<a href="{target}">{html(r.title)}</a>' if target
             else f"<strong>{html(r.title)}</strong>")
    url = f'<span class="url">{html(r.url)}</span>' if r.url else ""
    return f"<li>{title} <span class=\"dim\">· {' · '.join(facts)}</span>{url}</li>"


def _resources(resources: Iterable[Resource]) -> str:
    items = [resource_item(r) for r in resources]
    return f'<ul class="res">{"".join(items)}</ul>' if items else ""


def _status_class(status: str) -> str:
    return status if status in ("met", "gap", "exceeds") else ""


def _evidence(report: Report, skill: str) -> str:
    """A skill's evidence under its name: links only for safe http(s) URLs."""
    items = []
    for item in report.evidence.get(skill, ()):
        target = href(item)
        items.append(f'<a href="{target}">{html(item)}</a>' if target else html(item))
    if skill in report.checked:
        items.append(f"checklist checked {html(report.checked[skill])}")
    if not items:
        return ""
    mark = '<span class="met" aria-hidden="true">✓</span> '
    return '<ul class="ev">' + "".join(f"<li>{mark}{i}</li>" for i in items) + "</ul>"


def report_html(report: Report, *, skill_names: dict[str, str] | None = None) -> str:
    """The gap report as a web page: every gap and every resource, with charts."""
    names = skill_names or {}
    t = report.target
    who = report.profile_name or report.profile_source
    out = [f"<h1>{html(who)}: {html(t.title)}</h1>"]
    how = {"best-fit": "your best fit", "profile": "from your profile",
           "option": "as asked"}.get(report.target_chosen, "")
    verdict = ("ready" if report.reached else f"not yet ready ({READY_AT:g}% is ready)")
    facts = [("Target", " · ".join(html(n) for n in (*target_names(t), t.level))
              + (f' <span class="dim">({how})</span>' if how else "")),
             ("Readiness", f'<span class="big">{percent(report.readiness)}</span>'
              + ("" if report.backed_readiness is None else
                 f" claimed · <strong>{percent(report.backed_readiness)}</strong> backed")
              # its own line: "32.4% backed not yet ready" read as one phrase
              + f'<br><span class="verdict">{verdict[0].upper()}{verdict[1:]}</span>')]
    if report.years_experience is not None:
        facts.insert(1, ("Experience", years_text(report.years_experience)))
    if t.salary:
        facts.append(("Salary", f"{band(t.salary.min, t.salary.max)} a year (USD) "
                      f'<span class="dim">{html(t.salary.source)}</span>'))
    out.append('<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
               + "</dl>")
    out.append(svg.meter(report.readiness, READY_AT, total=100,
                         label=f"readiness {percent(report.readiness)}"))

    out.append("<section><h2>Skills: what you have against what the role needs</h2>")
    labels = [s.name for s in report.skills]
    out.append(svg.radar(labels, [s.current for s in report.skills],
                         [s.required for s in report.skills]))
    if len(labels) >= 3 and svg.radar_numbered(labels):  # the key to the numbered axes
        out.append('<ol class="axes">' + "".join(f"<li>{html(n)}</li>" for n in labels)
                   + "</ol>")
    rows = []
    for s in report.skills:
        status = f"gap {s.gap}" if s.status == "gap" else s.status
        rows.append(f"<tr><td>{html(s.name)}{_evidence(report, s.id)}</td><td class=\"bar\">"
                    + svg.meter(s.current, s.required,
                                label=f"have {s.current}, need {s.required}")
                    + f"</td><td class=\"num\">{s.current} → {s.required}</td>"
                    f"<td class=\"num wide\">{number(s.weight)}</td>"
                    f"<td class=\"st {_status_class(s.status)}\">{html(status)}</td></tr>")
    out.append('<table><thead><tr><th>Skill</th><th>Have vs need</th>'
               '<th class="num">Levels</th><th class="num wide">Weight</th><th>Status</th></tr>'
               f"</thead><tbody>{''.join(rows)}</tbody></table></section>")

    if report.checks:
        found = "".join(f"<li>{html(c.message)} <span class=\"dim\">{html(c.advice)}</span></li>"
                        for c in report.checks)
        out.append("<section><h2>Checks</h2><p class=\"dim\">Advice on the ratings; no number "
                   f"is changed.</p><ul>{found}</ul></section>")

    out.append("<section><h2>Gaps, highest priority first</h2>")
    if not report.gaps:
        out.append("<p>None: you meet every requirement.</p>")
    else:
        items = []
        for g in report.gaps:
            first = ""
            if g.learn_first:
                first = ('<p class="dim">Learn first: '
                         + ", ".join(html(names.get(s, s)) for s in g.learn_first) + "</p>")
            missing = uncovered_note(g)  # the terminal's and Markdown's sentence
            note = f'<p class="dim">{html(missing)}</p>' if missing else ""
            items.append(f"<li><h3>{html(g.name)} <span class=\"dim\">{g.current} → "
                         f"{g.required} · priority {number(g.priority)}</span></h3>{first}"
                         f"{_resources(g.resources)}{note}</li>")
        out.append(f'<ol class="gaps">{"".join(items)}</ol>')
    out.append("</section>")

    if report.milestones:
        items = []
        for m in report.milestones:
            mark, cls = ("✓", "met") if m.met else (("✗", "gap") if m.required else ("·", "dim"))
            kind = "required" if m.required else "recommended"
            how_text = "" if m.met or not m.how else f"<br><span class=\"dim\">{html(m.how)}</span>"
            items.append(f'<li><span class="{cls}" aria-hidden="true">{mark}</span> '
                         f"<strong>{html(m.name)}</strong> <span class=\"dim\">{kind}"
                         f"{', done' if m.met else ', not yet'}</span>{how_text}</li>")
        # The mark says met, missing or recommended: no list bullet beside it.
        out.append(f'<section><h2>Milestones</h2><ul class="ms">{"".join(items)}</ul></section>')

    step = report.next_step
    head = html(STEP_LABEL.get(step.kind, step.kind))
    if step.title:
        head += f" → {html(step.title)}"
    salary = (f"<p>Salary there: {band(step.salary.min, step.salary.max)} "
              f'<span class="dim">({html(step.salary.source)})</span></p>' if step.salary else "")
    out.append(f'<section><h2>Next step</h2><div class="box"><h3>{head}</h3>'
               f"<p>{html(step.summary)}</p>{salary}</div></section>")

    if report.matches:
        rows = [f"<tr><td>{html(m.name + match_notes(m))}</td><td>{html(m.level)}</td>"
                + '<td class="bar">'
                + svg.meter(m.readiness, None, total=100, label=percent(m.readiness))
                + f"</td><td class=\"num\">{percent(m.readiness)}</td></tr>"
                for m in report.matches]
        out.append("<section><h2>Other roles that fit</h2><table><thead><tr><th>Role</th>"
                   '<th>Level</th><th>Readiness</th><th class="num"></th></tr></thead>'
                   f"<tbody>{''.join(rows)}</tbody></table></section>")
    if report.warnings:
        out.append("<section><h2>Warnings</h2><ul>"
                   + "".join(f"<li>{html(w)}</li>" for w in report.warnings) + "</ul></section>")
    return page(f"mlpath report · {who} · {t.title}", out)


def plan_html(plan: Plan) -> str:
    """The learning plan: a week strip and every step with its resources, as links."""
    title = plan.level.title
    out = [f"<h1>Learning plan: {html(title)}</h1>",
           f"<p>Ready now: {percent(plan.readiness)}. Total: {number(plan.total_hours)} hours "
           f"at {number(plan.hours_per_week)} a week, about {plan.weeks} weeks. Hours marked ~ "
           "are mlpath's estimates.</p>"]
    if not plan.steps:
        out.append("<p>Nothing to learn for this level: you meet every requirement.</p>")
        return page(f"mlpath plan · {title}", out)
    out.append(svg.timeline([(s.start_week, s.end_week) for s in plan.steps], plan.weeks))
    items = []
    for s in plan.steps:
        label = (f"{html(s.name)} (milestone)" if s.milestone
                 else f"{html(s.name)} {s.start} → {s.end}"
                 + (" (prerequisite)" if s.prerequisite_only else ""))
        hours = f"{'~' if s.estimated else ''}{number(s.hours)} h"
        weeks = (f"week {s.start_week}" if s.start_week == s.end_week
                 else f"weeks {s.start_week}–{s.end_week}")
        items.append(f"<li><h3>{label}</h3><p class=\"dim\">{hours} · {weeks}</p>"
                     f"{_resources(s.resources)}</li>")
    out.append(f'<section><h2>Steps</h2><ol class="gaps">{"".join(items)}</ol></section>')
    return page(f"mlpath plan · {title}", out)


def progress_html(progress: Progress) -> str:
    """Readiness over time as a line chart, and the numbers as a table."""
    title = progress.level.title
    out = [f"<h1>Progress towards {html(title)}</h1>",
           svg.line_chart([(p.date, p.readiness) for p in progress.points], ready_at=READY_AT)]
    rows = "".join(f"<tr><td>{html(p.date)}</td><td class=\"num\">{percent(p.readiness)}</td>"
                   f'<td class="num">{"" if p.change is None else change(p.change)}</td>'
                   "</tr>" for p in progress.points)
    out.append('<table><thead><tr><th>Date</th><th class="num">Readiness</th>'
               f'<th class="num">Change</th></tr></thead><tbody>{rows}</tbody></table>')
    return page(f"mlpath progress · {title}", out)


def team_html(team: TeamReport) -> str:
    """The team view: who is short where, the training that serves most, the buy list,
    who needs what, second opinions, and the people."""
    from mlpath.render.team import (
        BEST_HEADER,
        BEST_NOTE,
        PRIORITY_NOTE,
        SHORT_TITLE,
        best_text,
        short_line,
        skipped_text,
    )

    level = team.level
    people = team.people
    reached = sum(1 for p in people if p.reached)
    mean = sum(p.readiness for p in people) / len(people) if people else 0.0
    out = [f"<h1>Team of {team.members} against {html(level.title)}</h1>",
           f"<p>Ready: {reached} of {team.members} · mean readiness {percent(mean)}</p>",
           *([f"<p>{html(skipped_text(team))}</p>"] if team.skipped else [])]
    rows = [f"<tr><td>{html(s.name)}</td><td class=\"num\">{s.required}</td><td class=\"bar\">"
            + svg.meter(s.below, None, total=max(1, team.members),
                        label=f"{s.below} of {team.members} short")
            + f"</td><td class=\"num\">{s.below}</td>"
            f"<td class=\"num wide\">{number(s.mean_gap)}</td>"
            f"<td class=\"num wide\">{s.worst_gap}</td></tr>" for s in team.skills]
    out.append("<section><h2>Skills</h2><table><thead><tr><th>Skill</th>"
               '<th class="num">Need</th><th>Short</th><th class="num">of '
               f'{team.members}</th><th class="num wide">Mean gap</th>'
               '<th class="num wide">Worst</th></tr></thead>'
               f"<tbody>{''.join(rows)}</tbody></table></section>")
    if team.top_gaps:
        items = [f"<li><strong>{html(g.name)}</strong> <span class=\"dim\">"
                 f"{html(short_line(g, team.members))}</span></li>" for g in team.top_gaps]
        out.append(f"<section><h2>{SHORT_TITLE}</h2>"
                   f'<p class="dim">{html(PRIORITY_NOTE)}</p>'
                   f'<ol>{"".join(items)}</ol></section>')
    out.extend(_team_buy(team))
    out.extend(_team_needs(team))
    out.extend(_team_reviews(team))
    missing = [m for m in team.milestones if m.missing]
    if missing:
        out.append("<section><h2>Milestones not yet done</h2><ul>"
                   + "".join(f"<li>{m.missing} of {team.members}: <strong>{html(m.name)}</strong>"
                             f" <span class=\"dim\">({'required' if m.required else 'recommended'}"
                             ")</span></li>" for m in missing) + "</ul></section>")
    rows = [f"<tr><td>{html(p.name)}</td><td class=\"num\">{percent(p.readiness)}</td>"
            f"<td>{html(best_text(p))}</td></tr>" for p in people]
    out.append(f'<section><h2>People</h2><p class="dim">{html(BEST_NOTE)}</p>'
               '<table><thead><tr><th>Person</th>'
               f'<th class="num">Ready</th><th>{html(BEST_HEADER)}</th></tr></thead>'
               f"<tbody>{''.join(rows)}</tbody></table></section>")
    return page(f"mlpath team · {level.title}", out)


def _team_buy(team: TeamReport) -> list[str]:
    from mlpath.render.team import BUY_NOTE, buy_total, covered_groups, hours_text, skill_names

    if not team.buy:
        return []
    names = skill_names(team)
    items = []
    for b in team.buy:
        who = covered_groups(b, names)
        items.append(resource_item(b.resource).replace(
            "</li>", f"<br><strong>serves {b.serves}</strong> <span class=\"dim\">· value "
            f"{b.value} · {html(hours_text(b))}</span><br>{html(who)}</li>"))
    return [f"<section><h2>Buy list</h2><p>{html(buy_total(team))}.</p>"
            f'<p class="dim">{html(BUY_NOTE)}</p><ol class="gaps">{"".join(items)}</ol>'
            "</section>"]


def _team_needs(team: TeamReport) -> list[str]:
    """Who needs what as a list per person (a three-column table would not fit a phone)."""
    from mlpath.render.team import NEEDS_NOTE, skill_names

    names = skill_names(team)
    items = []
    for p in team.people:
        steps = []
        for (sid, current, required), r in zip(p.gaps, p.chosen, strict=False):
            target = href(r.url) if r else None
            title = '<span class="dim">nothing in the catalogue</span>' if r is None else (
                f'<a href="{target}">{html(r.title)}</a>' if target else html(r.title))
            steps.append(f"<li>{html(names.get(sid, sid))} {current} → {required}: {title}</li>")
        body = (f'<ul class="res">{"".join(steps)}</ul>' if steps
                else '<p class="met">no gaps</p>')
        items.append(f"<li><h3>{html(p.name)}</h3>{body}</li>")
    return ["<section><h2>Who needs what</h2>"
            f'<p class="dim">{html(NEEDS_NOTE)}</p><ul class="gaps">{"".join(items)}</ul>'
            "</section>"]


def _team_reviews(team: TeamReport) -> list[str]:
    from mlpath.render.team import REVIEW_NOTE, talk_text

    reviewed = [p for p in team.people if p.review is not None] if team.reviewed else []
    if not reviewed:
        return []
    items = []
    for p in reviewed:
        c = p.review
        assert c is not None
        items.append(f"<li><h3>{html(p.name)} <span class=\"dim\">reviewed by "
                     f"{html(', '.join(c.reviewers))}</span></h3><p>Ready on self "
                     f"{percent(c.readiness_self)} · on reviewers "
                     f"{percent(c.readiness_reviewers)} · on the mean "
                     f"{percent(c.readiness_mean)}</p><p>To talk about: "
                     f"{html(talk_text(c))}</p></li>")
    return ["<section><h2>Second opinions</h2>"
            f'<p class="dim">{html(REVIEW_NOTE)}</p><ul>{"".join(items)}</ul></section>']
