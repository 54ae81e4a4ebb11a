"""`mlpath assess`: interview or file, the report, where to save and whether to replace."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.commands.context import Context, note, warn
from mlpath.commands.output import emit
from mlpath.commands.targets import require_best_fit, target_for
from mlpath.errors import EXIT_BELOW, UsageError

if TYPE_CHECKING:
    from mlpath.model import Catalog, Level, Profile, Report, Role


def assess(ctx: Context, *, profile_path: str | None, role_option: str | None,
           fmt: str = "table", output: str | None = None, save: str | None = None,
           force: bool = False, fail_under: float | None = None, no_input: bool = False,
           update: bool = False, explain: bool = False, reviews: str | None = None) -> int:
    """Assess a profile (read, or asked for on a terminal) and print or write the report.

    Returns the exit code: 0, or 3 when the readiness is below ``fail_under``.
    """
    kind = output_kind(output) if output else None
    if save == "-" and not output:  # both would go to standard output, one after the other
        raise UsageError("--save - prints the profile on standard output, where the report "
                         "goes too; write the report with --output FILE")
    catalog = ctx.catalog
    asking = profile_path is None or update
    if asking and (no_input or not ctx.interactive):
        if update:
            raise UsageError("--update asks the questions again and needs a terminal; "
                             "without one, edit the profile file")
        raise UsageError("no profile given and no terminal to ask on; pass --profile FILE "
                         "(or - for standard input); `mlpath init me.yaml` writes one")
    if update and profile_path == "-" and not save:
        raise UsageError("--update saves back to the profile's file, and this one came from "
                         "standard input; pass --save FILE as well")
    previous = None
    if profile_path is not None:
        from mlpath.profile import load_profile

        previous = load_profile(profile_path, catalog)
    if asking:
        used, role, level, chosen = interview(ctx, previous=previous, role_option=role_option)
    else:
        assert previous is not None
        used = previous
        role, level, chosen = target_for(catalog, used, role_option)
    from mlpath.engine.assess import assess as assess_profile

    report = assess_profile(catalog=catalog, profile=used, role=role, level=level,
                            chosen=chosen)
    from mlpath.commands.review import comparison, print_review, review_json

    review, review_warnings = comparison(catalog, catalog.roles[report.target.role].levels,
                                         report.target.level, used.skills,
                                         None if asking else profile_path, reviews)
    if output and kind:
        write_report(report, catalog, output, kind, force=force, explain=explain)
    else:
        emit("report", report, fmt, console=ctx.console, explain=explain,
             skill_names={s.id: s.name for s in catalog.skills.values()},
             extra=review_json(review, fmt))
        print_review(review, fmt, ctx.console)
    warn([*report.warnings, *review_warnings])  # after the report (also in the JSON)
    destination = save_destination(ctx, profile_path=profile_path, save=save, update=update)
    if destination:
        save_profile(ctx, used, destination, force=force,
                     replace_by_default=update and destination == profile_path,
                     answers_at_stake=asking)
    return below(report.readiness, fail_under)


def below(readiness: float, fail_under: float | None) -> int:
    """The --fail-under verdict, said on stderr when it fails (CI logs show why)."""
    if fail_under is None or readiness >= fail_under:
        return 0
    note(f"readiness {readiness:g}% is below --fail-under {fail_under:g}")
    return EXIT_BELOW


def interview(ctx: Context, *, previous: Profile | None, role_option: str | None
              ) -> tuple[Profile, Role | None, Level | None, str]:
    """Ask the questions; an --update that changes nothing adds no history entry."""
    from mlpath.catalog import parse_target
    from mlpath.interview import run_interview

    catalog = ctx.catalog
    option_role, option_level = (parse_target(catalog, role_option) if role_option
                                 else (None, None))
    answers = run_interview(catalog=catalog, prompter=ctx.prompter(), previous=previous,
                            role=option_role, level=option_level)
    used = keep_history_honest(previous, answers.profile)
    require_best_fit(catalog, used, answers.role)
    return used, answers.role, answers.level, "option" if answers.role else "best-fit"


def keep_history_honest(previous: Profile | None, new: Profile) -> Profile:
    """Drop the snapshot an update adds when the ratings did not change: history records
    change, and a repeated point would only repeat itself in ``progress``."""
    if previous is None:
        return new
    def rated(p: Profile) -> dict[str, int]:  # a skill left out and a 0 are the same rating
        return {k: v for k, v in p.skills.items() if v}

    same = (rated(new) == rated(previous) and new.unrated == previous.unrated
            and new.years_experience == previous.years_experience)
    return new._replace(history=previous.history) if same else new


def save_destination(ctx: Context, *, profile_path: str | None, save: str | None,
                     update: bool) -> str | None:
    """--save FILE; else the profile's own file on --update; else, after an interview,
    ask where (Enter skips)."""
    if save:
        return save
    if update:
        return profile_path
    if profile_path is None:
        answer = ctx.prompter().ask("\nSave your answers as a profile? File name "
                                    "(Enter skips): ")
        if not answer:
            note("not saved")
        return answer or None
    return None


def save_profile(ctx: Context, profile: Profile, path: str, *, force: bool,
                 replace_by_default: bool = False, answers_at_stake: bool = False) -> bool:
    """Write the profile; an existing file is replaced only with --force or a yes.

    ``answers_at_stake``: the profile came from an interview and exists nowhere else, so
    a failed save offers another file or writes a recovery file (``mlpath.saving``).
    """
    from mlpath.saving import save

    if path == "-":  # standard output, as everywhere a file is taken
        from mlpath.profile import dump_profile

        sys.stdout.write(dump_profile(profile, ctx.catalog))
        return True
    replace = force
    if not force and Path(path).exists() and ctx.interactive:
        choices = "[Y/n]" if replace_by_default else "[y/N]"
        answer = ctx.prompter().ask(f"{path} exists; replace it? {choices} ").lower()
        replace = answer in ("y", "yes") or (replace_by_default and not answer)
        if not replace:
            note(f"kept {path} as it was; nothing was saved")
            return False
    save(profile, ctx.catalog, path, replace=replace, answers_at_stake=answers_at_stake,
         say=lambda line: print(line, file=sys.stderr),
         ask=ctx.prompter().ask if ctx.interactive else None)
    from mlpath.schemas import write_profile_schema_beside  # the file its $schema line names

    write_profile_schema_beside(path, ctx.catalog)
    return True


def output_kind(path: str) -> str:
    from mlpath.render.export import EXTENSIONS

    kind = EXTENSIONS.get(Path(path).suffix.lower())
    if kind is None:
        raise UsageError(f"--output {path}: cannot tell the format from the extension; use "
                         + ", ".join(sorted(EXTENSIONS)))
    return kind


def write_report(report: Report, catalog: Catalog, path: str, kind: str, *, force: bool,
                 explain: bool) -> None:
    from mlpath.atomic import write_atomic
    from mlpath.render.export import export_report

    names = {s.id: s.name for s in catalog.skills.values()}
    write_atomic(path, export_report(report, kind, skill_names=names, explain=explain),
                 replace=force)
    sys.stderr.write(f"mlpath: wrote the report to {path}\n")
