"""The built wheel, installed in a fresh venv and run from another directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installed_elsewhere_sees_every_role(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--quiet", str(wheel)], check=True, capture_output=True)
    # The wheel goes into the fresh venv; its runtime dependencies are borrowed from the
    # test environment through a .pth file, so the test needs no network.
    import rich
    import typer
    import yaml

    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                           "'purelib'))"], capture_output=True, text=True, check=True)
    deps = {str(Path(m.__file__).parent.parent) for m in (typer, rich, yaml)}  # type: ignore[arg-type]
    (Path(site.stdout.strip()) / "borrowed-deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "MLPATH_ROLES_PATH"}}
    result = subprocess.run([str(env_dir / "bin" / "mlpath"), "roles", "--json"], cwd=elsewhere,
                            capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 11
    origin = subprocess.run([str(python), "-c", "import mlpath; print(mlpath.__file__)"],
                            cwd=elsewhere, capture_output=True, text=True, check=True)
    assert str(env_dir) in origin.stdout
    valid = subprocess.run([str(env_dir / "bin" / "mlpath"), "validate"], cwd=elsewhere,
                           capture_output=True, text=True, env=env, check=False)
    assert valid.returncode == 0 and valid.stdout.startswith("ok: 14 file(s)"), valid.stderr
    # whatif and assess --posting, from the installed wheel, with files from elsewhere.
    import shutil

    shutil.copy(ROOT / "examples" / "ada.yaml", elsewhere / "ada.yaml")
    shutil.copy(ROOT / "tests" / "data" / "postings" / "ml-engineer.txt", elsewhere / "ad.txt")
    mlpath = str(env_dir / "bin" / "mlpath")
    whatif = subprocess.run([mlpath, "whatif", "-p", "ada.yaml", "--set", "docker=4", "--json"],
                            cwd=elsewhere, capture_output=True, text=True, env=env, check=False)
    assert whatif.returncode == 0, whatif.stderr
    assert json.loads(whatif.stdout)["changes"][0]["after"] == 4
    posted = subprocess.run([mlpath, "assess", "-p", "ada.yaml", "--posting", "ad.txt",
                             "--json"], cwd=elsewhere, capture_output=True, text=True, env=env,
                            check=False)
    assert posted.returncode == 0, posted.stderr
    assert json.loads(posted.stdout)["target"]["role"].startswith("posting-")
    bad = subprocess.run([mlpath, "whatif", "-p", "ada.yaml", "--set", "python=9"],
                         cwd=elsewhere, capture_output=True, text=True, env=env, check=False)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1, bad.stderr
