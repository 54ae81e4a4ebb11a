"""Tab completion in bash, zsh and fish, and the global options' place on the line.

typer's own completion scripts have four faults that mlpath users meet:

- bash splits ``ml-engineer:`` at the colon, so ``--role ml-engineer:<TAB>`` asked
  for an empty word and fell back to file names. Here bash sends the whole line up
  to the cursor, Python splits it as a shell would, and the candidates come back
  trimmed to the part after the last colon (the ``__ltrim_colon_completions`` idea).
- zsh sent the whole current word, including what zsh had inserted after the
  cursor, so after ``ml<TAB>`` the next request matched nothing. Here zsh sends
  ``$PREFIX`` (the word up to the cursor) and matches with ``compadd`` itself.
- fish ran mlpath twice per TAB; here once, with file names when mlpath has none.
- ``--install-completion zsh`` from a bash shell silently installed bash
  completion. Here a shell named after ``--install-completion`` or
  ``--show-completion`` (or given with ``=``) is the one used; with none named,
  the current shell is detected as before.

``MlpathGroup`` also moves the global options (``--no-color``, ``--quiet``,
``--roles-dir DIR``) written after the command to the front, so that
``mlpath assess -p me.yaml --no-color`` works.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from typing import Any

from typer import _click
from typer.core import TyperGroup

PROG = "mlpath"
COMPLETE_VAR = "_MLPATH_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
GLOBAL_FLAGS = frozenset({"--no-color", "--quiet", "-q"})
GLOBAL_VALUED = frozenset({"--roles-dir"})

BASH_SCRIPT = """
%(complete_func)s() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_LINE="$COMP_LINE" COMP_POINT="$COMP_POINT" \\
                   COMP_WORDBREAKS="$COMP_WORDBREAKS" \\
                   %(autocomplete_var)s=complete_bash $1 2>/dev/null ) )
    # A role id after --role takes :LEVEL straight after it: no space behind it.
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} != *:* ]]; then
        local prev=${COMP_WORDS[COMP_CWORD-1]}
        if [[ $prev == "=" && $COMP_CWORD -ge 2 ]]; then
            prev=${COMP_WORDS[COMP_CWORD-2]}
        fi
        if [[ $prev == --role || $prev == -r ]]; then
            compopt -o nospace 2>/dev/null
        fi
    fi
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""

ZSH_SCRIPT = """
#compdef %(prog_name)s

%(complete_func)s() {
  local -a reply
  reply=("${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,CURRENT-1]} ${PREFIX}" \\
      %(autocomplete_var)s=complete_zsh %(prog_name)s 2>/dev/null)}")
  if [[ -n ${reply[1]} ]]; then
    compadd -Q -- "${reply[@]}"
  else
    _files
  fi
}

compdef %(complete_func)s %(prog_name)s
"""


# One run of mlpath per TAB (typer's script runs it twice: once to ask whether there are
# candidates, once to get them); file names when mlpath has nothing to offer.
FISH_SCRIPT = """
function %(complete_func)s
    set -l found (env %(autocomplete_var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args \\
        _TYPER_COMPLETE_ARGS=(commandline -cp) %(prog_name)s 2>/dev/null)
    if test -n "$found"
        printf '%%s\\n' $found
    else
        __fish_complete_path (commandline -ct)
    end
end
complete --command %(prog_name)s --no-files --arguments '(%(complete_func)s)'
"""


def hoist_global_options(args: list[str]) -> list[str]:
    """Move global options found after the command to the front (up to a ``--``)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg.split("=", 1)[0] in GLOBAL_FLAGS or (
                arg.split("=", 1)[0] in GLOBAL_VALUED and "=" in arg):
            front.append(arg)  # (a flag given a value is click's to refuse, as in front)
        elif arg in GLOBAL_VALUED and i + 1 < len(args):
            front.extend(args[i:i + 2])
            i += 1
        elif arg in GLOBAL_VALUED and rest:  # last, after the command, with no value
            from typer._click.exceptions import UsageError

            raise UsageError(f"option '{arg}' requires an argument")
        else:
            rest.append(arg)
        i += 1
    return front + rest


def help_after_the_command(args: list[str]) -> list[str]:
    """`mlpath -h assess` asks for assess's help, as `mlpath assess -h` does: a help flag
    before a command word moves to the end (click would show the top-level help)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg in ("-h", "--help"):
            if any(not a.startswith("-") for a in args[i + 1:]):
                return [*args[:i], *args[i + 1:], arg]
            break
    return args


