"""Consistency checks, backed readiness and evidence in reports (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run
from mlpath.engine.assess import assess
from mlpath.engine.checks import backed_ratings, backed_readiness, checks
from mlpath.engine.scoring import readiness
from mlpath.model import Catalog, Level, Profile, Requirement, Role, Skill

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")


def small() -> Catalog:
    skills = {sid: Skill(sid, sid.title(), "c", "d", pre) for sid, pre in (
        ("python", ()), ("sql", ()), ("stats", ()), ("git", ()), ("docker", ()),
        ("pytorch", ("python",)), ("ml", ("stats", "python")))}
    lv = Level("mid", "Mid", 0, None, None, (Requirement("python", 4, 2.0),
                                             Requirement("pytorch", 3, 1.0),
                                             Requirement("sql", 2, 1.0)))
    return Catalog(skills, {"r": Role("r", "R", "s", (), (), (lv,))}, {})


def kinds(profile: Profile) -> list[str]:
    return [c.kind for c in checks(small(), profile)]


def test_no_check_fires_on_an_ordinary_profile() -> None:
    assert checks(small(), Profile({"python": 3, "sql": 2, "pytorch": 2, "stats": 2},
                                   years_experience=3)) == ()


def test_flat_ratings_are_named_and_zeros_are_not_counted() -> None:
    flat = Profile({"python": 3, "sql": 3, "stats": 3, "git": 3, "docker": 3, "ml": 0})
    (check,) = checks(small(), flat)
    assert check.kind == "flat" and "all 5 of your ratings above 0 are 3" in check.message
    assert check.skills == ("python", "sql", "stats", "git", "docker")
    # four of five the same (80%) is still nearly all; three of five is not
    assert kinds(flat._replace(skills={**flat.skills, "git": 2})) == ["flat"]
    assert kinds(flat._replace(skills={**flat.skills, "git": 2, "docker": 1})) == []
    assert kinds(Profile({"python": 3, "sql": 3, "stats": 3, "git": 3})) == []  # too few


def test_a_skill_two_levels_above_a_prerequisite() -> None:
    (check,) = checks(small(), Profile({"pytorch": 4, "python": 1}, checked={"pytorch": "x"}))
    assert check.kind == "prerequisite" and check.skills == ("pytorch", "python")
    assert check.message == "Pytorch is 4 but Python, which it builds on, is 1."
    assert kinds(Profile({"pytorch": 4, "python": 3})) == ["unbacked"]
    # a prerequisite rated 0 fires; one left out or marked not rated was never asked,
    # so nothing is claimed about it (it used to be called 0)
    found = checks(small(), Profile({"ml": 2, "python": 2, "stats": 0}))
    assert [c.skills for c in found] == [("ml", "stats")]
    assert checks(small(), Profile({"ml": 2, "python": 2})) == ()
    assert checks(small(), Profile({"ml": 2, "python": 2, "stats": 0},
                                   unrated=frozenset({"stats"}))) == ()


def test_expert_ratings_with_few_years() -> None:
    (check, _) = checks(small(), Profile({"python": 5, "sql": 2}, years_experience=1))
    assert check.kind == "experience" and check.skills == ("python",)
    assert "1 year of experience" in check.message
    assert kinds(Profile({"python": 5, "sql": 2}, years_experience=6)) == ["unbacked"]
    # years unknown: nothing to say about them
    assert kinds(Profile({"python": 5, "sql": 2})) == ["unbacked"]
    many = Profile({"python": 4, "sql": 4, "stats": 4, "git": 1}, years_experience=1,
                   evidence=dict.fromkeys(("python", "sql", "stats"), ("x",)))
    assert kinds(many) == ["experience"]
    assert kinds(many._replace(skills={"python": 4, "sql": 4, "git": 1})) == []


def test_a_high_rating_with_neither_evidence_nor_a_check() -> None:
    (check,) = checks(small(), Profile({"python": 4, "sql": 4, "git": 2},
                                       evidence={"sql": ("https://x.example",)}))
    assert check.kind == "unbacked" and check.skills == ("python",)
    assert kinds(Profile({"python": 4}, checked={"python": "2026-01-02"})) == []


def test_checks_never_change_a_number() -> None:
    profile = Profile({"pytorch": 5, "python": 1}, years_experience=0)
    report = assess(catalog=small(), profile=profile)
    assert {c.kind for c in report.checks} == {"prerequisite", "experience", "unbacked"}
    assert report.readiness == readiness(small().roles["r"].levels[0], profile.skills)
    assert [s.current for s in report.skills if s.id == "pytorch"] == [5]


def test_backed_ratings_count_unbacked_ones_one_lower() -> None:
    profile = Profile({"python": 4, "pytorch": 3, "sql": 0},
                      evidence={"pytorch": ("repo",)}, checked={"sql": "2026-01-01"})
    assert backed_ratings(profile) == {"python": 3, "pytorch": 3, "sql": 0}
    lv = small().roles["r"].levels[0]
    # python 3 of 4 (w 2), pytorch 3 of 3, sql 0 of 2: 100 * (6 + 3) / (8 + 3 + 2)
    assert backed_readiness(lv, profile) == 69.2
    assert readiness(lv, profile.skills) == 84.6
    fully = profile._replace(evidence={"python": ("a",), "pytorch": ("b",)})
    assert backed_readiness(lv, fully) == readiness(lv, fully.skills)


def test_ada_json_has_the_range_and_the_checks(run: Run) -> None:
    result = run("assess", "--profile", ADA, "--json")
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert data["readiness"] == 47.5 and data["backed_readiness"] < data["readiness"]
    # her missing prerequisites (data wrangling, calculus) were never asked: no claim
    assert [c["kind"] for c in data["checks"]] == ["unbacked"]
    assert data["checks"][-1]["skills"] == ["python", "scikit-learn"]
    assert all(s["checked"] is None for s in data["skills"])


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


BACKED = """name: Bo
years_experience: 3
target: ml-engineer
skills: {python: 4, sql: 3, pytorch: 3}
evidence:
  python: [https://github.com/bo/lib, "javascript:alert(1)", "<b>notes</b>"]
checked:
  sql: "2026-03-01"
"""


def test_table_marks_backed_ratings_with_a_legend(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "bo.yaml", BACKED)
    out = run("assess", "--profile", path).stdout
    assert " claimed · " in out and "% backed" in out
    python = next(line for line in out.splitlines() if line.startswith("Python "))
    sql = next(line for line in out.splitlines() if line.startswith("SQL "))
    pytorch = next(line for line in out.splitlines() if line.startswith("PyTorch "))
    assert "4✓" in python and "3✓" in sql and "✓" not in pytorch
    assert "✓ backed by evidence or a checklist check" in out
    plain = run("assess", "--profile", ADA).stdout  # nothing backed: no marks, no legend
    assert "✓" not in plain.split("Checks")[0].split("Milestones")[0]


def test_markdown_and_html_show_the_items_escaped(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "bo.yaml", BACKED)
    md = run("assess", "--profile", path, "--format", "markdown").stdout
    line = next(x for x in md.splitlines() if x.startswith("| Python |"))
    assert "[https://github.com/bo/lib](https://github.com/bo/lib)" in line
    assert "](javascript" not in line and "\\<b\\>notes\\</b\\>" in line
    assert "checklist 2026-03-01" in next(x for x in md.splitlines() if x.startswith("| SQL |"))
    assert "% claimed · " in md
    out = tmp_path / "r.html"
    assert run("assess", "--profile", path, "--output", str(out)).code == 0
    page = out.read_text(encoding="utf-8")
    assert '<a href="https://github.com/bo/lib">' in page
    assert "&lt;b&gt;notes&lt;/b&gt;" in page and 'href="javascript' not in page
    assert "checklist checked 2026-03-01" in page and "backed" in page


def test_checks_block_in_every_format(run: Run, tmp_path: Path) -> None:
    md = run("assess", "--profile", ADA, "--format", "markdown").stdout
    assert "## Checks" in md and "Python and scikit-learn are rated 4 or 5" in md
    assert "Calculus" not in md.split("## Checks")[1].split("##")[0]  # never asked
    table = run("assess", "--profile", ADA).stdout
    assert "Checks (advice on your ratings; no number is changed)" in table
    out = tmp_path / "r.html"
    run("assess", "--profile", ADA, "--output", str(out))
    assert "<h2>Checks</h2>" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("text, message", [
    ('skills: {python: 2}\nchecked: {python: "last week"}\n', "is not a date"),
    ("skills: {python: 2}\nchecked: [python]\n", "expected a mapping"),
])
def test_bad_checked_values_are_errors(run: Run, tmp_path: Path, text: str,
                                       message: str) -> None:
    result = run("assess", "--profile", write(tmp_path / "p.yaml", text))
    assert result.code == 1 and message in result.stderr, result


def test_team_shows_each_persons_backed_share(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    write(folder / "bo.yaml", BACKED)
    write(folder / "cy.yaml", "name: Cy\ntarget: ml-engineer\nskills: {python: 4, sql: 3}\n")
    data = json.loads(run("team", str(folder), "--json").stdout)
    people = {p["name"]: p for p in data["people"]}
    one = json.loads(run("assess", "--profile", str(folder / "bo.yaml"), "--role",
                         f"ml-engineer:{data['level']}", "--json").stdout)
    assert people["Bo"]["backed_readiness"] == one["backed_readiness"]
    assert people["Cy"]["backed_readiness"] < people["Cy"]["readiness"]
    table = run("team", str(folder)).stdout
    assert "Backed" in table
