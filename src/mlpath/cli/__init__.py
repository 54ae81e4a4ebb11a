"""The command line (DESIGN §3): thin commands that parse, call the engine and render.

``main`` is the one error boundary: every failure becomes one line on stderr and a
documented exit code. The commands live in ``assess``, ``report``, ``team``, ``catalog``,
``whatif``, ``review``, ``evidence`` and ``posting``; importing one registers its
commands on the app (``COMMAND_MODULES``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from mlpath.errors import EXIT_DATA, EXIT_INTERRUPTED, EXIT_USAGE, MlpathError

__all__ = ["app", "main"]

if TYPE_CHECKING:
    from typer import Typer
    from typer._click.exceptions import ClickException


# The module that registers each command. A run imports only the module of the command
# it names, so typer builds one command's options instead of all of them (DESIGN §7);
# help, completion and an unknown word load every module. A test holds this table to
# the commands the modules register.
COMMAND_MODULES = {
    "assess": "assess", "match": "report", "plan": "report", "diff": "report",
    "progress": "report", "team": "team", "whatif": "whatif", "review": "review",
    "evidence": "evidence", "posting": "posting", "roles": "catalog", "skills": "catalog",
    "milestones": "catalog", "validate": "catalog", "init": "catalog", "schema": "catalog",
}
ALL_MODULES = tuple(sorted(set(COMMAND_MODULES.values())))
_VALUED_GLOBALS = ("--roles-dir",)  # global options that take the next word as their value


def modules_for(argv: list[str]) -> tuple[str, ...]:
    """The command modules a run with ``argv`` needs: its command's, or all of them."""
    if any(key.endswith("_COMPLETE") for key in os.environ):  # shell completion asks
        return ALL_MODULES
    words = iter(argv)
    for word in words:
        if word == "--version":  # answered before any command is looked at
            return ()
        if word in _VALUED_GLOBALS:
            next(words, None)
        elif not word.startswith("-"):
            module = COMMAND_MODULES.get(word)
            return (module,) if module else ALL_MODULES
    return ALL_MODULES


def _load_app(argv: list[str] | None = None) -> Typer:
    # Imported on first use, inside main's error boundary, so that Ctrl-C in the first
    # moments (while typer and the commands load) is one line and exit 130 too.
    import importlib

    needed = ALL_MODULES if argv is None else modules_for(argv)
    for module in needed:  # importing a command module registers its commands
        importlib.import_module(f"mlpath.cli.{module}")
    from mlpath.cli.shared import app

    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return _load_app()
    raise AttributeError(name)


def _fail(lines: list[str], code: int, *, fresh_line: bool = False,
          prefix: str = "mlpath: error: ") -> NoReturn:
    from mlpath.render.text import clean

    try:
        if fresh_line and sys.stderr.isatty():
            sys.stderr.write("\n")  # the prompt's line still holds the ^C or ^D
        for line in lines:
            sys.stderr.write(f"{prefix}{clean(line)}\n")
        sys.stderr.flush()
    except OSError:
        _stderr_gone()
    raise SystemExit(code)


def _stderr_gone() -> None:
    """The reader of stderr went away (`2>&1 | head -1`): the exit code must still say
    what happened, so point stderr at devnull, where the final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _interrupted() -> NoReturn:
    """Ctrl-C: the person stopped the run, which is not an error (exit 130)."""
    _fail(["interrupted; nothing was written"], EXIT_INTERRUPTED, fresh_line=True,
          prefix="mlpath: ")


def _quiet_broken_pipe() -> NoReturn:
    """The reader went away (`| head`, `2>&1 | head`): end quietly, with the verdict the
    run had already reached (``commands.context.record_verdict``: 3 below --fail-under, 1
    for problems found or profiles skipped), and 0 only when nothing had gone wrong."""
    from mlpath.commands.context import recorded_verdict

    # Point stdout and stderr at devnull so the interpreter's final flush cannot raise
    # again; the run is over, so nothing more is lost on stderr either.
    for stream in (sys.stdout, sys.stderr):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass
    raise SystemExit(recorded_verdict())


def _stdout_is_devnull() -> bool:
    try:
        out, null = os.fstat(sys.stdout.fileno()), Path(os.devnull).stat()
    except (OSError, ValueError):
        return False
    return (out.st_dev, out.st_ino) == (null.st_dev, null.st_ino)


# Shown in place of characters a non-UTF-8 terminal cannot print (PYTHONIOENCODING=ascii,
# LANG=C on old systems): the drawing mlpath does becomes plain ASCII, and anything else
# a \uXXXX escape, which is still valid inside JSON strings.
_ASCII = {"—": "-", "–": "-", "·": "*", "•": "*", "█": "#", "░": ".", "…": "...",
          "→": "->", "✓": "+", "✗": "x", "≥": ">=", "≤": "<=", "×": "x", "“": '"',
          "”": '"', "‘": "'", "’": "'", "\u00a0": " "}


def _ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start:error.end]:
        if char in _ASCII:
            out.append(_ASCII[char])
        elif "\u2500" <= char <= "\u257f":  # box drawing
            out.append("-" if char in "─━═" else "|" if char in "│┃║" else "+")
        elif ord(char) > 0xFFFF:
            high, low = divmod(ord(char) - 0x10000, 0x400)
            out.append(f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}")
        else:
            out.append(f"\\u{ord(char):04x}")
    return "".join(out), error.end


def _prepare_streams() -> None:
    """Closed standard streams, and terminals that cannot show UTF-8 (DESIGN §6)."""
    import codecs

    codecs.register_error("mlpath-ascii", _ascii_fallback)
    if sys.stdin is None:  # started with stdin closed: reading finds end of input
        sys.stdin = Path(os.devnull).open(encoding="utf-8")  # noqa: SIM115 - for the run
    if sys.stderr is None:  # started with stderr closed (`2>&-`): the result and the exit
        # code stay the same, and messages go nowhere
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - for the run
    if sys.stdout is None:
        if sys.stderr is not None:
            sys.stderr.write("mlpath: error: standard output is closed; nothing can be "
                             "shown\n")
        raise SystemExit(EXIT_DATA)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # Unpaired surrogates (a file name that is not UTF-8) and characters the
            # encoding lacks become escapes instead of a crash.
            reconfigure(errors="mlpath-ascii")


def _output_failed(exc: OSError) -> NoReturn:
    """Writing the result failed (a full disk, an I/O error): one line, exit 1."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the final flush must not fail again
    except (OSError, ValueError, AttributeError):
        pass
    _fail([f"cannot write the output: {exc.strerror or exc}"], EXIT_DATA)