def _named_shell(args: list[str], flag: str) -> str | None:
    """The shell named with ``flag SHELL`` or ``flag=SHELL``, if any."""
    for i, arg in enumerate(args):
        if arg.startswith(f"{flag}="):
            return arg.split("=", 1)[1]
        if arg == flag and i + 1 < len(args) and args[i + 1] in SHELLS:
            return args[i + 1]
    return None


def use_mlpath_scripts() -> None:
    """Put mlpath's bash and zsh scripts and classes in place of typer's."""
    from typer import _completion_classes, _completion_shared
    from typer._click.shell_completion import add_completion_class

    _completion_shared._completion_scripts["bash"] = BASH_SCRIPT
    _completion_shared._completion_scripts["zsh"] = ZSH_SCRIPT
    _completion_shared._completion_scripts["fish"] = FISH_SCRIPT

    class BashComplete(_completion_classes.BashComplete):
        source_template = BASH_SCRIPT

        def get_completion_args(self) -> tuple[list[str], str]:
            line = os.environ.get("COMP_LINE", "")
            point = os.environ.get("COMP_POINT", "")
            if point.isdigit():
                line = line[: int(point)]
            words = _click.shell_completion.split_arg_string(line)
            if words and not line.endswith(" "):
                return words[1:-1], words[-1]
            return words[1:], ""

        def complete(self) -> str:
            args, incomplete = self.get_completion_args()
            values = [item.value for item in self.get_completions(args, incomplete)]
            # bash replaces only the part of the word after its last break character.
            # For --option=VALUE the candidates are values, so count from after the "=".
            word = incomplete
            if word.startswith("-") and "=" in word:
                word = word.partition("=")[2]
            breaks = os.environ.get("COMP_WORDBREAKS", ":=")
            cut = max((word.rfind(c) for c in breaks if c in word), default=-1)
            if cut >= 0:
                values = [v[cut + 1:] for v in values if v.startswith(word[: cut + 1])]
            return "\n".join(values)

    class ZshComplete(_completion_classes.ZshComplete):
        source_template = ZSH_SCRIPT

        def complete(self) -> str:
            args, incomplete = self.get_completion_args()
            return "\n".join(item.value for item in self.get_completions(args, incomplete))

    class FishComplete(_completion_classes.FishComplete):
        source_template = FISH_SCRIPT

    add_completion_class(BashComplete, "bash")
    add_completion_class(ZshComplete, "zsh")
    add_completion_class(FishComplete, "fish")


def _install_or_show(args: list[str]) -> None:
    """Handle ``--install-completion SHELL`` and ``--show-completion SHELL``; else return."""
    for flag in ("--install-completion", "--show-completion"):
        shell = _named_shell(args, flag)
        if shell is None:
            continue
        if shell not in SHELLS:
            from mlpath.errors import UsageError

            raise UsageError(f"{flag}: {shell!r} is not a shell mlpath completes; "
                             f"choose one of {', '.join(SHELLS)}")
        from typer import _completion_shared

        if flag == "--show-completion":
            sys.stdout.write(_completion_shared.get_completion_script(
                prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell) + "\n")
        else:
            _, path = _completion_shared.install(shell=shell, prog_name=PROG,
                                                 complete_var=COMPLETE_VAR)
            sys.stdout.write(f"{shell} completion installed in {path}\n"
                             "Completion will take effect once you restart the terminal\n")
        raise SystemExit(0)


class MlpathGroup(TyperGroup):
    """The root command: global options anywhere, and mlpath's completion scripts."""

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        if any(a.startswith(("--install-completion", "--show-completion")) for a in args):
            use_mlpath_scripts()
            _install_or_show(args)
        return super().parse_args(ctx, help_after_the_command(hoist_global_options(args)))

    def _main_shell_completion(self, ctx_args: MutableMapping[str, Any], prog_name: str,
                               complete_var: str | None = None) -> None:
        if os.environ.get(complete_var or COMPLETE_VAR):
            use_mlpath_scripts()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)


class _QuietStderr:
    """Standard error without mlpath's notes and warnings: errors still pass."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if text.startswith("mlpath: ") and not text.startswith("mlpath: error"):
            return len(text)
        return int(self._stream.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def quiet_notes(ctx: _click.Context) -> None:
    """``--quiet``: keep the result and the errors; drop notes and warnings."""
    real = sys.stderr
    sys.stderr = _QuietStderr(real)

    def restore() -> None:
        sys.stderr = real

    ctx.call_on_close(restore)
