"""No data lost: a failed or interrupted write leaves the old file whole and no temp file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import DATA, Run
from mlpath.atomic import write_atomic
from mlpath.errors import DataError


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    write_atomic(target, "skills: {}\n")
    assert target.read_text() == "skills: {}\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_replacing_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("old\n")
    target.chmod(0o600)
    write_atomic(target, "new\n", replace=True)
    assert target.read_text() == "new\n" and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_existing_file_is_never_replaced_without_permission(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("old\n")
    with pytest.raises(DataError, match="already exists; pass --force"):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failing_write_leaves_the_old_file_and_no_temp(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         failure: BaseException) -> None:
    target = tmp_path / "me.yaml"
    target.write_bytes(b"precious\n")

    def broken_fsync(fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(DataError if isinstance(failure, OSError) else KeyboardInterrupt):
        write_atomic(target, "half written" * 1000, replace=True)
    assert target.read_bytes() == b"precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]


def test_cli_reports_a_failed_save_as_one_line(run: Run, workdir: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    (workdir / "me.yaml").write_bytes(b"precious\n")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    result = run("assess", "-p", str(DATA / "personas/analyst.yaml"), "--json",
                 "--save", "me.yaml", "--force")
    assert result.code == 1
    assert result.stderr == "mlpath: error: me.yaml: cannot write: No space left on device\n"
    assert (workdir / "me.yaml").read_bytes() == b"precious\n"
    assert [p.name for p in workdir.iterdir()] == ["me.yaml"]


def test_unwritable_folder(run: Run, tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "missing-dir" / "me.yaml"))
    assert result.code == 1 and "cannot write" in result.stderr, result
