"""`mlpath review`: a second rater rates someone blind; the review file validates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DATA, Run
from mlpath.model import Catalog

TEAM = DATA / "team"


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mlpath.cli.review.interactive", lambda: True)


def test_a_blind_review_is_saved_beside_the_profile(run: Run, tmp_path: Path,
                                                    terminal: None, catalog: Catalog) -> None:
    shutil.copy(TEAM / "jon.yaml", tmp_path)
    level = catalog.roles["ml-engineer"].level("entry")
    assert level is not None
    asked = len(level.requirements)  # Jon's target: 18 skills
    answers = ["4"] + ["s"] + ["1"] * (asked + 5)  # python 4, skip the rest of its category
    result = run("review", "--profile", str(tmp_path / "jon.yaml"), "--reviewer", "kim",
                 input="\n".join(answers) + "\n")
    assert result.code == 0, result
    questions = result.stdout
    # Neither Jon's ratings (as a default, "0-5 [3]") nor the targets are shown.
    assert "You are rating Jon as kim" in questions and "Their level 0-5" in questions
    assert "0-5 [" not in questions and "Need" not in questions and "→" not in questions
    saved = tmp_path / "jon.review-kim.yaml"
    data = yaml.safe_load(saved.read_text())
    assert data["reviewer"] == "kim" and data["of"] == "Jon"
    assert data["skills"]["python"] == 4 and "sql" not in data["skills"]  # skipped
    assert f"saved kim's review to {saved}" in result.stderr
    again = run("review", "--profile", str(tmp_path / "jon.yaml"), "--reviewer", "kim",
                input="")
    assert again.code == 2 and "exists" in again.stderr
    review = json.loads(run("assess", "-p", str(tmp_path / "jon.yaml"), "--json").stdout)
    assert review["review"]["reviewers"] == ["kim"]
    valid = run("validate", str(saved), "--json")
    assert valid.code == 0, valid
    assert json.loads(valid.stdout)["kinds"] == {"review": 1}


def test_review_needs_a_terminal_and_a_safe_name(run: Run) -> None:
    result = run("review", "--profile", str(TEAM / "jon.yaml"), "--reviewer", "kim")
    assert result.code == 2 and "needs a terminal" in result.stderr
    bad = run("review", "--profile", str(TEAM / "jon.yaml"), "--reviewer", "../x")
    assert bad.code == 2 and "--reviewer" in bad.stderr


def test_validate_checks_a_review_by_its_own_rules(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "a.review-b.yaml"
    bad.write_text("reviewer: b\ndate: yesterday\nskills: {python: 7, pythn: 2}\n")
    result = run("validate", str(bad), "--json")
    assert result.code == 1
    messages = [p["message"] for p in json.loads(result.stdout)["problems"]]
    assert any("7 is outside" in m for m in messages)
    assert any("is not a date" in m for m in messages)
    schema = json.loads(run("schema", "review").stdout)
    assert schema["required"] == ["reviewer", "skills"]
