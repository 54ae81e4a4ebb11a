"""The commands as a person meets them (issue 13 and the UX review's findings): one
readiness everywhere, honest best fits, warnings where the reader is, and the small
things users tripped on. Built-in data is used, but no test hard-codes its values."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
from pathlib import Path

import pytest
import yaml

from conftest import DATA, Run
from mlpath.commands.assess import assess as assess_command
from mlpath.commands.assess import keep_history_honest
from mlpath.commands.context import Context
from mlpath.model import Catalog, Profile, Snapshot

PERSONAS = sorted((DATA / "personas").glob("*.yaml"))


def write(path: Path, data: dict[str, object]) -> str:
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return str(path)


def test_assess_match_and_team_give_the_same_readiness(run: Run, catalog: Catalog) -> None:
    """The same people through three commands, by their JSON: one kernel, one number."""
    for role in sorted(catalog.roles):
        team = run("team", *map(str, PERSONAS), "--role", role, "--json")
        assert team.code == 0, team
        by_source = {p["source"]: p for p in json.loads(team.stdout)["people"]}
        for persona in PERSONAS:
            person = by_source[str(persona)]
            level = json.loads(team.stdout)["level"]
            alone = json.loads(run("assess", "-p", str(persona), "--role", f"{role}:{level}",
                                   "--json").stdout)
            assert alone["readiness"] == person["readiness"], (persona.name, role)
            assert alone["reached"] == person["reached"]
    for persona in PERSONAS[:4]:
        ranked = json.loads(run("match", "-p", str(persona), "--json").stdout)["matches"]
        for m in ranked:
            alone = json.loads(run("assess", "-p", str(persona), "--role", m["role"],
                                   "--json").stdout)
            assert (alone["target"]["level"], alone["readiness"]) == (m["level"], m["readiness"])


def test_nothing_rated_gets_no_best_fit_anywhere(run: Run, workdir: Path) -> None:
    empty = write(workdir / "empty.yaml", {"name": "New", "years_experience": 0, "skills": {}})
    for args in (["assess", "-p", empty], ["plan", "-p", empty], ["progress", "-p", empty]):
        result = run(*args)
        assert result.code == 1 and "nothing is rated yet" in result.stderr, result
        assert "mlpath init" in result.stderr and "mlpath assess" in result.stderr
    matched = run("match", "-p", empty, "--json")
    assert matched.code == 0 and json.loads(matched.stdout)["best_fit"] is None, matched
    said = run("match", "-p", empty)
    assert "nothing is rated yet" in said.stderr


def test_a_career_changer_is_never_offered_a_role_beyond_their_years(
        run: Run, workdir: Path, catalog: Catalog) -> None:
    changer = write(workdir / "changer.yaml", {"years_experience": 0,
                                               "skills": {"python": 1, "communication": 3}})
    data = json.loads(run("match", "-p", changer, "--json").stdout)
    lowest = {r.id: r.levels[0].years_min for r in catalog.roles.values()}
    for m in data["matches"]:
        assert m["needs_years"] == (lowest[m["role"]] if lowest[m["role"]] > 0 else None)
    assert data["best_fit"] is not None and lowest[data["best_fit"]] == 0
    report = json.loads(run("assess", "-p", changer, "--json").stdout)
    assert lowest[report["target"]["role"]] == 0 and report["target"]["chosen"] == "best-fit"
    late = [m for m in data["matches"] if m["needs_years"]]
    assert late, "the built-in data has senior-only or lead roles"
    table = run("match", "-p", changer, "--top", "20")
    assert f"needs {late[0]['needs_years']:g}+ years" in table.stdout, table


def test_warnings_come_after_the_report_and_in_the_json(run: Run, workdir: Path,
                                                        catalog: Catalog) -> None:
    typo = write(workdir / "typo.yaml", {"years_experience": 3,
                                         "skills": {"python": 3, "kubernets": 4}})
    report = json.loads(run("assess", "-p", typo, "--json").stdout)
    assert any("kubernets" in w for w in report["warnings"])
    for command in ("match", "plan", "progress"):
        out = json.loads(run(command, "-p", typo, "--json").stdout)
        assert any("kubernets" in w for w in out["warnings"]), command
    both = io.StringIO()  # one stream for stdout and stderr, as on a terminal
    ctx = Context(catalog, lambda: None, lambda: None, False)  # type: ignore[arg-type,return-value]
    with contextlib.redirect_stdout(both), contextlib.redirect_stderr(both):
        assess_command(ctx, profile_path=typo, role_option=None, fmt="markdown")
    text = both.getvalue()
    assert text.index("## Next step") < text.index("mlpath: warning: ") , text


def test_fail_under_says_why(run: Run) -> None:
    persona = str(PERSONAS[0])
    score = json.loads(run("assess", "-p", persona, "--json").stdout)["readiness"]
    result = run("assess", "-p", persona, "--json", "--fail-under", "100")
    assert result.code == 3
    assert f"readiness {score:g}% is below --fail-under 100" in result.stderr, result
    assert run("assess", "-p", persona, "--json", "--fail-under", "0").code == 0


def test_junior_means_entry(run: Run) -> None:
    persona = str(PERSONAS[0])
    junior = json.loads(run("assess", "-p", persona, "--role", "ml-engineer:junior",
                            "--json").stdout)
    entry = json.loads(run("assess", "-p", persona, "--role", "ml-engineer:entry",
                           "--json").stdout)
    assert junior["target"]["level"] == "entry" and junior["readiness"] == entry["readiness"]


def test_the_next_step_shows_its_salary_once(run: Run) -> None:
    persona = str(DATA / "personas" / "analyst.yaml")
    for role in ("data-scientist:entry", "data-scientist:mid"):  # level-up, close-gaps
        salary = json.loads(run("assess", "-p", persona, "--role", role, "--json").stdout)[
            "next_step"]["salary_usd"]
        result = run("assess", "-p", persona, "--role", role)
        box = result.stdout[result.stdout.index("Next step"):]
        box = box[:box.index("╰")]
        if salary and salary["max"]:
            assert box.count(f"${salary['min']:,}–${salary['max']:,}") == 1, box


def test_diff_shows_milestones_and_warns_about_two_people(run: Run, workdir: Path) -> None:
    old = write(workdir / "old.yaml", {"name": "Priya Shah", "skills": {"python": 2},
                                       "milestones": []})
    new = write(workdir / "new.yaml", {"name": "Sam Rivera", "skills": {"python": 3},
                                       "milestones": ["supervised-project"]})
    data = json.loads(run("diff", old, new, "--json").stdout)
    assert [m["id"] for m in data["milestones"]["added"]] == ["supervised-project"]
    assert any("different people" in w for w in data["warnings"])
    table = run("diff", old, new)
    assert "milestone added" in table.stdout and "different people" in table.stderr, table
    same = run("diff", old, write(workdir / "later.yaml", {"name": "Priya Shah",
                                                           "skills": {"python": 4}}))
    assert "different people" not in same.stderr


def test_progress_shows_the_change_the_ready_line_and_real_dates(run: Run,
                                                                workdir: Path) -> None:
    me = write(workdir / "me.yaml", {
        "skills": {"python": 4, "sql": 3},
        "history": [{"date": "2026-01-15", "skills": {"python": 2}},
                    {"date": "2026-02-15", "skills": {"python": 3}}]})
    data = json.loads(run("progress", "-p", me, "--role", "data-scientist", "--json").stdout)
    dates = [p["date"] for p in data["points"]]
    assert dates == ["2026-01-15", "2026-02-15", datetime.date.today().isoformat()]
    values = [p["readiness"] for p in data["points"]]
    assert [p["change"] for p in data["points"]] == [
        None, round(values[1] - values[0], 1), round(values[2] - values[1], 1)]
    assert data["ready_at"] == 85
    table = run("progress", "-p", me, "--role", "data-scientist")
    assert "Change" in table.stdout and "Ready at 85%" in table.stdout, table
    assert "(now)" in table.stdout


def test_an_update_that_changes_nothing_adds_no_history() -> None:
    old = Profile({"python": 3, "sql": 0}, years_experience=2,
                  history=(Snapshot("2026-01-01", {"python": 2}),))
    same = old._replace(skills={"python": 3, "git": 0},
                        history=(*old.history, Snapshot("2026-02-01", {"python": 3})))
    assert keep_history_honest(old, same).history == old.history
    changed = same._replace(skills={"python": 4})
    assert len(keep_history_honest(old, changed).history) == 2


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_unrated_skills_are_listed_apart(fmt: str, catalog: Catalog) -> None:
    from mlpath.engine.assess import assess
    from mlpath.render.jsonout import report as report_dict
    from mlpath.render.markdown import render_report

    role = catalog.roles["data-scientist"]
    skipped = {r.skill for r in role.levels[0].requirements if r.weight >= 2}
    profile = Profile(dict.fromkeys({r.skill for r in role.levels[0].requirements} - skipped, 3),
                      unrated=frozenset(skipped))
    report = assess(catalog=catalog, profile=profile, role=role, level=role.levels[0])
    if fmt == "json":
        data = report_dict(report)
        assert set(data["unrated"]) == skipped
        assert {s["id"] for s in data["skills"] if s["unrated"]} == skipped
        rated_first = [g["unrated"] for g in data["gaps"]]
        assert rated_first == sorted(rated_first)
    else:
        text = render_report(report)
        assert "Not rated: " in text and "rate them for a true figure" in text
