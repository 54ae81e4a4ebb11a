"""The interview through the real CLI, with scripted answers and a stand-in terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import DATA, Run

# MLOps Engineer (mid) asks 19 skills, in catalogue order by category:
# python sql software-engineering git | ml-fundamentals model-evaluation |
# spark-big-data data-engineering | docker kubernetes mlops ci-cd-iac ml-monitoring
# model-deployment distributed-systems | cloud-platforms | communication technical-leadership |
# ml-security-privacy
MLOPS_RATINGS = ["3", "2", "4", "4", "2", "2", "2", "3", "4", "3", "3", "3", "2", "3", "2", "4",
                 "3", "2", "1"]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend stdin and stdout are a terminal, so that the interview runs."""
    monkeypatch.setattr("mlpath.cli.assess.interactive", lambda: True)


def lines(*answers: str) -> str:
    return "\n".join(answers) + "\n"


def test_full_interview_saves_a_profile_that_reads_back_to_the_same_report(
        run: Run, workdir: Path, terminal: None) -> None:
    script = lines("Grace", "mlops-engineer", "5", *MLOPS_RATINGS, "y", "n", "", "", "me.yaml")
    result = run("assess", "--json", input=script)
    assert result.code == 0, result
    assert result.stderr.endswith("mlpath: saved your profile to me.yaml\n")
    report = json.loads(result.stdout[result.stdout.index('{\n  "schema_version"'):
                                      result.stdout.rindex("}") + 1])
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    assert saved["name"] == "Grace" and saved["target"] == "mlops-engineer"
    assert saved["years_experience"] == 5 and saved["milestones"] == ["end-to-end-project"]
    assert saved["skills"]["docker"] == 4
    again = json.loads(run("assess", "--profile", "me.yaml", "--json").stdout)
    for data in (report, again):
        data["profile"].pop("source")
        data["target"].pop("chosen")
    assert again == report


def test_the_questions_never_show_the_required_level(run: Run, workdir: Path,
                                                     terminal: None) -> None:
    result = run("assess", input=lines("", "mlops-engineer", "5", *MLOPS_RATINGS, "", "", "", "",
                                       ""))
    assert result.code == 0, result
    questions = result.stdout[:result.stdout.index("╭─ mlpath")]
    assert "Need" not in questions and "required" not in questions.lower().replace(
        "required for", "")
    assert "[1/19] Python" in questions and "[17/19] Communication" in questions
    assert "Ready" in result.stdout  # then comes the report


def test_bad_answers_are_asked_again_with_the_reason(run: Run, workdir: Path,
                                                     terminal: None) -> None:
    script = lines("", "99", "nope-role", "mlops-engineer", "many", "-3", "4",
                   "7", "", "three", "?", "3", *MLOPS_RATINGS[1:], "maybe", "", "", "", "", "")
    result = run("assess", "--json", input=script)
    assert result.code == 0, result
    out = result.stdout
    assert "unknown role 'nope-role'" in out
    assert "unknown role '99'" in out
    assert "'many' is not a number of years" in out
    assert "Years go from 0 to 70." in out
    assert "'7' is not a level: type a whole number 0-5" in out
    assert "a level is needed" in out
    assert "'three' is not a level" in out
    assert "Resources:" in out and "https://docs.python.org/3/tutorial/" in out  # the ? answer
    assert "Type y or n, or press Enter." in out
    assert not list(workdir.iterdir())  # Enter at the save question saves nothing


def test_going_back_and_skipping_a_category(run: Run, workdir: Path, terminal: None) -> None:
    # python 1, back, python 5, then skip the rest of programming, then the other 15 skills.
    script = lines("", "mlops-engineer", "", "1", "<", "5", "s", *MLOPS_RATINGS[4:],
                   "", "", "", "", "me.yaml")
    result = run("assess", "--json", input=script)
    assert result.code == 0, result
    assert "This is the first question." not in result.stdout
    saved = yaml.safe_load((workdir / "me.yaml").read_text())["skills"]
    assert saved["python"] == 5 and saved["communication"] == 3
    assert saved["sql"] is None and saved["git"] is None  # skipped: not rated, not 0


def test_best_fit_asks_the_whole_catalogue_with_a_count(run: Run, workdir: Path,
                                                        terminal: None) -> None:
    # Skip every category but math, rated 4, 4, 4.
    script = lines("", "0", "3", "s", "4", "4", "4", *["s"] * 8, *[""] * 10)
    result = run("assess", "--json", input=script)
    assert result.code == 0, result
    assert "[1/51] Python" in result.stdout and "[8/51] Linear algebra" in result.stdout
    report = json.loads(result.stdout[result.stdout.index('{\n  "schema_version"'):
                                      result.stdout.rindex("}") + 1])
    assert report["target"]["chosen"] == "best-fit"


