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
CHECK = ("c", "check", "checklist")


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
    # Re-rating a saved profile: its ratings are the defaults. A skill it has no
    # rating for keeps having none when the answer is blank (absent stays absent,
    # null stays null), and `s` keeps the ratings the skipped category had.
    defaults: dict[str, int] = dict(old.skills)
    fresh_checks: dict[str, str] = {}
    ratings: dict[str, int | None] = {}
    ordered = _by_category(skills, catalog)
    start = 0
    said: dict[str, bool] = {}  # milestone answers of this interview, kept across `<`
    while True:
        ratings = _ask_ratings(prompter, ordered, defaults, checked=fresh_checks,
                               answers=ratings, start=start, keep=previous is not None)
        merged = {**old.skills, **{k: v for k, v in ratings.items() if v is not None}}
        for skill_id, rating in ratings.items():
            if rating is None:
                merged.pop(skill_id, None)
        _, target_level = settle_target(catalog, merged, years, role, level)
        milestones = _ask_milestones(catalog, prompter, target_level, old.milestones,
                                     can_go_back=bool(ordered), answered=said)
        if milestones is not None:
            break
        start = len(ordered) - 1  # `<` at the first milestone: the last skill again
    # An earlier check still stands while its rating stays what it was.
    checked = {**{k: d for k, d in old.checked.items()
                  if k in merged and merged[k] == old.skills.get(k)}, **fresh_checks}
    unrated = (old.unrated | {k for k, v in ratings.items() if v is None}) - set(merged)
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
                           unrated=frozenset(unrated), checked=checked)
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
    blank = "blank skips" if default is None else f"Enter keeps {_years_shown(default)}"
    while True:
        answer = prompter.ask(f"Years of professional experience ({blank}): ")
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


def _years_shown(value: float) -> str:
    """The years kept by Enter, as typed back (no exponent, no long tail of digits)."""
    return f"{value:.6f}".rstrip("0").rstrip(".") or "0"


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
                 known: Mapping[str, int], *, whose: str = "Your",
                 checked: dict[str, str] | None = None,
                 answers: Mapping[str, int | None] | None = None, start: int = 0,
                 keep: bool = False) -> dict[str, int | None]:
    """Each skill's rating; None for one skipped with ``s`` that had no rating in
    ``known`` (not rated); a skipped skill with one keeps it.

    ``keep`` (re-rating a saved profile): a blank answer to a skill with no rating
    in ``known`` leaves it out of the result, so it stays as the file had it.
    ``answers`` and ``start`` resume an earlier pass (going back from a later question).

    ``whose`` starts the question ("Their" when a reviewer rates someone else).
    ``checked`` (when given) receives skill id -> today's date for each rating the
    person settled through the skill's checklist (``c``); a skill answered again
    without it loses its entry.
    """
    answers = dict(answers or {})
    checks: dict[str, str] = {} if checked is None else checked
    index, total = max(0, min(start, len(skills))), len(skills)
    while index < total:
        skill = skills[index]
        if index == 0 or skills[index - 1].category != skill.category:
            prompter.show(styled(("\n" + skill.category, "bold underline")))
        prompter.show(styled((f"[{index + 1}/{total}] ", "dim"), (skill.name, "bold"),
                             (f" — {skill.description}", "dim")))
        prompter.show(_rubric(skill))
        default = answers.get(skill.id, known.get(skill.id))
        hint = f" [{default}]" if default is not None else " [not set]" if keep else ""
        offer = ", c checklist" if skill.checklist else ""
        while True:
            answer = prompter.ask(f"{whose} level 0-5{hint} (? details{offer}, < back, s skip "
                                  f"{skill.category}): ").lower()
            if answer in HELP:
                prompter.show(*_details(skill))
                continue
            if skill.checklist and (answer in CHECK or _CHECK_LEVEL.fullmatch(answer)):
                level = _run_checklist(prompter, skill, answer, default)
                if level is None:
                    continue  # backed out: the rating question again
                rating, supported, backed = level
                answers[skill.id] = rating
                if backed:
                    checks[skill.id] = datetime.date.today().isoformat()
                else:
                    checks.pop(skill.id, None)
                    why = (f"{rating} is above what your answers support ({supported})"
                           if rating > supported else
                           "no level's items were mostly done" if rating == 0 else
                           f"level {rating}'s own items were not asked")
                    prompter.show(styled((f"  {why}: kept, but not marked as checked.",
                                          "yellow")))
                index += 1
                break
            if answer in BACK:
                if index == 0:
                    prompter.show(styled(("  This is the first question.", "yellow")))
                    continue
                index -= 1
                break
            if answer in SKIP:
                while index < total and skills[index].category == skill.category:
                    answers.setdefault(skills[index].id, known.get(skills[index].id))
                    index += 1
                break
            if not answer and default is not None:
                answers[skill.id] = default
                checks.pop(skill.id, None)
                index += 1
                break
            if not answer and keep:  # nothing to keep and nothing said: left as it was
                index += 1
                break
            if _ascii_number(answer) and int(answer) <= 5:
                answers[skill.id] = int(answer)
                checks.pop(skill.id, None)
                index += 1
                break
            reason = "a level is needed" if not answer else (
                f"{_shown(answer)} is not a level" + unicode_digit_hint(answer))
            also = ", c for its checklist" if skill.checklist else ""
            prompter.show(styled((f"  {reason}: type a whole number 0-5, ? for details{also}, "
                                  "< to go back, s to skip the category.", "yellow")))
    return answers


