"""Build hook: check the built-in role data and compile it to ``mlpath/_builtin.json``.

A wheel with invalid role data cannot be built, and an installed mlpath reads
one JSON file at start-up instead of parsing every YAML file on every run.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from mlpath.catalog import compile_texts
            from mlpath.errors import ProblemsError

            texts = [(f"roles/{p.name}", p.read_text(encoding="utf-8"))
                     for p in sorted((root / "roles").glob("*.yaml"))]
            try:
                snapshot = compile_texts(texts)
            except ProblemsError as exc:
                raise SystemExit("invalid built-in data:\n" + "\n".join(exc.lines())) from None
        finally:
            sys.path.remove(str(root / "src"))
            for name in [m for m in sys.modules if m == "mlpath" or m.startswith("mlpath.")]:
                del sys.modules[name]
        out = Path(tempfile.mkdtemp(prefix="mlpath-build-")) / "_builtin.json"
        out.write_text(json.dumps(snapshot, separators=(",", ":"), ensure_ascii=False),
                       encoding="utf-8")
        build_data["force_include"][str(out)] = "mlpath/_builtin.json"
