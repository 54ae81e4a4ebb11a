"""Validation of data files: every problem, with its line, column and what to do."""

from __future__ import annotations

import pytest

from conftest import DATA
from mlpath import formats
from mlpath.catalog import load_catalog, parse_data_text
from mlpath.errors import ProblemsError
from mlpath.spec import Spec, check
from mlpath.yamlio import load


def problems(spec: Spec, text: str) -> list[str]:
    _, found = check(spec, load(text, "f.yaml"))
    return [str(p) for p in sorted(found)]


def test_yaml_11_surprises_say_quote_it() -> None:
    assert problems(formats.PROFILE, "skills: {}\ntarget: no\nname: 3.10\n") == [
        "f.yaml:2:9: target: expected text, got the boolean false; YAML reads no as false: "
        'quote it ("no")',
        'f.yaml:3:7: name: expected text, got the number 3.1; YAML reads 3.10 as a number: '
        'quote it ("3.10")',
    ]


@pytest.mark.parametrize(("value", "message"), [
    ("7", "7 is outside 0–5"),
    ("-1", "-1 is outside 0–5"),
    ("three", "expected a whole number 0–5, got the text 'three'"),
    ("3.5", "expected a whole number 0–5, got 3.5"),
    ("yes", "expected a whole number 0–5, got the boolean true"),
])
def test_bad_ratings(value: str, message: str) -> None:
    assert problems(formats.PROFILE, f"skills:\n  python: {value}\n") == [
        f"f.yaml:2:11: skills.python: {message}"]


def test_shapes_and_keys() -> None:
    assert problems(formats.PROFILE, "skills: [python, sql]\n") == [
        "f.yaml:1:9: skills: expected a mapping, got a list"]
    assert problems(formats.PROFILE, "- python\n") == [
        "f.yaml:1:1: expected a mapping with skills…, got a list"]
    assert problems(formats.PROFILE, "skills:\n  3: 4\n") == [
        'f.yaml:2:3: skills[3]: key 3 must be text, not a number: quote it ("3")']
    assert problems(formats.PROFILE, "skils: {}\n") == [
        "f.yaml:1:1: missing required key 'skills'",
        "f.yaml:1:1: unknown key 'skils' (did you mean 'skills'?); expected one of name, "
        "years_experience, target, skills, evidence, checked, milestones, history",
    ]


def test_every_problem_of_a_role_file_is_reported_at_once() -> None:
    text = (DATA / "packs/broken/bad-role.yaml").read_text()
    with pytest.raises(ProblemsError) as info:
        parse_data_text(text, "bad-role.yaml")
    assert info.value.lines() == [
        "bad-role.yaml:4:1: unknown key 'levles' (did you mean 'levels'?); expected one of id, "
        "name, summary, responsibilities, moves, leadership, levels",
        "bad-role.yaml:11:12: levels[0].requirements.sql: 7 is outside 1–5",
        "bad-role.yaml:12:26: levels[0].requirements.docker: unknown key 'wieght' "
        "(did you mean 'weight'?); expected one of level, weight",
    ]


def test_pack_references_are_checked_with_suggestions() -> None:
    with pytest.raises(ProblemsError) as info:
        load_catalog([str(DATA / "packs/broken")])
    lines = [line.split("/packs/broken/")[-1] for line in info.value.lines()]
    assert lines[-3:] == [
        "typo-skill.yaml:4:9: unknown role 'ml-engineeer'; did you mean 'ml-engineer'?",
        "typo-skill.yaml:9:29: unknown milestone 'deployed-projet'; did you mean "
        "'deployed-project'?",
        "typo-skill.yaml:11:7: unknown skill 'pyhton'; did you mean 'python'?",
    ]


def test_salary_and_inheritance_rules() -> None:
    text = """id: r
name: R
summary: s
levels:
  - id: a
    title: A
    years: {min: 0}
    inherit: true
    salary_usd: {min: 100, max: 200, source: x}
    requirements: {python: 3}
  - id: b
    title: B
    years: {min: 3}
    salary_usd: {min: 50, max: 40, source: x}
    remove: [sql]
    requirements: {python: 4}
"""
    from mlpath.catalog import assemble, builtin_files

    role = parse_data_text(text, "r.yaml")
    _, found = assemble([*builtin_files(), role])
    assert sorted(str(p) for p in found) == [
        "r.yaml:14:17: salary_usd.max is below salary_usd.min",
        "r.yaml:14:17: the salary band falls below the previous level's",
        "r.yaml:15:13: removes 'sql', which the previous level does not require",
        "r.yaml:8:14: the first level has no level to inherit from",
    ]


def test_prerequisite_cycles_are_found() -> None:
    text = """skills:
  - {id: a-skill, name: A, category: c, description: d, prerequisites: [b-skill],
     resources: [{title: t, url: "https://a.example/", kind: docs, cost: free}]}
  - {id: b-skill, name: B, category: c, description: d, prerequisites: [a-skill],
     resources: [{title: t, url: "https://b.example/", kind: docs, cost: free}]}
"""
    from mlpath.catalog import assemble

    _, found = assemble([parse_data_text(text, "s.yaml")])
    assert [str(p) for p in found] == [
        "s.yaml:4:72: prerequisites form a cycle: a-skill -> b-skill -> a-skill"]
