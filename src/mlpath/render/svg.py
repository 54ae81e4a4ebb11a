"""Charts drawn by mlpath itself as SVG: no library, no font or script to fetch.

Every function returns one ``<svg>`` element as text, sized by its viewBox so that it
scales to the width of the page. Every string from data goes through ``escape.xml``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from mlpath.render.escape import xml

HAVE = "#2563eb"  # blue: what you have
NEED = "#9ca3af"  # grey: what the role needs
READY = "#16a34a"
LINE = "#374151"


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def meter(have: float, need: float | None, *, total: float = 5, label: str = "") -> str:
    """A have-vs-need bar: the need as a grey track, the have as a blue bar over it."""
    scale = 100 / total if total > 0 else 0
    parts = [f'<svg class="meter" viewBox="0 0 100 12" preserveAspectRatio="none" '
             f'role="img" aria-label="{xml(label)}">',
             '<rect x="0" y="1" width="100" height="10" fill="#f3f4f6"/>']
    if need is not None:
        parts.append(f'<rect x="0" y="1" width="{_n(min(need, total) * scale)}" height="10" '
                     f'fill="{NEED}" fill-opacity="0.45"/>')
    parts.append(f'<rect x="0" y="3" width="{_n(max(0.0, min(have, total)) * scale)}" '
                 f'height="6" fill="{HAVE}"/>')
    if need is not None:
        x = _n(min(need, total) * scale)
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="12" stroke="{LINE}" '
                     'stroke-width="1" vector-effect="non-scaling-stroke"/>')
    parts.append("</svg>")
    return "".join(parts)


def _label_lines(text: str, width: int = 14) -> list[str]:
    """A label in at most two lines of about ``width`` characters, split between words."""
    words, lines = text.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width and len(lines) < 2:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


RADAR = (280, 215, 140)  # the centre and the radius, in the viewBox's 560 x 450 units
LABEL_SIZE, LINE_HEIGHT = 13, 14
CHAR_WIDTH = 0.6  # of the font size: a generous average for a sans-serif label


def _label_box(i: int, count: int, lines: Sequence[str], size: float = LABEL_SIZE
               ) -> tuple[float, float, float, float, str, float, float]:
    """Where axis ``i``'s label goes: its box (left, top, right, bottom), its anchor, and
    the x and first baseline of its text. The anchor follows the angle: labels on the
    right start at the axis end, those on the left end there, those at the top and the
    bottom are centred on it and sit above or below it."""
    cx, cy, radius = RADAR
    angle = -math.pi / 2 + 2 * math.pi * i / count
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = cx + (radius + 10) * cos, cy + (radius + 10) * sin
    width = max(len(line) for line in lines) * size * CHAR_WIDTH
    height = len(lines) * LINE_HEIGHT * size / LABEL_SIZE
    if abs(cos) < 0.3:
        anchor, left = "middle", x - width / 2
        top = y - height if sin < 0 else y
    else:
        anchor, left = ("start", x) if cos > 0 else ("end", x - width)
        top = y - height / 2
    baseline = top + size * 0.8
    return left, top, left + width, top + height, anchor, x, baseline


def radar_numbered(labels: Sequence[str]) -> bool:
    """Whether the radar numbers its axes (and the page lists the numbers) because the
    skill names, placed by ``_label_box``, would overlap each other or leave the chart."""
    count = len(labels)
    boxes = [_label_box(i, count, _label_lines(label))[:4] for i, label in enumerate(labels)]
    for left, top, right, bottom in boxes:
        if left < 0 or top < 0 or right > 560 or bottom > 425:  # 425: above the key
            return True
    return any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
               for k, a in enumerate(boxes) for b in boxes[k + 1:])


def radar(labels: Sequence[str], have: Sequence[float], need: Sequence[float], *,
          top: float = 5, title: str = "Your profile against the target") -> str:
    """A radar chart: one axis per skill, the target's needs and your ratings as polygons.

    Each axis carries the skill's name where the names fit without touching; otherwise
    its number (1 for the first label), with the name as the number's tooltip, and the
    page lists the numbers (``radar_numbered`` says which)."""
    count = len(labels)
    if count < 3:
        return ""
    cx, cy, radius = RADAR
    numbered = radar_numbered(labels)

    def point(i: int, value: float, r: float = radius) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / count
        scale = r * max(0.0, min(value, top)) / top
        return cx + scale * math.cos(angle), cy + scale * math.sin(angle)

    def polygon(values: Sequence[float]) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v) for i, v in
                                                         enumerate(values)))

    out = [f'<svg class="radar" viewBox="0 0 560 450" role="img" aria-label="{xml(title)}">',
           f"<title>{xml(title)}</title>"]
    for ring in range(1, int(top) + 1):
        out.append(f'<polygon points="{polygon([ring] * count)}" fill="none" '
                   'stroke="#e5e7eb" stroke-width="1"/>')
    for i in range(count):
        x, y = point(i, top)
        out.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#e5e7eb"/>')
    out.append(f'<polygon points="{polygon(need)}" fill="{NEED}" fill-opacity="0.25" '
               f'stroke="{NEED}" stroke-width="2"/>')
    out.append(f'<polygon points="{polygon(have)}" fill="{HAVE}" fill-opacity="0.25" '
               f'stroke="{HAVE}" stroke-width="2"/>')
    for i, label in enumerate(labels):
        if numbered:
            size = 16
            *_, anchor, x, y0 = _label_box(i, count, [str(i + 1)], size)
            out.append(f'<text font-size="{size}" text-anchor="{anchor}" fill="{LINE}" '
                       f'x="{x:.1f}" y="{y0:.1f}"><title>{xml(label)}</title>{i + 1}</text>')
            continue
        lines = _label_lines(label)
        *_, anchor, x, y0 = _label_box(i, count, lines)
        spans = "".join(f'<tspan x="{x:.1f}" y="{y0 + k * LINE_HEIGHT:.1f}">{xml(line)}</tspan>'
                        for k, line in enumerate(lines))
        out.append(f'<text font-size="{LABEL_SIZE}" text-anchor="{anchor}" fill="{LINE}">'
                   f"<title>{xml(label)}</title>{spans}</text>")
    out.append(f'<g font-size="14"><rect x="10" y="428" width="14" height="14" fill="{HAVE}"/>'
               f'<text x="30" y="440" fill="{LINE}">you</text>'
               f'<rect x="80" y="428" width="14" height="14" fill="{NEED}"/>'
               f'<text x="100" y="440" fill="{LINE}">the target needs</text></g>')
    out.append("</svg>")
    return "".join(out)


def line_chart(points: Sequence[tuple[str, float]], *, ready_at: float = 85,
               title: str = "Readiness over time") -> str:
    """Readiness (0-100 %) over dated points, with the line at which a level is reached."""
    if not points:
        return ""
    left, right, top, bottom, width, height = 44, 16, 16, 40, 600, 280
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(points) - 1)

    def xy(i: int, value: float) -> tuple[float, float]:
        x = left + (i * step if len(points) > 1 else plot_w / 2)
        return x, top + plot_h * (1 - max(0.0, min(value, 100)) / 100)

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{xml(title)}">', f"<title>{xml(title)}</title>",
           '<g font-size="11" fill="#6b7280">']
    for tick in (0, 25, 50, 75, 100):
        _, y = xy(0, tick)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                   'stroke="#e5e7eb"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}%</text>')
    _, ready_y = xy(0, ready_at)
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{ready_y:.1f}" y2="{ready_y:.1f}" '
               f'stroke="{READY}" stroke-dasharray="6 4"/>'
               f'<text x="{width - right}" y="{ready_y - 4:.1f}" text-anchor="end" '
               f'fill="{READY}">ready at {ready_at:g}%</text>')
    every = max(1, math.ceil(len(points) / 8))  # at most about eight date labels
    for i, (label, _) in enumerate(points):
        if i % every == 0 or i == len(points) - 1:
            x, _ = xy(i, 0)
            # the last date ends at the plot's edge: centred there, it ran past the chart
            anchor = "end" if i == len(points) - 1 and i else "middle"
            out.append(f'<text x="{x:.1f}" y="{height - bottom + 18}" '
                       f'text-anchor="{anchor}">{xml(label)}</text>')
    out.append("</g>")
    coords = [xy(i, v) for i, (_, v) in enumerate(points)]
    out.append(f'<polyline fill="none" stroke="{HAVE}" stroke-width="2.5" points="'
               + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords) + '"/>')
    for (x, y), (label, value) in zip(coords, points, strict=True):
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{HAVE}">'
                   f"<title>{xml(label)}: {value:.1f}%</title></circle>")
    out.append("</svg>")
    return "".join(out)


def timeline(spans: Sequence[tuple[int, int]], weeks: int, *,
             title: str = "Weeks of the plan") -> str:
    """A Gantt strip: one numbered row per step, from its first to its last week."""
    if not spans or weeks <= 0:
        return ""
    left, width, row = 34, 600, 18
    height = row * len(spans) + 28
    scale = (width - left - 10) / weeks
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{xml(title)}">', f"<title>{xml(title)}</title>",
           '<g font-size="11" fill="#6b7280">']
    for i, (start, end) in enumerate(spans):
        y = 4 + i * row
        out.append(f'<text x="{left - 6}" y="{y + 11}" text-anchor="end">{i + 1}</text>'
                   f'<rect x="{left + (start - 1) * scale:.1f}" y="{y}" '
                   f'width="{max(2.0, (end - start + 1) * scale):.1f}" height="{row - 6}" '
                   f'rx="2" fill="{HAVE}"/>')
    axis_y = height - 8
    for week in sorted({1, *range(0, weeks + 1, max(1, math.ceil(weeks / 6) * 1))} - {0}):
        x = left + (week - 1) * scale
        out.append(f'<text x="{x:.1f}" y="{axis_y}" text-anchor="middle">week {week}</text>')
    out.append("</g></svg>")
    return "".join(out)
