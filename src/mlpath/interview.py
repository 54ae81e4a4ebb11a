"""The interview: asks for a role, years and ratings on a terminal, and returns a Profile.

It never shows a role's required levels while asking (so answers are not
anchored), it re-asks on bad input with the reason, and Ctrl-C or end of input
simply propagate: nothing is written until the caller saves, after the report.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from mlpath.engine.assess import comparison_level, settle_target
from mlpath.model import GENERIC_RUBRIC, SCALE_NAMES, Catalog, Level, Profile, Role, Skill, Snapshot
from mlpath.profile import with_snapshot
from mlpath.render.console import styled
from mlpath.spec import unicode_digit_hint

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

BACK = ("<", "b", "back")
SKIP = ("s", "skip")
HELP = ("?", "h", "help")


class Answers(NamedTuple):
    profile: Profile
    role: Role | None
    level: Level | None


class Prompter:
    """Where questions go and answers come from; tests pass scripted ones."""

    def __init__(self, console: Console, read: Callable[[str], str] = input) -> None:
        self.console = console
        self.read = read

    def show(self, *parts: RenderableType) -> None:
        for part in parts:
            self.console.print(part)

    def ask(self, prompt: str) -> str:
        self.console.print(styled((prompt, "bold cyan")), end="")
        return self.read("").strip()


def run_interview(*, catalog: Catalog, prompter: Prompter, previous: Profile | None = None,
                  role: Role | None = None, level: Level | None = None) -> Answers:
    """Ask everything and return the new profile (with history when ``previous`` is given)."""
    old = previous or Profile(skills={})
    prompter.show(styled(("mlpath", "bold"), " asks a few questions, then shows your report. "
                         "Ctrl-C stops at any time; nothing is saved until the end."))
    name = prompter.ask(f"Your name (optional){f' [{old.name}]' if old.name else ''}: ") or old.name
    if role is None:
        role, level = _ask_role(catalog, prompter, old.target)
    chosen_level = level  # None: the comparison level, which depends on the years
    years = _ask_years(prompter, old.years_experience)
    if role is not None and level is None:
        level = comparison_level(role, years)
    if role is not None and level is not None:
        skills = [catalog.skills[r.skill] for r in level.requirements]
        prompter.show(styled(f"\nRate yourself on the {len(skills)} skills of ",
                             (level.title, "bold"), "."))
    else:
        skills = list(catalog.skills.values())
        prompter.show(styled(f"\nRate yourself on all {len(skills)} skills; type s to skip the "
                             "rest of a category you do not know."))
    # Re-rating a saved profile: a skill it leaves out counts as 0, so 0 is its default
    # (one it marks as not rated has none).
    defaults: dict[str, int] = dict(old.skills)
    if previous:
        defaults = {**{s: 0 for s in catalog.skills if s not in old.unrated}, **old.skills}
    ratings = _ask_ratings(prompter, _by_category(skills, catalog), defaults)
    merged = {**old.skills, **{k: v for k, v in ratings.items() if v is not None}}
    for skill_id, rating in ratings.items():
        if rating is None:
            merged.pop(skill_id, None)
    unrated = (old.unrated | {k for k, v in ratings.items() if v is None}) - set(merged)
    _, target_level = settle_target(catalog, merged, years, role, level)
    milestones = _ask_milestones(catalog, prompter, target_level, old.milestones)
    history = old.history
    if previous is not None:
        today = datetime.date.today().isoformat()
        history = with_snapshot(old.history,
                                Snapshot(today, dict(old.skills), old.years_experience))
    target = old.target
    if role is not None:
        target = role.id if chosen_level is None else f"{role.id}:{chosen_level.id}"
    profile = old._replace(name=name, skills=merged, years_experience=years, target=target,
                           milestones=milestones, history=history, warnings=(),
                           unrated=frozenset(unrated))
    return Answers(profile, role, level)


def _by_category(skills: Sequence[Skill], catalog: Catalog) -> list[Skill]:
    """Skills grouped by category, in the catalogue's own order."""
    position = {sid: i for i, sid in enumerate(catalog.skills)}
    category: dict[str, int] = {}
    for skill in catalog.skills.values():
        category.setdefault(skill.category, len(category))
    return sorted(skills, key=lambda s: (category.get(s.category, len(category)),
                                         position.get(s.id, len(position))))


def _ask_role(catalog: Catalog, prompter: Prompter, default: str | None
              ) -> tuple[Role | None, Level | None]:
    from mlpath.catalog import parse_target
    from mlpath.errors import UsageError

    roles = list(catalog.roles.values())
    prompter.show(styled(("Which role do you want to be assessed against?", "bold")))
    rows = [styled(f"{i:>3}  ", (r.name, "bold"), (f"  {r.id}", "dim"))
            for i, r in enumerate(roles, 1)]
    rows.append(styled("  0  ", ("Find my best fit", "bold"), ("  rates every skill", "dim")))
    prompter.show(*rows)
    hint = f" [{default}]" if default else ""
    while True:
        answer = prompter.ask(f"Role (number or id){hint}: ")
        if not answer and default:
            answer = default
        if answer == "0":
            return None, None
        if _ascii_number(answer) and 1 <= int(answer) <= len(roles):
            return roles[int(answer) - 1], None
        if not answer:
            prompter.show(styled(("  Type a number from the list, a role id, or 0 for your "
                                  "best fit.", "yellow")))
            continue
        if unicode_digit_hint(answer):
            prompter.show(styled(("  " + unicode_digit_hint(answer).lstrip("; "), "yellow")))
            continue
        try:
            return parse_target(catalog, answer)
        except UsageError as exc:
            prompter.show(styled(("  " + str(exc), "yellow")))


