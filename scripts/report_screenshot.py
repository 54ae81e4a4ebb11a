"""Refresh docs/report-html.png: the HTML report of examples/ada.yaml in headless Chromium.

    python scripts/report_screenshot.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from chromium import open_page  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        subprocess.run([sys.executable, "-m", "mlpath", "assess", "--profile",
                        str(ROOT / "examples" / "ada.yaml"), "--output", str(page)],
                       check=True, cwd=ROOT)
        shot = open_page(page, width=900, height=1400, screenshot=True).screenshot
    (ROOT / "docs" / "report-html.png").write_bytes(shot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
