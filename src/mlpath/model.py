"""Plain data: the catalogue (skills, roles, milestones), a profile, and the reports.

Nothing here does I/O or knows about YAML, rich or the command line. The records
are immutable ``NamedTuple``s rather than frozen dataclasses: they are built on
every run, and a frozen dataclass costs about four times as much to define,
which is felt in start-up (DESIGN §7). Mappings are typed ``Mapping`` so that
nothing can change them in place.
"""

from collections.abc import Mapping
from typing import NamedTuple

LEVELS = range(6)
GENERIC_RUBRIC: tuple[str, ...] = (
    "None: no exposure yet.",
    "Awareness: knows the terms; follows a tutorial step by step.",
    "Assisted: does well-defined tasks with standard tools, under review.",
    "Independent: applies it alone to new problems, picks among standard approaches, "
    "debugs common failures.",
    "Advanced: handles ambiguous problems, designs solutions, reviews and guides others.",
    "Expert: sets standards across teams; recognised outside the organisation.",
)
SCALE_NAMES = ("none", "awareness", "assisted", "independent", "advanced", "expert")
RESOURCE_KINDS = ("book", "course", "docs", "video", "practice", "paper", "certification")
COSTS = ("free", "freemium", "paid")
READY_AT = 85.0


class Resource(NamedTuple):
    title: str
    url: str | None
    kind: str
    cost: str
    hours: float | None = None
    levels: tuple[int, int] | None = None  # the skill levels it helps reach, inclusive

    def serves(self, low: int, high: int) -> bool:
        """Whether it helps with any level in ``low..high``."""
        return self.levels is None or (self.levels[0] <= high and low <= self.levels[1])


class Skill(NamedTuple):
    id: str
    name: str
    category: str
    description: str
    prerequisites: tuple[str, ...] = ()
    rubric: tuple[str, ...] = GENERIC_RUBRIC
    resources: tuple[Resource, ...] = ()
    # checklist[n - 1]: what a person at level n has done in the last year (levels 1-5)
    checklist: tuple[tuple[str, ...], ...] = ()
    aliases: tuple[str, ...] = ()  # words and tools that signal the skill in a job ad


class Requirement(NamedTuple):
    skill: str
    level: int
    weight: float = 1.0


class SalaryBand(NamedTuple):
    min: int
    max: int | None  # None: "exceeding min"
    source: str
    basis: str = "general"  # "role": the guide's figure for this role; "general": for the stage


class Level(NamedTuple):
    id: str
    title: str
    years_min: float
    years_max: float | None
    salary: SalaryBand | None
    requirements: tuple[Requirement, ...]
    milestones_required: tuple[str, ...] = ()
    milestones_recommended: tuple[str, ...] = ()
    salary_note: str | None = None  # why there is no band, when ``salary`` is None

    def requirement(self, skill: str) -> Requirement | None:
        for req in self.requirements:
            if req.skill == skill:
                return req
        return None


class Role(NamedTuple):
    id: str
    name: str
    summary: str
    responsibilities: tuple[str, ...]
    moves: tuple[str, ...]
    levels: tuple[Level, ...]
    leadership: bool = False
    origin: str = "built-in"

    def level(self, level_id: str) -> Level | None:
        for level in self.levels:
            if level.id == level_id:
                return level
        return None


class Milestone(NamedTuple):
    id: str
    name: str
    category: str
    description: str
    how: str
    hours: float | None = None
    resources: tuple[Resource, ...] = ()


class Catalog(NamedTuple):
    skills: Mapping[str, Skill]
    roles: Mapping[str, Role]
    milestones: Mapping[str, Milestone]


class Snapshot(NamedTuple):
    """Earlier ratings kept in a profile's ``history``."""

    date: str
    skills: Mapping[str, int]
    years_experience: float | None = None


