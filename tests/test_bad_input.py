"""Bad input gets clear lines and exit 1, never a traceback, a hang or a side effect."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, Run

BAD = DATA / "bad"
CORPUS = sorted(p.name for p in BAD.iterdir() if p.suffix in (".yaml", ".json"))
WHERE = re.compile(r":\d+:\d+: ")


def assert_clean_failure(result_code: int, stderr: str, stdout: str, source: str) -> None:
    assert result_code == 1, (result_code, stderr)
    assert stdout == ""
    lines = stderr.splitlines()
    assert lines, "no message"
    for line in lines:
        assert line.startswith("mlpath: error: "), line
        assert source in line, line
    assert "Traceback" not in stderr


@pytest.mark.parametrize("name", CORPUS)
def test_assess_rejects_each_bad_profile(run: Run, name: str) -> None:
    start = time.perf_counter()
    result = run("assess", "--profile", str(BAD / name), "--json")
    assert time.perf_counter() - start < 1, "took a second or more"
    assert_clean_failure(result.code, result.stderr, result.stdout, str(BAD / name))
    assert WHERE.search(result.stderr), f"no line:col in {result.stderr!r}"


@pytest.mark.parametrize("name", CORPUS)
def test_validate_reports_each_bad_file(run: Run, name: str) -> None:
    start = time.perf_counter()
    result = run("validate", str(BAD / name))
    assert time.perf_counter() - start < 1
    assert result.code == 1, result
    assert result.stdout and all(line.startswith(str(BAD / name))
                                 for line in result.stdout.splitlines()), result
    assert WHERE.search(result.stdout), result


@pytest.mark.parametrize("name", CORPUS)
def test_a_role_pack_holding_a_bad_file_is_refused(run: Run, name: str, tmp_path: Path) -> None:
    shutil.copy(BAD / name, tmp_path / name)
    result = run("--roles-dir", str(tmp_path), "roles", "--json")
    assert_clean_failure(result.code, result.stderr, result.stdout, str(tmp_path / name))


def test_too_big_missing_and_directory(run: Run, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("skills: {}\n" + "#" * (1024 * 1024) + "\n")
    for path, message in [
        (big, f"{big}: larger than 1 MiB; mlpath reads files of at most 1 MiB"),
        (tmp_path / "missing.yaml", f"{tmp_path / 'missing.yaml'}: no such file"),
        (tmp_path, f"{tmp_path}: is a directory, not a file"),
    ]:
        result = run("assess", "--profile", str(path))
        assert (result.code, result.stdout) == (1, ""), result
        assert result.stderr == f"mlpath: error: {message}\n"


def test_a_python_tag_never_runs(tmp_path: Path) -> None:
    shutil.copy(BAD / "python-tag.yaml", tmp_path / "p.yaml")
    result = subprocess.run([sys.executable, "-m", "mlpath", "assess", "-p", "p.yaml"],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert not (tmp_path / "mlpath-pwned").exists()
    assert result.stderr == ("mlpath: error: p.yaml:1:7: the tag !!python/object/apply:os.system "
                             "is not allowed; write a plain value\n")


def test_the_messages_say_what_to_do(run: Run) -> None:
    def first(name: str) -> str:
        return run("assess", "-p", str(BAD / name)).stderr.split(str(BAD / name), 1)[1]

    assert first("tabs.yaml").endswith("indent with spaces, not tabs\n")
    assert first("target-no.yaml") == (':1:9: target: expected text, got the boolean false; '
                                       'YAML reads no as false: quote it ("no")\n')
    assert first("alias-bomb.yaml").startswith(":1:4: anchors and aliases")
    assert "nested deeper than 32 levels" in first("deep-nesting.yaml")
    assert first("duplicate-keys.yaml") == (":3:3: duplicate key 'python' (first written at "
                                            "line 2)\n")
    assert first("empty.yaml") == ":1:1: the file is empty; see `mlpath init`\n"
    assert first("invalid-utf8.yaml") == (":1:7: not UTF-8 text (byte 0xff); save the file as "
                                          "UTF-8\n")
