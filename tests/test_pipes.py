"""A reader that goes away (`| head -n 1`) ends mlpath quietly, whatever the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROFILE = str(Path(__file__).parent / "data" / "personas" / "backend-engineer.yaml")
COMMANDS = [
    ["roles"], ["roles", "--json"], ["roles", "show", "ml-engineer"], ["skills"],
    ["skills", "--json"], ["skills", "show", "python"], ["milestones"], ["validate"],
    ["assess", "-p", PROFILE], ["assess", "-p", PROFILE, "--json"],
    ["assess", "-p", PROFILE, "--format", "markdown"], ["match", "-p", PROFILE], ["init"],
    ["plan", "-p", PROFILE], ["diff", PROFILE, PROFILE], ["progress", "-p", PROFILE],
    ["team", str(Path(PROFILE).parent)], ["team", str(Path(PROFILE).parent), "--jsonl"],
    ["schema", "profile"], ["--help"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_closed_pipe_ends_quietly(args: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before mlpath writes a byte
    try:
        result = subprocess.run([sys.executable, "-m", "mlpath", *args], stdout=write,
                                stderr=subprocess.PIPE, text=True, check=False, timeout=30)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (0, "")


def test_head_reads_the_first_line() -> None:
    result = subprocess.run(f"{sys.executable} -m mlpath skills --json | head -n 1",
                            shell=True, capture_output=True, text=True, check=False)
    assert (result.stdout, result.stderr) == ("[\n", "")


@pytest.mark.parametrize(("args", "code"), [
    (["whatif", "--hours", "nan"], 2), (["plan", "--no-such-option"], 2),
    (["assess", "-p", "no-such-file.yaml"], 1)])
def test_an_error_into_a_closed_pipe_keeps_its_exit_code(args: list[str], code: int) -> None:
    read, write = os.pipe()
    os.close(read)  # `2>&1 | head -1` that has gone: the error line cannot be written
    try:
        result = subprocess.run([sys.executable, "-m", "mlpath", *args], stdout=write,
                                stderr=write, check=False, timeout=30)
    finally:
        os.close(write)
    assert result.returncode == code


def test_a_usage_error_through_head_exits_2() -> None:
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m mlpath whatif --hours nan 2>&1 | head -1; "
         "echo ${PIPESTATUS[0]}"], capture_output=True, text=True, check=False, timeout=30)
    assert result.stdout.splitlines()[-1] == "2", result
