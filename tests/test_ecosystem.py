"""Schemas for editors, tab completion, reports as files, and help that matches the README."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import DATA, Run
from mlpath.catalog import builtin_yaml_files
from mlpath.errors import MlpathError
from mlpath.formats import json_schema
from mlpath.model import Catalog
from mlpath.profile import parse_profile

ROOT = Path(__file__).resolve().parents[1]
PROFILES = [*sorted((DATA / "personas").glob("*.yaml")), DATA / "profiles" / "tiny.json",
            ROOT / "examples" / "ada.yaml"]


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schema_command_prints_each_schema(run: Run) -> None:
    for name in ("role", "skills", "milestones"):
        result = run("schema", name)
        assert result.code == 0, result
        assert json.loads(result.stdout) == json_schema(name)
    profile = json.loads(run("schema", "profile").stdout)
    # The file format, plus the catalogue's ids for completion.
    assert profile["properties"]["name"] == json_schema("profile")["properties"]["name"]
    assert "python" in profile["properties"]["skills"]["properties"]
    nope = run("schema", "nope")
    assert nope.code == 2 and "choose one of profile, role" in nope.stderr, nope


def test_builtin_data_validates_against_the_schemas() -> None:
    for source, text in builtin_yaml_files():
        data = yaml.safe_load(text)
        name = "skills" if "skills.yaml" in source else (
            "milestones" if "milestones.yaml" in source else
            "aliases" if "aliases" in source else "role")
        errors = list(validator(name).iter_errors(data))
        assert not errors, (source, [e.message for e in errors[:3]])


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_fixture_profiles_validate(path: Path) -> None:
    data = yaml.safe_load(path.read_text())
    assert not list(validator("profile").iter_errors(data))


@pytest.mark.parametrize("path", sorted((DATA / "bad").iterdir()), ids=lambda p: p.name)
def test_every_bad_fixture_fails_the_schema_or_the_loader(path: Path, catalog: Catalog) -> None:
    raw = path.read_bytes()
    schema_ok = True
    try:
        data: Any = yaml.safe_load(raw.decode("utf-8")) if path.suffix == ".yaml" else (
            json.loads(raw))
        schema_ok = not list(validator("profile").iter_errors(data))
    except Exception:  # not even YAML or JSON: the schema cannot accept it
        schema_ok = False
    loader_ok = True
    try:
        parse_profile(raw.decode("utf-8", "replace"), str(path), catalog)
    except MlpathError:
        loader_ok = False
    assert not (schema_ok and loader_ok)


def test_the_schema_and_the_loader_agree_on_shapes(catalog: Catalog) -> None:
    """Cases the schema can judge on its own: both must say the same."""
    cases = ["skills: {python: 3}", "skills: {python: 7}", "skills: [python]",
             "skills: {python: 3}\ntarget: ml-engineer:mid", "skills: {}\ntarget: 'ML Engineer'",
             "skills: {}\nyears_experience: -1", "skills: {}\nmilestones: [a, a]",
             "skills: {}\nextra: 1", "name: x", "skills: {python: 3.5}"]
    for text in cases:
        schema_ok = not list(validator("profile").iter_errors(yaml.safe_load(text)))
        try:
            parse_profile(text, "x.yaml", catalog)
            loader_ok = True
        except MlpathError:
            loader_ok = False
        assert schema_ok == loader_ok, text


def complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What mlpath's bash completion answers for the line ``words`` (cursor at the end)."""
    result = subprocess.run(
        [sys.executable, "-m", "mlpath"], capture_output=True, text=True, check=False,
        env={**os.environ, "_MLPATH_COMPLETE": "complete_bash", "COMP_LINE": words,
             "COMP_POINT": str(len(words)), "COMP_WORDBREAKS": " \t\n\"'@><=;|&(:",
             **(env or {})})
    return result.stdout.split()


def test_completion_offers_roles_levels_skills_and_formats() -> None:
    assert complete("mlpath roles show ml") == ["ml-engineer", "mlops-engineer"]
    # bash breaks words at the colon, so only the part after it comes back.
    assert complete("mlpath assess --role ml-engineer:") == ["entry", "mid", "senior"]
    assert complete("mlpath assess --role ml-engineer:m") == ["mid"]
    assert complete("mlpath assess --role=ml-engineer:") == ["entry", "mid", "senior"]
    assert complete("mlpath assess --role=ml") == ["ml-engineer", "mlops-engineer"]
    assert complete("mlpath skills show pyt") == ["python", "pytorch"]
    assert complete("mlpath assess --format m") == ["markdown"]
    assert complete("mlpath schema p") == ["profile", "plan", "progress", "posting"]
    pack = str(DATA / "packs" / "acme")
    assert complete("mlpath roles show acme", {"MLPATH_ROLES_PATH": pack}) == [
        "acme-ml-engineer"]


@pytest.mark.parametrize(("name", "needle"), [
    ("report.html", "<!DOCTYPE html>"), ("report.svg", "<svg "), ("report.md", "# mlpath report"),
    ("report.json", '"schema_version": 1'), ("report.txt", "Top gaps")])
def test_output_writes_the_format_its_extension_names(run: Run, workdir: Path, name: str,
                                                      needle: str) -> None:
    profile = str(ROOT / "examples" / "ada.yaml")
    result = run("assess", "-p", profile, "--output", name)
    assert result.code == 0, result
    assert result.stdout == "" and result.stderr == f"mlpath: wrote the report to {name}\n"
    text = (workdir / name).read_text()
    assert needle in text and "deployment" in text
    again = run("assess", "-p", profile, "--output", name)
    assert again.code == 1 and "already exists; pass --force" in again.stderr
    assert run("assess", "-p", profile, "--output", name, "--force").code == 0
    assert run("assess", "-p", profile, "--output", "report.pdf").code == 2


def command_names(help_text: str) -> list[str]:
    """The commands listed by `mlpath --help` (plain text when piped: a "Commands:" section)."""
    return re.findall(r"^  (\w+)  ", help_text.split("\nCommands:\n", 1)[1], flags=re.M)


def help_of(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    text = subprocess.run([sys.executable, "-m", "mlpath", *args, "--help"], env=env,
                          capture_output=True, text=True, check=True).stdout
    return "\n".join(line.rstrip() for line in text.splitlines())


def test_every_command_has_a_summary_a_paragraph_and_an_example() -> None:
    top = help_of()
    assert "Example:" in top
    names = command_names(top)
    assert {"assess", "match", "plan", "diff", "progress", "team", "roles", "skills",
            "milestones", "validate", "init", "schema"} <= set(names)
    for args in [[n] for n in names] + [["roles", "show"], ["skills", "show"]]:
        text = help_of(*args)
        body = text.split("Usage:", 1)[1]
        paragraphs = [p for p in body.split("\n\n") if p.strip() and "╭" not in p]
        assert len(paragraphs) >= 3, args  # usage line, summary, paragraph(s)
        assert "Example: mlpath" in text, args


def test_the_readme_lists_every_command_of_the_help() -> None:
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    for name in command_names(help_of()):
        assert f"`mlpath {name}" in table, name
