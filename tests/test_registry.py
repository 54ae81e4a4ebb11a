"""The renderer registry: every (kind, format) renders real output, flags that disagree are
usage errors, --output works for every report command, and the help is readable."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import Run
from mlpath.render import registry
from test_html import HISTORY, Outline

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")
PERSONAS = Path(__file__).parent / "data" / "personas"
ANALYST = str(PERSONAS / "analyst.yaml")

# The command line that makes each kind of result. A kind added to the registry without
# a line here fails test_every_kind_has_a_sample, so every view gets tested.
COMMANDS: dict[str, list[str]] = {
    "report": ["assess", "-p", ADA],
    "match": ["match", "-p", ADA, "--top", "4"],
    "plan": ["plan", "-p", ADA],
    "diff": ["diff", ANALYST, ADA, "--role", "ml-engineer:mid"],
    "progress": ["progress", "-p", "{history}"],
    "team": ["team", str(PERSONAS), "--role", "ml-engineer:mid"],
    "whatif": ["whatif", "-p", ADA, "--set", "docker=3", "--set", "kubernetes=2"],
}
VIEWS = [(kind, fmt) for kind in registry.KINDS for fmt in registry.formats(kind)]
FILES = [(kind, ext) for kind in registry.KINDS for ext in registry.extensions(kind)]


def command(kind: str, tmp_path: Path) -> list[str]:
    history = tmp_path / "history.yaml"
    history.write_text(HISTORY)
    return [a.replace("{history}", str(history)) for a in COMMANDS[kind]]


def check(fmt: str, text: str) -> None:
    """``text`` is real output of ``fmt``, read back by a parser where there is one."""
    assert text.strip(), fmt
    if fmt == "json":
        value = json.loads(text)
        assert value["schema_version"]
    elif fmt == "markdown":
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
        assert any(t.type in ("table_open", "bullet_list_open", "ordered_list_open")
                   for t in tokens), text
    elif fmt == "html":
        outline = Outline()
        outline.feed(text)
        assert text.startswith("<!DOCTYPE html>")
        assert outline.title.startswith("mlpath"), outline.title
        assert not outline.fetching, outline.fetching
        assert {"main", "h1"} <= set(outline.tags)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 1 and len({len(r) for r in rows}) == 1
    elif fmt == "svg":
        assert "<svg" in text and "@font-face" not in text
    elif fmt == "txt":
        assert "\x1b" not in text
        assert all(line == line.rstrip(" ") for line in text.splitlines())
    else:  # the live table, drawn for a pipe
        assert "\x1b" not in text


def test_every_kind_has_a_sample() -> None:
    assert set(COMMANDS) == set(registry.KINDS)


@pytest.mark.parametrize(("kind", "fmt"), VIEWS, ids=[f"{k}-{f}" for k, f in VIEWS])
def test_every_view_renders_real_output(run: Run, tmp_path: Path, kind: str, fmt: str
                                        ) -> None:
    result = run(*command(kind, tmp_path), "--format", fmt)
    assert result.code == 0, result
    check(fmt, result.stdout)


@pytest.mark.parametrize(("kind", "ext"), FILES, ids=[f"{k}{e}" for k, e in FILES])
def test_output_file_by_extension(run: Run, tmp_path: Path, kind: str, ext: str) -> None:
    target = tmp_path / f"out{ext}"
    args = command(kind, tmp_path)
    result = run(*args, "--output", str(target))
    assert result.code == 0, result
    assert result.stdout == "" and f"wrote {registry.what(kind)} to {target}" in result.stderr
    check(registry.EXTENSIONS[ext], target.read_text())
    again = run(*args, "--output", str(target))
    assert again.code == 1 and "--force" in again.stderr, again  # never over a file unasked
    assert run(*args, "--output", str(target), "--force").code == 0


def test_output_dash_is_standard_output(run: Run, tmp_path: Path) -> None:
    result = run(*command("plan", tmp_path), "-o", "-", "--format", "md")
    assert result.code == 0, result
    assert result.stdout.startswith("# Learning plan")


def test_md_is_markdown_and_a_file_without_extension_takes_format(run: Run, workdir: Path
                                                                  ) -> None:
    assert run("match", "-p", ADA, "-f", "md").stdout == \
        run("match", "-p", ADA, "-f", "markdown").stdout
    result = run("match", "-p", ADA, "-o", "ranking", "--format", "html")
    assert result.code == 0, result
    assert (workdir / "ranking").read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("args", [
    ["assess", "-p", ADA, "--format", "markdown", "--json"],
    ["assess", "-p", ADA, "--output", "r.md", "--json"],
    ["assess", "-p", ADA, "--output", "r.html", "--format", "markdown"],
    ["team", str(PERSONAS), "--json", "--format", "csv"],
    ["plan", "-p", ADA, "--format", "csv"],
    ["match", "-p", ADA, "--format", "yaml"],
    ["progress", "-p", ADA, "--output", "p.pdf"],
    ["diff", ANALYST, ADA, "--output", "d.csv"],
], ids=["md+json", "out.md+json", "out.html+md", "team-json+csv", "plan-csv", "yaml",
        "pdf", "diff-csv"])
def test_conflicting_or_unknown_choices_are_usage_errors(run: Run, workdir: Path,
                                                         args: list[str]) -> None:
    result = run(*args)
    assert result.code == 2, result
    assert result.stdout == ""
    assert "markdown" in result.stderr and "html" in result.stderr, result  # the valid ones
    assert not list(workdir.iterdir())  # nothing was written


def test_jsonl_streams_alone(run: Run) -> None:
    for extra in (["--format", "csv"], ["--json"], ["--output", "t.json"]):
        result = run("team", str(PERSONAS), "--jsonl", *extra)
        assert result.code == 2 and "--jsonl" in result.stderr, result


def test_the_help_lists_the_registry_formats(run: Run) -> None:
    for kind, args in COMMANDS.items():
        text = " ".join(run(args[0], "--help").stdout.split())
        assert ", ".join(registry.formats(kind)) in text, kind


def help_text(*args: str, columns: int = 80) -> str:
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "mlpath", *args, "--help"], env=env,
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("args", [[], ["assess"], ["team"], ["plan"]])
def test_help_is_plain_text_when_piped(args: list[str]) -> None:
    text = help_text(*args)
    assert "\x1b" not in text
    assert not re.search("[\u2500-\u257f]", text)  # no box drawing
    assert text.startswith("Usage: mlpath")


@pytest.mark.parametrize("args", [["assess"], ["plan"], ["team"], ["match"], ["diff"]])
def test_help_at_40_columns_keeps_option_names_whole(args: list[str]) -> None:
    text = help_text(*args, columns=40)
    assert max(len(line) for line in text.splitlines()) <= 40, text
    assert "…" not in text
    names = {"assess": ["--profile", "--fail-under", "--output"],
             "plan": ["--hours-per-week", "--format"], "team": ["--jsonl", "--role"],
             "match": ["--top"], "diff": ["--output"]}[args[0]]
    for name in names:
        assert re.search(rf"(^|\s){re.escape(name)}\b", text), name


def test_docstring_lines_are_reflowed() -> None:
    text = help_text("team", columns=200)
    assert "holds one JSON profile per line" in text
    assert "exit code is then 1" in text


def test_readable_metavars() -> None:
    assert "Usage: mlpath diff [OPTIONS] OLD NEW" in help_text("diff")
    assert "Usage: mlpath team [OPTIONS] PATH..." in help_text("team")
    match = help_text("match", columns=100)
    assert re.search(r"--top N\b", match), match
    assert "int range" not in match and "x>=1" not in match
    assert "--role ROLE[:LEVEL]" in help_text("assess", columns=100)
    for args in (["diff"], ["team"], ["schema"]):
        text = help_text(*args, columns=100)
        assert "{" not in text.split("\n")[0] and "<str>" not in text, text


def test_top_below_one_is_a_usage_error(run: Run) -> None:
    result = run("match", "-p", ADA, "--top", "0")
    assert result.code == 2 and "1 or more" in result.stderr, result


def test_the_registry_imports_nothing_heavy() -> None:
    probe = ("import sys, mlpath.render.registry, mlpath.commands.output, mlpath.cli.formats;"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'yaml'}))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_every_registered_renderer_exists() -> None:
    for kind in registry.KINDS:
        for fmt in registry.formats(kind):
            assert callable(registry.renderer(kind, fmt)), (kind, fmt)
