"""Many profiles at once: where a group falls short of a role, and what training helps most.

Profiles are read one at a time and reduced to a ``Member`` (a byte per skill), so
memory grows by a small record per person, never by whole profiles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from mlpath.engine.checks import backed_ratings
from mlpath.engine.resources import COST_ORDER
from mlpath.engine.scoring import (
    Prepared,
    comparison_level,
    has_ratings,
    prepare,
    reached,
    score,
    years_needed,
)
from mlpath.model import Catalog, Level, Profile, Role
from mlpath.reports import Member, TeamGap, TeamMilestone, TeamPerson, TeamReport, TeamSkill

TOP_TEAM_GAPS = 5
TOP_PERSON_GAPS = 5  # kept per person, for the CSV
HEATMAP_PEOPLE = 40  # past this, a person-by-skill grid is unreadable in any terminal
RESOURCES_PER_TEAM_GAP = 2


class Matcher:
    """Reduces each profile to a ``Member``, with its best fit (the answer of
    ``scoring.best_fit``, through the same kernel, with each years value's comparison
    levels prepared once for the whole run)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.skill_ids = list(catalog.skills)
        self.roles = sorted(catalog.roles.values(), key=lambda r: r.id)
        self._by_years: dict[float | None, list[tuple[str, Level, Prepared]]] = {}

    def _levels(self, years: float | None) -> list[tuple[str, Level, Prepared]]:
        """The roles a person with ``years`` may have as best fit, at their comparison level."""
        found = self._by_years.get(years)
        if found is None:
            found = [(r.id, level, prepare(level)) for r in self.roles
                     if years_needed(r, years) is None
                     for level in (comparison_level(r, years),)]
            self._by_years[years] = found
        return found

    def member(self, profile: Profile) -> Member:
        get = profile.skills.get
        best_id, best_level, best_score = "", "", 0.0
        if has_ratings(profile.skills):
            best_score = -1.0
            for role_id, level, prepared in self._levels(profile.years_experience):
                value = score(prepared, [get(sid, 0) for sid in prepared.skills])
                if value > best_score:  # roles come sorted by id: ties keep the first
                    best_id, best_level, best_score = role_id, level.id, value
            best_score = max(best_score, 0.0)
        vector = bytes([get(sid, 0) for sid in self.skill_ids])
        backed = backed_ratings(profile).get
        return Member(profile.name or profile.source, profile.source, vector,
                      profile.milestones, profile.target, best_id, best_score,
                      profile.years_experience, best_level,
                      bytes([backed(sid, 0) for sid in self.skill_ids]))


def team_level(role: Role, members: Sequence[Member]) -> Level:
    """One level for the whole team: the comparison level most of its people have
    (DESIGN §2, applied to each person's years); on a tie, the lower level."""
    counts = Counter(comparison_level(role, m.years).id for m in members)
    if not counts:
        return comparison_level(role, None)
    order = {lv.id: i for i, lv in enumerate(role.levels)}
    top = min(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))[0]
    found = role.level(top)
    assert found is not None
    return found


def choose_target(catalog: Catalog, members: Sequence[Member], role: Role | None,
                  level: Level | None) -> tuple[Role, Level, str]:
    """The option's role; else the target most profiles name; else the most common best fit.

    Without a level, the team is compared at the comparison level most of its people
    have: one level for everyone, so the numbers add up.
    """
    how = "option"
    if role is None:
        targets = Counter(m.target for m in members if m.target)
        if targets:
            top = min(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            role_id, _, level_id = top.partition(":")  # checked when the profile was read
            role, how = catalog.roles[role_id], "target"
            level = role.level(level_id) if level_id else None
        else:
            fits = Counter(m.best_match for m in members if m.best_match)
            role_id = min(fits.items(), key=lambda kv: (-kv[1], kv[0]))[0] if fits else (
                next(iter(catalog.roles)))
            role, how = catalog.roles[role_id], "best-fit" if fits else "none"
    return role, level or team_level(role, members), how


def summarize(*, catalog: Catalog, members: Sequence[Member], role: Role, level: Level,
              chosen: str, skipped: int = 0) -> TeamReport:
    index = {sid: i for i, sid in enumerate(catalog.skills)}
    reqs = sorted(level.requirements, key=lambda r: (-r.weight, r.skill))
    # Each requirement as (position in the rating vector, skill, target, weight).
    plan = [(index[r.skill], r.skill, r.level, r.weight) for r in reqs]
    positions = [index[sid] for sid in prepare(level).skills]
    people = [_person(m, plan, positions, level) for m in members]
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


def _person(m: Member, plan: list[tuple[int, str, int, float]], positions: list[int],
            level: Level) -> TeamPerson:
    """One person at the team's level, straight from the rating vector (a hot loop)."""
    ratings = m.ratings
    value = score(prepare(level), [ratings[at] for at in positions])
    gaps = sorted((-weight * (target - ratings[at]), sid, ratings[at], target)
                  for at, sid, target, weight in plan if ratings[at] < target)
    missing = tuple(mid for mid in level.milestones_required if mid not in m.milestones)
    backed = (score(prepare(level), [m.backed[at] for at in positions]) if m.backed
              else value)
    return TeamPerson(m.name, m.source, value, reached(value), m.best_match,
                      m.best_readiness, tuple((s, c, t) for _, s, c, t in gaps[:TOP_PERSON_GAPS]),
                      missing, m.best_level, backed)


def _team_gap(catalog: Catalog, s: TeamSkill, members: Iterable[Member],
              index: dict[str, int], priority: float) -> TeamGap:
    """The resources that serve the most people's missing levels, free first on a tie."""
    currents = [m.ratings[index[s.id]] for m in members]
    short = [c for c in currents if c < s.required]
    scored = []
    for order, r in enumerate(catalog.skills[s.id].resources):
        served = sum(1 for c in short if r.serves(c + 1, s.required))
        if served:
            scored.append((-served, COST_ORDER.get(r.cost, 3), order, r, served))
    scored.sort(key=lambda t: t[:3])
    picked = tuple((r, served) for *_, r, served in scored[:RESOURCES_PER_TEAM_GAP])
    return TeamGap(s.id, s.name, s.below, priority, picked)
