"""A problem a role pack causes is reported in the pack's file, never in the built-in data."""

from __future__ import annotations

from pathlib import Path

from conftest import Run

RESOURCE = '[{title: t, url: "https://example.org", kind: docs, cost: free}]'


def test_a_cycle_a_pack_closes_through_built_in_skills_names_the_pack(run: Run,
                                                                      tmp_path: Path) -> None:
    # pytorch needs python (built in); the pack makes python need pytorch
    (tmp_path / "skills.yaml").write_text(
        "skills:\n  - id: python\n    name: Python\n    category: x\n    description: d\n"
        f"    prerequisites: [pytorch]\n    resources: {RESOURCE}\n")
    result = run("--roles-dir", str(tmp_path), "roles")
    assert result.code == 1, result
    assert "prerequisites form a cycle" in result.stderr, result
    assert str(tmp_path / "skills.yaml") in result.stderr, result
    assert "roles/skills.yaml" not in result.stderr, result


def test_a_pack_alias_that_clashes_names_the_pack(run: Run, tmp_path: Path) -> None:
    (tmp_path / "skills.yaml").write_text(
        "skills:\n  - id: new-skill\n    name: New\n    category: x\n    description: d\n"
        f"    resources: {RESOURCE}\n")
    (tmp_path / "aliases.yaml").write_text("aliases:\n  new-skill: [Python]\n")
    result = run("--roles-dir", str(tmp_path), "roles")
    assert result.code == 1, result
    assert f"{tmp_path / 'aliases.yaml'}:2:" in result.stderr, result
    assert "roles/" not in result.stderr.replace(str(tmp_path), ""), result


def test_a_pack_role_with_an_unknown_skill_names_the_pack(run: Run, tmp_path: Path) -> None:
    (tmp_path / "role.yaml").write_text(
        "id: ml-engineer\nname: X\nsummary: s\nlevels:\n  - id: mid\n    title: T\n"
        "    years: {min: 0}\n    requirements: {pythn: 3}\n")
    result = run("--roles-dir", str(tmp_path), "roles")
    assert result.code == 1, result
    assert result.stderr.startswith(f"mlpath: error: {tmp_path / 'role.yaml'}:8:"), result
