"""A small declarative schema: one description of each file format, used twice.

``check`` walks a loaded ``Doc`` and collects every problem with its line and
column, so a file's problems are all reported at once. ``json_schema`` turns
the same description into a JSON Schema for editors (``mlpath schema``), so the
loader and the published schema cannot drift apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from mlpath.errors import Problem, suggestion
from mlpath.yamlio import Doc, DocPath

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SURROGATE = re.compile("[\ud800-\udfff]")
_YAML_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


class Checker:
    """Collects problems while specs walk a document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def report(self, path: DocPath, message: str, *, key: bool = False,
               label: DocPath | None = None) -> None:
        where = _dotted(path if label is None else label)
        text = f"{where}: {message}" if where else message
        self.problems.append(self.doc.problem(path, text, key=key))


def _dotted(path: DocPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}" + unicode_digit_hint(value[:40])
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _short(value: Any, limit: int = 40) -> str:
    """``repr`` of a value from a file, cut short: a message is one readable line."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit - 4] + "...'"


def unicode_digit_hint(text: str) -> str:
    """Why text such as '³', '５' or '٣' is not a number here (empty when it has none).

    Python's int() reads some of these and not others; mlpath reads only 0-9, and
    says so rather than "expected a number".
    """
    if text.isascii():
        return ""
    odd = [c for c in text if c.isnumeric() and not c.isascii()]
    if not odd:
        return ""
    import unicodedata

    name = unicodedata.name(odd[0], "a Unicode digit").lower()
    return f"; {odd[0]!r} is {name}, not one of the digits 0-9"


def _quote_hint(checker: Checker, path: DocPath, value: Any, *, text_fits: bool = True) -> str:
    """Why YAML read a word as a boolean or a number; "quote it" only where text fits
    (``text_fits``): quoting a level still does not make it a level."""
    raw = checker.doc.raw_text(path)
    if raw is None:
        return ""
    if isinstance(value, bool) and raw.lower() in _YAML_BOOL_WORDS:
        if not text_fits:
            return f" (YAML reads {raw} as {str(value).lower()})"
        return f"; YAML reads {raw} as {str(value).lower()}: quote it (\"{raw}\")"
    if not text_fits:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"; YAML reads {raw} as a number: quote it (\"{raw}\")"
    return ""


class Spec:
    description: str = ""

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def _with_description(self, schema: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            schema["description"] = self.description
        return schema


_INVALID = object()  # returned by check() for a value that was reported


# Short texts a ``Str`` has passed, remembered (up to a bound) because the same ones come
# back in every file of a team: skill ids as keys, milestone ids, targets.
_PASSED_TEXT = 64
_PASSED_SIZE = 4096


class Str(Spec):
    def __init__(self, *, description: str = "", pattern: str | None = None,
                 pattern_hint: str = "", choices: tuple[str, ...] = (), nullable: bool = False,
                 max_length: int = 2000) -> None:
        self.description, self.pattern, self.pattern_hint = description, pattern, pattern_hint
        self.choices, self.nullable, self.max_length = choices, nullable, max_length
        self._passed: set[str] = set()

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        if type(value) is str and value in self._passed:
            return value
        if value is None and self.nullable:
            return None
        if not isinstance(value, str):
            expected = "one of " + ", ".join(self.choices) if self.choices else "text"
            checker.report(path, f"expected {expected}, got {_describe(value)}"
                           + _quote_hint(checker, path, value))
            return _INVALID
        if len(value) > self.max_length:
            checker.report(path, f"longer than {self.max_length} characters")
            return _INVALID
        if self.choices and value not in self.choices:
            checker.report(path, f"{_short(value)} is not one of " + ", ".join(self.choices)
                           + suggestion(value, self.choices))
            return _INVALID
        if self.pattern and not re.fullmatch(self.pattern, value):
            checker.report(path, f"{_short(value)} {self.pattern_hint or 'has the wrong form'}")
            return _INVALID
        if not value.isascii() and _SURROGATE.search(value):
            checker.report(path, "holds an unpaired surrogate (\\ud800-\\udfff); fix the text")
            return _INVALID
        if len(value) <= _PASSED_TEXT and len(self._passed) < _PASSED_SIZE:
            self._passed.add(value)
        return value

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": ["string", "null"] if self.nullable else "string"}
        if self.choices:
            out["enum"] = [*self.choices, None] if self.nullable else list(self.choices)
        if self.pattern:
            out["pattern"] = self.pattern
        out["maxLength"] = self.max_length
        return self._with_description(out)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def date_problem(text: str, *, latest: str | None = None) -> str | None:
    """Why ``text`` (already of the form YYYY-MM-DD, maybe with a time) is not a real
    date, or is after ``latest`` (YYYY-MM-DD); None when it is fine."""
    import calendar
    import datetime

    day_text = text[:10]
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
    if year == 0:
        return f"{day_text} is not a date: there is no year 0"
    if not 1 <= month <= 12:
        return f"{day_text} is not a date: there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (f"{day_text} is not a date: {_MONTHS[month - 1]} {year} has {days} days"
                if day else f"{day_text} is not a date: there is no day 0")
    if len(text) > 10:
        try:
            datetime.datetime.fromisoformat(text)
        except ValueError:
            return f"{text} is not a date and time: write YYYY-MM-DD"
    if latest is not None and day_text > latest:
        today = datetime.date.today().isoformat()
        return f"{day_text} is in the future (today is {today}): write the day it happened"
    return None


def latest_date() -> str:
    """Tomorrow in UTC: the latest date that is today somewhere on Earth (UTC+14 is at
    most one day ahead of UTC), so a date written today anywhere is never refused."""
    import datetime

    now = datetime.datetime.now(datetime.UTC).date()
    return (now + datetime.timedelta(days=1)).isoformat()


class Date(Str):
    """A date written YYYY-MM-DD (a time may follow): the pattern gives its form, and
    the calendar says whether it exists. ``past``: a date of something that happened,
    so one after tomorrow (UTC) is a typo."""

    def __init__(self, pattern: str, *, description: str = "", past: bool = True) -> None:
        super().__init__(description=description, pattern=pattern, max_length=40,
                         pattern_hint="is not a date: write YYYY-MM-DD")
        self.past = past

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        if type(value) is str and value in self._passed:
            return value
        checked = super().check(checker, path, value)
        if checked is _INVALID:
            return _INVALID
        why = date_problem(checked, latest=latest_date() if self.past else None)
        if why is not None:
            self._passed.discard(checked)
            checker.report(path, why)
            return _INVALID
        return checked

    def schema(self) -> dict[str, Any]:
        out = super().schema()
        if self.past:
            extra = "a real calendar date, YYYY-MM-DD, not after tomorrow"
        else:
            extra = "a real calendar date, YYYY-MM-DD"
        out["description"] = f"{self.description} ({extra})" if self.description else extra
        return out


def IdStr(description: str = "") -> Str:
    return Str(description=description, pattern=ID_PATTERN, max_length=64,
               pattern_hint="is not a valid id: use lower-case words joined by '-'")


class Int(Spec):
    def __init__(self, minimum: int, maximum: int, *, description: str = "",
                 nullable: bool = False) -> None:
        self.minimum, self.maximum = minimum, maximum
        self.description, self.nullable = description, nullable

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        if value is None and self.nullable:
            return None
        if type(value) is int and self.minimum <= value <= self.maximum:
            return value  # the common case, first: a team checks millions of ratings
        span = f"{self.minimum}–{self.maximum}"
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and not isinstance(value, bool):
                checker.report(path, f"expected a whole number {span}, got {value}")
            else:
                checker.report(path, f"expected a whole number {span}, got {_describe(value)}")
            return _INVALID
        if not self.minimum <= value <= self.maximum:
            checker.report(path, f"{value} is outside {span}")
            return _INVALID
        return value

    def schema(self) -> dict[str, Any]:
        kind: Any = ["integer", "null"] if self.nullable else "integer"
        return self._with_description(
            {"type": kind, "minimum": self.minimum, "maximum": self.maximum})


class Num(Spec):
    def __init__(self, minimum: float, maximum: float, *, description: str = "",
                 nullable: bool = False) -> None:
        self.minimum, self.maximum = minimum, maximum
        self.description, self.nullable = description, nullable

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        if value is None and self.nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            checker.report(path, f"expected a number, got {_describe(value)}")
            return _INVALID
        if math.isnan(value) or not self.minimum <= value <= self.maximum:
            checker.report(path, f"{value} is outside {self.minimum:g}–{self.maximum:g}")
            return _INVALID
        return value

    def schema(self) -> dict[str, Any]:
        kind: Any = ["number", "null"] if self.nullable else "number"
        return self._with_description(
            {"type": kind, "minimum": self.minimum, "maximum": self.maximum})


class Bool(Spec):
    def __init__(self, *, description: str = "") -> None:
        self.description = description

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        if not isinstance(value, bool):
            checker.report(path, f"expected true or false, got {_describe(value)}")
            return _INVALID
        return value

    def schema(self) -> dict[str, Any]:
        return self._with_description({"type": "boolean"})


class ListOf(Spec):
    def __init__(self, item: Spec, *, description: str = "", min_items: int = 0,
                 max_items: int = 10_000, unique: bool = False) -> None:
        self.item, self.description = item, description
        self.min_items, self.max_items, self.unique = min_items, max_items, unique

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        if not isinstance(value, list):
            checker.report(path, f"expected a list, got {_describe(value)}")
            return _INVALID
        if len(value) < self.min_items:
            checker.report(path, f"needs at least {self.min_items} item(s)")
        if len(value) > self.max_items:
            checker.report(path, f"has {len(value)} items; mlpath reads at most "
                           f"{self.max_items}")
            return _INVALID
        out = []
        seen: set[Any] = set()
        for i, item in enumerate(value):
            checked = self.item.check(checker, (*path, i), item)
            if checked is _INVALID:
                continue
            if self.unique and isinstance(checked, str):
                if checked in seen:
                    checker.report((*path, i), f"{checked!r} is listed twice")
                    continue
                seen.add(checked)
            out.append(checked)
        return out

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.schema(),
                               "maxItems": self.max_items}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.unique:
            out["uniqueItems"] = True
        return self._with_description(out)


class MapOf(Spec):
    """A mapping with free keys (such as skill ids) and values of one kind."""

    def __init__(self, value: Spec, *, description: str = "", key: Str | None = None,
                 int_keys: tuple[int, int] | None = None, max_items: int = 1000) -> None:
        self.value, self.description, self.max_items = value, description, max_items
        self.key = key or IdStr()
        self.int_keys = int_keys  # accept integer keys in this range instead

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        if not isinstance(value, dict):
            checker.report(path, f"expected a mapping, got {_describe(value)}")
            return _INVALID
        if len(value) > self.max_items:
            checker.report(path, f"has {len(value)} entries; mlpath reads at most "
                           f"{self.max_items}")
            return _INVALID
        out: dict[Any, Any] = {}
        for key, item in value.items():
            if self.int_keys is not None:
                low, high = self.int_keys
                number = key if isinstance(key, int) else int(key) if (
                    isinstance(key, str) and key.isascii() and key.isdigit()
                    and len(key) <= 2) else None
                if number is None or not low <= number <= high:
                    checker.report((*path, key), f"key {_short(key)} must be a level "
                                   f"{low}–{high}", key=True)
                    continue
                checked = self.value.check(checker, (*path, key), item)
                if checked is not _INVALID:
                    out[number] = checked
                continue
            elif not isinstance(key, str):
                checker.report((*path, key), f"key {_short(key)} must be text, not a "
                               f"number: quote it (\"{key}\")", key=True)
                continue
            elif self.key.check(checker, (*path, key), key) is _INVALID:
                continue
            checked = self.value.check(checker, (*path, key), item)
            if checked is not _INVALID:
                out[key] = checked
        return out

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "additionalProperties": self.value.schema(),
                               "maxProperties": self.max_items}
        if self.int_keys is not None:
            low, high = self.int_keys
            out["propertyNames"] = {"pattern": f"^[{low}-{high}]$"}
        else:
            names = self.key.schema()
            names.pop("type", None)
            names.pop("description", None)
            out["propertyNames"] = names
        return self._with_description(out)


class Obj(Spec):
    """A mapping with known keys; unknown keys are problems (with a suggestion)."""

    def __init__(self, fields: dict[str, Spec], *, required: tuple[str, ...] = (),
                 description: str = "", title: str = "") -> None:
        self.fields, self.required = fields, required
        self.description, self.title = description, title

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        if not isinstance(value, dict):
            keys = ", ".join(self.required or tuple(self.fields)[:3])
            checker.report(path, f"expected a mapping with {keys}…, got {_describe(value)}")
            return _INVALID
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str) or key not in self.fields:
                hint = suggestion(key, list(self.fields)) if isinstance(key, str) else ""
                checker.report((*path, key), f"unknown key {_short(key)}{hint}"
                               + "; expected one of " + ", ".join(self.fields), key=True,
                               label=path)
                continue
            checked = self.fields[key].check(checker, (*path, key), item)
            if checked is not _INVALID:
                out[key] = checked
        for name in self.required:
            if name not in value:
                checker.report(path, f"missing required key {name!r}")
        return out

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "properties": {name: spec.schema() for name, spec in self.fields.items()},
            "additionalProperties": False,
        }
        if self.required:
            out["required"] = list(self.required)
        if self.title:
            out["title"] = self.title
        return self._with_description(out)


class AnyOf(Spec):
    """The first alternative whose ``accepts`` matches the value's shape decides."""

    def __init__(self, options: tuple[tuple[Callable[[Any], bool], Spec], ...], *,
                 description: str = "", fallback_message: str = "has the wrong shape") -> None:
        self.options, self.description = options, description
        self.fallback_message = fallback_message

    def check(self, checker: Checker, path: DocPath, value: Any) -> Any:
        for accepts, spec in self.options:
            if accepts(value):
                return spec.check(checker, path, value)
        text_fits = any(isinstance(spec, Str) for _, spec in self.options)
        checker.report(path, f"{self.fallback_message}, got {_describe(value)}"
                       + _quote_hint(checker, path, value, text_fits=text_fits))
        return _INVALID

    def schema(self) -> dict[str, Any]:
        return self._with_description({"anyOf": [spec.schema() for _, spec in self.options]})


def check(spec: Spec, doc: Doc) -> tuple[Any, list[Problem]]:
    checker = Checker(doc)
    value = spec.check(checker, (), doc.value)
    return (None if value is _INVALID else value), checker.problems
