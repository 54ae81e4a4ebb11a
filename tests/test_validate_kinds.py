"""`mlpath validate` tells each kind of file apart; `-`, global options and --quiet."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import DATA, Run
from mlpath.validate import KINDS, kind_of

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")
ACME = DATA / "packs" / "acme"


def test_the_example_profile_and_every_persona_validate(run: Run) -> None:
    personas = sorted(str(p) for p in (DATA / "personas").glob("*.yaml"))
    result = run("validate", ADA, str(DATA / "profiles" / "tiny.json"), *personas)
    assert result.code == 0, result
    assert result.stdout.startswith(f"ok: {len(personas) + 2} file(s), "
                                    f"{len(personas) + 2} profile(s)"), result


def test_the_init_template_validates(run: Run, workdir: Path) -> None:
    assert run("init", "me.yaml").code == 0
    result = run("validate", "me.yaml")
    assert result.code == 0, result


def test_every_problem_of_every_file_at_once(run: Run, workdir: Path) -> None:
    (workdir / "a.yaml").write_text("name: A\nskills:\n  pyton: 3\n  sql: 2\n"
                                    "milestones: [deployed-projet]\n")
    (workdir / "b.yaml").write_text("skills:\n  python: 7\n")
    (workdir / "c.yaml").write_text("target: ml-engineer:principal\nskills: {python: 3}\n")
    result = run("validate", "a.yaml", "b.yaml", "c.yaml")
    assert result.code == 1, result
    assert result.stdout.splitlines() == [
        "a.yaml:3:3: unknown skill 'pyton' is ignored (did you mean 'python'?)",
        "a.yaml:5:14: unknown milestone 'deployed-projet' is ignored "
        "(did you mean 'deployed-project'?)",
        "b.yaml:2:11: skills.python: 7 is outside 0–5",
        "c.yaml:1:9: target: ml-engineer has no level 'principal'; it has entry, mid, senior",
    ], result
    assert result.stderr == ("mlpath: 4 problem(s) in 3 file(s); 2 of them unknown ids "
                             "(unknown ids fail validate; assess only warns)\n")


def test_validate_json_for_scripts(run: Run, workdir: Path) -> None:
    (workdir / "a.yaml").write_text("skills:\n  pyton: 3\n")
    result = run("validate", "a.yaml", ADA, "--json")
    assert result.code == 1, result
    out = json.loads(result.stdout)
    assert out["ok"] is False and out["files"] == 2 and out["kinds"] == {"profile": 2}
    assert out["problems"] == [{"path": "a.yaml", "line": 2, "col": 3, "message":
                                "unknown skill 'pyton' is ignored (did you mean 'python'?)"}]
    missing = json.loads(run("validate", "nope.yaml", "--json").stdout)
    assert missing["problems"][0]["line"] is None
    assert json.loads(run("validate", ADA, "--json").stdout)["ok"] is True


def test_standard_input_is_read_for_dash(run: Run) -> None:
    good = run("validate", "-", input=Path(ADA).read_text())
    assert good.code == 0 and "1 profile(s)" in good.stdout, good
    bad = run("validate", "-", input="skills: {pyhton: 2}\n")
    assert bad.code == 1 and bad.stdout.startswith("<stdin>:1:10: unknown skill 'pyhton'"), bad
    role = run("validate", "-", input=(DATA / "packs/broken/bad-role.yaml").read_text())
    assert role.code == 1 and "<stdin>:4:1: unknown key 'levles'" in role.stdout, role


def test_a_role_file_alone_brings_its_pack_along(run: Run) -> None:
    # acme-ml-engineer.yaml needs a skill that the pack's skills.yaml defines.
    alone = run("validate", str(ACME / "acme-ml-engineer.yaml"))
    assert alone.code == 0, alone
    broken = run("validate", str(DATA / "packs/broken/bad-role.yaml"))
    assert broken.code == 1
    # Only the file asked about is reported, not its broken sibling.
    assert all("bad-role.yaml" in line for line in broken.stdout.splitlines()), broken


def test_profiles_may_use_the_roles_of_the_configured_packs(run: Run, tmp_path: Path) -> None:
    me = tmp_path / "me.yaml"
    me.write_text("target: acme-ml-engineer\nskills: {python: 3}\n")
    without = run("validate", str(me))
    assert without.code == 1 and "unknown role 'acme-ml-engineer'" in without.stdout, without
    with_pack = run("validate", str(me), "--roles-dir", str(ACME))
    assert with_pack.code == 0, with_pack


def test_a_profile_inside_a_pack_folder_is_pointed_out(run: Run, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(ACME, pack)
    shutil.copy(ADA, pack / "ada.yaml")
    result = run("validate", str(pack))
    assert result.code == 1, result
    assert "ada.yaml:2:1: this looks like a profile, but every file in a role pack" in (
        result.stdout), result


def test_a_file_of_no_known_kind_is_refused(run: Run, tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("colour: blue\n")
    result = run("validate", str(tmp_path / "x.yaml"))
    assert result.code == 1
    assert result.stdout.endswith("x.yaml:1:1: cannot tell what this file is: expected a "
                                  "mapping that is one of: role, skills, milestones, "
                                  "aliases, review, profile\n"), result


@pytest.mark.parametrize(("value", "kind"), [
    ({"skills": {"python": 3}}, "profile"), ({"name": "A", "skills": []}, "profile"),
    ({"skills": [{"id": "x"}]}, "skills"), ({"milestones": [{"id": "x"}]}, "milestones"),
    ({"milestones": ["x"]}, "profile"), ({"id": "r", "levels": []}, "role"),
    ({"aliases": {"python": ["Py"]}}, "aliases"),
    ({"colour": "blue"}, None), (["a"], None)])
def test_the_kind_table(value: object, kind: str | None) -> None:
    found = kind_of(value)
    assert (found.name if found else None) == kind
    assert len({k.name for k in KINDS}) == len(KINDS)


# --- `-`, global options after the command, --quiet -------------------------------------


def test_dash_is_standard_output_or_input_everywhere(run: Run, workdir: Path) -> None:
    printed = run("init", "-")
    assert printed.code == 0 and printed.stdout.startswith("# yaml-language-server"), printed
    assert not (workdir / "-").exists()
    saved = run("assess", "-p", ADA, "--save", "-", "--output", "report.md")
    assert saved.code == 0 and saved.stdout.startswith("# yaml-language-server"), saved
    assert (workdir / "report.md").is_file()
    mixed = run("assess", "-p", ADA, "--save", "-", "--json")
    assert mixed.code == 2 and mixed.stdout == "" and "--output FILE" in mixed.stderr, mixed
    assert not (workdir / "-").exists()
    line = json.dumps({"name": "Tiny", "skills": {"python": 3}})
    team = run("team", "-", "--json", input=f"{line}\n{line}\n")
    assert team.code == 0 and json.loads(team.stdout)["members"] == 2, team


def test_global_options_work_after_the_command(run: Run) -> None:
    after = run("assess", "-p", ADA, "--no-color", "--json")
    assert after.code == 0, after
    pack = run("roles", "--json", "--roles-dir", str(ACME))
    assert pack.code == 0 and "acme-ml-engineer" in pack.stdout, pack
    equals = run("roles", "--json", f"--roles-dir={ACME}")
    assert equals.code == 0 and "acme-ml-engineer" in equals.stdout, equals


def test_quiet_keeps_the_result_and_errors_only(run: Run, workdir: Path) -> None:
    loud = run("init", "me.yaml")
    assert loud.stderr.startswith("mlpath: wrote me.yaml"), loud
    quiet = run("init", "you.yaml", "--quiet")
    assert quiet.code == 0 and quiet.stderr == "" and (workdir / "you.yaml").exists(), quiet
    (workdir / "typo.yaml").write_text("skills: {pyton: 3}\n")
    warned = run("-q", "assess", "-p", "typo.yaml", "--json")
    assert warned.code == 0 and warned.stderr == "" and json.loads(warned.stdout), warned
    failed = run("assess", "-p", "missing.yaml", "-q")
    assert failed.code == 1 and "missing.yaml: no such file" in failed.stderr, failed


# --- alias tables, JSON Lines, links that loop ------------------------------------------


def test_the_shipped_roles_folder_validates(run: Run) -> None:
    """roles/ holds aliases.yaml: an alias table is a kind validate knows."""
    result = run("validate", str(ROOT / "roles"), "--json")
    assert result.code == 0, result
    assert json.loads(result.stdout)["kinds"]["aliases"] == 1
    single = run("validate", str(ROOT / "roles" / "aliases.yaml"))
    assert single.code == 0, single


def test_a_pack_with_an_alias_table_passes_the_hook(run: Run, tmp_path: Path) -> None:
    pack = tmp_path / "ladder"
    pack.mkdir()
    (pack / "aliases.yaml").write_text("aliases:\n  python: [Snakecode]\n")
    (pack / "role.yaml").write_text(
        "id: my-role\nname: My role\nsummary: s\nlevels:\n  - id: entry\n    title: Entry\n"
        "    years: {min: 0}\n    requirements: {python: 2}\n")
    files = sorted(str(p) for p in pack.iterdir())
    # what the pre-commit hook runs (`--roles-dir ladder` and the changed files)
    for args in ([str(pack)], ["--roles-dir", str(pack), *files]):
        result = run("validate", *args)
        assert result.code == 0, (args, result)
    (pack / "aliases.yaml").write_text("aliases:\n  pyhton: [Snakecode]\n  sql: []\n")
    result = run("validate", str(pack))
    assert result.code == 1
    assert [line.split("aliases.yaml:")[-1] for line in result.stdout.splitlines()] == [
        "2:3: unknown skill 'pyhton'; did you mean 'python'?",
        "3:8: aliases.sql: needs at least 1 item(s)",
    ], result


def test_a_json_lines_file_is_one_profile_per_line(run: Run, tmp_path: Path) -> None:
    good = tmp_path / "ok.jsonl"
    good.write_text('{"skills":{"python":3}}\n\n{"name":"B","skills":{"sql":2}}\n')
    result = run("validate", str(good))
    assert result.code == 0, result
    assert result.stdout.startswith("ok: 1 file(s), 2 profile(s)"), result
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"skills":{"python":3}}\n\n{"skills":{"python":7}}\n'
                    b'{"skills":{"pythn":2}}\n\xff\n{"skills":{"python":NaN}}\n')
    result = run("validate", str(bad))
    assert result.code == 1
    assert [line.removeprefix(str(bad)) for line in result.stdout.splitlines()] == [
        ":3:21: skills.python: 7 is outside 0–5",
        ":4:12: unknown skill 'pythn' is ignored (did you mean 'python'?)",
        ":5:1: not UTF-8 text (byte 0xff)",
        ":6:21: invalid JSON: NaN is not valid JSON",
    ], result
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    result = run("validate", str(empty))
    assert result.code == 1
    assert "holds no profile" in result.stdout


def test_a_link_that_loops_is_said_as_assess_says_it(run: Run, workdir: Path) -> None:
    (workdir / "loop1.yaml").symlink_to("loop2.yaml")
    (workdir / "loop2.yaml").symlink_to("loop1.yaml")
    result = run("validate", "loop1.yaml")
    assert result.code == 1
    assert "no such file" not in result.stdout
    assert result.stdout.startswith("loop1.yaml: cannot read: "), result
    assessed = run("assess", "-p", "loop1.yaml", "--role", "ml-engineer")
    reason = result.stdout.splitlines()[0].split("cannot read: ")[1]
    assert reason in assessed.stderr, (result, assessed)


def test_a_files_warnings_come_in_file_order(run: Run, workdir: Path) -> None:
    (workdir / "me.yaml").write_text(
        "skills:\n  python: 3\n  pythn: 2\nmilestones:\n  - shipped-modell\n"
        "checked:\n  torchh: 2024-01-01\nevidence:\n  gitt: a note\n")
    result = run("assess", "-p", "me.yaml", "--role", "ml-engineer")
    assert result.code == 0, result
    lines = [int(line.split("me.yaml:")[1].split(":")[0])
             for line in result.stderr.splitlines() if "me.yaml:" in line]
    assert lines == [3, 5, 7, 9], result


# --- what a stranger found (wave 5) --------------------------------------------------------


def test_a_folder_of_profiles_checks_its_json_lines_files(run: Run, tmp_path: Path) -> None:
    """validate is the CI check: a .jsonl file beside profiles (or alone in a folder) is
    checked line by line, as when it is named itself, never passed over in silence."""
    mixed, alone = tmp_path / "mixed", tmp_path / "alone"
    for folder in (mixed, alone):
        folder.mkdir()
        (folder / "two.jsonl").write_text('{"skills": {"python": 2}}\n'
                                          '{"skills": {"python": 9}}\n')
    shutil.copy(ADA, mixed)
    for folder in (mixed, alone):
        result = run("validate", str(folder))
        assert result.code == 1, result
        assert result.stdout.splitlines() == [
            f"{folder / 'two.jsonl'}:2:23: skills.python: 9 is outside 0–5"], result
    (alone / "two.jsonl").write_text('{"skills": {"python": 2}}\n')
    result = run("validate", str(alone), "--json")
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert (data["files"], data["kinds"]) == (1, {"profile": 1})


def test_a_json_lines_line_says_its_own_line_numbers(run: Run, tmp_path: Path) -> None:
    """A duplicate key on line 13 was first written on line 13, not line 1; a line of
    valid JSON that is not an object is said to be that, not "not JSON"."""
    lines = ['{"skills": {"python": 2}}'] * 12 + [
        '{"skills": {"python": 2}, "skills": {"python": 1}}', '"str"', "[1]"]
    (tmp_path / "p.jsonl").write_text("\n".join(lines) + "\n")
    path = tmp_path / "p.jsonl"
    result = run("validate", str(path))
    assert result.code == 1
    out = result.stdout.splitlines()
    assert out[0] == f"{path}:13:27: duplicate key 'skills' (first written at line 13)"
    assert out[1] == (f"{path}:14:1: line 14 is not a JSON object; a .jsonl file holds one "
                      "JSON profile (an object) per line")
    team = run("team", str(path), "--json")
    assert (f"mlpath: skipped: {path}:13:27: duplicate key 'skills' (first written at "
            "line 13)") in team.stderr.splitlines()
    assert "line 14 is not a JSON object" in team.stderr
