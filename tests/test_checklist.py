"""The behavioural checklist in the interview (``c``), with scripted answers."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from conftest import Run
from mlpath.interview import suggest_level

# MLOps Engineer asks 19 skills; the first four are python, sql, software-engineering, git
REST = ["4", "2", "2", "2", "3", "4", "3", "3", "3", "2", "3", "2", "4", "3", "2", "1"]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mlpath.cli.assess.interactive", lambda: True)


def lines(*answers: str) -> str:
    return "\n".join(answers) + "\n"


@pytest.mark.parametrize("done, expected", [
    ({3: [True, True, True], 4: [True, True, False]}, 4),  # most of level 4
    ({3: [True, True, False], 4: [True, False, False]}, 3),
    ({3: [True, False, False], 4: [True, True, True]}, 4),  # the highest level with most
    ({3: [True, False, False], 4: [False, False, False]}, 2),  # not even 3: one lower
    ({2: [True, False], 3: [False, False]}, 1),  # half is not most
    ({5: [True, True]}, 5),
    ({1: [False, False], 2: [False, False]}, 0),
])
def test_the_suggestion_is_the_highest_level_with_most_items_done(
        done: dict[int, list[bool]], expected: int) -> None:
    assert suggest_level(min(done), done) == expected


def test_checklist_suggests_and_the_person_decides(run: Run, workdir: Path,
                                                  terminal: None) -> None:
    script = lines("", "mlops-engineer", "4",
                   # python: no default, so it asks which level; 3 of 3 at 3, 0 of 3 at 4
                   "c", "3", "y", "y", "y", "n", "n", "n", "",
                   # sql: c2 checks levels 2 and 3; all done, so 3; the person types 4
                   "c2", "y", "y", "y", "y", "4",
                   # software engineering: c, then < back out, then a plain rating
                   "c", "<", "2",
                   *REST, "", "", "", "", "", "")
    result = run("assess", "--save", "me.yaml", input=script)
    assert result.code == 0, result
    out = result.stdout
    assert "Which level are you thinking of? 1-5" in out
    assert "have you done this in the last year?" in out
    assert "[level 3] Wrote a package with modules, type hints and pytest tests? [y/n]" in out
    assert "Your answers support level 3 (level 3: 3 of 3 done; level 4: 0 of 3 done)." in out
    assert "Your answers support level 3 (level 2: 2 of 2 done; level 3: 2 of 2 done)." in out
    assert "4 is above what your answers support (3): kept, but not marked as checked." in out
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    assert saved["skills"]["python"] == 3 and saved["skills"]["sql"] == 4
    assert saved["skills"]["software-engineering"] == 2
    assert saved["checked"] == {"python": datetime.date.today().isoformat()}


def test_a_no_lowers_the_suggestion_and_enter_takes_it(run: Run, workdir: Path,
                                                       terminal: None) -> None:
    # neither 4 nor 5 mostly done: level 3's items are asked before 3 is suggested
    script = lines("", "mlops-engineer", "4", "c4", "n", "n", "y", "n", "n", "y", "y", "n",
                   "", "3", "2", *REST, "", "", "", "", "", "")
    result = run("assess", "--save", "me.yaml", "--json", input=script)
    assert result.code == 0, result
    assert "Not most of level 4: now level 3's items." in result.stdout
    assert ("Your answers support level 3 (level 3: 2 of 3 done; level 4: 1 of 3 done; "
            "level 5: 0 of 2 done).") in result.stdout
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    assert saved["skills"]["python"] == 3 and list(saved["checked"]) == ["python"]


def test_a_level_below_is_asked_before_it_is_suggested_and_checked(
        run: Run, workdir: Path, terminal: None) -> None:
    # software engineering c5: 1 of 2 at level 5, so level 4's items come next (2 of 3)
    script = lines("", "mlops-engineer", "4", "3", "2", "c5", "y", "n", "y", "y", "n", "",
                   *REST, "", "", "", "", "", "")
    result = run("assess", "--save", "me.yaml", input=script)
    assert result.code == 0, result
    out = result.stdout
    assert "[level 4] Reviewed others' pull requests every week? [y/n]" in out
    assert "Your answers support level 4 (level 4: 2 of 3 done; level 5: 1 of 2 done)." in out
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    assert saved["skills"]["software-engineering"] == 4
    assert list(saved["checked"]) == ["software-engineering"]


def test_going_back_into_a_higher_level_forgets_the_lower_one(
        run: Run, workdir: Path, terminal: None) -> None:
    # 1 of 2 at level 5 leads to level 4; < twice returns to level 5, now 2 of 2: 5
    script = lines("", "mlops-engineer", "4", "3", "2", "c5", "y", "n", "<", "y", "", "",
                   *REST, "", "", "", "", "", "")
    result = run("assess", "--save", "me.yaml", input=script)
    assert result.code == 0, result
    assert "Your answers support level 5 (level 5: 2 of 2 done)." in result.stdout
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    assert saved["skills"]["software-engineering"] == 5 and "checked" in saved


@pytest.mark.parametrize("typed, rating, why", [
    ("", 0, "no level's items were mostly done"),  # all n at level 1 and 2: 0, never checked
    ("2", 2, "2 is above what your answers support (0)"),
])
def test_nothing_done_suggests_0_and_checks_nothing(run: Run, workdir: Path, terminal: None,
                                                   typed: str, rating: int, why: str) -> None:
    script = lines("", "mlops-engineer", "4", "3", "2", "c1", "n", "n", "n", "n", typed,
                   *REST, "", "", "", "", "", "")
    result = run("assess", "--save", "me.yaml", input=script)
    assert result.code == 0, result
    assert "Your answers support level 0 (level 1: 0 of 2 done; level 2: 0 of 2 done)." in (
        result.stdout)
    assert f"{why}: kept, but not marked as checked." in result.stdout
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    assert saved["skills"]["software-engineering"] == rating and "checked" not in saved


def test_a_rating_below_the_suggestion_is_not_checked_when_its_items_were_not_asked(
        run: Run, workdir: Path, terminal: None) -> None:
    script = lines("", "mlops-engineer", "4", "3", "2", "c4", "y", "y", "y", "y", "n", "2",
                   *REST, "", "", "", "", "", "")
    result = run("assess", "--save", "me.yaml", input=script)
    assert result.code == 0, result
    assert "level 2's own items were not asked: kept, but not marked as checked." in (
        result.stdout)
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    assert saved["skills"]["software-engineering"] == 2 and "checked" not in saved


def test_bad_answers_inside_the_checklist_are_asked_again(run: Run, workdir: Path,
                                                         terminal: None) -> None:
    script = lines("", "mlops-engineer", "4", "c", "9", "1", "maybe", "y", "<", "y", "y",
                   "y", "y", "seven", "", "3", "2", *REST, "", "", "", "", "", "")
    result = run("assess", "--save", "me.yaml", input=script)
    assert result.code == 0, result
    out = result.stdout
    assert "Type a level from 1 to 5, or < to go back." in out
    assert "Type y or n (or < to go back)." in out
    assert "Type a whole number 0-5, Enter for the suggestion, or < to go back." in out
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    assert saved["skills"]["python"] == 2 and "python" in saved["checked"]


def test_update_keeps_a_check_while_its_rating_stays(run: Run, workdir: Path,
                                                     terminal: None) -> None:
    me = workdir / "me.yaml"
    me.write_text("# my profile\nname: Ada\nyears_experience: 4\ntarget: mlops-engineer\n"
                  "skills:\n  python: 3  # mine\n  sql: 2\n"
                  'checked:\n  python: "2025-01-02"\n  sql: "2025-01-02"\n')
    # python kept (Enter), sql changed to 3: its old check no longer says anything
    script = lines("", "", "", "", "3", "0", *REST, "", "", "", "", "", "", "")
    result = run("assess", "--profile", "me.yaml", "--update", input=script)
    assert result.code == 0, result
    text = me.read_text()
    assert "# my profile" in text and "python: 3  # mine" in text
    saved = yaml.safe_load(text)
    assert saved["skills"]["sql"] == 3 and saved["checked"] == {"python": "2025-01-02"}


def test_a_check_is_saved_as_an_edit_and_read_back(run: Run, workdir: Path,
                                                   terminal: None) -> None:
    me = workdir / "me.yaml"
    me.write_text("# my profile\nname: Ada\nyears_experience: 4\ntarget: mlops-engineer\n"
                  "skills:\n  python: 3  # mine\n")
    script = lines("", "", "", "c", "y", "y", "y", "y", "y", "y", "", *(["0"] * 2), *REST,
                   "", "", "", "", "", "", "")
    result = run("assess", "--profile", "me.yaml", "--update", input=script)
    assert result.code == 0, result
    text = me.read_text()
    assert text.startswith("# my profile\n") and "python: 4  # mine" in text
    today = datetime.date.today().isoformat()
    assert f'checked:\n  python: "{today}"\n' in text
    data = run("assess", "--profile", "me.yaml", "--json").stdout
    assert f'"checked": "{today}"' in data
