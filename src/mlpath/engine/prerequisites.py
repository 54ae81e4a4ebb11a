"""Prerequisites: which skills come before which, and the one rule for when one blocks.

A prerequisite P of a gap on skill s (target r) blocks it only while the person is
below ``min(r - 1, 3)`` on P (DESIGN §2). The report's "learn X first" and the plan's
order both ask ``blockers``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from mlpath.model import Catalog, SkillRow


def needed_level(target: int) -> int:
    """The level a prerequisite must be at before climbing a skill to ``target``."""
    return max(0, min(target - 1, 3))


def blocks(current: int, target: int) -> bool:
    """Whether a prerequisite rated ``current`` blocks climbing a skill to ``target``."""
    return current < needed_level(target)


def blockers(catalog: Catalog, skill: str, target: int, ratings: Mapping[str, int]
             ) -> dict[str, int]:
    """The prerequisites (direct or not) that block climbing ``skill`` to ``target``,
    each with the level it must reach first.

    A blocking prerequisite's own prerequisites are checked against the level it must
    reach; one the person already meets at that level is never named.
    """
    found: dict[str, int] = {}
    pending = [(skill, target)]
    seen: set[tuple[str, int]] = set()
    while pending:
        current_skill, want = pending.pop()
        if (current_skill, want) in seen:
            continue
        seen.add((current_skill, want))
        info = catalog.skills.get(current_skill)
        if info is None:
            continue
        need = needed_level(want)
        for pre in info.prerequisites:
            if pre == skill or pre not in catalog.skills:
                continue
            if blocks(ratings.get(pre, 0), want):
                if need > found.get(pre, 0):
                    found[pre] = need
                pending.append((pre, need))
    return found


def prerequisite_closure(catalog: Catalog) -> dict[str, frozenset[str]]:
    """For each skill, every skill it needs first, directly or not (whatever the ratings)."""
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


def order_gaps(rows: Sequence[SkillRow], needs: Mapping[str, frozenset[str]]) -> list[SkillRow]:
    """Rated gaps before unrated ones; then priority high first; on a tie, a skill before
    the skills that need it, then by id."""
    gaps = [r for r in rows if r.gap > 0]
    groups: dict[tuple[bool, float], list[SkillRow]] = {}
    for row in gaps:
        groups.setdefault((row.unrated, -row.weight * row.gap), []).append(row)
    ordered: list[SkillRow] = []
    for key in sorted(groups):
        ordered.extend(_prerequisites_first(groups[key], needs))
    return ordered


def _prerequisites_first(rows: list[SkillRow], needs: Mapping[str, frozenset[str]]
                         ) -> list[SkillRow]:
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