def _click_failed(exc: ClickException, argv: list[str]) -> NoReturn:
    """A usage error found by click or typer (a bad option value, a missing argument, an
    unknown command): one line, the reason and where to read more, exit 2 (DESIGN §3).
    Bare `mlpath` is typer's help, shown as it is."""
    import re

    from typer._click.exceptions import NoArgsIsHelpError

    code = EXIT_USAGE if exc.exit_code == 2 else exc.exit_code
    if isinstance(exc, NoArgsIsHelpError):
        try:
            exc.show(file=sys.stderr)
            sys.stderr.flush()
        except OSError:
            _stderr_gone()
        raise SystemExit(code)
    reason = re.sub(r"\s*\n\s*", " ", exc.format_message()).strip().rstrip(".")
    if reason[:1].isupper() and reason[1:2].islower():  # "Invalid value" -> "invalid value"
        reason = reason[0].lower() + reason[1:]
    reason = reason.replace(". Did you mean", "; did you mean")  # typer's suggestion kept
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        where = ctx.command_path
    else:  # "Option '-p' requires an argument" comes without the command's context
        command = next((w for w in argv if not w.startswith("-") and w in COMMAND_MODULES),
                       None)
        where = f"mlpath {command}" if command else "mlpath"
    see = f"see `{where} --help`"
    _fail([f"{reason} ({see})" if reason.endswith("?") else f"{reason}; {see}"], code)


def _internal_error(exc: Exception) -> NoReturn:
    """A bug: one line, and the traceback only when asked for."""
    if os.environ.get("MLPATH_DEBUG"):
        raise exc
    _fail([f"internal error: {type(exc).__name__}: {exc} (set MLPATH_DEBUG=1 for the "
           "traceback, and please report it)"], EXIT_DATA)


def main(argv: list[str] | None = None) -> None:
    """Run mlpath; every failure becomes one line on stderr and a documented exit code."""
    from mlpath.commands.context import reset_verdict

    reset_verdict()
    try:
        _prepare_streams()
        from typer import Abort
        from typer._click.exceptions import ClickException

        app = _load_app(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:  # Ctrl-C while mlpath is still starting
        _interrupted()
    except Exception as exc:  # a bug in a command module, found as it is imported
        _internal_error(exc)
    try:
        from typer.main import get_command

        from mlpath.cli.help import tidy

        command = get_command(app)
        tidy(command)  # readable metavars, reflowed docstrings, plain help off a terminal
        code = command.main(args=argv, prog_name="mlpath", standalone_mode=False)
        sys.stdout.flush()
        sys.stderr.flush()
    except MlpathError as exc:
        _fail(exc.lines(), exc.exit_code)
    except ClickException as exc:
        _click_failed(exc, sys.argv[1:] if argv is None else argv)
    except (Abort, EOFError):
        _fail(["end of input; nothing was written"], EXIT_DATA, fresh_line=True)
    except KeyboardInterrupt:
        _interrupted()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except OSError as exc:  # files are read and written through MlpathErrors: this is output
        _output_failed(exc)
    except RecursionError:
        _fail(["the input is nested too deeply"], EXIT_DATA)
    except Exception as exc:
        _internal_error(exc)
    except SystemExit:
        # typer (wrapping stdout) and rich (pointing stdout at devnull) end a run whose
        # reader went away with exit 1; for mlpath that ends quietly with the run's verdict.
        if type(sys.stdout).__name__ == "PacifyFlushWrapper" or _stdout_is_devnull():
            _quiet_broken_pipe()
        raise
    if code == EXIT_INTERRUPTED:
        _interrupted()
    raise SystemExit(code or 0)

