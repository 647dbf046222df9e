"""Lighthouse on every page of the real site (mobile settings), written to AUDIT.md.

Builds the site into a temp dir, serves it on 127.0.0.1, runs the pinned `lighthouse` from
node_modules with the system Chromium (CHROME_PATH, else $EXPLAINER_CHROMIUM, else
/usr/bin/chromium) and writes a table of the four scores per page, with the reason for every
score below 100. A benchmark with a report, not a test: it never fails on a low score.

Usage: `make audit` (or `.venv/bin/python scripts/audit.py [--out AUDIT.md]`).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = " ".join(
    [
        *("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"),
        *("--disable-component-update", "--disable-sync"),
    ]
)


@dataclass(frozen=True)
class PageResult:
    """Lighthouse's four scores (0-100) for one page and, per category below 100, why."""

    path: str
    scores: dict[str, int]
    reasons: dict[str, list[str]]


class StaticHostHandler(SimpleHTTPRequestHandler):
    """Serves the built site as a static host like GitHub Pages does: gzip and a 10-minute cache."""

    def log_message(self, format: str, *args: object) -> None:  # stdlib signature; quiet
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        target = Path(self.translate_path(self.path))
        if self.path.split("?")[0].endswith("/"):
            target = target / "index.html"
        if target.suffix in COMPRESSIBLE and target.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self.send_gzipped(target)
        return super().send_head()

    def send_gzipped(self, target: Path) -> io.BytesIO:
        body = gzip.compress(target.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port; yields the base URL ending in '/'."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHostHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_site(site_dir: Path) -> None:
    """`mkdocs build --strict` of the real site into `site_dir`."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "-d", str(site_dir)], cwd=REPO, check=True, env=env)


def page_paths(site_dir: Path) -> list[str]:
    """Every page of the built site, relative to its root ('' is the home page)."""
    pages = sorted(index.parent.relative_to(site_dir).as_posix() for index in site_dir.rglob("index.html"))
    return ["" if path == "." else f"{path}/" for path in pages]


def chromium() -> str:
    """The browser Lighthouse drives: CHROME_PATH, $EXPLAINER_CHROMIUM or Debian's chromium."""
    return os.environ.get("CHROME_PATH") or os.environ.get("EXPLAINER_CHROMIUM") or "/usr/bin/chromium"


def run_lighthouse(url: str, report: Path) -> dict:
    """One Lighthouse run with its default mobile settings (Moto G Power, slow 4G); the JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium()})
    return json.loads(report.read_text(encoding="utf-8"))


def failing_audits(lhr: dict, category: str) -> list[str]:
    """The weighted audits of a category that did not pass, as 'Title (score)' lines."""
    reasons = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            value = f", {audit['displayValue']}" if audit.get("displayValue") else ""
            reasons.append(f"{audit['title']} (score {round(audit['score'] * 100)}{value})")
    return reasons


def opportunities(lhr: dict, limit: int = 3) -> list[str]:
    """What Lighthouse says would speed the page up most, e.g. 'Eliminate render-blocking resources (~300 ms)'."""
    found = []
    for audit_result in lhr["audits"].values():
        details = audit_result.get("details") or {}
        saving = details.get("overallSavingsMs") or 0
        if details.get("type") == "opportunity" and saving >= 50:
            found.append((saving, f"{audit_result['title']} (~{round(saving, -1):.0f} ms)"))
    return [text for _, text in sorted(found, reverse=True)[:limit]]


def page_result(path: str, lhr: dict) -> PageResult:
    """Scores and reasons for one page from its Lighthouse report."""
    scores = {name: round(lhr["categories"][name]["score"] * 100) for name in CATEGORIES}
    reasons = {name: failing_audits(lhr, name) for name in CATEGORIES if scores[name] < 100}
    if "performance" in reasons:
        reasons["performance"] += [f"opportunity: {text}" for text in opportunities(lhr)]
    return PageResult(path, scores, reasons)


def median_run(reports: list[dict]) -> dict:
    """The run with the median performance score: Lighthouse's advice for noisy machines."""
    ranked = sorted(reports, key=lambda lhr: lhr["categories"]["performance"]["score"])
    return ranked[len(ranked) // 2]


def audit(base_url: str, paths: list[str], workdir: Path, runs: int) -> list[PageResult]:
    """Lighthouse `runs` times on every page, one run at a time (parallel runs skew performance)."""
    results = []
    for number, path in enumerate(paths):
        sys.stderr.write(f"lighthouse x{runs} {base_url}{path}\n")
        reports = [run_lighthouse(base_url + path, workdir / f"{number}-{run}.json") for run in range(runs)]
        results.append(page_result(path, median_run(reports)))
    return results


def versions() -> str:
    """Lighthouse and Chromium versions, for the report header."""
    lighthouse = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    browser = subprocess.run([chromium(), "--version"], capture_output=True, text=True).stdout.strip()
    return f"Lighthouse {lighthouse}, {browser}"


def load() -> str:
    """The machine's 1-minute load average: other work running during the audit lowers performance."""
    return f"{os.getloadavg()[0]:.1f}"


def markdown(results: list[PageResult], tools: str, runs: int, load_before: str) -> str:
    """AUDIT.md: how it was measured, the score table, and the reason for every score below 100."""
    names = ["Performance", "Accessibility", "Best practices", "SEO"]
    lines = [
        "# Lighthouse audit",
        "",
        f"Measured {datetime.now(UTC):%d %B %Y %H:%M} UTC by `make audit` (scripts/audit.py) with {tools}:",
        "Lighthouse's default mobile settings (emulated Moto G Power, simulated slow 4G and 4x CPU slowdown),",
        "every page of the site built with `mkdocs build --strict` and served from 127.0.0.1 the way GitHub Pages",
        "serves it (gzip, `Cache-Control: max-age=600`), one page at a time. Each page is measured",
        f"{runs} times and the run with the median performance score is reported: performance moves by several",
        "points from run to run with the load on the machine (the other three scores do not).",
        f"Load average (1 min): {load_before} at the start, {load()} at the end, on {os.cpu_count()} CPUs.",
        "",
        "| Page | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    lines += [f"| /{r.path} | " + " | ".join(str(r.scores[c]) for c in CATEGORIES) + " |" for r in results]
    lines += ["", "## Scores below 100", ""]
    below = [r for r in results if r.reasons]
    lines += [reason_line(r) for r in below] or ["None: every page scores 100 in all four categories."]
    lines += causes([text for r in below for why in r.reasons.values() for text in why])
    return "\n".join(lines) + "\n"


# What we found when we looked into the audits that still cost points (26 November 2026).
KNOWN_CAUSES = {
    "Total Blocking Time": (
        "Total Blocking Time is Material's start-up: its bundle, and the work it does once the page "
        "is parsed (mounting previews, search, navigation). Lighthouse charges that work to whichever "
        "deferred script ran last: with explainer.js removed, the same ~100 ms task (4x CPU slowdown) "
        "showed up under glossary.js. The site's own scripts add little to it."
    ),
    "render-blocking": (
        "The render-blocking resources left are the three stylesheets every page needs before it "
        "can paint: Material's two and the site's one (docs/assets/explainer.css). Every script is "
        "deferred (tests/test_theme.py)."
    ),
    "unused CSS": (
        "Unused CSS is mostly Material's stylesheet, which styles every feature of the theme; "
        "a page uses part of it."
    ),
    "legacy JavaScript": "Legacy JavaScript is in Material's bundle, which the site ships as it comes.",
}


def causes(reasons: list[str]) -> list[str]:
    """The known cause of each kind of audit that appears among `reasons`, as paragraphs."""
    found = [cause for key, cause in KNOWN_CAUSES.items() if any(key in reason for reason in reasons)]
    return ["", "Why:", ""] + [f"- {cause}" for cause in found] if found else []


NO_SINGLE_AUDIT = "no single audit failed (rounding of metric scores)"


def explained(result: PageResult) -> list[tuple[str, list[str], int]]:
    """(category, failing audits, score) for each category below 100."""
    return [(category, why, result.scores[category]) for category, why in result.reasons.items()]


def reason_line(result: PageResult) -> str:
    """One bullet per page: each category below 100 with the audits that cost it points."""
    parts = [f"{category} {score}: {'; '.join(why) or NO_SINGLE_AUDIT}" for category, why, score in explained(result)]
    return f"- /{result.path}: " + " · ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "AUDIT.md")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported (default 3)")
    parser.add_argument("--page", action="append", help="audit only this page path (repeatable), e.g. story/the-fall/")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("node_modules/.bin/lighthouse is missing: run `npm ci` (needs Node.js 18+ and npm)")
    load_before = load()
    with tempfile.TemporaryDirectory() as temp:
        site_dir = Path(temp) / "site"
        build_site(site_dir)
        with serving(site_dir) as base_url:
            results = audit(base_url, args.page or page_paths(site_dir), Path(temp), args.runs)
    args.out.write_text(markdown(results, versions(), args.runs, load_before), encoding="utf-8")
    sys.stderr.write(f"wrote {args.out}\n")


if __name__ == "__main__":
    main()
