"""Many profiles at once: where a group falls short of a role, and what training helps most.

Profiles are read one at a time and reduced to a ``Member`` (a byte per skill), so
memory grows by a small record per person, never by whole profiles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from mlpath.engine.assess import comparison_level, round_half_up
from mlpath.model import READY_AT, Catalog, Level, Profile, Role
from mlpath.reports import Member, TeamGap, TeamMilestone, TeamPerson, TeamReport, TeamSkill

TOP_TEAM_GAPS = 5
TOP_PERSON_GAPS = 5  # kept per person, for the CSV
HEATMAP_PEOPLE = 40  # past this, a person-by-skill grid is unreadable in any terminal
RESOURCES_PER_TEAM_GAP = 2
_COST_ORDER = {"free": 0, "freemium": 1, "paid": 2}


class Matcher:
    """Finds each person's best-matching role quickly: the same answer as ``best_match``,
    with every level's requirements and total prepared once for the whole run."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.skill_ids = list(catalog.skills)
        self.roles = [
            (role.id, [(lv, [(r.skill, r.level, r.weight) for r in lv.requirements],
                        sum(r.level * r.weight for r in lv.requirements))
                       for lv in role.levels])
            for role in sorted(catalog.roles.values(), key=lambda r: r.id)]

    def member(self, profile: Profile) -> Member:
        get = profile.skills.get
        years = profile.years_experience
        best_id, best_score = "", -1.0
        for role_id, levels in self.roles:
            level = comparison_level(self.catalog.roles[role_id], years)
            for candidate, requirements, need in levels:
                if candidate is level:
                    have = 0.0
                    for skill, target, weight in requirements:
                        current = get(skill, 0)
                        have += weight * (current if current < target else target)
                    score = round_half_up(100 * have / need) if need else 100.0
                    if score > best_score:  # roles come sorted by id: ties keep the first
                        best_id, best_score = role_id, score
                    break
        vector = bytes([get(sid, 0) for sid in self.skill_ids])
        return Member(profile.name or profile.source, profile.source, vector,
                      profile.milestones, profile.target, best_id, best_score)



def choose_target(catalog: Catalog, members: Sequence[Member], role: Role | None,
                  level: Level | None) -> tuple[Role, Level, str]:
    """The option's role; else the target most profiles name; else the most common best fit.

    Without a level, the team is compared at the role's middle level (its comparison
    level when years are unknown): one level for everyone, so the numbers add up.
    """
    how = "option"
    if role is None:
        targets = Counter(m.target for m in members if m.target)
        if targets:
            top = min(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            role_id, _, level_id = top.partition(":")
            role, how = catalog.roles[role_id], "target"
            level = role.level(level_id) if level_id else None
        else:
            fits = Counter(m.best_match for m in members)
            role_id = min(fits.items(), key=lambda kv: (-kv[1], kv[0]))[0] if fits else (
                next(iter(catalog.roles)))
            role, how = catalog.roles[role_id], "best-fit"
    return role, level or comparison_level(role, None), how


def summarize(*, catalog: Catalog, members: Sequence[Member], role: Role, level: Level,
              chosen: str, skipped: int = 0) -> TeamReport:
    index = {sid: i for i, sid in enumerate(catalog.skills)}
    reqs = sorted(level.requirements, key=lambda r: (-r.weight, r.skill))
    # Each requirement as (position in the rating vector, skill, target, weight).
    plan = [(index[r.skill], r.skill, r.level, r.weight) for r in reqs]
    need = sum(w * t for _, _, t, w in plan)
    people = [_person(m, plan, need, level) for m in members]
    skills = []
    priority: dict[str, float] = {}
    for at, sid, target, weight in plan:
        gaps = [target - m.ratings[at] for m in members if m.ratings[at] < target]
        priority[sid] = weight * sum(gaps)
        skills.append(TeamSkill(sid, catalog.skills[sid].name, target, weight, len(gaps),
                                round(sum(gaps) / len(members), 2) if members else 0.0,
                                max(gaps, default=0)))
    top = sorted((s for s in skills if s.below), key=lambda s: (-priority[s.id], s.id))
    top_gaps = tuple(_team_gap(catalog, s, members, index, priority[s.id])
                     for s in top[:TOP_TEAM_GAPS])
    milestones = tuple(
        TeamMilestone(mid, catalog.milestones[mid].name, required,
                      sum(1 for m in members if mid not in m.milestones))
        for required, ids in ((True, level.milestones_required),
                              (False, level.milestones_recommended))
        for mid in ids if mid in catalog.milestones)
    heatmap = tuple(tuple(max(0, target - m.ratings[at]) for at, _, target, _ in plan)
                    for m in members) if len(members) <= HEATMAP_PEOPLE else ()
    return TeamReport(role, level, chosen, len(members), skipped, tuple(skills), tuple(people),
                      top_gaps, milestones, heatmap)


def _person(m: Member, plan: list[tuple[int, str, int, float]], need: float,
            level: Level) -> TeamPerson:
    """One person at the team's level, straight from the rating vector (a hot loop)."""
    have = 0.0
    gaps = []
    for at, sid, target, weight in plan:
        current = m.ratings[at]
        if current < target:
            have += weight * current
            gaps.append((-weight * (target - current), sid, current, target))
        else:
            have += weight * target
    score = round_half_up(100 * have / need) if need else 100.0
    gaps.sort()
    missing = tuple(mid for mid in level.milestones_required if mid not in m.milestones)
    return TeamPerson(m.name, m.source, score, score >= READY_AT, m.best_match,
                      m.best_readiness, tuple((s, c, t) for _, s, c, t in gaps[:TOP_PERSON_GAPS]),
                      missing)


def _team_gap(catalog: Catalog, s: TeamSkill, members: Iterable[Member],
              index: dict[str, int], priority: float) -> TeamGap:
    """The resources that serve the most people's missing levels, free first on a tie."""
    currents = [m.ratings[index[s.id]] for m in members]
    short = [c for c in currents if c < s.required]
    scored = []
    for order, r in enumerate(catalog.skills[s.id].resources):
        served = sum(1 for c in short if r.serves(c + 1, s.required))
        if served:
            scored.append((-served, _COST_ORDER.get(r.cost, 3), order, r, served))
    scored.sort(key=lambda t: t[:3])
    picked = tuple((r, served) for *_, r, served in scored[:RESOURCES_PER_TEAM_GAP])
    return TeamGap(s.id, s.name, s.below, priority, picked)
