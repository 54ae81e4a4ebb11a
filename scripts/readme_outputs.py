"""Keep the README's example output real.

Each block in README.md that follows a line ``<!-- output: ARGS -->`` holds what
``mlpath ARGS`` prints at 80 columns, run from the repository root. With
``--write`` this script refreshes every block; without it, it exits 1 and names
the blocks that drifted (tests/test_readme.py runs the same check).

    python scripts/readme_outputs.py --write
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- output: (?P<args>.+?) -->\n```[a-z]*\n)(?P<body>.*?)(```)", re.S)


def render(args: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("MLPATH_ROLES_PATH", None)
    argv = shlex.split(args)
    pipe = None
    if "|" in argv:  # a pipe into a filter such as `head -n 30`
        cut = argv.index("|")
        argv, pipe = argv[:cut], argv[cut + 1:]
    result = subprocess.run([sys.executable, "-m", "mlpath", *argv], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    out = result.stdout
    if pipe:
        out = subprocess.run(pipe, input=out, capture_output=True, text=True,
                             check=False).stdout
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def blocks(text: str) -> list[tuple[str, str]]:
    return [(m.group("args"), m.group("body")) for m in BLOCK.finditer(text)]


def refreshed(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + render(m.group("args")) + m.group(4), text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    if "--write" in sys.argv:
        README.write_text(refreshed(text), encoding="utf-8")
        return 0
    stale = [args for args, body in blocks(text) if render(args) != body]
    for args in stale:
        print(f"README block for `mlpath {args}` is out of date", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
