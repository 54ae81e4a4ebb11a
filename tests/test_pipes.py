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


# A reader that goes away does not turn a failing run into a success: the run ends
# quietly with the verdict it had reached (commands.context.record_verdict).

@pytest.fixture(scope="module")
def out_of_range(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 profiles rated out of range: more output than a pipe holds (64 KiB), so a
    reader that stops after one line really closes the pipe before the run ends."""
    folder = tmp_path_factory.mktemp("out-of-range")
    for i in range(3000):
        (folder / f"p{i:04}.yaml").write_text(f"name: p{i}\nskills:\n  python: 9\n",
                                              encoding="utf-8")
    return folder


def first_line_then_close(args: list[str], *, stderr_too: bool) -> tuple[bytes, int]:
    """`mlpath ARGS [2>&1] | head -1`: read one line, close the pipe, and return the line
    and mlpath's exit code."""
    with subprocess.Popen([sys.executable, "-m", "mlpath", *args], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT if stderr_too else subprocess.DEVNULL
                          ) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        process.stdout.close()
        return line, process.wait(timeout=60)


@pytest.mark.parametrize("stderr_too", [False, True], ids=["stdout", "stdout+stderr"])
@pytest.mark.parametrize(("args", "code", "first"), [
    (["validate"], 1, b"p0000.yaml:3:11: skills.python: 9 is outside"),
    (["validate", "--json"], 1, b"{"),
    (["team"], 1, b""),  # every profile skipped; the lines are on stderr
    (["team", "--jsonl"], 1, b""),
])
def test_problems_found_keep_exit_1_when_the_reader_stops_after_one_line(
        out_of_range: Path, args: list[str], code: int, first: bytes, stderr_too: bool
) -> None:
    line, returncode = first_line_then_close([*args, str(out_of_range)],
                                             stderr_too=stderr_too)
    assert first in line
    if stderr_too and args[0] == "team":
        assert line.startswith(b"mlpath: skipped: "), line
    assert returncode == code


@pytest.mark.parametrize(("fail_under", "code"), [("100", 3), ("10", 0)])
@pytest.mark.parametrize("stderr_too", [False, True], ids=["stdout", "stdout+stderr"])
def test_fail_under_keeps_exit_3_into_a_closed_pipe(fail_under: str, code: int,
                                                    stderr_too: bool) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the report is written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mlpath", "assess", "-p", PROFILE,  # readiness 55.4%
             "--fail-under", fail_under], stdout=write,
            stderr=write if stderr_too else subprocess.PIPE, check=False, timeout=30)
    finally:
        os.close(write)
    assert result.returncode == code
    if not stderr_too:
        assert result.stderr == b""  # ends quietly: no traceback, no note


def test_fail_under_through_head_exits_3() -> None:
    """The stranger's line: the report and the note through `2>&1 | head -1`."""
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m mlpath assess -p {PROFILE} --fail-under 100 "
         "2>&1 | head -1; exit ${PIPESTATUS[0]}"], capture_output=True, check=False,
        timeout=30)
    assert result.returncode == 3, result


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--format", "markdown"]],
                         ids=["table", "json", "markdown"])
def test_a_file_asked_for_with_save_is_written_when_the_reader_goes_away(
        tmp_path: Path, fmt: list[str]) -> None:
    """`--save` is a request of its own: a closed stdout ends the report, not the save
    (the table too, which rich draws: rich would end the run at once)."""
    saved = tmp_path / "copy.yaml"
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run([sys.executable, "-m", "mlpath", "assess", "-p", PROFILE,
                                 *fmt, "--save", str(saved), "--fail-under", "100"],
                                stdout=write, stderr=subprocess.PIPE, text=True, check=False,
                                timeout=30)
    finally:
        os.close(write)
    assert result.returncode == 3  # the verdict, not rich's 1
    assert "skills:" in saved.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "code"), [
    (["roles"], 0), (["assess", "-p", PROFILE, "--fail-under", "100"], 3),
    (["team", str(Path(PROFILE).parent), "--json"], 0)], ids=["roles", "fail-under", "team"])
def test_a_closed_stderr_changes_neither_the_result_nor_the_exit_code(
        args: list[str], code: int) -> None:
    """Started with stderr closed (`2>&-`, cron, a daemon): the same output and verdict."""
    shown = subprocess.run([sys.executable, "-m", "mlpath", *args], capture_output=True,
                           check=False, timeout=60)
    closed = subprocess.run(  # a shell closes fd 2 before Python starts
        ["bash", "-c", 'exec "$@" 2>&-', "-", sys.executable, "-m", "mlpath", *args],
        stdout=subprocess.PIPE, check=False, timeout=60)
    assert (closed.returncode, shown.returncode) == (code, code)
    assert closed.stdout == shown.stdout and closed.stdout
