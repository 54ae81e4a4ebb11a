"""One escaping rule per output format: attacks from data files stay inert in each."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import Run
from mlpath.render import escape

ATTACKS = [
    'https://x/"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![img](https://evil.example/p.png)",
    "<javascript:alert(1)>",
    "&#106;avascript:alert(1)",
    "*bold* _em_ `code` ~~gone~~ | cell |",
    "\x1b]52;c;cHduZWQ=\x07 \x1b[2J \x9b31m \x00 \x08",
    "line\nbreak\r\n# heading",
    "\ud800 lone surrogate \ufffe",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_html_text_is_never_markup(attack: str) -> None:
    out = escape.html(attack)
    assert "<" not in out and ">" not in out and '"' not in out
    assert "\x1b" not in out and "\x07" not in out


@pytest.mark.parametrize("attack", ATTACKS)
def test_xml_text_always_parses_as_one_text_node(attack: str) -> None:
    doc = f'<svg xmlns="http://www.w3.org/2000/svg"><text a="{escape.xml(attack)}">' \
          f"{escape.xml(attack)}</text></svg>"
    root = ET.fromstring(doc.encode("utf-8", "surrogatepass"))
    assert len(list(root)) == 1 and not list(root[0])


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)",
                                 "data:text/html,<script>1</script>", "vbscript:x",
                                 "//evil.example/x", "https://x/ space", "https://x/\x1b[2J",
                                 "file:///etc/passwd", "https:///nohost", "", None,
                                 " https://x/"])
def test_only_http_urls_become_links(url: str | None) -> None:
    assert escape.safe_url(url) is None
    assert escape.href(url) is None and escape.markdown_url(url) is None


def test_a_breaking_out_url_stays_inside_its_attribute() -> None:
    target = escape.href('https://x/"><script>alert(1)</script>')
    assert target is not None and '"' not in target and "<" not in target


@pytest.mark.parametrize("attack", ATTACKS[:7])
def test_markdown_text_renders_as_the_same_text(attack: str) -> None:
    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(
        "x " + escape.markdown(attack))
    assert "<a " not in rendered and "<img" not in rendered and "<script" not in rendered
    assert "<em>" not in rendered and "<strong>" not in rendered and "<code>" not in rendered


def test_markdown_url_ends_where_it_should() -> None:
    url = escape.markdown_url("https://example.com/a_(b)_<c>")
    rendered = MarkdownIt("commonmark").render(f"[t]({url})")
    assert 'href="https://example.com/a_%28b%29_%3Cc%3E"' in rendered


@pytest.mark.parametrize("value", ["=1+2", "+cmd", "-2+3", "@SUM(A1)", "=HYPERLINK(\"x\")"])
def test_csv_cells_never_start_a_formula(value: str) -> None:
    out = io.StringIO()
    csv.writer(out).writerow([escape.csv_cell(value)])
    cell = next(csv.reader(io.StringIO(out.getvalue())))[0]
    assert cell[0] not in "=+-@" and cell.endswith(value)


def test_json_text_carries_no_raw_control() -> None:
    text = escape.json_string("\x1b[2J \x9b31m \u2028")
    assert not any(c in text for c in "\x1b\x9b\u2028")
    assert json.loads(text) == "\x1b[2J \x9b31m \u2028"


def test_terminal_rule_shows_escapes_visibly() -> None:
    assert escape.terminal("\x1b[2J") == "\\x1b[2J"


@pytest.fixture
def attack_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "skills.yaml").write_text('''skills:
  - id: evil-skill
    name: "Evil <script>alert(1)</script> [x](javascript:alert(1))"
    category: evil
    description: "d"
    rubric: {3: "r"}
    resources:
      - title: "T <img src=x onerror=alert(1)> ![i](https://e.example/i.png)"
        url: "https://x/'onmouseover='alert(2)'"
        kind: docs
        cost: free
''')
    (pack / "evil-role.yaml").write_text('''id: evil-role
name: "Role </title><script>alert(4)</script>"
summary: "s"
levels:
  - id: mid
    title: "Title \\e]0;pwned\\a <b>bold</b>"
    years: {min: 0}
    requirements: {evil-skill: 3, python: 2}
''')
    (tmp_path / "me.yaml").write_text('name: "Me <svg onload=alert(5)>"\ntarget: evil-role\n'
                                      "skills:\n  python: 1\n")
    return pack


def test_the_html_report_is_inert(run: Run, attack_pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = run("--roles-dir", str(attack_pack), "assess", "-p", str(tmp_path / "me.yaml"),
                 "-o", str(out))
    assert result.code == 0, result
    page = out.read_text()
    assert "<script" not in page and "<img" not in page and "<svg onload" not in page
    assert "<b>" not in page and 'href="javascript' not in page and "\x1b" not in page
    # a URL with a quote cannot close the attribute it sits in (a URL with <, > or " does
    # not load at all: tests/test_attacks.py)
    assert "'onmouseover='" not in page and "https://x/" in page


def test_the_svg_export_is_valid_xml_with_no_script(run: Run, attack_pack: Path,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "r.svg"
    result = run("--roles-dir", str(attack_pack), "assess", "-p", str(tmp_path / "me.yaml"),
                 "-o", str(out))
    assert result.code == 0, result
    root = ET.fromstring(out.read_bytes())
    assert not any(el.tag.endswith("script") for el in root.iter())
    assert "javascript:" not in " ".join(a.get("href", "") for a in root.iter()
                                         if a.tag.endswith("}a"))


def test_the_markdown_report_is_inert(run: Run, attack_pack: Path, tmp_path: Path) -> None:
    result = run("--roles-dir", str(attack_pack), "assess", "-p", str(tmp_path / "me.yaml"),
                 "--format", "markdown")
    assert result.code == 0, result
    rendered = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<script" not in rendered and "<img" not in rendered and "<svg" not in rendered
    assert 'href="javascript' not in rendered and "\x1b" not in rendered
