"""Strings from data are shown literally: no markup interpreted, no control characters sent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run

NASTY = r"[bold red]x[/] [/nope] \e]0;pwned\a \e[2J \x9b31m"
NASTY_TEXT = "[bold red]x[/] [/nope] \x1b]0;pwned\x07 \x1b[2J \x9b31m"


@pytest.fixture
def hostile_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "skills.yaml").write_text(f'''skills:
  - id: evil-skill
    name: "{NASTY}"
    category: evil
    description: "{NASTY}"
    rubric: {{3: "{NASTY}"}}
    resources:
      - title: "{NASTY}"
        url: "https://example.com/%1b[2J"
        kind: docs
        cost: free
''')
    (pack / "evil-role.yaml").write_text(f'''id: evil-role
name: "{NASTY}"
summary: "{NASTY}"
responsibilities: ["{NASTY}"]
levels:
  - id: mid
    title: "{NASTY}"
    years: {{min: 0}}
    salary_usd: {{min: 1, max: 2, source: "{NASTY}"}}
    requirements: {{evil-skill: 3, python: 2}}
''')
    (tmp_path / "me.yaml").write_text(f'name: "{NASTY}"\ntarget: evil-role\nskills:\n'
                                      f'  python: 1\nevidence:\n  python: "{NASTY}"\n')
    return pack


COMMANDS = [
    ["roles"], ["roles", "show", "evil-role"], ["skills"], ["skills", "show", "evil-skill"],
    ["assess", "-p", "{me}"], ["assess", "-p", "{me}", "--explain"],
    ["assess", "-p", "{me}", "--format", "markdown"], ["match", "-p", "{me}"], ["milestones"],
    ["plan", "-p", "{me}"], ["plan", "-p", "{me}", "--format", "markdown"],
    ["diff", "{me}", "{me}"], ["progress", "-p", "{me}"], ["team", "{me}"],
    ["team", "{me}", "--format", "csv"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_markup_or_control_characters_reach_the_terminal(run: Run, hostile_pack: Path,
                                                            args: list[str]) -> None:
    me = str(hostile_pack.parent / "me.yaml")
    result = run("--roles-dir", str(hostile_pack), *[a.format(me=me) for a in args])
    assert result.code == 0, result
    for stream in (result.stdout, result.stderr):
        assert not any(c in stream for c in "\x1b\x07\x9b"), repr(stream)
    if args in (["roles"], ["skills"], ["milestones"]) or args[0] in ("diff", "progress"):
        return  # the hostile text is in no column these show
    if "markdown" in args:  # shown literally by Markdown's own escapes (render/escape.py)
        assert r"\[bold red\]x\[/\] \[/nope\]" in result.stdout
    else:
        assert "[bold red]x[/] [/nope]" in result.stdout


@pytest.mark.parametrize("args", [["roles", "--json"], ["roles", "show", "evil-role", "--json"],
                                  ["skills", "show", "evil-skill", "--json"],
                                  ["assess", "-p", "{me}", "--json"],
                                  ["plan", "-p", "{me}", "--json"], ["team", "{me}", "--json"],
                                  ["team", "{me}", "--jsonl"]])
def test_json_stays_exact_and_valid(run: Run, hostile_pack: Path, args: list[str]) -> None:
    me = str(hostile_pack.parent / "me.yaml")
    result = run("--roles-dir", str(hostile_pack), *[a.format(me=me) for a in args])
    assert result.code == 0, result
    assert not any(c in result.stdout for c in "\x1b\x07\x9b")
    assert NASTY_TEXT in strings(json.loads(result.stdout))


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def test_problems_quoting_hostile_text_are_escaped(run: Run, tmp_path: Path) -> None:
    (tmp_path / "me.yaml").write_text('skills: {}\n"\\e]0;pwned\\a": 1\n')
    result = run("assess", "-p", str(tmp_path / "me.yaml"))
    assert result.code == 1
    assert "\x1b" not in result.stderr and "\\x1b]0;pwned" in result.stderr


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"COLUMNS": "30"}])
def test_odd_terminals(env: dict[str, str]) -> None:
    profile = Path(__file__).parent / "data" / "personas" / "analyst.yaml"
    for args in (["assess", "-p", str(profile)], ["roles"], ["roles", "show", "head-of-ml"]):
        result = subprocess.run([sys.executable, "-m", "mlpath", *args], capture_output=True,
                                text=True, env={**os.environ, **env}, check=False)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout
        if "COLUMNS" in env:
            assert max(len(line) for line in result.stdout.splitlines()  # URLs run past
                       if not line.lstrip().startswith("https://")) <= 30
