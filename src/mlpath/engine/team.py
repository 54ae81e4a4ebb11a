"""Many profiles at once: where a group falls short of a role, and what training helps most.

Profiles are read one at a time and reduced to a ``Member`` (a byte per skill), so
memory grows by a small record per person, never by whole profiles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from typing import overload

from mlpath.engine.checks import backed_vector
from mlpath.engine.plan import HOURS_TO_LEVEL
from mlpath.engine.resources import COST_ORDER, levels_served, pick_resources, resource_key
from mlpath.engine.scoring import (
    comparison_level,
    has_ratings,
    prepare,
    reached,
    vector_scorer,
    years_needed,
)
from mlpath.model import Catalog, Level, Profile, Resource, Role
from mlpath.reports import (
    BuyFor,
    BuyItem,
    Member,
    TeamGap,
    TeamMilestone,
    TeamPerson,
    TeamReport,
    TeamSkill,
)

TOP_TEAM_GAPS = 5
# Each person's top gaps: the ones who-needs-what lists and the buy list buys for (one
# number for both, said in the view).
TOP_PERSON_GAPS = 5
HEATMAP_PEOPLE = 40  # past this, a person-by-skill grid is unreadable in any terminal
RESOURCES_PER_TEAM_GAP = 2
BUY_NAMES = 50  # names listed per buy-list resource; the steps CSV has every one


class Matcher:
    """Reduces each profile to a ``Member``, with its best fit (the answer of
    ``scoring.best_fit``, through the same kernel, with each years value's comparison
    levels prepared once for the whole run)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.skill_ids = list(catalog.skills)
        self.roles = sorted(catalog.roles.values(), key=lambda r: r.id)
        self._by_years: dict[float | None, list[tuple[str, Level, Callable[[bytes], float]]]] = {}
        self._scorers: dict[int, Callable[[bytes], float]] = {}

    def _levels(self, years: float | None) -> list[tuple[str, Level, Callable[[bytes], float]]]:
        """The roles a person with ``years`` may have as best fit, at their comparison
        level, each with its scorer of rating vectors."""
        found = self._by_years.get(years)
        if found is None:
            found = [(r.id, level, self._scorer(level)) for r in self.roles
                     if years_needed(r, years) is None
                     for level in (comparison_level(r, years),)]
            self._by_years[years] = found
        return found

    def _scorer(self, level: Level) -> Callable[[bytes], float]:
        key = id(level)  # the catalogue and its levels live as long as the Matcher
        if key not in self._scorers:
            self._scorers[key] = vector_scorer(prepare(level), self.skill_ids)
        return self._scorers[key]

    def member(self, profile: Profile,
               reviews: tuple[tuple[str, Mapping[str, int]], ...] = ()) -> Member:
        vector = bytes(map(profile.skills.get, self.skill_ids, repeat(0)))
        best_id, best_level, best_score = "", "", 0.0
        if has_ratings(profile.skills):
            best_score = -1.0
            for role_id, level, scored in self._levels(profile.years_experience):
                value = scored(vector)
                if value > best_score:  # roles come sorted by id: ties keep the first
                    best_id, best_level, best_score = role_id, level.id, value
            best_score = max(best_score, 0.0)
        return Member(profile.name or profile.source, profile.source, vector,
                      profile.milestones, profile.target, best_id, best_score,
                      profile.years_experience, best_level,
                      backed=backed_vector(profile, self.skill_ids, vector), reviews=reviews)


def team_level(role: Role, members: Sequence[Member]) -> Level:
    """One level for the whole team: the comparison level most of its people have
    (DESIGN §2, applied to each person's years); on a tie, the lower level."""
    counts = Counter(comparison_level(role, m.years).id for m in members)
    if not counts:
        return comparison_level(role, None)
    order = {lv.id: i for i, lv in enumerate(role.levels)}
    top = min(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))[0]
    found = role.level(top)
    assert found is not None
    return found


