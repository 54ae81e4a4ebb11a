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


# --- dates: a real calendar date, not after tomorrow -------------------------------------


@pytest.mark.parametrize(("written", "message"), [
    ("2024-02-30", "2024-02-30 is not a date: February 2024 has 29 days"),
    ("2023-02-29", "2023-02-29 is not a date: February 2023 has 28 days"),
    ("2024-04-31", "2024-04-31 is not a date: April 2024 has 30 days"),
    ("2024-13-01", "2024-13-01 is not a date: there is no month 13"),
    ("2024-13-45", "2024-13-45 is not a date: there is no month 13"),
    ("9999-99-99", "9999-99-99 is not a date: there is no month 99"),
    ("2024-00-10", "2024-00-10 is not a date: there is no month 0"),
    ("2024-01-00", "2024-01-00 is not a date: there is no day 0"),
    ("0000-01-01", "0000-01-01 is not a date: there is no year 0"),
    ("2024-01-01 25:00", "2024-01-01 25:00 is not a date and time: write YYYY-MM-DD"),
])
def test_every_date_field_refuses_a_date_the_calendar_lacks(written: str, message: str) -> None:
    profile = (f"skills: {{python: 3}}\nchecked:\n  python: {written}\n"
               f"history:\n  - date: {written}\n    skills: {{python: 2}}\n")
    assert problems(formats.PROFILE, profile) == [
        f"f.yaml:3:11: checked.python: {message}",
        f"f.yaml:5:11: history[0].date: {message}",
    ]
    review = f"reviewer: bo\ndate: {written}\nskills: {{python: 3}}\n"
    assert problems(formats.REVIEW, review) == [f"f.yaml:2:7: date: {message}"]


def test_a_real_date_passes_and_one_after_tomorrow_is_a_typo() -> None:
    import datetime

    today = datetime.date.today()
    utc = datetime.datetime.now(datetime.UTC).date()
    fine = ["2024-02-29", "2000-02-29", "2024-12-31", "2024-01-01T10:00:00Z",
            "2024-01-01 10:00:00+02:00", today.isoformat(),
            (utc + datetime.timedelta(days=1)).isoformat()]  # today east of UTC
    for written in fine:
        assert problems(formats.PROFILE, f"skills: {{}}\nchecked: {{python: {written}}}\n"
                        ) == [], written
    later = (utc + datetime.timedelta(days=2)).isoformat()
    for written in (later, "9999-12-31"):
        [message] = problems(formats.PROFILE, f"skills: {{}}\nchecked: {{python: {written}}}\n")
        assert message == (f"f.yaml:2:19: checked.python: {written} is in the future "
                           f"(today is {today.isoformat()}): write the day it happened")


def test_the_profile_schema_keeps_the_date_pattern_and_says_the_rule() -> None:
    schema = formats.PROFILE.schema()["properties"]
    for date in (schema["checked"]["additionalProperties"],
                 schema["history"]["items"]["properties"]["date"]):
        assert date["pattern"] == formats.DATE_PATTERN
        assert "real calendar date" in date["description"]


# --- role levels ---------------------------------------------------------------------------


ROLE_INHERITING_AN_UNKNOWN_SKILL = """id: r
name: R
summary: s
levels:
  - id: entry
    title: Entry
    years: {min: 0}
    requirements:
      python: 2
      statistics: 3
  - id: mid
    title: Mid
    years: {min: 2}
    inherit: true
    requirements:
      python: 3
  - id: senior
    title: Senior
    years: {min: 5}
    inherit: true
    requirements:
      sql: 3
      statistics: 4
"""


def test_an_inherited_unknown_skill_is_reported_once_where_it_is_written() -> None:
    from mlpath.catalog import assemble, builtin_files

    role = parse_data_text(ROLE_INHERITING_AN_UNKNOWN_SKILL, "r.yaml")
    _, found = assemble([*builtin_files(), role])
    assert sorted(str(p) for p in found) == [
        "r.yaml:10:7: unknown skill 'statistics'; did you mean 'probability-statistics'?",
        "r.yaml:23:7: unknown skill 'statistics'; did you mean 'probability-statistics'?",
    ]


def test_a_yes_for_a_level_is_not_told_to_be_quoted() -> None:
    """Quoting "yes" still does not make it a level: say what a level is instead."""
    text = ROLE_INHERITING_AN_UNKNOWN_SKILL.replace("python: 3", "python: yes")
    [message] = problems(formats.ROLE, text)
    assert message == ("f.yaml:16:15: levels[1].requirements.python: a level must be a whole "
                       "number 1–5 or {level: N, weight: W}, got the boolean true "
                       "(YAML reads yes as true)")
    assert "quote" not in message


def test_a_unicode_digit_is_explained_in_one_sentence() -> None:
    [message] = problems(formats.PROFILE, "skills:\n  python: ５\n")
    assert message == ("f.yaml:2:11: skills.python: expected a whole number 0–5, got the text "
                       "'５'; '５' is fullwidth digit five, not one of the digits 0-9")
