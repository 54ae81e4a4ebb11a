"""What every command shares: the typer app, global options, settings and small helpers."""

import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlpath import __version__
from mlpath.cli.completion import MlpathGroup, quiet_notes

if TYPE_CHECKING:
    from rich.console import Console

    from mlpath.commands.context import Context
    from mlpath.interview import Prompter
    from mlpath.model import Catalog


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class Settings:
    """The global options, and the catalogue loaded once per run."""

    def __init__(self, roles_dirs: list[str] | None = None, *, no_color: bool = False) -> None:
        self.roles_dirs = roles_dirs or []
        self.no_color = no_color
        self._catalog: Catalog | None = None

    def catalog(self) -> "Catalog":
        if self._catalog is None:
            from mlpath.catalog import load_catalog

            self._catalog = load_catalog(self.roles_dirs)
        return self._catalog

    def console(self) -> "Console":
        from mlpath.render.console import make_console

        return make_console(no_color=self.no_color)


app = typer.Typer(
    name="mlpath",
    cls=MlpathGroup,  # global options after the command; completion for the shell asked for
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _completion_catalog(ctx: typer.Context) -> "Catalog | None":
    """The catalogue for tab completion, with the packs of --roles-dir and the environment."""
    from mlpath.catalog import load_catalog

    dirs = ctx.find_root().params.get("roles_dir") or []
    try:
        return load_catalog(list(dirs))
    except Exception:  # completion must never print an error in the middle of a line
        return None


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids, and ROLE:LEVEL once a role id and a colon are typed."""
    catalog = _completion_catalog(ctx)
    if catalog is None:
        return []
    if ":" in incomplete:
        role = catalog.roles.get(incomplete.split(":", 1)[0])
        return [f"{role.id}:{lv.id}" for lv in role.levels
                if f"{role.id}:{lv.id}".startswith(incomplete)] if role else []
    return [r for r in catalog.roles if r.startswith(incomplete)]


def complete_skill(ctx: typer.Context, incomplete: str) -> list[str]:
    catalog = _completion_catalog(ctx)
    return [s for s in catalog.skills if s.startswith(incomplete)] if catalog else []


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead.")]
ProfileOpt = Annotated[
    str | None,
    typer.Option("--profile", "-p", metavar="FILE",
                 help="Your profile (YAML or JSON); - reads standard input."),
]
ProfileFile = Annotated[
    str,
    typer.Option("--profile", "-p", metavar="FILE",
                 help="Your profile (YAML or JSON); - reads standard input."),
]
RoleOpt = Annotated[
    str | None,
    typer.Option("--role", "-r", metavar="ROLE[:LEVEL]", autocompletion=complete_role,
                 help="The role (and level) to compare with; default: the profile's "
                 "target, else your best fit."),
]


def settings_of(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    if not isinstance(obj, Settings):
        obj = Settings()
        ctx.find_root().obj = obj
    return obj


def _version(value: bool) -> None:
    if value:
        print(f"mlpath {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    roles_dir: Annotated[
        list[str] | None,
        typer.Option("--roles-dir", metavar="DIR",
                     help="A role pack to merge with the built-in roles (repeatable; "
                     "also MLPATH_ROLES_PATH)."),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour, as with NO_COLOR.")]
    = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the result and "
                                        "errors: no notes or warnings.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """How far you are from an ML role, what to learn next, and your next career step.

    mlpath compares a self-rated skill profile with role definitions (built in, or
    your company's role pack) and prints a gap report, or JSON for scripts.

    Example: mlpath assess --profile me.yaml
    """
    if quiet:
        quiet_notes(ctx)
    ctx.obj = Settings(roles_dirs=list(roles_dir or []),
                       no_color=no_color or bool(os.environ.get("NO_COLOR")))


def print_json(value: Any, *, compact: bool = False) -> None:
    from mlpath.render.jsonout import dumps

    sys.stdout.write(dumps(value, compact=compact) + "\n")


def context(settings: Settings, *, asking: bool | None = None) -> "Context":
    """What the use cases need: the catalogue, a console and a prompter made on demand,
    and whether questions can be asked (``asking``: the caller's own check)."""
    from mlpath.commands.context import Context

    return Context(settings.catalog(), settings.console, lambda: prompter(settings),
                   interactive() if asking is None else asking)


def interactive() -> bool:
    """Whether questions can be asked: stdin and stdout are a terminal (tests replace it)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def prompter(settings: Settings) -> "Prompter":
    from mlpath.interview import Prompter

    return Prompter(settings.console())


