"""The team view: a heatmap for a handful of people, skill rows for hundreds; the buy
list, who needs what, second opinions; and CSV (one row a person, or one a step)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from mlpath.engine.team import TOP_PERSON_GAPS
from mlpath.render.console import bar, styled
from mlpath.render.escape import csv_cell
from mlpath.render.table import hanging, readiness_style
from mlpath.render.text import number, percent
from mlpath.render.widgets import emit, indented, longest_word, resource_parts, room_left
from mlpath.reports import BuyItem, ReviewComparison, TeamGap, TeamPerson, TeamReport

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

CLOSEST = 10
GAP_STYLE = ("green", "yellow", "dark_orange", "red", "red", "red")
NEEDS_PEOPLE = 20  # past this many people, who-needs-what is for the CSV
NAMES_SHOWN = 8  # names per buy-list line in the terminal

# What the numbers mean, said in the view itself (the same words in every format).
PRIORITY_NOTE = ("Team priority: the sum over people of weight × levels short, so a "
                 "heavily weighted skill many people lack comes first. What to buy for "
                 "these: the buy list.")
BUY_NOTE = (f"Each person's top {TOP_PERSON_GAPS} gaps get the resource assess offers first "
            "(it matches the levels they climb, free first). Serves N: chosen for N people; "
            "value: the levels it covers summed over them; person-hours: its hours × N, or "
            "~ mlpath's per-level estimate (as in plan) when its hours are not known. "
            "Highest value first, free first when equal.")
NEEDS_NOTE = (f"Each person's top {TOP_PERSON_GAPS} gaps at the team's level (the ones the "
              "buy list buys for), highest priority first, with the resource chosen for "
              "each.")
SHORT_TITLE = "Where the team falls short"
BEST_HEADER = "Best match (at their years)"
BEST_NOTE = ("Best match is each person's closest role at the level their own years "
             "give, so it can read lower than the readiness against the team's level.")
REVIEW_NOTE = ("Self-ratings beside a second rater's. A difference of 2 or more levels is "
               "something to talk about, not a verdict: a blind spot is rated higher by the "
               "person, a hidden strength higher by the reviewers.")
STEPS_COLUMNS = ["name", "source", "step", "skill", "skill_name", "current", "required",
                 "resource", "url", "kind", "cost", "hours"]


def levels_text(levels: tuple[int, ...]) -> str:
    """(2, 3) -> "2–3", (4,) -> "4"."""
    if not levels:
        return "-"
    return str(levels[0]) if len(levels) == 1 else f"{levels[0]}–{levels[-1]}"


def covered_groups(item: BuyItem, names: dict[str, str], limit: int | None = None) -> str:
    """Whom a resource serves, grouped by what it covers for them:
    "Feature engineering 1–3: Ana, Ben; MLOps 2–3: Cy" (``limit`` names at most)."""
    groups: dict[str, list[str]] = {}
    for f in item.people[:limit]:
        what = ", ".join(f"{names.get(s, s)} {levels_text(lv)}" for s, lv in f.skills)
        groups.setdefault(what, []).append(f.name)
    more = item.serves - len(item.people[:limit])
    return "; ".join(f"{what}: {', '.join(who)}" for what, who in groups.items()) + (
        f"; and {more} more" if more else "")


def hours_text(item: BuyItem) -> str:
    if item.person_hours is not None:
        return f"{number(item.person_hours)} person-hours"
    if item.estimated_hours is not None:
        return f"~{number(item.estimated_hours)} person-hours"
    return "hours not known"


def buy_total(report: TeamReport) -> str:
    """The line a lead can budget on: known hours plus the plan's estimate for the rest."""
    if not report.buy_hours_unknown:
        return f"{len(report.buy)} resources, {number(report.buy_hours)} person-hours in all"
    total = max(report.buy_hours_total, report.buy_hours)
    return (f"{len(report.buy)} resources, ~{number(total)} person-hours in all "
            f"({report.buy_hours_unknown} without known hours, estimated at mlpath's "
            "per-level hours and marked ~)")


def skipped_text(report: TeamReport) -> str:
    """What a shared report says of the profiles it left out ("" when none was)."""
    if not report.skipped:
        return ""
    return f"{report.skipped} profile(s) skipped (see the command's messages)"


def short_line(g: TeamGap, members: int) -> str:
    """One skill of "where the team falls short": how many, by how much, its priority."""
    return (f"{g.below} of {members} short · mean gap {number(g.mean_gap)} · team priority "
            f"{number(g.priority)}")


