"""A second rater: a person's self-ratings beside their reviewers' ratings.

Self and supervisor ratings of the same skills agree only loosely (about r = 0.22 in
Heidemeier & Moser 2009), so a difference is a thing to talk about, not a verdict:
a *blind spot* is a skill the person rates 2 or more levels above their reviewers'
mean, a *hidden strength* one they rate 2 or more below it. Readiness is computed
three times through the one scoring kernel: on the self-ratings, on the reviewers'
ratings (their mean per skill), and on the mean of the two. A skill no reviewer
rated keeps the self-rating in all three (there is no second opinion on it). Pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mlpath.engine.scoring import prepare, round_half_up, score
from mlpath.model import Level
from mlpath.reports import ReviewComparison, SkillReview

TALK_AT = 2  # a difference of this many levels is worth a conversation


def talk_about(self_rating: float, reviewer_mean: float | None) -> str:
    """"blind-spot", "hidden-strength" or "" for one skill."""
    if reviewer_mean is None:
        return ""
    if self_rating >= reviewer_mean + TALK_AT:
        return "blind-spot"
    if reviewer_mean >= self_rating + TALK_AT:
        return "hidden-strength"
    return ""


def compare(level: Level, names: Mapping[str, str], self_ratings: Mapping[str, int],
            reviews: Sequence[tuple[str, Mapping[str, int]]]) -> ReviewComparison:
    """The person's ratings on ``level``'s skills against each review (reviewer, ratings).

    A skill missing from a review is not rated by that reviewer; a skill missing
    from the self-ratings counts as 0, as everywhere.
    """
    prepared = prepare(level)
    targets = dict(zip(prepared.skills, prepared.targets, strict=True))
    rows = []
    own: list[float] = []
    theirs: list[float] = []
    mean: list[float] = []
    for sid in prepared.skills:
        mine = self_ratings.get(sid, 0)
        given = tuple((who, ratings.get(sid)) for who, ratings in reviews)
        rated = [r for _, r in given if r is not None]
        other = round_half_up(sum(rated) / len(rated), 2) if rated else None
        rows.append(SkillReview(sid, names.get(sid, sid), targets[sid], mine, given, other,
                                talk_about(mine, other)))
        own.append(mine)
        theirs.append(mine if other is None else other)
        mean.append(mine if other is None else (mine + other) / 2)
    return ReviewComparison(tuple(who for who, _ in reviews), tuple(rows),
                            score(prepared, own), score(prepared, theirs),
                            score(prepared, mean))
