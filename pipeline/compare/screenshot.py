"""Headless Chromium for the report page: the screenshot kept in docs/, and the launcher the
rendering test uses. `python -m pipeline.compare.screenshot OUT docs/report.png`."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Debian's package is /usr/bin/chromium; other names where people have them.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
QUIET = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync")


def find_chromium() -> str | None:
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


def run_chromium(page: Path, user_data: Path, *extra: str, timeout: int = 120) -> subprocess.CompletedProcess:
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    args = [binary, *QUIET, f"--user-data-dir={user_data}", "--enable-logging=stderr", "--v=0", *extra,
            Path(page).resolve().as_uri()]
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout)


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 2000) -> Path:
    png = Path(png).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        run = run_chromium(page, Path(profile), "--hide-scrollbars", f"--window-size={width},{height}",
                           f"--screenshot={png}")
    if run.returncode != 0 or not png.exists():
        raise RuntimeError(f"chromium could not take the screenshot: {run.stderr[-500:]}")
    return png


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "output")
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/report.png")
    print(screenshot(out / "report" / "index.html", target))
