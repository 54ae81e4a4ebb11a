"""The JSON contract (DESIGN §4, schema_version 1): plain dicts built from the model.

Additions to the contract are allowed; renames are not. Output goes through
``json.dumps`` only, never through rich.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from mlpath import __version__
from mlpath.model import (
    Catalog,
    Gap,
    Level,
    Match,
    Milestone,
    Report,
    Resource,
    Role,
    SalaryBand,
    Skill,
)
from mlpath.render.escape import json_text

if TYPE_CHECKING:  # annotations only: assess --json need not define these
    from mlpath.reports import (
        BuyItem,
        Diff,
        Plan,
        Progress,
        ReviewComparison,
        Step,
        TeamPerson,
        TeamReport,
    )

SCHEMA_VERSION = 1


def dumps(value: Any, *, compact: bool = False) -> str:
    """Indented JSON; ``compact`` (one line, through json's C encoder) for big outputs."""
    if compact:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(value, ensure_ascii=False, indent=2)
    # json.dumps escapes C0 controls; json_text escapes C1 controls and DEL as well, so
    # that JSON printed on a terminal can never carry an escape sequence.
    return json_text(text)


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def salary(band: SalaryBand | None) -> dict[str, Any] | None:
    if band is None:
        return None
    return {"min": band.min, "max": band.max, "source": band.source, "basis": band.basis}


def resource(r: Resource) -> dict[str, Any]:
    out: dict[str, Any] = {"title": r.title, "url": r.url, "kind": r.kind, "cost": r.cost,
                           "hours": r.hours}
    if r.levels is not None:
        out["levels"] = list(r.levels)
    return out


def match(m: Match) -> dict[str, Any]:
    return {"role": m.role, "name": m.name, "level": m.level, "title": m.title,
            "readiness": m.readiness,
            "needs_years": None if m.needs_years is None else _num(m.needs_years),
            "missing_milestones": list(m.missing_milestones)}


def gap(g: Gap) -> dict[str, Any]:
    listed = []
    for i, r in enumerate(g.resources):
        item = resource(r)
        item.setdefault("levels", None)
        item["serves_levels"] = list(g.serves[i]) if i < len(g.serves) else []
        item["also_for"] = list(g.also_for[i]) if i < len(g.also_for) else []
        listed.append(item)
    return {"id": g.id, "name": g.name, "current": g.current, "required": g.required,
            "gap": g.gap, "weight": _num(g.weight), "priority": _num(g.priority),
            "learn_first": list(g.learn_first), "unrated": g.unrated,
            "uncovered_levels": list(g.uncovered), "resources": listed}


def report(r: Report) -> dict[str, Any]:
    step = r.next_step
    return {
        "schema_version": SCHEMA_VERSION,
        "mlpath_version": __version__,
        "profile": {"name": r.profile_name, "source": r.profile_source,
                    "years_experience": r.years_experience},
        "target": {"role": r.target.role, "name": r.target.name, "level": r.target.level,
                   "title": r.target.title, "salary_usd": salary(r.target.salary),
                   "salary_note": r.target.salary_note,
                   "chosen": r.target_chosen},
        "readiness": r.readiness,
        "backed_readiness": r.readiness if r.backed_readiness is None else r.backed_readiness,
        "reached": r.reached,
        "skills": [{"id": s.id, "name": s.name, "category": s.category, "current": s.current,
                    "required": s.required, "weight": _num(s.weight), "gap": s.gap,
                    "status": s.status, "contribution": _num(s.contribution),
                    "possible": _num(s.possible), "unrated": s.unrated,
                    "evidence": list(r.evidence.get(s.id, ())),
                    "checked": r.checked.get(s.id)} for s in r.skills],
        "unrated": list(r.unrated),
        "gaps": [gap(g) for g in r.gaps],
        "next_step": {"kind": step.kind, "role": step.role, "level": step.level,
                      "title": step.title, "readiness": step.readiness,
                      "summary": step.summary, "salary_usd": salary(step.salary),
                      "salary_note": step.salary_note,
                      "gaps": list(step.gaps), "milestones": list(step.blocking_milestones),
                      "unrated": list(step.unrated),
                      "needs_years": (None if step.needs_years is None
                                      else _num(step.needs_years))},
        "checks": [{"kind": c.kind, "skills": list(c.skills), "message": c.message,
                    "advice": c.advice} for c in r.checks],
        "matches": [match(m) for m in r.matches],
        "milestones": [{"id": m.id, "name": m.name, "met": m.met, "required": m.required,
                        "why": m.why, "how": m.how} for m in r.milestones],
        "warnings": list(r.warnings),
    }


def matches(ms: list[Match]) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "matches": [match(m) for m in ms]}


