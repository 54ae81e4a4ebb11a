"""Checks for command-line values that typer's types let through.

click's FloatRange compares with < and >, and every comparison with NaN is
false, so ``--fail-under nan`` passed the range check and disabled the gate.
``finite`` refuses NaN and the infinities with a usage error (exit 2); use it as
an option's ``callback``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import typer


def finite(value: float | None) -> float | None:
    """A float option's callback: a real number or nothing, never nan or inf."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a number; give a finite number such as 5")
    return value


def at_least_one(value: int) -> int:
    """A count option's callback: 1 or more (said in the help, not as ``[x>=1]``)."""
    if value < 1:
        raise typer.BadParameter(f"{value} is less than 1; give 1 or more")
    return value


def between(low: float, high: float) -> Callable[[float | None], float | None]:
    """A float option's callback: a finite number from ``low`` to ``high``, refused in
    mlpath's words (typer's own range said "0.0 is not in the range 0.5<=x<=80", and
    "'abc' is not a valid float range")."""

    def check(value: float | None) -> float | None:
        finite(value)
        if value is not None and not low <= value <= high:
            raise typer.BadParameter(f"{value:g} is outside {low:g}–{high:g}; give a number "
                                     f"from {low:g} to {high:g}")
        return value

    return check