_CHECK_LEVEL = re.compile(r"c ?[1-5]")
YES, NO = ("y", "yes"), ("n", "no")


def _run_checklist(prompter: Prompter, skill: Skill, answer: str, default: int | None
                   ) -> tuple[int, int, bool] | None:
    """Ask "done in the last year?" for a level's items and the level above, suggest the
    level the answers support, and let the person decide.

    The level considered is the one typed (``c3``), else the default shown, else asked
    for. When most items of no level asked were done, the items of the level below are
    asked next, one level at a time, so a suggestion always rests on its own level's
    answers (or is 0, after level 1). Returns (the rating chosen, the level the answers
    support, whether the rating is checked: its own items were asked and most done), or
    None when the person goes back (``<``) to the rating question. Nothing is decided
    silently: the suggestion is only taken with Enter.
    """
    level = int(answer[-1]) if answer[-1:].isdigit() else default
    while level is None or not 1 <= level <= 5:
        reply = prompter.ask("  Which level are you thinking of? 1-5 (< back): ").lower()
        if reply in BACK:
            return None
        if _ascii_number(reply) and 1 <= int(reply) <= 5:
            level = int(reply)
        else:
            prompter.show(styled(("  Type a level from 1 to 5, or < to go back.", "yellow")))
    top = min(5, len(skill.checklist))
    level = min(level, top)
    levels = [lv for lv in (level, level + 1) if lv <= top]
    items = [(lv, item) for lv in levels for item in skill.checklist[lv - 1]]
    prompter.show(styled((f"  {skill.name}: have you done this in the last year? ", "bold"),
                         ("(y/n, < back)", "dim")))
    done: list[bool] = []
    while True:
        while len(done) < len(items):
            lv, item = items[len(done)]
            reply = prompter.ask(f"  [level {lv}] {item}? [y/n] ").lower()
            if reply in BACK:
                if not done:
                    return None
                done.pop()
                # going back into a higher level forgets the lower levels asked after it
                items = [(at, it) for index, (at, it) in enumerate(items)
                         if at >= items[len(done)][0] or index < len(done)]
            elif reply in YES or reply in NO:
                done.append(reply in YES)
            else:
                prompter.show(styled(("  Type y or n (or < to go back).", "yellow")))
        by_level: dict[int, list[bool]] = {}
        for (at, _), did in zip(items, done, strict=True):
            by_level.setdefault(at, []).append(did)
        supported = suggest_level(min(by_level), by_level)
        lowest = min(by_level)
        if supported in by_level or lowest <= 1:
            break
        # none of the levels asked is mostly done: ask the level below before suggesting it
        below = lowest - 1
        prompter.show(styled((f"  Not most of level {lowest}: now level {below}'s items.",
                              "dim")))
        items += [(below, item) for item in skill.checklist[below - 1]]
    tally = "; ".join(f"level {lv}: {sum(ds)} of {len(ds)} done"
                      for lv, ds in sorted(by_level.items()))
    prompter.show(styled(f"  Your answers support level {supported} ({tally})."))

    def backed(rating: int) -> bool:
        own = by_level.get(rating, [])
        return rating >= 1 and 2 * sum(own) > len(own)

    while True:
        reply = prompter.ask(f"  Your level 0-5 [{supported}] (Enter takes {supported}, "
                             "< back): ").lower()
        if reply in BACK:
            return None
        if not reply:
            return supported, supported, backed(supported)
        if _ascii_number(reply) and int(reply) <= 5:
            return int(reply), supported, backed(int(reply))
        prompter.show(styled(("  Type a whole number 0-5, Enter for the suggestion, or < to "
                              "go back.", "yellow")))


