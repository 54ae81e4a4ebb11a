"""Saving over a profile edits it: what the person wrote by hand stays byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Run

PROFILES = {
    "one evidence item": ("name: A  # me\nskills:\n  python: 4  # rated in May\n"
                          "evidence:\n  python: https://example.org/x  # my repo\n"),
    "a list of evidence": ("# my profile\nskills:\n  python: 4\nevidence:\n"
                           "  python: [a.py, b.py]  # two scripts\n"),
    "a block list of evidence": ("skills:\n  python: 4\nevidence:\n  python:\n"
                                 "    - a.py  # first\n    - b.py\n"),
}


@pytest.mark.parametrize("text", PROFILES.values(), ids=PROFILES.keys())
def test_saving_an_unchanged_profile_keeps_every_byte(run: Run, workdir: Path,
                                                       text: str) -> None:
    (workdir / "me.yaml").write_text(text)
    result = run("assess", "-p", "me.yaml", "--save", "me.yaml", "--force", "--json")
    assert result.code == 0, result
    assert "edited in place" in result.stderr, result
    assert (workdir / "me.yaml").read_text() == text
