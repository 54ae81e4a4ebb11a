"""Plain data: the catalogue (skills, roles, milestones), a profile, and the reports.

Nothing here does I/O or knows about YAML, rich or the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Resource:
    title: str
    url: str | None
    kind: str
    cost: str
    hours: float | None = None
    levels: tuple[int, int] | None = None  # the skill levels it helps reach, inclusive

    def serves(self, low: int, high: int) -> bool:
        """Whether it helps with any level in ``low..high``."""
        return self.levels is None or (self.levels[0] <= high and low <= self.levels[1])


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    description: str
    prerequisites: tuple[str, ...] = ()
    rubric: tuple[str, ...] = GENERIC_RUBRIC
    resources: tuple[Resource, ...] = ()


@dataclass(frozen=True)
class Requirement:
    skill: str
    level: int
    weight: float = 1.0


@dataclass(frozen=True)
class SalaryBand:
    min: int
    max: int | None  # None: "exceeding min"
    source: str


@dataclass(frozen=True)
class Level:
    id: str
    title: str
    years_min: float
    years_max: float | None
    salary: SalaryBand | None
    requirements: tuple[Requirement, ...]
    milestones_required: tuple[str, ...] = ()
    milestones_recommended: tuple[str, ...] = ()

    def requirement(self, skill: str) -> Requirement | None:
        for req in self.requirements:
            if req.skill == skill:
                return req
        return None


@dataclass(frozen=True)
class Role:
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


@dataclass(frozen=True)
class Milestone:
    id: str
    name: str
    category: str
    description: str
    how: str
    hours: float | None = None
    resources: tuple[Resource, ...] = ()


@dataclass(frozen=True)
class Catalog:
    skills: dict[str, Skill]
    roles: dict[str, Role]
    milestones: dict[str, Milestone] = field(default_factory=dict)


@dataclass(frozen=True)
class Snapshot:
    """Earlier ratings kept in a profile's ``history``."""

    date: str
    skills: dict[str, int]
    years_experience: float | None = None


@dataclass(frozen=True)
class Profile:
    skills: dict[str, int]
    name: str | None = None
    years_experience: float | None = None
    target: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    milestones: tuple[str, ...] = ()
    history: tuple[Snapshot, ...] = ()
    source: str = "-"
    warnings: tuple[str, ...] = ()

    def rating(self, skill: str) -> int:
        return self.skills.get(skill, 0)


# --- reports -------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    role: str
    name: str
    level: str
    title: str
    salary: SalaryBand | None


@dataclass(frozen=True)
class SkillRow:
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
    learn_first: tuple[str, ...] = ()  # prerequisites that are gaps too


@dataclass(frozen=True)
class Gap:
    id: str
    name: str
    current: int
    required: int
    gap: int
    weight: float
    priority: float
    resources: tuple[Resource, ...]
    learn_first: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    role: str
    name: str
    level: str
    title: str
    readiness: float


@dataclass(frozen=True)
class NextStep:
    kind: str  # close-gaps | level-up | lateral | leadership | none
    role: str | None
    level: str | None
    title: str | None
    readiness: float | None
    summary: str
    salary: SalaryBand | None
    gaps: tuple[str, ...]
    blocking_milestones: tuple[str, ...] = ()


@dataclass(frozen=True)
class MilestoneRow:
    id: str
    name: str
    met: bool
    required: bool
    why: str
    how: str


@dataclass(frozen=True)
class Report:
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
    target_chosen: str  # "profile", "option" or "best-fit": how the target was picked
