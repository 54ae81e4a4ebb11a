"""The team view: many profiles, skipped failures, JSON, JSON Lines and CSV."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import yaml

from conftest import DATA, Run
from mlpath.model import Catalog

PERSONAS = DATA / "personas"


def test_team_json_follows_its_contract(run: Run) -> None:
    result = run("team", str(PERSONAS), "--role", "ml-engineer:mid", "--json")
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert set(data) >= {"schema_version", "role", "level", "members", "skills", "people",
                         "top_gaps"}
    assert (data["role"], data["level"], data["members"]) == ("ml-engineer", "mid", 17)
    skill = data["skills"][0]
    assert set(skill) >= {"id", "name", "required", "below", "mean_gap"}
    person = {p["name"]: p for p in data["people"]}["Ben (backend engineer)"]
    assert person["readiness"] == 55.4 and person["best_match"] == "ml-engineer"
    assert set(person) >= {"name", "source", "readiness", "best_match"}
    top = data["top_gaps"][0]
    assert top["id"] == "model-deployment" and top["below"] == 17
    # One answer to "what should we buy": a top gap's resources are buy-list resources,
    # and each says the buy list's serves (17 short, but each person's pick differs).
    buy = {b["title"]: b for b in data["buy"]}
    assert top["resources"] and all(r["serves"] == buy[r["title"]]["serves"]
                                    and top["id"] in buy[r["title"]]["skills"]
                                    for r in top["resources"])
    assert top["resources"][0]["serves"] == 10
    e2e = {m["id"]: m for m in data["milestones"]}["end-to-end-project"]
    assert e2e["required"] and e2e["missing"] == 11  # milestones are counted too


def test_the_team_role_comes_from_targets_then_best_fit(run: Run, tmp_path: Path) -> None:
    for name in ("analyst", "career-changer"):
        shutil.copy(PERSONAS / f"{name}.yaml", tmp_path)
    data = json.loads(run("team", str(tmp_path), "--json").stdout)
    assert (data["role"], data["role_chosen"]) == ("data-scientist", "best-fit")
    (tmp_path / "t.yaml").write_text("skills: {python: 3}\ntarget: mlops-engineer:entry\n")
    data = json.loads(run("team", str(tmp_path), "--json").stdout)
    assert (data["role"], data["level"], data["role_chosen"]) == (
        "mlops-engineer", "entry", "target")


def test_bad_profiles_are_reported_skipped_and_exit_1(run: Run, tmp_path: Path) -> None:
    shutil.copy(PERSONAS / "analyst.yaml", tmp_path)
    shutil.copy(DATA / "bad" / "rating-7.yaml", tmp_path)
    shutil.copy(DATA / "bad" / "alias-bomb.yaml", tmp_path)
    result = run("team", str(tmp_path), "--json")
    assert result.code == 1
    assert json.loads(result.stdout)["members"] == 1
    lines = result.stderr.splitlines()
    assert f"mlpath: skipped: {tmp_path / 'rating-7.yaml'}:2:11: skills.python: 7 is outside " \
           "0–5" in lines
    assert lines[-1] == ("mlpath: read 1 profile(s); skipped 2 that could not be loaded "
                         "(see above)")


def test_json_lines_in_and_out(run: Run, tmp_path: Path) -> None:
    people = [yaml.safe_load((PERSONAS / f"{n}.yaml").read_text())
              for n in ("analyst", "platform-engineer")]
    lines = [json.dumps(p) for p in people]
    lines.insert(1, '{"skills": {"python": 9}}')
    lines.insert(2, "")
    (tmp_path / "people.jsonl").write_text("\n".join(lines) + "\n")
    result = run("team", str(tmp_path / "people.jsonl"), "--jsonl", "--role", "data-scientist")
    assert result.code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["profile"]["source"] for o in out] == [f"{tmp_path}/people.jsonl:1",
                                                      f"{tmp_path}/people.jsonl:4"]
    assert all(o["target"]["role"] == "data-scientist" for o in out)
    assert (f"mlpath: skipped: {tmp_path / 'people.jsonl'}:2:23: skills.python: 9 is outside "
            "0–5") in result.stderr.splitlines()


def test_csv_has_a_header_and_defuses_formulas(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text('name: "=HYPERLINK(\\"x\\")"\nskills: {python: 4}\n')
    shutil.copy(PERSONAS / "analyst.yaml", tmp_path)
    result = run("team", str(tmp_path), "--role", "data-scientist:mid", "--format", "csv")
    assert result.code == 0, result
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["name"] for r in rows} == {"'=HYPERLINK(\"x\")", "Ana (analyst)"}
    assert set(rows[0]) >= {"name", "source", "readiness", "best_match", "top_gaps"}


def test_many_people_get_skill_rows_instead_of_a_heatmap(run: Run, tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"p{i:02}.yaml").write_text(f"name: P{i}\nskills: {{python: {i % 6}}}\n")
    result = run("team", str(tmp_path), "--role", "ml-engineer:mid", env={"COLUMNS": "80"})
    assert result.code == 0, result
    assert "Mean gap" in result.stdout and "Closest to ready" in result.stdout
    assert "Cells show each person's gap" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()  # a URL may run past
               if not line.lstrip().startswith("https://")) <= 80
    small = run("team", str(PERSONAS / "analyst.yaml"), str(PERSONAS / "manager.yaml"),
                "--role", "head-of-ml")
    assert "Cells show each person's gap" in small.stdout


def test_nothing_found_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = run("team", str(tmp_path))
    assert result.code == 2 and "no profiles found" in result.stderr


def test_the_matcher_agrees_with_best_fit(catalog: Catalog) -> None:
    """The team's fast best fit is scoring.best_fit, for any years (0 included)."""
    from mlpath.engine.scoring import best_fit
    from mlpath.engine.team import Matcher
    from mlpath.profile import load_profile

    matcher = Matcher(catalog)
    for path in sorted(PERSONAS.glob("*.yaml")):
        loaded = load_profile(str(path), catalog)
        for years in (loaded.years_experience, 0, None, 30):
            profile = loaded._replace(years_experience=years)
            fit = best_fit(catalog, profile.skills, years)
            assert fit is not None
            found = matcher.member(profile)
            assert (found.best_match, found.best_level, found.best_readiness) == (
                fit.role, fit.level, fit.readiness), (path, years)
    empty = matcher.member(loaded._replace(skills={}))
    assert (empty.best_match, empty.best_level) == ("", "")