class Profile(NamedTuple):
    skills: Mapping[str, int]
    name: str | None = None
    years_experience: float | None = None
    target: str | None = None
    # skill id -> links, local paths or notes; shared default: safe, as Mapping cannot be mutated
    evidence: Mapping[str, tuple[str, ...]] = {}
    milestones: tuple[str, ...] = ()
    history: tuple[Snapshot, ...] = ()
    source: str = "-"
    warnings: tuple[str, ...] = ()
    # skills marked ``null`` ("not rated"): they count as 0 but are reported apart
    unrated: frozenset[str] = frozenset()
    # skill id -> the date (YYYY-MM-DD) its rating was checked against the skill's
    # behavioural checklist in the interview
    checked: Mapping[str, str] = {}

    def rating(self, skill: str) -> int:
        return self.skills.get(skill, 0)


# --- reports -------------------------------------------------------------------------


class Target(NamedTuple):
    role: str
    name: str
    level: str
    title: str
    salary: SalaryBand | None
    salary_note: str | None = None  # why there is no band, when ``salary`` is None


class SkillRow(NamedTuple):
    id: str
    name: str
    category: str
    current: int
    required: int
    weight: float
    gap: int
    status: str  # met | gap | exceeds
    contribution: float  # weight * min(current, required)
    possible: float  # weight * required
    learn_first: tuple[str, ...] = ()  # prerequisites that block this gap (DESIGN §2)
    unrated: bool = False  # marked "not rated" in the profile: counts as 0


class Gap(NamedTuple):
    id: str
    name: str
    current: int
    required: int
    gap: int
    weight: float
    priority: float
    resources: tuple[Resource, ...]
    learn_first: tuple[str, ...] = ()
    unrated: bool = False
    # per listed resource: the levels being climbed that it serves, and the other gaps
    # (skill ids) that list it too
    serves: tuple[tuple[int, ...], ...] = ()
    also_for: tuple[tuple[str, ...], ...] = ()
    uncovered: tuple[int, ...] = ()  # levels being climbed that no resource serves


class Match(NamedTuple):
    role: str
    name: str
    level: str
    title: str
    readiness: float
    needs_years: float | None = None  # the lowest level's years, when the person has fewer
    # the level's required milestones the person lacks (ids, and their names to show)
    missing_milestones: tuple[str, ...] = ()
    missing_names: tuple[str, ...] = ()


class NextStep(NamedTuple):
    kind: str  # close-gaps | level-up | lateral | leadership | none
    role: str | None
    level: str | None
    title: str | None
    readiness: float | None
    summary: str
    salary: SalaryBand | None
    gaps: tuple[str, ...]
    blocking_milestones: tuple[str, ...] = ()
    salary_note: str | None = None  # why there is no band, when ``salary`` is None
    unrated: tuple[str, ...] = ()  # the level's skills not rated: to rate, not to close
    needs_years: float | None = None  # the step's years.min, when the person has fewer


class MilestoneRow(NamedTuple):
    id: str
    name: str
    met: bool
    required: bool
    why: str
    how: str


class Check(NamedTuple):
    """A consistency check that fired: advice about the ratings, never a change to them."""

    kind: str  # flat | prerequisite | experience | unbacked
    skills: tuple[str, ...]  # the skill ids it is about
    message: str  # what looks odd, naming the skills
    advice: str  # what to do about it


class Report(NamedTuple):
    profile_name: str | None
    profile_source: str
    years_experience: float | None
    target: Target
    readiness: float
    reached: bool
    skills: tuple[SkillRow, ...]
    gaps: tuple[Gap, ...]
    next_step: NextStep
    matches: tuple[Match, ...]
    milestones: tuple[MilestoneRow, ...]
    warnings: tuple[str, ...]
    target_chosen: str  # "profile", "option", "best-fit" or "none" (no best fit): how picked
    unrated: tuple[str, ...] = ()  # the profile's skills marked "not rated"
    evidence: Mapping[str, tuple[str, ...]] = {}  # the profile's evidence, by skill id
    checked: Mapping[str, str] = {}  # the profile's checklist checks: skill id -> date
    checks: tuple[Check, ...] = ()  # consistency checks that fired (engine/checks.py)
    # the readiness with each rating that has neither evidence nor a check one level
    # lower; None only for reports built without it
    backed_readiness: float | None = None
