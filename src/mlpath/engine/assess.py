"""The gap report: skill rows, gaps, milestones and the next career step (DESIGN §2).

Pure functions. The numbers come from the scoring kernel (``engine.scoring``), the
"learn X first" rule from ``engine.prerequisites`` and the resources from
``engine.resources``; their names are re-exported here for older callers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mlpath.engine.checks import backed_readiness, checks
from mlpath.engine.prerequisites import blockers, order_gaps, prerequisite_closure
from mlpath.engine.resources import (
    RESOURCES_PER_GAP,
    levels_served,
    pick_resources,
    resource_key,
    uncovered,
)
from mlpath.engine.scoring import (
    best_fit,
    comparison_level,
    match_for,
    missing_milestones,
    rank_key,
    rank_roles,
    reached,
    readiness,
    round_half_up,
    settle_target,
)
from mlpath.model import (
    Catalog,
    Gap,
    Level,
    MilestoneRow,
    NextStep,
    Profile,
    Report,
    Role,
    SkillRow,
    Target,
)

__all__ = ["RESOURCES_PER_GAP", "assess", "best_fit", "comparison_level", "next_step",
           "pick_resources", "prerequisite_closure", "rank_roles", "reached", "readiness",
           "round_half_up", "settle_target"]

TOP_GAPS = 5
OTHER_MATCHES = 3


def skill_rows(catalog: Catalog, level: Level, ratings: Mapping[str, int],
               unrated: frozenset[str] = frozenset()) -> list[SkillRow]:
    """One row per requirement, heaviest first; a gap names the prerequisites that block it."""
    rows = []
    for req in level.requirements:
        skill = catalog.skills[req.skill]
        current = ratings.get(req.skill, 0)
        gap = max(0, req.level - current)
        status = "gap" if gap else ("exceeds" if current > req.level else "met")
        learn_first = (tuple(sorted(blockers(catalog, req.skill, req.level, ratings)))
                       if gap else ())
        rows.append(SkillRow(
            id=skill.id, name=skill.name, category=skill.category, current=current,
            required=req.level, weight=req.weight, gap=gap, status=status,
            contribution=req.weight * min(current, req.level),
            possible=req.weight * req.level, learn_first=learn_first,
            unrated=req.skill in unrated,
        ))
    return sorted(rows, key=lambda r: (-r.weight, r.id))


def build_gaps(catalog: Catalog, rows: Sequence[SkillRow]) -> list[Gap]:
    """The gaps in report order, each with the resources for the levels it climbs.

    A resource may serve several gaps: each lists it, and says which others do too.
    """
    needs = prerequisite_closure(catalog)
    gaps = []
    for row in order_gaps(rows, needs):
        resources = catalog.skills[row.id].resources
        picked = pick_resources(resources, row.current, row.required)
        gaps.append(Gap(
            id=row.id, name=row.name, current=row.current, required=row.required,
            gap=row.gap, weight=row.weight, priority=row.weight * row.gap,
            resources=picked, learn_first=row.learn_first, unrated=row.unrated,
            serves=tuple(levels_served(r, row.current, row.required) for r in picked),
            uncovered=uncovered(picked, row.current, row.required),
        ))
    listed: dict[str, list[str]] = {}
    for g in gaps:
        for r in g.resources:
            listed.setdefault(resource_key(r), []).append(g.id)
    return [g._replace(also_for=tuple(tuple(i for i in listed[resource_key(r)] if i != g.id)
                                      for r in g.resources)) for g in gaps]


def milestone_rows(catalog: Catalog, level: Level, profile: Profile) -> list[MilestoneRow]:
    have = set(profile.milestones)
    rows = []
    for required, ids in ((True, level.milestones_required),
                          (False, level.milestones_recommended)):
        for mid in ids:
            milestone = catalog.milestones[mid]
            why = (f"{'Required' if required else 'Recommended'} for {level.title}: "
                   f"{milestone.description}")
            rows.append(MilestoneRow(mid, milestone.name, mid in have, required, why,
                                     milestone.how))
    return rows


def _names(catalog: Catalog, ids: Sequence[str]) -> str:
    names = [catalog.skills[i].name if i in catalog.skills else
             catalog.milestones[i].name if i in catalog.milestones else i for i in ids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _pct(value: float) -> str:
    """A readiness in a sentence: one decimal, as every report prints it (render.text.percent)."""
    return f"{value:.1f}%"


def _years(value: float) -> str:
    return f"{value:g}"


def _ordered_gaps(catalog: Catalog, level: Level, profile: Profile, *,
                  beyond: Level | None = None) -> tuple[str, ...]:
    """The top rated gap ids at ``level`` in report order; with ``beyond``, only the skills
    that ``level`` asks more of than ``beyond`` does (what separates the two levels).
    Unrated skills are not named as gaps to close: they are to be rated first."""
    rows = order_gaps(skill_rows(catalog, level, profile.skills, profile.unrated),
                      prerequisite_closure(catalog))
    rows = [r for r in rows if not r.unrated]
    if beyond is not None:
        rows = [r for r in rows if r.required > _level_of(beyond, r.id)]
    return tuple(r.id for r in rows[:TOP_GAPS])


def _unrated_at(level: Level, profile: Profile) -> tuple[str, ...]:
    """The level's required skills the person left unrated, in id order."""
    return tuple(sorted(r.skill for r in level.requirements if r.skill in profile.unrated))


