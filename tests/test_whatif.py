"""`mlpath whatif`: the engine on small hand-made catalogues, and the command end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run
from mlpath.engine.assess import assess
from mlpath.engine.whatif import edited, what_if
from mlpath.model import Catalog, Level, Profile, Requirement, Role, SalaryBand, Skill
from mlpath.render.whatif import whatif_html, whatif_json, whatif_markdown

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")


# --- a small catalogue: two roles, three skills, no timed resources ---------------------
# With no resource hours, a level costs mlpath's estimate: to 1: 5 h, to 2: 15 h, to 3: 30 h.


def _level(lid: str, years: float, reqs: dict[str, tuple[int, float]],
           salary: SalaryBand | None, note: str | None = None) -> Level:
    return Level(lid, f"{lid.title()} title", years, None, salary,
                 tuple(Requirement(s, lv, w) for s, (lv, w) in sorted(reqs.items())),
                 salary_note=note)


def small() -> Catalog:
    skills = {s: Skill(s, s.upper(), "c", "d") for s in ("a", "b", "c")}
    data = Role("data", "Data", "s", (), (), (
        _level("mid", 0, {"a": (3, 2.0), "b": (2, 1.0)},
               SalaryBand(100_000, 150_000, "the guide: \"data people earn this\"")),))
    ops = Role("ops", "Ops", "s", (), (), (
        _level("mid", 0, {"c": (2, 1.0)}, None, "the guide gives no figure for ops"),))
    return Catalog(skills, {"data": data, "ops": ops}, {})


def test_a_set_moves_readiness_and_costs_the_plan_estimate() -> None:
    cat = small()
    person = Profile(skills={"a": 1, "c": 1}, years_experience=2)
    result = what_if(catalog=cat, profile=person, sets={"c": 2})
    [change] = result.changes
    assert (change.skill, change.before, change.after, change.hours) == ("c", 1, 2, 15.0)
    assert change.estimated and change.via == "set"
    by_role = {s.role: s for s in result.roles}
    assert (by_role["ops"].before, by_role["ops"].after) == (50.0, 100.0)
    assert by_role["data"].before == by_role["data"].after == 25.0  # 2*1 / (2*3 + 1*2)
    assert [s.role for s in result.crossed] == ["ops"] and not result.dropped
    assert result.best_before is not None and result.best_before.role == "ops"
    assert result.best_after is not None and result.best_after.salary is None
    assert result.best_after.salary_note == "the guide gives no figure for ops"
    assert result.hours == 15.0 and result.hours_budget is None


def test_lowering_a_rating_costs_nothing_and_can_drop_a_role() -> None:
    cat = small()
    result = what_if(catalog=cat, profile=Profile(skills={"c": 2}), sets={"c": 0})
    assert result.hours == 0.0
    assert [s.role for s in result.dropped] == ["ops"]
    assert result.best_after is None  # nothing rated any more


def test_hours_take_whole_plan_steps_in_order() -> None:
    cat = small()
    person = Profile(skills={}, years_experience=2)
    data = cat.roles["data"]
    # The plan: a 0 -> 3 first (priority 2 x 3), 50 h; then b 0 -> 2, 20 h.
    short = what_if(catalog=cat, profile=person, hours=60, role=data)
    assert [(c.skill, c.after, c.hours, c.via) for c in short.changes] == [("a", 3, 50.0, "plan")]
    assert short.hours_left == 10.0 and short.hours == 50.0
    assert short.next_step is not None and (short.next_step.id, short.next_step.hours) == (
        "b", 20.0)
    assert short.target is not None and (short.target.before, short.target.after) == (
        0.0, 75.0)
    enough = what_if(catalog=cat, profile=person, hours=70, role=data)
    assert [c.skill for c in enough.changes] == ["a", "b"] and enough.hours_left == 0.0
    assert enough.next_step is None and enough.target is not None
    assert enough.target.after == 100.0
    # 49 hours cover no whole step: nothing is taken, never part of one.
    assert what_if(catalog=cat, profile=person, hours=49, role=data).changes == ()


def test_sets_come_first_and_the_plan_follows_the_profile_they_make() -> None:
    cat = small()
    result = what_if(catalog=cat, profile=Profile(skills={}), sets={"a": 3}, hours=20,
                     role=cat.roles["data"])
    assert [(c.skill, c.before, c.after, c.via) for c in result.changes] == [
        ("a", 0, 3, "set"), ("b", 0, 2, "plan")]
    assert result.hours == 70.0 and result.hours_left == 0.0


def test_a_whatif_equals_assessing_the_edited_profile_on_the_small_catalogue() -> None:
    cat = small()
    person = Profile(skills={"a": 1, "b": 2}, years_experience=1, unrated=frozenset({"c"}))
    result = what_if(catalog=cat, profile=person, sets={"c": 1, "a": 3}, hours=100,
                     role=cat.roles["ops"])
    after = edited(person, result.changes, result.milestones)
    assert "c" not in after.unrated
    report = assess(catalog=cat, profile=after, role=cat.roles["ops"])
    assert result.target is not None and result.target.after == report.readiness
    for shift in result.roles:
        level = cat.roles[shift.role].level(shift.level)
        assert level is not None
        assert assess(catalog=cat, profile=after, role=cat.roles[shift.role],
                      level=level).readiness == shift.after


def test_every_renderer_escapes_data_and_states_the_band_not_a_gain() -> None:
    cat = small()
    person = Profile(skills={"a": 3}, name="<script>alert(1)</script> | *x*")
    result = what_if(catalog=cat, profile=person, sets={"b": 2})
    page = whatif_html(result)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "default-src 'none'" in page  # self-contained: fetches nothing
    assert "$100,000–$150,000 a year (USD)" in page
    assert "the guide: &quot;data people earn this&quot;" in page
    text = whatif_markdown(result)
    assert "\\<script\\>" in text and "\\| \\*x\\*" in text
    assert "$100,000–$150,000 a year (USD)" in text
    assert "+$" not in page + text
    data = whatif_json(result)
    assert data["best_fit"]["after"]["salary_usd"]["min"] == 100_000
    assert data["crossed"] == ["data"]


# --- the command ------------------------------------------------------------------------


def _ratings(path: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(Path(path).read_text())
    return loaded


def _apply(path: str, out: Path, result: dict[str, Any]) -> str:
    """A copy of the profile with the what-if's changes made by hand, as a person would."""
    data = _ratings(path)
    for change in result["changes"]:
        data["skills"][change["skill"]] = change["after"]
    data["milestones"] = [*data.get("milestones", []), *(m["id"] for m in result["milestones"])]
    out.write_text(yaml.safe_dump(data))
    return str(out)


