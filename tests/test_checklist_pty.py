"""The checklist in a real terminal (a pty): the suggestion shown and what is saved."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

pytestmark = pytest.mark.slow


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    env.update({"TERM": "xterm-256color", "NO_COLOR": "1"})
    return pexpect.spawn(sys.executable, ["-m", "mlpath", *args], cwd=str(tmp_path), env=env,
                         encoding="utf-8", timeout=15, dimensions=(50, 100))


def finish(child: pexpect.spawn) -> None:
    """Skip every remaining category, answer the milestones, agree to replace."""
    while True:
        index = child.expect([r"Your level 0-5.*: ", r"Done: .*\? \[", r"replace it\?",
                              pexpect.EOF])
        if index == 3:
            break
        child.sendline("s" if index == 0 else "")


def test_checklist_in_a_terminal_suggests_and_saves_the_check(tmp_path: Path) -> None:
    me = tmp_path / "me.yaml"
    me.write_text("# mine\nname: Ada\nyears_experience: 4\ntarget: mlops-engineer\n"
                  "skills:\n  python: 3  # kept\n")
    child = spawn(tmp_path, "assess", "--profile", "me.yaml", "--update")
    try:
        child.expect("Your name")
        child.sendline("")
        child.expect(r"Role \(number or id\)")
        child.sendline("")
        child.expect("Years")
        child.sendline("")
        child.expect(r"Your level 0-5 \[3\] \(\? details, c checklist")
        child.sendline("c")
        child.expect("have you done this in the last year")
        for answer in ("y", "y", "<", "y", "y", "y", "y", "n"):  # < goes back one item
            child.expect(r"\[y/n\]")
            child.sendline(answer)
        child.expect(r"Your answers support level 4 \(level 3: 3 of 3 done; level 4: 2 of 3")
        child.expect(r"Enter takes 4")
        child.sendline("")
        finish(child)
        child.close()
        assert child.exitstatus == 0, child.before
    finally:
        child.close(force=True)
    text = me.read_text()
    assert text.startswith("# mine\n") and "python: 4  # kept" in text
    saved = yaml.safe_load(text)
    assert saved["checked"] == {"python": datetime.date.today().isoformat()}


@pytest.mark.parametrize("how", ["ctrl-c", "ctrl-d"])
def test_interrupting_the_checklist_writes_nothing(tmp_path: Path, how: str) -> None:
    me = tmp_path / "me.yaml"
    me.write_text("name: Ada\ntarget: mlops-engineer\nskills:\n  python: 3\n")
    before = me.read_bytes()
    child = spawn(tmp_path, "assess", "--profile", "me.yaml", "--update")
    try:
        for prompt in ("Your name", r"Role \(number", "Years"):
            child.expect(prompt)
            child.sendline("")
        child.expect(r"Your level 0-5 \[3\]")
        child.sendline("c")
        child.expect(r"\[y/n\]")
        child.sendline("y")
        child.expect(r"\[y/n\]")
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
    finally:
        child.close(force=True)
    assert me.read_bytes() == before
