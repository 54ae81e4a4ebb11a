"""Property-based tests: whatever comes in, out comes a valid report or an MlpathError."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlpath.engine.assess import assess
from mlpath.errors import MlpathError
from mlpath.model import Catalog, Profile, Snapshot
from mlpath.profile import dump_profile, parse_profile
from mlpath.render.jsonout import dumps, report

SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 10), st.floats(allow_nan=False),
                    st.text(max_size=20))
keys = st.one_of(st.sampled_from(["name", "skills", "target", "years_experience", "milestones",
                                  "history", "evidence", "python", "sql", "date"]),
                 st.text(max_size=10))
nested = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)), max_leaves=25)


def outcome(text: str, source: str, catalog: Catalog) -> None:
    try:
        profile = parse_profile(text, source, catalog)
    except MlpathError as exc:
        assert exc.lines() and all(line.strip() for line in exc.lines())
        return
    json.loads(dumps(report(assess(catalog=catalog, profile=profile))))


@SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_text(catalog: Catalog, text: str) -> None:
    outcome(text, "me.yaml", catalog)
    outcome(text, "me.json", catalog)


@SETTINGS
@given(data=nested)
def test_arbitrary_nested_data(catalog: Catalog, data: Any) -> None:
    outcome(yaml.safe_dump(data, allow_unicode=True), "me.yaml", catalog)
    outcome(json.dumps(data), "me.json", catalog)


@SETTINGS
@given(data=st.fixed_dictionaries({"skills": st.dictionaries(keys, nested, max_size=4)},
                                  optional={"target": nested, "years_experience": nested,
                                            "milestones": nested, "name": nested}))
def test_profile_shaped_data(catalog: Catalog, data: Any) -> None:
    outcome(yaml.safe_dump(data, allow_unicode=True), "me.yaml", catalog)


def profiles(catalog: Catalog) -> st.SearchStrategy[Profile]:
    skill_ids = st.sampled_from(sorted(catalog.skills))
    ratings = st.dictionaries(skill_ids, st.integers(0, 5), max_size=12)
    targets = st.sampled_from(sorted(
        [r.id for r in catalog.roles.values()]
        + [f"{r.id}:{lv.id}" for r in catalog.roles.values() for lv in r.levels]))
    text = st.text(max_size=40).filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t))
    years = st.one_of(st.none(), st.integers(0, 40), st.floats(0, 40).map(lambda f: round(f, 2)))
    years = st.one_of(years, st.floats(0, 70, allow_subnormal=True))
    # a real calendar date, never in the future (a later one is refused as a typo)
    dates = st.dates(max_value=datetime.date.today()).map(str)
    snapshot = st.builds(Snapshot, date=dates, skills=ratings, years_experience=years)
    return st.builds(
        Profile, skills=ratings, name=st.one_of(st.none(), text), years_experience=years,
        target=st.one_of(st.none(), targets),
        evidence=st.dictionaries(skill_ids, st.lists(text, min_size=1, max_size=3).map(tuple),
                                 max_size=3),
        milestones=st.lists(st.sampled_from(sorted(catalog.milestones)), unique=True,
                            max_size=4).map(tuple),
        history=st.lists(snapshot, max_size=3).map(tuple),
        source=st.just("-"), warnings=st.just(()),
        unrated=st.frozensets(skill_ids, max_size=4),
        checked=st.dictionaries(skill_ids, dates, max_size=3),
    ).map(lambda p: p._replace(unrated=p.unrated - set(p.skills)))


@SETTINGS
@given(data=st.data())
def test_valid_profiles_survive_a_save_and_load(catalog: Catalog, data: st.DataObject) -> None:
    profile = data.draw(profiles(catalog))
    text = dump_profile(profile, catalog)
    back = parse_profile(text, "me.yaml", catalog)
    assert back._replace(source="-") == profile


@SETTINGS
@given(data=st.data())
def test_saving_over_a_profile_is_an_edit_that_reads_back(catalog: Catalog,
                                                         data: st.DataObject) -> None:
    from mlpath.profile import render_profile

    before = data.draw(profiles(catalog))
    after = data.draw(profiles(catalog))
    text = "# keep me\n" + dump_profile(before, catalog)
    edited, _ = render_profile(after, catalog, path="me.yaml", existing=text)
    assert parse_profile(edited, "me.yaml", catalog)._replace(source="-", warnings=()) == after


# Three long runs of 4,000 examples each: 12,000 in all over profiles, packs and interview
# answers, in about two minutes on two cores (CI runs them; `-m "not slow"` skips them).
LONG = settings(max_examples=4_000, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.mark.slow
@LONG
@given(data=st.data())
def test_many_profiles_round_trip_and_assess(catalog: Catalog, data: st.DataObject) -> None:
    profile = data.draw(profiles(catalog))
    back = parse_profile(dump_profile(profile, catalog), "me.yaml", catalog)
    assert back._replace(source="-") == profile
    json.loads(dumps(report(assess(catalog=catalog, profile=back))))


@pytest.mark.slow
@LONG
@given(text=st.one_of(st.text(max_size=200), nested.map(
    lambda d: yaml.safe_dump(d, allow_unicode=True))))
def test_many_hostile_profiles_and_packs(catalog: Catalog, text: str) -> None:
    from mlpath.catalog import check_data_text

    outcome(text, "me.yaml", catalog)
    check_data_text(text, "pack/role.yaml")  # problems are values, never exceptions


@pytest.mark.slow
@LONG
@given(answers=st.lists(st.one_of(st.sampled_from(["", "0", "3", "5", "s", "<", "?", "y", "n",
                                                   "³", "٣", "nan", "-1", "1e9", "ml-engineer"]),
                                  st.text(max_size=8)), max_size=60))
def test_many_interviews_end_in_a_profile_or_end_of_input(catalog: Catalog,
                                                          answers: list[str]) -> None:
    import io

    from rich.console import Console

    from mlpath.interview import Prompter, run_interview

    feed = iter(answers)

    def read(_: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    prompter = Prompter(Console(file=io.StringIO(), width=80), read=read)
    try:
        answers_out = run_interview(catalog=catalog, prompter=prompter)
    except EOFError:
        return
    profile = answers_out.profile
    back = parse_profile(dump_profile(profile, catalog), "me.yaml", catalog)
    assert back._replace(source="-", warnings=()) == profile._replace(source="-", warnings=())


levels_with_odd_weights = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c", "d", "e", "f"]), st.integers(0, 5),
              st.sampled_from([1.0, 0.5, 1.5, 2.0, 0.3, 0.7, 1.1, 3.0])),
    min_size=1, max_size=6, unique_by=lambda r: r[0])


@SETTINGS
@given(reqs=levels_with_odd_weights, ratings=st.lists(st.integers(0, 5), min_size=6,
                                                      max_size=6))
def test_a_team_scores_exactly_as_the_kernel_does(reqs: list[tuple[str, int, float]],
                                                  ratings: list[int]) -> None:
    """The team's vector scorer looks terms up instead of computing them; it must give
    the kernel's number to the last bit, weights such as 0.3 and 0.7 included."""
    from mlpath.engine.scoring import prepare, score, vector_scorer
    from mlpath.model import Level, Requirement

    level = Level("x", "X", 0, None, None,
                  tuple(Requirement(s, r, w) for s, r, w in sorted(reqs)))
    ids = ["f", "e", "d", "c", "b", "a"]  # a catalogue order unlike the level's
    vector = bytes(ratings)
    by_id = dict(zip(ids, ratings, strict=True))
    prepared = prepare(level)
    assert vector_scorer(prepared, ids)(vector) == score(
        prepared, [by_id[s] for s in prepared.skills])


@SETTINGS
@given(ratings=st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 5)),
       evidence=st.sets(st.sampled_from(["a", "b", "x"])),
       checked=st.sets(st.sampled_from(["b", "c", "y"])))
def test_backed_vectors_are_the_backed_ratings(ratings: dict[str, int], evidence: set[str],
                                               checked: set[str]) -> None:
    from mlpath.engine.checks import backed_ratings, backed_vector

    ids = ["d", "c", "b", "a"]
    profile = Profile(skills=ratings, evidence=dict.fromkeys(evidence, ("link",)),
                      checked=dict.fromkeys(checked, "2026-01-01"))
    vector = bytes(ratings.get(s, 0) for s in ids)
    backed = backed_ratings(profile)
    assert backed_vector(profile, ids, vector) == bytes(backed.get(s, 0) for s in ids)
