"""The engine, tested directly on small hand-made catalogues."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlpath.engine.assess import (
    assess,
    comparison_level,
    pick_resources,
    rank_roles,
    readiness,
    round_half_up,
)
from mlpath.model import Catalog, Level, Profile, Requirement, Resource, Role, SalaryBand, Skill


def skill(sid: str, *prereqs: str, resources: tuple[Resource, ...] = ()) -> Skill:
    return Skill(sid, sid.title(), "c", "d", prereqs,
                 resources=resources or (Resource(f"{sid} docs", f"https://{sid}.example/",
                                                  "docs", "free"),))


def level(lid: str, years: float, reqs: dict[str, tuple[int, float]], pay: int = 1,
          required: tuple[str, ...] = ()) -> Level:
    return Level(lid, lid.title(), years, None, SalaryBand(pay, pay + 1, "test"),
                 tuple(Requirement(s, lv, w) for s, (lv, w) in sorted(reqs.items())),
                 milestones_required=required)


def role(rid: str, *levels: Level, moves: tuple[str, ...] = (), leadership: bool = False
         ) -> Role:
    return Role(rid, rid.title(), "s", (), moves, levels, leadership)


def catalog(*roles: Role, skills: tuple[Skill, ...] = ()) -> Catalog:
    ids = {r.skill for ro in roles for lv in ro.levels for r in lv.requirements}
    have = {s.id: s for s in skills}
    for sid in sorted(ids - set(have)):
        have[sid] = skill(sid)
    from mlpath.model import Milestone

    return Catalog(have, {r.id: r for r in roles},
                   {"portfolio": Milestone("portfolio", "Portfolio", "p", "d", "how")})


def test_readiness_is_the_weighted_formula() -> None:
    lv = level("mid", 3, {"a": (4, 3), "b": (3, 1), "c": (2, 2)})
    # have: 3*min(2,4) + 1*min(5,3) + 2*min(0,2) = 6 + 3 + 0 = 9; need: 12 + 3 + 4 = 19
    assert readiness(lv, {"a": 2, "b": 5}) == round_half_up(100 * 9 / 19) == 47.4
    assert readiness(lv, {}) == 0.0
    assert readiness(lv, {"a": 5, "b": 5, "c": 5}) == 100.0


@pytest.mark.parametrize(("value", "expected"), [(62.25, 62.3), (62.35, 62.4), (0.05, 0.1),
                                                 (84.95, 85.0), (99.99, 100.0)])
def test_rounding_is_half_up(value: float, expected: float) -> None:
    assert round_half_up(value) == expected


def test_comparison_level_follows_years() -> None:
    r = role("r", level("entry", 0, {"a": (1, 1)}), level("mid", 3, {"a": (2, 1)}),
             level("senior", 8, {"a": (3, 1)}))
    assert [comparison_level(r, y).id for y in (None, 0, 2.9, 3, 7, 8, 30)] == [
        "mid", "entry", "entry", "mid", "mid", "senior", "senior"]
    two = role("t", level("junior", 0, {"a": (1, 1)}), level("staff", 5, {"a": (2, 1)}))
    assert comparison_level(two, None).id == "junior"
    late = role("l", level("lead", 8, {"a": (1, 1)}))
    assert comparison_level(late, 1).id == "lead"


def test_match_ranks_by_readiness_then_id() -> None:
    cat = catalog(role("b-role", level("mid", 0, {"a": (2, 1)})),
                  role("a-role", level("mid", 0, {"a": (2, 1)})),
                  role("c-role", level("mid", 0, {"z": (2, 1)})))
    assert [m.role for m in rank_roles(cat, {"a": 1}, None)] == ["a-role", "b-role", "c-role"]


def test_gap_ties_put_prerequisites_first() -> None:
    skills = (skill("z-base"), skill("a-top", "m-mid"), skill("m-mid", "z-base"))
    r = role("r", level("mid", 0, {"a-top": (2, 1), "m-mid": (2, 1), "z-base": (2, 1),
                                   "b-other": (4, 1)}))
    report = assess(catalog=catalog(r, skills=skills), profile=Profile({}), role=r)
    assert [g.id for g in report.gaps] == ["b-other", "z-base", "m-mid", "a-top"]
    top = report.gaps[3]
    # a-top to 2 needs m-mid at 1 (blocks: 0); m-mid to 1 needs z-base at 0 (never blocks)
    assert top.learn_first == ("m-mid",)


def test_resources_serve_the_needed_levels_free_first() -> None:
    resources = (
        Resource("paid intro", "https://p.example/", "book", "paid", levels=(1, 2)),
        Resource("free advanced", "https://f.example/", "docs", "free", levels=(4, 5)),
        Resource("free intro", "https://i.example/", "course", "free", levels=(1, 2)),
        Resource("any", "https://a.example/", "docs", "freemium"),
    )
    picked = pick_resources(resources, 0, 2)
    assert [r.title for r in picked] == ["free intro", "any", "paid intro"]
    again = pick_resources(resources, 3, 5)
    assert [r.title for r in again] == ["free advanced", "any"]
    # the intro books are never filler for a climb they do not serve
    assert [r.title for r in pick_resources(resources[:3], 2, 3)] == []


def ladder() -> Catalog:
    eng = role("eng",
               level("entry", 0, {"py": (2, 2), "ops": (1, 1)}, pay=10),
               level("mid", 3, {"py": (3, 2), "ops": (2, 1), "design": (2, 1)}, pay=20),
               level("senior", 8, {"py": (4, 2), "ops": (3, 1), "design": (3, 2),
                                   "lead": (2, 1)}, pay=30),
               moves=("boss", "ops-role"))
    boss = role("boss", level("lead", 8, {"lead": (4, 3), "py": (2, 1)}, pay=50),
                leadership=True)
    ops = role("ops-role", level("mid", 3, {"ops": (4, 2), "py": (2, 1)}, pay=25))
    return catalog(eng, boss, ops)


def test_next_step_close_gaps() -> None:
    cat = ladder()
    report = assess(catalog=cat, profile=Profile({"py": 1}, years_experience=4),
                    role=cat.roles["eng"])
    step = report.next_step
    assert (step.kind, step.role, step.level) == ("close-gaps", "eng", "mid")
    assert step.gaps == ("py", "design", "ops")
    assert step.salary == SalaryBand(20, 21, "test")


def test_next_step_level_up_names_only_what_separates_the_levels() -> None:
    cat = ladder()
    profile = Profile({"py": 3, "ops": 2, "design": 2}, years_experience=4)
    report = assess(catalog=cat, profile=profile, role=cat.roles["eng"])
    assert report.reached
    step = report.next_step
    assert (step.kind, step.level) == ("level-up", "senior")
    assert step.gaps == ("design", "lead", "py", "ops")  # priority 2, 2, 2 (by id), then 1
    assert step.salary is not None and step.salary.min == 30


def test_next_step_leadership_and_lateral_from_the_top_level() -> None:
    cat = ladder()
    strong = {"py": 4, "ops": 3, "design": 3, "lead": 4}
    report = assess(catalog=cat, profile=Profile(strong, years_experience=9),
                    role=cat.roles["eng"])
    step = report.next_step
    assert (step.kind, step.role, step.level) == ("leadership", "boss", "lead")
    assert step.readiness == readiness(cat.roles["boss"].levels[0], strong)
    ops_minded = {"py": 4, "ops": 4, "design": 3, "lead": 2}
    report = assess(catalog=cat, profile=Profile(ops_minded, years_experience=9),
                    role=cat.roles["eng"])
    assert (report.next_step.kind, report.next_step.role) == ("lateral", "ops-role")


def test_next_step_none_when_a_top_role_has_no_moves() -> None:
    cat = ladder()
    report = assess(catalog=cat, profile=Profile({"lead": 5, "py": 5}, years_experience=10),
                    role=cat.roles["boss"])
    assert report.next_step.kind == "none"
    assert report.next_step.salary is None


def test_no_target_means_best_fit_at_its_comparison_level() -> None:
    cat = ladder()
    report = assess(catalog=cat, profile=Profile({"ops": 4, "py": 2}, years_experience=4))
    assert (report.target.role, report.target.level, report.target_chosen) == (
        "ops-role", "mid", "best-fit")
    assert "ops-role" not in [m.role for m in report.matches]


def test_a_missing_required_milestone_blocks_but_readiness_follows_the_formula() -> None:
    r = role("r", level("mid", 0, {"a": (2, 1)}, required=("portfolio",)),
             level("senior", 5, {"a": (3, 1)}))
    cat = catalog(r)
    report = assess(catalog=cat, profile=Profile({"a": 2}), role=r, level=r.levels[0])
    assert report.reached and report.readiness == 100.0
    step = report.next_step
    assert step.kind == "close-gaps" and step.blocking_milestones == ("portfolio",)
    assert "Portfolio" in step.summary
    done = assess(catalog=cat, profile=Profile({"a": 2}, milestones=("portfolio",)), role=r,
                  level=r.levels[0])
    assert done.next_step.kind == "level-up"
    assert [(m.id, m.met, m.required) for m in done.milestones] == [("portfolio", True, True)]


@settings(max_examples=500, deadline=None)
@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_rounding_matches_decimal_half_up(value: float) -> None:
    from decimal import ROUND_HALF_UP, Decimal

    expected = float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    assert round_half_up(value) == expected
