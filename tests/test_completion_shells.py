"""Tab completion in real bash, zsh and fish, each in a pseudo-terminal.

Each test installs completion with `mlpath --install-completion SHELL` into a
fresh HOME (from this Python process, not from that shell: the shell named is
the one installed), starts the shell interactively, presses TAB, then turns the
completed line into `echo ...` and reads back what the shell completed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

BIN = Path(sys.executable).parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]|\x1b[()][AB0-2]|\x1b[=>]|\r")


def shell_or_skip(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing; .ci/run installs it")
        pytest.skip(f"{name} is not installed")
    return path


def install(shell: str, home: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(home), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
           "SHELL": "/bin/bash", "XDG_CONFIG_HOME": str(home / ".config"),
           "TERM": "xterm", "LC_ALL": "C.UTF-8"}
    env.pop("MLPATH_ROLES_PATH", None)
    result = subprocess.run([str(BIN / "mlpath"), "--install-completion", shell], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{shell} completion installed"), result.stdout
    return env


class Shell:
    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
        self.child = pexpect.spawn(argv[0], argv[1:], env=env, encoding="utf-8",
                                   dimensions=(40, 200), timeout=20,
                                   cwd=str(cwd) if cwd else None)

    def ready(self) -> None:
        self.child.sendline('echo READY-"4""2"')  # the same in all three shells
        self.child.expect("READY-42")

    def complete(self, line: str, tabs: int = 1, then: str = "") -> str:
        """Type ``line``, press TAB, type ``then``, and return the line as it stands."""
        self.child.send(line)
        for _ in range(tabs):
            self.child.send("\t")
            self.child.expect([pexpect.TIMEOUT], timeout=1.5)  # let the completion land
        self.child.send(then)
        self.child.send("\x01")  # to the start of the line (emacs keys in all three)
        self.child.sendline("echo DONE: ")
        self.child.expect(r"DONE: (mlpath[^\r\n]*)\r?\n")
        return str(self.child.match.group(1)).strip()

    def screen_after_tabs(self, line: str, tabs: int = 2) -> str:
        """What the shell shows after TABs on ``line`` (its list of candidates)."""
        self.child.send(line)
        seen = ""
        for _ in range(tabs):
            self.child.send("\t")
            self.child.expect([pexpect.TIMEOUT], timeout=1.5)
            seen += str(self.child.before)
        self.child.send("\x03")  # drop the line
        return ANSI.sub("", seen)

    def close(self) -> None:
        self.child.sendline("exit")
        self.child.close(force=True)


@pytest.mark.slow
def test_bash_completes_role_ids_and_levels_after_the_colon(tmp_path: Path) -> None:
    bash = shell_or_skip("bash")
    env = install("bash", tmp_path)
    sh = Shell([bash, "--noprofile", "--rcfile", str(tmp_path / ".bashrc"), "-i"],
               {**env, "PS1": "$ "})
    try:
        sh.ready()
        assert sh.complete("mlpath assess --role ml-engineer:se") == (
            "mlpath assess --role ml-engineer:senior")
        assert sh.complete("mlpath roles show mlo") == "mlpath roles show mlops-engineer"
        # After --role a role id takes :LEVEL straight after: no space is added.
        assert sh.complete("mlpath assess --role mlo", then=":entry") == (
            "mlpath assess --role mlops-engineer:entry")
        assert sh.complete("mlpath assess -r mlo", then=":mid") == (
            "mlpath assess -r mlops-engineer:mid")
        # Elsewhere (and after a level) the space stays.
        assert sh.complete("mlpath roles show mlo", then="x") == (
            "mlpath roles show mlops-engineer x")
        assert sh.complete("mlpath assess --role ml-engineer:se", then="x") == (
            "mlpath assess --role ml-engineer:senior x")
        listed = sh.screen_after_tabs("mlpath assess --role ml-engineer:")
        assert {"entry", "mid", "senior"} <= set(listed.split()), listed
        assert "README.md" not in listed and "pyproject.toml" not in listed
    finally:
        sh.close()


@pytest.mark.slow
def test_zsh_offers_every_match_of_an_ambiguous_prefix(tmp_path: Path) -> None:
    zsh = shell_or_skip("zsh")
    env = install("zsh", tmp_path)
    assert not (tmp_path / ".bashrc").exists()  # zsh asked for, zsh installed
    sh = Shell([zsh, "-i"], {**env, "PS1": "$ ", "PROMPT": "$ ", "ZDOTDIR": str(tmp_path)})
    try:
        sh.ready()
        listed = sh.screen_after_tabs("mlpath assess --role ml")
        assert "mlops-engineer" in listed and "ml-engineer" in listed, listed
        assert sh.complete("mlpath assess --role mlo") == "mlpath assess --role mlops-engineer"
        assert sh.complete("mlpath assess --role ml-engineer:se") == (
            "mlpath assess --role ml-engineer:senior")
        assert sh.complete("mlpath roles show data-s") == "mlpath roles show data-scientist"
    finally:
        sh.close()


@pytest.mark.slow
def test_fish_completes_roles_levels_and_skills(tmp_path: Path) -> None:
    fish = shell_or_skip("fish")
    env = install("fish", tmp_path)
    assert (tmp_path / ".config" / "fish" / "completions" / "mlpath.fish").is_file()
    sh = Shell([fish, "-i", "--no-config", "-C",
                f"source {tmp_path}/.config/fish/completions/mlpath.fish; "
                "function fish_prompt; echo '$ '; end; function fish_greeting; end"], env,
               cwd=tmp_path)
    (tmp_path / "my-profile.yaml").write_text("skills: {}\n")
    try:
        sh.ready()
        # mlpath has nothing for --profile, so file names complete.
        assert sh.complete("mlpath assess --profile my-pr") == (
            "mlpath assess --profile my-profile.yaml")
        assert sh.complete("mlpath assess --role ml-engineer:se") == (
            "mlpath assess --role ml-engineer:senior")
        assert sh.complete("mlpath skills show pyto") == "mlpath skills show pytorch"
        assert sh.complete("mlpath roles show mlo") == "mlpath roles show mlops-engineer"
    finally:
        sh.close()


def test_show_completion_prints_the_script_of_the_shell_named(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    for shell, marker in (("zsh", "#compdef mlpath"), ("fish", "complete --command mlpath"),
                          ("bash", "complete -o default -F")):
        for argv in (["--show-completion", shell], [f"--show-completion={shell}"]):
            result = subprocess.run([str(BIN / "mlpath"), *argv], env=env, capture_output=True,
                                    text=True, check=False)
            assert result.returncode == 0 and marker in result.stdout, (argv, result.stdout)
    bad = subprocess.run([str(BIN / "mlpath"), "--install-completion=tcsh"], env=env,
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "tcsh" in bad.stderr, bad.stderr
    assert not list(tmp_path.iterdir())  # nothing installed by a refused request