def skill_names(report: TeamReport) -> dict[str, str]:
    return {s.id: s.name for s in report.skills}


def talk_text(review: ReviewComparison) -> str:
    """The skills worth a conversation, or "none"."""
    items = [f"{s.name} ({'blind spot' if s.talk == 'blind-spot' else 'hidden strength'}: "
             f"self {s.self_rating}, reviewers {number(s.reviewer_mean or 0)})"
             for s in review.skills if s.talk]
    return "; ".join(items) if items else "no difference of 2 or more levels"


class SkillsLayout(NamedTuple):
    people: bool  # the heatmap: a 2-wide column per person
    mean_header: str  # "Mean gap" on one line, or on two
    gap: int  # columns between neighbours: 2, or 1 when even that is needed


def skills_layout(report: TeamReport, width: int) -> SkillsLayout:
    """The richest layout whose Skill column still holds the longest word of every skill
    name: the heatmap is decoration and goes first, then the one-line header, then the
    second space between columns. A word longer than all that allows still folds."""
    longest = longest_word(s.name for s in report.skills)
    need = max([4, *(len(str(s.required)) for s in report.skills)])
    short = max([5, *(len(str(s.below)) for s in report.skills)])
    mean = max([4, *(len(number(s.mean_gap)) for s in report.skills)])
    worst = max([5, *(len(str(s.worst_gap)) for s in report.skills)])
    heatmap = [2] * len(report.people) if report.heatmap else None
    options = [SkillsLayout(p, h, g) for p, h, g in (
        (True, "Mean gap", 2), (True, "Mean\ngap", 2), (False, "Mean gap", 2),
        (False, "Mean\ngap", 2), (False, "Mean\ngap", 1)) if heatmap is not None or not p]
    for option in options:
        header = max(mean, *(len(line) for line in option.mean_header.split("\n")))
        fixed = [need, *(heatmap if option.people and heatmap else []), short, header, worst]
        if room_left(width, fixed, gap=option.gap) >= longest:
            return option
    return options[-1]


