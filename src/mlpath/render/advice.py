"""Sentences of advice that the table and Markdown reports share (no rich here)."""

from __future__ import annotations

from mlpath.model import READY_AT, Gap, Match, Report, Target


def ready_verdict(report: Report) -> str:
    """"ready" only when the skills reach the line and no required milestone is missing."""
    if not report.reached:
        return f"not yet ({READY_AT:g}% is ready)"
    missing = sum(1 for m in report.milestones if m.required and not m.met)
    if missing:
        return f"skills ready; {missing} required milestone{'s' if missing > 1 else ''} missing"
    return "ready"


def unrated_line(report: Report, names: dict[str, str]) -> str:
    """The skills marked "not rated", said apart from the gaps."""
    if not report.unrated:
        return ""
    listed = ", ".join(names.get(s, s) for s in report.unrated)
    return (f"Not rated: {listed} — rate them for a true figure (they count as 0 in "
            "the readiness).")


def resource_notes(g: Gap, i: int, names: dict[str, str]) -> str:
    """"also for …" when other gaps list the same resource."""
    others = g.also_for[i] if i < len(g.also_for) else ()
    return "also for " + ", ".join(names.get(o, o) for o in others) if others else ""


def uncovered_note(g: Gap) -> str:
    """Said plainly when nothing in the catalogue serves some of the levels climbed."""
    if not g.uncovered:
        return ""
    levels = g.uncovered
    text = (f"level {levels[0]}" if len(levels) == 1
            else f"levels {', '.join(str(lv) for lv in levels)}")
    return f"no resource in the catalogue serves {text} yet"


def target_names(t: Target) -> tuple[str, ...]:
    """The level title and the role name, once when they are the same words."""
    return (t.title,) if t.title == t.name else (t.title, t.name)


def match_notes(m: Match, *, sep: str = " · ") -> str:
    """What a listed role still asks beyond skills: the years, the required milestones
    (``sep`` goes before the milestones: a new line in a narrow table)."""
    out = "" if m.needs_years is None else f" (needs {m.needs_years:g}+ years)"
    names = m.missing_names or m.missing_milestones
    if names:
        more = len(names) - 1
        out += sep + "needs " + names[0] + (f" +{more} more" if more else "")
    return out
