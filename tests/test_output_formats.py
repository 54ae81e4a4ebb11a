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
