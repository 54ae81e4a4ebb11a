"""Start-up stays lean: nothing heavy is imported that the command does not need.

Timings live in benchmarks/startup.py (machines here are too noisy for timed tests);
these tests pin down the imports, which is what the timings depend on.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import DATA

PROBE = """
import sys
from mlpath.cli import main
try:
    main({args!r})
except SystemExit:
    pass
heavy = sorted({{m.split('.')[0] for m in sys.modules}} & {{'rich', 'yaml', 'pydantic',
                                                          'importlib_metadata', 'zipfile'}})
sys.stderr.write('MODULES ' + ' '.join(heavy) + '\\n')
"""


def loaded(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", PROBE.format(args=list(args))],
                            capture_output=True, text=True, check=False)
    line = [ln for ln in result.stderr.splitlines() if ln.startswith("MODULES")][-1]
    return set(line.split()[1:])


def test_json_output_never_imports_rich() -> None:
    assert loaded("assess", "-p", str(DATA / "personas/analyst.yaml"), "--json") == {"yaml"}
    assert loaded("roles", "--json") == set()


def test_a_json_profile_needs_no_yaml() -> None:
    assert loaded("assess", "-p", str(DATA / "profiles/tiny.json"), "--json") == set()


def test_the_table_imports_rich() -> None:
    assert "rich" in loaded("roles")
