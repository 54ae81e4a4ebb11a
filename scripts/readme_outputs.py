"""Keep the README's example output real.

Each block in README.md that follows a line ``<!-- output: ARGS -->`` holds what
``mlpath ARGS`` prints at 80 columns, run from the repository root; the block between
``<!-- formats -->`` and ``<!-- /formats -->`` is the renderer registry's table of
formats per command (src/mlpath/render/registry.py). With
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
FORMATS = re.compile(r"(<!-- formats -->\n)(?P<body>.*?)(<!-- /formats -->)", re.S)
COMMANDS = {"report": "assess"}  # a kind's command, where the names differ


def formats_table() -> str:
    """Each report command's --format choices and --output extensions, from the registry."""
    sys.path.insert(0, str(ROOT / "src"))
    from mlpath.render import registry

    rows = ["| command | `--format` | `--output` extensions |", "|---|---|---|"]
    for kind in registry.KINDS:
        exts = [e for e in registry.extensions(kind) if e not in (".htm", ".markdown")]
        rows.append(f"| `{COMMANDS.get(kind, kind)}` | {', '.join(registry.formats(kind))} | "
                    f"{', '.join(exts)} |")
    return "\n".join(rows) + "\n"


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
    text = FORMATS.sub(lambda m: m.group(1) + formats_table() + m.group(3), text)
    return BLOCK.sub(lambda m: m.group(1) + render(m.group("args")) + m.group(4), text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    if "--write" in sys.argv:
        README.write_text(refreshed(text), encoding="utf-8")
        return 0
    stale = [args for args, body in blocks(text) if render(args) != body]
    for args in stale:
        print(f"README block for `mlpath {args}` is out of date", file=sys.stderr)
    if any(m.group("body") != formats_table() for m in FORMATS.finditer(text)):
        stale.append("formats")
        print("README table of formats is out of date", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
