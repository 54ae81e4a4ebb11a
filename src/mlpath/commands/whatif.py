"""`mlpath whatif`: the change asked for, checked; the what-if computed and printed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mlpath.commands.context import Context, warn
from mlpath.commands.output import emit
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.model import Catalog


def parse_sets(catalog: Catalog, items: Sequence[str]) -> dict[str, int]:
    """``SKILL=N`` items -> {skill id: rating}; anything else is a usage error (exit 2)."""
    from mlpath.catalog import get_skill

    sets: dict[str, int] = {}
    for item in items:
        skill_id, equals, value = item.partition("=")
        skill_id, value = skill_id.strip(), value.strip()
        if not equals or not skill_id:
            raise UsageError(f"--set {item!r}: write SKILL=N, for example --set python=3")
        skill = get_skill(catalog, skill_id)  # unknown: did you mean ..., exit 2
        if not (value.isascii() and value.isdigit()) or int(value) > 5:
            raise UsageError(f"--set {item!r}: the rating must be a whole number from 0 to 5")
        if skill.id in sets:
            raise UsageError(f"--set names {skill.id} twice; give each skill once")
        sets[skill.id] = int(value)
    return sets


def whatif(ctx: Context, *, profile_path: str, sets: Sequence[str] = (),
           hours: float | None = None, role_option: str | None = None,
           fmt: str = "table", output: str | None = None, force: bool = False) -> int:
    """Readiness before and after the change, for every role; returns the exit code."""
    if not sets and hours is None:
        raise UsageError("say what changes: --set SKILL=N (repeatable), --hours N, or both")
    if hours is not None and (not math.isfinite(hours) or hours < 0):
        raise UsageError(f"--hours {hours:g}: give a number of hours, 0 or more")
    from mlpath.commands.targets import require_best_fit, resolve_target
    from mlpath.engine.whatif import edited, set_change, what_if
    from mlpath.profile import load_profile

    catalog = ctx.catalog
    changes = parse_sets(catalog, sets)
    profile = load_profile(profile_path, catalog)
    role, level, chosen = resolve_target(catalog, profile, role_option)
    if hours is not None and role is None:
        # The plan needs a target: the best fit once the --set ratings are in.
        moved = tuple(set_change(catalog, profile.skills, s, v) for s, v in changes.items())
        require_best_fit(catalog, edited(profile, moved), None)
    result = what_if(catalog=catalog, profile=profile, sets=changes, hours=hours, role=role,
                     level=level, chosen=chosen)
    emit("whatif", result, fmt, console=ctx.console, output=output, force=force)
    warn(result.warnings)
    return 0
