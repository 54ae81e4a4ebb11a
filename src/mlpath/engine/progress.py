"""Progress over time: what changed between two profiles, and readiness along history."""

from __future__ import annotations

from mlpath.engine.scoring import comparison_level, rank_roles, readiness, settle_target
from mlpath.model import READY_AT, Catalog, Level, Profile, Role
from mlpath.reports import Diff, Point, Progress, RoleChange, SkillChange

TOP_MATCHES = 3


def diff(*, catalog: Catalog, old: Profile, new: Profile, role: Role | None = None,
         level: Level | None = None) -> Diff:
    """Skills and milestones that changed, and readiness before and after for ``role``
    (default: NEW's best fit) and the roles that fit NEW best after it.

    Each role is compared at the same level on both sides (the new profile's comparison
    level), so that a change of years does not hide a change of skills.
    """
    order = {sid: i for i, sid in enumerate(catalog.skills)}
    ids = sorted(set(old.skills) | set(new.skills), key=lambda s: (order.get(s, len(order)), s))
    skills = tuple(
        SkillChange(sid, catalog.skills[sid].name if sid in catalog.skills else sid,
                    old.skills.get(sid), new.skills.get(sid),
                    new.skills.get(sid, 0) - old.skills.get(sid, 0))
        for sid in ids if old.skills.get(sid, 0) != new.skills.get(sid, 0))
    role, level = settle_target(catalog, new.skills, new.years_experience, role, level)
    levels = [(role, level)]
    for match in rank_roles(catalog, new.skills, new.years_experience, exclude=[role.id]):
        if len(levels) > TOP_MATCHES:
            break
        other = catalog.roles[match.role]
        levels.append((other, comparison_level(other, new.years_experience)))
    roles = tuple(_role_change(r, lv, old, new) for r, lv in levels)

    def named(mids: set[str]) -> tuple[tuple[str, str], ...]:
        return tuple((m, catalog.milestones[m].name if m in catalog.milestones else m)
                     for m in sorted(mids))

    warnings = []
    if old.name and new.name and old.name.strip().casefold() != new.name.strip().casefold():
        warnings.append(f"the two files name different people ({old.name!r} and "
                        f"{new.name!r}); the changes compare two people, not one over time")
    return Diff(old.source, new.source, skills, roles,
                named(set(new.milestones) - set(old.milestones)),
                named(set(old.milestones) - set(new.milestones)), tuple(warnings))


def _role_change(role: Role, level: Level, old: Profile, new: Profile) -> RoleChange:
    before, after = readiness(level, old.skills), readiness(level, new.skills)
    return RoleChange(role.id, role.name, level.id, level.title, before, after,
                      round(after - before, 1))


def progress(*, catalog: Catalog, profile: Profile, today: str, role: Role | None = None,
             level: Level | None = None) -> Progress:
    """Readiness at each dated snapshot in ``history``, then now (dated ``today``), at one
    fixed level, each with its change from the point before."""
    role, level = settle_target(catalog, profile.skills, profile.years_experience, role, level)
    dated = [(snap.date, readiness(level, snap.skills), False)
             for snap in sorted(profile.history, key=lambda s: s.date)]
    dated.append((today, readiness(level, profile.skills), True))
    points = []
    before: float | None = None
    for date, value, current in dated:
        change = None if before is None else round(value - before, 1)
        points.append(Point(date, value, change, current))
        before = value
    return Progress(role, level, tuple(points), READY_AT)
