"""Profiles: reading them (YAML, JSON or stdin), writing them back with comments."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, NamedTuple

from mlpath import formats, yamledit
from mlpath.errors import DataError, MlpathError, Problem, ProblemsError, did_you_mean
from mlpath.model import SCALE_NAMES, Catalog, Profile, Snapshot
from mlpath.spec import check
from mlpath.yamlio import MAX_BYTES, Doc, DocPath, load, read_source, shifted

# What each profile file held when this run read it, by its real path: saving back
# compares against it, so that an edit made meanwhile is never overwritten.
_READ: dict[str, str] = {}


def load_profile(path: str, catalog: Catalog, *, stdin_text: str | None = None) -> Profile:
    text, source = read_source(path, stdin_text=stdin_text)
    if path != "-":
        _READ[os.path.realpath(path)] = text
    return parse_profile(text, source, catalog)


def parse_profile(text: str, source: str, catalog: Catalog) -> Profile:
    offset = getattr(text, "line_number", 1) - 1  # a line of a JSON Lines file
    text = str(text)  # libyaml takes only a plain str
    try:
        doc = load(text, source)
    except ProblemsError as exc:
        if not offset:
            raise
        raise ProblemsError(shifted(p, offset) for p in exc.problems) from None
    doc.line_offset = offset
    data, problems = check(formats.PROFILE, doc)
    loaded = data if isinstance(data, dict) else {}  # the parts that passed their checks
    problems += _check_target(doc, loaded.get("target"), catalog)
    if problems:
        raise ProfileProblems(problems, tuple(_warnings(doc, loaded, catalog)))
    skills = data.get("skills", {})
    return Profile(
        skills={k: v for k, v in skills.items() if v is not None},
        name=data.get("name"),
        years_experience=data.get("years_experience"),
        target=data.get("target"),
        evidence={k: tuple(v) if isinstance(v, list) else (v,)
                  for k, v in data.get("evidence", {}).items()},
        checked=dict(data.get("checked", {})),
        milestones=tuple(data.get("milestones", ())),
        history=tuple(Snapshot(h["date"], {k: v for k, v in h["skills"].items() if v is not None},
                               h.get("years_experience"))
                      for h in data.get("history", ())),
        source=source,
        warnings=tuple(_warnings(doc, data, catalog)),
        unrated=frozenset(k for k, v in skills.items() if v is None),
    )


class ProfileProblems(ProblemsError):
    """A profile that does not load, with the warnings of the parts that did (an
    unknown id beside a rating out of range): validate prints them all at once."""

    def __init__(self, problems: Iterable[Problem], warnings: tuple[str, ...] = ()) -> None:
        super().__init__(problems)
        self.warnings = warnings


def _check_target(doc: Doc, target: str | None, catalog: Catalog) -> list[Problem]:
    if not target:
        return []
    role_id, _, level_id = target.partition(":")
    role = catalog.roles.get(role_id)
    if role is None:
        close = did_you_mean(role_id, list(catalog.roles))
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else (
            "; `mlpath roles` lists them")
        return [doc.problem(("target",), f"target: unknown role {role_id!r}{hint}")]
    if level_id and role.level(level_id) is None:
        ids = ", ".join(lv.id for lv in role.levels)
        return [doc.problem(("target",), f"target: {role_id} has no level {level_id!r}; "
                            f"it has {ids}")]
    return []


# Each unknown id gets its own warning (with a spelling suggestion) up to this many;
# the rest are counted in one line, so that a file of thousands of made-up ids costs
# neither minutes of suggestions nor a screen of warnings.
MAX_UNKNOWN_WARNINGS = 20


def _warnings(doc: Doc, data: dict[str, Any], catalog: Catalog) -> Iterable[str]:
    known = list(catalog.skills)
    unknown: list[tuple[DocPath, str, str, list[str], bool]] = []
    for section in ("skills", "evidence", "checked"):
        entries = data.get(section, {})
        for skill_id in entries if isinstance(entries, dict) else ():
            if skill_id not in catalog.skills:
                unknown.append(((section, skill_id), "skill", skill_id, known, True))
    milestones = data.get("milestones", ())
    for i, mid in enumerate(milestones if isinstance(milestones, (list, tuple)) else ()):
        if isinstance(mid, str) and mid not in catalog.milestones:
            unknown.append((("milestones", i), "milestone", mid, list(catalog.milestones),
                            False))
    if len(unknown) > 1:  # in file order, whatever order the sections are written in
        unknown.sort(key=lambda u: doc.where(u[0], key=u[4]))
    for path, what, value, choices, key in unknown[:MAX_UNKNOWN_WARNINGS]:
        yield str(doc.problem(path, _unknown_note(what, value, choices), key=key))
    if len(unknown) > MAX_UNKNOWN_WARNINGS:
        rest = len(unknown) - MAX_UNKNOWN_WARNINGS
        yield f"{doc.source}: {rest} more unknown ids are ignored"


def _unknown_note(what: str, value: str, known: list[str]) -> str:
    close = did_you_mean(value, known)
    hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
    shown = repr(value) if len(value) <= 64 else repr(value[:60] + "...")
    return f"unknown {what} {shown} is ignored{hint}"


# --- writing ---------------------------------------------------------------------------

quote, _key, _number = yamledit.quote, yamledit.key_text, yamledit.number


def _skill_lines(skills: Mapping[str, int | None], catalog: Catalog, indent: str,
                 *, comments: bool = True) -> list[str]:
    # Grouped by category (in the order categories first appear), so that each
    # category heading is written once even where the catalogue interleaves them.
    order = {sid: i for i, sid in enumerate(catalog.skills)}
    groups: dict[str, int] = {}
    for known in catalog.skills.values():
        groups.setdefault(known.category, len(groups))

    def place(skill_id: str) -> tuple[int, int, str]:
        skill = catalog.skills.get(skill_id)
        group = groups[skill.category] if skill else len(groups)
        return group, order.get(skill_id, len(order)), skill_id

    lines: list[str] = []
    category = None
    for skill_id in sorted(skills, key=place):
        skill = catalog.skills.get(skill_id)
        if comments and skill and skill.category != category:
            category = skill.category
            lines.append(f"{indent}# {category}")
        key = _key(skill_id)
        note = f"  # {skill.name}" if comments and skill else ""
        value = skills[skill_id]
        lines.append(f"{indent}{key}: {'null' if value is None else value}{note}")
    return lines


# Editors with the YAML language server validate the file against this schema, once
# `mlpath schema profile > profile.schema.json` has put it beside the profile.
SCHEMA_LINE = "# yaml-language-server: $schema=profile.schema.json"
SCALE_COMMENT = ("# Ratings: " + ", ".join(f"{i} {n}" for i, n in enumerate(SCALE_NAMES))
                 + ". A skill left out counts as 0.")


def dump_profile(profile: Profile, catalog: Catalog) -> str:
    """The profile as commented YAML that ``parse_profile`` reads back to the same profile."""
    lines = [SCHEMA_LINE, "# mlpath profile. Check it with: mlpath assess --profile THIS_FILE",
             SCALE_COMMENT]
    if profile.name is not None:
        lines.append(f"name: {quote(profile.name)}")
    if profile.years_experience is not None:
        lines.append(f"years_experience: {_number(profile.years_experience)}")
    if profile.target:
        lines.append(f"target: {_key(profile.target)}")
    skills = _with_unrated(profile)
    lines.append("skills:" if skills else "skills: {}")
    lines.extend(_skill_lines(skills, catalog, "  "))
    if profile.evidence:
        lines.append("evidence:")
        lines.extend(f"  {quote(k)}: " + (quote(v[0]) if len(v) == 1 else
                     "[" + ", ".join(map(quote, v)) + "]") for k, v in profile.evidence.items())
    if profile.checked:
        lines.append("checked:  # ratings checked against the skill's checklist, and when")
        lines.extend(f"  {_key(k)}: {quote(v)}" for k, v in profile.checked.items())
    if profile.milestones:
        lines.append("milestones: " + yamledit.flow(list(profile.milestones)))
    if profile.history:
        lines.append("history:  # earlier ratings, kept by `mlpath assess --update`")
        for snap in profile.history:
            lines.append(f"  - date: {quote(snap.date)}")
            if snap.years_experience is not None:
                lines.append(f"    years_experience: {_number(snap.years_experience)}")
            lines.append("    skills:" if snap.skills else "    skills: {}")
            lines.extend(_skill_lines(snap.skills, catalog, "      ", comments=False))
    return "\n".join(lines) + "\n"


def _with_unrated(profile: Profile) -> dict[str, int | None]:
    """The ratings as written: not-rated skills are ``null`` (DESIGN §1)."""
    skills: dict[str, int | None] = dict(profile.skills)
    skills.update((skill_id, None) for skill_id in sorted(profile.unrated)
                  if skill_id not in profile.skills)
    return skills


def profile_data(profile: Profile) -> dict[str, Any]:
    """The profile as the data a file holds; None for a key the file need not have."""
    return {
        "name": profile.name,
        "years_experience": profile.years_experience,
        "target": profile.target,
        "skills": _with_unrated(profile),
        # one item as the plain string it is usually written as, several as a list
        "evidence": {skill: items[0] if len(items) == 1 else list(items)
                     for skill, items in profile.evidence.items()},
        "checked": dict(profile.checked),
        "milestones": list(profile.milestones),
        "history": [{"date": snap.date, **({"years_experience": snap.years_experience}
                                           if snap.years_experience is not None else {}),
                     "skills": dict(snap.skills)} for snap in profile.history],
    }


def _wanted(existing: dict[str, Any], profile: Profile) -> dict[str, Any]:
    """What ``existing`` (a profile file's data) should become to hold ``profile``:
    its own keys in its own order, the profile's values, and no new empty keys."""
    data = profile_data(profile)
    wanted: dict[str, Any] = {}
    for key, value in existing.items():
        wanted[key] = data.pop(key, value)
    for key, value in data.items():
        if value not in (None, [], {}):
            wanted[key] = value
    return wanted


def render_profile(profile: Profile, catalog: Catalog, *, path: str,
                   existing: str | None) -> tuple[str, bool]:
    """The text to save ``profile`` as, and whether it is an edit of ``existing``.

    Over an existing profile file the text is that file with only the changed values
    and new entries different (its comments, order and layout stay). A file that is
    not a readable profile, or a change the line editor cannot make, is written
    whole; JSON stays JSON, with its key order.
    """
    as_json = path.endswith(".json") or (existing is not None
                                         and existing.lstrip()[:1] == "{")
    old: Any = None
    if existing is not None:
        old = _readable_profile(existing, path, as_json=as_json)
    if as_json:
        value = _wanted(old.value, profile) if old is not None else {
            k: v for k, v in profile_data(profile).items() if v not in (None, [], {})}
        return json.dumps(value, indent=2, ensure_ascii=False) + "\n", old is not None
    if old is None:
        return dump_profile(profile, catalog), False
    try:
        text = yamledit.edit(existing or "", old, _wanted(old.value, profile))
        if parse_profile(text, path, catalog)._replace(
                source="-", warnings=()) != profile._replace(source="-", warnings=()):
            raise yamledit.CannotEdit("the edited text does not read back the same")
    except (yamledit.CannotEdit, MlpathError):
        return dump_profile(profile, catalog), False
    return text, True


def _readable_profile(text: str, path: str, *, as_json: bool) -> Doc | None:
    from mlpath.yamlio import load_json, load_yaml

    try:
        doc = load_json(text, path) if as_json else load_yaml(text, path, layout=True)
    except MlpathError:
        return None
    _, problems = check(formats.PROFILE, doc)
    return None if problems or not isinstance(doc.value, dict) else doc


class Saved(NamedTuple):
    """How a save went: ``edited`` in place (comments kept), or ``backup`` holds the old
    file when an existing one had to be rewritten whole."""

    edited: bool
    backup: Path | None = None


def save_profile(profile: Profile, catalog: Catalog, path: str, *, replace: bool) -> Saved:
    """Save ``profile`` to ``path``: an edit in place over an existing profile.

    Never over a file that changed since this run read it, nor over one that
    appeared meanwhile; a symlink's target is what gets written. An existing file
    that cannot be edited in place is rewritten whole, and its old text is first
    kept beside it (``backup_path``), so that no comment is lost silently.
    """
    from mlpath.atomic import read_current, write_atomic

    real = os.path.realpath(path)
    raw = read_current(real)
    if raw is not None and not replace:
        raise DataError(f"{path}: already exists; pass --force to replace it")
    read_before = _READ.get(real)
    existing = None
    if raw is not None:
        try:
            existing = raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            existing = None
        if read_before is not None and existing != read_before:
            raise DataError(f"{path}: changed since mlpath read it; nothing was saved over "
                            "it")
    text, edited = render_profile(profile, catalog, path=path, existing=existing)
    backup = None
    if raw and not edited and raw != text.encode("utf-8"):
        backup = write_backup(real, raw)
    try:
        write_atomic(path, text, replace=raw is not None, expected=raw)
    except BaseException:
        if backup is not None:
            backup.unlink(missing_ok=True)  # the old file is still there
        raise
    _READ[real] = text
    return Saved(edited, backup)


MAX_BACKUPS = 999


def backup_path(real: str) -> Iterator[Path]:
    """The names a backup of ``real`` may take, in order: NAME.bak, then NAME.~1~,
    NAME.~2~ ... (none ends in .yaml or .json, so a team scan never reads one)."""
    yield Path(f"{real}.bak")
    for number in range(1, MAX_BACKUPS + 1):
        yield Path(f"{real}.~{number}~")


def write_backup(real: str, raw: bytes) -> Path:
    """Keep ``raw`` (a file's old bytes) in the first free backup name; an existing
    backup is never overwritten. A DataError when none can be written: then the
    file is not rewritten either."""
    for place in backup_path(real):
        try:
            fd = os.open(place, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise DataError(f"{place}: cannot keep a backup of the old file "
                            f"({exc.strerror or exc}); nothing was saved") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
        except OSError as exc:
            place.unlink(missing_ok=True)
            raise DataError(f"{place}: cannot keep a backup of the old file "
                            f"({exc.strerror or exc}); nothing was saved") from None
        return place
    raise DataError(f"{real}: {MAX_BACKUPS} backups already exist beside it; remove some, "
                    "nothing was saved")


# `assess --update` adds one dated snapshot a run. A second one on the same day replaces
# the first, and only the latest HISTORY_KEPT are kept, so history stays bounded.
HISTORY_KEPT = 200


def with_snapshot(history: tuple[Snapshot, ...], snapshot: Snapshot) -> tuple[Snapshot, ...]:
    """``history`` with ``snapshot`` added (same day: replaced), oldest dropped past the cap."""
    kept = history[:-1] if history and history[-1].date == snapshot.date else history
    return (*kept, snapshot)[-HISTORY_KEPT:]


def template(catalog: Catalog) -> str:
    """The commented starting profile that ``mlpath init`` writes."""
    lines = [
        SCHEMA_LINE,
        "# mlpath profile: rate yourself on each skill, then run",
        "#   mlpath assess --profile THIS_FILE",
        SCALE_COMMENT,
        "# `mlpath skills show ID` shows what each level means for a skill.",
        'name: "Your Name"',
        "years_experience: 0      # picks the level you are compared at (entry, mid, senior)",
        "# target: ml-engineer    # ROLE or ROLE:LEVEL (see `mlpath roles`); "
        "leave out for your best fit",
        "skills:",
    ]
    lines.extend(_skill_lines(dict.fromkeys(catalog.skills, 0), catalog, "  "))
    lines += [
        "# Portfolio, education and community steps you have done (`mlpath milestones`):",
        "milestones: []           # e.g. [supervised-project, end-to-end-project, degree-bachelor]",
        "# evidence:              # optional: skill id -> a link or a note",
        "#   python: https://github.com/you/project",
    ]
    return "\n".join(lines) + "\n"


# --- many profiles ---------------------------------------------------------------------

PROFILE_SUFFIXES = (".yaml", ".yml", ".json")


class Entry(NamedTuple):
    """One profile to read in a team run: its text, or why it could not be read."""

    label: str  # how to name the person's source: a path, or path:line for JSON Lines
    source: str  # the file name that problems are reported against
    text: str | None
    error: str | None
    empty: bool = False  # a file or stdin, named itself, that holds no profile at all


def _no_profile(path: str) -> Entry:
    return Entry(path, path, None, f"{path}: holds no profile: write one JSON profile per "
                 "line", empty=True)


def _or_no_profile(path: str, entries: Iterator[Entry]) -> Iterator[Entry]:
    """``entries``, or one saying that ``path`` holds no profile when there is none."""
    found = False
    for entry in entries:
        found = True
        yield entry
    if not found:
        yield _no_profile(path)


def team_entries(paths: Iterable[str], unread: list[str] | None = None) -> Iterator[Entry]:
    """Every profile under ``paths``, one at a time, each file once.

    Folders are searched for *.yaml, *.yml and *.json files (sorted), and only regular
    files are read from them; a .jsonl file holds one JSON profile per line, and is
    read only when named itself: the .jsonl files found in folders are added to
    ``unread`` (so that the caller can say so), not read. Each line of a .jsonl file
    knows its number (``_NumberedLine``), so that problems point at the right line. A
    .jsonl file or standard input named itself that holds no profile at all (empty, or
    blank lines) gives one entry with ``empty`` set, so that it is not passed over.
    """
    seen: set[tuple[int, int]] = set()
    for path in paths:
        folder = Path(path)
        if path == "-":  # standard input: JSON Lines, one profile a line
            import sys

            yield from _or_no_profile("<stdin>", _stdin_lines(_lines("<stdin>",
                                                                     sys.stdin.buffer)))
            continue
        if folder.is_dir():
            files = profile_files(path, unread)
            regular_only = True
        elif not os.path.lexists(path):
            yield Entry(path, path, None, f"{path}: no such file or folder")
            continue
        else:
            files, regular_only = [path], False
        for file in files:
            try:
                info = os.stat(file)  # noqa: PTH116 - once per file of a big team
            except OSError:
                pass
            else:
                if (info.st_dev, info.st_ino) in seen and stat.S_ISREG(info.st_mode):
                    continue  # the same file again (a link, or named twice)
                seen.add((info.st_dev, info.st_ino))
            if file.endswith(".jsonl"):
                yield from _or_no_profile(file, _json_lines(file))
                continue
            try:
                text, source = read_source(file, regular_only=regular_only)
            except MlpathError as exc:
                yield Entry(file, file, None, str(exc))
            else:
                yield Entry(source, source, text, None)


# Standard input that is plainly not JSON Lines (a YAML profile, a pretty-printed JSON
# report) is refused in one line, not skipped line by line: its first line, or this
# many lines in a row, not shaped like one JSON object.
NOT_JSON_LINES_RUN = 3
NOT_JSON_LINES = ("standard input must be JSON Lines: one JSON profile per line "
                  "(`mlpath team FOLDER` reads YAML files)")


def _stdin_lines(entries: Iterator[Entry]) -> Iterator[Entry]:
    first, run = True, 0
    for entry in entries:
        text = entry.text.strip() if entry.text is not None else ""
        if text.startswith("{") and text.endswith("}"):
            run = 0
        else:
            run += 1
            if first or run > NOT_JSON_LINES_RUN:
                raise DataError(NOT_JSON_LINES)
        first = False
        yield entry


def profile_files(folder: str, unread: list[str] | None = None) -> list[str]:
    """The *.yaml, *.yml and *.json files under ``folder``, sorted, without hidden
    ones and the other files mlpath itself writes beside profiles (``_not_a_profile``).

    The .jsonl files found there are not profiles of the folder (one may well be a
    saved `team --jsonl` output): they are added to ``unread``, when given.
    """
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(f"{root}{os.sep}{n}" for n in sorted(names)
                     if n.endswith(PROFILE_SUFFIXES) and not _not_a_profile(n))
        if unread is not None:
            unread.extend(f"{root}{os.sep}{n}" for n in sorted(names)
                          if n.endswith(".jsonl") and not n.startswith("."))
    return found


def _not_a_profile(name: str) -> bool:
    """Hidden files, and what mlpath writes beside a profile: the editor schema
    (profile.schema.json, `init`), a second rater's review (NAME.review-WHO.yaml) and
    a recovery file (NAME.recovered-STAMP.yaml, which copies a profile: it would count
    the person twice). Backups (NAME.yaml.bak, NAME.yaml.~1~) have no profile suffix."""
    return (name.startswith(".") or name.endswith(".schema.json") or ".review-" in name
            or ".recovered-" in name)


MAX_LINE = MAX_BYTES  # one profile per line, each at most as long as a profile file


def _json_lines(path: str) -> Iterator[Entry]:
    """One entry per line of a JSON Lines file, in one linear pass over its bytes.

    Each bad line (too long, not UTF-8) is reported with its true number and the
    reading goes on; a CR before the line end is dropped (a file saved on Windows).
    Only ``\\n`` ends a line, as JSON Lines says.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        yield Entry(path, path, None, f"{path}: cannot read: {exc.strerror or exc}")
        return
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            yield Entry(path, path, None, f"{path}: not a regular file (a FIFO or a device); "
                        "mlpath reads only regular files here")
            return
        with os.fdopen(fd, "rb", closefd=False) as handle:
            yield from _lines(path, handle)
    except OSError as exc:
        yield Entry(path, path, None, f"{path}: cannot read: {exc.strerror or exc}")
    finally:
        os.close(fd)


def _lines(path: str, handle: IO[bytes]) -> Iterator[Entry]:
    """Each line as JSON, only: a line that does not start like a JSON value (a YAML
    line, which the YAML reader would take) is a problem at that line, and a UTF-8
    byte-order mark at the very start is dropped (as `assess -p -` drops it)."""
    number = 0
    while True:
        raw = handle.readline(MAX_LINE + 1)
        if not raw:
            return
        number += 1
        label = f"{path}:{number}"
        if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                raw = handle.readline(MAX_LINE + 1)
            yield Entry(label, path, None, f"{label}: line longer than 1 MiB")
            continue
        raw = raw.removesuffix(b"\n").removesuffix(b"\r")
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Entry(label, path, None, f"{label}:{exc.start + 1}: not UTF-8 text "
                        f"(byte 0x{raw[exc.start]:02x})")
            continue
        start = line.lstrip()[:1]
        if start in ("{", "["):  # read as JSON (yamlio.looks_like_json), never as YAML
            yield Entry(label, path, _NumberedLine(number, line), None)
        elif start:
            yield Entry(label, path, None, _not_a_profile_line(path, label, number, line))


def _not_a_profile_line(path: str, label: str, number: int, line: str) -> str:
    """Why a line that does not start like an object or array is no profile: a JSON
    value that is not an object (``"text"``, ``3``) is said to be one, the rest is not
    JSON at all. Only such lines are parsed here, so good lines cost nothing more."""
    where = "standard input" if path == "<stdin>" else "a .jsonl file"
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return f"{label}: line {number} is not JSON; {where} holds one JSON profile per line"
    return (f"{label}: line {number} is not a JSON object; {where} holds one JSON profile "
            "(an object) per line")


class _NumberedLine(str):
    """A JSON Lines line that knows its number: problems point at the right line.

    It used to be the line preceded by one newline per earlier line, which made
    reading a file of n lines cost n² characters.
    """

    line_number: int

    def __new__(cls, number: int, text: str) -> _NumberedLine:
        made = super().__new__(cls, text)
        made.line_number = number
        return made
