"""The records that plan, diff, progress and team report: plain, immutable data.

They live apart from ``model.py`` so that the commands that do not need them (assess
above all) do not pay to define them at start-up.
"""

from collections.abc import Mapping, Sequence
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
    # per resource: the other skill steps that list it, and the step whose hours count it
    also_for: tuple[tuple[str, ...], ...] = ()
    counted_in: tuple[str | None, ...] = ()


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
    # Second raters' ratings of this person: (reviewer, skill id -> rating), rated only.
    reviews: tuple[tuple[str, Mapping[str, int]], ...] = ()


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
    # The buy-list resources chosen for this skill, each with the buy list's serves count
    resources: tuple[tuple[Resource, int], ...]
    mean_gap: float = 0.0  # levels short, averaged over the whole team


class SkillReview(NamedTuple):
    """One skill rated by the person and by their reviewers."""

    id: str
    name: str
    required: int
    self_rating: int
    reviewers: tuple[tuple[str, int | None], ...]  # (reviewer, rating or None: not rated)
    reviewer_mean: float | None  # None: no reviewer rated it
    talk: str  # "blind-spot" (self >= reviewers + 2), "hidden-strength" (the reverse) or ""


class ReviewComparison(NamedTuple):
    """Self-ratings beside second raters' ratings, and readiness on each and on their mean."""

    reviewers: tuple[str, ...]
    skills: tuple[SkillReview, ...]
    readiness_self: float
    readiness_reviewers: float
    readiness_mean: float

    @property
    def blind_spots(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.skills if s.talk == "blind-spot")

    @property
    def hidden_strengths(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.skills if s.talk == "hidden-strength")


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
    # The resource chosen for each of ``gaps`` (the level-matched pick of assess), or None.
    chosen: tuple[Resource | None, ...] = ()
    review: ReviewComparison | None = None  # self against second raters, when reviewed
    backed_readiness: float | None = None  # ratings without evidence or a check count 1 lower


class BuyFor(NamedTuple):
    """One person a buy-list resource serves: the skills and levels it covers for them."""

    name: str
    skills: tuple[tuple[str, tuple[int, ...]], ...]  # (skill id, levels covered)


class BuyItem(NamedTuple):
    """A resource on the team's buy list, merged across the skills it was chosen for."""

    resource: Resource
    skills: tuple[str, ...]  # the skill ids it was chosen for, in the order first met
    serves: int  # how many people it was chosen for
    value: int  # levels it covers, summed over those people ("person-levels")
    person_hours: float | None  # its hours x serves; None when its hours are not known
    people: tuple[BuyFor, ...]  # the first BUY_NAMES of them, in team order
    # When its hours are not known: the plan's per-level estimate (plan.HOURS_TO_LEVEL)
    # summed over the levels it covers for every person it serves; else None.
    estimated_hours: float | None = None


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
    people: Sequence[TeamPerson]  # may be computed on demand, one person at a time
    top_gaps: tuple[TeamGap, ...]
    milestones: tuple[TeamMilestone, ...]
    # For small teams only: each person's gap on each skill row, in the order of ``skills``.
    heatmap: tuple[tuple[int, ...], ...] = ()
    buy: tuple[BuyItem, ...] = ()  # the buy list, highest value first, free first on a tie
    buy_hours: float = 0.0  # the team's total person-hours over the buy list (known hours)
    buy_hours_unknown: int = 0  # buy-list resources whose hours are not known
    reviewed: int = 0  # how many people have a second rater's review
    # buy_hours plus the estimates of the resources whose hours are not known
    buy_hours_total: float = 0.0
