"""Round two of hostile input (issue 14): each class with several attacks of its own."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, Run
from mlpath.atomic import Terminated, write_atomic
from mlpath.errors import DataError, ProblemsError, did_you_mean
from mlpath.model import Catalog
from mlpath.profile import parse_profile, render_profile, save_profile, team_entries
from test_interview import MLOPS_RATINGS

PERSONA = str(DATA / "personas" / "analyst.yaml")


def problem(text: str, catalog: Catalog, source: str = "me.yaml") -> str:
    with pytest.raises(ProblemsError) as caught:
        parse_profile(text, source, catalog)
    return "\n".join(caught.value.lines())


# --- numbers, digits and lengths are bounded where they enter --------------------------

@pytest.mark.parametrize(("text", "source", "where"), [
    ("skills:\n  python: " + "9" * 5000 + "\n", "me.yaml", "me.yaml:2:11:"),
    ("skills: {}\nyears_experience: " + "1" * 400 + ".5\n", "me.yaml", "me.yaml:2:19:"),
    ('{"skills": {"python": ' + "7" * 5000 + "}}", "me.json", "me.json:1:23:"),
    ('{"skills": {}, "years_experience": 1' + "0" * 500 + ".0}", "me.json", "me.json:1:36:"),
    ("skills:\n  9" + "9" * 5000 + ": 3\n", "me.yaml", "me.yaml:2:"),
    ("skills:\n  python: 0x" + "f" * 100 + "\n", "me.yaml", "me.yaml:2:11:"),
])
def test_huge_numbers_are_located_errors(catalog: Catalog, text: str, source: str,
                                         where: str) -> None:
    message = problem(text, catalog, source)
    assert message.startswith(where), message
    assert len(message) < 200


@pytest.mark.parametrize("digit", ["³", "５", "٣", "Ⅲ", "½"])
def test_unicode_digits_are_refused_with_the_reason(catalog: Catalog, digit: str) -> None:
    message = problem(f"skills:\n  python: {digit}\n", catalog)
    assert message.startswith("me.yaml:2:11: skills.python:")
    assert "not one of the digits 0-9" in message


@pytest.mark.parametrize(("text", "where"), [
    ('skills: {}\nname: "a\x01b"\n', "me.yaml:2:9:"),
    ("skills: {}\nname: a\x1b[2J\n", "me.yaml:2:8:"),
    ("skills:\n  python: 3\x7f\n", "me.yaml:2:12:"),
    ("# Ådà\nskills: {}\nname: \x00\n", "me.yaml:3:7:"),
])
def test_control_characters_in_yaml_get_a_position_and_no_tab_hint(
        catalog: Catalog, text: str, where: str) -> None:
    message = problem(text, catalog)
    assert message.startswith(where), message
    assert "control character" in message and "tabs" not in message


def test_a_real_tab_still_gets_the_tab_hint(catalog: Catalog) -> None:
    assert "indent with spaces" in problem("skills:\n\tpython: 3\n", catalog)


@pytest.mark.parametrize(("text", "expected"), [
    ("skills: {}\nname: " + "x" * 5000 + "\n", "longer than 200 characters"),
    ("skills:\n  " + "k" * 100 + ": 3\n", "longer than 64 characters"),
    ("skills: {" + ", ".join(f"s{i}: 1" for i in range(1001)) + "}\n", "at most 1000"),
    ("skills: {}\nmilestones: [" + ", ".join(f"m{i}" for i in range(1001)) + "]\n",
     "at most 1000"),
    ("skills: {}\nhistory:\n" + "  - {date: '2024-01-01', skills: {}}\n" * 1001,
     "at most 1000"),
    ("skills: {}\nhistory:\n  - {date: \"\\e[2J\", skills: {}}\n", "is not a date"),
])
def test_lengths_are_bounded(catalog: Catalog, text: str, expected: str) -> None:
    assert expected in problem(text, catalog)


@pytest.mark.parametrize("url", [
    'https://x/"><script>alert(1)</script>', "javascript:alert(1)", "file:///etc/passwd",
    "https://x/\x1b[2J", "https://example.com/\n", "https://exa mple.com/", "ftp://x.org/",
])
def test_resource_urls_must_be_plain_http_links(run: Run, tmp_path: Path, url: str) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "skills.yaml").write_text(
        "skills:\n  - id: x-skill\n    name: X\n    category: x\n    description: X\n"
        f"    resources:\n      - {{title: T, url: {json.dumps(url)}, kind: docs, "
        "cost: free}\n")
    result = run("--roles-dir", str(pack), "skills")
    assert result.code == 1 and "is not an http(s) link" in result.stderr, result


def test_did_you_mean_work_is_bounded(catalog: Catalog, monkeypatch: pytest.MonkeyPatch
                                      ) -> None:
    import difflib

    calls = 0
    ratio = difflib.SequenceMatcher.ratio

    def counted(self: difflib.SequenceMatcher[str]) -> float:
        nonlocal calls
        calls += 1
        return ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    text = "skills:\n" + "".join(f"  zz{i:04d}-unknown-skill-id-{i}: 1\n" for i in range(1000))
    profile = parse_profile(text, "me.yaml", catalog)
    assert len(profile.warnings) == 21
    assert profile.warnings[-1] == "me.yaml: 980 more unknown ids are ignored"
    assert calls < 20 * len(catalog.skills)  # at most 20 suggestions, most ruled out early
    assert did_you_mean("x" * 10_000, list(catalog.skills)) == []
    assert did_you_mean("pyton", list(catalog.skills)) == ["python"]


# --- command-line numbers --------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["plan", "-p", PERSONA, "--hours-per-week", "nan"],
    ["plan", "-p", PERSONA, "--hours-per-week", "inf"],
    ["plan", "-p", PERSONA, "--hours-per-week", "-3"],
    ["assess", "-p", PERSONA, "--fail-under", "nan"],
    ["assess", "-p", PERSONA, "--fail-under", "-inf"],
    ["assess", "-p", PERSONA, "--fail-under", "NaN"],
])
def test_nan_and_inf_options_are_usage_errors(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.code == 2, result
    assert "Traceback" not in result.stderr


# --- not rated -------------------------------------------------------------------------

def test_null_is_not_rated_and_saves_back_as_null(catalog: Catalog) -> None:
    text = "skills:\n  python: 3\n  sql: null\n  git:\n"
    profile = parse_profile(text, "me.yaml", catalog)
    assert dict(profile.skills) == {"python": 3} and profile.unrated == {"sql", "git"}
    new = profile._replace(skills={"python": 4})
    saved, edited = render_profile(new, catalog, path="me.yaml", existing=text)
    assert edited and saved == "skills:\n  python: 4\n  sql: null\n  git:\n"
    fresh, _ = render_profile(new, catalog, path="new.yaml", existing=None)
    assert yaml.safe_load(fresh)["skills"] == {"python": 4, "git": None, "sql": None}


# --- saving is an edit -----------------------------------------------------------------

COMMENTED = """\
# My profile: keep these notes!
name: Ada   # that's me
years_experience: 2

