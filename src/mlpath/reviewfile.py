"""Review files: a second rater's ratings of one profile, kept beside it.

``alice.yaml`` reviewed by bob is ``alice.review-bob.yaml`` (the format is
``formats.REVIEW``). ``assess`` and ``team`` pick up every review beside a profile,
or in the folder ``--reviews DIR`` names.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from mlpath import formats
from mlpath.errors import DataError, ProblemsError, UsageError, did_you_mean
from mlpath.model import Catalog
from mlpath.spec import check
from mlpath.yamlio import load, read_source

MARK = ".review-"  # alice.review-bob.yaml: never read as a profile of its own
SUFFIXES = (".yaml", ".yml", ".json")


class Review(NamedTuple):
    reviewer: str
    skills: dict[str, int]  # rated skills only (a null or unknown id is left out)
    of: str | None = None
    date: str | None = None
    source: str = ""
    warnings: tuple[str, ...] = ()


def is_review_file(name: str) -> bool:
    base = Path(name).name
    return MARK in base and base.endswith(SUFFIXES)


def check_reviewer(name: str) -> str:
    if not re.fullmatch(formats.REVIEWER_PATTERN, name):
        raise UsageError(f"--reviewer {name!r}: use letters, digits, '.', '_' or '-' (it "
                         "becomes part of the file name)")
    return name


def review_path(profile_path: str, reviewer: str) -> str:
    """Where bob's review of ``alice.yaml`` goes: ``alice.review-bob.yaml`` beside it."""
    path = Path(profile_path)
    return str(path.with_name(f"{path.stem}{MARK}{reviewer}.yaml"))


class ReviewIndex:
    """Finds the reviews of many profiles, listing each folder once (a team of 10,000
    in one folder must not list it 10,000 times)."""

    def __init__(self, folder: str | None = None) -> None:
        self.folder = folder
        self._by_dir: dict[str, dict[str, list[str]]] = {}

    def paths(self, profile_path: str) -> list[str]:
        if profile_path == "-":
            return []
        # String operations, not Path: this runs once per profile of a big team.
        parent, name = os.path.split(profile_path)
        where = self.folder or parent or "."
        found = self._by_dir.get(where)
        if found is None:
            found = {}
            try:
                names = sorted(os.listdir(where))  # noqa: PTH208 - a hot path
            except OSError:
                names = []
            for entry in names:
                if is_review_file(entry):
                    found.setdefault(entry.split(MARK, 1)[0], []).append(
                        str(Path(where, entry)))
            self._by_dir[where] = found
        if not found:
            return []
        return found.get(os.path.splitext(name)[0], [])  # noqa: PTH122


def reviews_for(profile_path: str, folder: str | None = None) -> list[str]:
    """The review files of a profile: beside it, or in ``folder``; sorted."""
    return ReviewIndex(folder).paths(profile_path)


def parse_review(text: str, source: str, catalog: Catalog) -> Review:
    doc = load(text, source)
    data, problems = check(formats.REVIEW, doc)
    loaded = data if isinstance(data, dict) else {}  # the parts that passed their checks
    rated = loaded.get("skills", {})
    skills: dict[str, int | None] = rated if isinstance(rated, dict) else {}
    known = list(catalog.skills)
    unknown = [sid for sid in skills if sid not in catalog.skills]
    # Suggestions for the first few only: a file of made-up ids costs no minutes.
    warnings = tuple(str(doc.problem(("skills", sid), _unknown(sid, known if i < 20 else []),
                                     key=True)) for i, sid in enumerate(unknown))
    if problems:
        from mlpath.profile import ProfileProblems  # problems with the warnings beside them

        raise ProfileProblems(problems, warnings)
    return Review(data["reviewer"],
                  {k: v for k, v in skills.items() if v is not None and k in catalog.skills},
                  data.get("of"), data.get("date"), source, warnings)


def _unknown(skill_id: str, known: list[str]) -> str:
    """The same words a profile uses: the id, and the ids it may be a typo of."""
    close = did_you_mean(skill_id, known)
    hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
    shown = repr(skill_id) if len(skill_id) <= 64 else repr(skill_id[:60] + "...")
    return f"unknown skill {shown} is ignored{hint}"


def load_review(path: str, catalog: Catalog) -> Review:
    text, source = read_source(path)
    return parse_review(text, source, catalog)


def load_reviews(profile_path: str, catalog: Catalog, folder: str | None = None, *,
                 index: ReviewIndex | None = None) -> tuple[list[Review], list[str]]:
    """Every review of the profile that loads, and one warning line for each that does not."""
    found, warnings = [], []
    for path in (index or ReviewIndex(folder)).paths(profile_path):
        try:
            review = load_review(path, catalog)
        except (ProblemsError, DataError) as exc:
            warnings.append(f"review skipped: {exc.lines()[0]}")
            continue
        found.append(review)
        warnings.extend(review.warnings)
    return found, warnings


def dump_review(review: Review, catalog: Catalog) -> str:
    """A review as YAML: the skills in catalogue order, one a line."""
    import json

    order = {sid: i for i, sid in enumerate(catalog.skills)}
    lines = ["# A second rater's view (mlpath review); self-ratings are not in this file.",
             f"reviewer: {review.reviewer}"]
    if review.of:
        lines.append(f"of: {json.dumps(review.of, ensure_ascii=False)}")
    if review.date:
        lines.append(f'date: "{review.date}"')
    rated = sorted(review.skills.items(), key=lambda kv: order.get(kv[0], len(order)))
    lines.append("skills:" if rated else "skills: {}")
    lines += [f"  {sid}: {value}" for sid, value in rated]
    return "\n".join(lines) + "\n"