def _rate_them(unrated: Sequence[str]) -> str:
    """One sentence asking to rate the skills left unrated (empty when there are none)."""
    if not unrated:
        return ""
    n = len(unrated)
    return (f"{n} of its skills {'are' if n > 1 else 'is'} not rated "
            f"and count{'' if n > 1 else 's'} as 0: rate {'them' if n > 1 else 'it'} "
            "for a true figure.")


def next_step(catalog: Catalog, profile: Profile, role: Role, level: Level,
              score: float, gaps: Sequence[Gap]) -> NextStep:
    """close-gaps, level-up, lateral, leadership or none (DESIGN §2).

    The summary names no salary: the step's band travels in ``salary`` and is shown
    once, beside it. It names only rated skills as gaps to close; skills left unrated
    are counted (``NextStep.unrated``) and the person is asked to rate them. A level
    whose required milestones are missing is never called met.
    """
    ratings = profile.skills
    years = profile.years_experience
    blocking = tuple(m for m in level.milestones_required if m not in profile.milestones)
    unrated = _unrated_at(level, profile)
    if not reached(score):
        top = tuple(g.id for g in gaps if not g.unrated)[:TOP_GAPS]
        summary = f"You are {_pct(score)} ready for {level.title}"
        if top:
            summary += (f"; closing {_names(catalog, top)} brings the most, "
                        "by weight and gap.")
        else:
            summary += "."
        if unrated:
            summary += " " + _rate_them(unrated)
        if blocking:
            summary += f" The level also asks for: {_names(catalog, blocking)}."
        return NextStep("close-gaps", role.id, level.id, level.title, score, summary,
                        level.salary, top, blocking, level.salary_note, unrated)
    if blocking:
        summary = (f"Your skills reach {level.title} ({_pct(score)}), but the level asks for "
                   f"{_names(catalog, blocking)}, which your profile does not list yet.")
        return NextStep("close-gaps", role.id, level.id, level.title, score, summary,
                        level.salary, (), blocking, level.salary_note, unrated)
    index = role.levels.index(level)
    for higher in role.levels[index + 1:]:
        higher_score = readiness(higher, ratings)
        higher_missing = missing_milestones(higher, profile.milestones)
        if reached(higher_score) and not higher_missing:
            continue
        ids = _ordered_gaps(catalog, higher, profile, beyond=level)
        summary = (f"You meet {level.title} ({_pct(score)}); {higher.title} "
                   f"adds {_names(catalog, ids) or 'higher targets on skills you have'}")
        if higher_missing:
            summary += f" and asks for {_names(catalog, higher_missing)}"
        short = higher.years_min if years is not None and years < higher.years_min else None
        if short is not None:
            summary += f"; it needs {_years(short)}+ years, you have {_years(years or 0)}"
        summary += "."
        higher_unrated = _unrated_at(higher, profile)
        if higher_unrated:
            summary += " " + _rate_them(higher_unrated)
        return NextStep("level-up", role.id, higher.id, higher.title, higher_score, summary,
                        higher.salary, ids, higher_missing, higher.salary_note,
                        higher_unrated, short)
    moves = [catalog.roles[m] for m in role.moves if m in catalog.roles]
    if not moves:
        summary = (f"You meet the top level of {role.name} ({_pct(score)}) and it lists no "
                   "further moves; deepen your strongest skills or add a role pack with "
                   "your ladder.")
        return NextStep("none", None, None, None, None, summary, None, ())
    # The one ranking rule (scoring.rank_key): a move whose years you lack comes last.
    best = min((match_for(m, ratings, years, profile.milestones) for m in moves),
               key=rank_key)
    move_role = catalog.roles[best.role]
    move_level = comparison_level(move_role, years)
    kind = "leadership" if move_role.leadership else "lateral"
    ids = _ordered_gaps(catalog, move_level, profile)
    what = "step up" if kind == "leadership" else "move"
    summary = (f"You meet the top level of {role.name} ({_pct(score)}); your best {what} is "
               f"to {move_level.title}, where you are {_pct(best.readiness)} ready"
               + (f"; close {_names(catalog, ids)}." if ids else "."))
    if best.needs_years is not None:
        summary += (f" It needs {_years(best.needs_years)}+ years; "
                    f"you have {_years(years or 0)}.")
    move_unrated = _unrated_at(move_level, profile)
    if move_unrated:
        summary += " " + _rate_them(move_unrated)
    return NextStep(kind, move_role.id, move_level.id, move_level.title, best.readiness,
                    summary, move_level.salary, ids, (), move_level.salary_note, move_unrated,
                    best.needs_years)


