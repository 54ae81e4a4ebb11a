"""The width matrix: every view at 30 to 200 columns keeps its content whole.

Decoration (bars, timelines) gives way first; a URL is never folded; a skill name never
breaks inside a word at 40 columns and up; piped output has no trailing spaces.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import Run

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")
PERSONAS = str(Path(__file__).parent / "data" / "personas")
TEAM = str(Path(__file__).parent / "data" / "team")
BAR = re.compile("[█░]")
WIDTHS = [30, 40, 60, 80, 120, 200]
HISTORY = """name: Ada
target: ml-engineer:mid
skills: {python: 4, sql: 3, ml-fundamentals: 3}
history:
  - date: "2025-01-10"
    skills: {python: 2}
  - date: "2025-06-01"
    skills: {python: 3, sql: 2}
"""


def urls(value: object) -> list[str]:
    if isinstance(value, dict):
        return [u for k, v in value.items() for u in
                ([v] if k == "url" and isinstance(v, str) else urls(v))]
    if isinstance(value, list):
        return [u for v in value for u in urls(v)]
    return []


def check_common(text: str, width: int) -> None:
    lines = text.splitlines()
    assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
    too_long = [line for line in lines
                if len(line) > width and not line.lstrip().startswith("https://")]
    assert not too_long, too_long


def whole_words(text: str, names: list[str], width: int) -> None:
    if width < 40:
        return
    for name in names:
        for word in name.split():
            if len(word) > 2:
                assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text), (name, word)
    broken = split_words(text, names)
    assert not broken, (broken, text)


def split_words(text: str, names: list[str]) -> set[str]:
    """The words of ``names`` that ``text`` folds inside the word: one part ends a line and
    the rest starts the next line at the same column ("Experimentatio" / "n"). A word
    found whole elsewhere in the view does not hide a folded copy in a table."""
    lines = text.splitlines()
    words = {w for name in names for w in name.split() if len(w) > 2}
    found = set()
    for above, below in pairwise(lines):
        for word in words:
            for k in range(1, len(word)):
                head, tail = word[:k], word[k:]
                for m in re.finditer(rf"(?<!\S){re.escape(head)}(?!\S)", above):
                    at = m.start()
                    if (below[at:at + len(tail)] == tail and below[at - 1:at].strip() == ""
                            and not below[at + len(tail):at + len(tail) + 1].strip()):
                        found.add(word)
    return found


def test_the_split_check_sees_a_folded_word() -> None:
    folded = "Docker        3\nExperimentatio 2\nn and A/B\ntesting\nExperimentation"
    assert split_words(folded, ["Experimentation and A/B testing"]) == {"Experimentation"}
    wrapped = "Docker           3\nExperimentation  2\nand A/B testing"
    assert split_words(wrapped, ["Experimentation and A/B testing"]) == set()


def whole_urls(text: str, expected: list[str]) -> None:
    lines = {line.strip() for line in text.splitlines()}
    for url in expected:
        assert url in lines, url


@pytest.mark.parametrize("width", WIDTHS)
def test_assess(run: Run, width: int) -> None:
    out = run("assess", "-p", ADA, env={"COLUMNS": str(width)})
    data = json.loads(run("assess", "-p", ADA, "--json").stdout)
    assert out.code == 0, out
    check_common(out.stdout, width)
    for column in ("Skill", "Have", "Need", "Status", "Top gaps", "Next step"):
        assert column in out.stdout, column
    whole_urls(out.stdout, urls(data["gaps"][:5]))
    whole_words(out.stdout, [s["name"] for s in data["skills"]], width)
    assert f"{data['readiness']:.1f}%" in out.stdout


@pytest.mark.parametrize("width", WIDTHS)
def test_plan(run: Run, width: int) -> None:
    out = run("plan", "-p", ADA, env={"COLUMNS": str(width)})
    data = json.loads(run("plan", "-p", ADA, "--json").stdout)
    assert out.code == 0, out
    check_common(out.stdout, width)
    if width >= 40:  # a table that keeps its Step column, or (when a step's longest word
        # would not fit that column) a list that gives each step a line of its own
        table = all(column in out.stdout for column in ("Step", "Hours", "When"))
        assert table or all(f"Step {i}: " in out.stdout for i in range(1, len(data["steps"]))), out
    for step in data["steps"]:  # what to learn, and how long: never cut
        assert f"{step['hours']:g} h" in out.stdout, step
    whole_words(out.stdout, [s["name"] for s in data["steps"]], width)
    assert "weeks 1–6" in out.stdout or "week 1" in out.stdout


@pytest.mark.parametrize("width", WIDTHS)
def test_progress(run: Run, width: int, tmp_path: Path) -> None:
    (tmp_path / "me.yaml").write_text(HISTORY)
    out = run("progress", "-p", str(tmp_path / "me.yaml"), env={"COLUMNS": str(width)})
    data = json.loads(run("progress", "-p", str(tmp_path / "me.yaml"), "--json").stdout)
    assert out.code == 0, out
    check_common(out.stdout, width)
    for point in data["points"]:  # the dates and the numbers are the content
        assert re.search(rf"{re.escape(point['date'])} .*{point['readiness']:.1f}%",
                         out.stdout), point


@pytest.mark.parametrize("width", [*WIDTHS, 50])  # 50: bars kept while names wrapped
def test_match(run: Run, width: int) -> None:
    out = run("match", "-p", ADA, env={"COLUMNS": str(width)})
    data = json.loads(run("match", "-p", ADA, "--json").stdout)
    assert out.code == 0, out
    check_common(out.stdout, width)
    for m in data["matches"]:
        assert f"{m['readiness']:.1f}%" in out.stdout
    whole_words(out.stdout, [m["name"] for m in data["matches"]], width)
    if BAR.search(out.stdout):  # the bars are decoration: they go before a name wraps
        lines = out.stdout.splitlines()
        for m in data["matches"]:
            assert any(re.search(rf"(?<!\S){re.escape(m['name'])}(?!\S)", line)
                       for line in lines), (m["name"], out.stdout)


@pytest.mark.parametrize("width", [*WIDTHS, 88, 106])
@pytest.mark.parametrize("args", [(PERSONAS,), (TEAM,), (TEAM, "--role", "ml-engineer:mid")],
                         ids=["personas", "team", "team-mid"])
def test_team(run: Run, width: int, args: tuple[str, ...]) -> None:
    # 88 and 106: where the heatmap of twelve and of seventeen people first came back
    # while it still left the Skill column too narrow for "Experimentation".
    out = run("team", *args, env={"COLUMNS": str(width)})
    data = json.loads(run("team", *args, "--json").stdout)
    assert out.code == 0, out
    check_common(out.stdout, width)
    for column in ("Skill", "Need", "Short"):
        assert column in out.stdout, column
    whole_urls(out.stdout, urls(data["top_gaps"]))
    whole_words(out.stdout, [s["name"] for s in data["skills"]], width)


@pytest.mark.parametrize("width", WIDTHS)
def test_skills_show(run: Run, width: int) -> None:
    out = run("skills", "show", "mlops", env={"COLUMNS": str(width)})
    data = json.loads(run("skills", "show", "mlops", "--json").stdout)
    assert out.code == 0, out
    check_common(out.stdout, width)
    whole_urls(out.stdout, urls(data["resources"]))
    for text in data["rubric"].values():
        assert " ".join(text.split()[:2]) in " ".join(out.stdout.split())


@pytest.mark.parametrize("width", WIDTHS)
def test_roles(run: Run, width: int) -> None:
    out = run("roles", env={"COLUMNS": str(width)})
    data = json.loads(run("roles", "--json").stdout)
    assert out.code == 0, out
    check_common(out.stdout, width)
    for role in data:
        if width >= 40:
            assert role["id"] in out.stdout
        for level, band in role["salary_usd"].items():
            if band:  # a level and its band stay together on one line
                assert re.search(rf"\b{level} \$", out.stdout), (role["id"], level)


EVIDENCE_REPO = {
    ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
                                "    steps:\n      - run: kubectl apply -f deploy\n",
    "infra/main.tf": 'provider "aws" {}\n',
    "Dockerfile": "FROM python:3.12\nCMD uvicorn app:app\n",
    "services/model_serving/inference_application_entrypoint.py":
        "from fastapi import FastAPI\nimport torch\napp = FastAPI()\n"
        "class Net(torch.nn.Module):\n    pass\n",
}


@pytest.mark.parametrize("width", [40, 80, 120])
def test_evidence(run: Run, width: int, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    for name, text in EVIDENCE_REPO.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    (tmp_path / "me.yaml").write_text("skills: {python: 3}\n", encoding="utf-8")
    args = ("evidence", "--profile", str(tmp_path / "me.yaml"), str(repo))
    out = run(*args, env={"COLUMNS": str(width)})
    data = json.loads(run(*args, "--json").stdout)
    assert out.code == 0, out
    files = {str(Path(f).relative_to(repo)) for p in data["proposals"] for f in p["files"]}
    assert ".github/workflows/ci.yml" in files  # folded at 80 columns once
    lines = out.stdout.splitlines()
    assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
    # a file is never folded: each on a line of its own, whole, even past the edge
    stripped = {line.strip() for line in lines}
    assert files <= stripped, files - stripped
    too_long = [line for line in lines if len(line) > width and line.strip() not in files]
    assert not too_long, too_long
    # skill names ("CI/CD, Linux and infrastructure as code") wrap at words, never inside
    whole_words(out.stdout, [p["name"] for p in data["proposals"]], width)
