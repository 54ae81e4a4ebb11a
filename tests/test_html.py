"""The HTML reports: self-contained, semantic, and checked in a real headless Chromium."""

from __future__ import annotations

import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest

import chromium
from conftest import Run
from mlpath.engine.assess import assess, settle_target
from mlpath.engine.plan import make_plan
from mlpath.engine.progress import progress
from mlpath.engine.team import Matcher, choose_target, summarize
from mlpath.model import Catalog
from mlpath.profile import load_profile
from mlpath.render import html as html_render
from mlpath.render import jsonout

ROOT = Path(__file__).resolve().parents[1]
ADA = ROOT / "examples" / "ada.yaml"
PERSONAS = Path(__file__).parent / "data" / "personas"
HISTORY = """name: Ada
years_experience: 4
target: ml-engineer
skills: {python: 4, sql: 3, ml-fundamentals: 3, docker: 2, git: 3}
history:
  - date: "2025-01-10"
    skills: {python: 2, sql: 1}
  - date: "2025-06-01"
    skills: {python: 3, sql: 2, ml-fundamentals: 2}
  - date: "2025-11-20"
    skills: {python: 4, sql: 3, ml-fundamentals: 2, git: 2}
"""


def pages(catalog: Catalog, tmp_path: Path) -> dict[str, tuple[str, dict[str, object]]]:
    """Each kind of HTML page, with the JSON of the same result to compare against."""
    ada = load_profile(str(ADA), catalog)
    report = assess(catalog=catalog, profile=ada)
    names = {s.id: s.name for s in catalog.skills.values()}
    role, level = settle_target(catalog, ada.skills, ada.years_experience, None, None)
    plan = make_plan(catalog=catalog, profile=ada, role=role, level=level, hours_per_week=5)
    (tmp_path / "history.yaml").write_text(HISTORY)
    history = load_profile(str(tmp_path / "history.yaml"), catalog)
    over_time = progress(catalog=catalog, profile=history, today="2026-11-26")
    matcher = Matcher(catalog)
    members = [matcher.member(load_profile(str(p), catalog))
               for p in sorted(PERSONAS.glob("*.yaml"))]
    team_role, team_level, chosen = choose_target(catalog, members, None, None)
    team = summarize(catalog=catalog, members=members, role=team_role, level=team_level,
                     chosen=chosen, skipped=0)
    return {
        "report": (html_render.report_html(report, skill_names=names), jsonout.report(report)),
        "plan": (html_render.plan_html(plan), jsonout.plan(plan)),
        "progress": (html_render.progress_html(over_time), jsonout.progress(over_time)),
        "team": (html_render.team_html(team), jsonout.team(team)),
    }


def urls(value: object) -> list[str]:
    if isinstance(value, dict):
        return [u for k, v in value.items() for u in
                ([v] if k == "url" and isinstance(v, str) else urls(v))]
    if isinstance(value, list):
        return [u for v in value for u in urls(v)]
    return []


def gap_names(data: dict[str, object]) -> list[str]:
    found: list[str] = []
    for key in ("gaps", "steps", "top_gaps"):
        items = data.get(key)
        if isinstance(items, list):
            found += [str(item["name"]) for item in items if isinstance(item, dict)]
    return found


