"""The command line: thin commands that parse, call the engine, render, and map errors to
exit codes (DESIGN §3). ``main`` is the one error boundary.
"""


import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from mlpath import __version__
from mlpath.errors import (
    EXIT_BELOW,
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    DataError,
    MlpathError,
    UsageError,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console

    from mlpath.interview import Prompter
    from mlpath.model import Catalog, Level, Profile, Role
    from mlpath.profile import Entry


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
    help="How far you are from an ML role, what to learn next, and your next career step.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
roles_app = typer.Typer(help="List the roles, or show one in full.", no_args_is_help=False)
skills_app = typer.Typer(help="List the skill catalogue, or show one skill.",
                         no_args_is_help=False)
app.add_typer(roles_app, name="roles")
app.add_typer(skills_app, name="skills")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (DESIGN §4) instead.")]
ProfileOpt = Annotated[
    str | None,
    typer.Option("--profile", "-p", metavar="FILE",
                 help="Your profile (YAML or JSON); - reads standard input."),
]
RoleOpt = Annotated[
    str | None,
    typer.Option("--role", "-r", metavar="ROLE[:LEVEL]",
                 help="The role (and level) to compare with; default: the profile's "
                 "target, else your best fit."),
]


def _settings(ctx: typer.Context) -> Settings:
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
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """How far you are from an ML role, what to learn next, and your next career step.

    mlpath compares a self-rated skill profile with role definitions (built in, or
    your company's role pack) and prints a gap report, or JSON for scripts.

    Example: mlpath assess --profile me.yaml
    """
    ctx.obj = Settings(roles_dirs=list(roles_dir or []),
                       no_color=no_color or bool(os.environ.get("NO_COLOR")))


def _print_json(value: Any, *, compact: bool = False) -> None:
    from mlpath.render.jsonout import dumps

    sys.stdout.write(dumps(value, compact=compact) + "\n")


def _warn(lines: list[str] | tuple[str, ...]) -> None:
    from mlpath.render.text import clean

    for line in lines:
        sys.stderr.write(f"mlpath: warning: {clean(line)}\n")


def _load_profile(path: str, catalog: "Catalog") -> "Profile":
    from mlpath.profile import load_profile

    return load_profile(path, catalog)


def _resolve_target(catalog: "Catalog", profile: "Profile", role_option: str | None
                    ) -> "tuple[Role | None, Level | None, str]":
    from mlpath.catalog import parse_target

    if role_option:
        role, level = parse_target(catalog, role_option)
        return role, level, "option"
    if profile.target:
        try:
            role, level = parse_target(catalog, profile.target)
        except UsageError as exc:  # checked on load; kept for profiles built in code
            raise DataError(f"{profile.source}: target: {exc}") from None
        return role, level, "profile"
    return None, None, "best-fit"


@app.command()
def assess(
    ctx: typer.Context,
    profile: ProfileOpt = None,
    role: RoleOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="How to print the report.")]
    = Format.table,
    json_: JsonFlag = False,
    explain: Annotated[bool, typer.Option("--explain",
                                          help="Show each skill's part in the readiness.")]
    = False,
    save: Annotated[str | None, typer.Option("--save", metavar="FILE",
                                             help="Also save the profile used to FILE.")]
    = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --save file.")]
    = False,
    fail_under: Annotated[float | None, typer.Option(
        "--fail-under", metavar="N", min=0, max=100,
        help="Exit 3 when the readiness is below N (for scripts).")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never ask questions.")] = False,
    update: Annotated[bool, typer.Option(
        "--update", help="Re-rate your profile with its answers as defaults; the old "
        "ratings go to its history.")] = False,
) -> None:
    """Compare your profile with a role and print the gap report.

    With --profile, mlpath reads your self-rated profile; without it, on a
    terminal, it interviews you. The report shows your readiness, each required
    skill, the top gaps with resources, your next career step and other roles
    that fit.

    Example: mlpath assess --profile me.yaml --role ml-engineer:senior
    """
    settings = _settings(ctx)
    catalog = settings.catalog()
    asking = profile is None or update
    if asking and (no_input or not _interactive()):
        if update:
            raise UsageError("--update asks the questions again and needs a terminal; "
                             "without one, edit the profile file")
        raise UsageError("no profile given and no terminal to ask on; pass --profile FILE "
                         "(or - for standard input); `mlpath init me.yaml` writes one")
    previous = None
    if profile is not None:
        previous = _load_profile(profile, catalog)
        _warn(previous.warnings)
    if asking:
        from mlpath.catalog import parse_target
        from mlpath.interview import run_interview

        option_role, option_level = parse_target(catalog, role) if role else (None, None)
        answers = run_interview(catalog=catalog, prompter=_prompter(settings),
                                previous=previous, role=option_role, level=option_level)
        used = answers.profile
        target_role, target_level = answers.role, answers.level
        chosen = "option" if target_role else "best-fit"
    else:
        assert previous is not None
        used = previous
        target_role, target_level, chosen = _resolve_target(catalog, used, role)
    from mlpath.engine.assess import assess as run_assess

    report = run_assess(catalog=catalog, profile=used, role=target_role, level=target_level,
                        chosen=chosen)
    _render_report(report, catalog, Format.json if json_ else fmt, settings, explain=explain)
    destination = save or (profile if update else None)
    if destination == "-":
        raise UsageError("the profile came from standard input; pass --save FILE to keep it")
    if destination is None and profile is None:
        destination = _ask_where_to_save(settings)
    if destination:
        _save_profile(used, catalog, destination, force=force, settings=settings,
                      replace_by_default=update and destination == profile)
    if fail_under is not None and report.readiness < fail_under:
        raise typer.Exit(EXIT_BELOW)


