"""Plain-text safety for anything that came from a data file or a profile (DESIGN §6)."""

from __future__ import annotations

import re

# C0 and C1 control characters and DEL; newlines and tabs are flattened too, since
# every string mlpath shows from data sits on one line or in one table cell.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` with control characters shown as visible escapes (ESC -> ``\\x1b``).

    Nothing from a role pack or a profile may move the cursor, change the
    window title or ring the bell. Markup is never interpreted either: the
    table renderer only builds ``rich.text.Text`` objects, never markup strings.
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def money(amount: float | None) -> str:
    return "—" if amount is None else f"${amount:,.0f}"


def band(minimum: float, maximum: float | None) -> str:
    if maximum is None:
        return f"over {money(minimum)}"
    return f"{money(minimum)}–{money(maximum)}"


def number(value: float) -> str:
    """3.0 -> "3", 2.5 -> "2.5"."""
    return f"{value:g}"


def percent(value: float) -> str:
    """A readiness, one way everywhere: one decimal and a per cent sign (20 -> "20.0%")."""
    return f"{value:.1f}%"


def change(value: float) -> str:
    """A change in readiness, one way in every view: signed, one decimal, like the
    readiness itself (5 -> "+5.0", -2.25 -> "-2.3"); no change is "0.0"."""
    shown = f"{value:+.1f}"
    return "0.0" if shown in ("+0.0", "-0.0") else shown


def level_change(value: int) -> str:
    """A change in a skill level, a whole number: 2 -> "+2", 0 -> "0"."""
    return f"{value:+d}" if value else "0"


def band_short(minimum: float, maximum: float | None) -> str:
    """$120k–200k, or $500k+ when there is no upper bound."""
    def k(x: float) -> str:
        return f"{x / 1000:g}k"

    return f"${k(minimum)}+" if maximum is None else f"${k(minimum)}–{k(maximum)}"


def years(value: float) -> str:
    """Years as people read them: at most one decimal, never an exponent
    (6 -> "6", 0.123457 -> "0.1", 1e-07 -> "under 0.1")."""
    shown = round(value, 1)
    if shown == 0 and value > 0:
        return "under 0.1"
    return f"{shown:.1f}".removesuffix(".0")


def years_of(value: float) -> str:
    """Years with their noun: "1 year", "4 years", "0.5 years"."""
    shown = years(value)
    return f"{shown} year" if shown == "1" else f"{shown} years"
