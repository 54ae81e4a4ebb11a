"""The Markdown reports, read by a real CommonMark parser (markdown-it-py)."""

from __future__ import annotations

import json
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from conftest import Run

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")
ANALYST = str(Path(__file__).parent / "data" / "personas" / "analyst.yaml")


def tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def test_every_gap_keeps_its_resources_past_item_ten(run: Run) -> None:
    md = run("assess", "-p", ADA, "--format", "markdown")
    data = json.loads(run("assess", "-p", ADA, "--json").stdout)
    assert md.code == 0 and len(data["gaps"]) >= 10, md
    toks = tokens(md.stdout)
    # One ordered list for all the gaps: it must not restart at 10 (ecosystem review P2).
    opens = [t for t in toks if t.type == "ordered_list_open"]
    assert len(opens) == 1, [t.attrs for t in opens]
    first = toks.index(opens[0])
    last = next(i for i, t in enumerate(toks) if t.type == "ordered_list_close")
    items = [i for i in range(first, last)
             if toks[i].type == "list_item_open" and toks[i].level == toks[first].level + 1]
    assert len(items) == len(data["gaps"])
    # Each gap's resource links sit inside its own item, in order.
    ends = [*items[1:], last]
    for gap, start, end in zip(data["gaps"], items, ends, strict=True):
        links = [c.attrs["href"] for t in toks[start:end] if t.children
                 for c in t.children if c.type == "link_open"]
        assert links == [r["url"] for r in gap["resources"] if r["url"]], gap["name"]


def test_learn_first_names_skills_not_ids(run: Run, workdir: Path) -> None:
    result = run("assess", "-p", ADA, "-o", "r.md")
    assert result.code == 0, result
    text = (workdir / "r.md").read_text()
    assert "learn Docker first" in text and "learn Calculus and optimisation first" in text
    assert "learn docker first" not in text and "calculus-optimization" not in text


def test_tables_parse_with_one_cell_per_column(run: Run) -> None:
    md = run("assess", "-p", ANALYST, "--format", "markdown")
    toks = tokens(md.stdout)
    rows: list[int] = []
    count = 0
    for t in toks:
        if t.type == "tr_open":
            count = 0
        elif t.type in ("td_open", "th_open"):
            count += 1
        elif t.type == "tr_close":
            rows.append(count)
    assert rows and set(rows) <= {6, 3}, rows


def test_readiness_has_one_number_format(run: Run) -> None:
    md = run("assess", "-p", ADA, "--format", "markdown").stdout
    readiness = json.loads(run("assess", "-p", ADA, "--json").stdout)["readiness"]
    assert f"**Readiness:** {readiness:.1f}%" in md
    for line in md.splitlines():
        if line.startswith("| ") and line.endswith("% |"):
            assert line.rsplit("|", 2)[-2].strip()[-3] == ".", line  # one decimal


def test_plan_markdown_parses_as_one_checklist(run: Run) -> None:
    md = run("plan", "-p", ADA, "--format", "markdown")
    data = json.loads(run("plan", "-p", ADA, "--json").stdout)
    toks = tokens(md.stdout)
    top = [t for t in toks if t.type == "list_item_open" and t.level == 1]
    assert len(top) == len(data["steps"])
    hrefs = {c.attrs["href"] for t in toks if t.children for c in t.children
             if c.type == "link_open"}
    assert {r["url"] for s in data["steps"] for r in s["resources"] if r["url"]} <= hrefs


def test_one_year_is_singular_in_every_header(run: Run, tmp_path: Path) -> None:
    from mlpath.render.text import years_of

    assert [years_of(v) for v in (1, 1.04, 0.5, 2, 4)] == [
        "1 year", "1 year", "0.5 years", "2 years", "4 years"]
    me = tmp_path / "me.yaml"
    me.write_text("name: Bo\nyears_experience: 1\ntarget: ml-engineer\nskills: {python: 2}\n",
                  encoding="utf-8")
    table = run("assess", "--profile", str(me)).stdout
    assert "Bo · 1 year " in table and "1 years" not in table
    md = run("assess", "--profile", str(me), "--format", "markdown").stdout
    assert "- **Experience:** 1 year\n" in md
    page = tmp_path / "r.html"
    run("assess", "--profile", str(me), "--output", str(page))
    html = page.read_text(encoding="utf-8")
    assert "1 year<" in html and "1 years" not in html
