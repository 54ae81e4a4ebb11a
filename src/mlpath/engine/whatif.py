"""What if you learned X? Readiness before and after a change to a profile.

Pure functions over the model. The rules, documented in the README:

- A change is a set of new ratings (``--set SKILL=N``), the plan's steps for the
  target taken in order until an hour budget is spent (``--hours N``), or both: the
  ratings first, then the plan for the profile they make.
- Only whole steps are taken: the first step that does not fit in the hours left
  ends the walk (it is reported as ``next_step`` with its hours), and the unused
  hours are reported. A step is never taken in part, because a level half-climbed
  is not a rating.
- A plan's milestone step adds the milestone to the profile; it costs hours and
  moves no readiness.
- Readiness comes from the scoring kernel (``engine.scoring``): every role at its
  comparison level (the person's years do not change), and the target at its own
  level. So a what-if equals assessing the edited profile (``edited``).
- The hours a change costs are the plan's estimates (``engine.plan.step_hours`` over
  the resources ``engine.resources`` picks); lowering a rating costs nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from mlpath.engine.plan import make_plan, step_hours
from mlpath.engine.resources import pick_resources
from mlpath.engine.scoring import (
    best_fit,
    comparison_level,
    reached,
    readiness,
    round_half_up,
    years_needed,
)
from mlpath.model import Catalog, Level, Profile, Role, SalaryBand


class Change(NamedTuple):
    """One rating that changes: by ``--set`` ("set") or by a plan step ("plan")."""

    skill: str
    name: str
    before: int
    after: int
    hours: float
    estimated: bool  # some level's hours are mlpath's per-level estimate
    via: str  # set | plan


class MilestoneGain(NamedTuple):
    id: str
    name: str
    hours: float
    estimated: bool


class Shift(NamedTuple):
    """A role level's readiness before and after the change."""

    role: str
    name: str
    level: str
    title: str
    before: float
    after: float
    needs_years: float | None = None  # the lowest level's years, when the person has fewer

    @property
    def change(self) -> float:
        return round_half_up(self.after - self.before)

    @property
    def crossed(self) -> str | None:
        """"up" when the change makes it ready, "down" when it stops being ready."""
        if reached(self.after) and not reached(self.before):
            return "up"
        if reached(self.before) and not reached(self.after):
            return "down"
        return None


class Fit(NamedTuple):
    """A best fit, with the salary band of its level as the guide states it."""

    role: str
    name: str
    level: str
    title: str
    readiness: float
    salary: SalaryBand | None
    salary_note: str | None


class Skipped(NamedTuple):
    """The plan step that did not fit in the hours left."""

    id: str
    name: str
    hours: float
    milestone: bool


class WhatIf(NamedTuple):
    profile_name: str | None
    profile_source: str
    years_experience: float | None
    target: Shift | None  # the role (and level) given or in the profile, else None
    target_chosen: str  # option | profile | best-fit
    changes: tuple[Change, ...]
    milestones: tuple[MilestoneGain, ...]
    hours: float  # what the change costs by the plan's estimates
    hours_budget: float | None  # --hours, when given
    hours_left: float | None
    next_step: Skipped | None  # the first plan step the budget did not cover
    roles: tuple[Shift, ...]  # every role at its comparison level, after high first
    best_before: Fit | None
    best_after: Fit | None
    warnings: tuple[str, ...] = ()

    @property
    def crossed(self) -> tuple[Shift, ...]:
        return tuple(s for s in self.roles if s.crossed == "up")

    @property
    def dropped(self) -> tuple[Shift, ...]:
        return tuple(s for s in self.roles if s.crossed == "down")


def edited(profile: Profile, changes: tuple[Change, ...],
           milestones: tuple[MilestoneGain, ...] = ()) -> Profile:
    """The profile with the change made: the one ``assess`` would read back."""
    skills = dict(profile.skills)
    for change in changes:
        skills[change.skill] = change.after
    touched = {c.skill for c in changes}
    added = tuple(m.id for m in milestones if m.id not in profile.milestones)
    return profile._replace(skills=skills, unrated=profile.unrated - touched,
                            milestones=profile.milestones + added)