# the skills, in MY order
skills:
  sql: 3      # weekly
  python: 4   # daily
milestones: [supervised-project]
"""


def test_update_keeps_comments_order_and_layout(catalog: Catalog) -> None:
    from mlpath.model import Snapshot

    old = parse_profile(COMMENTED, "me.yaml", catalog)
    new = old._replace(skills={"sql": 3, "python": 5, "docker": 2}, years_experience=1e-7,
                       history=(Snapshot("2025-01-02", dict(old.skills), 2),))
    text, edited = render_profile(new, catalog, path="me.yaml", existing=COMMENTED)
    assert edited
    assert text == COMMENTED.replace("years_experience: 2", "years_experience: 1.0e-07")\
        .replace("python: 4   # daily", "python: 5   # daily\n  docker: 2") + (
        "history:\n  - date: \"2025-01-02\"\n    years_experience: 2\n    skills:\n"
        "      sql: 3\n      python: 4\n")
    assert parse_profile(text, "me.yaml", catalog)._replace(source="-", warnings=()) == \
        new._replace(source="-", warnings=())


@pytest.mark.parametrize("years", [1e-7, 5e-324, 0.1, 69.99999999999, 1e-300])
def test_tiny_fractions_load_back(catalog: Catalog, years: float) -> None:
    profile = parse_profile("skills: {}\n", "me.yaml", catalog)._replace(years_experience=years)
    text, _ = render_profile(profile, catalog, path="me.yaml", existing=None)
    assert parse_profile(text, "me.yaml", catalog).years_experience == years


def test_save_force_over_a_profile_edits_it(run: Run, workdir: Path) -> None:
    (workdir / "me.yaml").write_text(COMMENTED)
    result = run("assess", "-p", PERSONA, "--json", "--save", "me.yaml", "--force")
    assert result.code == 0, result
    saved = (workdir / "me.yaml").read_text()
    assert "# My profile: keep these notes!" in saved and "# that's me" in saved
    assert "edited in place" in result.stderr


def test_json_profiles_stay_json(catalog: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "me.json"
    target.write_text('{"skills": {"sql": 1}, "name": "A"}')
    profile = parse_profile(target.read_text(), str(target), catalog)
    save_profile(profile._replace(skills={"sql": 2}), catalog, str(target), replace=True)
    assert json.loads(target.read_text()) == {"skills": {"sql": 2}, "name": "A"}
    assert list(json.loads(target.read_text())) == ["skills", "name"]


# --- writes never clobber --------------------------------------------------------------

def test_a_file_changed_since_it_was_read_is_not_overwritten(catalog: Catalog,
                                                             tmp_path: Path) -> None:
    from mlpath.profile import load_profile

    target = tmp_path / "me.yaml"
    target.write_text("skills: {python: 1}\n")
    profile = load_profile(str(target), catalog)
    target.write_text("skills: {python: 1}  # edited by hand meanwhile\n")
    with pytest.raises(DataError, match="changed since mlpath read it"):
        save_profile(profile._replace(skills={"python": 2}), catalog, str(target), replace=True)
    assert "edited by hand" in target.read_text()


def test_a_file_that_appears_meanwhile_is_not_overwritten(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    target = tmp_path / "me.yaml"
    real_fsync = os.fsync

    def racing_fsync(fd: int) -> None:
        real_fsync(fd)
        target.write_text("someone else's\n")  # a second mlpath got there first

    monkeypatch.setattr(os, "fsync", racing_fsync)
    with pytest.raises(DataError, match="appeared while mlpath was running"):
        write_atomic(target, "mine\n", expected=None)
    assert target.read_text() == "someone else's\n"
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]


def test_a_symlink_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, "new\n", replace=True)
    assert link.is_symlink() and real.read_text() == "new\n"


def test_sigterm_during_a_write_leaves_no_temp_file(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("precious\n")

    def killed(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(Terminated):
        write_atomic(target, "new\n", replace=True)
    assert target.read_text() == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_failed_interview_save_keeps_the_answers(run: Run, workdir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mlpath.cli.assess.interactive", lambda: True)
    monkeypatch.setattr("mlpath.saving.recovery_places",
                        lambda path: [workdir / "recovered.yaml"])
    (workdir / "sub").mkdir()
    ratings = ["3"] * len(MLOPS_RATINGS)  # one answer per skill MLOps mid asks
    script = "\n".join(["Grace", "mlops-engineer", "5", *ratings, "", "", "", "",
                        "sub/missing/me.yaml", "also/missing.yaml", ""]) + "\n"
    result = run("assess", "--json", input=script)
    assert result.code == 1, result
    assert "your answers are kept in" in result.stderr
    kept = yaml.safe_load((workdir / "recovered.yaml").read_text())
    assert kept["name"] == "Grace" and kept["skills"]["python"] == 3


# --- output failures -------------------------------------------------------------------

def mlpath(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mlpath", *args], capture_output=True,
                          text=True, check=False, timeout=60, env=env)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_is_one_line() -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123
        result = subprocess.run([sys.executable, "-m", "mlpath", "assess", "-p", PERSONA],
                                stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert (result.returncode, result.stderr) == (
        1, "mlpath: error: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("args", [["assess", "-p", PERSONA], ["roles"], ["team", PERSONA],
                                  ["skills", "show", "python"]])
def test_an_ascii_terminal_gets_readable_ascii(args: list[str]) -> None:
    result = mlpath(*args, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.isascii() and "\\u2588" not in result.stdout


def test_ascii_json_stays_valid_json() -> None:
    result = mlpath("assess", "-p", PERSONA, "--json",
                    env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and json.loads(result.stdout)["readiness"] > 0


def test_closed_stdout_and_stdin() -> None:
    closed = subprocess.run(f"{sys.executable} -m mlpath assess -p {PERSONA} >&- <&-",
                            shell=True, capture_output=True, text=True, check=False)
    assert (closed.returncode, closed.stderr) == (
        1, "mlpath: error: standard output is closed; nothing can be shown\n")
    no_stdin = subprocess.run(f"{sys.executable} -m mlpath assess -p - <&-", shell=True,
                              capture_output=True, text=True, check=False)
    assert no_stdin.returncode == 1 and "Traceback" not in no_stdin.stderr


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xff-me.yaml"
    Path(os.fsdecode(name)).write_text("skills: {python: 9}\n")
    result = subprocess.run([sys.executable.encode(), b"-m", b"mlpath", b"assess", b"-p", name],
                            capture_output=True, check=False)
    assert result.returncode == 1
    assert result.stderr.endswith(b"-me.yaml:1:18: skills.python: 9 is outside 0\xe2\x80\x935\n")


def test_an_unreadable_pack_folder(run: Run, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(self: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", denied)
    result = run("--roles-dir", str(tmp_path), "roles")
    assert (result.code, result.stderr) == (
        1, f"mlpath: error: {tmp_path}: cannot read the folder: Permission denied\n")


def test_ctrl_c_while_starting_is_one_line() -> None:
    code = ("import signal, sys\n"
            "import builtins\n"
            "real = builtins.__import__\n"
            "def slow(name, *a, **k):\n"
            "    if name == 'typer':\n"
            "        raise KeyboardInterrupt\n"
            "    return real(name, *a, **k)\n"
            "builtins.__import__ = slow\n"
            "from mlpath.cli import main\n"
            "main(['roles'])\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert (result.returncode, result.stderr) == (
        130, "mlpath: interrupted; nothing was written\n")


# --- unbounded work --------------------------------------------------------------------

def test_fifos_in_team_folders_and_packs_do_not_hang(run: Run, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "stuck.yaml")
    (tmp_path / "ok.yaml").write_text(Path(PERSONA).read_text())
    team = run("team", str(tmp_path), "--json")
    assert "stuck.yaml: not a regular file" in team.stderr
    assert json.loads(team.stdout)["members"] == 1
    pack = run("--roles-dir", str(tmp_path / "stuck.yaml"), "roles")
    assert pack.code == 1 and "not a regular file" in pack.stderr


def test_each_file_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("skills: {}\n")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    entries = list(team_entries([str(tmp_path), str(tmp_path / "a.yaml")]))
    assert len(entries) == 1


def test_json_lines_keep_every_good_line_and_number_the_bad(tmp_path: Path,
                                                             catalog: Catalog) -> None:
    good = b'{"skills": {"python": 3}}'
    body = b"\n".join([good, b'{"skills": {"python": "\xff"}}', good + b"\r",
                       b"x" * (1024 * 1024 + 5), good, b"", b'{"skills": {"sql": 9}}', good])
    (tmp_path / "t.jsonl").write_bytes(body + b"\n")
    entries = list(team_entries([str(tmp_path / "t.jsonl")]))
    assert [(e.label.rsplit(":", 1)[1], e.error is None) for e in entries] == [
        ("1", True), ("2", False), ("3", True), ("4", False), ("5", True), ("7", True),
        ("8", True)]
    assert "not UTF-8" in str(entries[1].error) and "longer than 1 MiB" in str(entries[3].error)
    with pytest.raises(ProblemsError) as caught:
        parse_profile(entries[5].text or "", entries[5].source, catalog)
    assert caught.value.problems[0].line == 7


def test_json_lines_are_linear(tmp_path: Path) -> None:
    import time

    line = b'{"skills": {"python": 3}}\n'
    (tmp_path / "t.jsonl").write_bytes(line * 20_000)
    start = time.perf_counter()
    entries = list(team_entries([str(tmp_path / "t.jsonl")]))
    assert len(entries) == 20_000
    assert sum(len(e.text or "") for e in entries) == 20_000 * (len(line) - 1)
    assert time.perf_counter() - start < 5
