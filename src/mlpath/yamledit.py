"""Changing a YAML file in place: only the values that changed are rewritten.

A person's profile carries their comments, their key order and their way of
writing things; saving it back must keep all of that (DESIGN §1, "Saving back a
profile"). Rather than dump the data again, ``edit`` compares the document as
loaded (with ``yamlio.load_yaml(..., layout=True)``, which remembers where each
value starts and ends) with the data wanted, and turns the differences into a
few text edits:

- a scalar that changed is replaced where it stands (its comment stays);
- a key added to a block mapping is written after the mapping's last line, at
  the indentation of its other keys; a key removed loses its lines;
- items added to a block list are written after its last item, with its dash
  indentation; a flow collection (``[...]``, ``{...}``) that changed is written
  again as flow, on its own span.

Anything it cannot change safely raises ``CannotEdit``; the caller then writes
the whole file afresh (and says so).
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

from mlpath.yamlio import Doc, DocPath

_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
# Patterns are compiled on first use (re caches them), not at import: every run imports
# this module and few runs save (DESIGN §7).
_PLAIN = r"[a-z][a-z0-9_-]*(:[a-z][a-z0-9_-]*)?"
# Characters YAML will not keep as they are inside a double-quoted scalar: control
# characters, and the line breaks NEL, LS and PS (which it folds into spaces).
_NON_PRINTABLE = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]"
_BREAK = "\r\n|[\n\r\x85\u2028\u2029]"


class CannotEdit(Exception):
    """The change is not one the line editor can make without risk."""


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``."""
    dumped = json.dumps(text, ensure_ascii=False)
    return re.sub(_NON_PRINTABLE, lambda m: f"\\u{ord(m.group()):04x}", dumped)


def key_text(text: str) -> str:
    """An id as written by hand when it is a plain id, else quoted."""
    return text if re.fullmatch(_PLAIN, text) and text not in _WORDS else quote(text)


def number(value: float) -> str:
    """A number as YAML 1.1 reads it back: ``1e-07`` would be text, ``1.0e-07`` is not."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    shown = repr(float(value))
    if "e" in shown and "." not in shown:
        mantissa, exponent = shown.split("e")
        shown = f"{mantissa}.0e{exponent if exponent[0] in '+-' else '+' + exponent}"
    return shown


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value)
    return key_text(str(value))


def flow(value: Any) -> str:
    """``value`` on one line, in YAML flow style."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_text(str(k))}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def block(key: str | None, value: Any, indent: int) -> list[str]:
    """Lines for ``key: value`` (or a list item when ``key`` is None) at ``indent``."""
    pad = " " * indent
    head = f"{pad}{key_text(key)}:" if key is not None else f"{pad}-"
    if isinstance(value, dict) and value:
        if key is None:  # "- first: 1" then the other keys under it
            lines: list[str] = []
            for k, v in value.items():
                lines.extend(block(str(k), v, indent + 2))
            return [f"{pad}- {lines[0].lstrip()}", *lines[1:]]
        return [head, *(line for k, v in value.items() for line in block(str(k), v, indent + 2))]
    if isinstance(value, list) and value and any(isinstance(v, dict) for v in value):
        return [head, *(line for v in value for line in block(None, v, indent + 2))]
    return [f"{head} {flow(value)}"]


