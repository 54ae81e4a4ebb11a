"""A learning plan: the gaps as steps in an order that respects prerequisites, with hours.

Pure functions over the model. The rules, documented in the README:

- One step per gap of the target level, from the current rating to the required one.
- A step to level r needs its prerequisites at ``min(r - 1, 3)``: one level below, and
  never more than "independent" (``engine.prerequisites``, the rule the report's
  "learn X first" uses too). A prerequisite the person already has at that level
  blocks nothing. One the role does not require, but that is below that level,
  becomes a step of its own (``prerequisite_only``).
- Order: a step comes after the steps of the prerequisites that block it (directly or
  not); among the steps that are free to go next, the most urgent goes first, then the
  id. A step's urgency is its own priority (weight x gap) or that of the most urgent
  step waiting for it, whichever is higher: what unblocks the top gap is learned early.
- Hours: each level a step climbs is covered by a picked resource with known hours when
  there is one (its hours spread over the levels of the step it serves), else by the
  per-level estimate below, and then the step is marked ``estimated``. A resource counts
  its hours once: a level a later step climbs with a resource an earlier step already
  counted (the same URL, else title) costs nothing more, and that step says "also for"
  the earlier one.
- Missing required milestones follow as steps of their own, with their estimate.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Mapping
from typing import NamedTuple

from mlpath.engine.prerequisites import blockers, needed_level
from mlpath.engine.resources import pick_resources, resource_key
from mlpath.engine.scoring import readiness
from mlpath.model import Catalog, Level, Profile, Resource, Role
from mlpath.reports import Plan, Step

# Hours to climb *to* each level (index = level). mlpath's own estimate, calibrated on the
# guide's bootcamps of "12 to 24 weeks": taking the ~16 skills of an entry-level ML
# engineer from 0 to 2-3 this way sums to 500-800 hours, 12-20 full-time weeks.
HOURS_TO_LEVEL = (0, 5, 15, 30, 60, 100)
MILESTONE_HOURS = 40.0  # a milestone with no estimate of its own (a portfolio project)


class _Draft(NamedTuple):
    skill: str
    start: int
    end: int
    priority: float
    prerequisite_only: bool


__all__ = ["make_plan", "needed_level", "order_steps", "step_hours"]


def _drafts(catalog: Catalog, level: Level, ratings: Mapping[str, int]) -> dict[str, _Draft]:
    drafts = {req.skill: _Draft(req.skill, ratings.get(req.skill, 0), req.level,
                                req.weight * (req.level - ratings.get(req.skill, 0)), False)
              for req in level.requirements if ratings.get(req.skill, 0) < req.level}
    required = {req.skill for req in level.requirements}
    pending = list(drafts.values())
    while pending:
        step = pending.pop()
        for pre in catalog.skills[step.skill].prerequisites:
            if pre in required or pre not in catalog.skills:
                continue
            want = needed_level(step.end)
            have = ratings.get(pre, 0)
            if have >= want:  # met at the level the step needs: blocks nothing
                continue
            old = drafts.get(pre)
            if old is None or want > old.end or step.priority > old.priority:
                new = _Draft(pre, have, max(want, old.end if old else 0),
                             max(step.priority, old.priority if old else 0.0), True)
                drafts[pre] = new
                pending.append(new)
    return drafts


def order_steps(catalog: Catalog, drafts: Mapping[str, _Draft], ratings: Mapping[str, int]
                ) -> list[_Draft]:
    """Blocking prerequisites first; among the steps free to go, the most urgent, then id."""
    waiting = {sid: set(blockers(catalog, sid, d.end, ratings)) & set(drafts)
               for sid, d in drafts.items()}
    urgency = {sid: max([d.priority] + [drafts[o].priority for o in drafts
                                         if sid in waiting[o]]) for sid, d in drafts.items()}
    ready = [(-urgency[sid], sid) for sid in drafts if not waiting[sid]]
    heapq.heapify(ready)
    ordered: list[_Draft] = []
    while ready:
        _, sid = heapq.heappop(ready)
        ordered.append(drafts[sid])
        for other, pending in waiting.items():
            if sid in pending:
                pending.discard(sid)
                if not pending:
                    heapq.heappush(ready, (-urgency[other], other))
    return ordered


def step_hours(resources: tuple[Resource, ...], start: int, end: int) -> tuple[float, bool]:
    """Hours to climb from ``start`` to ``end``, and whether any level was estimated."""
    hours, estimated, _ = _climb(resources, start, end, ())
    return hours, estimated


def _climb(resources: tuple[Resource, ...], start: int, end: int, counted: Collection[str]
           ) -> tuple[float, bool, tuple[str, ...]]:
    """``step_hours``, where a level served by a resource in ``counted`` (keys of
    resources whose hours are already in the plan) costs nothing; and the keys of the
    resources whose hours this climb counts."""
    total, estimated, used = 0.0, False, []
    for lvl in range(start + 1, end + 1):
        timed = [r for r in resources if r.hours is not None and r.serves(lvl, lvl)]
        if any(resource_key(r) in counted for r in timed):
            continue  # learned with a course counted already: it costs no more hours
        if timed:
            r = timed[0]
            span = (range(max(start + 1, r.levels[0]), min(end, r.levels[1]) + 1)
                    if r.levels else range(start + 1, end + 1))
            total += (r.hours or 0.0) / len(span)
            if resource_key(r) not in used:
                used.append(resource_key(r))
        else:
            total += HOURS_TO_LEVEL[lvl]
            estimated = True
    return round(total, 1), estimated, tuple(used)


def make_plan(*, catalog: Catalog, profile: Profile, role: Role, level: Level,
              hours_per_week: float = 5.0) -> Plan:
    ratings = profile.skills
    ordered = order_steps(catalog, _drafts(catalog, level, ratings), ratings)
    steps: list[Step] = []
    done = 0.0
    counted: dict[str, str] = {}  # resource key -> the step whose hours count it
    for draft in ordered:
        skill = catalog.skills[draft.skill]
        picked = pick_resources(skill.resources, draft.start, draft.end)
        hours, estimated, used = _climb(picked, draft.start, draft.end, counted)
        counted.update((key, draft.skill) for key in used if key not in counted)
        steps.append(_timed(draft.skill, skill.name, draft.start, draft.end, hours, estimated,
                            done, hours_per_week, draft.prerequisite_only, False,
                            draft.priority, picked))
        done += hours
    for mid in level.milestones_required:
        if mid in profile.milestones or mid not in catalog.milestones:
            continue
        milestone = catalog.milestones[mid]
        hours = milestone.hours if milestone.hours is not None else MILESTONE_HOURS
        steps.append(_timed(mid, milestone.name, 0, 1, hours, True, done, hours_per_week,
                            False, True, 0.0, milestone.resources))
        done += hours
    return Plan(role, level, readiness(level, ratings), hours_per_week, round(done, 1),
                math.ceil(round(done / hours_per_week, 6)) if done else 0,
                _shared(steps, counted))


def _shared(steps: list[Step], counted: Mapping[str, str]) -> tuple[Step, ...]:
    """Each step with, per resource, the other skill steps that list it (in plan order)
    and the step whose hours count it (None: no step counts its hours)."""
    listed: dict[str, list[str]] = {}
    for step in steps:
        if not step.milestone:
            for r in step.resources:
                listed.setdefault(resource_key(r), []).append(step.skill)
    out = []
    for step in steps:
        if step.milestone:
            out.append(step)
            continue
        keys = [resource_key(r) for r in step.resources]
        out.append(step._replace(
            also_for=tuple(tuple(o for o in listed[k] if o != step.skill) for k in keys),
            counted_in=tuple(counted.get(k) for k in keys)))
    return tuple(out)


def _timed(sid: str, name: str, start: int, end: int, hours: float, estimated: bool,
           before: float, per_week: float, prerequisite_only: bool, milestone: bool,
           priority: float, resources: tuple[Resource, ...]) -> Step:
    first = math.floor(round(before / per_week, 6)) + 1
    last = max(first, math.ceil(round((before + hours) / per_week, 6)))
    return Step(sid, name, start, end, hours, estimated, first, last, prerequisite_only,
                milestone, priority, resources)
