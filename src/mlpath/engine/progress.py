"""Progress over time: what changed between two profiles, and readiness along history."""

from __future__ import annotations

from mlpath.engine.assess import comparison_level, rank_roles, readiness, settle_target
from mlpath.model import Catalog, Level, Profile, Role
from mlpath.reports import Diff, Point, Progress, RoleChange, SkillChange

TOP_MATCHES = 3


def diff(*, catalog: Catalog, old: Profile, new: Profile, role: Role | None = None,
         level: Level | None = None) -> Diff:
    """Skills that changed, and readiness before and after for ``role`` (default: NEW's best
    fit) and the roles that fit NEW best after it.

    Each role is compared at the same level on both sides (the new profile's), so that
    a change of years does not hide a change of skills.
    """
    ids = sorted(set(old.skills) | set(new.skills),
                 key=lambda s: (list(catalog.skills).index(s) if s in catalog.skills else 999, s))
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
    return Diff(old.source, new.source, skills, roles)


def _role_change(role: Role, level: Level, old: Profile, new: Profile) -> RoleChange:
    before, after = readiness(level, old.skills), readiness(level, new.skills)
    return RoleChange(role.id, role.name, level.id, level.title, before, after,
                      round(after - before, 1))


def progress(*, catalog: Catalog, profile: Profile, role: Role | None = None,
             level: Level | None = None) -> Progress:
    """Readiness at each dated snapshot in ``history``, then now, at one fixed level."""
    role, level = settle_target(catalog, profile.skills, profile.years_experience, role, level)
    points = [Point(snap.date, readiness(level, snap.skills))
              for snap in sorted(profile.history, key=lambda s: s.date)]
    points.append(Point("now", readiness(level, profile.skills)))
    return Progress(role, level, tuple(points))
