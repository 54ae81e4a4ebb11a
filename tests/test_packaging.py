"""Packaging: the pre-commit hook through the real pre-commit, an sdist that passes its
own tests, and the metadata a packager reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_metadata_names_the_license_and_the_python_versions() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert meta["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "mlpath developers" in (ROOT / "LICENSE").read_text()
    versions = {c.rsplit(" ", 1)[1] for c in meta["classifiers"]
                if c.startswith("Programming Language :: Python :: 3.")}
    assert versions == {"3.11", "3.12", "3.13"}
    assert meta["requires-python"] == ">=3.11"


def test_the_hook_definition_runs_mlpath_validate() -> None:
    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "mlpath-validate" and hook["entry"] == "mlpath validate"
    assert hook["language"] == "python" and set(hook["types_or"]) == {"yaml", "json"}


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_runs_the_hook_on_profiles_and_packs(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs the git repository, not an unpacked sdist")
    pre_commit = shutil.which("pre-commit", path=str(BIN))
    assert pre_commit, "pre-commit is in the test extra"
    repo = tmp_path / "team"
    (repo / "profiles").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "ada.yaml", repo / "profiles" / "ada.yaml")
    shutil.copytree(ROOT / "tests" / "data" / "packs" / "acme", repo / "ladder")
    (repo / "profiles" / "typo.yaml").write_text("name: T\nskills:\n  pyton: 3\n")
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    env.pop("MLPATH_ROLES_PATH", None)

    def hook(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([pre_commit, "try-repo", str(ROOT), "mlpath-validate",
                               "--verbose", "--files", *files], cwd=repo, env=env,
                              capture_output=True, text=True, check=False, timeout=900)

    good = hook("profiles/ada.yaml", "ladder/acme-ml-engineer.yaml", "ladder/skills.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "mlpath validate" in good.stdout and "Passed" in good.stdout, good.stdout
    bad = hook("profiles/ada.yaml", "profiles/typo.yaml")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "profiles/typo.yaml:3:3: unknown skill 'pyton' is ignored" in bad.stdout, bad.stdout


@pytest.mark.slow
def test_the_sdist_installs_and_passes_its_own_tests(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    [sdist] = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
        tar.extractall(tmp_path / "src", filter="data")
    top = names[0].split("/")[0]
    for needed in ("examples/ada.yaml", "scripts/readme_outputs.py", ".ci/run", "LICENSE",
                   "tests/data/personas/analyst.yaml", ".pre-commit-hooks.yaml"):
        assert f"{top}/{needed}" in names, needed
    unpacked = tmp_path / "src" / top
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # Build from the sdist (so through its build hook) with this environment's build
    # tools, as pip does when it installs an sdist; then borrow the runtime and test
    # dependencies: no network needed.
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "--wheel-dir", str(wheels), str(sdist)],
                   check=True, capture_output=True)
    [wheel] = wheels.glob("*.whl")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--quiet", str(wheel)], check=True, capture_output=True)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                           "'purelib'))"], capture_output=True, text=True, check=True)
    import pytest as pytest_module

    borrowed = Path(pytest_module.__file__).parent.parent
    (Path(site.stdout.strip()) / "borrowed-deps.pth").write_text(f"{borrowed}\n")
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "MLPATH_ROLES_PATH", "CI"}}
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env['PATH']}"
    origin = subprocess.run([str(python), "-c", "import mlpath; print(mlpath.__file__)"],
                            cwd=unpacked, capture_output=True, text=True, check=True, env=env)
    assert str(env_dir) in origin.stdout
    result = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-m", "not slow", "-p", "no:cacheprovider",
         "tests/test_ecosystem.py", "tests/test_readme.py", "tests/test_validate_kinds.py",
         "tests/test_schemas.py", "tests/test_cli.py"],
        cwd=unpacked, capture_output=True, text=True, env=env, check=False, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