def render_team(report: TeamReport, console: Console) -> None:
    from rich.table import Table

    level, people = report.level, report.people
    how = {"option": "", "target": " (the target most profiles name)",
           "best-fit": " (the best fit of most people)",
           "none": " (no best fit: nothing is rated; pass --role)"}.get(report.role_chosen, "")
    console.print(styled(("Team", "bold"), f" of {report.members} against ",
                         (level.title, "bold"), f" ({report.role.id}:{level.id}){how}"))
    reached = sum(1 for p in people if p.reached)
    mean = sum(p.readiness for p in people) / len(people) if people else 0.0
    console.print(styled(f"Ready: {reached} of {report.members} · mean readiness "
                         f"{percent(mean)}"))
    if report.skipped:
        console.print(styled((skipped_text(report), "yellow")))
    layout = skills_layout(report, console.width)
    show_people = layout.people
    table = Table(box=None, pad_edge=False, title=styled(("Skills", "bold")),
                  title_justify="left", collapse_padding=layout.gap == 1)
    table.add_column("Skill", ratio=1, overflow="fold")
    table.add_column("Need", justify="right", no_wrap=True)
    if show_people:
        for i in range(len(people)):
            table.add_column(str(i + 1), justify="right", no_wrap=True, width=2)
    table.add_column("Short", justify="right", no_wrap=True)
    table.add_column(layout.mean_header, justify="right", no_wrap=True)
    table.add_column("Worst", justify="right", no_wrap=True)
    for row, s in enumerate(report.skills):
        cells: list[RenderableType] = [styled(s.name), str(s.required)]
        if show_people:
            for gaps in report.heatmap:
                gap = gaps[row]
                cells.append(styled(("·" if not gap else str(gap), GAP_STYLE[gap])))
        share = s.below / report.members if report.members else 0
        cells += [styled((f"{s.below}", "red" if share >= 0.5 else "")),
                  number(s.mean_gap), str(s.worst_gap)]
        table.add_row(*cells)
    console.print(table)
    if show_people:
        console.print(hanging([(str(i + 1), styled(p.name)) for i, p in enumerate(people)],
                              indent=1))
        console.print(styled(("Cells show each person's gap; · is met.", "dim")))
    if report.top_gaps:
        console.print(styled(("\n" + SHORT_TITLE, "bold")))
        console.print(hanging([(f"{i}.", styled((g.name, "bold"), (
            "  " + short_line(g, report.members), "dim")))
            for i, g in enumerate(report.top_gaps, 1)]))
        console.print(styled((PRIORITY_NOTE, "dim")))
    _draw_buy(report, console)
    _draw_needs(report, console)
    _draw_reviews(report, console)
    if report.milestones:
        missing = [m for m in report.milestones if m.missing]
        if missing:
            console.print(styled(("\nMilestones not yet done", "bold")))
            console.print(hanging([(
                f"{m.missing} of {report.members}",
                styled((m.name, "bold"), (" (required)" if m.required else " (recommended)",
                                          "dim"))) for m in missing], indent=2))
    closest = sorted((p for p in people if not p.reached), key=lambda p: -p.readiness)
    table = Table(box=None, pad_edge=False, title=styled((
        "People" if len(people) <= CLOSEST else "Closest to ready", "bold")),
        title_justify="left")
    table.add_column("Person", ratio=1, overflow="fold")
    table.add_column("Ready", no_wrap=True, justify="right")
    table.add_column("Backed", no_wrap=True, justify="right")
    table.add_column(BEST_HEADER, overflow="fold")
    listed = people if len(people) <= CLOSEST else closest[:CLOSEST]
    bar_width = 10 if console.width >= 70 else 0  # the bar goes before a name has to break
    if console.width < 60:  # narrow: one person per entry, every fact kept, nothing cut
        console.print(table.title or "")
        console.print(hanging([(percent(p.readiness).rjust(6), styled(
            (p.name, "bold"), ("\nbest match at their years " + best_text(p), "dim"),
            ("" if p.backed_readiness is None else
             f"\n{percent(p.backed_readiness)} backed", "dim"))) for p in listed]))
        listed_more = len(people) - len(listed)
        if listed_more:
            console.print(styled((f"…and {listed_more} more in --json or --format csv",
                                  "dim")))
        return
    for p in listed:
        style = readiness_style(p.readiness)
        table.add_row(styled(p.name), styled((bar(p.readiness, 100, bar_width) + " " if bar_width
                                              else "", style), percent(p.readiness).rjust(6)),
                      percent(p.readiness if p.backed_readiness is None
                              else p.backed_readiness),
                      styled(best_text(p)))
    console.print(table)
    console.print(styled((BEST_NOTE, "dim")))
    if len(people) > len(listed):
        console.print(styled((f"…and {len(people) - len(listed)} more in --json or "
                              "--format csv", "dim")))


def _draw_buy(report: TeamReport, console: Console) -> None:
    if not report.buy:
        return
    names = skill_names(report)
    console.print(styled(("\nBuy list", "bold"), f": {buy_total(report)}"))
    console.print(styled((BUY_NOTE, "dim")))
    parts: list[object] = []
    for i, b in enumerate(report.buy, 1):
        parts.extend(resource_parts(b.resource, 4, bullet=f"{i}."))
        parts.append(indented(styled(
            (f"serves {b.serves}", "bold"), f" · value {b.value} · {hours_text(b)}"), 4))
        parts.append(indented(styled((covered_groups(b, names, NAMES_SHOWN), "dim")), 4))
    emit(console, parts)


def _draw_needs(report: TeamReport, console: Console) -> None:
    people = report.people
    console.print(styled(("\nWho needs what", "bold")))
    if len(people) > NEEDS_PEOPLE or console.width < 60:
        console.print(styled((f"{NEEDS_NOTE} For {len(people)} people: "
                              "--format steps-csv (one row a person and step) or --json.",
                              "dim")))
        return
    console.print(styled((NEEDS_NOTE + " All of them: --format steps-csv.", "dim")))
    from rich.table import Table

    names = skill_names(report)
    table = Table(box=None, pad_edge=False)
    table.add_column("Person", ratio=1, overflow="fold")
    table.add_column("Gap", ratio=1, overflow="fold")
    table.add_column("Resource", ratio=2, overflow="fold")
    for p in people:
        if not p.gaps:
            table.add_row(styled(p.name), styled(("no gaps", "green")), "")
        for n, ((sid, current, required), r) in enumerate(
                zip(p.gaps[:TOP_PERSON_GAPS], p.chosen, strict=False)):
            table.add_row(styled(p.name if n == 0 else ""),
                          styled(f"{names.get(sid, sid)} {current}→{required}"),
                          styled(r.title if r else ("nothing in the catalogue", "dim")))
    console.print(table)


