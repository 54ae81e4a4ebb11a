"""`mlpath evidence`: local work -> suggested evidence for the profile's skills."""

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mlpath.cli.shared import JsonFlag, ProfileFile, app, print_json, settings_of
from mlpath.commands.context import warn
from mlpath.errors import DataError, UsageError

PANEL = "Your career"
FILES_SAVED = 3  # per skill and run: enough to show the work, few enough to read


class Confidence(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


@app.command(rich_help_panel=PANEL)
def evidence(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH...", help="Folders or files of your work: code, notebooks, "
        "Dockerfiles, CI workflows, manifests, SQL.")],
    profile: ProfileFile,
    save: Annotated[bool, typer.Option(
        "--save", help="Add the evidence found to the profile file (comments and ratings "
        "are kept).")] = False,
    min_confidence: Annotated[Confidence, typer.Option(
        "--min-confidence", help="With --save, add only evidence of this confidence or "
        "higher.")] = Confidence.medium,
    json_: JsonFlag = False,
) -> None:
    """Find evidence of your skills in your own work, without running it.

    Reads Python files, notebooks, Dockerfiles, CI workflows, Kubernetes manifests, SQL,
    requirements and lock files and READMEs, and proposes for each skill the files that
    show it, the signals seen and a confidence (high: two or more signs in code or
    config; medium: one; low: only a listed dependency or a README mention). Nothing is
    fetched from the network and no rating is changed.

    Example: mlpath evidence --profile me.yaml ~/code/churn-model --save
    """
    settings = settings_of(ctx)
    catalog = settings.catalog()
    if save and profile == "-":
        raise UsageError("--save adds to the profile file; it cannot write to standard input")
    for path in paths:
        if not os.path.lexists(path):
            raise DataError(f"{path}: no such file or folder")
    from mlpath.profile import load_profile

    loaded = load_profile(profile, catalog)
    from mlpath.evidence.scan import CONFIDENCES, scan

    found = scan(paths, skills=list(catalog.skills))
    saved = None
    if save:
        from mlpath.evidence.save import save_evidence

        wanted = CONFIDENCES[:CONFIDENCES.index(min_confidence.value) + 1]
        # Files with strong signals are the evidence; a low proposal has only weak ones.
        chosen = {p.skill: [str(Path(f).absolute())
                            for f in (p.strong_files or p.files)[:FILES_SAVED]]
                  for p in found.proposals if p.confidence in wanted}
        saved = save_evidence(profile, chosen, catalog)
    if json_:
        from mlpath.evidence.render import scan_dict

        print_json(scan_dict(found, catalog=catalog, profile=loaded, paths=paths, saved=saved))
    else:
        from mlpath.evidence.render import render_scan

        render_scan(found, catalog=catalog, profile=loaded, console=settings.console(),
                    paths=paths, saved=saved, min_confidence=min_confidence.value)
    warn(loaded.warnings)  # after the result, where the reader is
