"""Which resources to offer for a gap: those that serve the levels being climbed."""

from __future__ import annotations

from collections.abc import Sequence

from mlpath.model import Resource

RESOURCES_PER_GAP = 3
COST_ORDER = {"free": 0, "freemium": 1, "paid": 2}


def pick_resources(resources: Sequence[Resource], current: int, required: int,
                   *, limit: int = RESOURCES_PER_GAP) -> tuple[Resource, ...]:
    """The resources that serve a level in ``current + 1 .. required``.

    First a cover: together the picked resources serve every level being climbed that
    anything in the catalogue serves (greedy, the highest level first: for each level
    not yet served, the resource that serves it and the most other unserved levels,
    free first on a tie), so a limit never hides the only resource for a level. Then
    the list is filled up to ``limit`` free first, in the catalogue's own order. The
    cover wins over the limit (at most one resource per level climbed). A resource
    that serves none of the levels is never offered as filler.
    """
    low, high = current + 1, required
    fitting = [(i, r) for i, r in enumerate(resources) if r.serves(low, high)]
    fitting.sort(key=lambda ir: (COST_ORDER.get(ir[1].cost, 3), ir[0]))
    chosen: list[int] = []  # positions in ``fitting``
    served: set[int] = set()
    for lvl in range(high, low - 1, -1):
        if lvl in served:
            continue
        best, best_gain = -1, 0
        for pos, (_, r) in enumerate(fitting):
            if pos in chosen or not r.serves(lvl, lvl):
                continue
            gain = len(set(levels_served(r, current, required)) - served)
            if gain > best_gain:  # strict: on a tie the cheaper (earlier) one stays
                best, best_gain = pos, gain
        if best >= 0:
            chosen.append(best)
            served.update(levels_served(fitting[best][1], current, required))
    for pos in range(len(fitting)):
        if len(chosen) >= limit:
            break
        if pos not in chosen:
            chosen.append(pos)
    return tuple(fitting[pos][1] for pos in sorted(chosen))


def levels_served(resource: Resource, current: int, required: int) -> tuple[int, ...]:
    """The levels in ``current + 1 .. required`` that ``resource`` serves."""
    return tuple(lv for lv in range(current + 1, required + 1) if resource.serves(lv, lv))


def uncovered(resources: Sequence[Resource], current: int, required: int) -> tuple[int, ...]:
    """The levels in ``current + 1 .. required`` that none of ``resources`` serves.

    Given the listed resources of a gap (``pick_resources``), these are also the levels
    nothing in the catalogue serves, since the pick covers every level it can.
    """
    return tuple(lv for lv in range(current + 1, required + 1)
                 if not any(r.serves(lv, lv) for r in resources))


def resource_key(resource: Resource) -> str:
    return resource.url or resource.title
