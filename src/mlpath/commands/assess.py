"""`mlpath assess`: interview or file, the report, where to save and whether to replace."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.commands.context import Context, note, record_verdict, warn
from mlpath.commands.output import emit
from mlpath.commands.targets import require_best_fit, target_for
from mlpath.errors import EXIT_BELOW, UsageError

if TYPE_CHECKING:
    from mlpath.model import Catalog, Level, Profile, Role


def assess(ctx: Context, *, profile_path: str | None, role_option: str | None,
           fmt: str = "table", output: str | None = None, save: str | None = None,
           force: bool = False, fail_under: float | None = None, no_input: bool = False,
           update: bool = False, explain: bool = False, posting: str | None = None,
           reviews: str | None = None) -> int:
    """Assess a profile (read, or asked for on a terminal) and print or write the report.

    ``posting``: a job ad's file (or -) to compare with instead of a role.
    Returns the exit code: 0, or 3 when the readiness is below ``fail_under``.
    """
    if save == "-" and output in (None, "-"):  # both would go to standard output
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
    ad = ad_target(catalog, posting, profile_path, role_option) if posting else None
    previous = None
    if profile_path is not None:
        from mlpath.profile import load_profile

        previous = load_profile(profile_path, catalog)
    if asking:
        used, role, level, chosen = interview(ctx, previous=previous, role_option=role_option,
                                              ad=ad)
    elif ad:
        assert previous is not None
        used, (role, level), chosen = previous, ad, "option"
    else:
        assert previous is not None
        used = previous
        role, level, chosen = target_for(catalog, used, role_option)
    from mlpath.engine.assess import assess as assess_profile

    report = assess_profile(catalog=catalog, profile=used, role=role, level=level,
                            chosen=chosen)
    from mlpath.commands.review import comparison, print_review, review_json

    # a role drafted from a job ad is in no catalogue: reviews are not compared against it
    role_levels = (catalog.roles[report.target.role].levels
                   if posting is None and report.target.role in catalog.roles else ())
    # The verdict is known now: recorded before the report, which may meet a closed pipe.
    code = record_verdict(below(report.readiness, fail_under))
    review, review_warnings = comparison(catalog, role_levels, report.target.level,
                                         used.skills, None if asking else profile_path, reviews)
    try:
        emit("report", report, fmt, console=ctx.console, explain=explain,
             skill_names={s.id: s.name for s in catalog.skills.values()}, output=output,
             force=force, extra=review_json(review, fmt))
        if output in (None, "-"):  # the review is a section after the report on the screen
            print_review(review, fmt, ctx.console)
        warn([*report.warnings, *review_warnings])  # after the report (also in the JSON)
    except BrokenPipeError:  # the reader went away (`| head`): the file asked for is still
        if save and save != "-" and not asking:  # written (an interview needs a terminal)
            save_profile(ctx, used, save, force=force)
        raise
    destination = save_destination(ctx, profile_path=profile_path, save=save, update=update)
    if destination:
        save_profile(ctx, used, destination, force=force,
                     replace_by_default=update and destination == profile_path,
                     answers_at_stake=asking)
    if code:  # said on stderr after the report (CI logs show why)
        assert fail_under is not None
        note(f"readiness {report.readiness:g}% is below --fail-under {fail_under:g}")
    return code


def below(readiness: float, fail_under: float | None) -> int:
    """The --fail-under verdict: 3 when ``readiness`` is below ``fail_under``, else 0."""
    if fail_under is None or readiness >= fail_under:
        return 0
    return EXIT_BELOW


def ad_target(catalog: Catalog, posting: str, profile_path: str | None,
              role_option: str | None) -> tuple[Role, Level]:
    """The role level drafted from a job ad (``mlpath.posting``): exit 1 when it names
    no skill mlpath knows, exit 2 when --role names a target as well."""
    if role_option:
        raise UsageError("--posting and --role both say what to compare with; give one")
    if posting == "-" and profile_path == "-":
        raise UsageError("--posting - and --profile - cannot both read standard input")
    from mlpath.posting import role_from_posting
    from mlpath.yamlio import read_source

    text, source = read_source(posting)
    return role_from_posting(text, catalog, source=source)


def interview(ctx: Context, *, previous: Profile | None, role_option: str | None,
              ad: tuple[Role, Level] | None = None
              ) -> tuple[Profile, Role | None, Level | None, str]:
    """Ask the questions; an --update that changes nothing adds no history entry."""
    from mlpath.catalog import parse_target
    from mlpath.interview import run_interview

    catalog = ctx.catalog
    option_role, option_level = (ad if ad else parse_target(catalog, role_option)
                                 if role_option else (None, None))
    answers = run_interview(catalog=catalog, prompter=ctx.prompter(), previous=previous,
                            role=option_role, level=option_level)
    if ad:  # the ad's role exists in no catalogue: the profile keeps the target it had
        answers = answers._replace(profile=answers.profile._replace(
            target=previous.target if previous else None))
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
        prompter = ctx.prompter()
        answer = prompter.ask("\nSave your answers as a profile? File name (Enter skips): ")
        while re.fullmatch(_NOT_A_NAME, answer.strip()):  # "n" is a reply, not a file name
            from mlpath.render.console import styled

            prompter.show(styled(("  type a file name such as me.yaml, or press Enter to "
                                  "skip", "yellow")))
            answer = prompter.ask("File name (Enter skips): ")
        if not answer:
            note("not saved")
        return answer or None
    return None


# Yes/no replies to the save question: taken as a file name they wrote a file called "n".
_NOT_A_NAME = (r"(?i)(y|ye|yes|yeah|yep|sure|ok|okay|n|no|nope|nah|no thanks?|none|skip|q|quit)"
               r"[.!]?")  # compiled when first used: only the interview asks


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
