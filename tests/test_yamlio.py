"""The YAML/JSON adapter: positions, and the attacks it must refuse before composing."""

from __future__ import annotations

import time

import pytest

from mlpath.errors import DataError, ProblemsError
from mlpath.yamlio import MAX_BYTES, decode, load, load_json, load_yaml


def problems(text: str, source: str = "f.yaml") -> list[str]:
    with pytest.raises(ProblemsError) as info:
        load(text, source)
    return info.value.lines()


def test_values_keep_their_line_and_column() -> None:
    doc = load_yaml("name: Ada\nskills:\n  python: 4\n  sql: 3\n", "me.yaml")
    assert doc.value == {"name": "Ada", "skills": {"python": 4, "sql": 3}}
    assert doc.where(("skills", "sql")) == (4, 8)
    assert doc.where(("skills", "sql"), key=True) == (4, 3)
    assert doc.raw[("skills", "python")] == "4"


def test_duplicate_keys_are_refused_with_both_lines() -> None:
    assert problems("skills:\n  python: 3\n  python: 4\n") == [
        "f.yaml:3:3: duplicate key 'python' (first written at line 2)"]


def test_anchors_and_aliases_are_refused() -> None:
    [line] = problems("a: &x 1\nb: *x\n")
    assert line.startswith("f.yaml:1:4: anchors and aliases")


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    start = time.perf_counter()
    [line] = problems(bomb)
    assert "anchors and aliases" in line
    assert time.perf_counter() - start < 1


def test_deep_nesting_is_stopped_before_the_composer() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    [line] = problems(deep)
    assert line.startswith("f.yaml:1:")
    assert line.endswith(": nested deeper than 32 levels; mlpath files are shallow")
    [line] = problems(deep, "f.json")
    assert "nested deeper than 32 levels" in line


def test_python_tags_are_refused_and_never_run() -> None:
    [line] = problems("x: !!python/object/apply:os.system ['touch /tmp/mlpath-pwned']\n")
    assert "tag" in line and "not allowed" in line


def test_yaml_errors_point_at_the_line() -> None:
    [line] = problems("skills:\n  python: 3\n sql: 2\n")
    assert line.startswith("f.yaml:3:")
    [tab] = problems("skills:\n\tpython: 3\n")
    assert tab.startswith("f.yaml:2:1: invalid YAML") and "tabs" in tab


def test_empty_and_comment_only_files() -> None:
    assert problems("") == ["f.yaml:1:1: the file is empty; see `mlpath init`"]
    assert problems("# only a comment\n") == ["f.yaml:1:1: the file is empty; see `mlpath init`"]


def test_invalid_utf8_names_the_byte() -> None:
    with pytest.raises(ProblemsError) as info:
        decode(b"name: ok\nbad: \xff\n", "f.yaml")
    assert info.value.lines() == ["f.yaml:2:6: not UTF-8 text (byte 0xff); save the file as UTF-8"]


def test_files_over_one_mebibyte_are_refused() -> None:
    with pytest.raises(DataError, match="larger than 1 MiB"):
        decode(b"#" * (MAX_BYTES + 1), "big.yaml")


def test_json_positions_and_duplicates() -> None:
    doc = load_json('{\n  "skills": {"python": 4}\n}\n', "me.json")
    assert doc.where(("skills", "python")) == (2, 24)
    with pytest.raises(ProblemsError) as info:
        load_json('{"a": 1,\n "a": 2}', "me.json")
    assert info.value.lines() == ["me.json:2:2: duplicate key 'a' (first written at line 1)"]
    with pytest.raises(ProblemsError) as info:
        load_json('{"a": NaN}', "me.json")
    assert "invalid JSON" in info.value.lines()[0]


def test_a_json_duplicate_key_is_said_as_yaml_says_it() -> None:
    """The same words in both formats, the duplicate found in its own object (a key of
    the same name elsewhere is not it)."""
    text = '{"skills": {"python": 3},\n "checked": {"python": "2024-01-01",\n  "python": 1}}'
    with pytest.raises(ProblemsError) as info:
        load_json(text, "me.json")
    assert info.value.lines() == ["me.json:3:3: duplicate key 'python' "
                                  "(first written at line 2)"]
    with pytest.raises(ProblemsError) as yaml_info:
        load_yaml("a: 1\na: 2\n", "me.yaml")
    assert yaml_info.value.lines() == ["me.yaml:2:1: duplicate key 'a' (first written at line 1)"]


@pytest.mark.parametrize(("text", "where"), [
    ('{"skills":{"python":NaN}}', (1, 21)),
    ('{"skills": {"python": NaN}}', (1, 23)),
    ('{"name": "NaN Infinity",\n "skills": {"python": -Infinity}}', (2, 23)),
    ('{"skills":\n  {"python": Infinity}}', (2, 14)),
])
def test_a_json_constant_is_reported_where_it_stands(text: str, where: tuple[int, int]) -> None:
    with pytest.raises(ProblemsError) as info:
        load_json(text, "me.json")
    [problem] = info.value.problems
    assert (problem.line, problem.col) == where
    assert problem.message.endswith("is not valid JSON")


