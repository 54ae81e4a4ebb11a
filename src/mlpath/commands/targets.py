"""The one rule for what a command compares a person with (DESIGN §2).

``--role`` if given, else the profile's ``target``, else the best fit at its
comparison level; with nothing rated (or no role the person's years reach) there is
no best fit, and the person is told to rate their skills first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.errors import DataError, UsageError

if TYPE_CHECKING:
    from mlpath.model import Catalog, Level, Profile, Role

NO_BEST_FIT = ("{source}: nothing is rated yet, so there is no best fit to compare you with; "
               "rate your skills first: `mlpath assess` asks you on a terminal, "
               "`mlpath init me.yaml` writes a file to fill in (or pass --role ROLE)")
NO_FITTING_ROLE = ("{source}: no role's lowest level fits {years:g} years of experience, so "
                   "there is no best fit; pass --role ROLE to compare with one anyway")


class NoBestFit(DataError):
    """No --role, no target, and nothing to pick a best fit from."""


def resolve_target(catalog: Catalog, profile: Profile, role_option: str | None
                   ) -> tuple[Role | None, Level | None, str]:
    """(role, level, how chosen): from the option, else the profile's target, else
    (None, None, "best-fit") for the engine to pick."""
    from mlpath.catalog import parse_target

    if role_option:
        role, level = parse_target(catalog, role_option)
        return role, level, "option"
    if profile.target:
        try:
            role, level = parse_target(catalog, profile.target)
        except UsageError as exc:  # checked on load; kept for profiles built in code
            raise DataError(f"{profile.source}: target: {exc}") from None
        return role, level, "profile"
    return None, None, "best-fit"


def require_best_fit(catalog: Catalog, profile: Profile, role: Role | None) -> None:
    """With no role to compare with, make sure there is a best fit, or say why not."""
    if role is not None:
        return
    from mlpath.engine.scoring import best_fit, has_ratings

    if best_fit(catalog, profile.skills, profile.years_experience) is not None:
        return
    if not has_ratings(profile.skills):
        raise NoBestFit(NO_BEST_FIT.format(source=profile.source))
    raise NoBestFit(NO_FITTING_ROLE.format(source=profile.source,
                                           years=profile.years_experience or 0))


def target_for(catalog: Catalog, profile: Profile, role_option: str | None
               ) -> tuple[Role | None, Level | None, str]:
    """``resolve_target``, refusing when there is no best fit to fall back on."""
    role, level, chosen = resolve_target(catalog, profile, role_option)
    require_best_fit(catalog, profile, role)
    return role, level, chosen
