"""One escaping rule per output format, for every string that comes from a file.

Role packs and profiles are written by other people, so their text is data, never
code, in every format mlpath writes (DESIGN §6). Each renderer passes every string
from a file through the rule of its format, here, at the moment it writes it:

- terminal: ``terminal`` (control characters shown as visible escapes; rich markup is
  never parsed because renderers build ``Text`` objects, never markup strings);
- HTML: ``html`` for text and attribute values, ``href`` for link targets;
- SVG and XML: ``xml`` (XML 1.0 forbids most control characters outright);
- Markdown: ``markdown`` for inline text and table cells, ``markdown_url`` for link
  targets;
- CSV: ``csv_cell`` (no formulas for a spreadsheet to run);
- JSON: ``json_text`` (json.dumps plus C1 controls, so JSON on a terminal is inert).

A link target must be an ``http`` or ``https`` URL to be a link at all (``safe_url``):
``javascript:``, ``data:`` and friends are shown, escaped, as text.
"""

from __future__ import annotations

import json
import re

from mlpath.render.text import clean

__all__ = ["csv_cell", "href", "html", "json_string", "json_text", "markdown", "markdown_url",
           "safe_url", "terminal", "xml"]

# Characters XML 1.0 cannot carry at all, even escaped: lone surrogates and U+FFFE/U+FFFF.
_NOT_XML = "[\ud800-\udfff\ufffe\uffff]"  # compiled on first use: only HTML and SVG need it
# C1 controls, DEL and the two Unicode line separators, which json.dumps leaves raw.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")
# Everything CommonMark gives a meaning to inside a line: emphasis, code, links, images,
# raw HTML, entities, tables, strike-through and backslash escapes themselves.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&])")
# A link target is printable ASCII: spaces, controls or anything else and it is no link.
_URL_CHARS = re.compile(r"[^\x21-\x7e]")


def terminal(text: str) -> str:
    """For a terminal: control characters (ESC, BEL, CSI, …) become visible ``\\x1b``."""
    return clean(text)


def html(text: str) -> str:
    """For HTML text and quoted attribute values: ``< > & " '`` escaped, controls visible."""
    import html as _html  # here: html.entities costs a millisecond the JSON path needn't pay

    return _html.escape(re.sub(_NOT_XML, "\ufffd", clean(text)), quote=True)


def xml(text: str) -> str:
    """For SVG or any XML: as ``html``, and nothing XML 1.0 forbids survives."""
    return html(text)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host and no spaces or controls."""
    if not url or _URL_CHARS.search(url):
        return None
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def href(url: str | None) -> str | None:
    """A safe link target for an HTML or SVG attribute, or None when it must not be a link."""
    safe = safe_url(url)
    import html as _html

    return None if safe is None else _html.escape(safe, quote=True)


def markdown(text: str) -> str:
    """For Markdown inline text and table cells: every construct shown literally."""
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def markdown_url(url: str | None) -> str | None:
    """A link destination for ``[text](here)``, or None when it must not be a link.

    Parentheses, angle brackets and spaces are percent-encoded, so the destination ends
    where CommonMark thinks it ends.
    """
    from urllib.parse import quote

    safe = safe_url(url)
    return None if safe is None else quote(safe, safe=":/?#[]@!$&'*+,;=%~-._")


def csv_cell(text: str) -> str:
    """For a CSV cell: controls visible, and no formula (= + - @) for a spreadsheet to run."""
    text = clean(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def json_text(text: str) -> str:
    """JSON text made inert on a terminal: json.dumps output with C1 controls escaped too."""
    if text.isascii() and "\x7f" not in text:  # nothing to escape (a team's JSON, mostly)
        return text
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_string(value: str) -> str:
    """One string as a JSON literal, by the same rule."""
    return json_text(json.dumps(value, ensure_ascii=False))