class _Editor:
    def __init__(self, text: str, doc: Doc) -> None:
        self.text, self.doc = text, doc
        self.starts = [0] + [m.end() for m in re.finditer(_BREAK, text)]
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.edits: list[tuple[int, int, int, str]] = []  # start, end, order, text

    # --- positions -------------------------------------------------------------------
    def offset(self, mark: tuple[int, int]) -> int:
        line, col = mark
        if line - 1 >= len(self.starts):
            return len(self.text)
        return self.starts[line - 1] + col - 1

    def line_start(self, line: int) -> int:
        return self.starts[line - 1] if line - 1 < len(self.starts) else len(self.text)

    def last_line(self, path: DocPath) -> int:
        """The last line that holds part of the value at ``path``."""
        line, col = self.doc.ends[path]
        if col == 1 and line > self.doc.marks[path][0]:
            line -= 1  # ends at the start of the next line (a block scalar or collection)
        return line

    def line_text(self, line: int) -> str:
        start = self.line_start(line)
        end = self.line_start(line + 1)
        return self.text[start:end]

    # --- edits -----------------------------------------------------------------------
    def replace(self, start: int, end: int, text: str) -> None:
        self.edits.append((start, end, len(self.edits), text))

    def insert_lines(self, after_line: int, lines: list[str]) -> None:
        at = self.line_start(after_line + 1)
        text = "".join(line + self.newline for line in lines)
        if at == len(self.text) and self.text and not re.search(_BREAK, self.text[-2:]):
            text = self.newline + text  # the file does not end with a line break
        self.replace(at, at, text)

    def delete_lines(self, first: int, last: int) -> None:
        self.replace(self.line_start(first), self.line_start(last + 1), "")

    def result(self) -> str:
        ordered = sorted(self.edits)
        for (_, end, _, _), (start, _, _, _) in itertools.pairwise(ordered):
            if start < end:
                raise CannotEdit("overlapping edits")
        out = self.text
        for start, end, _, text in reversed(ordered):
            out = out[:start] + text + out[end:]
        return out

    # --- the walk --------------------------------------------------------------------
    def change(self, path: DocPath, old: Any, new: Any) -> None:
        if _same(old, new):
            return
        if path not in self.doc.marks or path not in self.doc.ends:
            raise CannotEdit(f"no position for {path}")
        if path in self.doc.flow and not old and new and self.grow_block(path, new):
            return
        is_block = (isinstance(old, (dict, list)) and path not in self.doc.flow
                    and bool(old))
        if is_block and isinstance(old, dict) and isinstance(new, dict):
            self.change_mapping(path, old, new)
        elif is_block and isinstance(old, list) and isinstance(new, list) and new:
            self.change_list(path, old, new)
        elif is_block:
            self.replace_block(path, new)
        else:
            self.change_span(path, new)

    def replace_block(self, path: DocPath, new: Any) -> None:
        """A block collection that becomes something else (``[]``, say): its lines go,
        and the new value is written in flow style after its key."""
        key_end = self.doc.key_ends.get(path)
        if key_end is None or self.doc.marks[path][0] <= key_end[0] or (isinstance(
                new, (dict, list)) and new):
            raise CannotEdit(f"a block value at {path} changes shape")
        line = self.line_text(key_end[0])
        colon = line.find(":", key_end[1] - 1)
        if colon < 0:
            raise CannotEdit(f"no colon after the key of {path}")
        at = self.line_start(key_end[0]) + colon + 1
        self.replace(at, at, " " + flow(new))
        self.delete_lines(self.doc.marks[path][0], self.last_line(path))

    def grow_block(self, path: DocPath, new: Any) -> bool:
        """``key: []`` (or ``{}``) that gains items becomes a block under its key."""
        key_mark = self.doc.key_marks.get(path)
        start, end = self.doc.marks[path], self.doc.ends[path]
        if key_mark is None or not (key_mark[0] == start[0] == end[0]):
            return False
        if self.line_text(key_mark[0])[:key_mark[1] - 1].strip():
            return False  # the key shares its line (``- a: []``): keep it simple
        rest = self.line_text(end[0])[end[1] - 1:].strip()
        if rest and not rest.startswith("#"):
            return False
        indent = key_mark[1] - 1 + 2
        if isinstance(new, dict):
            lines = [line for k, v in new.items() for line in block(str(k), v, indent)]
        else:
            lines = [line for v in new for line in block(None, v, indent)]
        at, stop = self.offset(start), self.offset(end)
        while at > 0 and self.text[at - 1] == " ":
            at -= 1
        self.replace(at, stop, "")
        self.insert_lines(start[0], lines)
        return True

    def change_span(self, path: DocPath, new: Any) -> None:
        """Write ``new`` over the scalar or flow value at ``path``."""
        start, end = self.offset(self.doc.marks[path]), self.offset(self.doc.ends[path])
        text = flow(new)
        if start == end and start and self.text[start - 1] == ":":
            text = " " + text  # an empty value (``key:``) gets its space
        spanned = self.text[start:end]
        if ("\n" in spanned or "\r" in spanned) and self.doc.ends[path][1] == 1:
            text += self.newline  # a block scalar took its line break with it
        self.replace(start, end, text)

    def change_mapping(self, path: DocPath, old: dict[Any, Any], new: dict[Any, Any]) -> None:
        indent = None
        for key in old:
            mark = self.doc.key_marks.get((*path, key))
            if mark is not None:
                indent = mark[1] - 1
                break
        if indent is None:
            raise CannotEdit(f"no key position in {path}")
        for key in old:
            if key not in new:
                self.delete_entry((*path, key))
        for key, value in new.items():
            if key in old:
                self.change((*path, key), old[key], value)
        added = [line for key, value in new.items() if key not in old
                 for line in block(str(key), value, indent)]
        if added:
            self.insert_lines(self.last_line(path), added)

    def delete_entry(self, path: DocPath) -> None:
        key_line, key_col = self.doc.key_marks[path]
        if self.line_text(key_line)[:key_col - 1].strip():
            raise CannotEdit(f"{path} shares its line")  # e.g. the first key of "- a: 1"
        self.delete_lines(key_line, self.last_line(path))

    def change_list(self, path: DocPath, old: list[Any], new: list[Any]) -> None:
        first = self.doc.marks[(*path, 0)]
        line = self.line_text(first[0])
        dash = line.rfind("-", 0, first[1] - 1)
        if dash < 0 or line[:dash].strip():
            raise CannotEdit(f"no dash for {path}")
        for i, (before, after) in enumerate(zip(old, new, strict=False)):
            self.change((*path, i), before, after)
        for i in range(len(new), len(old)):
            item = (*path, i)
            start = self.doc.marks[item][0]
            if i == 0 or self.line_text(start)[:dash].strip():
                raise CannotEdit(f"cannot remove {item}")
            self.delete_lines(start, self.last_line(item))
        added = [text for value in new[len(old):] for text in block(None, value, dash)]
        if added:
            self.insert_lines(self.last_line(path), added)


def _same(old: Any, new: Any) -> bool:
    """Equal, and of the same kind: ``true`` is not ``1``, ``2`` is ``2.0``."""
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return old == new
    return type(old) is type(new) and old == new


def edit(text: str, doc: Doc, new: Any) -> str:
    """``text`` changed so that it loads as ``new``; comments and layout stay."""
    if not isinstance(doc.value, dict) or not isinstance(new, dict):
        raise CannotEdit("the document is not a mapping")
    editor = _Editor(text, doc)
    if () in doc.flow:
        editor.change_span((), new)
    else:
        editor.change_mapping((), doc.value, new)
    return editor.result()