class Outline(HTMLParser):
    """The tags, the title and the links of a page, and whether any would fetch or run."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.title = ""
        self._in_title = False
        self.fetching: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_title = tag == "title" and "svg" not in self.tags[-3:-1]
        for name, value in attrs:
            if tag == "a" and name == "href" and value:
                self.links.append(value)
            if name in ("src", "srcset") or (tag == "link" and name == "href") or \
                    name.startswith("on"):
                self.fetching.append(f"{tag} {name}={value}")
        if tag in ("script", "iframe", "object", "embed", "img"):
            self.fetching.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title and not self.title:
            self.title = data


KINDS = ["report", "plan", "progress", "team"]
# Every element past the viewport's edges, and every chart label past its chart's.
OUTSIDE = """(() => { const out = [], W = window.innerWidth;
for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();
  if (r.width && (r.right > W + 0.5 || r.left < -0.5)) out.push(e.tagName + ' '
      + (e.textContent || '').slice(0, 40)); }
for (const t of document.querySelectorAll('svg text')) { const r = t.getBoundingClientRect(),
  s = t.closest('svg').getBoundingClientRect();
  if (r.right > s.right + 0.5 || r.left < s.left - 0.5) out.push('label ' + t.textContent); }
return out; })()"""


@pytest.fixture(scope="module")
def built(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, tuple[str, dict[str, object]]]:
    return pages(catalog, tmp_path_factory.mktemp("pages"))


@pytest.mark.parametrize("kind", KINDS)
def test_each_page_is_one_self_contained_semantic_document(
        built: dict[str, tuple[str, dict[str, object]]], kind: str) -> None:
    page, data = built[kind]
    outline = Outline()
    outline.feed(page)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert outline.title.startswith("mlpath"), outline.title
    assert 'name="viewport"' in page and "@media print" in page
    assert {"main", "h1"} <= set(outline.tags)
    assert not outline.fetching, outline.fetching
    assert "http://" not in page.split("<main>")[0] and "https://" not in page.split("<main>")[0]
    for url in urls(data):
        assert f'href="{url}"' in page, url
    assert all(link.startswith(("https://", "http://")) for link in outline.links)


def test_the_report_draws_its_own_charts(built: dict[str, tuple[str, dict[str, object]]]
                                         ) -> None:
    page, data = built["report"]
    assert page.count('class="radar"') == 1
    skills = data["skills"]
    assert isinstance(skills, list)
    assert page.count('class="meter"') >= len(skills)  # one have-vs-need bar per skill
    assert built["progress"][0].count("<polyline") == 1  # readiness over time
    assert 'class="chart"' in built["plan"][0]


def test_html_output_file_is_the_web_page(run: Run, workdir: Path) -> None:
    result = run("assess", "-p", str(ADA), "-o", "r.html")
    assert result.code == 0, result
    page = (workdir / "r.html").read_text()
    assert "<title>mlpath report · Ada Lovelace · ML Engineer</title>" in page
    assert "…and" not in page  # every gap, none left for --json


def test_svg_export_fetches_no_font_and_carries_links(run: Run, workdir: Path) -> None:
    result = run("assess", "-p", str(ADA), "-o", "r.svg")
    assert result.code == 0, result
    picture = (workdir / "r.svg").read_text()
    assert "@font-face" not in picture and "cdnjs" not in picture
    assert re.search(r'<a href="https://madewithml\.com/">', picture)


def _browser() -> None:
    if chromium.find_chromium() is None:
        if chromium.required():
            pytest.fail("MLPATH_REQUIRE_CHROMIUM=1 but no chromium on PATH")
        pytest.skip("no chromium on PATH (.ci/run installs it)")
    pytest.importorskip("websocket")


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_in_a_real_browser_at_375_px(
        built: dict[str, tuple[str, dict[str, object]]], kind: str, tmp_path: Path) -> None:
    _browser()
    page, data = built[kind]
    path = tmp_path / f"{kind}.html"
    path.write_text(page, encoding="utf-8")
    seen = chromium.open_page(path, width=375, evaluate=OUTSIDE)
    assert seen.value == [], seen.value  # nothing cut at the edge, not even a chart label
    assert seen.requests == [path.resolve().as_uri()], seen.requests  # nothing fetched
    assert not seen.failed and not seen.errors, (seen.failed, seen.errors)
    assert seen.scroll_width <= seen.viewport_width == 375  # no sideways scrolling
    assert seen.title.startswith("mlpath")
    flat = " ".join(seen.text.split())
    for name in gap_names(data):
        assert " ".join(name.split()) in flat, name
    if kind == "report" and "backed" in flat:  # the verdict apart from "32.4% backed"
        assert re.search(r"backed\s*\n\s*(Not yet ready|Ready)", seen.text), seen.text[:400]
    for url in urls(data):
        # the browser writes a bare host with its root path: https://neurips.cc/
        parsed = urllib.parse.urlsplit(url)
        link = url + "/" if not parsed.path and not parsed.query else url
        assert link in seen.links and url in seen.text, url

