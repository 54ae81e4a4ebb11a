"""The team view for leads (issue 18), on a test team of twelve (tests/data/team/):
the buy list, who needs what, the steps CSV, Markdown and the review comparison,
checked value by value against sums worked out by hand from the profiles."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, Run

TEAM = DATA / "team"
MLCC = "https://developers.google.com/machine-learning/crash-course"
MLCOURSE = "https://mlcourse.ai/"


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


def test_the_buy_list_counts_people_levels_and_hours_per_resource(
        data: dict[str, Any]) -> None:
    buy = data["buy"]
    assert isinstance(buy, list)
    # Each top gap gets the first resource of its cover (resources.pick_resources: the
    # highest level first, the resource serving most unserved levels, free first).
    # ML fundamentals 1->3 (levels 2-3): mlcourse.ai [2,3] covers both, so Alice and Kai
    # get it (2 levels each); Hugo 2->3 (level 3) too (1 level): 3 people, value 5.
    first = buy[0]
    assert (first["title"], first["url"]) == ("mlcourse.ai", MLCOURSE)
    assert (first["serves"], first["value"], first["person_hours"]) == (3, 5, None)
    assert first["skills"] == ["ml-fundamentals"]
    assert first["people"] == [
        {"name": "Alice", "skills": [{"id": "ml-fundamentals", "levels": [2, 3]}]},
        {"name": "Hugo", "skills": [{"id": "ml-fundamentals", "levels": [3]}]},
        {"name": "Kai", "skills": [{"id": "ml-fundamentals", "levels": [2, 3]}]}]
    # The Python Tutorial [1,3] ties on value (Dan 1->3: 2-3, Jon 2->3: 3, Kai 1->3: 2-3),
    # is free too and serves as many: the title decides, ignoring case (m before t).
    second = buy[1]
    assert (second["title"], second["serves"], second["value"], second["person_hours"]) == (
        "The Python Tutorial", 3, 5, None)
    assert [p["name"] for p in second["people"]] == ["Dan", "Jon", "Kai"]
    by_title = {b["title"]: b for b in buy}
    # Ben 0->3: the cover takes mlcourse.ai for level 3 and the crash course for level 1;
    # the crash course comes first in the catalogue, so a beginner starts there (1-2).
    mlcc = by_title["Machine Learning Crash Course (Google)"]
    assert (mlcc["url"], mlcc["serves"], mlcc["value"], mlcc["person_hours"]) == (
        MLCC, 1, 2, 15)
    assert mlcc["people"] == [
        {"name": "Ben", "skills": [{"id": "ml-fundamentals", "levels": [1, 2]}]}]
    missing = by_title["The Missing Semester of Your CS Education (MIT)"]
    assert (missing["serves"], missing["value"]) == (2, 3)  # Dan: 3; Kai: 2-3
    sklearn = by_title["scikit-learn - Model selection and evaluation"]
    assert (sklearn["serves"], sklearn["value"]) == (2, 3)  # Alice: 2-3; Cara: 3
    # Model deployment: Eve 0->2 gets FastAPI [1,3] (it alone covers 1-2); Ivy 1->2 gets
    # Full Stack Deep Learning, the first free resource that serves level 2.
    assert [p["name"] for p in by_title["FastAPI documentation"]["people"]] == ["Eve"]
    fsdl = by_title["Full Stack Deep Learning"]
    assert (fsdl["serves"], fsdl["value"]) == (1, 1)
    assert [p["name"] for p in fsdl["people"]] == ["Ivy"]
    assert [b["title"] for b in buy][2:5] == [
        "scikit-learn - Model selection and evaluation",
        "The Missing Semester of Your CS Education (MIT)",
        "Kaggle Learn - Feature Engineering"]  # value 3: two people before one
    # 13 resources: the two above, Missing Semester, scikit-learn, Kaggle feature
    # engineering, Wilke (Finn, Lea), AWS (Ivy), Docker (Eve), FastAPI (Eve), MIT 6.006
    # (Kai), the crash course (Ben), SQLBolt (Finn), Full Stack Deep Learning (Ivy).
    assert len(buy) == 13
    values = [(b["value"], {"free": 0, "freemium": 1, "paid": 2}[b["cost"]]) for b in buy]
    assert values == sorted(values, key=lambda v: (-v[0], v[1]))
    # Only the crash course has known hours: 15 h x 1 person.
    assert data["buy_person_hours"] == 15 and data["buy_hours_unknown"] == 12


def test_a_resource_chosen_for_two_of_a_persons_gaps_counts_them_once() -> None:
    from mlpath.engine.team import buy_list
    from mlpath.model import Resource

    course = Resource("Course", "https://example.org/c", "course", "free", 10, (1, 2))
    book = Resource("Book", "https://example.org/b", "book", "paid", None, (3, 4))
    buy = buy_list([
        ("Ann", [("a", 0, 2), ("b", 1, 3)], [course, course]),
        ("Bo", [("a", 1, 4)], [course]),
        ("Cy", [("b", 2, 4), ("a", 0, 1)], [book, None])])
    assert [b.resource.title for b in buy] == ["Course", "Book"]
    merged = buy[0]
    # Ann once for both skills (levels 1-2 of a, 2 of b), Bo once (level 2): 2 people,
    # 4 person-levels, 2 x 10 hours.
    assert (merged.serves, merged.value, merged.person_hours) == (2, 4, 20)
    assert merged.skills == ("a", "b")
    assert [(p.name, p.skills) for p in merged.people] == [
        ("Ann", (("a", (1, 2)), ("b", (2,)))), ("Bo", (("a", (2,)),))]
    assert (buy[1].serves, buy[1].value, buy[1].person_hours) == (1, 2, None)


def test_who_needs_what_names_each_persons_top_gaps_and_their_resource(
        data: dict[str, Any]) -> None:
    team = people(data)
    needs = team["Alice"]["needs"]
    assert [(n["skill"], n["current"], n["required"]) for n in needs] == [
        ("ml-fundamentals", 1, 3), ("model-evaluation", 1, 3)]  # weight 3 x 2 before 2 x 2
    # Levels 2-3: in each skill one free resource serves both.
    assert [n["resource"]["title"] for n in needs] == [
        "mlcourse.ai", "scikit-learn - Model selection and evaluation"]
    assert team["Ben"]["needs"][0]["resource"]["url"] == MLCC  # 0->3 starts at level 1
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
    # Communication 0->2: nothing serves level 1; Wilke [2,3] is free, Knaflic paid.
    assert lea[0]["resource"]["title"] == "Fundamentals of Data Visualization (Wilke)"
    assert [n["resource"]["title"] for n in kai] == [
        "MIT 6.006 Introduction to Algorithms", "Kaggle Learn - Feature Engineering",
        "mlcourse.ai", "The Python Tutorial",
        "The Missing Semester of Your CS Education (MIT)"]


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
        "Alice", "1", "ml-fundamentals", "ML fundamentals", "1", "3", MLCOURSE, "")
    ben = next(r for r in rows if r["name"] == "Ben")
    assert (ben["skill"], ben["url"], ben["hours"]) == ("ml-fundamentals", MLCC, "15")
    # A formula in a name is defused.
    (tmp_path / "x.yaml").write_text("name: '=1+2'\ntarget: ml-engineer:entry\n"
                                     "skills: {python: 1}\n")
    out = run("team", str(tmp_path), "--format", "steps-csv").stdout
    assert {r["name"] for r in csv.DictReader(io.StringIO(out))} == {"'=1+2"}


def test_the_terminal_and_markdown_explain_their_numbers(run: Run) -> None:
    table = run("team", str(TEAM), env={"COLUMNS": "100"}).stdout
    flat = " ".join(table.split())
    # 15 known hours (the crash course) and 610 estimated at plan's per-level hours.
    assert ("Buy list: 13 resources, ~625 person-hours in all (12 without known hours, "
            "estimated at mlpath's per-level hours and marked ~)") in flat
    assert "1. mlcourse.ai · course · free" in flat
    assert "ML fundamentals 2–3: Alice, Kai; ML fundamentals 3: Hugo" in flat
    assert "Serves N: chosen for N people" in flat and "Team priority: the sum" in flat
    assert "ML fundamentals 1–2: Ben" in flat  # the crash course, value 2
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


def serves_said(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"serves (\d+)", text)]


def test_one_answer_to_what_to_buy_in_every_format(run: Run, data: dict[str, Any]) -> None:
    """The per-skill section says where the team falls short; the buy list alone counts
    whom a resource serves, and every format says the same numbers (mlcourse.ai was
    'serves 4' under its skill and 'serves 3' in the buy list: Ben's pick is the crash
    course)."""
    buy = [b["serves"] for b in data["buy"]]
    table = run("team", str(TEAM), env={"COLUMNS": "100"}).stdout
    md = run("team", str(TEAM), "--format", "markdown").stdout
    page = run("team", str(TEAM), "--format", "html").stdout
    for text in (table, md, page):
        assert "Training that would help the most people" not in text
        assert "Where the team falls short" in text
        assert serves_said(text) == buy
    flat = " ".join(table.split())
    assert "1. ML fundamentals 4 of 12 short · mean gap 0.67 · team priority 24" in flat
    top = data["top_gaps"][0]
    assert (top["id"], top["mean_gap"]) == ("ml-fundamentals", 0.67)
    by_title = {b["title"]: b for b in data["buy"]}
    for gap in data["top_gaps"]:
        for r in gap["resources"]:
            assert r["serves"] == by_title[r["title"]]["serves"]
            assert gap["id"] in by_title[r["title"]]["skills"]
    assert [(r["title"], r["serves"]) for r in top["resources"]] == [
        ("mlcourse.ai", 3), ("Machine Learning Crash Course (Google)", 1)]


def test_the_buy_list_estimates_unknown_hours_as_the_plan_does(
        run: Run, data: dict[str, Any]) -> None:
    from mlpath.engine.plan import HOURS_TO_LEVEL

    mlcourse = next(b for b in data["buy"] if b["title"] == "mlcourse.ai")
    # Alice 2-3 and Kai 2-3 (15 + 30 each), Hugo 3 (30).
    assert (mlcourse["person_hours"], mlcourse["estimated_person_hours"]) == (None, 120)
    mlcc = next(b for b in data["buy"] if b["url"] == MLCC)
    assert (mlcc["person_hours"], mlcc["estimated_person_hours"]) == (15, None)
    for b in data["buy"]:
        if b["person_hours"] is None:
            assert b["estimated_person_hours"] == sum(
                HOURS_TO_LEVEL[lv] for f in b["people"] for s in f["skills"]
                for lv in s["levels"])
    assert data["buy_person_hours"] == 15 and data["buy_hours_unknown"] == 12
    assert data["buy_person_hours_with_estimates"] == 625
    flat = " ".join(run("team", str(TEAM), env={"COLUMNS": "100"}).stdout.split())
    assert "serves 3 · value 5 · ~120 person-hours" in flat
    assert "serves 1 · value 2 · 15 person-hours" in flat


def test_who_needs_what_shows_as_many_gaps_as_the_buy_list_buys_for(
        run: Run, data: dict[str, Any]) -> None:
    from mlpath.engine.team import TOP_PERSON_GAPS

    kai = people(data)["Kai"]
    assert len(kai["needs"]) == TOP_PERSON_GAPS == 5
    assert kai["top_gaps"] == [n["skill"] for n in kai["needs"]]
    table = run("team", str(TEAM), env={"COLUMNS": "120"}).stdout
    assert f"top {TOP_PERSON_GAPS} gaps" in " ".join(table.split())
    section = table[table.index("Who needs what"):table.index("Second opinions")]
    for title in ("MIT 6.006", "Kaggle Learn - Feature Engineering", "The Missing Semester"):
        assert title in section  # Kai's fourth and fifth were cut at 3


def test_best_match_says_it_is_at_each_persons_years(run: Run) -> None:
    header = "Best match (at their years)"
    table = run("team", str(TEAM), env={"COLUMNS": "120"}).stdout
    md = run("team", str(TEAM), "--format", "markdown").stdout
    page = run("team", str(TEAM), "--format", "html").stdout
    assert header in table and f"| {header} |" in md and f"<th>{header}</th>" in page
    assert "ml-engineer:entry 55.4%" in page  # the level too, as in the other formats


def test_team_csv_has_backed_and_reviewer_readiness_at_the_end(run: Run,
                                                               tmp_path: Path) -> None:
    out = run("team", str(TEAM), "--format", "csv").stdout
    header = out.splitlines()[0].split(",")
    assert header[:10] == ["name", "source", "role", "level", "readiness", "reached",
                           "best_match", "best_match_readiness", "top_gaps",
                           "missing_milestones"]
    assert header[10:] == ["backed_readiness", "reviewers_readiness"]
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(out))}
    assert (rows["Alice"]["backed_readiness"], rows["Alice"]["reviewers_readiness"]) == (
        "48.6", "89.9")
    assert (rows["Kai"]["backed_readiness"], rows["Kai"]["reviewers_readiness"]) == (
        "24.3", "")
    shutil.copy(TEAM / "kai.yaml", tmp_path)
    alone = run("team", str(tmp_path), "--format", "csv").stdout
    assert alone.splitlines()[0].split(",")[10:] == ["backed_readiness"]
