"""The output options every report command shares: --format, --json, --output, --force.

The choices come from the renderer registry (render/registry.py), so ``--help`` lists
exactly what the command can print, an unknown value is a usage error naming the valid
ones, and ``registry.choose`` turns the flags into one format or refuses a conflict.
"""

from __future__ import annotations

from typing import Any

import typer
from typer._types import TyperChoice

from mlpath.render.registry import ALIASES, choose, extensions, formats

__all__ = ["FormatChoice", "chosen", "force_option", "format_option", "output_option"]


class FormatChoice(TyperChoice[str]):
    """A --format value: one of the registry's formats for the kind, or an alias (md)."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str):
            value = ALIASES.get(value.lower(), value)
        return super().convert(value, param, ctx)


def format_option(kind: str, what: str) -> Any:
    """``--format/-f FORMAT`` with the registry's formats for ``kind`` as its choices."""
    names = formats(kind)
    return typer.Option(
        "--format", "-f", metavar="FORMAT", click_type=FormatChoice(names),
        show_default=False,
        help=f"How to print {what}: {', '.join(names)} (default table). "
        "--json is short for --format json.")


def output_option(kind: str, what: str) -> Any:
    """``--output/-o FILE``: the format from the extension, - for standard output."""
    exts = [e for e in extensions(kind) if e not in (".htm", ".markdown")]
    return typer.Option(
        "--output", "-o", metavar="FILE",
        help=f"Write {what} to FILE instead, in the format its extension names: "
        f"{', '.join(exts)}; - is standard output.")


def force_option(what: str) -> Any:
    return typer.Option("--force", help=f"Replace an existing {what} file.")


def chosen(kind: str, fmt: str | None, json: bool, output: str | None) -> str:
    """The one format the flags ask for (a usage error, exit 2, when they disagree)."""
    return choose(kind, fmt=fmt, json=json, output=output)
