"""The commands, run through the real entry point and its error boundary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, Run

PERSONAS = DATA / "personas"
BEN = str(PERSONAS / "backend-engineer.yaml")


def test_version(run: Run) -> None:
    from mlpath import __version__

    result = run("--version")
    assert (result.code, result.stdout) == (0, f"mlpath {__version__}\n"), result
    module = subprocess.run([sys.executable, "-m", "mlpath", "--version"], capture_output=True,
                            text=True, check=False)
    assert (module.returncode, module.stdout) == (0, f"mlpath {__version__}\n")


def test_roles_table_and_json(run: Run) -> None:
    result = run("roles")
    assert result.code == 0, result
    assert "ml-engineer" in result.stdout and "mid $120k–200k" in result.stdout
    roles = json.loads(run("roles", "--json").stdout)
    assert [r["id"] for r in roles][:2] == ["ai-architect", "ai-engineer"]
    assert set(roles[0]) >= {"id", "name", "summary", "levels"}


def test_roles_show_json_is_resolved(run: Run) -> None:
    role = json.loads(run("roles", "show", "ml-engineer", "--json").stdout)
    assert set(role) >= {"id", "name", "summary", "responsibilities", "moves", "levels"}
    mid = role["levels"][1]
    assert mid["years"] == {"min": 3, "max": 7}
    assert mid["salary_usd"]["min"] == 120000 and "ml-career-guide.txt" in mid["salary_usd"][
        "source"]
    skills = {r["skill"]: r for r in mid["requirements"]}
    assert skills["scikit-learn"] == {"skill": "scikit-learn", "level": 3, "weight": 1}  # inherited
    assert skills["data-wrangling"]["level"] == 4  # raised at mid
    assert mid["milestones"]["required"] == ["end-to-end-project"]
    assert mid["salary_usd"]["basis"] == "role" and mid["salary_note"] is None  # additive
    head = json.loads(run("roles", "show", "head-of-ml", "--json").stdout)["levels"][0]
    assert head["salary_usd"] is None and "ceiling" in head["salary_note"]
    table = run("roles", "show", "ml-engineer")
    assert table.code == 0 and "Senior ML Engineer" in table.stdout, table


def test_unknown_ids_are_usage_errors_with_close_matches(run: Run) -> None:
    result = run("roles", "show", "ml-enginer")
    assert result.code == 2, result
    assert result.stderr == ("mlpath: error: unknown role 'ml-enginer'; did you mean "
                             "'ml-engineer'? (`mlpath roles` lists them)\n")
    assert result.stdout == ""
    skill = run("skills", "show", "pytorh")
    assert skill.code == 2 and "did you mean 'pytorch'?" in skill.stderr, skill
    level = run("assess", "-p", BEN, "--role", "ml-engineer:staff")
    assert level.code == 2 and "it has entry, mid, senior" in level.stderr, level


def test_skills_list_and_show(run: Run) -> None:
    result = run("skills")
    assert result.code == 0 and "programming" in result.stdout, result
    shown = json.loads(run("skills", "show", "pytorch", "--json").stdout)
    assert list(shown["rubric"]) == ["0", "1", "2", "3", "4", "5"]
    assert list(shown["checklist"]) == ["1", "2", "3", "4", "5"]
    assert all(2 <= len(items) <= 4 for items in shown["checklist"].values())
    assert shown["prerequisites"] == ["python"]
    assert shown["resources"][0]["url"] == "https://pytorch.org/tutorials/"
    assert len(json.loads(run("skills", "--json").stdout)) >= 41
    text = run("skills", "show", "pytorch")
    assert "Rubric" in text.stdout and "https://pytorch.org/tutorials/" in text.stdout


def test_validate_builtin_and_packs(run: Run) -> None:
    ok = run("validate")
    assert ok.code == 0 and ok.stdout.startswith("ok: 14 file(s), 11 role(s), 51 skill(s)"), ok
    pack = run("validate", str(DATA / "packs/acme"))
    assert pack.code == 0 and "12 role(s), 52 skill(s)" in pack.stdout, pack
    broken = run("validate", str(DATA / "packs/broken"))
    assert broken.code == 1, broken
    lines = broken.stdout.splitlines()
    assert len(lines) == 8
    assert lines[0].endswith("bad-role.yaml:4:1: unknown key 'levles' (did you mean 'levels'?); "
                             "expected one of id, name, summary, responsibilities, moves, "
                             "leadership, levels")
    # A file with problems of shape still has its references checked, all at once.
    assert lines[1].endswith("bad-role.yaml:10:7: unknown skill 'pyhton'; did you mean "
                             "'python'?")
    assert lines[4].endswith("bad-role.yaml:16:17: salary_usd.max is below salary_usd.min")
    assert broken.stderr == "mlpath: 8 problem(s) in 2 file(s)\n"
    missing = run("validate", "no-such-dir")
    assert missing.code == 1 and "no-such-dir: no such file or folder" in missing.stdout


def test_a_pack_merges_with_the_builtin_roles(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    acme = str(DATA / "packs/acme")
    roles = json.loads(run("--roles-dir", acme, "roles", "--json").stdout)
    assert "acme-ml-engineer" in [r["id"] for r in roles] and len(roles) == 12
    monkeypatch.setenv("MLPATH_ROLES_PATH", acme)
    shown = json.loads(run("roles", "show", "acme-ml-engineer", "--json").stdout)
    l4 = {r["skill"]: r["level"] for r in shown["levels"][1]["requirements"]}
    assert l4 == {"python": 4, "acme-platform": 3, "ml-system-design": 2}


def test_a_pack_role_replaces_a_builtin_one(run: Run, tmp_path: Path) -> None:
    (tmp_path / "mle.yaml").write_text(
        "id: ml-engineer\nname: Our ML Engineer\nsummary: ours\nlevels:\n"
        "  - {id: one, title: One, years: {min: 0}, requirements: {python: 2}}\n")
    role = json.loads(run("--roles-dir", str(tmp_path), "roles", "show", "ml-engineer",
                          "--json").stdout)
    assert role["name"] == "Our ML Engineer" and role["origin"].endswith("mle.yaml")


def test_a_broken_pack_stops_every_command_with_its_lines(run: Run) -> None:
    result = run("--roles-dir", str(DATA / "packs/broken"), "roles")
    assert result.code == 1 and result.stdout == "", result
    assert len(result.stderr.splitlines()) == 8
    assert all(line.startswith("mlpath: error: ") for line in result.stderr.splitlines())


def test_assess_json_follows_the_contract(run: Run) -> None:
    result = run("assess", "--profile", BEN, "--role", "ml-engineer:mid", "--json")
    assert result.code == 0, result
    report = json.loads(result.stdout)
    assert report["schema_version"] == 1
    assert set(report) >= {"schema_version", "mlpath_version", "profile", "target", "readiness",
                           "reached", "skills", "gaps", "next_step", "matches", "warnings"}
    assert report["profile"] == {"name": "Ben (backend engineer)", "source": BEN,
                                 "years_experience": 5}
    assert report["target"]["role"] == "ml-engineer" and report["target"]["level"] == "mid"
    assert report["readiness"] == 55.4 and report["reached"] is False
    assert report["target"]["salary_usd"]["basis"] == "role"
    assert set(report["skills"][0]) >= {"id", "name", "category", "current", "required",
                                        "weight", "gap", "status"}
    gap = report["gaps"][0]
    assert set(gap) >= {"id", "name", "current", "required", "gap", "weight", "priority",
                        "resources"}
    assert set(gap["resources"][0]) >= {"title", "url", "kind", "cost", "hours"}
    step = report["next_step"]
    assert step["kind"] == "close-gaps" and step["salary_usd"]["min"] == 120000
    assert set(step) >= {"kind", "role", "level", "title", "readiness", "summary", "salary_usd",
                         "gaps"}
    assert len(report["matches"]) == 3
    assert "ml-engineer" not in [m["role"] for m in report["matches"]]
    for g in report["gaps"]:  # each listed resource serves a level being climbed
        for r in g["resources"]:
            assert r["serves_levels"], r
            assert set(r["serves_levels"]) <= set(range(g["current"] + 1, g["required"] + 1))


def test_assess_reads_stdin_and_picks_the_best_fit(run: Run) -> None:
    text = (PERSONAS / "analyst.yaml").read_text()
    report = json.loads(run("assess", "--profile", "-", "--json", input=text).stdout)
    assert report["profile"]["source"] == "<stdin>"
    assert report["target"]["role"] == "data-scientist"
    assert report["target"]["chosen"] == "best-fit"
    as_json = json.dumps({"skills": {"python": 3}, "target": "mlops-engineer:entry"})
    report = json.loads(run("assess", "-p", "-", "--json", input=as_json).stdout)
    assert (report["target"]["role"], report["target"]["level"]) == ("mlops-engineer", "entry")


def test_table_and_markdown_reports(run: Run) -> None:
    table = run("assess", "-p", BEN, "--explain")
    assert table.code == 0, table
    out = table.stdout
    for needle in ("Ready", "55.4%", "Top gaps", "Next step", "Other roles that fit you",
                   "readiness = 100 × 77 / 139 = 55.4%"):
        assert needle in out
    assert "\x1b[" not in out  # not a terminal: no escape codes
    md = run("assess", "-p", BEN, "--format", "markdown")
    assert md.code == 0 and md.stdout.startswith("# mlpath report: Ben (backend engineer)"), md
    assert "| Python | 4 | 4 | 3 | met |" in md.stdout


@pytest.mark.parametrize("width", ["40", "80"])
def test_the_table_fits_narrow_terminals(run: Run, width: str) -> None:
    result = run("assess", "-p", BEN, env={"COLUMNS": width})
    assert result.code == 0, result
    # Only a URL may run past the edge: it is never folded (issue 15).
    assert max(len(line) for line in result.stdout.splitlines()
               if not line.lstrip().startswith("https://")) <= int(width)
    assert "55.4%" in result.stdout


def test_fail_under(run: Run) -> None:
    assert run("assess", "-p", BEN, "--json", "--fail-under", "70").code == 3
    assert run("assess", "-p", BEN, "--json", "--fail-under", "50").code == 0


def test_profile_problems_are_one_line_each_with_position(run: Run, workdir: Path) -> None:
    (workdir / "me.yaml").write_text("skills:\n  python: 7\n  sql: three\ntarget: no\n")
    result = run("assess", "-p", "me.yaml", "--json")
    assert result.code == 1 and result.stdout == "", result
    assert result.stderr.splitlines() == [
        "mlpath: error: me.yaml:2:11: skills.python: 7 is outside 0–5",
        "mlpath: error: me.yaml:3:8: skills.sql: expected a whole number 0–5, got the text "
        "'three'",
        "mlpath: error: me.yaml:4:9: target: expected text, got the boolean false; YAML reads "
        'no as false: quote it ("no")',
    ]
    (workdir / "t.yaml").write_text("skills: {}\ntarget: ml-enginer\n")
    result = run("assess", "-p", "t.yaml")
    assert result.code == 1
    assert result.stderr == ("mlpath: error: t.yaml:2:9: target: unknown role 'ml-enginer'; "
                             "did you mean 'ml-engineer'?\n")


def test_unknown_skills_are_warnings(run: Run, workdir: Path) -> None:
    (workdir / "me.yaml").write_text("skills:\n  pyton: 3\n  sql: 2\n")
    result = run("assess", "-p", "me.yaml", "--json")
    assert result.code == 0, result
    warning = "me.yaml:2:3: unknown skill 'pyton' is ignored (did you mean 'python'?)"
    assert result.stderr == f"mlpath: warning: {warning}\n"
    assert json.loads(result.stdout)["warnings"] == [warning]


def test_assess_without_a_profile_or_terminal_exits_2(run: Run) -> None:
    result = run("assess")
    assert result.code == 2 and "--profile" in result.stderr, result
    assert run("assess", "--no-input").code == 2


def test_match(run: Run) -> None:
    result = run("match", "-p", str(PERSONAS / "platform-engineer.yaml"), "--top", "3", "--json")
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1 and len(data["matches"]) == 3
    scores = [m["readiness"] for m in data["matches"]]
    assert scores == sorted(scores, reverse=True)
    table = run("match", "-p", str(PERSONAS / "platform-engineer.yaml"))
    assert "MLOps Engineer" in table.stdout


def test_init_writes_a_template_that_assess_reads_and_never_overwrites(run: Run,
                                                                      workdir: Path) -> None:
    result = run("init", "me.yaml")
    assert result.code == 0, result
    template = (workdir / "me.yaml").read_text()
    assert "python: 0" in template
    untouched = run("assess", "-p", "me.yaml", "--json")  # nothing rated: no best fit
    assert untouched.code == 1 and "nothing is rated yet" in untouched.stderr, untouched
    assert "mlpath init" in untouched.stderr and "`mlpath assess`" in untouched.stderr
    assert run("assess", "-p", "me.yaml", "--role", "ml-engineer", "--json").code == 0
    (workdir / "me.yaml").write_text("mine\n")
    again = run("init", "me.yaml")
    assert again.code == 1 and "already exists" in again.stderr, again
    assert (workdir / "me.yaml").read_text() == "mine\n"
    assert run("init").stdout.startswith("# yaml-language-server: $schema=profile.schema.json\n")


def test_save_writes_a_profile_that_reads_back_to_the_same_report(run: Run,
                                                                   workdir: Path) -> None:
    first = run("assess", "-p", BEN, "--json", "--save", "copy.yaml")
    assert first.code == 0, first
    again = run("assess", "-p", "copy.yaml", "--json")
    a, b = json.loads(first.stdout), json.loads(again.stdout)
    a["profile"].pop("source")
    b["profile"].pop("source")
    assert a == b
    refused = run("assess", "-p", BEN, "--json", "--save", "copy.yaml")
    assert refused.code == 1 and "already exists" in refused.stderr


def test_usage_errors_exit_2(run: Run) -> None:
    result = run("assess", "--format", "yaml", "-p", BEN)
    assert result.code == 2 and "yaml" in result.stderr, result
    assert run("nope").code == 2


@pytest.mark.parametrize(("args", "line"), [
    (["whatif", "-p", BEN, "--hours", "nan"], "invalid value for '--hours': nan is not a "
     "number; give a finite number such as 5; see `mlpath whatif --help`"),
    (["assess", "-p", BEN, "--fail-under", "nan"], "invalid value for '--fail-under': nan is "
     "not a number; give a finite number such as 5; see `mlpath assess --help`"),
    (["assess", "-p", BEN, "--format", "xml"], "invalid value for '--format' / '-f': 'xml' is "
     "not one of 'table', 'json', 'markdown', 'html', 'txt', 'svg'; see `mlpath assess "
     "--help`"),
    (["plan", "-p", BEN, "--hours-per-week", "0"], "invalid value for '--hours-per-week': 0 "
     "is outside 0.5–80; give a number from 0.5 to 80; see `mlpath plan --help`"),
    (["assess", "-p", BEN, "--fail-under", "abc"], "invalid value for '--fail-under': 'abc' "
     "is not a valid float; see `mlpath assess --help`"),
    (["assess", "-p", BEN, "--fail-under", "1e400"], "invalid value for '--fail-under': inf "
     "is not a number; give a finite number such as 5; see `mlpath assess --help`"),
    (["assess", "-p", BEN, "--fail-under", "150"], "invalid value for '--fail-under': 150 is "
     "outside 0–100; give a number from 0 to 100; see `mlpath assess --help`"),
    (["asess"], "no such command 'asess'; did you mean 'assess'? (see `mlpath --help`)"),
    (["assess", "--profle", BEN], "no such option: --profle (Possible options: --profile, "
     "--role); see `mlpath assess --help`"),
    (["assess", "-p"], "option '-p' requires an argument; see `mlpath assess --help`"),
    (["roles", "show"], "missing argument 'ROLE'; see `mlpath roles show --help`"),
    (["whatif", "-p", BEN, "--hours", "-1"], "--hours -1: give a number of hours, 0 or more"),
    # global options after the command: what is wrong with them, not "no such option"
    (["assess", "-p", BEN, "--roles-dir"], "option '--roles-dir' requires an argument; see "
     "`mlpath assess --help`"),
    (["assess", "-p", BEN, "--no-color=1"], "option '--no-color' does not take a value; see "
     "`mlpath assess --help`"),
])
def test_usage_errors_are_one_line_with_the_reason(run: Run, args: list[str],
                                                   line: str) -> None:
    """DESIGN §3: one clear line on stderr saying what to do next, exit 2; click's
    four-line form put the reason last, where `2>&1 | head -1` never showed it."""
    result = run(*args)
    assert (result.code, result.stdout, result.stderr) == (2, "", f"mlpath: error: {line}\n")


def test_bare_mlpath_shows_the_help_as_it_is(run: Run) -> None:
    result = run()
    assert result.code == 2, result
    assert result.stderr.startswith("Usage: mlpath [OPTIONS] COMMAND [ARGS]...\n"), result
    assert "\\x0a" not in result.stderr and "Commands:" in result.stderr


@pytest.mark.parametrize(("args", "usage"), [
    (["-h", "assess"], "Usage: mlpath assess [OPTIONS]"),
    (["--help", "roles", "show"], "Usage: mlpath roles show [OPTIONS] ROLE"),
    (["--no-color", "-h", "team"], "Usage: mlpath team [OPTIONS] PATH..."),
    (["-h"], "Usage: mlpath [OPTIONS] COMMAND [ARGS]..."),
])
def test_help_before_the_command_is_the_command_s_help(run: Run, args: list[str],
                                                       usage: str) -> None:
    """`mlpath -h assess` means assess's help, as `mlpath assess -h` does."""
    result = run(*args)
    assert result.code == 0, result
    assert result.stdout.startswith(usage), result.stdout[:200]


@pytest.mark.parametrize("where", ["_load_app", "tidy"])
def test_a_bug_is_one_line_even_while_starting(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str],
                                               where: str) -> None:
    """A bug met while a command module is imported (before typer runs) or later is one
    `internal error` line and exit 1, never a traceback (MLPATH_DEBUG=1 shows it)."""
    import mlpath.cli
    import mlpath.cli.help

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.delenv("MLPATH_DEBUG", raising=False)
    monkeypatch.setattr(mlpath.cli if where == "_load_app" else mlpath.cli.help, where, broken)
    with pytest.raises(SystemExit) as info:
        mlpath.cli.main(["roles", "--json"])
    assert info.value.code == 1
    assert capsys.readouterr().err == ("mlpath: error: internal error: RuntimeError: boom (set "
                                       "MLPATH_DEBUG=1 for the traceback, and please report "
                                       "it)\n")