# --- what a stranger found (wave 4) --------------------------------------------------------

RATED = '{"name": "Y", "skills": {"python": 3}}'


def test_jsonl_skips_whom_assess_would_refuse(run: Run, tmp_path: Path) -> None:
    """Someone who rated nothing has no best fit: assess refuses them, so --jsonl skips
    them with assess's reason instead of inventing a target, and streams the rest."""
    (tmp_path / "z.json").write_text('{"name": "Z", "skills": {}}')
    refused = run("assess", "-p", str(tmp_path / "z.json"), "--json")
    assert refused.code == 1
    reason = refused.stderr.strip().removeprefix(f"mlpath: error: {tmp_path / 'z.json'}")
    assert reason.startswith(": nothing is rated yet")
    result = run("team", "-", "--jsonl", input=f'{{"name": "Z", "skills": {{}}}}\n{RATED}\n')
    assert result.code == 1
    assert [json.loads(line)["profile"]["name"] for line in result.stdout.splitlines()] == ["Y"]
    assert result.stderr.splitlines() == [
        f"mlpath: skipped: <stdin>:1{reason}",
        "mlpath: read 2 profile(s); skipped 1 (1 could not be assessed; see above)"]
    # With a role to compare with (the option, or the person's own target) assess works,
    # and so does --jsonl.
    for args, line in ((["--role", "ml-engineer"], '{"name": "Z", "skills": {}}'),
                       ([], '{"name": "Z", "skills": {}, "target": "ml-engineer"}')):
        result = run("team", "-", "--jsonl", *args, input=line + "\n")
        assert result.code == 0 and result.stderr == "", result
        assert json.loads(result.stdout)["target"]["role"] == "ml-engineer"


