"""`mlpath review`: a second rater rates a person blind, and the review is saved beside
their profile (``reviewfile.py``); and the reviews ``assess`` and ``team`` pick up."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.commands.context import Context, note
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Any

    from rich.console import Console

    from mlpath.model import Catalog, Level
    from mlpath.reports import ReviewComparison


def review(ctx: Context, *, profile_path: str, reviewer: str, save: str | None = None,
           force: bool = False, role_option: str | None = None) -> int:
    """Ask the reviewer to rate the person on their target level's skills (or every
    skill), showing neither the person's ratings nor the role's targets; then save."""
    from mlpath.reviewfile import Review, check_reviewer, dump_review, review_path

    check_reviewer(reviewer)
    # The file first (a typo is the likelier mistake), then the terminal.
    if profile_path != "-" and not Path(profile_path).exists():
        from mlpath.errors import DataError

        raise DataError(f"{profile_path}: no such file")
    if not ctx.interactive:
        raise UsageError("review asks the reviewer questions and needs a terminal")
    if profile_path == "-" and not save:
        raise UsageError("the profile came from standard input; pass --save FILE for the "
                         "review")
    from mlpath.commands.targets import resolve_target
    from mlpath.interview import _ask_ratings, _by_category
    from mlpath.profile import load_profile
    from mlpath.render.console import styled

    catalog = ctx.catalog
    profile = load_profile(profile_path, catalog)
    destination = save or review_path(profile_path, reviewer)
    if destination != "-" and Path(destination).exists() and not force:
        raise UsageError(f"{destination} exists; pass --force to replace it")
    role, level, _ = resolve_target(catalog, profile, role_option)
    if role is not None and level is None:
        from mlpath.engine.scoring import comparison_level

        level = comparison_level(role, profile.years_experience)
    skills = (list(catalog.skills.values()) if role is None or level is None
              else [catalog.skills[r.skill] for r in level.requirements])
    who = profile.name or Path(profile_path).stem
    prompter = ctx.prompter()
    prompter.show(styled(
        "You are rating ", (who, "bold"), f" as {reviewer}, on {len(skills)} skills. Rate "
        "what you have seen them do; type s to skip a category you cannot judge. Their own "
        "ratings are not shown, and neither are the role's targets. Ctrl-C stops; nothing "
        "is saved until the end."))
    answers = _ask_ratings(prompter, _by_category(skills, catalog), {}, whose="Their")
    result = Review(reviewer, {k: v for k, v in answers.items() if v is not None},
                    of=profile.name or Path(profile_path).name,
                    date=datetime.date.today().isoformat())
    text = dump_review(result, catalog)
    if destination == "-":
        sys.stdout.write(text)
        return 0
    from mlpath.atomic import write_atomic

    write_atomic(destination, text, replace=force)
    skipped = sum(1 for v in answers.values() if v is None)
    note(f"saved {reviewer}'s review to {destination}"
         + (f" ({skipped} skill(s) skipped: not rated)" if skipped else ""))
    return 0


def comparison(catalog: Catalog, levels: Sequence[Level], level_id: str,
               self_ratings: Mapping[str, int], profile_path: str | None, folder: str | None
               ) -> tuple[ReviewComparison | None, list[str]]:
    """The reviews of the profile at ``profile_path`` (beside it, or in ``folder``)
    against its self-ratings on the level ``level_id`` of ``levels``; None when it has
    none (or was not read from a file). With a warning for each review skipped."""
    if profile_path is None:
        return None, []
    from mlpath.reviewfile import load_reviews

    found, warnings = load_reviews(profile_path, catalog, folder)
    level = next((lv for lv in levels if lv.id == level_id), None)
    if not found or level is None:
        return None, warnings
    from mlpath.engine.review import compare  # only with reviews: it loads the report types
    names = {s.id: s.name for s in catalog.skills.values()}
    return compare(level, names, self_ratings, [(r.reviewer, r.skills) for r in found]), \
        warnings


def review_json(review: ReviewComparison | None, fmt: str) -> dict[str, Any] | None:
    """JSON's ``review`` field, for ``emit``'s ``extra``; None outside JSON."""
    if review is None or fmt != "json":
        return None
    from mlpath.render.jsonout import review as as_json

    return {"review": as_json(review)}


def print_review(review: ReviewComparison | None, fmt: str,
                 console: Callable[[], Console]) -> None:
    """The review as a section after the report, on a terminal or in Markdown."""
    if review is None:
        return
    if fmt == "markdown":
        from mlpath.render.review import review_markdown

        sys.stdout.write(review_markdown(review))
    elif fmt == "table":
        from mlpath.render.review import render_review

        render_review(review, console())
