"""The commands about one person: assess, match, plan, diff and progress."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlpath.cli.shared import (
    Format,
    JsonFlag,
    ProfileFile,
    ProfileOpt,
    RoleOpt,
    Settings,
    app,
    interactive,
    load_profile_file,
    print_json,
    prompter,
    resolve_target,
    settings_of,
    warn,
)
from mlpath.errors import EXIT_BELOW, UsageError

if TYPE_CHECKING:
    from mlpath.model import Catalog, Profile


PANEL = "Your career"


@app.command(rich_help_panel=PANEL)
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
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write the report to FILE instead, in the format its extension names: "
        ".html, .svg, .md, .json or .txt.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing --save or --output file.")] = False,
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
    settings = settings_of(ctx)
    kind = _output_kind(output) if output else None
    if save == "-" and not output:  # both would go to standard output, one after the other
        raise UsageError("--save - prints the profile on standard output, where the report "
                         "goes too; write the report with --output FILE")
    catalog = settings.catalog()
    asking = profile is None or update
    if asking and (no_input or not interactive()):
        if update:
            raise UsageError("--update asks the questions again and needs a terminal; "
                             "without one, edit the profile file")
        raise UsageError("no profile given and no terminal to ask on; pass --profile FILE "
                         "(or - for standard input); `mlpath init me.yaml` writes one")
    if update and profile == "-" and not save:
        raise UsageError("--update saves back to the profile's file, and this one came from "
                         "standard input; pass --save FILE as well")
    previous = None
    if profile is not None:
        previous = load_profile_file(profile, catalog)
        warn(previous.warnings)
    if asking:
        from mlpath.catalog import parse_target
        from mlpath.interview import run_interview

        option_role, option_level = parse_target(catalog, role) if role else (None, None)
        answers = run_interview(catalog=catalog, prompter=prompter(settings),
                                previous=previous, role=option_role, level=option_level)
        used = answers.profile
        target_role, target_level = answers.role, answers.level
        chosen = "option" if target_role else "best-fit"
    else:
        assert previous is not None
        used = previous
        target_role, target_level, chosen = resolve_target(catalog, used, role)
    from mlpath.engine.assess import assess as run_assess

    report = run_assess(catalog=catalog, profile=used, role=target_role, level=target_level,
                        chosen=chosen)
    if output and kind:
        _write_report(report, catalog, output, kind, force=force, explain=explain)
    else:
        _render_report(report, catalog, Format.json if json_ else fmt, settings,
                       explain=explain)
    destination = save or (profile if update else None)
    if destination is None and profile is None:
        destination = _ask_where_to_save(settings)
    if destination:
        _save_profile(used, catalog, destination, force=force, settings=settings,
                      replace_by_default=update and destination == profile)
    if fail_under is not None and report.readiness < fail_under:
        raise typer.Exit(EXIT_BELOW)


def _ask_where_to_save(settings: Settings) -> str | None:
    answer = prompter(settings).ask("\nSave your answers as a profile? File name "
                                     "(Enter skips): ")
    return answer or None


def _save_profile(profile: "Profile", catalog: "Catalog", path: str, *, force: bool,
                  settings: Settings, replace_by_default: bool = False) -> None:
    from mlpath.atomic import write_atomic
    from mlpath.profile import dump_profile

    replace = force
    if not force and Path(path).exists() and interactive():
        choices = "[Y/n]" if replace_by_default else "[y/N]"
        answer = prompter(settings).ask(f"{path} exists; replace it? {choices} ").lower()
        replace = answer in ("y", "yes") or (replace_by_default and not answer)
        if not replace:
            sys.stderr.write(f"mlpath: kept {path} as it was; nothing was saved\n")
            return
    if path == "-":  # standard output, as everywhere a file is taken
        sys.stdout.write(dump_profile(profile, catalog))
        return
    write_atomic(path, dump_profile(profile, catalog), replace=replace)
    from mlpath.schemas import write_profile_schema_beside  # the file its $schema line names

    write_profile_schema_beside(path, catalog)
    sys.stderr.write(f"mlpath: saved your profile to {path}\n")


def _output_kind(path: str) -> str:
    from mlpath.render.export import EXTENSIONS

    kind = EXTENSIONS.get(Path(path).suffix.lower())
    if kind is None:
        raise UsageError(f"--output {path}: cannot tell the format from the extension; use "
                         + ", ".join(sorted(EXTENSIONS)))
    return kind


def _write_report(report: Any, catalog: "Catalog", path: str, kind: str, *, force: bool,
                  explain: bool) -> None:
    from mlpath.atomic import write_atomic
    from mlpath.render.export import export_report

    names = {s.id: s.name for s in catalog.skills.values()}
    write_atomic(path, export_report(report, kind, skill_names=names, explain=explain),
                 replace=force)
    sys.stderr.write(f"mlpath: wrote the report to {path}\n")


def _render_report(report: Any, catalog: "Catalog", fmt: Format, settings: Settings,
                   *, explain: bool) -> None:
    if fmt is Format.json:
        from mlpath.render.jsonout import report as report_dict

        print_json(report_dict(report))
    elif fmt is Format.markdown:
        from mlpath.render.markdown import render_report as render_md

        sys.stdout.write(render_md(report))
    else:
        from mlpath.render.table import render_report as render_table

        names = {s.id: s.name for s in catalog.skills.values()}
        render_table(report, settings.console(), skill_names=names, explain=explain)


@app.command(rich_help_panel=PANEL)
def match(
    ctx: typer.Context,
    profile: ProfileFile,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many roles to show.")] = 10,
    json_: JsonFlag = False,
) -> None:
    """Rank every role by how ready you are for it.

    Each role is compared at its comparison level: the highest level whose
    minimum years you have (the middle level when your years are unknown).

    Example: mlpath match --profile me.yaml --top 5
    """
    settings = settings_of(ctx)
    catalog = settings.catalog()
    loaded = load_profile_file(profile, catalog)
    warn(loaded.warnings)
    from mlpath.engine.assess import rank_roles

    ranked = rank_roles(catalog, loaded.skills, loaded.years_experience)[:top]
    if json_:
        from mlpath.render.jsonout import matches

        print_json(matches(ranked))
        return
    from mlpath.render.table import matches_table

    settings.console().print(matches_table(ranked, "Roles ranked by readiness"))


@app.command(rich_help_panel=PANEL)
def plan(
    ctx: typer.Context,
    profile: ProfileFile,
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
    settings = settings_of(ctx)
    catalog = settings.catalog()
    loaded = load_profile_file(profile, catalog)
    warn(loaded.warnings)
    target_role, target_level, _ = resolve_target(catalog, loaded, role)
    from mlpath.engine.assess import settle_target
    from mlpath.engine.plan import make_plan

    target_role, level = settle_target(catalog, loaded.skills, loaded.years_experience,
                                       target_role, target_level)
    result = make_plan(catalog=catalog, profile=loaded, role=target_role, level=level,
                       hours_per_week=hours_per_week)
    fmt = Format.json if json_ else fmt
    if fmt is Format.json:
        from mlpath.render.jsonout import plan as plan_dict

        print_json(plan_dict(result))
    elif fmt is Format.markdown:
        from mlpath.render.plan import render_plan_markdown

        sys.stdout.write(render_plan_markdown(result))
    else:
        from mlpath.render.plan import render_plan

        render_plan(result, settings.console())


@app.command(rich_help_panel=PANEL)
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
    settings = settings_of(ctx)
    catalog = settings.catalog()
    before, after = load_profile_file(old, catalog), load_profile_file(new, catalog)
    warn([*before.warnings, *after.warnings])
    from mlpath.engine.progress import diff as run_diff

    target_role, target_level, _ = resolve_target(catalog, after, role)
    result = run_diff(catalog=catalog, old=before, new=after, role=target_role,
                      level=target_level)
    if json_:
        from mlpath.render.jsonout import diff as diff_dict

        print_json(diff_dict(result))
        return
    from mlpath.render.progress import render_diff

    render_diff(result, settings.console())


@app.command(rich_help_panel=PANEL)
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
    settings = settings_of(ctx)
    catalog = settings.catalog()
    loaded = load_profile_file(profile, catalog)
    warn(loaded.warnings)
    from mlpath.engine.progress import progress as run_progress

    target_role, target_level, _ = resolve_target(catalog, loaded, role)
    result = run_progress(catalog=catalog, profile=loaded, role=target_role, level=target_level)
    if json_:
        from mlpath.render.jsonout import progress as progress_dict

        print_json(progress_dict(result))
        return
    from mlpath.render.progress import render_progress

    render_progress(result, settings.console())


