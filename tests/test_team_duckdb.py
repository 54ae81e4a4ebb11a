"""The README's way to go past one machine: `team --jsonl` loaded into DuckDB."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import DATA, Run

ROOT = Path(__file__).resolve().parents[1]


def readme_query() -> str:
    """The SQL of the README's DuckDB example, as a reader would copy it."""
    text = (ROOT / "README.md").read_text()
    found = re.search(r"```sql\n(.*?)```", text, re.S)
    assert found, "the README shows a DuckDB query"
    return found.group(1)


def test_the_readme_query_finds_the_skills_most_people_lack(run: Run, tmp_path: Path) -> None:
    import duckdb

    result = run("team", str(DATA / "team"), "--jsonl")
    assert result.code == 0, result
    (tmp_path / "team.jsonl").write_text(result.stdout)
    con = duckdb.connect()
    rows = con.execute(readme_query().replace("'team.jsonl'",
                                              f"'{tmp_path / 'team.jsonl'}'")).fetchall()
    # The same counts as the team view's own "below" column, worked out another way.
    team = json.loads(run("team", str(DATA / "team"), "--json").stdout)
    below = sorted(((s["id"], s["below"]) for s in team["skills"] if s["below"]),
                   key=lambda kv: (-kv[1], kv[0]))
    assert [(skill, people) for skill, _, people in rows] == below[:len(rows)]
    assert rows[0][:1] == ("ml-fundamentals",) and rows[0][2] == 4  # Alice, Ben, Hugo, Kai
