"""Property-based tests: whatever comes in, out comes a valid report or an MlpathError."""

from __future__ import annotations

import json
from typing import Any

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
    snapshot = st.builds(Snapshot, date=st.dates().map(str), skills=ratings, years_experience=years)
    return st.builds(
        Profile, skills=ratings, name=st.one_of(st.none(), text), years_experience=years,
        target=st.one_of(st.none(), targets),
        evidence=st.dictionaries(skill_ids, text, max_size=3),
        milestones=st.lists(st.sampled_from(sorted(catalog.milestones)), unique=True,
                            max_size=4).map(tuple),
        history=st.lists(snapshot, max_size=3).map(tuple),
        source=st.just("-"), warnings=st.just(()), unrated=st.just(frozenset()),
    )


@SETTINGS
@given(data=st.data())
def test_valid_profiles_survive_a_save_and_load(catalog: Catalog, data: st.DataObject) -> None:
    profile = data.draw(profiles(catalog))
    text = dump_profile(profile, catalog)
    back = parse_profile(text, "me.yaml", catalog)
    assert back._replace(source="-") == profile