def test_stdin_is_detected_as_json_by_its_first_character() -> None:
    assert load('{"skills": {}}', "<stdin>").value == {"skills": {}}
    assert load("skills: {}", "<stdin>").value == {"skills": {}}


def test_second_document_is_refused() -> None:
    [line] = problems("skills: {}\n---\nskills: {}\n")
    assert "more than one YAML document" in line


def test_the_pure_python_loader_behaves_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where libyaml is missing, PyYAML's pure-Python parser gives the same results."""
    import yaml

    import mlpath.yamlio

    monkeypatch.setattr(mlpath.yamlio, "_yaml", lambda: (yaml, yaml.SafeLoader))
    doc = load_yaml("name: Ada\nskills:\n  python: 4\n  sql: 010\n", "me.yaml")
    assert doc.value == {"name": "Ada", "skills": {"python": 4, "sql": 8}}
    assert doc.where(("skills", "sql")) == (4, 8)
    for text, message in [("a: &x 1\nb: *x\n", "anchors and aliases"),
                          ("[" * 100 + "]" * 100, "nested deeper than 32 levels"),
                          ("a: 1\na: 2\n", "duplicate key 'a'"),
                          ("x: !!python/object/apply:os.system [ls]\n", "is not allowed")]:
        with pytest.raises(ProblemsError) as info:
            load_yaml(text, "f.yaml")
        assert message in info.value.lines()[0]


def test_the_cheap_character_class_is_pyyamls_class() -> None:
    """``_NOT_PRINTABLE`` (what is excluded) matches exactly the characters PyYAML's class
    (what is allowed) matches, over all of Unicode: seeding one for the other changes
    nothing that PyYAML's pure-Python reader or mlpath's error message decides."""
    import re

    from mlpath.yamlio import _NOT_PRINTABLE, _PYYAML_NOT_PRINTABLE

    everything = "".join(map(chr, range(0x110000)))
    assert (re.findall(_NOT_PRINTABLE, everything)
            == re.findall(_PYYAML_NOT_PRINTABLE, everything))
    # 2,048 surrogates, 61 C0/C1 controls (tab, line feed, return and NEL allowed), U+FFFE/F
    assert len(re.findall(_NOT_PRINTABLE, everything)) == 2048 + 61 + 2


SEEDED = """
import sys
import mlpath.yamlio as y
y._yaml()
import yaml.reader
sys.stdout.write(ascii(yaml.reader.Reader.NON_PRINTABLE.pattern))
"""
PLAIN = ("import sys, yaml.reader; "
         "sys.stdout.write(ascii(yaml.reader.Reader.NON_PRINTABLE.pattern))")


def test_pyyaml_is_imported_without_compiling_its_reader_class() -> None:
    """The seed takes (on every Python version CI runs), and PyYAML still spells its class
    as ``_PYYAML_NOT_PRINTABLE``: if a PyYAML release changes it, this fails rather than
    start-up quietly paying 3 ms again (DESIGN §7)."""
    import subprocess
    import sys

    from mlpath.yamlio import _NOT_PRINTABLE, _PYYAML_NOT_PRINTABLE

    def pattern(code: str) -> str:
        return subprocess.run([sys.executable, "-c", code], capture_output=True,
                              text=True, check=True).stdout

    assert pattern(PLAIN) == ascii(_PYYAML_NOT_PRINTABLE)
    assert pattern(SEEDED) == ascii(_NOT_PRINTABLE)


def test_positions_found_later_are_the_same_positions() -> None:
    """``load`` leaves positions out while it parses (a team reads thousands of files)
    and finds them when first asked: the same lines, columns and written text as a
    parse that records them, and problems raised with their lines at once."""
    text = "name: Ada\nskills:\n  python: 4\n  sql: '3'\nmilestones: [a, b]\n"
    lazy, eager = load(text, "me.yaml"), load_yaml(text, "me.yaml")
    assert lazy.value == eager.value
    assert not lazy.marks  # nothing recorded yet
    paths: list[tuple[str | int, ...]] = [("skills", "sql"), ("milestones", 1), ("name",),
                                         ("nowhere", "x")]
    for path in paths:
        assert lazy.where(path) == eager.where(path)
        assert lazy.where(path, key=True) == eager.where(path, key=True)
    assert lazy.raw_text(("skills", "python")) == "4"
    assert lazy.raw_text(("skills", "sql")) == "3"
    assert lazy.where(("skills", "sql")) == (4, 8)
    assert problems("a: 1\nb: 2\na: 3\n") == [
        "f.yaml:3:1: duplicate key 'a' (first written at line 1)"]
    assert problems("a: !!binary aGk=\n")[0].startswith("f.yaml:1:4: ")
