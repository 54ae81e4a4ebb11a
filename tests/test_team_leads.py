"""The team view for leads (issue 18), on a test team of twelve (tests/data/team/):
the buy list, who needs what, the steps CSV, Markdown and the review comparison,
checked value by value against sums worked out by hand from the profiles."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, Run

TEAM = DATA / "team"
MLCC = "https://developers.google.com/machine-learning/crash-course"


@pytest.fixture
def data(run: Run) -> dict[str, Any]:
    result = run("team", str(TEAM), "--json")
    assert result.code == 0, result
    value: dict[str, Any] = json.loads(result.stdout)
    return value


def people(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = data["people"]
    assert isinstance(found, list)
    return {p["name"]: p for p in found}


def test_the_team_is_compared_at_the_level_its_profiles_name(data: dict[str, Any]) -> None:
    assert (data["role"], data["level"], data["role_chosen"], data["members"]) == (
        "ml-engineer", "entry", "target", 12)
    assert data["reviewed"] == 3


def test_the_buy_list_merges_a_course_across_skills_with_names_levels_and_hours(
        data: dict[str, Any]) -> None:
    buy = data["buy"]
    assert isinstance(buy, list)
    first = buy[0]
    # MLCC (15 h) is chosen for Alice's ML fundamentals 1->3 and model evaluation 1->3
    # (it covers level 2 of each), Ben's ML fundamentals 0->3 (levels 1-2) and Kai's
    # ML fundamentals 1->3 (level 2): 3 people, 5 person-levels, 3 x 15 = 45 hours.
    assert first["url"] == MLCC
    assert (first["serves"], first["value"], first["person_hours"]) == (3, 5, 45)
    assert first["skills"] == ["ml-fundamentals", "model-evaluation"]
    assert first["people"] == [
        {"name": "Alice", "skills": [{"id": "ml-fundamentals", "levels": [2]},
                                     {"id": "model-evaluation", "levels": [2]}]},
        {"name": "Ben", "skills": [{"id": "ml-fundamentals", "levels": [1, 2]}]},
        {"name": "Kai", "skills": [{"id": "ml-fundamentals", "levels": [2]}]}]
    # The Python Tutorial ties on value (Dan 1->3: 2-3, Jon 2->3: 3, Kai 1->3: 2-3), is
    # free too, serves as many: the title decides. It has no known hours.
    second = buy[1]
    assert (second["title"], second["serves"], second["value"], second["person_hours"]) == (
        "The Python Tutorial", 3, 5, None)
    assert [p["name"] for p in second["people"]] == ["Dan", "Jon", "Kai"]
    by_title = {b["title"]: b for b in buy}
    missing = by_title["The Missing Semester of Your CS Education (MIT)"]
    assert (missing["serves"], missing["value"]) == (2, 3)  # Dan: 3; Kai: 2-3
    fsdl = by_title["Full Stack Deep Learning"]
    assert (fsdl["serves"], fsdl["value"]) == (2, 2)
    assert [p["name"] for p in fsdl["people"]] == ["Eve", "Ivy"]
    assert len(buy) == 12
    values = [(b["value"], {"free": 0, "freemium": 1, "paid": 2}[b["cost"]]) for b in buy]
    assert values == sorted(values, key=lambda v: (-v[0], v[1]))
    assert data["buy_person_hours"] == 45 and data["buy_hours_unknown"] == 11


def test_who_needs_what_names_each_persons_top_gaps_and_their_resource(
        data: dict[str, Any]) -> None:
    team = people(data)
    needs = team["Alice"]["needs"]
    assert [(n["skill"], n["current"], n["required"]) for n in needs] == [
        ("ml-fundamentals", 1, 3), ("model-evaluation", 1, 3)]  # weight 3 x 2 before 2 x 2
    assert all(n["resource"]["url"] == MLCC for n in needs)
    assert team["Gia"]["needs"] == []
    kai = team["Kai"]["needs"]
    # Six gaps of priority 6, 6, 6, 6, 6 and 3: the top five, ties by skill id.
    assert [n["skill"] for n in kai] == ["data-structures-algorithms", "feature-engineering",
                                         "ml-fundamentals", "python", "software-engineering"]
    ivy = team["Ivy"]["needs"]
    assert [(n["skill"], n["resource"]["title"]) for n in ivy] == [
        ("cloud-platforms", "AWS Cloud Practitioner Essentials"),
        ("model-deployment", "Full Stack Deep Learning")]
    lea = team["Lea"]["needs"]
    assert lea[0]["resource"]["title"] == "Fundamentals of Data Visualization (Wilke)"


def test_the_review_comparison_value_by_value(data: dict[str, Any]) -> None:
    team = people(data)
    alice = team["Alice"]["review"]
    assert alice["reviewers"] == ["bob", "carol"]
    # Need: 74 weighted levels. Self: ML fundamentals 1 (-6) and model evaluation 1 (-4):
    # 64/74 = 86.5. Reviewers: ML fundamentals (3+2)/2 = 2.5 (-1.5), model evaluation 3,
    # Python (1+1)/2 = 1 (-6): 66.5/74 = 89.9. Mean: 1.75 (-3.75), 2 (-2), 2 (-3): 88.2.
    assert alice["readiness_on"] == {"self": 86.5, "reviewers": 89.9, "mean": 88.2}
    assert set(alice["blind_spots"]) == {"python"}
    assert set(alice["hidden_strengths"]) == {"model-evaluation", "software-engineering"}
    rows = {s["id"]: s for s in alice["skills"]}
    assert rows["ml-fundamentals"]["reviewer_mean"] == 2.5
    assert rows["ml-fundamentals"]["reviewers"] == [{"reviewer": "bob", "rating": 3},
                                                     {"reviewer": "carol", "rating": 2}]
    assert rows["docker"]["reviewers"] == [{"reviewer": "bob", "rating": 2},
                                           {"reviewer": "carol", "rating": None}]
    assert rows["sql"]["reviewer_mean"] is None and rows["sql"]["talk"] is None
    jon = team["Jon"]["review"]
    # Self: Python 2 (-3): 71/74 = 95.9. kim: Python 4 (met), Git 1 (-2): 72/74 = 97.3.
    # Mean: Python 3, Git 2 (-1): 73/74 = 98.6.
    assert jon["readiness_on"] == {"self": 95.9, "reviewers": 97.3, "mean": 98.6}
    assert (jon["blind_spots"], jon["hidden_strengths"]) == (["git"], ["python"])
    lea = team["Lea"]["review"]
    assert lea["readiness_on"] == {"self": 97.3, "reviewers": 97.3, "mean": 97.3}
    assert lea["blind_spots"] == [] == lea["hidden_strengths"]
    assert team["Ben"]["review"] is None


def test_steps_csv_is_one_row_per_person_and_step(run: Run, tmp_path: Path) -> None:
    result = run("team", str(TEAM), "--format", "steps-csv")
    assert result.code == 0, result
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # Gaps: Alice 2, Ben 1, Cara 1, Dan 2, Eve 2, Finn 2, Gia 0, Hugo 1, Ivy 2, Jon 1,
    # Kai 5 (of 6), Lea 1.
    assert len(rows) == 20
    assert [r["name"] for r in rows].count("Kai") == 5 and "Gia" not in {r["name"]
                                                                         for r in rows}
    first = rows[0]
    assert (first["name"], first["step"], first["skill"], first["skill_name"],
            first["current"], first["required"], first["url"], first["hours"]) == (
        "Alice", "1", "ml-fundamentals", "ML fundamentals", "1", "3", MLCC, "15")
    # A formula in a name is defused.
    (tmp_path / "x.yaml").write_text("name: '=1+2'\ntarget: ml-engineer:entry\n"
                                     "skills: {python: 1}\n")
    out = run("team", str(tmp_path), "--format", "steps-csv").stdout
    assert {r["name"] for r in csv.DictReader(io.StringIO(out))} == {"'=1+2"}


def test_the_terminal_and_markdown_explain_their_numbers(run: Run) -> None:
    table = run("team", str(TEAM), env={"COLUMNS": "100"}).stdout
    flat = " ".join(table.split())
    assert "Buy list: 12 resources, 45 person-hours in all (11 without known hours)" in flat
    assert "Serves N: chosen for N people" in flat and "Team priority: the sum" in flat
    assert "ML fundamentals 1–2: Ben" in flat
    assert "Alice ready on self 86.5% · reviewers 89.9% · mean 88.2%" in flat
    assert "Python (blind spot: self 3, reviewers 1)" in flat
    md = run("team", str(TEAM), "--format", "markdown").stdout
    assert md.startswith("# mlpath team: 12 against Junior ML Engineer")
    assert "## Buy list" in md and "## Who needs what" in md and "## Second opinions" in md
    assert "| Alice | bob, carol | 86.5% | 89.9% | 88.2% |" in md
    assert f"[Machine Learning Crash Course (Google)]({MLCC})" in md


def test_reviews_from_another_folder(run: Run, tmp_path: Path) -> None:
    profiles, reviews = tmp_path / "people", tmp_path / "reviews"
    profiles.mkdir()
    reviews.mkdir()
    shutil.copy(TEAM / "jon.yaml", profiles)
    shutil.copy(TEAM / "jon.review-kim.yaml", reviews)
    alone = json.loads(run("team", str(profiles), "--json").stdout)
    assert alone["reviewed"] == 0
    found = json.loads(run("team", str(profiles), "--json", "--reviews", str(reviews)).stdout)
    assert found["people"][0]["review"]["readiness_on"]["mean"] == 98.6


def test_assess_shows_self_against_reviewers(run: Run) -> None:
    result = run("assess", "-p", str(TEAM / "alice.yaml"), "--json")
    assert result.code == 0, result
    review = json.loads(result.stdout)["review"]
    assert review["readiness_on"] == {"self": 86.5, "reviewers": 89.9, "mean": 88.2}
    assert json.loads(result.stdout)["readiness"] == 86.5  # the self-rated report, as before
    table = run("assess", "-p", str(TEAM / "alice.yaml"), env={"COLUMNS": "100"}).stdout
    assert "Second opinions from bob, carol" in table
    assert "Ready on your ratings 86.5% · on the reviewers' 89.9% · on their mean 88.2%" in table
    assert "review" not in json.loads(run("assess", "-p", str(TEAM / "ben.yaml"),
                                          "--json").stdout)


def test_a_broken_review_is_a_warning_not_a_failure(run: Run, tmp_path: Path) -> None:
    shutil.copy(TEAM / "jon.yaml", tmp_path)
    (tmp_path / "jon.review-x.yaml").write_text("reviewer: x\nskills: {python: 9}\n")
    result = run("assess", "-p", str(tmp_path / "jon.yaml"), "--json")
    assert result.code == 0, result
    assert "review" not in json.loads(result.stdout)
    assert "mlpath: warning: review skipped:" in result.stderr and "9 is outside" in \
        result.stderr


def test_a_team_folder_never_reads_a_review_as_a_profile(run: Run) -> None:
    result = run("team", str(TEAM), "--format", "csv")
    assert result.code == 0, result
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 12


def test_the_team_web_page_passes_the_browser_checks(run: Run, tmp_path: Path) -> None:
    import chromium
    from test_html import Outline, _browser, urls

    for path in TEAM.iterdir():
        shutil.copy(path, tmp_path)
    (tmp_path / "zed.yaml").write_text('name: "<script>alert(1)</script> Zed"\n'
                                       "target: ml-engineer:entry\nskills: {python: 1}\n")
    page = run("team", str(tmp_path), "--format", "html").stdout
    data = json.loads(run("team", str(tmp_path), "--json").stdout)
    outline = Outline()
    outline.feed(page)
    assert not outline.fetching and "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Zed" in page
    for section in ("Buy list", "Who needs what", "Second opinions"):
        assert f"<h2>{section}</h2>" in page
    assert "Ready on self 86.5% · on reviewers 89.9% · on the mean 88.2%" in page
    _browser()
    (tmp_path / "team.html").write_text(page, encoding="utf-8")
    seen = chromium.open_page(tmp_path / "team.html", width=375)
    assert seen.requests == [(tmp_path / "team.html").resolve().as_uri()]
    assert not seen.failed and not seen.errors
    assert seen.scroll_width <= seen.viewport_width == 375
    for url in urls(data):
        assert url in seen.text or url + "/" in seen.links, url
