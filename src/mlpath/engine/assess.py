"""Scoring, matching, gaps and the next career step (DESIGN §2). Pure functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache

from mlpath.model import (
    READY_AT,
    Catalog,
    Gap,
    Level,
    Match,
    MilestoneRow,
    NextStep,
    Profile,
    Report,
    Resource,
    Role,
    SkillRow,
    Target,
)

TOP_GAPS = 5
RESOURCES_PER_GAP = 3
OTHER_MATCHES = 3
_COST_ORDER = {"free": 0, "freemium": 1, "paid": 2}


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


def readiness(level: Level, ratings: Mapping[str, int]) -> float:
    """100 x sum(w * min(c, r)) / sum(w * r), rounded half-up to one decimal."""
    # A plain loop: this runs for every role for every person in a team view.
    have = need = 0.0
    get = ratings.get
    for skill, target, weight in level.requirements:
        current = get(skill, 0)
        have += weight * (current if current < target else target)
        need += weight * target
    return round_half_up(100 * have / need) if need else 100.0


def reached(score: float) -> bool:
    return score >= READY_AT


def comparison_level(role: Role, years: float | None) -> Level:
    """The highest level whose ``years.min`` the person meets; unknown years: the middle."""
    if years is None:
        mid = role.level("mid")
        return mid if mid is not None else role.levels[(len(role.levels) - 1) // 2]
    fitting = [lv for lv in role.levels if lv.years_min <= years]
    return fitting[-1] if fitting else role.levels[0]


def rank_roles(catalog: Catalog, ratings: Mapping[str, int], years: float | None,
               *, exclude: Iterable[str] = ()) -> list[Match]:
    """Every role at its comparison level, readiness high first, then by id."""
    skip = set(exclude)
    matches = []
    for role in catalog.roles.values():
        if role.id in skip:
            continue
        level = comparison_level(role, years)
        matches.append(Match(role.id, role.name, level.id, level.title,
                             readiness(level, ratings)))
    return sorted(matches, key=lambda m: (-m.readiness, m.role))


def settle_target(catalog: Catalog, ratings: Mapping[str, int], years: float | None,
                  role: Role | None = None, level: Level | None = None) -> tuple[Role, Level]:
    """The role given, at the level given or else its comparison level; with no role,
    the best-matching role at its comparison level (DESIGN §2)."""
    if role is None:
        role = catalog.roles[rank_roles(catalog, ratings, years)[0].role]
    return role, level or comparison_level(role, years)


def prerequisite_closure(catalog: Catalog) -> dict[str, frozenset[str]]:
    """For each skill, every skill it needs first, directly or not."""
    return _closure(tuple((s.id, s.prerequisites) for s in catalog.skills.values()))


@cache
def _closure(edges: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, frozenset[str]]:
    direct = dict(edges)
    result: dict[str, frozenset[str]] = {}

    def visit(skill: str, seen: frozenset[str]) -> frozenset[str]:
        if skill in result:
            return result[skill]
        found: set[str] = set()
        for pre in direct.get(skill, ()):
            if pre in direct and pre not in seen:
                found.add(pre)
                found |= visit(pre, seen | {skill})
        result[skill] = frozenset(found)
        return result[skill]

    for skill in direct:
        visit(skill, frozenset())
    return result


def order_gaps(rows: Sequence[SkillRow], needs: dict[str, frozenset[str]]) -> list[SkillRow]:
    """Priority high first; on a tie, a skill before the skills that need it, then by id."""
    gaps = [r for r in rows if r.gap > 0]
    by_priority: dict[float, list[SkillRow]] = {}
    for row in gaps:
        by_priority.setdefault(row.weight * row.gap, []).append(row)
    ordered: list[SkillRow] = []
    for priority in sorted(by_priority, reverse=True):
        ordered.extend(_prerequisites_first(by_priority[priority], needs))
    return ordered


def _prerequisites_first(rows: list[SkillRow], needs: dict[str, frozenset[str]]) -> list[SkillRow]:
    remaining = sorted(rows, key=lambda r: r.id)
    out: list[SkillRow] = []
    while remaining:
        ids = {r.id for r in remaining}
        for row in remaining:
            if not (needs.get(row.id, frozenset()) & ids):
                out.append(row)
                remaining.remove(row)
                break
        else:  # a cycle; cannot happen with validated data, but never loop forever
            out.extend(remaining)
            break
    return out


def pick_resources(resources: Sequence[Resource], current: int, required: int,
                   used: set[str], *, limit: int = RESOURCES_PER_GAP) -> tuple[Resource, ...]:
    """Resources that serve the levels between ``current`` and ``required``.

    Those that serve the needed levels come first, then free before paid, then
    the catalogue's own order; a resource already shown elsewhere in the report
    (``used``) is not repeated.
    """
    low, high = current + 1, required
    candidates = [(i, r) for i, r in enumerate(resources) if _key(r) not in used]
    candidates.sort(key=lambda ir: (not ir[1].serves(low, high),
                                    _COST_ORDER.get(ir[1].cost, 3), ir[0]))
    picked = tuple(r for _, r in candidates[:limit])
    used.update(_key(r) for r in picked)
    return picked


def _key(resource: Resource) -> str:
    return resource.url or resource.title


def skill_rows(catalog: Catalog, level: Level, ratings: Mapping[str, int],
               needs: dict[str, frozenset[str]]) -> list[SkillRow]:
    rows = []
    gap_ids = {req.skill for req in level.requirements if ratings.get(req.skill, 0) < req.level}
    for req in level.requirements:
        skill = catalog.skills[req.skill]
        current = ratings.get(req.skill, 0)
        gap = max(0, req.level - current)
        status = "gap" if gap else ("exceeds" if current > req.level else "met")
        learn_first = tuple(sorted(needs.get(req.skill, frozenset()) & gap_ids)) if gap else ()
        rows.append(SkillRow(
            id=skill.id, name=skill.name, category=skill.category, current=current,
            required=req.level, weight=req.weight, gap=gap, status=status,
            contribution=req.weight * min(current, req.level),
            possible=req.weight * req.level, learn_first=learn_first,
        ))
    return sorted(rows, key=lambda r: (-r.weight, r.id))


def build_gaps(catalog: Catalog, rows: Sequence[SkillRow],
               needs: dict[str, frozenset[str]]) -> list[Gap]:
    used: set[str] = set()
    gaps = []
    for row in order_gaps(rows, needs):
        skill = catalog.skills[row.id]
        gaps.append(Gap(
            id=row.id, name=row.name, current=row.current, required=row.required,
            gap=row.gap, weight=row.weight, priority=row.weight * row.gap,
            resources=pick_resources(skill.resources, row.current, row.required, used),
            learn_first=row.learn_first,
        ))
    return gaps


def milestone_rows(catalog: Catalog, level: Level, profile: Profile) -> list[MilestoneRow]:
    have = set(profile.milestones)
    rows = []
    for required, ids in ((True, level.milestones_required),
                          (False, level.milestones_recommended)):
        for mid in ids:
            milestone = catalog.milestones[mid]
            why = (f"{'Required' if required else 'Recommended'} for {level.title}: "
                   f"{milestone.description}")
            rows.append(MilestoneRow(mid, milestone.name, mid in have, required, why,
                                     milestone.how))
    return rows


def _band_note(level: Level) -> str:
    band = level.salary
    if band is None:
        return ""
    if band.max is None:
        return f" (over ${band.min:,})"
    return f" (${band.min:,}–${band.max:,})"


def _names(catalog: Catalog, ids: Sequence[str]) -> str:
    names = [catalog.skills[i].name if i in catalog.skills else
             catalog.milestones[i].name if i in catalog.milestones else i for i in ids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _ordered_gaps(catalog: Catalog, level: Level, ratings: Mapping[str, int],
                  needs: dict[str, frozenset[str]], *, beyond: Level | None = None
                  ) -> tuple[str, ...]:
    """The top gap ids at ``level`` in report order; with ``beyond``, only the skills that
    ``level`` asks more of than ``beyond`` does (what separates the two levels)."""
    rows = order_gaps(skill_rows(catalog, level, ratings, needs), needs)
    if beyond is not None:
        rows = [r for r in rows if r.required > _level_of(beyond, r.id)]
    return tuple(r.id for r in rows[:TOP_GAPS])


def next_step(catalog: Catalog, profile: Profile, role: Role, level: Level,
              score: float, gaps: Sequence[Gap]) -> NextStep:
    """close-gaps, level-up, lateral, leadership or none (DESIGN §2)."""
    ratings = profile.skills
    needs = prerequisite_closure(catalog)
    blocking = tuple(m for m in level.milestones_required if m not in profile.milestones)
    if not reached(score):
        top = tuple(g.id for g in gaps[:TOP_GAPS])
        summary = (f"You are {score:g}% ready for {level.title}; closing {_names(catalog, top)} "
                   f"brings the most, by weight and gap.")
        if blocking:
            summary += f" The level also asks for: {_names(catalog, blocking)}."
        return NextStep("close-gaps", role.id, level.id, level.title, score, summary,
                        level.salary, top, blocking, level.salary_note)
    if blocking:
        summary = (f"Your skills reach {level.title} ({score:g}%), but the level asks for "
                   f"{_names(catalog, blocking)}, which your profile does not list yet.")
        return NextStep("close-gaps", role.id, level.id, level.title, score, summary,
                        level.salary, (), blocking, level.salary_note)
    index = role.levels.index(level)
    for higher in role.levels[index + 1:]:
        higher_score = readiness(higher, ratings)
        if reached(higher_score):
            continue
        ids = _ordered_gaps(catalog, higher, ratings, needs, beyond=level)
        summary = (f"You meet {level.title} ({score:g}%); {higher.title}{_band_note(higher)} "
                   f"adds {_names(catalog, ids) or 'higher targets on skills you have'}.")
        return NextStep("level-up", role.id, higher.id, higher.title, higher_score, summary,
                        higher.salary, ids, salary_note=higher.salary_note)
    moves = [catalog.roles[m] for m in role.moves if m in catalog.roles]
    if not moves:
        summary = (f"You meet the top level of {role.name} ({score:g}%) and it lists no further "
                   "moves; deepen your strongest skills or add a role pack with your ladder.")
        return NextStep("none", None, None, None, None, summary, None, ())
    best: tuple[float, str, Role, Level] | None = None
    for move in moves:
        move_level = comparison_level(move, profile.years_experience)
        move_score = readiness(move_level, ratings)
        if best is None or (-move_score, move.id) < (-best[0], best[1]):
            best = (move_score, move.id, move, move_level)
    assert best is not None
    move_score, _, move_role, move_level = best
    kind = "leadership" if move_role.leadership else "lateral"
    ids = _ordered_gaps(catalog, move_level, ratings, needs)
    verb = "step up to" if kind == "leadership" else "move to"
    summary = (f"You meet the top level of {role.name} ({score:g}%); your best {verb} is "
               f"{move_level.title}{_band_note(move_level)}, where you are {move_score:g}% ready"
               + (f"; close {_names(catalog, ids)}." if ids else "."))
    return NextStep(kind, move_role.id, move_level.id, move_level.title, move_score, summary,
                    move_level.salary, ids, salary_note=move_level.salary_note)


def _level_of(level: Level, skill: str) -> int:
    req = level.requirement(skill)
    return req.level if req else 0


def assess(*, catalog: Catalog, profile: Profile, role: Role | None = None,
           level: Level | None = None, chosen: str = "option") -> Report:
    """The whole gap report for one profile against one role level.

    With no role, the profile's best-matching role (at its comparison level) is
    the target. With a role but no level, the role's comparison level is used.
    """
    ratings = profile.skills
    if role is None:
        chosen = "best-fit"
    role, level = settle_target(catalog, ratings, profile.years_experience, role, level)
    needs = prerequisite_closure(catalog)
    rows = skill_rows(catalog, level, ratings, needs)
    score = readiness(level, ratings)
    gaps = build_gaps(catalog, rows, needs)
    step = next_step(catalog, profile, role, level, score, gaps)
    return Report(
        profile_name=profile.name,
        profile_source=profile.source,
        years_experience=profile.years_experience,
        target=Target(role.id, role.name, level.id, level.title, level.salary,
                      level.salary_note),
        readiness=score,
        reached=reached(score),
        skills=tuple(rows),
        gaps=tuple(gaps),
        next_step=step,
        matches=tuple(rank_roles(catalog, ratings, profile.years_experience,
                                 exclude=[role.id])[:OTHER_MATCHES]),
        milestones=tuple(milestone_rows(catalog, level, profile)),
        warnings=profile.warnings,
        target_chosen=chosen,
    )