def _ask_years(prompter: Prompter, default: float | None) -> float | None:
    hint = f" [{default:g}]" if default is not None else ""
    while True:
        answer = prompter.ask(f"Years of professional experience (blank skips){hint}: ")
        if not answer:
            return default
        hint = unicode_digit_hint(answer)
        if hint:
            prompter.show(styled(("  " + hint.lstrip("; "), "yellow")))
            continue
        try:
            years = float(answer) if _DECIMAL.fullmatch(answer) else math.nan
        except ValueError:  # pragma: no cover - the pattern admits only floats
            years = math.nan
        if math.isnan(years):
            prompter.show(styled((f"  {_shown(answer)} is not a number of years; type e.g. "
                                  "3 or 2.5, or leave it blank.", "yellow")))
            continue
        if 0 <= years <= 70:
            return int(years) if years.is_integer() else years
        prompter.show(styled(("  Years go from 0 to 70.", "yellow")))


def _rubric(skill: Skill) -> RenderableType:
    from rich.padding import Padding
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(ratio=1, overflow="fold")
    for level, text in enumerate(skill.rubric):
        described = text.split(": ", 1)[-1].capitalize() if text == GENERIC_RUBRIC[level] else text
        grid.add_row(str(level), SCALE_NAMES[level], styled(described))
    return Padding(grid, (0, 0, 0, 2))


def _details(skill: Skill) -> list[RenderableType]:
    from mlpath.render.table import hanging, resource_line

    parts: list[RenderableType] = [styled(("  " + skill.description, "dim"))]
    if skill.prerequisites:
        parts.append(styled(("  Builds on: " + ", ".join(skill.prerequisites), "dim")))
    if skill.resources:
        parts.append(styled("  Resources:"))
        parts.append(hanging([("•", resource_line(r)) for r in skill.resources], indent=2))
    return parts


def _ascii_number(text: str) -> bool:
    """0-9 only: str.isdigit() also passes '³', which int() cannot read."""
    return text.isascii() and text.isdigit() and len(text) <= 6


_DECIMAL = re.compile(r"[+-]?[0-9]{1,6}(\.[0-9]{1,6})?|\.[0-9]{1,6}")


def _shown(answer: str) -> str:
    return repr(answer if len(answer) <= 20 else answer[:17] + "...")


def _ask_ratings(prompter: Prompter, skills: list[Skill],
                 known: Mapping[str, int], *, whose: str = "Your") -> dict[str, int | None]:
    """Each skill's rating; None for one skipped with ``s`` (not rated). ``whose`` starts
    the question ("Their" when a reviewer rates someone else)."""
    answers: dict[str, int | None] = {}
    index, total = 0, len(skills)
    while index < total:
        skill = skills[index]
        if index == 0 or skills[index - 1].category != skill.category:
            prompter.show(styled(("\n" + skill.category, "bold underline")))
        prompter.show(styled((f"[{index + 1}/{total}] ", "dim"), (skill.name, "bold"),
                             (f" — {skill.description}", "dim")))
        prompter.show(_rubric(skill))
        default = answers.get(skill.id, known.get(skill.id))
        hint = f" [{default}]" if default is not None else ""
        while True:
            answer = prompter.ask(f"{whose} level 0-5{hint} (? details, < back, s skip "
                                  f"{skill.category}): ").lower()
            if answer in HELP:
                prompter.show(*_details(skill))
                continue
            if answer in BACK:
                if index == 0:
                    prompter.show(styled(("  This is the first question.", "yellow")))
                    continue
                index -= 1
                break
            if answer in SKIP:
                while index < total and skills[index].category == skill.category:
                    answers.setdefault(skills[index].id, None)
                    index += 1
                break
            if not answer and default is not None:
                answers[skill.id] = default
                index += 1
                break
            if _ascii_number(answer) and int(answer) <= 5:
                answers[skill.id] = int(answer)
                index += 1
                break
            reason = "a level is needed" if not answer else (
                f"{_shown(answer)} is not a level" + unicode_digit_hint(answer))
            prompter.show(styled((f"  {reason}: type a whole number 0-5, ? for details, "
                                  "< to go back, s to skip the category.", "yellow")))
    return answers


def _ask_milestones(catalog: Catalog, prompter: Prompter, level: Level,
                    defaults: tuple[str, ...]) -> tuple[str, ...]:
    ids = [*level.milestones_required, *level.milestones_recommended]
    have = list(defaults)
    if not ids:
        return tuple(have)
    prompter.show(styled(("\nMilestones", "bold underline"),
                         f" for {level.title} (y/n, Enter keeps the answer shown):"))
    for mid in ids:
        milestone = catalog.milestones[mid]
        current = mid in have
        while True:
            answer = prompter.ask(f"Done: {milestone.name}? [{'Y/n' if current else 'y/N'}] "
                                  ).lower()
            if answer in ("", "y", "yes", "n", "no"):
                break
            prompter.show(styled(("  Type y or n, or press Enter.", "yellow")))
        if answer in ("y", "yes") and not current:
            have.append(mid)
        elif answer in ("n", "no") and current:
            have.remove(mid)
    return tuple(have)
