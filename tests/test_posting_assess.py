"""`mlpath assess --posting AD`: the gap report against the role drafted from a job ad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, Run

ROOT = Path(__file__).resolve().parents[1]
ADA = str(ROOT / "examples" / "ada.yaml")
AD = str(DATA / "postings" / "ml-engineer.txt")


def test_it_equals_assessing_the_saved_draft_role(run: Run, tmp_path: Path) -> None:
    direct = run("assess", "-p", ADA, "--posting", AD, "--json")
    assert direct.code == 0, direct
    report = json.loads(direct.stdout)
    pack = tmp_path / "pack"
    saved = run("posting", AD, "--save", str(pack))
    assert saved.code == 0, saved
    role_id = report["target"]["role"]
    assert role_id.startswith("posting-") and (pack / f"{role_id}.yaml").is_file()
    via_pack = json.loads(run("--roles-dir", str(pack), "assess", "-p", ADA, "--role", role_id,
                              "--json").stdout)
    assert report["readiness"] == via_pack["readiness"]
    assert [(s["id"], s["required"], s["weight"]) for s in report["skills"]] == [
        (s["id"], s["required"], s["weight"]) for s in via_pack["skills"]]
    assert report["target"]["chosen"] == "option"
    assert report["target"]["salary_usd"]["source"].startswith("the job ad:")
    # The ad's role is not one of the catalogue's, so it is not one of the other matches.
    assert all(not m["role"].startswith("posting-") for m in report["matches"])


def test_it_reads_the_ad_from_standard_input_and_writes_files(run: Run, tmp_path: Path) -> None:
    piped = run("assess", "-p", ADA, "--posting", "-", "--json", input=Path(AD).read_text())
    assert piped.code == 0, piped
    assert json.loads(piped.stdout)["target"]["title"].startswith("Senior Machine Learning")
    page = tmp_path / "r.html"
    wrote = run("assess", "-p", ADA, "--posting", AD, "--output", str(page))
    assert wrote.code == 0 and "Senior Machine Learning" in page.read_text(), wrote
    table = run("assess", "-p", ADA, "--posting", AD)
    assert table.code == 0 and "Senior Machine Learning Engineer" in table.stdout, table


@pytest.mark.parametrize(("content", "says"), [
    ("We are a friendly company.\n\nBenefits: free lunch and a gym.\n",
     "names no skill that mlpath knows"),
    ("", "the job ad is empty"),
    ("   \n\n", "the job ad is empty"),
])
def test_an_ad_naming_nothing_known_exits_1_with_the_reason(run: Run, tmp_path: Path,
                                                            content: str, says: str) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_text(content)
    out = run("assess", "-p", ADA, "--posting", str(ad))
    assert out.code == 1, out
    assert says in out.stderr and out.stderr.count("\n") == 1 and out.stdout == "", out


def test_binary_and_huge_ads_exit_1(run: Run, tmp_path: Path) -> None:
    binary = tmp_path / "ad.bin"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    out = run("assess", "-p", ADA, "--posting", str(binary))
    assert out.code == 1 and out.stderr.count("\n") == 1, out
    huge = tmp_path / "huge.txt"
    huge.write_text("Python required. " * 700_000)  # about 12 MB
    big = run("assess", "-p", ADA, "--posting", str(huge))
    assert big.code == 1 and big.stderr.count("\n") == 1 and "Traceback" not in big.stderr, big


@pytest.mark.parametrize(("args", "says"), [
    (["--posting", AD, "--role", "ml-engineer"], "--posting and --role"),
    (["--posting", "-", "-p", "-"], "standard input"),
])
def test_usage_errors(run: Run, args: list[str], says: str) -> None:
    if "-p" not in args:
        args = ["-p", ADA, *args]
    out = run("assess", *args)
    assert out.code == 2 and says in out.stderr, out


def test_a_missing_ad_is_a_data_error(run: Run, tmp_path: Path) -> None:
    out = run("assess", "-p", ADA, "--posting", str(tmp_path / "nope.txt"))
    assert out.code == 1 and "nope.txt" in out.stderr, out
