"""Defects a stranger found after installing mlpath (fix wave): each test failed before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import Run

# MLOps Engineer (mid) asks, by category: programming (python sql software-engineering git)
# | ml (ml-fundamentals model-evaluation) | data (spark-big-data data-engineering) | mlops
# (docker kubernetes mlops ci-cd-iac ml-monitoring model-deployment distributed-systems) |
# cloud | leadership (communication technical-leadership) | security.
SAM = """\
name: Sam
years_experience: 4
target: mlops-engineer:mid
skills:
  python: 4
  sql: 3
  ml-fundamentals: 2
  docker: 3
  communication: null
"""


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mlpath.cli.assess.interactive", lambda: True)


def lines(*answers: str) -> str:
    return "\n".join(answers) + "\n"


def _update(run: Run, workdir: Path, *ratings: str, more: int = 12
            ) -> tuple[str, dict[str, object]]:
    (workdir / "sam.yaml").write_text(SAM)
    script = lines("", "", "", *ratings, *[""] * more)
    result = run("assess", "-p", "sam.yaml", "--update", input=script)
    assert result.code == 0, result
    return result.stdout, yaml.safe_load((workdir / "sam.yaml").read_text())


def test_skipping_a_category_on_update_keeps_its_earlier_ratings(
        run: Run, workdir: Path, terminal: None) -> None:
    # s in programming, s in ml, Enter through data, s in mlops, then Enter for the rest.
    _, saved = _update(run, workdir, "s", "s", "", "", "s")
    skills = saved["skills"]
    assert isinstance(skills, dict)
    assert (skills["python"], skills["sql"], skills["ml-fundamentals"], skills["docker"]) == (
        4, 3, 2, 3)
    # no earlier value and skipped: not rated
    assert skills["git"] is None and skills["model-evaluation"] is None
    assert skills["kubernetes"] is None


def test_enter_through_update_never_turns_an_unrated_skill_into_zero(
        run: Run, workdir: Path, terminal: None) -> None:
    out, saved = _update(run, workdir, *[""] * 19)
    skills = saved["skills"]
    assert isinstance(skills, dict)
    assert skills == {"python": 4, "sql": 3, "ml-fundamentals": 2, "docker": 3,
                      "communication": None}
    assert "[not set]" in out


def test_years_prompt_on_update_says_enter_keeps_the_value(
        run: Run, workdir: Path, terminal: None) -> None:
    out, saved = _update(run, workdir, *[""] * 19)
    assert "(Enter keeps 4)" in out and "blank skips" not in out
    assert saved["years_experience"] == 4


def test_question_mark_at_a_milestone_shows_what_counts_and_back_returns_to_skills(
        run: Run, workdir: Path, terminal: None, catalog: object) -> None:
    from mlpath.catalog import load_catalog

    level = load_catalog().roles["mlops-engineer"].level("mid")
    assert level is not None
    first = load_catalog().milestones[
        [*level.milestones_required, *level.milestones_recommended][0]]
    # all 19 skills by Enter; at the first milestone: ?, then <, which asks the last
    # skill (security) again: rate it 5; then Enter through.
    out, saved = _update(run, workdir, *[""] * 19, "?", "<", "5")
    assert first.how[:40] in out.replace("\n", " ") or first.how[:40] in out
    after_back = out[out.index("How: "):]
    assert "ML security and privacy" in after_back or "ml-security" in after_back.lower()
    skills = saved["skills"]
    assert isinstance(skills, dict) and skills["ml-security-privacy"] == 5


def test_init_writes_each_category_heading_once(run: Run, workdir: Path) -> None:
    assert run("init", "me.yaml").code == 0
    headings = [line.strip() for line in (workdir / "me.yaml").read_text().splitlines()
                if line.startswith("  # ")]
    assert len(headings) == len(set(headings)), headings


@pytest.mark.parametrize(("years", "shown"), [(1e-07, "under 0.1 years"),
                                              (0.123457, "0.1 years"), (6, "6 years"),
                                              (2.5, "2.5 years")])
def test_report_header_years_have_at_most_one_decimal(run: Run, workdir: Path, years: float,
                                                      shown: str) -> None:
    (workdir / "me.yaml").write_text(f"years_experience: {years:.7f}\nskills: {{python: 3}}\n")
    for fmt in ("table", "markdown", "html"):
        args = ["assess", "-p", "me.yaml"] + ([] if fmt == "table" else ["--format", fmt])
        result = run(*args)
        assert result.code == 0, result
        assert shown in result.stdout, (fmt, result.stdout[:600])
        assert "e-0" not in result.stdout.split("years")[0][-20:]
    data = json.loads(run("assess", "-p", "me.yaml", "--json").stdout)
    assert data["profile"]["years_experience"] == years  # JSON keeps the exact value


NOTES = "# my notes about sam, not a profile\nsalary: lots\n"


def test_rewriting_a_file_whole_keeps_the_old_one_as_a_backup_and_says_so(
        run: Run, workdir: Path) -> None:
    (workdir / "sam.yaml").write_text(SAM)
    (workdir / "notes.yaml").write_text(NOTES)
    result = run("assess", "-p", "sam.yaml", "--save", "notes.yaml", "--force")
    assert result.code == 0, result
    said = [line for line in result.stderr.splitlines() if "notes.yaml" in line]
    assert len(said) == 1 and "rewritten whole" in said[0], result.stderr
    assert "notes.yaml.bak" in said[0]
    assert (workdir / "notes.yaml.bak").read_text() == NOTES
    assert yaml.safe_load((workdir / "notes.yaml").read_text())["name"] == "Sam"
    # a second rewrite never overwrites the first backup
    (workdir / "notes.yaml").write_text(NOTES + "# second\n")
    import mlpath.profile

    mlpath.profile._READ.clear()  # a new run (this one runs in the same process)
    result = run("assess", "-p", "sam.yaml", "--save", "notes.yaml", "--force")
    assert result.code == 0 and "notes.yaml.~1~" in result.stderr, result
    assert (workdir / "notes.yaml.bak").read_text() == NOTES
    assert (workdir / "notes.yaml.~1~").read_text() == NOTES + "# second\n"


def test_a_profile_the_line_editor_cannot_edit_is_backed_up(
        workdir: Path, catalog: object) -> None:
    from mlpath.catalog import load_catalog
    from mlpath.profile import load_profile, save_profile

    cat = load_catalog()
    text = "# Sam's profile, with my comments\nskills:\n  python: 3  # honest\n"
    (workdir / "me.yaml").write_text(text)
    profile = load_profile("me.yaml", cat)
    saved = save_profile(profile._replace(skills={}), cat, "me.yaml", replace=True)
    assert not saved.edited and saved.backup is not None
    assert saved.backup.read_text() == text
    assert load_profile("me.yaml", cat).skills == {}
    # an edit in place makes no backup
    profile = load_profile("me.yaml", cat)
    again = save_profile(profile._replace(skills={"sql": 2}), cat, "me.yaml", replace=True)
    assert again.backup is None
    assert sorted(p.name for p in workdir.iterdir()) == ["me.yaml", "me.yaml.bak"]


def test_a_team_folder_made_by_init_reads_only_the_profile(run: Run, workdir: Path) -> None:
    assert run("init", "me.yaml").code == 0
    assert (workdir / "profile.schema.json").exists()
    (workdir / "me.recovered-20260101-000000-1.yaml").write_text(SAM)
    result = run("team", ".")
    assert result.code == 0, result
    assert "skipped" not in result.stderr and "schema" not in result.stderr
    assert "Team of 1 " in result.stdout


def test_a_team_path_that_does_not_exist_is_bad_input(run: Run, workdir: Path) -> None:
    (workdir / "sam.yaml").write_text(SAM)
    result = run("team", "sam.yaml", "nothere")
    assert (result.code, result.stderr) == (
        1, "mlpath: error: nothere: no such file or folder\n"), result
    assert result.stdout == ""


# --- FIFOs ------------------------------------------------------------------------------

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def _mlpath(*args: str, cwd: Path, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command in its own process: a hang fails on the timeout."""
    return subprocess.run([sys.executable, "-m", "mlpath", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=30, check=False, stdin=stdin,
                          env={**os.environ, "COLUMNS": "100"})


@needs_fifo
def test_a_fifo_named_as_a_profile_is_refused_unread(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.yaml")
    result = _mlpath("assess", "-p", "fifo.yaml", cwd=tmp_path)
    assert result.returncode == 1, result
    assert result.stderr == ("mlpath: error: fifo.yaml: not a regular file (a FIFO or a "
                             "device); give a file, or - to read standard input\n")
    assert "empty" not in result.stderr


@needs_fifo
def test_a_pipe_from_the_shell_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "sam.yaml").write_text(SAM)
    with (tmp_path / "sam.yaml").open() as handle:  # what <(cat sam.yaml) hands over
        result = _mlpath("assess", "-p", "/dev/stdin", "--json", cwd=tmp_path,
                         stdin=handle.fileno())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["profile"]["name"] == "Sam"


@needs_fifo
def test_a_fifo_in_a_pack_is_a_problem(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    os.mkfifo(pack / "stuck.yaml")
    result = _mlpath("--roles-dir", str(pack), "roles", cwd=tmp_path)
    assert result.returncode == 1, result
    assert "stuck.yaml" in result.stderr and "not a regular file" in result.stderr


@needs_fifo
def test_evidence_counts_a_fifo_as_skipped_only(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "train.py")
    (tmp_path / "sam.yaml").write_text(SAM)
    result = _mlpath("evidence", "-p", "sam.yaml", "train.py", cwd=tmp_path)
    said = result.stdout + result.stderr
    assert "Read 0 files; skipped 1" in said, said
    data = json.loads(_mlpath("evidence", "-p", "sam.yaml", "train.py", "--json",
                                   cwd=tmp_path).stdout)
    assert (data["files_read"], data["skipped_total"]) == (0, 1)


def test_ctrl_c_is_not_called_an_error(run: Run, workdir: Path, terminal: None,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(self: object, prompt: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("mlpath.interview.Prompter.ask", interrupt)
    result = run("assess")
    assert (result.code, result.stderr) == (130, "mlpath: interrupted; nothing was written\n")


def test_validate_says_unknown_ids_fail_it_while_assess_only_warns(run: Run,
                                                                   workdir: Path) -> None:
    (workdir / "me.yaml").write_text("skills: {python: 3}\nmilestones: [nope-milestone]\n")
    assessed = run("assess", "-p", "me.yaml")
    assert assessed.code == 0 and "unknown milestone 'nope-milestone'" in assessed.stderr
    checked = run("validate", "me.yaml")
    assert checked.code == 1
    assert "unknown ids fail validate; assess only warns" in checked.stderr, checked