def choose_target(catalog: Catalog, members: Sequence[Member], role: Role | None,
                  level: Level | None) -> tuple[Role, Level, str]:
    """The option's role; else the target most profiles name; else the most common best fit.

    Without a level, the team is compared at the comparison level most of its people
    have: one level for everyone, so the numbers add up.
    """
    how = "option"
    if role is None:
        targets = Counter(m.target for m in members if m.target)
        if targets:
            top = min(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            role_id, _, level_id = top.partition(":")  # checked when the profile was read
            role, how = catalog.roles[role_id], "target"
            level = role.level(level_id) if level_id else None
        else:
            fits = Counter(m.best_match for m in members if m.best_match)
            role_id = min(fits.items(), key=lambda kv: (-kv[1], kv[0]))[0] if fits else (
                next(iter(catalog.roles)))
            role, how = catalog.roles[role_id], "best-fit" if fits else "none"
    return role, level or team_level(role, members), how


class Chooser:
    """The resource assess would offer first for a gap (``resources.pick_resources``: the
    level-matched rule, free first), cached per (skill, current, required)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._cache: dict[tuple[str, int, int], Resource | None] = {}

    def __call__(self, skill: str, current: int, required: int) -> Resource | None:
        key = (skill, current, required)
        if key not in self._cache:
            picked = pick_resources(self.catalog.skills[skill].resources, current, required,
                                    limit=1)
            self._cache[key] = picked[0] if picked else None
        return self._cache[key]


class People(Sequence[TeamPerson]):
    """The team's people, each computed when asked for: a JSON writer streams them one
    at a time, so memory holds the small ``Member`` records, never every person's view."""

    def __init__(self, members: Sequence[Member], make: Callable[[Member], TeamPerson]) -> None:
        self._members = members
        self._make = make

    def __len__(self) -> int:
        return len(self._members)

    @overload
    def __getitem__(self, index: int) -> TeamPerson: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[TeamPerson]: ...

    def __getitem__(self, index: int | slice) -> TeamPerson | Sequence[TeamPerson]:
        if isinstance(index, slice):
            return [self._make(m) for m in self._members[index]]
        return self._make(self._members[index])

    def __iter__(self) -> Iterator[TeamPerson]:
        return map(self._make, self._members)


def summarize(*, catalog: Catalog, members: Sequence[Member], role: Role, level: Level,
              chosen: str, skipped: int = 0) -> TeamReport:
    index = {sid: i for i, sid in enumerate(catalog.skills)}
    reqs = sorted(level.requirements, key=lambda r: (-r.weight, r.skill))
    # Each requirement as (position in the rating vector, skill, target, weight).
    plan = [(index[r.skill], r.skill, r.level, r.weight) for r in reqs]
    scored = vector_scorer(prepare(level), list(catalog.skills))
    choose = Chooser(catalog)
    names = {sid: s.name for sid, s in catalog.skills.items()}

    def make(m: Member) -> TeamPerson:
        return _person(m, plan, scored, level, choose, names, index)

    people = People(members, make)
    skills = []
    priority: dict[str, float] = {}
    for at, sid, target, weight in plan:
        gaps = [target - m.ratings[at] for m in members if m.ratings[at] < target]
        priority[sid] = weight * sum(gaps)
        skills.append(TeamSkill(sid, catalog.skills[sid].name, target, weight, len(gaps),
                                round(sum(gaps) / len(members), 2) if members else 0.0,
                                max(gaps, default=0)))
    top = sorted((s for s in skills if s.below), key=lambda s: (-priority[s.id], s.id))
    milestones = tuple(
        TeamMilestone(mid, catalog.milestones[mid].name, required,
                      sum(1 for m in members if mid not in m.milestones))
        for required, ids in ((True, level.milestones_required),
                              (False, level.milestones_recommended))
        for mid in ids if mid in catalog.milestones)
    heatmap = tuple(tuple(max(0, target - m.ratings[at]) for at, _, target, _ in plan)
                    for m in members) if len(members) <= HEATMAP_PEOPLE else ()
    # The buy list needs only each person's top gaps and picks: no readiness, no review.
    buy = buy_list((m.name, top, tuple(choose(*g) for g in top))
                   for m in members for top in (_top(m.ratings, plan),))
    top_gaps = tuple(_team_gap(s, buy, priority[s.id]) for s in top[:TOP_TEAM_GAPS])
    known = [b.person_hours for b in buy if b.person_hours is not None]
    guessed = [b.estimated_hours for b in buy if b.estimated_hours is not None]
    return TeamReport(role, level, chosen, len(members), skipped, tuple(skills), people,
                      top_gaps, milestones, heatmap, buy, round(sum(known), 1),
                      len(buy) - len(known), sum(1 for m in members if m.reviews),
                      buy_hours_total=round(sum(known) + sum(guessed), 1))


class _Buying:
    """A buy-list resource being added up, person by person."""

    def __init__(self, resource: Resource) -> None:
        self.resource = resource
        self.skills: dict[str, None] = {}  # ordered, without repeats
        self.serves = 0
        self.value = 0
        self.estimate = 0.0  # the plan's per-level hours over the levels it covers
        self.people: list[BuyFor] = []

    def add(self, name: str, covered: list[tuple[str, tuple[int, ...]]]) -> None:
        for sid, _ in covered:
            self.skills.setdefault(sid, None)
        self.serves += 1
        self.value += sum(len(levels) for _, levels in covered)
        self.estimate += sum(HOURS_TO_LEVEL[lv] for _, levels in covered for lv in levels)
        if len(self.people) < BUY_NAMES:
            self.people.append(BuyFor(name, tuple(covered)))

    def item(self) -> BuyItem:
        hours = self.resource.hours
        return BuyItem(self.resource, tuple(self.skills), self.serves, self.value,
                       None if hours is None else round(hours * self.serves, 1),
                       tuple(self.people),
                       round(self.estimate, 1) if hours is None else None)


Needs = tuple[str, Sequence[tuple[str, int, int]], Sequence[Resource | None]]


def buy_list(people: Iterable[Needs]) -> tuple[BuyItem, ...]:
    """The resources chosen for the people's top gaps, merged across skills: ``people``
    gives each person's (name, top gaps as (skill, current, required), the resource
    chosen for each gap or None).

    Each person counts once per resource (a course chosen for two of their gaps serves
    them once, covering both); its value is the levels it covers summed over the people
    it serves. Highest value first; on equal value free before freemium before paid,
    then more people, then the title ignoring case (so "mlcourse.ai" sorts among the Ms).
    """
    found: dict[str, _Buying] = {}
    # The same few hundred (resource, gap) pairs come back person after person.
    served: dict[tuple[str, int, int], tuple[int, ...]] = {}
    for name, gaps, chosen in people:
        mine: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
        for (sid, current, required), r in zip(gaps, chosen, strict=True):
            if r is not None:
                key = resource_key(r)
                if key not in found:
                    found[key] = _Buying(r)
                levels = served.get((key, current, required))
                if levels is None:
                    levels = served[key, current, required] = levels_served(r, current,
                                                                            required)
                mine.setdefault(key, []).append((sid, levels))
        for key, covered in mine.items():
            found[key].add(name, covered)
    items = [b.item() for b in found.values()]
    items.sort(key=lambda b: (-b.value, COST_ORDER.get(b.resource.cost, 3), -b.serves,
                              b.resource.title.casefold(), b.resource.title))
    return tuple(items)


def _top(ratings: bytes, plan: list[tuple[int, str, int, float]]
         ) -> tuple[tuple[str, int, int], ...]:
    """A person's top gaps, (skill, current, required): weight x gap high first, then id."""
    gaps = sorted((-weight * (target - ratings[at]), sid, ratings[at], target)
                  for at, sid, target, weight in plan if ratings[at] < target)
    return tuple((s, c, t) for _, s, c, t in gaps[:TOP_PERSON_GAPS])


def _person(m: Member, plan: list[tuple[int, str, int, float]],
            scored: Callable[[bytes], float], level: Level,
            choose: Callable[[str, int, int], Resource | None],
            names: Mapping[str, str], index: Mapping[str, int]) -> TeamPerson:
    """One person at the team's level, straight from the rating vector (a hot loop)."""
    ratings = m.ratings
    value = scored(ratings)
    top = _top(ratings, plan)
    missing = tuple(mid for mid in level.milestones_required if mid not in m.milestones)
    backed = scored(m.backed) if m.backed else value
    review = None
    if m.reviews:
        from mlpath.engine.review import compare

        mine = {sid: ratings[index[sid]] for sid in prepare(level).skills}
        review = compare(level, names, mine, m.reviews)
    return TeamPerson(m.name, m.source, value, reached(value), m.best_match,
                      m.best_readiness, top, missing, m.best_level,
                      tuple(choose(s, c, t) for s, c, t in top), review,
                      backed_readiness=backed)


def _team_gap(s: TeamSkill, buy: Sequence[BuyItem], priority: float) -> TeamGap:
    """A skill the team falls short on, with the buy-list resources chosen for it (at
    most ``RESOURCES_PER_TEAM_GAP``, in buy-list order) and the buy list's own serves
    count for each: one answer to "what should we buy", told the same way everywhere."""
    picked = tuple((b.resource, b.serves) for b in buy if s.id in b.skills)
    return TeamGap(s.id, s.name, s.below, priority, picked[:RESOURCES_PER_TEAM_GAP],
                   s.mean_gap)