def role_summary(role: Role) -> dict[str, Any]:
    return {"id": role.id, "name": role.name, "summary": role.summary,
            "levels": [lv.id for lv in role.levels], "leadership": role.leadership,
            "origin": role.origin,
            "salary_usd": {lv.id: salary(lv.salary) for lv in role.levels},
            "salary_note": {lv.id: lv.salary_note for lv in role.levels}}


def level(lv: Level) -> dict[str, Any]:
    return {"id": lv.id, "title": lv.title,
            "years": {"min": _num(lv.years_min),
                      "max": None if lv.years_max is None else _num(lv.years_max)},
            "salary_usd": salary(lv.salary), "salary_note": lv.salary_note,
            "requirements": [{"skill": q.skill, "level": q.level, "weight": _num(q.weight)}
                             for q in lv.requirements],
            "milestones": {"required": list(lv.milestones_required),
                           "recommended": list(lv.milestones_recommended)}}


def role_detail(role: Role) -> dict[str, Any]:
    return {"id": role.id, "name": role.name, "summary": role.summary,
            "responsibilities": list(role.responsibilities), "moves": list(role.moves),
            "leadership": role.leadership, "origin": role.origin,
            "levels": [level(lv) for lv in role.levels]}


def skill_summary(skill: Skill) -> dict[str, Any]:
    return {"id": skill.id, "name": skill.name, "category": skill.category,
            "description": skill.description, "prerequisites": list(skill.prerequisites),
            "resources": [resource(r) for r in skill.resources]}


def skill_detail(skill: Skill, catalog: Catalog) -> dict[str, Any]:
    out = skill_summary(skill)
    out["rubric"] = {str(i): text for i, text in enumerate(skill.rubric)}
    out["checklist"] = {str(n): list(items) for n, items in enumerate(skill.checklist, 1)}
    out["required_by"] = [
        {"role": role.id, "level": lv.id, "required": req.level, "weight": _num(req.weight)}
        for role in catalog.roles.values() for lv in role.levels
        if (req := lv.requirement(skill.id)) is not None
    ]
    return out


def milestone(m: Milestone) -> dict[str, Any]:
    return {"id": m.id, "name": m.name, "category": m.category,
            "description": m.description, "how": m.how, "hours": m.hours,
            "resources": [resource(r) for r in m.resources]}


def plan(p: Plan) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "target": {"role": p.role.id, "name": p.role.name, "level": p.level.id,
                   "title": p.level.title, "readiness": p.readiness},
        "hours_per_week": _num(p.hours_per_week),
        "total_hours": _num(p.total_hours),
        "weeks": p.weeks,
        "steps": [{"skill": s.skill, "name": s.name, "from": s.start, "to": s.end,
                   "hours": _num(s.hours), "estimated": s.estimated,
                   "start_week": s.start_week, "end_week": s.end_week,
                   "prerequisite_only": s.prerequisite_only, "milestone": s.milestone,
                   "resources": _step_resources(s)} for s in p.steps],
    }


def _step_resources(s: Step) -> list[dict[str, Any]]:
    """A step's resources; a skill step's say which other steps list them and which
    step's hours count them (a resource counts its hours once in a plan)."""
    listed = []
    for i, r in enumerate(s.resources):
        item = resource(r)
        if i < len(s.also_for):
            item["also_for"] = list(s.also_for[i])
            item["counted_in"] = s.counted_in[i]
        listed.append(item)
    return listed


