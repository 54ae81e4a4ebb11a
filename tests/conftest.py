"""Shared fixtures: a clean environment, a pinned terminal, and a runner for the real CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlpath.catalog import load_catalog
from mlpath.cli import main
from mlpath.model import Catalog

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the user's own packs, colours and terminal out of every test."""
    for name in ("MLPATH_ROLES_PATH", "NO_COLOR", "FORCE_COLOR", "MLPATH_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def __str__(self) -> str:  # shown when an assertion on the result fails
        return f"exit {self.code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    """Run ``mlpath ARGS`` through its real entry point and error boundary."""

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None
               ) -> Result:
        runner = CliRunner()
        with runner.isolation(input=input, env=env) as (out, err, _):
            try:
                main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            else:  # pragma: no cover - main always exits
                code = 0
            return Result(code, out.getvalue().decode(), err.getvalue().decode())

    return invoke


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    yield tmp_path
