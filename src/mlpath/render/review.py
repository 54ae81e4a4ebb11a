"""Self against second raters (``engine/review.py``): on a terminal and in Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.render.console import styled
from mlpath.render.escape import markdown as md
from mlpath.render.text import number, percent
from mlpath.reports import ReviewComparison

if TYPE_CHECKING:
    from rich.console import Console

TALK = {"blind-spot": "blind spot", "hidden-strength": "hidden strength", "": ""}


def readiness_line(c: ReviewComparison) -> str:
    return (f"Ready on your ratings {percent(c.readiness_self)} · on the reviewers' "
            f"{percent(c.readiness_reviewers)} · on their mean {percent(c.readiness_mean)}")


def _theirs(c: ReviewComparison, ratings: tuple[tuple[str, int | None], ...]) -> str:
    return ", ".join("–" if r is None else str(r) for _, r in ratings)


def render_review(c: ReviewComparison, console: Console) -> None:
    from rich.table import Table

    from mlpath.render.team import REVIEW_NOTE

    console.print(styled(("\nSecond opinions", "bold"), f" from {', '.join(c.reviewers)}"))
    console.print(styled((REVIEW_NOTE, "dim")))
    console.print(styled(readiness_line(c)))
    table = Table(box=None, pad_edge=False)
    table.add_column("Skill", ratio=1, overflow="fold")
    table.add_column("Self", justify="right", no_wrap=True)
    table.add_column("Reviewers", justify="right", no_wrap=True)
    table.add_column("Talk about", overflow="fold")
    for s in c.skills:
        table.add_row(styled(s.name), str(s.self_rating), _theirs(c, s.reviewers),
                      styled((TALK[s.talk], "yellow")))
    console.print(table)


def review_markdown(c: ReviewComparison) -> str:
    from mlpath.render.team import REVIEW_NOTE

    lines = ["", f"## Second opinions ({md(', '.join(c.reviewers))})", "", md(REVIEW_NOTE), "",
             readiness_line(c) + ".", "", "| Skill | Self | Reviewers | Mean | Talk about |",
             "|---|---:|---:|---:|---|"]
    lines += [f"| {md(s.name)} | {s.self_rating} | {_theirs(c, s.reviewers)} | "
              f"{'–' if s.reviewer_mean is None else number(s.reviewer_mean)} | "
              f"{TALK[s.talk]} |" for s in c.skills]
    return "\n".join(lines) + "\n"
