"""The README shows real output, and its set-up commands are the ones CI runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_examples_are_real_output() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "readme_outputs.py")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr + "\nrun: python scripts/readme_outputs.py --write"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    command = ("python3 -m venv .venv && .venv/bin/pip install -q '.[test]' && "
               ".venv/bin/python -m pytest")
    assert command in readme
    assert command in (ROOT / ".ci" / "run").read_text()
