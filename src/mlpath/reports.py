"""The records that plan, diff, progress and team report: plain, immutable data.

They live apart from ``model.py`` so that the commands that do not need them (assess
above all) do not pay to define them at start-up.
"""

from __future__ import annotations

from typing import NamedTuple

from mlpath.model import Level, Resource, Role


class Step(NamedTuple):
    skill: str  # a skill id, or a milestone id for a milestone step
    name: str
    start: int  # the current level ("from")
    end: int  # the level to reach ("to")
    hours: float
    estimated: bool
    start_week: int
    end_week: int
    prerequisite_only: bool
    milestone: bool
    priority: float
    resources: tuple[Resource, ...]


class Plan(NamedTuple):
    role: Role
    level: Level
    readiness: float
    hours_per_week: float
    total_hours: float
    weeks: int
    steps: tuple[Step, ...]


class SkillChange(NamedTuple):
    id: str
    name: str
    before: int | None  # None: not in that profile
    after: int | None
    change: int


class RoleChange(NamedTuple):
    role: str
    name: str
    level: str
    title: str
    before: float
    after: float
    change: float


class Diff(NamedTuple):
    old_source: str
    new_source: str
    skills: tuple[SkillChange, ...]
    roles: tuple[RoleChange, ...]
    milestones_added: tuple[tuple[str, str], ...] = ()  # (id, name)
    milestones_removed: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()  # e.g. the two files name different people


class Point(NamedTuple):
    date: str  # ISO date; the current ratings carry the date of the run
    readiness: float
    change: float | None = None  # against the point before
    current: bool = False  # the profile's ratings as they are now


class Progress(NamedTuple):
    role: Role
    level: Level
    points: tuple[Point, ...]
    ready_at: float = 85.0


class Member(NamedTuple):
    """What a team view keeps of one profile: a rating vector, not the profile itself."""

    name: str
    source: str
    ratings: bytes  # one byte per catalogue skill, in catalogue order
    milestones: tuple[str, ...]
    target: str | None
    best_match: str  # role id of the best fit; "" when there is none (nothing rated)
    best_readiness: float
    years: float | None = None
    best_level: str = ""  # the level the best fit was compared at
    backed: bytes = b""  # the backed ratings (engine/checks.py), in catalogue order


class TeamSkill(NamedTuple):
    id: str
    name: str
    required: int
    weight: float
    below: int  # how many people fall short
    mean_gap: float
    worst_gap: int


class TeamGap(NamedTuple):
    id: str
    name: str
    below: int
    priority: float  # the sum of weight x gap over the team
    resources: tuple[tuple[Resource, int], ...]  # with how many of the people each serves


class TeamPerson(NamedTuple):
    name: str
    source: str
    readiness: float
    reached: bool
    best_match: str
    best_readiness: float
    gaps: tuple[tuple[str, int, int], ...]  # (skill, current, required), by priority
    missing_milestones: tuple[str, ...]
    best_level: str = ""
    backed_readiness: float | None = None  # ratings without evidence or a check count 1 lower


class TeamMilestone(NamedTuple):
    id: str
    name: str
    required: bool
    missing: int


class TeamReport(NamedTuple):
    role: Role
    level: Level
    role_chosen: str  # option | target | best-fit
    members: int
    skipped: int
    skills: tuple[TeamSkill, ...]
    people: tuple[TeamPerson, ...]
    top_gaps: tuple[TeamGap, ...]
    milestones: tuple[TeamMilestone, ...]
    # For small teams only: each person's gap on each skill row, in the order of ``skills``.
    heatmap: tuple[tuple[int, ...], ...] = ()