def test_a_byte_order_mark_starts_stdin_as_it_may_a_file(run: Run, tmp_path: Path) -> None:
    bom = "\ufeff" + RATED + "\n"
    (tmp_path / "b.jsonl").write_text(bom, encoding="utf-8")
    for args, source in ((["-"], "<stdin>:1"), ([str(tmp_path / "b.jsonl")],
                                                f"{tmp_path / 'b.jsonl'}:1")):
        result = run("team", *args, "--json", input=bom)
        assert result.code == 0, result
        data = json.loads(result.stdout)
        assert [(p["name"], p["source"]) for p in data["people"]] == [("Y", source)]


def test_every_line_of_json_lines_is_read_as_json(run: Run, tmp_path: Path) -> None:
    """A YAML line is a problem at its line, in a file as on stdin; the rest is read."""
    (tmp_path / "t.jsonl").write_text(f"skills: {{python: 3}}\n{RATED}\n")
    result = run("team", str(tmp_path / "t.jsonl"), "--json")
    assert result.code == 1
    assert [p["name"] for p in json.loads(result.stdout)["people"]] == ["Y"]
    assert (f"mlpath: skipped: {tmp_path / 't.jsonl'}:1: line 1 is not JSON; a .jsonl file "
            "holds one JSON profile per line") in result.stderr.splitlines()
    result = run("team", "-", "--json", input=f"{RATED}\nskills: {{python: 3}}\n")
    assert result.code == 1 and json.loads(result.stdout)["members"] == 1
    assert ("mlpath: skipped: <stdin>:2: line 2 is not JSON; standard input holds one JSON "
            "profile per line") in result.stderr.splitlines()


def test_a_folder_says_it_did_not_read_a_jsonl_file(run: Run, tmp_path: Path) -> None:
    """Folders are scanned for profiles, not for .jsonl files (a saved `team --jsonl`
    output would be read as people): one found there is named, with how to read it."""
    (tmp_path / "fj").mkdir()
    (tmp_path / "fj" / "people.jsonl").write_text(RATED + "\n")
    result = run("team", str(tmp_path / "fj"))
    jsonl = tmp_path / "fj" / "people.jsonl"
    assert result.code == 2
    assert result.stderr.startswith("mlpath: error: no profiles found in the paths given; "
                                    f"{jsonl} not read: folders are searched for *.yaml")
    assert f"(mlpath team {jsonl})" in result.stderr and "*.jsonl" not in result.stderr
    (tmp_path / "fj" / "a.yaml").write_text("name: A\nskills: {python: 2}\n")
    result = run("team", str(tmp_path / "fj"), "--json")
    assert result.code == 0 and json.loads(result.stdout)["members"] == 1
    note, = json.loads(result.stdout)["warnings"]
    assert result.stderr == f"mlpath: warning: {note}\n" and str(jsonl) in note
    empty = run("team", str(tmp_path))
    assert "a .jsonl file is read when named itself" in empty.stderr
    assert run("team", str(jsonl), "--json").code == 0


