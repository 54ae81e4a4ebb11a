"""Output defects a stranger found (issue 15, second pass): one number format for a
change in readiness in every view, and the HTML report's radar, coverage note and
milestone marks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from conftest import Run

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")
# A readiness change: signed with one decimal, or 0.0 when nothing moved.
CHANGE = re.compile(r"[+-]\d+\.\d|0\.0")


def write(path: Path, data: dict[str, object]) -> str:
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


def test_a_readiness_change_has_one_format_in_every_view(run: Run, tmp_path: Path) -> None:
    # SQL counts for the data scientist, not for the AI engineer (mid): one row moves,
    # one does not. Kubernetes is rated for the first time.
    old = write(tmp_path / "old.yaml", {"name": "Ann", "skills": {"python": 2, "sql": 2}})
    new = write(tmp_path / "new.yaml", {"name": "Ann", "skills": {"python": 2, "sql": 3,
                                                                  "kubernetes": 1}})
    data = json.loads(run("diff", old, new, "--json").stdout)
    changes = [r["change"] for r in data["roles"]]
    assert 0 in changes and any(c > 0 for c in changes), changes  # both kinds are shown

    table = run("diff", old, new, env={"COLUMNS": "120"}).stdout
    rows = table[table.index("Readiness"):].splitlines()[2:]
    assert len(rows) == len(changes), rows
    for row, value in zip(rows, changes, strict=True):
        cell = row.split()[-1]
        assert CHANGE.fullmatch(cell) and float(cell) == value, row
    assert any(row.split()[-1] == "0.0" for row in rows)

    md = run("diff", old, new, "--format", "markdown").stdout
    md_rows = md[md.index("## Readiness"):].splitlines()[4:]
    cells = [line.rstrip(" |").rsplit("| ", 1)[-1] for line in md_rows if line.startswith("|")]
    assert len(cells) == len(changes) and all(CHANGE.fullmatch(c) for c in cells), cells

    page = run("diff", old, new, "--format", "html").stdout
    section = page[page.index("<h2>Readiness</h2>"):]
    html_cells = re.findall(r'<td class="num[^"]*">([^<]*)</td></tr>', section)
    assert len(html_cells) == len(changes) and all(CHANGE.fullmatch(c) for c in html_cells)

    # A skill level stays a whole number: SQL 2 -> 3 is +1, Kubernetes is new at 1.
    assert "new +1" in md and re.search(r"\| SQL \| 2 \| 3 \| \+1 \|", md), md


def test_progress_prints_its_change_like_diff(run: Run, tmp_path: Path) -> None:
    me = write(tmp_path / "me.yaml", {
        "skills": {"python": 4, "sql": 3},
        "history": [{"date": "2026-01-15", "skills": {"python": 2}},
                    {"date": "2026-02-15", "skills": {"python": 2}},
                    {"date": "2026-03-15", "skills": {"python": 4}}]})
    args = ("progress", "-p", me, "--role", "data-scientist")
    points = json.loads(run(*args, "--json").stdout)["points"]
    expected = ["" if p["change"] is None else
                ("0.0" if p["change"] == 0 else f"{p['change']:+.1f}") for p in points]
    assert "0.0" in expected and any(e.startswith("+") for e in expected), expected
    whole = [e for e in expected if e and float(e) == int(float(e)) and e != "0.0"]
    table = run(*args, env={"COLUMNS": "100"}).stdout
    md = run(*args, "--format", "markdown").stdout
    page = run(*args, "--format", "html").stdout
    for p, shown in zip(points, expected, strict=True):
        if shown:
            assert re.search(rf"{p['date']}\S* .*{re.escape(shown)}", table), (shown, table)
            assert f"| {shown} |" in md, (shown, md)
            assert f'<td class="num">{shown}</td>' in page, shown
    for shown in whole:  # "+5.0", never "+5"
        assert shown.endswith(".0")


# Each axis label of the radar as drawn: its box on the page, and its text.
LABEL_BOXES = """Array.from(document.querySelectorAll('svg.radar > text'), t => {
  const r = t.getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom, t.textContent];
})"""


def test_the_radar_labels_do_not_collide_at_375_px(run: Run, tmp_path: Path) -> None:
    import chromium
    from test_html import _browser

    _browser()
    page = tmp_path / "r.html"
    assert run("assess", "-p", ADA, "-o", str(page)).code == 0
    boxes = chromium.open_page(page, width=375, evaluate=LABEL_BOXES).value
    skills = json.loads(run("assess", "-p", ADA, "--json").stdout)["skills"]
    assert len(boxes) == len(skills) > 20
    overlaps = [(a[4], b[4]) for k, a in enumerate(boxes) for b in boxes[k + 1:]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    assert not overlaps, overlaps
    # 26 names do not fit around the chart: the axes are numbered, each number has its
    # name as a tooltip, and the page lists the names in the same order.
    html = page.read_text(encoding="utf-8")
    assert [b[4] for b in boxes] == [f"{s['name']}{i}" for i, s in enumerate(skills, 1)]
    key = re.search(r'<ol class="axes">(.*?)</ol>', html)
    assert key and re.findall(r"<li>(.*?)</li>", key.group(1)) == [
        s["name"].replace("&", "&amp;") for s in skills]


def test_a_radar_with_room_names_its_axes() -> None:
    from mlpath.render import svg

    labels = ["Python", "SQL", "Docker", "Git", "Communication"]
    chart = svg.radar(labels, [1, 2, 3, 4, 5], [3] * 5)
    assert not svg.radar_numbered(labels)
    for name in labels:
        assert f">{name}</tspan>" in chart
    many = [f"Skill number {i}" for i in range(26)]
    assert svg.radar_numbered(many) and ">26</text>" in svg.radar(many, [1] * 26, [2] * 26)


def test_the_html_gap_says_what_no_resource_serves_like_the_terminal(run: Run) -> None:
    data = json.loads(run("assess", "-p", ADA, "--json").stdout)
    uncovered = [g for g in data["gaps"] if g["uncovered_levels"]]
    assert uncovered, "ada has a level nothing in the catalogue serves"
    html = run("assess", "-p", ADA, "--format", "html").stdout
    md = run("assess", "-p", ADA, "--format", "markdown").stdout
    for g in uncovered:
        levels = g["uncovered_levels"]
        text = (f"level {levels[0]}" if len(levels) == 1
                else "levels " + ", ".join(str(lv) for lv in levels))
        sentence = f"no resource in the catalogue serves {text} yet"
        assert sentence in md
        item = html[html.index(f"<h3>{g['name']} "):]
        item = item[:min(i for i in (item.find("<li><h3>"), item.index("</ol>")) if i > 0)]
        assert sentence in item, g["name"]


def test_a_milestone_has_one_mark_not_a_bullet_and_a_mark(run: Run) -> None:
    html = run("assess", "-p", ADA, "--format", "html").stdout
    section = html[html.index("<h2>Milestones</h2>"):]
    section = section[:section.index("</section>")]
    assert '<ul class="ms">' in section
    rule = re.search(r"ul\.ms\{([^}]*)\}", html)
    assert rule and "list-style:none" in rule.group(1)
