"""Adding evidence to a profile file by editing lines, so the person's comments survive.

``add_evidence`` inserts items under the top-level ``evidence:`` mapping (making it, or a
skill's entry, when missing) and leaves every other line byte for byte as it was.
``save_evidence`` reads the profile, adds only what is new, checks that the edited file
reads back to the same profile plus the new evidence, and writes it atomically.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from mlpath.errors import DataError, MlpathError
from mlpath.model import Catalog, Profile
from mlpath.yamledit import key_text, quote

MAX_ITEMS = 50  # per skill, as the profile format allows
MAX_ITEM_LENGTH = 1000

_TOP_KEY = re.compile(r"^evidence\s*:(?P<rest>.*)$")
_CHILD = re.compile(r"^(?P<indent>[ ]+)"
                    r"(?P<key>\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^\s#'\"][^:#]*?)"
                    r"\s*:(?:[ \t]+(?P<rest>.*?))?[ \t]*$")


class EditError(DataError):
    """The profile's evidence is written in a form that cannot be extended line by line."""


def _content(line: str) -> bool:
    """Whether a line holds YAML content (not blank, not only a comment)."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def add_evidence(text: str, additions: Mapping[str, Sequence[str]]) -> str:
    """``text``, a YAML profile, with ``additions`` added under ``evidence:``."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    for skill, items in additions.items():
        if items:
            lines = _add_one(lines, skill, list(items), newline)
    return "".join(lines)


def _add_one(lines: list[str], skill: str, items: list[str], nl: str) -> list[str]:
    top = next((i for i, line in enumerate(lines) if _TOP_KEY.match(line.rstrip("\r\n"))), None)
    if top is None:
        return [*lines, f"evidence:{nl}", *_entry("  ", key_text(skill), items, nl)]
    rest = _TOP_KEY.match(lines[top].rstrip("\r\n")).group("rest")  # type: ignore[union-attr]
    value, _, comment = rest.partition("#")
    if value.strip() == "{}":
        lines = [*lines[:top], "evidence:" + (f"  #{comment}" if comment else "") + nl,
                 *lines[top + 1:]]
    elif value.strip():
        raise EditError("evidence is written on one line ({...}); write it as an indented "
                        "mapping, one skill a line, and run again")
    end = top  # the block's last line with content
    for i in range(top + 1, len(lines)):
        if not _content(lines[i]):
            continue
        if not lines[i].startswith((" ", "\t")):
            break
        end = i
    children = [(i, m) for i in range(top + 1, end + 1)
                if (m := _CHILD.match(lines[i].rstrip("\r\n")))]
    indent = children[0][1].group("indent") if children else "  "
    children = [(i, m) for i, m in children if m.group("indent") == indent]
    for n, (i, match) in enumerate(children):
        if _unquote(match.group("key")) != skill:
            continue
        last = (children[n + 1][0] if n + 1 < len(children) else end + 1) - 1
        while last > i and not _content(lines[last]):
            last -= 1
        return _extend(lines, i, last, match, items, nl)
    new = _entry(indent, key_text(skill), items, nl)
    return [*lines[:end + 1], *new, *lines[end + 1:]]


def _entry(indent: str, key: str, items: list[str], nl: str) -> list[str]:
    if len(items) == 1:
        return [f"{indent}{key}: {quote(items[0])}{nl}"]
    return [f"{indent}{key}:{nl}", *(f"{indent}  - {quote(item)}{nl}" for item in items)]


