"""The file formats of DESIGN §1, written once as specs (see ``spec.py``)."""

from __future__ import annotations

from typing import Any

from mlpath import __version__
from mlpath.model import COSTS, RESOURCE_KINDS
from mlpath.spec import (
    AnyOf,
    Bool,
    Checker,
    Date,
    IdStr,
    Int,
    ListOf,
    MapOf,
    Num,
    Obj,
    Spec,
    Str,
)
from mlpath.yamlio import DocPath

RATING = Int(0, 5, description="0 none, 1 awareness, 2 assisted, 3 independent, 4 advanced, "
             "5 expert")
# An http(s) link made only of the characters RFC 3986 allows in a URL: no spaces,
# quotes, angle brackets or control characters, and no other scheme (javascript:, file:).
URL_PATTERN = r"^https?://[A-Za-z0-9\[][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$"
TARGET_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(:[a-z0-9]+(-[a-z0-9]+)*)?$"

RESOURCE = Obj(
    {
        "title": Str(max_length=200),
        "url": Str(nullable=True, pattern=URL_PATTERN, max_length=500,
                   pattern_hint="is not an http(s) link",
                   description="null only for a paid book with no official page"),
        "kind": Str(choices=RESOURCE_KINDS),
        "cost": Str(choices=COSTS),
        "hours": Num(0, 10_000, nullable=True, description="null when not known"),
        "levels": ListOf(Int(0, 5), min_items=2, max_items=2,
                         description="[low, high]: the skill levels this resource helps reach"),
    },
    required=("title", "url", "kind", "cost"),
)

ALIAS = Str(max_length=80, pattern=r"^\S(.*\S)?$",
            pattern_hint="must not be empty or start or end with a space",
            description="a word or tool that signals the skill in a job ad, such as 'torch'; "
            "case counts only for aliases of one or two characters ('R', 'Go')")

SKILL = Obj(
    {
        "id": IdStr(),
        "name": Str(max_length=100),
        "category": IdStr(),
        "description": Str(max_length=500),
        "prerequisites": ListOf(IdStr(), unique=True),
        "rubric": MapOf(Str(max_length=300), int_keys=(0, 5),
                        description="level 0-5 -> what that level looks like for this skill"),
        "resources": ListOf(RESOURCE, min_items=1),
        "checklist": MapOf(ListOf(Str(max_length=300), min_items=2, max_items=4),
                           int_keys=(1, 5),
                           description="level 1-5 -> two to four observable things a person "
                           "at that level has done in the last year"),
        "aliases": ListOf(ALIAS, unique=True),
    },
    required=("id", "name", "category", "description", "resources"),
)

SKILLS_FILE = Obj({"skills": ListOf(SKILL, min_items=1)}, required=("skills",),
                  title="mlpath skill catalogue")

ALIASES_FILE = Obj(
    {"aliases": MapOf(ListOf(ALIAS, min_items=1, unique=True),
                      description="skill id -> the words and tools that signal it in a job ad")},
    required=("aliases",), title="mlpath skill aliases")

MILESTONE = Obj(
    {
        "id": IdStr(),
        "name": Str(max_length=100),
        "category": IdStr(),
        "description": Str(max_length=500),
        "how": Str(max_length=1000),
        "hours": Num(0, 10_000, nullable=True,
                     description="a rough estimate of the work, for `mlpath plan`"),
        "resources": ListOf(RESOURCE),
    },
    required=("id", "name", "category", "description", "how"),
)

MILESTONES_FILE = Obj({"milestones": ListOf(MILESTONE, min_items=1)}, required=("milestones",),
                      title="mlpath milestone catalogue")


class Null(Spec):
    """Only ``null``: one arm of an ``AnyOf``."""

    def __init__(self, *, description: str = "") -> None:
        self.description = description

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        return None

    def schema(self) -> dict[str, Any]:
        return self._with_description({"type": "null"})


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


REQUIREMENT = AnyOf(
    (
        (_is_int, Int(1, 5)),
        (lambda v: isinstance(v, dict),
         Obj({"level": Int(1, 5), "weight": Num(0.1, 10)}, required=("level",))),
    ),
    description="a target level 1-5, or {level, weight}",
    fallback_message="a level must be a whole number 1–5 or {level: N, weight: W}",
)

LEVEL = Obj(
    {
        "id": IdStr(),
        "title": Str(max_length=100),
        "years": Obj({"min": Num(0, 60), "max": Num(0, 60, nullable=True)}, required=("min",)),
        "salary_usd": AnyOf(
            (
                (lambda v: v is None,
                 Null(description="the source gives no figure: say why in salary_note")),
                (lambda v: isinstance(v, dict), Obj(
                    {"min": Int(0, 100_000_000),
                     "max": Int(0, 100_000_000, nullable=True,
                                description="null: no upper bound"),
                     "source": Str(max_length=500, description="where the figure comes from"),
                     "basis": Str(choices=("role", "general"),
                                  description="role: the source's figure for this role; "
                                  "general: its figure for the career stage")},
                    required=("min", "max", "source"),
                )),
            ),
            description="{min, max, source, basis}, or null with a salary_note",
            fallback_message="expected {min, max, source, basis} or null",
        ),
        "salary_note": Str(max_length=500,
                           description="why there is no band (required when salary_usd is null)"),
        "inherit": Bool(description="start from the previous level's requirements"),
        "requirements": MapOf(REQUIREMENT, description="skill id -> target level"),
        "remove": ListOf(IdStr(), unique=True,
                         description="skills of the previous level that this level drops"),
        "milestones": Obj({"required": ListOf(IdStr(), unique=True),
                           "recommended": ListOf(IdStr(), unique=True)}),
    },
    required=("id", "title", "years", "requirements"),
)

