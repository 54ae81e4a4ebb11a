"""The scoring kernel (DESIGN §2): readiness, the comparison level and the best fit.

Every command that shows a readiness (assess, match, plan, diff, progress, team and
the interview) computes it here, so the same person, role and level get the same
number everywhere. Pure functions over the model.
"""

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from operator import itemgetter, mul
from typing import NamedTuple

from mlpath.model import LEVELS, READY_AT, Catalog, Level, Match, Role


@lru_cache(maxsize=8192)
def round_half_up(value: float, places: int = 1) -> float:
    """Round like people do (62.25 -> 62.3), not like ``round`` (banker's rounding).

    It works on the value as printed (``repr``), so 0.35 rounds to 0.4 although the
    float is a hair below; ties go away from zero, as Decimal's ROUND_HALF_UP does.
    Cached: a team view meets the same few hundred values again and again.
    """
    text = repr(float(value))
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    if "e" in text or "n" in text or not whole.isdigit():  # 1e-05, inf, nan: rare
        from decimal import ROUND_HALF_UP, Decimal

        quantum = Decimal(1).scaleb(-places)
        return float(Decimal(text).quantize(quantum, rounding=ROUND_HALF_UP))
    if len(fraction) <= places:
        return float(text)
    digits = int(whole + fraction[:places]) + (fraction[places] >= "5")
    shown = str(digits).rjust(places + 1, "0")
    return float(f"{sign}{shown[:-places]}.{shown[-places:]}")


class Prepared(NamedTuple):
    """A level's requirements laid out once for scoring many people."""

    skills: tuple[str, ...]
    targets: tuple[int, ...]
    weights: tuple[float, ...]
    need: float  # sum of weight x target


_PREPARED: dict[int, tuple[Level, Prepared]] = {}


def prepare(level: Level) -> Prepared:
    """The level's requirements as parallel tuples (cached by identity: levels are reused)."""
    hit = _PREPARED.get(id(level))
    if hit is not None and hit[0] is level:
        return hit[1]
    reqs = level.requirements
    prepared = Prepared(tuple(r.skill for r in reqs), tuple(r.level for r in reqs),
                        tuple(r.weight for r in reqs), sum(r.weight * r.level for r in reqs))
    _PREPARED[id(level)] = (level, prepared)
    return prepared


def score(prepared: Prepared, currents: Iterable[float]) -> float:
    """THE formula: 100 x sum(w * min(c, r)) / sum(w * r), rounded half-up to one decimal.

    ``currents`` are the person's ratings in the order of ``prepared.skills`` (a mean of
    ratings, such as a second rater's beside the self-rating, may be fractional).
    """
    if not prepared.need:
        return 100.0
    # One expression for every caller (``vector_scorer`` too): ``sum`` adds floats in its
    # own way on each Python version, so the same ratings always take the same path.
    have = sum(map(mul, prepared.weights, map(min, currents, prepared.targets)))
    return round_half_up(100 * have / prepared.need)


def vector_scorer(prepared: Prepared, skill_ids: Sequence[str]) -> Callable[[bytes], float]:
    """``score`` for ratings (0-5) laid out as a byte per skill of ``skill_ids`` (a
    team's ``Member`` vectors): the same number, with the skills picked out and their
    terms looked up in C. A team view scores every person on every role's level."""
    if not prepared.need:
        return lambda vector: 100.0
    index = {sid: i for i, sid in enumerate(skill_ids)}
    positions = [index[sid] for sid in prepared.skills]
    pick = itemgetter(*positions) if len(positions) > 1 else (
        lambda vector: (vector[positions[0]],))
    # Each requirement's term for every rating, computed as ``score`` computes it
    # (w * min(c, r)): looking it up gives the same floats to the same sum.
    terms = tuple(tuple(w * min(c, r) for c in LEVELS)
                  for w, r in zip(prepared.weights, prepared.targets, strict=True))
    need = prepared.need

    def scored(vector: bytes) -> float:
        return round_half_up(100 * sum(map(tuple.__getitem__, terms, pick(vector))) / need)

    return scored


def readiness(level: Level, ratings: Mapping[str, int]) -> float:
    """The readiness of ``ratings`` (missing = 0) for ``level``."""
    prepared = prepare(level)
    get = ratings.get
    return score(prepared, [get(skill, 0) for skill in prepared.skills])