def test_team_warns_as_assess_does_about_unknown_ids(run: Run, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("name: P\nskills:\n  pyton: 4\n  python: 2\n")
    said = run("assess", "-p", str(profile), "--role", "ml-engineer").stderr
    assert "unknown skill 'pyton' is ignored (did you mean 'python'?)" in said
    for fmt in ("table", "json", "csv"):
        result = run("team", str(profile), "--format", fmt)
        assert result.code == 0 and result.stderr == said, fmt
    data = json.loads(run("team", str(profile), "--json").stdout)
    assert data["warnings"] == [said.strip().removeprefix("mlpath: warning: ")]


def test_team_warnings_are_capped_for_a_big_team(run: Run, tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"p{i:02}.yaml").write_text(f"name: P{i}\nskills: {{pyton: 4, sq: 2}}\n")
    result = run("team", str(tmp_path), "--json")
    assert result.code == 0, result
    lines = result.stderr.splitlines()
    assert len(lines) == 21 and lines[-1] == "mlpath: warning: 40 more warnings in 20 profile(s)"
    assert lines[0].startswith(f"mlpath: warning: {tmp_path / 'p00.yaml'}:2:10: unknown skill")
    assert json.loads(result.stdout)["warnings"] == [
        line.removeprefix("mlpath: warning: ") for line in lines]


# --- what a stranger found (wave 5) --------------------------------------------------------


def test_a_named_file_or_stdin_with_no_profile_is_bad_input(run: Run, tmp_path: Path) -> None:
    """Named, yet empty: exit 1 saying so, not "nothing found" (exit 2), which is for
    folders with no profile files (test_nothing_found_is_a_usage_error)."""
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n")
    result = run("team", str(blank))
    assert result.code == 1, result
    assert result.stderr == (f"mlpath: error: {blank}: holds no profile: write one JSON "
                             "profile per line\n")
    result = run("team", "-", input="")
    assert result.code == 1 and "<stdin>: holds no profile" in result.stderr, result
    (tmp_path / "one.jsonl").write_text(RATED + "\n")  # beside a profile: skipped
    result = run("team", str(blank), str(tmp_path / "one.jsonl"), "--json")
    assert result.code == 1 and json.loads(result.stdout)["members"] == 1
    assert f"mlpath: skipped: {blank}: holds no profile" in result.stderr


def test_jsonl_summary_counts_each_kind_of_skip_and_warns(run: Run, tmp_path: Path) -> None:
    """The summary tells the loaded from the unassessed, and --jsonl warns on stderr as
    every other format does (capped the same way)."""
    lines = [f'{{"name": "P{i}", "skills": {{"python": 3, "pyton": 1}}}}' for i in range(25)]
    lines += ['{"skills": {"python": 9}}'] * 2 + ['{"name": "Z", "skills": {}}'] * 3
    (tmp_path / "p.jsonl").write_text("\n".join(lines) + "\n")
    result = run("team", str(tmp_path / "p.jsonl"), "--jsonl")
    assert result.code == 1
    assert len(result.stdout.splitlines()) == 25
    err = result.stderr.splitlines()
    assert err[-1] == ("mlpath: read 28 profile(s); skipped 5 (2 could not be loaded, "
                       "3 could not be assessed; see above)")
    warned = [line for line in err if line.startswith("mlpath: warning: ")]
    assert len(warned) == 21 and "unknown skill 'pyton' is ignored" in warned[0]
    assert warned[-1] == "mlpath: warning: 5 more warnings in 5 profile(s)"


def test_skipped_profiles_are_capped_and_listed(run: Run, tmp_path: Path) -> None:
    """Hundreds of broken files give a screen of stderr, a whole count, the JSON's
    skipped_sources, and a line in every shareable view."""
    for i in range(30):
        (tmp_path / f"b{i:02}.yaml").write_text("skills: {python: 9}\n")
    (tmp_path / "good.yaml").write_text("name: G\nskills: {python: 3}\n")
    result = run("team", str(tmp_path), "--json")
    assert result.code == 1
    err = result.stderr.splitlines()
    assert len(err) == 22 and err[0].startswith(f"mlpath: skipped: {tmp_path / 'b00.yaml'}")
    assert err[-2:] == ["mlpath: … and 10 more skipped",
                        "mlpath: read 1 profile(s); skipped 30 that could not be loaded "
                        "(see above)"]
    data = json.loads(result.stdout)
    assert data["skipped"] == 30 and len(data["skipped_sources"]) == 30
    assert data["skipped_sources"][29] == f"{tmp_path / 'b29.yaml'}:1:18: skills.python: 9 " \
        "is outside 0–5"
    said = "30 profile(s) skipped (see the command's messages)"
    assert said in run("team", str(tmp_path), "--role", "ml-engineer").stdout
    assert said in run("team", str(tmp_path), "--format", "markdown").stdout
    assert said.replace("'", "&#x27;") in run("team", str(tmp_path), "--format", "html").stdout
    clean = run("team", str(tmp_path / "good.yaml"), "--format", "markdown")
    assert clean.code == 0 and "skipped" not in clean.stdout
    assert json.loads(run("team", str(tmp_path / "good.yaml"), "--json").stdout)[
        "skipped_sources"] == []