ROLE = Obj(
    {
        "id": IdStr(),
        "name": Str(max_length=100),
        "summary": Str(max_length=500),
        "responsibilities": ListOf(Str(max_length=300)),
        "moves": ListOf(IdStr(), unique=True),
        "leadership": Bool(description="a people-leadership role"),
        "levels": ListOf(LEVEL, min_items=1, max_items=12),
    },
    required=("id", "name", "summary", "levels"),
    title="mlpath role",
)

# --- the profile ---------------------------------------------------------------------

NOT_RATED = Int(0, 5, nullable=True, description="0 none, 1 awareness, 2 assisted, "
                "3 independent, 4 advanced, 5 expert; null: not rated (counts as 0)")
SKILL_KEY = Str(max_length=64)
MAX_SKILLS = 1000  # a catalogue has dozens; a profile of thousands is not a person's
MAX_HISTORY = 1000  # `assess --update` keeps far fewer (see profile.HISTORY_KEPT)
# The form of a date (a time may follow); ``Date`` also checks that it is a real calendar
# date and not after tomorrow (UTC): every field of this form is a ``Date``.
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9:]+)?)?$"

SNAPSHOT = Obj(
    {
        "date": Date(DATE_PATTERN, description="when these ratings were current"),
        "skills": MapOf(NOT_RATED, key=SKILL_KEY, max_items=MAX_SKILLS),
        "years_experience": Num(0, 70, nullable=True),
    },
    required=("date", "skills"),
)

EVIDENCE_ITEM = Str(max_length=1000)
EVIDENCE = AnyOf(
    ((lambda v: isinstance(v, list), ListOf(EVIDENCE_ITEM, min_items=1, max_items=50)),
     (lambda v: not isinstance(v, (list, dict)), EVIDENCE_ITEM)),
    description="a link, a local path or a note, or a list of them",
    fallback_message="expected a link, a local path or a note, or a list of them",
)

PROFILE = Obj(
    {
        "name": Str(max_length=200, nullable=True),
        "years_experience": Num(0, 70, nullable=True),
        "target": Str(nullable=True, pattern=TARGET_PATTERN, max_length=130,
                      pattern_hint="is not a role id: write ROLE or ROLE:LEVEL, "
                      "such as ml-engineer:mid"),
        "skills": MapOf(NOT_RATED, key=SKILL_KEY, max_items=MAX_SKILLS,
                        description="skill id -> 0..5, or null: not rated"),
        "evidence": MapOf(EVIDENCE, key=SKILL_KEY, max_items=MAX_SKILLS,
                          description="skill id -> a link, a local path or a note, or a list"),
        "checked": MapOf(Date(DATE_PATTERN), key=SKILL_KEY, max_items=MAX_SKILLS,
                         description="skill id -> the date its rating was checked against the "
                         "skill's checklist (written by the interview)"),
        "milestones": ListOf(Str(max_length=64), unique=True, max_items=MAX_SKILLS),
        "history": ListOf(SNAPSHOT, max_items=MAX_HISTORY),
    },
    required=("skills",),
    title="mlpath profile",
)

# --- a second rater's review of a profile (`mlpath review`) ----------------------------

REVIEWER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"  # it goes into a file name
REVIEW = Obj(
    {
        "reviewer": Str(pattern=REVIEWER_PATTERN, max_length=64,
                        pattern_hint="is not a reviewer name: letters, digits, . _ - only",
                        description="who rated; the file is PROFILE.review-REVIEWER.yaml"),
        "of": Str(max_length=200, description="the profile reviewed: its name or file"),
        "date": Date(DATE_PATTERN, description="when the review was made"),
        "skills": MapOf(NOT_RATED, key=SKILL_KEY, max_items=MAX_SKILLS,
                        description="skill id -> 0..5 as the reviewer sees it, or null: "
                        "could not judge"),
    },
    required=("reviewer", "skills"),
    title="mlpath review",
)

SCHEMAS: dict[str, Spec] = {"profile": PROFILE, "role": ROLE, "skills": SKILLS_FILE,
                            "milestones": MILESTONES_FILE, "aliases": ALIASES_FILE,
                            "review": REVIEW}


def json_schema(name: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for one file format, made from its spec."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$comment": f"generated by mlpath {__version__}: mlpath schema {name}",
              **SCHEMAS[name].schema()}
    return schema