def _check_equal(run: Run, result: dict[str, Any], edited_path: str,
                 role: tuple[str, ...] = ()) -> None:
    report = run("assess", "-p", edited_path, *role, "--json")
    assert report.code == 0, report
    got = json.loads(report.stdout)
    assert result["target"]["after"] == got["readiness"]
    assert (result["target"]["role"], result["target"]["level"]) == (
        got["target"]["role"], got["target"]["level"])
    ranked = json.loads(run("match", "-p", edited_path, "--top", "50", "--json").stdout)
    assert {m["role"]: m["readiness"] for m in ranked["matches"]} == {
        r["role"]: r["after"] for r in result["roles"]}
    assert ranked["best_fit"] == (result["best_fit"]["after"] or {}).get("role")


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["python", "docker", "kubernetes", "mlops",
                                        "model-deployment", "pytorch", "sql", "generative-ai-llm"]),
                       st.integers(0, 5), min_size=1, max_size=4))
def test_whatif_equals_assess_on_the_edited_copy(run: Run, tmp_path: Path,
                                                 sets: dict[str, int]) -> None:
    args = [a for s, v in sets.items() for a in ("--set", f"{s}={v}")]
    out = run("whatif", "-p", ADA, *args, "--json")
    assert out.code == 0, out
    result = json.loads(out.stdout)
    assert {c["skill"]: c["after"] for c in result["changes"]} == {
        s: v for s, v in sets.items() if v != _ratings(ADA)["skills"].get(s, 0)}
    _check_equal(run, result, _apply(ADA, tmp_path / "edited.yaml", result))


def test_hours_equal_assess_on_the_edited_copy_with_a_role(run: Run, tmp_path: Path) -> None:
    out = run("whatif", "-p", ADA, "--hours", "250", "--role", "mlops-engineer:senior",
              "--json")
    assert out.code == 0, out
    result = json.loads(out.stdout)
    assert result["changes"] and all(c["via"] == "plan" for c in result["changes"])
    assert result["hours"] <= 250 and result["hours_left"] == round(250 - result["hours"], 1)
    assert result["target"]["level"] == "senior" and result["target"]["chosen"] == "option"
    _check_equal(run, result, _apply(ADA, tmp_path / "edited.yaml", result),
                 ("--role", "mlops-engineer:senior"))
    # The steps taken are the plan's first steps, in its order, with its hours.
    plan = json.loads(run("plan", "-p", ADA, "--role", "mlops-engineer:senior",
                          "--json").stdout)
    taken = [(c["skill"], c["hours"]) for c in result["changes"]]
    assert taken == [(s["skill"], s["hours"]) for s in plan["steps"][:len(taken)]]
    assert result["next_step"]["id"] == plan["steps"][len(taken)]["skill"]


