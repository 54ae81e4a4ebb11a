"""What a stranger found testing validate, team, posting, exit codes and schemas
on an installed wheel; each test fails on the code as it was before the fix."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DATA, Run

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")
ACME = DATA / "packs" / "acme"


def test_validate_prints_unknown_ids_beside_shape_problems(run: Run, workdir: Path) -> None:
    (workdir / "p.yaml").write_text("skills:\n  python: 9\n  sql: 3.5\n  pyhton: 2\n")
    result = run("validate", "p.yaml")
    assert result.code == 1, result
    assert result.stdout.splitlines() == [
        "p.yaml:2:11: skills.python: 9 is outside 0–5",
        "p.yaml:3:8: skills.sql: expected a whole number 0–5, got 3.5",
        "p.yaml:4:3: unknown skill 'pyhton' is ignored (did you mean 'python'?)",
    ], result


def test_validate_a_review_names_the_unknown_id(run: Run, workdir: Path) -> None:
    (workdir / "r.yaml").write_text("reviewer: bob\nskills:\n  nope: 2\n  pyhton: 3\n"
                                    "  sql: 9\n")
    result = run("validate", "r.yaml")
    assert result.code == 1, result
    assert result.stdout.splitlines() == [
        "r.yaml:3:3: unknown skill 'nope' is ignored",
        "r.yaml:4:3: unknown skill 'pyhton' is ignored (did you mean 'python'?)",
        "r.yaml:5:8: skills.sql: 9 is outside 0–5",
    ], result


def test_validate_a_folder_of_profiles_checks_each_profile(run: Run, tmp_path: Path) -> None:
    team = tmp_path / "team"
    shutil.copytree(DATA / "team", team)
    (team / "profile.schema.json").write_text(run("schema", "profile").stdout)
    result = run("validate", str(team))
    assert result.code == 0, result
    assert "keep it out of the pack folder" not in result.stdout
    (team / "zed.yaml").write_text("skills:\n  pyhton: 2\n")
    bad = run("validate", str(team))
    assert bad.code == 1, bad
    assert bad.stdout.splitlines() == [
        f"{team / 'zed.yaml'}:2:3: unknown skill 'pyhton' is ignored (did you mean 'python'?)"]


def test_a_pack_with_a_profile_in_it_keeps_its_message(run: Run, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(ACME, pack)
    shutil.copy(ADA, pack / "ada.yaml")
    result = run("validate", str(pack))
    assert result.code == 1, result
    assert "keep it out of the pack folder" in result.stdout, result
