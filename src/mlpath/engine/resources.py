"""Which resources to offer for a gap: those that serve the levels being climbed."""

from __future__ import annotations

from collections.abc import Sequence

from mlpath.model import Resource

RESOURCES_PER_GAP = 3
COST_ORDER = {"free": 0, "freemium": 1, "paid": 2}


def pick_resources(resources: Sequence[Resource], current: int, required: int,
                   *, limit: int = RESOURCES_PER_GAP) -> tuple[Resource, ...]:
    """The resources that serve a level in ``current + 1 .. required``: free first, then
    the catalogue's own order. A resource that serves none of them is never offered
    as filler; ``uncovered`` says which levels nothing serves."""
    low, high = current + 1, required
    fitting = [(i, r) for i, r in enumerate(resources) if r.serves(low, high)]
    fitting.sort(key=lambda ir: (COST_ORDER.get(ir[1].cost, 3), ir[0]))
    return tuple(r for _, r in fitting[:limit])


def levels_served(resource: Resource, current: int, required: int) -> tuple[int, ...]:
    """The levels in ``current + 1 .. required`` that ``resource`` serves."""
    return tuple(lv for lv in range(current + 1, required + 1) if resource.serves(lv, lv))


def uncovered(resources: Sequence[Resource], current: int, required: int) -> tuple[int, ...]:
    """The levels in ``current + 1 .. required`` that no resource in the catalogue serves."""
    return tuple(lv for lv in range(current + 1, required + 1)
                 if not any(r.serves(lv, lv) for r in resources))


def resource_key(resource: Resource) -> str:
    return resource.url or resource.title