def diff(d: Diff) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION, "old": d.old_source, "new": d.new_source,
        "skills": [{"id": s.id, "name": s.name, "before": s.before, "after": s.after,
                    "change": s.change} for s in d.skills],
        "roles": [{"role": r.role, "name": r.name, "level": r.level, "title": r.title,
                   "before": r.before, "after": r.after, "change": r.change} for r in d.roles],
        "milestones": {"added": [{"id": i, "name": n} for i, n in d.milestones_added],
                       "removed": [{"id": i, "name": n} for i, n in d.milestones_removed]},
        "warnings": list(d.warnings),
    }


def progress(p: Progress) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "target": {"role": p.role.id, "name": p.role.name, "level": p.level.id,
                   "title": p.level.title},
        "ready_at": _num(p.ready_at),
        "points": [{"date": pt.date, "readiness": pt.readiness, "change": pt.change,
                    "current": pt.current} for pt in p.points],
    }


def team(t: TeamReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "role": t.role.id, "level": t.level.id, "title": t.level.title,
        "role_chosen": t.role_chosen, "members": t.members, "skipped": t.skipped,
        "skills": [{"id": s.id, "name": s.name, "required": s.required,
                    "weight": _num(s.weight), "below": s.below, "mean_gap": s.mean_gap,
                    "worst_gap": s.worst_gap} for s in t.skills],
        "people": [team_person(p) for p in t.people],
        "top_gaps": [{"id": g.id, "name": g.name, "below": g.below,
                      "priority": _num(g.priority), "mean_gap": g.mean_gap,
                      "resources": [{**resource(r), "serves": n} for r, n in g.resources]}
                     for g in t.top_gaps],
        "milestones": [{"id": m.id, "name": m.name, "required": m.required,
                        "missing": m.missing} for m in t.milestones],
        "buy": [buy_item(b) for b in t.buy],
        "buy_person_hours": _num(t.buy_hours), "buy_hours_unknown": t.buy_hours_unknown,
        "buy_person_hours_with_estimates": _num(max(t.buy_hours_total, t.buy_hours)),
        "reviewed": t.reviewed,
    }


def team_person(p: TeamPerson) -> dict[str, Any]:
    """One person of the team view, with who-needs-what: each top gap and its resource."""
    return {"name": p.name, "source": p.source, "readiness": p.readiness,
            "backed_readiness": (p.readiness if p.backed_readiness is None
                                 else p.backed_readiness),
            "reached": p.reached, "best_match": p.best_match,
            "best_match_readiness": p.best_readiness,
            "best_match_level": p.best_level or None,
            "top_gaps": [s for s, _, _ in p.gaps],
            "missing_milestones": list(p.missing_milestones),
            # The resource by title and link; the buy list has the rest of it.
            "needs": [{"skill": s, "current": c, "required": r,
                       "resource": None if chosen is None else {"title": chosen.title,
                                                                "url": chosen.url}}
                      for (s, c, r), chosen in zip(p.gaps, p.chosen, strict=False)],
            "review": None if p.review is None else review(p.review)}


def buy_item(b: BuyItem) -> dict[str, Any]:
    return {**resource(b.resource), "skills": list(b.skills), "serves": b.serves,
            "value": b.value,
            "person_hours": None if b.person_hours is None else _num(b.person_hours),
            "estimated_person_hours": (None if b.estimated_hours is None
                                       else _num(b.estimated_hours)),
            "people": [{"name": f.name, "skills": [{"id": sid, "levels": list(levels)}
                                                    for sid, levels in f.skills]}
                       for f in b.people]}


def review(c: ReviewComparison) -> dict[str, Any]:
    """Self against second raters (``engine/review.py``), with readiness on each."""
    return {"reviewers": list(c.reviewers),
            "readiness_on": {"self": c.readiness_self, "reviewers": c.readiness_reviewers,
                             "mean": c.readiness_mean},
            "skills": [{"id": s.id, "name": s.name, "required": s.required,
                        "self": s.self_rating,
                        "reviewers": [{"reviewer": who, "rating": rating}
                                      for who, rating in s.reviewers],
                        "reviewer_mean": None if s.reviewer_mean is None
                        else _num(s.reviewer_mean),
                        "talk": s.talk or None} for s in c.skills],
            "blind_spots": list(c.blind_spots), "hidden_strengths": list(c.hidden_strengths)}
