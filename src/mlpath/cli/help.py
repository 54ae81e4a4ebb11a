"""Help that reads well wherever it is shown (UX review, finding 22).

``tidy`` runs over the whole command tree once per run, before parsing:

- a docstring's paragraphs are joined into lines (rich mode keeps the source's line
  breaks, so "one JSON / profile per line" broke in the middle);
- arguments read as ``OLD NEW`` and ``PATH...`` in the usage line, not ``{OLD} {NEW}``,
  and without a ``<str>`` type beside them; a number option without a metavar shows
  ``N``, never ``<int range>``;
- help is plain text (click's formatter: no boxes, no escape codes) when standard
  output is not a terminal, and on terminals narrower than 60 columns, where the rich
  panels cut option names (``--prof…``). Plain help wraps at the terminal's width.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from typing import Any

from typer._click import types
from typer._click.core import Context
from typer._click.formatting import HelpFormatter
from typer.core import TyperArgument

NARROW = 60  # below this many columns the rich panels cut option names
_SINGLE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


def reflow(text: str | None) -> str | None:
    """Paragraphs on one line each; a paragraph that starts with \\b keeps its breaks."""
    if not text:
        return text
    paragraphs = _cleandoc(text).split("\n\n")
    return "\n\n".join(p if p.startswith("\b") else _SINGLE_BREAK.sub(" ", p)
                       for p in paragraphs)


def _cleandoc(text: str) -> str:
    """inspect.cleandoc without importing inspect (start-up, DESIGN §7)."""
    first, *rest = text.expandtabs().split("\n")
    indents = [len(line) - len(line.lstrip()) for line in rest if line.strip()]
    cut = min(indents, default=0)
    return "\n".join([first.strip(), *(line[cut:].rstrip() for line in rest)]).strip("\n")


class Argument(TyperArgument):
    """An argument shown by its metavar alone: ``OLD``, ``[PATH]...``, never ``{OLD}``."""

    def make_metavar(self, ctx: Any, *, usage: bool = False) -> str:
        var = self.metavar or (self.name or "").upper()
        if self.nargs != 1 and not var.endswith("..."):
            var += "..."
        return var if self.required or not usage else f"[{var}]"


class _Words(types.StringParamType):
    """Text, with no ``<str>`` shown beside the argument's name."""

    def get_metavar(self, param: Any, ctx: Any) -> str | None:
        return ""


class Formatter(HelpFormatter):
    """click's plain formatter, with a narrower option column on narrow terminals so the
    help text beside it keeps room (a long option name goes on its own line)."""

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl(rows, min(col_max, max(8, (self.width - 20) // 2)), col_spacing)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """One wrapped line (click moves the arguments under a long command name, with
        a trailing space, once the line is under 20 columns from its end)."""
        from typer._click.formatting import wrap_text

        text = f"{'Usage: ' if prefix is None else prefix}{prog} {args}".rstrip()
        self.write(wrap_text(text, self.width, initial_indent=" " * self.current_indent,
                             subsequent_indent=" " * (self.current_indent + 4)) + "\n")


class HelpContext(Context):
    formatter_class = Formatter


def plain() -> bool:
    """Whether help should be plain text: not on a terminal, or on a narrow one."""
    try:
        on_terminal = sys.stdout.isatty()
    except (AttributeError, ValueError):
        on_terminal = False
    forced = bool(os.environ.get("FORCE_COLOR") or os.environ.get("PY_COLORS"))
    return (not on_terminal and not forced) or columns() < NARROW


def columns() -> int:
    return shutil.get_terminal_size((80, 24)).columns


def tidy(command: Any, *, plain_text: bool | None = None) -> None:
    """Tidy the help of ``command`` and every command under it (see the module doc)."""
    simple = plain() if plain_text is None else plain_text
    if simple:
        settings = dict(getattr(command, "context_settings", None) or {})
        settings.setdefault("terminal_width", max(20, min(columns(), 100)))
        command.context_settings = settings
    _tidy(command, simple)


def _tidy(command: Any, simple: bool) -> None:
    command.help = reflow(command.help)
    if command.help and not command.short_help:  # the whole first sentence, not "…"
        command.short_help = command.help.split("\n\n")[0]
    if simple and hasattr(command, "rich_markup_mode"):
        command.rich_markup_mode = None
        if command.context_class is Context:
            command.context_class = HelpContext
    for param in command.params:
        if isinstance(param, TyperArgument):
            param.__class__ = Argument
            if type(param.type) is types.StringParamType:
                param.type = _Words()
        elif (param.metavar is None and not getattr(param, "is_flag", False)
              and isinstance(param.type, (types.IntParamType, types.FloatParamType))):
            param.metavar = "N"
    for sub in getattr(command, "commands", {}).values():
        _tidy(sub, simple)