def test_the_table_names_what_crosses_and_the_band(run: Run) -> None:
    table = run("whatif", "-p", ADA, "--set", "docker=3", "--set", "kubernetes=2")
    assert table.code == 0, table
    assert "Docker" in table.stdout and "2 → 3" in table.stdout
    assert "47.5%" in table.stdout and "no role crosses the line" in table.stdout
    assert "a year (USD)" in table.stdout and "+$" not in table.stdout
    ops = [a for s in ("docker", "kubernetes", "mlops", "model-deployment", "cloud-platforms",
                       "ci-cd-iac", "ml-monitoring", "data-engineering")
           for a in ("--set", f"{s}=5")]
    data = json.loads(run("whatif", "-p", ADA, *ops, "--json").stdout)
    assert data["crossed"] == ["mlops-engineer"] and data["dropped"] == []
    assert data["best_fit"]["before"]["role"] == "deep-learning-specialist"
    assert data["best_fit"]["after"]["role"] == "mlops-engineer"
    assert data["best_fit"]["after"]["salary_usd"]["min"] == 120_000
    again = run("whatif", "-p", ADA, *ops).stdout
    assert "MLOps Engineer  ✓ ready" in again, again
    assert "Ready (85%) after the change: MLOps Engineer (mid)" in again, again
    assert "$120,000–$180,000 a year (USD)" in again, again


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html(run: Run, fmt: str) -> None:
    out = run("whatif", "-p", ADA, "--set", "docker=4", "--format", fmt)
    assert out.code == 0, out
    assert "Docker" in out.stdout and "47.5%" in out.stdout
    if fmt == "html":
        assert out.stdout.startswith("<!DOCTYPE html>") and "http://" not in out.stdout


@pytest.mark.parametrize(("args", "code", "says"), [
    (["--set", "nope=3"], 2, "unknown skill 'nope'"),
    (["--set", "pyton=3"], 2, "did you mean 'python'"),
    (["--set", "python=9"], 2, "from 0 to 5"),
    (["--set", "python=-1"], 2, "from 0 to 5"),
    (["--set", "python=x"], 2, "from 0 to 5"),
    (["--set", "python=2.5"], 2, "from 0 to 5"),
    (["--set", "python"], 2, "write SKILL=N"),
    (["--set", "=3"], 2, "write SKILL=N"),
    (["--set", "python=3", "--set", "python=4"], 2, "twice"),
    (["--hours", "-1"], 2, "0 or more"),
    (["--hours", "nan"], 2, "not a number"),
    (["--hours", "inf"], 2, "not a number"),
    (["--hours", "ten"], 2, "--hours"),
    ([], 2, "say what changes"),
    (["--set", "python=3", "--role", "ml-enginer"], 2, "did you mean 'ml-engineer'"),
    (["--set", "python=3", "--role", "ml-engineer:principal"], 2, "unknown level"),
])
def test_bad_input_is_one_line_and_a_documented_code(run: Run, args: list[str], code: int,
                                                     says: str) -> None:
    out = run("whatif", "-p", ADA, *args)
    assert out.code == code, out
    assert says in out.stderr and "Traceback" not in out.stderr, out
    assert out.stdout == ""


def test_bad_profiles_and_hours_without_a_target(run: Run, tmp_path: Path) -> None:
    missing = run("whatif", "-p", str(tmp_path / "none.yaml"), "--set", "python=3")
    assert missing.code == 1 and missing.stderr.count("\n") == 1, missing
    empty = tmp_path / "empty.yaml"
    empty.write_text("skills: {}\n")
    no_fit = run("whatif", "-p", str(empty), "--hours", "10")
    assert no_fit.code == 1 and "no best fit" in no_fit.stderr, no_fit
    # A --set gives the empty profile a best fit, so the plan has a target.
    assert run("whatif", "-p", str(empty), "--set", "python=3", "--hours", "10").code == 0
    from_stdin = run("whatif", "-p", "-", "--set", "python=5", "--json",
                     input=Path(ADA).read_text())
    assert from_stdin.code == 0, from_stdin
    assert json.loads(from_stdin.stdout)["profile"]["source"] == "<stdin>"
