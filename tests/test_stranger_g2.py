"""What a stranger found testing validate, team, posting, exit codes and schemas
on an installed wheel; each test fails on the code as it was before the fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, Run
from mlpath.catalog import load_catalog
from mlpath.model import Catalog
from mlpath.posting import parse_posting

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")
ACME = DATA / "packs" / "acme"


def test_validate_prints_unknown_ids_beside_shape_problems(run: Run, workdir: Path) -> None:
    (workdir / "p.yaml").write_text("skills:\n  python: 9\n  sql: 3.5\n  pyhton: 2\n")
    result = run("validate", "p.yaml")
    assert result.code == 1, result
    assert result.stdout.splitlines() == [
        "p.yaml:2:11: skills.python: 9 is outside 0–5",
        "p.yaml:3:8: skills.sql: expected a whole number 0–5, got 3.5",
        "p.yaml:4:3: unknown skill 'pyhton' is ignored (did you mean 'python'?)",
    ], result


def test_validate_a_review_names_the_unknown_id(run: Run, workdir: Path) -> None:
    (workdir / "r.yaml").write_text("reviewer: bob\nskills:\n  nope: 2\n  pyhton: 3\n"
                                    "  sql: 9\n")
    result = run("validate", "r.yaml")
    assert result.code == 1, result
    assert result.stdout.splitlines() == [
        "r.yaml:3:3: unknown skill 'nope' is ignored",
        "r.yaml:4:3: unknown skill 'pyhton' is ignored (did you mean 'python'?)",
        "r.yaml:5:8: skills.sql: 9 is outside 0–5",
    ], result


def test_validate_a_folder_of_profiles_checks_each_profile(run: Run, tmp_path: Path) -> None:
    team = tmp_path / "team"
    shutil.copytree(DATA / "team", team)
    (team / "profile.schema.json").write_text(run("schema", "profile").stdout)
    result = run("validate", str(team))
    assert result.code == 0, result
    assert "keep it out of the pack folder" not in result.stdout
    (team / "zed.yaml").write_text("skills:\n  pyhton: 2\n")
    bad = run("validate", str(team))
    assert bad.code == 1, bad
    assert bad.stdout.splitlines() == [
        f"{team / 'zed.yaml'}:2:3: unknown skill 'pyhton' is ignored (did you mean 'python'?)"]


def test_a_pack_with_a_profile_in_it_keeps_its_message(run: Run, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(ACME, pack)
    shutil.copy(ADA, pack / "ada.yaml")
    result = run("validate", str(pack))
    assert result.code == 1, result
    assert "keep it out of the pack folder" in result.stdout, result


def test_yaml_on_standard_input_is_refused_once(run: Run) -> None:
    text = Path(ADA).read_text()
    result = run("team", "-", input=text)
    assert (result.code, result.stdout) == (1, ""), result
    assert result.stderr == (
        "mlpath: error: standard input must be JSON Lines: one JSON profile per line "
        "(`mlpath team FOLDER` reads YAML files)\n"), result


def test_a_pretty_printed_report_on_standard_input_is_refused_once(run: Run) -> None:
    report = run("assess", "-p", ADA, "--json").stdout
    assert report.startswith("{\n")
    result = run("team", "-", input=report)
    assert result.code == 1, result
    assert result.stderr.count("\n") == 1 and "must be JSON Lines" in result.stderr, result


def test_json_lines_with_a_few_bad_lines_still_read(run: Run) -> None:
    line = '{"name": "A", "skills": {"python": 3}}'
    result = run("team", "-", "--json", input=f"{line}\nnot json\n{line}\n")
    assert result.code == 1, result  # one skipped line: exit 1 as before, the rest read
    assert "skipped" in result.stderr and "must be JSON Lines" not in result.stderr
    assert '"members": 2' in result.stdout or '"members":2' in result.stdout, result


MISSING = [
    ("assess", "-p", "nonexist"), ("evidence", "nonexist", "-p", ADA),
    ("evidence", ".", "-p", "nonexist"), ("whatif", "-p", "nonexist", "--set", "python=3"),
    ("plan", "-p", "nonexist"), ("diff", "nonexist", ADA), ("diff", ADA, "nonexist"),
    ("progress", "-p", "nonexist"), ("review", "--profile", "nonexist", "--reviewer", "bob"),
    ("posting", "nonexist"), ("team", "nonexist"), ("team", ADA, "nonexist"),
    ("match", "-p", "nonexist"), ("assess", "-p", ADA, "--posting", "nonexist")]


@pytest.mark.parametrize("args", MISSING, ids=" ".join)
def test_a_missing_path_is_bad_input_in_one_line(run: Run, workdir: Path,
                                                  args: tuple[str, ...]) -> None:
    result = run(*args)
    assert (result.code, result.stdout) == (1, ""), result
    assert result.stderr.startswith("mlpath: error: nonexist: no such file"), result
    assert result.stderr.count("\n") == 1, result


def test_validate_reports_a_missing_path_with_exit_1(run: Run, workdir: Path) -> None:
    result = run("validate", "nonexist")
    assert result.code == 1, result
    assert result.stdout == "nonexist: no such file or folder\n", result


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return load_catalog()


@pytest.mark.parametrize(("phrase", "years", "level"), [
    ("2+ years in a data science or analytics role", 2, "entry"),
    ("3+ years in an analytics role", 3, "mid"),
    ("5+ years of experience building models", 5, "mid"),
    ("At least 4 years as a data scientist", 4, "mid"),
    ("8 or more years with production ML systems", 8, "senior"),
    ("3-5 years in applied machine learning", 3, "mid"),  # the least the range asks
])
def test_years_phrased_in_any_common_way_set_the_level(builtin: Catalog, phrase: str,
                                                       years: int, level: str) -> None:
    ad = f"Data Scientist\n\nRequirements\n- {phrase}\n- Strong SQL and Python\n"
    posting = parse_posting(ad, builtin, source="ad.txt")
    assert (posting.years, posting.level, posting.level_basis) == (years, level, "years")


def test_medical_literature_is_not_research_methods(builtin: Catalog) -> None:
    ad = ("Applied AI Engineer\n\nRequirements\n- Python and SQL\n"
          "- Experience with RAG pipelines over medical literature\n")
    posting = parse_posting(ad, builtin, source="ad.txt")
    assert "research-methods" not in [f.skill for f in posting.requirements]
    assert "generative-ai-llm" in posting.required()
    research = ("Research Scientist\n\nRequirements\n- A track record of publications "
                "and a deep knowledge of the research literature\n")
    assert "research-methods" in parse_posting(research, builtin).required()


def test_schema_help_names_every_schema_of_the_one_table(run: Run) -> None:
    from mlpath.schemas import NAMES

    assert {"evidence", "whatif", "posting", "review", "aliases"} <= set(NAMES)
    text = " ".join(run("schema", "--help").stdout.split())
    for name in NAMES:
        assert f"{name}," in text or f"{name})" in text, name
    assert run("schema", "evidence").code == 0
