"""Consistency checks on a profile, and the "backed" ratings behind the readiness range.

Self-ratings are weak evidence (issue 16): these checks look for patterns that
usually mean a rating deserves a second look, from what the profile already holds.
They advise; they never change a number. Pure functions over the model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from mlpath.engine.scoring import readiness
from mlpath.model import Catalog, Check, Level, Profile

# "Nearly all equal": at least this many ratings, and this share of them the same value.
FLAT_MIN_RATINGS = 5
FLAT_SHARE = 0.8
# A skill this many levels above one of its prerequisites is worth a second look.
PREREQUISITE_LEAD = 2
# Expert (5) with fewer years than this, or MANY_HIGH ratings of 4+ with fewer than
# FEW_YEARS_FOR_4S: possible, but rare enough to ask about.
FEW_YEARS_FOR_5 = 3
FEW_YEARS_FOR_4S = 2
MANY_HIGH = 3
# A rating this high or higher with neither evidence nor a checklist check is named.
HIGH = 4


def is_backed(profile: Profile, skill: str) -> bool:
    """Whether the rating of ``skill`` has evidence or a checklist check behind it."""
    return bool(profile.evidence.get(skill)) or skill in profile.checked


def backed_ratings(profile: Profile) -> dict[str, int]:
    """The ratings with each one that has neither evidence nor a check one level lower."""
    return {skill: value if is_backed(profile, skill) else max(0, value - 1)
            for skill, value in profile.skills.items()}


_ONE_LOWER = bytes([0, *range(255)])  # a rating byte r -> max(0, r - 1)


def backed_vector(profile: Profile, skill_ids: Sequence[str], vector: bytes) -> bytes:
    """``backed_ratings`` laid out as ``vector`` is (a byte per skill of ``skill_ids``,
    the profile's ratings): what a team keeps of each person, lowered in C."""
    lowered = vector.translate(_ONE_LOWER)
    if not profile.evidence and not profile.checked:
        return lowered
    out = bytearray(lowered)
    for i, skill in enumerate(skill_ids):
        if is_backed(profile, skill):
            out[i] = vector[i]
    return bytes(out)


def backed_readiness(level: Level, profile: Profile) -> float:
    """The readiness of the backed ratings, through the one scoring kernel."""
    return readiness(level, backed_ratings(profile))


def _names(catalog: Catalog, ids: list[str], most: int = 6) -> str:
    names = [catalog.skills[i].name for i in ids]
    if len(names) > most:
        names = [*names[:most - 1], f"{len(ids) - most + 1} more"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def checks(catalog: Catalog, profile: Profile) -> tuple[Check, ...]:
    """Every check that fires on ``profile``, in a fixed order (flat, prerequisite,
    experience, unbacked); skills in catalogue order."""
    order = {sid: i for i, sid in enumerate(catalog.skills)}
    ratings = {k: v for k, v in sorted(profile.skills.items(), key=lambda kv: order.get(
        kv[0], len(order))) if k in catalog.skills}
    found = [*_flat(catalog, ratings),
             *_prerequisites(catalog, ratings, profile.unrated),
             *_experience(catalog, ratings, profile.years_experience),
             *_unbacked(catalog, ratings, profile)]
    return tuple(found)


def _flat(catalog: Catalog, ratings: Mapping[str, int]) -> list[Check]:
    rated = [v for v in ratings.values() if v > 0]  # 0 is "not yet", not a self-rating
    if len(rated) < FLAT_MIN_RATINGS:
        return []
    value, count = Counter(rated).most_common(1)[0]
    if count < FLAT_SHARE * len(rated):
        return []
    same = [k for k, v in ratings.items() if v == value]
    share = f"all {count}" if count == len(rated) else f"{count} of {len(rated)}"
    return [Check("flat", tuple(same), f"{share} of your ratings above 0 are {value}.",
                  "Rate each skill against its own rubric (`mlpath skills show ID`), or "
                  "answer its checklist (c in the interview): few people are equally strong "
                  "at everything.")]


def _prerequisites(catalog: Catalog, ratings: Mapping[str, int],
                   unrated: frozenset[str]) -> list[Check]:
    """A skill two levels above a prerequisite the person rated. A prerequisite left
    out or marked not rated was never asked: nothing is known about it, so nothing is
    claimed (it is not 0)."""
    out = []
    for skill_id, value in ratings.items():
        for pre in catalog.skills[skill_id].prerequisites:
            if pre not in catalog.skills or pre not in ratings or pre in unrated:
                continue
            below = ratings[pre]
            if value - below >= PREREQUISITE_LEAD:
                skill, base = catalog.skills[skill_id].name, catalog.skills[pre].name
                out.append(Check(
                    "prerequisite", (skill_id, pre),
                    f"{skill} is {value} but {base}, which it builds on, is {below}.",
                    "Check both ratings: a skill rarely runs two levels ahead of what it "
                    "builds on."))
    return out


def _experience(catalog: Catalog, ratings: Mapping[str, int],
                years: float | None) -> list[Check]:
    if years is None:
        return []
    shown = f"{years:g} year{'' if years == 1 else 's'}"
    fives = [k for k, v in ratings.items() if v == 5]
    if fives and years < FEW_YEARS_FOR_5:
        return [Check("experience", tuple(fives),
                      f"{_names(catalog, fives)} {'is' if len(fives) == 1 else 'are'} rated 5 "
                      f"(expert) with {shown} of experience.",
                      "5 means the person others bring the hardest problems to; check it "
                      "against the rubric, or add the evidence that shows it.")]
    high = [k for k, v in ratings.items() if v >= HIGH]
    if len(high) >= MANY_HIGH and years < FEW_YEARS_FOR_4S:
        return [Check("experience", tuple(high),
                      f"{len(high)} skills are rated 4 or more with {shown} of experience: "
                      f"{_names(catalog, high)}.",
                      "4 means handling ambiguous problems and guiding others; check these "
                      "against the rubric, or add the evidence that shows them.")]
    return []


def _unbacked(catalog: Catalog, ratings: Mapping[str, int], profile: Profile) -> list[Check]:
    bare = [k for k, v in ratings.items() if v >= HIGH and not is_backed(profile, k)]
    if not bare:
        return []
    return [Check("unbacked", tuple(bare),
                  f"{_names(catalog, bare)} {'is' if len(bare) == 1 else 'are'} rated 4 or 5 "
                  "with no evidence and no checklist check.",
                  "Add evidence (`mlpath evidence --profile FILE PATH...` finds it in your "
                  "work) or answer the checklist (c in `mlpath assess --update`).")]