def test_a_role_and_level_on_the_command_line(run: Run, workdir: Path, terminal: None) -> None:
    result = run("assess", "--role", "ml-engineer:senior", "--save", "me.yaml", "--json",
                 input=lines("", "", *["3"] * 30, *[""] * 4))
    assert result.code == 0, result
    assert "Which role" not in result.stdout
    assert yaml.safe_load((workdir / "me.yaml").read_text())["target"] == "ml-engineer:senior"


def test_end_of_input_writes_nothing(run: Run, workdir: Path, terminal: None) -> None:
    (workdir / "me.yaml").write_bytes(b"precious\n")
    result = run("assess", "--save", "me.yaml", "--force", input=lines("", "mlops-engineer", "4"))
    assert result.code == 1, result
    assert result.stderr.endswith("mlpath: error: end of input; nothing was written\n")
    assert (workdir / "me.yaml").read_bytes() == b"precious\n"
    assert [p.name for p in workdir.iterdir()] == ["me.yaml"]


def test_update_keeps_the_old_answers_as_defaults_and_history(run: Run, workdir: Path,
                                                              terminal: None) -> None:
    source = (DATA / "personas" / "platform-engineer.yaml").read_text()
    (workdir / "me.yaml").write_text(source + "target: mlops-engineer\n")
    # Keep name, role and years; raise python to 4; keep every other default; keep the
    # milestones; confirm replacing the file with Enter (yes is the default for --update).
    script = lines("", "", "", "4", *[""] * 18, *[""] * 4, "")
    result = run("assess", "--profile", "me.yaml", "--update", "--json", input=script)
    assert result.code == 0, result
    assert "replace it? [Y/n]" in result.stdout
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    old = yaml.safe_load(source)
    assert saved["skills"]["python"] == 4
    assert {k: v for k, v in saved["skills"].items() if k != "python" and v} == {
        k: v for k, v in old["skills"].items() if k != "python"}
    [snapshot] = saved["history"]
    assert snapshot["skills"] == old["skills"] and snapshot["years_experience"] == 5
    assert saved["milestones"] == old["milestones"]


def test_update_and_no_profile_need_a_terminal(run: Run) -> None:
    result = run("assess", "--profile", str(DATA / "personas/analyst.yaml"), "--update")
    assert result.code == 2 and "needs a terminal" in result.stderr, result
    assert run("assess", "--no-input").code == 2


@pytest.mark.parametrize("replies, saved_to", [
    (["n", "No thanks", "yes", "me.yaml"], "me.yaml"),
    (["n", ""], None),
])
def test_a_yes_or_no_is_not_taken_as_a_file_name(run: Run, workdir: Path, terminal: None,
                                                 replies: list[str], saved_to: str | None
                                                 ) -> None:
    script = lines("Grace", "mlops-engineer", "5", *MLOPS_RATINGS, "y", "n", "", "", *replies)
    result = run("assess", input=script)
    assert result.code == 0, result
    hint = "type a file name such as me.yaml, or press Enter to skip"
    assert result.stdout.count(hint) == len(replies) - 1
    assert not any((workdir / name).exists() for name in ("n", "No thanks", "yes"))
    if saved_to:
        assert yaml.safe_load((workdir / saved_to).read_text())["name"] == "Grace"
    else:
        assert "mlpath: not saved" in result.stderr


def test_going_back_from_the_milestones_keeps_the_answers_given(run: Run, workdir: Path,
                                                                terminal: None) -> None:
    # Two milestones answered yes, back to the first milestone, back again to the last
    # skill (kept with Enter): the milestones come again with those answers as defaults.
    script = lines("", "mlops-engineer", "5", *MLOPS_RATINGS, "y", "y", "<", "<", "<", "",
                   "", "", "", "", "me.yaml")
    result = run("assess", "--json", input=script)
    assert result.code == 0, result
    first, second = (q.split("? [")[1][:3] for q in result.stdout.split("Done: ")[1:3])
    assert (first, second) == ("y/N", "y/N")  # the first pass: nothing said yet
    again = result.stdout[result.stdout.rindex("Milestones"):].split("Done: ")[1:]
    assert [q.split("? [")[1][:3] for q in again[:3]] == ["Y/n", "Y/n", "y/N"], again
    saved = yaml.safe_load((workdir / "me.yaml").read_text())
    assert saved["skills"]["ml-security-privacy"] == 1
    assert len(saved["milestones"]) == 2 and "end-to-end-project" in saved["milestones"]
