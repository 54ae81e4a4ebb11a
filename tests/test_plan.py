"""The learning plan, diff and progress: engine on hand-made catalogues, CLI on fixtures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from conftest import DATA, Run
from mlpath.catalog import load_catalog
from mlpath.engine.plan import HOURS_TO_LEVEL, make_plan, needed_level, step_hours
from mlpath.engine.prerequisites import blockers
from mlpath.engine.progress import diff, progress
from mlpath.model import (
    Catalog,
    Level,
    Milestone,
    Profile,
    Requirement,
    Resource,
    Role,
    SalaryBand,
    Skill,
    Snapshot,
)
from mlpath.profile import load_profile


def skill(sid: str, *prereqs: str, hours: float | None = None,
          levels: tuple[int, int] | None = None) -> Skill:
    return Skill(sid, sid.title(), "c", "d", prereqs,
                 resources=(Resource(f"{sid} course", f"https://{sid}.example/", "course",
                                     "free", hours, levels),))


def build(skills: list[Skill], reqs: dict[str, tuple[int, float]],
          required_milestones: tuple[str, ...] = ()) -> tuple[Catalog, Role, Level]:
    level = Level("mid", "Mid", 0, None, SalaryBand(1, 2, "t"),
                  tuple(Requirement(s, lv, w) for s, (lv, w) in sorted(reqs.items())),
                  milestones_required=required_milestones)
    role = Role("r", "R", "s", (), (), (level,))
    milestones = {"portfolio": Milestone("portfolio", "Portfolio project", "p", "d", "how", 40.0)}
    return Catalog({s.id: s for s in skills}, {"r": role}, milestones), role, level


def order(catalog: Catalog, role: Role, level: Level, ratings: dict[str, int]) -> list[str]:
    plan = make_plan(catalog=catalog, profile=Profile(ratings), role=role, level=level)
    return [s.skill for s in plan.steps]


def test_a_chain_is_learned_in_order_even_against_priority() -> None:
    cat, role, level = build([skill("a"), skill("b", "a"), skill("c", "b")],
                             {"a": (1, 1), "b": (2, 1), "c": (5, 3)})
    assert order(cat, role, level, {}) == ["a", "b", "c"]


def test_a_diamond_puts_the_base_first_and_priority_breaks_ties() -> None:
    cat, role, level = build(
        [skill("base"), skill("left", "base"), skill("right", "base"),
         skill("top", "left", "right"), skill("other")],
        {"base": (1, 1), "left": (2, 1), "right": (2, 2), "top": (3, 1), "other": (1, 1)})
    # right (priority 4) before left (2); other (1) waits for everything more urgent.
    assert order(cat, role, level, {}) == ["base", "right", "left", "top", "other"]


def test_a_prerequisite_outside_the_role_becomes_its_own_step() -> None:
    cat, role, level = build([skill("math"), skill("deep", "mid-skill"),
                              skill("mid-skill", "math")], {"deep": (4, 2)})
    plan = make_plan(catalog=cat, profile=Profile({"math": 1}), role=role, level=level)
    steps = {s.skill: s for s in plan.steps}
    assert [s.skill for s in plan.steps] == ["math", "mid-skill", "deep"]
    assert (steps["mid-skill"].start, steps["mid-skill"].end) == (0, needed_level(4)) == (0, 3)
    assert (steps["math"].start, steps["math"].end) == (1, needed_level(3)) == (1, 2)
    assert steps["math"].prerequisite_only and not steps["deep"].prerequisite_only
    # Already good enough: no step.
    plan = make_plan(catalog=cat, profile=Profile({"math": 3, "mid-skill": 3}), role=role,
                     level=level)
    assert [s.skill for s in plan.steps] == ["deep"]


def test_hours_come_from_resources_else_from_the_estimate() -> None:
    timed = (Resource("t", "https://t.example/", "course", "free", 12.0, (1, 2)),)
    assert step_hours(timed, 0, 2) == (12.0, False)
    assert step_hours(timed, 1, 2) == (12.0, False)
    assert step_hours(timed, 0, 3) == (12.0 + HOURS_TO_LEVEL[3], True)
    untimed = (Resource("u", "https://u.example/", "docs", "free"),)
    assert step_hours(untimed, 2, 4) == (HOURS_TO_LEVEL[3] + HOURS_TO_LEVEL[4], True)


def test_a_resource_shared_by_two_steps_counts_its_hours_once() -> None:
    course = Resource("Shared course", "https://shared.example/", "course", "free", 12.0, (1, 2))
    cat, role, level = build(
        [Skill("a", "A", "c", "d", (), resources=(course,)),
         Skill("b", "B", "c", "d", (), resources=(course._replace(title="Shared, part 2"),))],
        {"a": (2, 2), "b": (3, 1)})
    plan = make_plan(catalog=cat, profile=Profile({}), role=role, level=level, hours_per_week=4)
    a, b = plan.steps
    assert (a.skill, a.hours, b.skill) == ("a", 12.0, "b")
    # b's levels 1-2 are the course a counted (same URL): only level 3 costs, an estimate.
    assert (b.hours, b.estimated) == (HOURS_TO_LEVEL[3], True)
    assert plan.total_hours == 12.0 + HOURS_TO_LEVEL[3]
    assert (a.also_for, a.counted_in, b.also_for, b.counted_in) == (
        (("b",),), ("a",), (("a",),), ("a",))
    assert (b.start_week, b.end_week) == (4, 11)


def test_a_shared_course_is_counted_once_and_said_through_the_cli(run: Run,
                                                                  workdir: Path) -> None:
    # ML fundamentals and model evaluation both list Google's ML Crash Course (15 h).
    (workdir / "new.yaml").write_text("skills:\n  python: 2\ntarget: ml-engineer:entry\n")
    data = json.loads(run("plan", "-p", "new.yaml", "--json").stdout)
    steps = {s["skill"]: s for s in data["steps"]}
    crash = "https://developers.google.com/machine-learning/crash-course"
    first, later = steps["ml-fundamentals"], steps["model-evaluation"]
    assert [s["skill"] for s in data["steps"]].index("ml-fundamentals") < list(steps).index(
        "model-evaluation")
    for step in (first, later):
        shared = next(r for r in step["resources"] if r["url"] == crash)
        assert shared["hours"] == 15 and shared["counted_in"] == "ml-fundamentals"
    assert later["from"] == 0 and later["to"] == 3
    assert later["hours"] == HOURS_TO_LEVEL[3]  # levels 1-2 came with the course, once
    assert data["total_hours"] == sum(s["hours"] for s in data["steps"])
    counted = [(r["url"], s["skill"]) for s in data["steps"] for r in s["resources"]
               if r.get("counted_in") == s["skill"]]
    assert len(counted) == len({url for url, _ in counted})  # each resource under one step
    md = run("plan", "-p", "new.yaml", "--format", "markdown").stdout
    line = next(x for x in md.splitlines() if "classification metrics" in x)
    assert line.endswith("— also for ML fundamentals"), line
    table = run("plan", "-p", "new.yaml", env={"COLUMNS": "120"}).stdout
    assert "(also for ML fundamentals)" in table


def test_a_step_label_never_leaves_its_levels_apart(run: Run) -> None:
    ada = str(Path(__file__).parent.parent / "examples" / "ada.yaml")
    for width in range(36, 90, 3):
        out = run("plan", "-p", ada, env={"COLUMNS": str(width)})
        assert out.code == 0, out
        for line in out.stdout.splitlines():
            bare = line.strip()
            assert not bare.endswith("→") and not bare.startswith("→"), (width, line)
            assert not re.fullmatch(r"[0-5]( \(prerequisite\))?", bare), (width, line)
    narrow = run("plan", "-p", ada, env={"COLUMNS": "40"}).stdout
    assert "A/B testing\n    0 → 2\n" in narrow and "\u00a0" not in narrow, narrow


def test_week_arithmetic() -> None:
    cat, role, level = build([skill("a", hours=10.0), skill("b", hours=7.0), skill("c")],
                             {"a": (1, 3), "b": (1, 2), "c": (2, 1)})
    plan = make_plan(catalog=cat, profile=Profile({}), role=role, level=level,
                     hours_per_week=5)
    assert [(s.skill, s.hours, s.estimated, s.start_week, s.end_week) for s in plan.steps] == [
        ("a", 10.0, False, 1, 2), ("b", 7.0, False, 3, 4), ("c", 20.0, True, 4, 8)]
    assert (plan.total_hours, plan.weeks) == (37.0, 8)


def test_a_missing_required_milestone_is_a_step() -> None:
    cat, role, level = build([skill("a")], {"a": (1, 1)}, required_milestones=("portfolio",))
    plan = make_plan(catalog=cat, profile=Profile({}), role=role, level=level)
    last = plan.steps[-1]
    assert (last.skill, last.milestone, last.hours, last.estimated) == (
        "portfolio", True, 40.0, True)
    done = make_plan(catalog=cat, profile=Profile({}, milestones=("portfolio",)), role=role,
                     level=level)
    assert [s.skill for s in done.steps] == ["a"]


def test_diff_and_progress_engine() -> None:
    cat, _, _ = build([skill("a"), skill("b")], {"a": (2, 1), "b": (2, 1)})
    old = Profile({"a": 1}, source="old.yaml")
    new = Profile({"a": 2, "b": 1}, source="new.yaml",
                  history=(Snapshot("2026-01-01", {"a": 1}), Snapshot("2025-06-01", {})))
    result = diff(catalog=cat, old=old, new=new)
    assert [(s.id, s.before, s.after, s.change) for s in result.skills] == [
        ("a", 1, 2, 1), ("b", None, 1, 1)]
    assert [(r.role, r.before, r.after, r.change) for r in result.roles] == [
        ("r", 25.0, 75.0, 50.0)]
    points = progress(catalog=cat, profile=new, today="2026-03-01").points
    assert [(p.date, p.readiness, p.change, p.current) for p in points] == [
        ("2025-06-01", 0.0, None, False), ("2026-01-01", 25.0, 25.0, False),
        ("2026-03-01", 75.0, 50.0, True)]


def test_plan_command(run: Run) -> None:
    profile = str(DATA / "personas" / "backend-engineer.yaml")
    result = run("plan", "-p", profile, "--role", "mlops-engineer:mid", "--hours-per-week", "6",
                 "--json")
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert set(data) >= {"schema_version", "target", "hours_per_week", "total_hours", "weeks",
                         "steps"}
    assert data["hours_per_week"] == 6 and data["target"]["level"] == "mid"
    step = data["steps"][0]
    assert set(step) >= {"skill", "name", "from", "to", "hours", "estimated", "start_week",
                         "end_week", "prerequisite_only", "resources"}
    ids = [s["skill"] for s in data["steps"]]
    ratings = load_profile(profile, load_catalog()).skills
    for i, step in enumerate(data["steps"]):  # a step comes after the steps that block it
        for pre in blockers(load_catalog(), step["skill"], step["to"], ratings):
            if pre in ids:
                assert ids.index(pre) < i, (pre, step["skill"])
    table = run("plan", "-p", profile)
    assert table.code == 0 and "Learning plan for ML Engineer" in table.stdout, table
    md = run("plan", "-p", profile, "--format", "markdown")
    assert md.stdout.startswith("# Learning plan") and "\n- [ ] **" in md.stdout


def test_diff_and_progress_commands(run: Run, workdir: Path) -> None:
    old = yaml.safe_load((DATA / "personas" / "analyst.yaml").read_text())
    new = {**old, "skills": {**old["skills"], "python": 4, "sql": 3, "scikit-learn": 2},
           "history": [{"date": "2026-01-15", "skills": old["skills"]}]}
    (workdir / "old.yaml").write_text(yaml.safe_dump(old))
    (workdir / "new.yaml").write_text(yaml.safe_dump(new))
    data = json.loads(run("diff", "old.yaml", "new.yaml", "--json").stdout)
    assert {s["id"]: s["change"] for s in data["skills"]} == {
        "python": 2, "sql": -1, "scikit-learn": 2}
    assert data["roles"][0]["role"] == "data-scientist" and len(data["roles"]) == 4
    assert data["roles"][0]["after"] > data["roles"][0]["before"]
    points = json.loads(run("progress", "-p", "new.yaml", "--json").stdout)["points"]
    import datetime

    assert [p["date"] for p in points] == ["2026-01-15", datetime.date.today().isoformat()]
    assert [p["current"] for p in points] == [False, True]
    chart = run("progress", "-p", "new.yaml")
    assert chart.code == 0 and "2026-01-15" in chart.stdout and "█" in chart.stdout
    table = run("diff", "old.yaml", "new.yaml")
    assert "Python" in table.stdout and "+2" in table.stdout
    bad = run("diff", "old.yaml", str(DATA / "bad" / "rating-7.yaml"))
    assert bad.code == 1 and "rating-7.yaml:2:11" in bad.stderr
