"""The report page renders in headless Chromium with no console errors (and a screenshot is kept)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.compare.build import run_report
from pipeline.compare.fixture import PLAN, build_fixture
from pipeline.compare.screenshot import find_chromium, run_chromium

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
CHROMIUM = find_chromium()

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make setup installs Debian's chromium package)"),
    pytest.mark.skipif(not (CORPUS / "dev" / "gold.jsonl").exists(), reason="../shared/corpus is not beside the repository"),
]

# Runs first in the page: records errors into the DOM, so that --dump-dom shows them too.
CAPTURE = """<script>(function(){var errs=[];function keep(m){errs.push(String(m));
document.documentElement.setAttribute('data-console-errors', JSON.stringify(errs));}
window.addEventListener('error',function(e){keep(e.message||'resource error');},true);
window.addEventListener('unhandledrejection',function(e){keep(e.reason);});
var orig=console.error;console.error=function(){keep([].join.call(arguments,' '));orig.apply(console,arguments);};})();</script>"""


def console_messages(stderr: str) -> list[str]:
    # Chromium logs every console message (and uncaught exception) of the page as INFO:CONSOLE.
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def check_page(page: Path, tmp: Path) -> tuple[str, list[str]]:
    probe = tmp / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8").replace("<head>", "<head>" + CAPTURE, 1), encoding="utf-8")
    run = run_chromium(probe, tmp / "profile", "--virtual-time-budget=3000", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    m = re.search(r'data-console-errors="([^"]*)"', run.stdout)
    errors = console_messages(run.stderr) + ([m.group(1)] if m else [])
    return run.stdout, errors


def test_the_method_sees_console_errors(tmp_path):
    """A page with a script error must be caught, or a clean result means nothing."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><head></head><body><p>x</p><script>notDefined();</script></body></html>",
                   encoding="utf-8")
    _, errors = check_page(bad, tmp_path)
    assert any("notDefined" in e for e in errors)


def test_report_renders_without_console_errors(tmp_path):
    # the fixture is an archive of real dev pages put through the real extraction
    out = build_fixture(tmp_path / "out", CORPUS)
    assert run_report(out) == 0
    page = out / "report" / "index.html"
    source = page.read_text(encoding="utf-8")
    # self-contained: nothing fetched from anywhere
    assert not re.search(r'<(script|img|link|iframe)[^>]+(src|href)="(https?:)?//', source)
    dom, errors = check_page(page, tmp_path)
    assert errors == []
    assert "合规检查" in dom and "<svg" in dom
    # every report the extraction read is on the page, the one with no figures too
    assert all(p.township in dom for p in PLAN)
    # the rate that does not add up, stated and recomputed
    arithmetic = dom[dom.index('id="arithmetic"'):dom.index('id="figures"')]
    assert "95.74" in arithmetic and "94.74" in arithmetic
    # every chart mark links to a figure row that exists
    targets = set(re.findall(r'<a href="#(f-[0-9a-f]{16}-\d+)"', dom))
    assert targets and all(f'id="{t}"' in dom for t in targets)