def _level_of(level: Level, skill: str) -> int:
    req = level.requirement(skill)
    return req.level if req else 0


def assess(*, catalog: Catalog, profile: Profile, role: Role | None = None,
           level: Level | None = None, chosen: str = "option") -> Report:
    """The whole gap report for one profile against one role level.

    With no role, the profile's best fit (at its comparison level) is the target;
    when there is none (nothing rated, or no role fits the years) the top of the
    ranking stands in and ``target_chosen`` is "none", so renderers can say so.
    With a role but no level, the role's comparison level is used.
    """
    ratings = profile.skills
    years = profile.years_experience
    if role is None:
        chosen = "best-fit" if best_fit(catalog, ratings, years) is not None else "none"
    # With years unknown, a level named by the person says which rung to compare
    # other roles at; else the comparison level's own rule applies.
    others_years = years if years is not None or level is None else level.years_min
    role, level = settle_target(catalog, ratings, years, role, level)
    rows = skill_rows(catalog, level, ratings, profile.unrated)
    score = readiness(level, ratings)
    gaps = build_gaps(catalog, rows)
    step = next_step(catalog, profile, role, level, score, gaps)
    return Report(
        profile_name=profile.name,
        profile_source=profile.source,
        years_experience=years,
        target=Target(role.id, role.name, level.id, level.title, level.salary,
                      level.salary_note),
        readiness=score,
        reached=reached(score),
        skills=tuple(rows),
        gaps=tuple(gaps),
        next_step=step,
        matches=tuple(rank_roles(catalog, ratings, others_years, exclude=[role.id],
                                 milestones=profile.milestones)[:OTHER_MATCHES]),
        milestones=tuple(milestone_rows(catalog, level, profile)),
        warnings=profile.warnings,
        target_chosen=chosen,
        unrated=tuple(sorted(s for s in profile.unrated if s in catalog.skills)),
        evidence=profile.evidence,
        checked=profile.checked,
        checks=checks(catalog, profile),
        backed_readiness=backed_readiness(level, profile),
    )