def _extend(lines: list[str], at: int, last: int, match: re.Match[str], items: list[str],
            nl: str) -> list[str]:
    """Add ``items`` to the skill whose key is on line ``at`` (its entry ends on ``last``)."""
    indent, rest = match.group("indent"), (match.group("rest") or "")
    if not rest or rest.startswith("#"):  # a block list follows
        item_line = next((lines[j] for j in range(at + 1, last + 1) if _content(lines[j])), "")
        item_indent = item_line[:len(item_line) - len(item_line.lstrip(" "))]
        if not item_line.lstrip().startswith("-"):
            raise EditError(f"evidence: {match.group('key')} is not a list; add the new "
                            "evidence by hand")
        new = [f"{item_indent}- {quote(item)}{nl}" for item in items]
        return [*lines[:last + 1], *new, *lines[last + 1:]]
    flow = re.fullmatch(r"(\[.*\])(\s+#.*)?", rest)
    if flow and last == at:
        body = flow.group(1)[:-1].rstrip()
        tail = flow.group(2) or ""
        line = (f"{indent}{match.group('key')}: {body}, " + ", ".join(map(quote, items))
                + f"]{tail}{nl}")
        return [*lines[:at], line, *lines[at + 1:]]
    if last != at or rest[0] in "|>&*!{[":
        raise EditError(f"evidence: {match.group('key')} spans several lines or uses YAML "
                        "features mlpath does not edit; add the new evidence by hand")
    # One item written as a plain or quoted scalar: it becomes the list's first item.
    new = [f"{indent}{match.group('key')}:{nl}", f"{indent}  - {rest}{nl}",
           *(f"{indent}  - {quote(item)}{nl}" for item in items)]
    return [*lines[:at], *new, *lines[at + 1:]]


def _unquote(key: str) -> str:
    if key.startswith('"'):
        try:
            value = json.loads(key)
        except ValueError:
            return key
        return value if isinstance(value, str) else key
    if key.startswith("'"):
        return key[1:-1].replace("''", "'")
    return key


# --- reading, checking and writing -------------------------------------------------------


def new_items(profile: Profile, proposed: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The proposed items the profile does not hold yet, within the format's limits."""
    out: dict[str, list[str]] = {}
    for skill, items in proposed.items():
        have = list(profile.evidence.get(skill, ()))
        fresh = [item for item in dict.fromkeys(items) if item not in have and _savable(item)]
        fresh = fresh[:max(0, MAX_ITEMS - len(have))]
        if fresh:
            out[skill] = fresh
    return out


def _savable(item: str) -> bool:
    # A file name that is not valid UTF-8 comes back from the file system with surrogates,
    # which no profile can hold.
    return 0 < len(item) <= MAX_ITEM_LENGTH and not any("\ud800" <= c <= "\udfff" for c in item)


def save_evidence(path: str, proposed: Mapping[str, Sequence[str]], catalog: Catalog
                  ) -> dict[str, list[str]]:
    """Add the new items of ``proposed`` to the profile at ``path``; return what was added.

    The file is written only when something is new, only when the edit reads back to the
    same profile with the evidence added, and atomically.
    """
    from mlpath.atomic import write_atomic
    from mlpath.profile import parse_profile
    from mlpath.yamlio import looks_like_json, read_source

    text, source = read_source(path)
    profile = parse_profile(text, source, catalog)
    added = new_items(profile, proposed)
    if not added:
        return {}
    if looks_like_json(text, source):
        edited = _add_json(text, added, source)
    else:
        edited = add_evidence(text, added)
    expected = {skill: tuple(items) for skill, items in profile.evidence.items()}
    for skill, items in added.items():
        expected[skill] = (*expected.get(skill, ()), *items)
    try:
        back: Profile | None = parse_profile(edited, source, catalog)
    except MlpathError:
        back = None
    if back is None or back.evidence != expected or (
            _without_evidence(back) != _without_evidence(profile)):
        raise EditError(f"{source}: could not add the evidence in place; nothing was written. "
                        "Add it by hand under `evidence:`")
    if _has_bom(path):
        edited = "\ufeff" + edited
    write_atomic(path, edited, replace=True)
    return added


def _without_evidence(profile: Profile) -> Profile:
    return profile._replace(evidence={}, warnings=(), source="")


def _add_json(text: str, added: Mapping[str, list[str]], source: str) -> str:
    data = json.loads(text)
    if not isinstance(data, dict):  # parse_profile has refused this already
        raise EditError(f"{source}: not a profile")
    evidence = data.setdefault("evidence", {})
    for skill, items in added.items():
        have = evidence.get(skill)
        listed = [] if have is None else [have] if isinstance(have, str) else list(have)
        evidence[skill] = [*listed, *items]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _has_bom(path: str) -> bool:
    try:
        with Path(path).open("rb") as handle:
            return handle.read(3) == b"\xef\xbb\xbf"
    except OSError:
        return False