def set_change(catalog: Catalog, ratings: Mapping[str, int], skill: str, value: int) -> Change:
    """A ``--set``: the hours to climb from the current rating, by the plan's estimates."""
    entry = catalog.skills[skill]
    before = ratings.get(skill, 0)
    if value <= before:
        return Change(skill, entry.name, before, value, 0.0, False, "set")
    hours, estimated = step_hours(pick_resources(entry.resources, before, value), before, value)
    return Change(skill, entry.name, before, value, hours, estimated, "set")


def _fit(catalog: Catalog, profile: Profile) -> Fit | None:
    match = best_fit(catalog, profile.skills, profile.years_experience)
    if match is None:
        return None
    level = catalog.roles[match.role].level(match.level)
    assert level is not None
    return Fit(match.role, match.name, level.id, level.title, match.readiness, level.salary,
               level.salary_note)


def _shifts(catalog: Catalog, old: Profile, new: Profile) -> list[Shift]:
    years = old.years_experience
    out = []
    for role in catalog.roles.values():
        level = comparison_level(role, years)
        out.append(Shift(role.id, role.name, level.id, level.title,
                         readiness(level, old.skills), readiness(level, new.skills),
                         years_needed(role, years)))
    # as scoring.rank_key: the roles your years reach first
    return sorted(out, key=lambda s: (s.needs_years is not None, -s.after, -s.before, s.role))


def what_if(*, catalog: Catalog, profile: Profile, sets: Mapping[str, int] | None = None,
            hours: float | None = None, role: Role | None = None, level: Level | None = None,
            chosen: str = "option") -> WhatIf:
    """Readiness before and after ``sets`` (skill id -> new rating) and ``hours`` of the
    plan for the target (``role``/``level``; else the best fit after ``sets``).

    Skill ids in ``sets`` must be in the catalogue and ratings 0-5 (the caller checks).
    With ``hours`` and no role, there must be a best fit (the caller checks).
    """
    changes = [set_change(catalog, profile.skills, s, v) for s, v in (sets or {}).items()]
    changes = [c for c in changes if c.after != c.before]
    after = edited(profile, tuple(changes))
    gained: list[MilestoneGain] = []
    skipped: Skipped | None = None
    left: float | None = None
    if hours is not None:
        plan_role, plan_level = role, level
        if plan_role is None:
            fit = _fit(catalog, after)
            assert fit is not None, "what_if: --hours needs a role or a best fit"
            plan_role = catalog.roles[fit.role]
        plan_level = plan_level or comparison_level(plan_role, profile.years_experience)
        plan = make_plan(catalog=catalog, profile=after, role=plan_role, level=plan_level)
        left = hours
        for step in plan.steps:
            if step.hours > left + 1e-9:
                skipped = Skipped(step.skill, step.name, step.hours, step.milestone)
                break
            left = round(left - step.hours, 1)
            if step.milestone:
                gained.append(MilestoneGain(step.skill, step.name, step.hours, step.estimated))
            else:
                changes.append(Change(step.skill, step.name, step.start, step.end, step.hours,
                                      step.estimated, "plan"))
        after = edited(after, tuple(c for c in changes if c.via == "plan"), tuple(gained))
    target = None
    if role is not None:
        at = level or comparison_level(role, profile.years_experience)
        target = Shift(role.id, role.name, at.id, at.title, readiness(at, profile.skills),
                       readiness(at, after.skills))
    cost = round(sum(c.hours for c in changes) + sum(m.hours for m in gained), 1)
    return WhatIf(
        profile_name=profile.name, profile_source=profile.source,
        years_experience=profile.years_experience, target=target,
        target_chosen=chosen if role is not None else "best-fit",
        changes=tuple(changes), milestones=tuple(gained), hours=cost, hours_budget=hours,
        hours_left=left, next_step=skipped, roles=tuple(_shifts(catalog, profile, after)),
        best_before=_fit(catalog, profile), best_after=_fit(catalog, after),
        warnings=profile.warnings)