def reached(value: float) -> bool:
    return value >= READY_AT


def comparison_level(role: Role, years: float | None) -> Level:
    """The highest level whose ``years.min`` the person meets; unknown years: the middle.

    A person with fewer years than the lowest level asks for is compared at the
    lowest level (and the role is never their best fit, see ``years_needed``).
    """
    if years is None:
        mid = role.level("mid")
        return mid if mid is not None else role.levels[(len(role.levels) - 1) // 2]
    fitting = [lv for lv in role.levels if lv.years_min <= years]
    return fitting[-1] if fitting else role.levels[0]


def years_needed(role: Role, years: float | None) -> float | None:
    """The years the role's lowest level asks for, when the person has fewer; else None."""
    lowest = role.levels[0].years_min
    return lowest if years is not None and years < lowest else None


def has_ratings(ratings: Mapping[str, int]) -> bool:
    """Whether anything is rated above 0: with nothing rated there is no best fit."""
    return any(value > 0 for value in ratings.values())


def missing_milestones(level: Level, have: Collection[str]) -> tuple[str, ...]:
    """The level's required milestones that ``have`` lacks, in the level's order."""
    return tuple(m for m in level.milestones_required if m not in have)


def match_for(role: Role, ratings: Mapping[str, int], years: float | None,
              milestones: Collection[str] | None = None, *,
              milestone_names: Mapping[str, str] | None = None) -> Match:
    """``role`` at the person's comparison level; with ``milestones`` (the person's), the
    level's required milestones they lack ride along (readiness is not changed)."""
    level = comparison_level(role, years)
    missing = () if milestones is None else missing_milestones(level, milestones)
    names = milestone_names or {}
    return Match(role.id, role.name, level.id, level.title, readiness(level, ratings),
                 years_needed(role, years), missing, tuple(names.get(m, m) for m in missing))


def rank_key(match: Match) -> tuple[bool, float, str]:
    """THE order of roles for a person: those whose years reach the role's comparison
    level first (a role you cannot apply to is not a fit), each group by readiness,
    high first, then by id."""
    return (match.needs_years is not None, -match.readiness, match.role)


def rank_roles(catalog: Catalog, ratings: Mapping[str, int], years: float | None,
               *, exclude: Iterable[str] = (),
               milestones: Collection[str] | None = None) -> list[Match]:
    """Every role at its comparison level, in ``rank_key`` order: roles the person's
    years reach, readiness high first, then by id; then the others, each marked with
    the years its lowest level needs (``Match.needs_years``). With ``milestones`` (the
    person's), each match lists the required milestones its level still asks for.
    """
    skip = set(exclude)
    names = {m.id: m.name for m in catalog.milestones.values()}
    matches = [match_for(role, ratings, years, milestones, milestone_names=names)
               for role in catalog.roles.values() if role.id not in skip]
    return sorted(matches, key=rank_key)


def best_of(matches: Sequence[Match]) -> Match | None:
    """The first match whose years the person has: the best fit among ranked ``matches``."""
    return next((m for m in matches if m.needs_years is None), None)


def best_fit(catalog: Catalog, ratings: Mapping[str, int], years: float | None) -> Match | None:
    """The best-fitting role at its comparison level; None when nothing is rated or no
    role's lowest level fits the person's years (DESIGN §2)."""
    if not has_ratings(ratings):
        return None
    return best_of(rank_roles(catalog, ratings, years))


def settle_target(catalog: Catalog, ratings: Mapping[str, int], years: float | None,
                  role: Role | None = None, level: Level | None = None) -> tuple[Role, Level]:
    """The role given, at the level given or else its comparison level; with no role,
    the best fit at its comparison level, or (when there is none) the top of the
    ranking, so that the engine always has an answer. Callers that must not show
    such a fallback check ``best_fit`` first."""
    if role is None:
        fit = best_fit(catalog, ratings, years)
        if fit is None:
            ranked = rank_roles(catalog, ratings, years)
            fit = best_of(ranked) or ranked[0]
        role = catalog.roles[fit.role]
    return role, level or comparison_level(role, years)