def _draw_reviews(report: TeamReport, console: Console) -> None:
    reviewed = [p for p in report.people if p.review is not None] if report.reviewed else []
    if not reviewed:
        return
    console.print(styled(("\nSecond opinions", "bold"),
                         f": {len(reviewed)} of {report.members} reviewed"))
    console.print(styled((REVIEW_NOTE, "dim")))
    rows = []
    for p in reviewed:
        c = p.review
        assert c is not None
        rows.append((styled((p.name, "bold")), styled(
            f"ready on self {percent(c.readiness_self)} · reviewers "
            f"{percent(c.readiness_reviewers)} · mean {percent(c.readiness_mean)}",
            (f" ({', '.join(c.reviewers)})", "dim"), "\nto talk about: " + talk_text(c))))
    console.print(hanging(rows, indent=2))


def team_steps_csv(report: TeamReport) -> str:
    """Who needs what as CSV: one row per person and step (a top gap at the team's level
    and the resource chosen for it), to paste into a tracker. People with no gap have
    no row. Every text cell is formula-safe (``escape.csv_cell``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STEPS_COLUMNS)
    names = skill_names(report)
    for p in report.people:
        for step, ((sid, current, required), r) in enumerate(
                zip(p.gaps, p.chosen, strict=False), 1):
            writer.writerow([
                csv_cell(p.name), csv_cell(p.source), step, csv_cell(sid),
                csv_cell(names.get(sid, sid)), current, required,
                csv_cell(r.title) if r else "", csv_cell(r.url or "") if r else "",
                csv_cell(r.kind) if r else "", csv_cell(r.cost) if r else "",
                "" if r is None or r.hours is None else number(r.hours)])
    return out.getvalue()


def stream_team_json(report: TeamReport, write: Callable[[str], object],
                     extra: dict[str, Any] | None = None) -> None:
    """The team JSON on one line, with the people written a batch at a time as they are
    computed: memory holds the team's small records, never every person's view."""
    from mlpath.render import jsonout

    value = jsonout.team(report._replace(people=()))
    for key, item in (extra or {}).items():
        value.setdefault(key, item)
    write("{")
    for i, (key, item) in enumerate(value.items()):
        write(("," if i else "") + jsonout.dumps(key, compact=True) + ":")
        if key != "people":
            write(jsonout.dumps(item, compact=True))
            continue
        write("[")
        batch: list[dict[str, Any]] = []
        first = True
        for p in report.people:
            batch.append(jsonout.team_person(p))
            if len(batch) == STREAM_BATCH:
                write(("" if first else ",") + jsonout.dumps(batch, compact=True)[1:-1])
                batch, first = [], False
        if batch:
            write(("" if first else ",") + jsonout.dumps(batch, compact=True)[1:-1])
        write("]")
    write("}\n")


STREAM_BATCH = 200


def team_csv(report: TeamReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # New columns go at the end, so a column keeps its position for existing sheets.
    reviewed = bool(report.reviewed)
    writer.writerow(["name", "source", "role", "level", "readiness", "reached", "best_match",
                     "best_match_readiness", "top_gaps", "missing_milestones",
                     "backed_readiness", *(["reviewers_readiness"] if reviewed else [])])
    for p in report.people:
        gaps = "; ".join(f"{s} {c}->{r}" for s, c, r in p.gaps[:TOP_PERSON_GAPS])
        backed = p.readiness if p.backed_readiness is None else p.backed_readiness
        writer.writerow([csv_cell(p.name), csv_cell(p.source), csv_cell(report.role.id),
                         csv_cell(report.level.id), f"{p.readiness:.1f}",
                         "yes" if p.reached else "no", csv_cell(p.best_match),
                         f"{p.best_readiness:.1f}", csv_cell(gaps),
                         csv_cell("; ".join(p.missing_milestones)), f"{backed:.1f}",
                         *([] if not reviewed else [
                             "" if p.review is None else f"{p.review.readiness_reviewers:.1f}"])])
    return out.getvalue()


def best_text(person: TeamPerson) -> str:
    """A person's best match at their own years: role:level and readiness."""
    if not person.best_match:
        return "— (nothing rated)"
    return f"{person.best_match}:{person.best_level} {percent(person.best_readiness)}"