def suggest_level(considered: int, done: Mapping[int, Sequence[bool]]) -> int:
    """The level checklist answers support: the highest level asked about where most
    items (more than half) were done; one below the level considered when none was
    (the interview then asks that level's items before suggesting it)."""
    for level in sorted(done, reverse=True):
        answers = done[level]
        if answers and 2 * sum(answers) > len(answers):
            return level
    return max(0, considered - 1)


def _ask_milestones(catalog: Catalog, prompter: Prompter, level: Level,
                    defaults: tuple[str, ...], *, can_go_back: bool = True,
                    answered: dict[str, bool] | None = None) -> tuple[str, ...] | None:
    """The milestones done; None when the person goes back (``<``) from the first one
    to the skill questions. ``?`` shows what counts for a milestone.

    ``answered`` (milestone id -> done) holds the answers already given in this
    interview: they are the defaults shown, in place of ``defaults``, and each new
    answer goes into it, so going back to the skills and on again keeps them.
    """
    said = {} if answered is None else answered
    ids = [*level.milestones_required, *level.milestones_recommended]
    if not ids:
        return _milestones_done(defaults, said, (), {})
    prompter.show(styled(("\nMilestones", "bold underline"),
                         f" for {level.title} (y/n, Enter keeps the answer shown, "
                         "? what counts, < back):"))
    done = {mid: said.get(mid, mid in defaults) for mid in ids}
    index = 0
    while index < len(ids):
        milestone = catalog.milestones[ids[index]]
        current = done[milestone.id]
        answer = prompter.ask(f"Done: {milestone.name}? [{'Y/n' if current else 'y/N'}] "
                              ).lower()
        if answer in HELP:
            prompter.show(styled(("  " + milestone.description, "dim")),
                          styled(("  How: " + milestone.how, "dim")))
        elif answer in BACK:
            if index > 0:
                index -= 1
            elif can_go_back:
                return None
            else:
                prompter.show(styled(("  This is the first question.", "yellow")))
        elif answer in ("", "y", "yes", "n", "no"):
            if answer:
                done[milestone.id] = answer in YES
            said[milestone.id] = done[milestone.id]
            index += 1
        else:
            prompter.show(styled(("  Type y or n, or press Enter. ? shows what counts, "
                                  "< goes back.", "yellow")))
    return _milestones_done(defaults, said, ids, done)


def _milestones_done(defaults: Sequence[str], said: Mapping[str, bool], ids: Sequence[str],
                     done: Mapping[str, bool]) -> tuple[str, ...]:
    """The profile's milestones in their order, less those answered "no", then those
    answered "yes" (also at a level asked before going back that is not asked now)."""
    kept = [mid for mid in defaults if done.get(mid, said.get(mid, True))]
    new = [mid for mid in [*ids, *said] if done.get(mid, said.get(mid)) and mid not in kept]
    return (*kept, *dict.fromkeys(new))
