"""Start-up stays lean: nothing heavy is imported that the command does not need.

Timings live in benchmarks/startup.py (machines here are too noisy for timed tests);
these tests pin down the imports, which is what the timings depend on.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

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


def test_each_command_is_found_in_the_module_that_registers_it() -> None:
    """A run imports only its command's module (``COMMAND_MODULES``): the table must name,
    for every command the modules register, the module that registers it."""
    import importlib

    from typer.main import get_command

    from mlpath.cli import ALL_MODULES, COMMAND_MODULES, modules_for
    from mlpath.cli.shared import app

    for module in ALL_MODULES:
        importlib.import_module(f"mlpath.cli.{module}")
    group = get_command(app)
    registered = set(group.commands)  # type: ignore[attr-defined]
    assert registered == set(COMMAND_MODULES)
    for name in registered:
        command = group.commands[name]  # type: ignore[attr-defined]
        callback = command.callback or next(iter(command.commands.values())).callback
        assert callback.__module__.startswith(f"mlpath.cli.{COMMAND_MODULES[name]}"), name
    assert modules_for(["--roles-dir", "assess", "team", "x"]) == ("team",)
    assert modules_for(["--no-color", "whatif", "-p", "x"]) == ("whatif",)
    assert modules_for(["--help"]) == ALL_MODULES
    assert modules_for(["--no-color", "--version"]) == ()
    assert modules_for(["asess"]) == ALL_MODULES  # an unknown word: typer's suggestions


def test_the_builtin_catalogue_is_read_from_its_snapshot(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """An installed mlpath reads the compiled snapshot and parses no YAML for it."""
    import mlpath.catalog

    def no_yaml() -> None:
        raise AssertionError("the built-in YAML was compiled at run time")

    monkeypatch.setattr(mlpath.catalog, "compile_builtin", no_yaml)
    assert mlpath.catalog._package_data("_builtin.json") is not None
    assert mlpath.catalog._package_data("no-such-file") is None
    assert "ml-engineer" in mlpath.catalog.load_catalog().roles


def test_the_snapshot_needs_no_checks_because_it_is_the_checked_catalogue() -> None:
    """Without role packs, the catalogue is built from the snapshot without cross-checks
    or alias merging (done at build time): it must equal the one a full check of the
    shipped YAML builds, aliases included, and a pack must still merge over it."""
    from mlpath.catalog import (
        assemble,
        builtin_files,
        builtin_yaml_files,
        load_catalog,
        parse_builtin,
    )

    loaded, problems = parse_builtin(builtin_yaml_files())
    full, cross = assemble(loaded)
    assert problems == cross == []
    fast = load_catalog()
    assert fast == full
    assert fast.skills["mlops"].aliases  # the alias table was folded into the skills
    assert {f.kind for f in builtin_files()} == {"skills", "milestones", "role"}
    assert assemble(builtin_files()) == (full, [])  # checking it again finds nothing
