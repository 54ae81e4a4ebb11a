"""`mlpath match`, `plan`, `diff` and `progress`: one person's other views."""

from __future__ import annotations

import datetime

from mlpath.commands.context import Context, note, warn
from mlpath.commands.output import emit
from mlpath.commands.targets import NO_BEST_FIT, target_for


def match(ctx: Context, *, profile_path: str, top: int = 10, fmt: str = "table",
          output: str | None = None, force: bool = False) -> int:
    """Every role ranked at its comparison level; the best fit is the first whose years
    the person has, and there is none with nothing rated."""
    from mlpath.engine.scoring import best_of, has_ratings, rank_roles
    from mlpath.profile import load_profile

    profile = load_profile(profile_path, ctx.catalog)
    ranked = rank_roles(ctx.catalog, profile.skills, profile.years_experience,
                        milestones=profile.milestones)
    fit = best_of(ranked) if has_ratings(profile.skills) else None
    emit("match", ranked[:top], fmt, console=ctx.console,
         extra={"best_fit": fit.role if fit else None, "warnings": list(profile.warnings)},
         output=output, force=force)
    if fit is None and fmt != "json":
        note(NO_BEST_FIT.format(source=profile.source) if not has_ratings(profile.skills)
             else "no role's lowest level fits your years, so none is your best fit")
    warn(profile.warnings)
    return 0


def plan(ctx: Context, *, profile_path: str, role_option: str | None,
         hours_per_week: float = 5.0, fmt: str = "table", output: str | None = None,
         force: bool = False) -> int:
    from mlpath.engine.plan import make_plan
    from mlpath.engine.scoring import settle_target
    from mlpath.profile import load_profile

    profile = load_profile(profile_path, ctx.catalog)
    role, level, _ = target_for(ctx.catalog, profile, role_option)
    role, level = settle_target(ctx.catalog, profile.skills, profile.years_experience,
                                role, level)
    result = make_plan(catalog=ctx.catalog, profile=profile, role=role, level=level,
                       hours_per_week=hours_per_week)
    emit("plan", result, fmt, console=ctx.console,
         extra={"warnings": list(profile.warnings)}, output=output, force=force)
    warn(profile.warnings)
    return 0


def diff(ctx: Context, *, old_path: str, new_path: str, role_option: str | None,
         fmt: str = "table", output: str | None = None, force: bool = False) -> int:
    from mlpath.engine.progress import diff as diff_profiles
    from mlpath.profile import load_profile

    old = load_profile(old_path, ctx.catalog)
    new = load_profile(new_path, ctx.catalog)
    role, level, _ = target_for(ctx.catalog, new, role_option)
    result = diff_profiles(catalog=ctx.catalog, old=old, new=new, role=role, level=level)
    warnings = [*old.warnings, *new.warnings, *result.warnings]
    emit("diff", result, fmt, console=ctx.console, extra={"warnings": warnings},
         output=output, force=force)
    warn(warnings)
    return 0


def progress(ctx: Context, *, profile_path: str, role_option: str | None,
             fmt: str = "table", today: str | None = None, output: str | None = None,
             force: bool = False) -> int:
    from mlpath.engine.progress import progress as progress_of
    from mlpath.profile import load_profile

    profile = load_profile(profile_path, ctx.catalog)
    role, level, _ = target_for(ctx.catalog, profile, role_option)
    result = progress_of(catalog=ctx.catalog, profile=profile, role=role, level=level,
                         today=today or datetime.date.today().isoformat())
    emit("progress", result, fmt, console=ctx.console,
         extra={"warnings": list(profile.warnings)}, output=output, force=force)
    warn(profile.warnings)
    return 0