def _interactive() -> bool:
    """Whether questions can be asked: stdin and stdout are a terminal (tests replace it)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _prompter(settings: Settings) -> "Prompter":
    from mlpath.interview import Prompter

    return Prompter(settings.console())


def _ask_where_to_save(settings: Settings) -> str | None:
    answer = _prompter(settings).ask("\nSave your answers as a profile? File name "
                                     "(Enter skips): ")
    return answer or None


def _save_profile(profile: "Profile", catalog: "Catalog", path: str, *, force: bool,
                  settings: Settings, replace_by_default: bool = False) -> None:
    from mlpath.atomic import write_atomic
    from mlpath.profile import dump_profile

    replace = force
    if not force and Path(path).exists() and _interactive():
        choices = "[Y/n]" if replace_by_default else "[y/N]"
        answer = _prompter(settings).ask(f"{path} exists; replace it? {choices} ").lower()
        replace = answer in ("y", "yes") or (replace_by_default and not answer)
        if not replace:
            sys.stderr.write(f"mlpath: kept {path} as it was; nothing was saved\n")
            return
    write_atomic(path, dump_profile(profile, catalog), replace=replace)
    sys.stderr.write(f"mlpath: saved your profile to {path}\n")


def _render_report(report: Any, catalog: "Catalog", fmt: Format, settings: Settings,
                   *, explain: bool) -> None:
    if fmt is Format.json:
        from mlpath.render.jsonout import report as report_dict

        _print_json(report_dict(report))
    elif fmt is Format.markdown:
        from mlpath.render.markdown import render_report as render_md

        sys.stdout.write(render_md(report))
    else:
        from mlpath.render.table import render_report as render_table

        names = {s.id: s.name for s in catalog.skills.values()}
        render_table(report, settings.console(), skill_names=names, explain=explain)


@app.command()
def match(
    ctx: typer.Context,
    profile: Annotated[str, typer.Option("--profile", "-p", metavar="FILE",
                                         help="Your profile (YAML or JSON); - reads stdin.")],
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many roles to show.")] = 10,
    json_: JsonFlag = False,
) -> None:
    """Rank every role by how ready you are for it.

    Each role is compared at its comparison level: the highest level whose
    minimum years you have (the middle level when your years are unknown).

    Example: mlpath match --profile me.yaml --top 5
    """
    settings = _settings(ctx)
    catalog = settings.catalog()
    loaded = _load_profile(profile, catalog)
    _warn(loaded.warnings)
    from mlpath.engine.assess import rank_roles

    ranked = rank_roles(catalog, loaded.skills, loaded.years_experience)[:top]
    if json_:
        from mlpath.render.jsonout import matches

        _print_json(matches(ranked))
        return
    from mlpath.render.table import matches_table

    settings.console().print(matches_table(ranked, "Roles ranked by readiness"))


@app.command()
def plan(
    ctx: typer.Context,
    profile: Annotated[str, typer.Option("--profile", "-p", metavar="FILE",
                                         help="Your profile (YAML or JSON); - reads stdin.")],
    role: RoleOpt = None,
    hours_per_week: Annotated[float, typer.Option(
        "--hours-per-week", min=0.5, max=80, metavar="N",
        help="How many hours a week you will study.")] = 5.0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="How to print the plan.")]
    = Format.table,
    json_: JsonFlag = False,
) -> None:
    """A learning plan: your gaps in the order to learn them, with hours and weeks.

    Prerequisites come first (a missing one the role does not list is added as its
    own step), then higher priority. Hours come from the resources where known,
    else from mlpath's per-level estimate, marked ~.

    Example: mlpath plan --profile me.yaml --role mlops-engineer:mid --hours-per-week 6
    """
    settings = _settings(ctx)
    catalog = settings.catalog()
    loaded = _load_profile(profile, catalog)
    _warn(loaded.warnings)
    target_role, target_level, _ = _resolve_target(catalog, loaded, role)
    from mlpath.engine.assess import comparison_level, rank_roles
    from mlpath.engine.plan import make_plan

    if target_role is None:
        best = rank_roles(catalog, loaded.skills, loaded.years_experience)[0]
        target_role = catalog.roles[best.role]
    level = target_level or comparison_level(target_role, loaded.years_experience)
    result = make_plan(catalog=catalog, profile=loaded, role=target_role, level=level,
                       hours_per_week=hours_per_week)
    fmt = Format.json if json_ else fmt
    if fmt is Format.json:
        from mlpath.render.jsonout import plan as plan_dict

        _print_json(plan_dict(result))
    elif fmt is Format.markdown:
        from mlpath.render.plan import render_plan_markdown

        sys.stdout.write(render_plan_markdown(result))
    else:
        from mlpath.render.plan import render_plan

        render_plan(result, settings.console())


@app.command()
def diff(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier profile.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later profile.")],
    role: RoleOpt = None,
    json_: JsonFlag = False,
) -> None:
    """What changed between two profiles, and readiness before and after.

    Readiness is shown for NEW's target (or best fit) and its closest other
    roles, each at the same level on both sides.

    Example: mlpath diff last-year.yaml me.yaml
    """
    settings = _settings(ctx)
    catalog = settings.catalog()
    before, after = _load_profile(old, catalog), _load_profile(new, catalog)
    _warn([*before.warnings, *after.warnings])
    from mlpath.engine.progress import diff as run_diff

    target_role, target_level, _ = _resolve_target(catalog, after, role)
    result = run_diff(catalog=catalog, old=before, new=after, role=target_role,
                      level=target_level)
    if json_:
        from mlpath.render.jsonout import diff as diff_dict

        _print_json(diff_dict(result))
        return
    from mlpath.render.progress import render_diff

    render_diff(result, settings.console())


@app.command()
def progress(
    ctx: typer.Context,
    profile: Annotated[str, typer.Option("--profile", "-p", metavar="FILE",
                                         help="Your profile, with its history.")],
    role: RoleOpt = None,
    json_: JsonFlag = False,
) -> None:
    """Your readiness over time, from the dated ratings in the profile's history.

    `mlpath assess --profile FILE --update` adds a dated snapshot each time.

    Example: mlpath progress --profile me.yaml
    """
    settings = _settings(ctx)
    catalog = settings.catalog()
    loaded = _load_profile(profile, catalog)
    _warn(loaded.warnings)
    from mlpath.engine.progress import progress as run_progress

    target_role, target_level, _ = _resolve_target(catalog, loaded, role)
    result = run_progress(catalog=catalog, profile=loaded, role=target_role, level=target_level)
    if json_:
        from mlpath.render.jsonout import progress as progress_dict

        _print_json(progress_dict(result))
        return
    from mlpath.render.progress import render_progress

    render_progress(result, settings.console())


class TeamFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def team(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH...", help="Profiles, folders of profiles, or .jsonl files.")],
    role: RoleOpt = None,
    fmt: Annotated[TeamFormat, typer.Option("--format", "-f", help="How to print the view.")]
    = TeamFormat.table,
    json_: JsonFlag = False,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="Stream one assess-like JSON object per person instead.")] = False,
) -> None:
    """Many profiles at once: where the group falls short of a role, and who is closest.

    Folders are searched for *.yaml, *.yml and *.json; a .jsonl file holds one JSON
    profile per line. A profile that fails to load is reported and skipped, and the
    exit code is then 1.

    Example: mlpath team profiles/ --role ml-engineer:mid
    """
    settings = _settings(ctx)
    catalog = settings.catalog()
    from mlpath.catalog import parse_target
    from mlpath.engine.team import Matcher, choose_target, summarize
    from mlpath.profile import parse_profile, team_entries

    option_role, option_level = parse_target(catalog, role) if role else (None, None)
    matcher = Matcher(catalog)
    members = []
    skipped = streamed = 0
    entries = team_entries(paths)
    for entry in _with_progress(entries, paths):
        try:
            if entry.error is not None:
                raise DataError(entry.error)
            assert entry.text is not None
            loaded = parse_profile(entry.text, entry.source, catalog)._replace(
                source=entry.label)
        except MlpathError as exc:
            skipped += 1
            _warn_skipped(exc)
            continue
        if jsonl:  # streamed: nothing is kept, so memory stays flat
            _stream_person(catalog, loaded, option_role, option_level)
            streamed += 1
            continue
        members.append(matcher.member(loaded))
    if jsonl:
        _end_team(streamed, skipped)
        return
    target_role, target_level, chosen = choose_target(catalog, members, option_role,
                                                      option_level)
    report = summarize(catalog=catalog, members=members, role=target_role, level=target_level,
                       chosen=chosen, skipped=skipped)
    fmt = TeamFormat.json if json_ else fmt
    if fmt is TeamFormat.json:
        from mlpath.render.jsonout import team as team_dict

        # Past a hundred people the JSON is for programs: one line, through the C encoder.
        _print_json(team_dict(report), compact=report.members > 100)
    elif fmt is TeamFormat.csv:
        from mlpath.render.team import team_csv

        sys.stdout.write(team_csv(report))
    else:
        from mlpath.render.team import render_team

        index = {sid: i for i, sid in enumerate(catalog.skills)}
        render_team(report, settings.console(), ratings=[m.ratings for m in members],
                    skill_index=index)
    _end_team(len(members), skipped)


def _with_progress(entries: "Iterator[Entry]", paths: list[str]) -> "Iterator[Entry]":
    """A progress bar on stderr for big runs on a terminal; otherwise the entries as they are."""
    if not sys.stderr.isatty():
        yield from entries
        return
    from mlpath.profile import profile_files

    total = sum(len(profile_files(p)) if Path(p).is_dir() else 1 for p in paths)
    if total <= 300:
        yield from entries
        return
    from rich.progress import Progress

    from mlpath.render.console import make_console

    with Progress(console=make_console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading profiles", total=total)
        for entry in entries:
            yield entry
            if entry.label == entry.source:  # a file (one line of .jsonl is labelled path:N)
                bar.advance(task)


def _warn_skipped(exc: MlpathError) -> None:
    from mlpath.render.text import clean

    for line in exc.lines():
        sys.stderr.write(f"mlpath: skipped: {clean(line)}\n")


def _stream_person(catalog: "Catalog", profile: "Profile", role: "Role | None",
                   level: "Level | None") -> None:
    import json

    from mlpath.engine.assess import assess as run_assess
    from mlpath.render.jsonout import report as report_dict

    chosen = "option"
    if role is None:
        role, level, chosen = _resolve_target(catalog, profile, None)
    report = run_assess(catalog=catalog, profile=profile, role=role, level=level, chosen=chosen)
    sys.stdout.write(json.dumps(report_dict(report), ensure_ascii=True,
                                separators=(",", ":")) + "\n")
    sys.stdout.flush()


def _end_team(read: int, skipped: int) -> None:
    if skipped:
        sys.stderr.write(f"mlpath: read {read} profile(s); skipped {skipped} that could not "
                         "be loaded (see above)\n")
        raise typer.Exit(EXIT_DATA)
    if read == 0:
        raise UsageError("no profiles found in the paths given (*.yaml, *.yml, *.json, *.jsonl)")


@roles_app.callback(invoke_without_command=True)
def roles(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """List the roles: id, name, levels and salary bands.

    Example: mlpath roles --json | jq '.[].id'
    """
    if ctx.invoked_subcommand:
        return
    settings = _settings(ctx)
    catalog = settings.catalog()
    if json_:
        from mlpath.render.jsonout import role_summary

        _print_json([role_summary(r) for r in catalog.roles.values()])
        return
    from mlpath.render.listing import render_roles

    render_roles(catalog, settings.console())


@roles_app.command("show")
def roles_show(ctx: typer.Context,
               role_id: Annotated[str, typer.Argument(metavar="ROLE", help="A role id.")],
               json_: JsonFlag = False) -> None:
    """Show one role: levels, years, salary with its source, requirements and moves.

    Example: mlpath roles show ml-engineer
    """
    settings = _settings(ctx)
    catalog = settings.catalog()
    from mlpath.catalog import get_role

    role = get_role(catalog, role_id)
    if json_:
        from mlpath.render.jsonout import role_detail

        _print_json(role_detail(role))
        return
    from mlpath.render.listing import render_role

    render_role(role, catalog, settings.console())


@skills_app.callback(invoke_without_command=True)
def skills(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """List the skill catalogue, grouped by category.

    Example: mlpath skills --json | jq -r '.[].id'
    """
    if ctx.invoked_subcommand:
        return
    settings = _settings(ctx)
    catalog = settings.catalog()
    if json_:
        from mlpath.render.jsonout import skill_summary

        _print_json([skill_summary(s) for s in catalog.skills.values()])
        return
    from mlpath.render.listing import render_skills

    render_skills(catalog, settings.console())


@skills_app.command("show")
def skills_show(ctx: typer.Context,
                skill_id: Annotated[str, typer.Argument(metavar="SKILL", help="A skill id.")],
                json_: JsonFlag = False) -> None:
    """Show one skill: its 0-5 rubric, prerequisites and learning resources.

    Example: mlpath skills show pytorch
    """
    settings = _settings(ctx)
    catalog = settings.catalog()
    from mlpath.catalog import get_skill

    skill = get_skill(catalog, skill_id)
    if json_:
        from mlpath.render.jsonout import skill_detail

        _print_json(skill_detail(skill, catalog))
        return
    from mlpath.render.listing import render_skill

    render_skill(skill, catalog, settings.console())


@app.command()
def milestones(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """List the portfolio, education and community milestones roles ask for.

    Add the ones you have to your profile's `milestones:` list.

    Example: mlpath milestones --json
    """
    settings = _settings(ctx)
    catalog = settings.catalog()
    if json_:
        from mlpath.render.jsonout import milestone

        _print_json([milestone(m) for m in catalog.milestones.values()])
        return
    from mlpath.render.listing import render_milestones

    render_milestones(catalog, settings.console())


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="[PATH]...", help="Role packs (folders) or data files; default: the built-in "
        "data and configured packs.")] = None,
) -> None:
    """Check role packs and data files, printing every problem as file:line:col.

    Packs are checked together with the built-in data, so a pack may use the
    built-in skills. Nothing else runs. Exit 1 when any problem is found.

    Example: mlpath validate my-ladder/
    """
    settings = _settings(ctx)
    from mlpath.validate import validate_paths

    result = validate_paths(list(paths or []), roles_dirs=settings.roles_dirs)
    from mlpath.render.text import clean

    for problem in result.problems:
        sys.stdout.write(clean(str(problem)) + "\n")
    if result.problems:
        sys.stderr.write(f"mlpath: {len(result.problems)} problem(s) in "
                         f"{result.files} file(s)\n")
        raise typer.Exit(EXIT_DATA)
    sys.stdout.write(f"ok: {result.files} file(s), {result.roles} role(s), "
                     f"{result.skills} skill(s), {result.milestones} milestone(s)\n")


@app.command()
def init(
    ctx: typer.Context,
    file: Annotated[str | None, typer.Argument(metavar="[FILE]",
                                               help="Where to write; default: print it.")]
    = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing FILE.")] = False,
) -> None:
    """Write a commented profile template to fill in (never over an existing file).

    Example: mlpath init me.yaml && $EDITOR me.yaml && mlpath assess --profile me.yaml
    """
    settings = _settings(ctx)
    from mlpath.profile import template

    text = template(settings.catalog())
    if file is None:
        sys.stdout.write(text)
        return
    from mlpath.atomic import write_atomic

    write_atomic(file, text, replace=force)
    sys.stderr.write(f"mlpath: wrote {file}; rate yourself, then run "
                     f"`mlpath assess --profile {file}`\n")


# --- the error boundary ---------------------------------------------------------------


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
