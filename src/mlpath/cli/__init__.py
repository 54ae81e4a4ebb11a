"""The command line (DESIGN §3): thin commands that parse, call the engine and render.

``main`` is the one error boundary: every failure becomes one line on stderr and a
documented exit code. The commands live in ``report``, ``team`` and ``catalog``;
importing them registers them on the app.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

from mlpath.cli import catalog, evidence, posting, report, team  # noqa: F401 - importing registers
from mlpath.cli.shared import app
from mlpath.errors import EXIT_DATA, EXIT_INTERRUPTED, EXIT_USAGE, MlpathError

__all__ = ["app", "main"]


def _fail(lines: list[str], code: int, *, fresh_line: bool = False) -> NoReturn:
    from mlpath.render.text import clean

    if fresh_line and sys.stderr.isatty():
        sys.stderr.write("\n")  # the prompt's line still holds the ^C or ^D
    for line in lines:
        sys.stderr.write(f"mlpath: error: {clean(line)}\n")
    sys.stderr.flush()
    raise SystemExit(code)


def _quiet_broken_pipe() -> NoReturn:
    # The reader went away (`| head`). Point stdout at devnull so the interpreter's
    # final flush cannot raise again, and end quietly.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise SystemExit(0)


def _stdout_is_devnull() -> bool:
    try:
        out, null = os.fstat(sys.stdout.fileno()), Path(os.devnull).stat()
    except (OSError, ValueError):
        return False
    return (out.st_dev, out.st_ino) == (null.st_dev, null.st_ino)


def main(argv: list[str] | None = None) -> None:
    """Run mlpath; every failure becomes one line on stderr and a documented exit code."""
    from typer import Abort
    from typer._click.exceptions import ClickException

    try:
        code = app(args=argv, prog_name="mlpath", standalone_mode=False)
        sys.stdout.flush()
        sys.stderr.flush()
    except MlpathError as exc:
        _fail(exc.lines(), exc.exit_code)
    except ClickException as exc:
        from mlpath.render.text import clean

        exc.message = clean(exc.message)
        exc.show(file=sys.stderr)
        raise SystemExit(EXIT_USAGE if exc.exit_code == 2 else exc.exit_code) from None
    except (Abort, EOFError):
        _fail(["end of input; nothing was written"], EXIT_DATA, fresh_line=True)
    except KeyboardInterrupt:
        _fail(["interrupted; nothing was written"], EXIT_INTERRUPTED, fresh_line=True)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except RecursionError:
        _fail(["the input is nested too deeply"], EXIT_DATA)
    except Exception as exc:  # a bug: one line, and the traceback only when asked for
        if os.environ.get("MLPATH_DEBUG"):
            raise
        _fail([f"internal error: {type(exc).__name__}: {exc} (set MLPATH_DEBUG=1 for the "
               "traceback, and please report it)"], EXIT_DATA)
    except SystemExit:
        # typer (wrapping stdout) and rich (pointing stdout at devnull) end a run whose
        # reader went away with exit 1; for mlpath that is a quiet success.
        if type(sys.stdout).__name__ == "PacifyFlushWrapper" or _stdout_is_devnull():
            _quiet_broken_pipe()
        raise
    if code == EXIT_INTERRUPTED:
        _fail(["interrupted; nothing was written"], EXIT_INTERRUPTED, fresh_line=True)
    raise SystemExit(code or 0)

