"""The interview in a real terminal (a pty), as a person meets it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml

pytestmark = pytest.mark.slow
Spawn = Callable[..., Any]

PROMPT_LEVEL = r"Your level 0-5.*: "
# MLOps Engineer (mid) asks 19 skills; tests/test_interview.py lists them in order
MLOPS_RATINGS = ["3", "2", "4", "4", "2", "2", "2", "3", "4", "3", "3", "3", "2", "3", "2", "4",
                 "3", "2", "1"]


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Spawn]:
    children: list[pexpect.spawn] = []

    def start(*args: str, columns: int = 100) -> pexpect.spawn:
        env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
        env.update({"TERM": "xterm-256color", "NO_COLOR": "1"})
        child = pexpect.spawn(sys.executable, ["-m", "mlpath", *args], cwd=str(tmp_path),
                              env=env, encoding="utf-8", timeout=15,
                              dimensions=(50, columns))
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)


def answer_mlops(child: pexpect.spawn, ratings: list[str]) -> None:
    child.expect("Your name")
    child.sendline("Grace")
    child.expect(r"Role \(number or id\)")
    child.sendline("mlops-engineer")
    child.expect("Years of professional experience")
    child.sendline("4")
    for rating in ratings:
        child.expect(PROMPT_LEVEL)
        child.sendline(rating)


def test_a_full_interview_is_saved_and_read_back(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn("assess", "--save", "me.yaml")
    answer_mlops(child, MLOPS_RATINGS)
    for _ in range(4):
        child.expect(r"Done: .*\? \[")
        child.sendline("y")
    child.expect("saved your profile to me.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = yaml.safe_load((tmp_path / "me.yaml").read_text())
    assert saved["name"] == "Grace" and saved["skills"]["docker"] == 4
    assert len(saved["milestones"]) == 4


def test_invalid_answers_are_asked_again(spawn: Spawn) -> None:
    child = spawn("assess", "--role", "mlops-engineer", columns=40)
    child.expect("Your name")
    child.sendline("")
    child.expect("Years of professional experience")
    child.sendline("lots")
    child.expect("is not a number of years")
    child.sendline("3")
    child.expect(PROMPT_LEVEL)
    child.sendline("9")
    child.expect("'9' is not a level")
    child.sendline("<")
    child.expect("This is the first question.")
    child.sendline("2")
    child.expect(r"\[2/19\]")
    child.sendintr()
    child.expect(pexpect.EOF)


@pytest.mark.parametrize("how", ["ctrl-c", "ctrl-d"])
def test_interrupt_or_end_of_input_leaves_the_file_intact(spawn: Spawn, tmp_path: Path,
                                                          how: str) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("name: Keep\nskills:\n  python: 2\n")
    before = target.read_bytes()
    child = spawn("assess", "--profile", "me.yaml", "--update")
    child.expect("Your name")
    child.sendline("")
    child.expect(r"Role \(number or id\)")
    child.sendline("data-scientist")
    child.expect("Years")
    child.sendline("2")
    child.expect(PROMPT_LEVEL)
    child.sendline("4")
    child.expect(PROMPT_LEVEL)
    if how == "ctrl-c":
        child.sendintr()
        child.expect("interrupted; nothing was written")
    else:
        child.sendeof()
        child.expect("end of input; nothing was written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == (130 if how == "ctrl-c" else 1)
    assert "Traceback" not in (child.before or "")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]


def test_update_keeps_defaults_and_writes_history(spawn: Spawn, tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("name: Ada\nyears_experience: 4\ntarget: mlops-engineer\n"
                      "skills:\n  python: 3\n  docker: 4\n")
    child = spawn("assess", "--profile", "me.yaml", "--update")
    child.expect(r"Your name \(optional\) \[Ada\]")
    child.sendline("")
    child.expect(r"\[mlops-engineer\]")
    child.sendline("")
    child.expect(r"\(Enter keeps 4\)")
    child.sendline("")
    child.expect(r"Your level 0-5 \[3\]")
    child.sendline("4")  # python 3 -> 4
    for _ in range(18):
        child.expect(PROMPT_LEVEL)
        child.sendline("")
    for _ in range(4):
        child.expect(r"Done: ")
        child.sendline("")
    child.expect(r"replace it\? \[Y/n\]")
    child.sendline("")
    child.expect("saved your profile to me.yaml")
    child.expect(pexpect.EOF)
    saved = yaml.safe_load(target.read_text())
    assert saved["skills"]["python"] == 4 and saved["skills"]["docker"] == 4
    assert saved["history"][0]["skills"] == {"python": 3, "docker": 4}


def test_no_terminal_exits_2_at_once(tmp_path: Path) -> None:
    import subprocess

    result = subprocess.run([sys.executable, "-m", "mlpath", "assess"], cwd=tmp_path,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            timeout=15, check=False)
    assert result.returncode == 2 and "--profile" in result.stderr


def test_back_from_the_milestones_keeps_their_answers(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn("assess", "--save", "me.yaml")
    answer_mlops(child, MLOPS_RATINGS)
    child.expect(r"Done: .*\? \[y/N\] ")
    child.sendline("y")
    child.expect(r"Done: .*\? \[y/N\] ")
    child.sendline("<")  # back to the first milestone: it shows the yes just given
    child.expect(r"Done: .*\? \[Y/n\] ")
    child.sendline("<")  # and back to the last skill
    child.expect(PROMPT_LEVEL)
    child.sendline("")
    child.expect(r"Done: .*\? \[Y/n\] ")  # on again: the answer is kept, not asked afresh
    child.sendline("")
    for _ in range(3):  # the other three were never answered
        child.expect(r"Done: .*\? \[y/N\] ")
        child.sendline("")
    child.expect("saved your profile to me.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert yaml.safe_load((tmp_path / "me.yaml").read_text())["milestones"] == [
        "end-to-end-project"]
