"""Evidence in the profile: read as a string or a list, saved by editing lines (comments
kept), and shown beside each rating in the assess JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run
from mlpath.errors import ProblemsError
from mlpath.evidence.save import EditError, add_evidence, save_evidence
from mlpath.model import Catalog
from mlpath.profile import parse_profile

COMMENTED = """\
# yaml-language-server: $schema=profile.schema.json
# Ada's profile -- keep these notes!
name: "Ada"
years_experience: 4   # since the PhD
skills:
  # programming
  python: 4  # Python
  sql: 3
evidence:
  # links first
  python: https://github.com/ada/churn-model  # the big one
  sql:
    - https://github.com/ada/queries
    # more to come
  docker: ["notes/docker.md", "https://hub.docker.com/u/ada"]  # images

milestones: [end-to-end-project]   # done in 2024
"""


def test_evidence_is_a_string_or_a_list(catalog: Catalog) -> None:
    profile = parse_profile(COMMENTED, "me.yaml", catalog)
    assert profile.evidence == {
        "python": ("https://github.com/ada/churn-model",),
        "sql": ("https://github.com/ada/queries",),
        "docker": ("notes/docker.md", "https://hub.docker.com/u/ada"),
    }


@pytest.mark.parametrize(("value", "message"), [
    ("[]", "me.yaml:2:20: evidence.python: needs at least 1 item(s)"),
    ("[1]", "me.yaml:2:21: evidence.python[0]: expected text, got the number 1; YAML "
             'reads 1 as a number: quote it ("1")'),
    ("{a: b}", "me.yaml:2:20: evidence.python: expected a link, a local path or "
               "a note, or a list of them, got a mapping"),
    ("[" + ", ".join(["x"] * 51) + "]",
     "me.yaml:2:20: evidence.python: has 51 items; mlpath reads at most 50"),
    ('"' + "x" * 1001 + '"', "me.yaml:2:20: evidence.python: longer than 1000 characters"),
])
def test_evidence_is_bounded(catalog: Catalog, value: str, message: str) -> None:
    with pytest.raises(ProblemsError) as caught:
        parse_profile(f"skills: {{}}\nevidence: {{python: {value}}}\n", "me.yaml", catalog)
    assert caught.value.lines() == [message]


def test_adding_keeps_every_other_line(catalog: Catalog) -> None:
    edited = add_evidence(COMMENTED, {"python": ["/w/train.py"], "sql": ["/w/q.sql"],
                                      "docker": ["/w/Dockerfile"],
                                      "pytorch": ["/w/a.py", "/w/b.py"]})
    assert edited == COMMENTED.replace(
        "  python: https://github.com/ada/churn-model  # the big one\n",
        "  python:\n    - https://github.com/ada/churn-model  # the big one\n"
        '    - "/w/train.py"\n').replace(
        "    - https://github.com/ada/queries\n",
        '    - https://github.com/ada/queries\n    - "/w/q.sql"\n').replace(
        '"https://hub.docker.com/u/ada"]', '"https://hub.docker.com/u/ada", "/w/Dockerfile"]'
    ).replace("  # images\n", '  # images\n  pytorch:\n    - "/w/a.py"\n    - "/w/b.py"\n')
    back = parse_profile(edited, "me.yaml", catalog)
    assert back.evidence["python"] == ("https://github.com/ada/churn-model", "/w/train.py")
    assert back.evidence["pytorch"] == ("/w/a.py", "/w/b.py")
    assert back.skills == {"python": 4, "sql": 3}


def test_a_profile_without_evidence_gains_the_section_at_the_end() -> None:
    text = "skills:\n  python: 2  # self-taught\n# the end\n"
    assert add_evidence(text, {"python": ["/w/a.py"]}) == text + 'evidence:\n  python: "/w/a.py"\n'
    # no final newline, and Windows line ends, are kept as they are
    assert add_evidence("skills: {python: 2}", {"sql": ["q"]}) == (
        'skills: {python: 2}\nevidence:\n  sql: "q"\n')
    crlf = "skills:\r\n  python: 2\r\nevidence: {}  # none yet\r\n"
    assert add_evidence(crlf, {"sql": ["q"]}) == (
        'skills:\r\n  python: 2\r\nevidence:  # none yet\r\n  sql: "q"\r\n')


def test_forms_that_cannot_be_edited_are_refused() -> None:
    with pytest.raises(EditError):
        add_evidence("skills: {}\nevidence: {python: a}\n", {"python": ["b"]})
    with pytest.raises(EditError):
        add_evidence("skills: {}\nevidence:\n  python: >\n    folded\n", {"python": ["b"]})


def profile_file(tmp_path: Path, text: str = COMMENTED) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_save_adds_only_what_is_new(tmp_path: Path, catalog: Catalog) -> None:
    path = profile_file(tmp_path)
    added = save_evidence(str(path), {"python": ["https://github.com/ada/churn-model",
                                                 "/w/a.py", "/w/a.py"]}, catalog)
    assert added == {"python": ["/w/a.py"]}
    once = path.read_text()
    assert save_evidence(str(path), {"python": ["/w/a.py"]}, catalog) == {}
    assert path.read_text() == once


def test_save_stops_at_the_limit_of_items(tmp_path: Path, catalog: Catalog) -> None:
    path = profile_file(tmp_path, "skills: {}\n")
    added = save_evidence(str(path), {"sql": [f"/q{i}.sql" for i in range(60)]}, catalog)
    assert len(added["sql"]) == 50
    assert len(parse_profile(path.read_text(), "me.yaml", catalog).evidence["sql"]) == 50


def test_save_refuses_and_writes_nothing_when_the_edit_would_change_meaning(
        tmp_path: Path, catalog: Catalog) -> None:
    # An indented top level is valid YAML, but a line-based edit would break it.
    text = "  skills: {python: 2}\n  name: Ada\n"
    path = profile_file(tmp_path, text)
    with pytest.raises(EditError, match="nothing was written"):
        save_evidence(str(path), {"python": ["/w/a.py"]}, catalog)
    assert path.read_text() == text


def test_save_edits_a_json_profile(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "me.json"
    path.write_text('{"skills": {"python": 2}, "evidence": {"python": "https://x.org"}}')
    save_evidence(str(path), {"python": ["/w/a.py"], "sql": ["/w/q.sql"]}, catalog)
    assert json.loads(path.read_text())["evidence"] == {"python": ["https://x.org", "/w/a.py"],
                                                        "sql": ["/w/q.sql"]}


def test_the_command_saves_and_keeps_comments(tmp_path: Path, run: Run,
                                              catalog: Catalog) -> None:
    repo = tmp_path / "repo"
    (repo / "queries").mkdir(parents=True)
    (repo / "queries" / "a.sql").write_text("SELECT 1 FROM t;\n")
    (repo / "README.md").write_text("We use Docker.\n")  # low: not saved by default
    path = profile_file(tmp_path)
    result = run("evidence", "--profile", str(path), str(repo), "--save")
    assert result.code == 0, result
    assert "Added 1 item of evidence for 1 skill" in result.stdout
    after = path.read_text()
    assert after == COMMENTED.replace(
        "    - https://github.com/ada/queries\n",
        f'    - https://github.com/ada/queries\n    - "{repo}/queries/a.sql"\n')
    again = run("evidence", "--profile", str(path), str(repo), "--save", "--json")
    assert json.loads(again.stdout)["saved"] == {}
    assert path.read_text() == after
    low = run("evidence", "--profile", str(path), str(repo), "--save", "--min-confidence", "low")
    assert low.code == 0, low
    assert parse_profile(path.read_text(), "me.yaml", catalog).evidence["docker"] == (
        "notes/docker.md", "https://hub.docker.com/u/ada", f"{repo}/README.md")


def test_the_command_cannot_save_to_stdin(tmp_path: Path, run: Run) -> None:
    result = run("evidence", "--profile", "-", str(tmp_path), "--save", input="skills: {}\n")
    assert (result.code, result.stderr) == (
        2, "mlpath: error: --save adds to the profile file; it cannot write to standard "
        "input\n")


def test_assess_json_shows_evidence_beside_each_rating(tmp_path: Path, run: Run) -> None:
    path = profile_file(tmp_path)
    result = run("assess", "--profile", str(path), "--role", "data-scientist", "--json")
    assert result.code == 0, result
    rows = {row["id"]: row["evidence"] for row in json.loads(result.stdout)["skills"]}
    assert rows["python"] == ["https://github.com/ada/churn-model"]
    assert rows["sql"] == ["https://github.com/ada/queries"]
    assert rows["ml-fundamentals"] == []
