"""Lighthouse on every page, this site side by side with a bare Material build of the same pages.

Builds two sites into a temp dir: this one (`mkdocs build --strict`) and a baseline made of the
same docs/*.md with plain Material: the same theme palette and features (with Material's own
tooltips and footnote previews switched on, as a plain site would annotate, unless
--bare-without-tooltips), the same Markdown extensions, but no hooks, no overrides and none of the
site's CSS or JavaScript; its `[^source]` references stay text unless --bare-notes writes each page's
source notes as plain Markdown footnotes. Both are served
on 127.0.0.1 the way GitHub Pages serves them (gzip, a 10-minute cache), and the pinned
`lighthouse` from node_modules drives the system Chromium (CHROME_PATH, else $EXPLAINER_CHROMIUM,
else /usr/bin/chromium, else /usr/bin/chromium-headless-shell) with its default mobile settings, page
by page and interleaved (ours, bare, bare, ours, ...), so that both sites meet the same load on the
machine. AUDIT.md gets, per page, the median Total Blocking Time, First and Largest Contentful Paint
of each site and their ratio (ours ÷ bare), this site's four category scores, and the reason for
every score below 100.
A benchmark with a report, not a test: it never fails on a low score.

Usage: `make audit` (or `.venv/bin/python scripts/audit.py [--runs N] [--page story/the-fall/] [--bare-notes]
[--bare-without-tooltips] [--out FILE]`).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import shlex
import shutil
import statistics
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

import yaml

from explainer.sources.extension import cited_keys
from explainer_checks.plugin import DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CATEGORY_NAMES = ["Performance", "Accessibility", "Best practices", "SEO"]
METRICS = {"TBT": "total-blocking-time", "FCP": "first-contentful-paint", "LCP": "largest-contentful-paint"}
# What a plain Material site would switch on to annotate the same pages: its own tooltips
# (elements with a title) and footnote previews.
BARE_FEATURES = ("content.tooltips", "content.footnote.tooltips")
DEFAULT_RUNS = 3
BLOCKING_FLOOR_MS = 50  # below this, a TBT ratio says little: the report gives the difference too
CHROME_FLAGS = " ".join(
    [
        *("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"),
        *("--disable-component-update", "--disable-sync"),
    ]
)


@dataclass(frozen=True)
class Run:
    """What one Lighthouse run of one page measured: metrics in ms, category scores 0-100, reasons."""

    metrics: dict[str, float]
    scores: dict[str, int]
    reasons: dict[str, list[str]]


@dataclass(frozen=True)
class PageResult:
    """One page's runs on this site and, if the bare build has the page, on the bare build."""

    path: str
    ours: list[Run]
    bare: list[Run]

    def median(self, site: str, metric: str) -> float | None:
        runs = self.ours if site == "ours" else self.bare
        return statistics.median(run.metrics[metric] for run in runs) if runs else None

    def ratio(self, metric: str) -> float | None:
        ours, bare = self.median("ours", metric), self.median("bare", metric)
        if ours is None or not bare:  # no bare page, or a bare time of 0 (no task over 50 ms): no ratio
            return None
        return ours / bare

    def difference(self, metric: str) -> float | None:
        ours, bare = self.median("ours", metric), self.median("bare", metric)
        return None if ours is None or bare is None else ours - bare

    def best_pairing(self, metric: str) -> float | None:
        """Ours ÷ bare at the most favourable pairing of runs, min(ours) ÷ max(bare), as `make bench` judges:
        above a target, the target is missed by more than the spread between runs (the noise)."""
        if not self.ours or not self.bare:
            return None
        slowest_bare = max(run.metrics[metric] for run in self.bare)
        return min(run.metrics[metric] for run in self.ours) / slowest_bare if slowest_bare else None

    def score(self, category: str) -> int:
        return round(statistics.median(run.scores[category] for run in self.ours))

    @property
    def reasons(self) -> dict[str, list[str]]:
        """Why the median run (by performance score) lost points, for each category whose median is below 100."""
        ranked = sorted(self.ours, key=lambda run: run.scores["performance"])
        median_run = ranked[len(ranked) // 2]
        below = [category for category in CATEGORIES if self.score(category) < 100]
        return {category: median_run.reasons.get(category, []) for category in below}


# Serving ------------------------------------------------------------------------------------------


class StaticHostHandler(SimpleHTTPRequestHandler):
    """Serves a built site as a static host like GitHub Pages does: gzip and a 10-minute cache."""

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


# Building the two sites ---------------------------------------------------------------------------


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [str(mkdocs), "build", "--quiet", "-f", str(config_file), "-d", str(site_dir)]
    subprocess.run(command + (["--strict"] if strict else []), cwd=config_file.parent, check=True, env=env)


def bare_config(config: dict, markdown_pages: set[str], tooltips: bool = True) -> dict:
    """The site's mkdocs.yml reduced to plain Material: no hooks, overrides, extra CSS/JS or generated pages."""
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    features = set(theme.get("features", []))
    theme["features"] = sorted(features | set(BARE_FEATURES) if tooltips else features - set(BARE_FEATURES))
    bare = {key: config[key] for key in ("site_name", "site_description", "site_url", "markdown_extensions")}
    return bare | {"theme": theme, "nav": nav_without(config.get("nav", []), markdown_pages)}


def nav_without(nav: list, keep: set[str]) -> list:
    """`nav` with only the pages in `keep` (generated pages have no Markdown in docs/)."""
    kept = []
    for item in nav:
        if isinstance(item, str):
            kept += [item] if item in keep else []
            continue
        ((title, target),) = item.items()
        if isinstance(target, list):
            kept += [{title: inner}] if (inner := nav_without(target, keep)) else []
        elif target in keep:
            kept.append(item)
    return kept


def build_bare(project: Path, site_dir: Path, with_notes: bool = False, tooltips: bool = True) -> None:
    """The same docs/*.md built with plain Material into `site_dir`; `with_notes`: each page's `[^source]`
    notes defined as plain Markdown footnotes (the source's title, publisher and date), as an author of
    the same story in plain Material would write them."""
    docs = project / "docs"
    shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns("assets"))
    pages = {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}
    if with_notes:
        add_plain_notes(docs)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(bare_config(config, pages, tooltips), sort_keys=False), encoding="utf-8"
    )
    # Not strict: the pages' links to generated pages and `[^source]` notes have no targets here.
    mkdocs_build(project / "mkdocs.yml", site_dir, strict=False)


def add_plain_notes(docs: Path) -> None:
    """Append to each page a plain footnote for every source it cites (data/sources.yml): the keys the
    engine would give a note (`cited_keys`: cited, not defined by the page itself, a known source)."""
    sources = {entry["id"]: entry for entry in yaml.safe_load((REPO / "data/sources.yml").read_text(encoding="utf-8"))}
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        cited, defined = cited_keys(text.splitlines())
        notes = []
        for key in (key for key in cited if key in sources and key not in defined):
            source = sources[key]
            notes.append(f"[^{key}]: {source['title']}, {source['publisher']}, {source['published']}.")
        if notes:
            page.write_text(text.rstrip("\n") + "\n\n" + "\n".join(notes) + "\n", encoding="utf-8")


def gzipped_html_size(site_dir: Path, path: str) -> int | None:
    """Bytes of the page's HTML as the server sends it (gzip), or None if the site has no such page."""
    index = site_dir / path / "index.html"
    return len(gzip.compress(index.read_bytes())) if index.is_file() else None


def page_paths(site_dir: Path) -> list[str]:
    """Every page of a built site, relative to its root ('' is the home page)."""
    pages = sorted(index.parent.relative_to(site_dir).as_posix() for index in site_dir.rglob("index.html"))
    return ["" if path == "." else f"{path}/" for path in pages]


# Lighthouse ---------------------------------------------------------------------------------------


def chromium() -> str:
    """The browser Lighthouse drives: CHROME_PATH, $EXPLAINER_CHROMIUM, else Debian's chromium, else its
    headless shell (the browser tests' fallback too), whichever is installed."""
    chosen = os.environ.get("CHROME_PATH") or os.environ.get("EXPLAINER_CHROMIUM")
    return chosen or str(
        next((path for path in (DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL) if path.exists()), DEBIAN_CHROMIUM)
    )


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


def run_of(lhr: dict) -> Run:
    """Metrics, scores and reasons from one Lighthouse report."""
    metrics = {name: lhr["audits"][audit_id]["numericValue"] for name, audit_id in METRICS.items()}
    scores = {name: round(lhr["categories"][name]["score"] * 100) for name in CATEGORIES}
    reasons = {name: failing_audits(lhr, name) for name in CATEGORIES if scores[name] < 100}
    if "performance" in reasons:
        reasons["performance"] += [f"opportunity: {text}" for text in opportunities(lhr)]
    return Run(metrics, scores, reasons)


def audit(ours_url: str, bare_url: str, paths: list[str], bare_paths: set[str], workdir: Path, runs: int):
    """`runs` Lighthouse runs per page and site, one at a time (parallel runs skew performance), the two
    sites interleaved and taking turns to go first, so neither always meets a warmer or busier machine."""
    results = []
    for number, path in enumerate(paths):
        ours: list[Run] = []
        bare: list[Run] = []
        sites = [("ours", ours_url, ours)] + ([("bare", bare_url, bare)] if path in bare_paths else [])
        for run in range(runs):
            for site, base_url, collected in sites if run % 2 == 0 else sites[::-1]:
                sys.stderr.write(f"lighthouse {run + 1}/{runs} {site} /{path}\n")
                collected.append(run_of(run_lighthouse(base_url + path, workdir / f"{number}-{site}-{run}.json")))
        results.append(PageResult(path, ours, bare))
    return results


def versions() -> str:
    """Lighthouse and Chromium versions, for the report header."""
    lighthouse = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    browser = subprocess.run([chromium(), "--version"], capture_output=True, text=True).stdout.strip()
    return f"Lighthouse {lighthouse}, {browser}"


def load() -> str:
    """The machine's 1-minute load average: other work running during the audit lowers performance."""
    return f"{os.getloadavg()[0]:.1f}"


# The report ---------------------------------------------------------------------------------------


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def ratio_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def side_by_side(results: list[PageResult]) -> list[str]:
    """Per page: each metric's median on this site, on the bare build, and ours ÷ bare (TBT also ours − bare)."""
    header = (
        "| Page | TBT ours | TBT bare | TBT ratio | TBT ours − bare | "
        + " | ".join(f"{name} ours | {name} bare | {name} ratio" for name in ("FCP", "LCP"))
        + " |"
    )
    lines = [header, "|---|" + "---:|" * (3 * len(METRICS) + 1)]
    for result in results:
        difference = result.difference("TBT")
        cells = [
            f"{ms(result.median('ours', name))} | {ms(result.median('bare', name))} | {ratio_text(result.ratio(name))}"
            for name in METRICS
        ]
        cells.insert(1, "–" if difference is None else f"{difference:+,.0f}")
        lines.append(f"| /{result.path} | " + " | ".join(cells) + " |")
    return lines


# The reading-cost targets for story pages against bare Material (issue 24): ours ÷ bare at most this.
STORY_TARGETS = {"TBT": 1.2, "FCP": 1.0, "LCP": 1.0}


def story_summary(results: list[PageResult]) -> list[str]:
    """The story pages against the targets (TBT ≤ 1.2 × bare, FCP and LCP ≤ 1.0 × bare), and for each target
    the pages that miss it by their medians, and which of those miss it beyond noise (`best_pairing`)."""
    stories = [result for result in results if result.path.startswith("story/") and result.bare]
    if not stories:
        return []
    worst = {name: max(result.ratio(name) or 0 for result in stories) for name in ("FCP", "LCP")}
    blocking = [result for result in stories if (result.median("bare", "TBT") or 0) >= BLOCKING_FLOOR_MS]
    tbt_ratio = max((result.ratio("TBT") for result in blocking), default=None)
    tbt_ratio_text = (
        f"at most {tbt_ratio:.2f} on the {len(blocking)} where the bare build blocks for {BLOCKING_FLOOR_MS} ms or more"
        if tbt_ratio is not None
        else f"not meaningful on any (the bare build blocks for less than {BLOCKING_FLOOR_MS} ms on each)"
    )
    most = max(result.difference("TBT") for result in stories)
    judged = {"TBT": blocking, "FCP": stories, "LCP": stories}
    verdicts = [_verdict(name, target, judged[name]) for name, target in STORY_TARGETS.items()]
    return [
        f"Story pages ({len(stories)}), against the targets (TBT ≤ 1.2 × bare, FCP and LCP ≤ 1.0 × bare): "
        f"TBT ratio {tbt_ratio_text}; TBT at most {most:+,.0f} ms against bare on any story page (below "
        f"{BLOCKING_FLOOR_MS} ms a ratio mostly measures which tasks cross Lighthouse's 50 ms line); "
        f"FCP ratio at most {worst['FCP']:.2f}; LCP ratio at most {worst['LCP']:.2f}.",
        "",
        "Judged as `make bench` judges its goals: a page misses a target beyond noise only if even the most",
        "favourable pairing of its runs, the fastest of ours ÷ the slowest of bare, is above the target.",
        "",
        *verdicts,
        "",
    ]


def _verdict(name: str, target: float, pages: list[PageResult]) -> str:
    """One line: which `pages` miss `name`'s target by their medians, and which of those beyond noise."""
    missed = [page for page in pages if (page.ratio(name) or 0) > target]
    beyond = [page for page in missed if (page.best_pairing(name) or 0) > target]
    within = [page for page in missed if page not in beyond]

    def listed(chosen: list[PageResult]) -> str:
        return ", ".join(
            f"/{page.path} ({page.ratio(name):.2f}, best pairing {page.best_pairing(name):.2f})" for page in chosen
        )

    head = f"- {name} ≤ {target:g} × bare ({len(pages)} pages): "
    if not missed:
        return head + "met on every page by its medians."
    parts = [f"missed beyond noise on {listed(beyond)}" if beyond else "missed beyond noise on none"]
    if within:
        parts.append(f"missed by the medians but within noise on {listed(within)}")
    return head + "; ".join(parts) + "."


# TCP's first round trip carries about 14.6 kB (10 segments); Lighthouse's simulation models it, so a
# page's HTML beyond that costs a further round trip (150 ms on its slow 4G) before anything paints.
FIRST_ROUND_TRIP_BYTES = 14_600


def weight_table(sizes: dict[str, tuple[int | None, int | None]]) -> list[str]:
    """Per page: its HTML gzipped on this site and on the bare build, and whether it fits TCP's first round trip."""
    lines = [
        "| Page | HTML ours (kB, gzip) | HTML bare (kB, gzip) | Ours in the first round trip |",
        "|---|---:|---:|---|",
    ]
    for path, (ours, bare) in sizes.items():
        fits = "–" if ours is None else ("yes" if ours <= FIRST_ROUND_TRIP_BYTES else "no")
        lines.append(f"| /{path} | {_kilobytes(ours)} | {_kilobytes(bare)} | {fits} |")
    return lines


def _kilobytes(size: int | None) -> str:
    return "–" if size is None else f"{size / 1000:.1f}"


def scores_table(results: list[PageResult]) -> list[str]:
    lines = ["| Page | " + " | ".join(CATEGORY_NAMES) + " |", "|---|" + "---:|" * len(CATEGORIES)]
    lines += [f"| /{r.path} | " + " | ".join(str(r.score(c)) for c in CATEGORIES) + " |" for r in results]
    return lines


def markdown(
    results: list[PageResult],
    tools: str,
    runs: int,
    load_before: str,
    sizes: dict[str, tuple[int | None, int | None]] | None = None,
    bare: str = "Material's tooltips and footnote previews on; no hooks, overrides, CSS or JavaScript of ours, so no "
    "generated pages or glossary marks; no source notes (the `[^source]` references stay text)",
    command: str = "make audit",
) -> str:
    """AUDIT.md: how it was measured, the side-by-side table, the scores, and why any score is below 100."""
    lines = [
        "# Lighthouse audit",
        "",
        f"Measured {datetime.now(UTC):%d %B %Y %H:%M} UTC by `{command}` with {tools}:",
        "Lighthouse's default mobile settings (emulated Moto G Power, simulated slow 4G and 4x CPU slowdown).",
        "Two sites are built and served from 127.0.0.1 the way GitHub Pages serves them (gzip,",
        "`Cache-Control: max-age=600`): this site (`mkdocs build --strict`), and a bare baseline of the same",
        f"`docs/*.md` built with plain Material (the same palette, features and Markdown extensions; {bare}).",
        "Pages are measured one at a time, the two sites interleaved page by page,",
        f"{runs} runs each; the tables give medians. Timings move with the load on the machine, so compare",
        "the ratios (both sites measured in the same minutes), not the milliseconds, across reports.",
        f"Load average (1 min): {load_before} at the start, {load()} at the end, on {os.cpu_count()} CPUs.",
        "",
        "## This site against bare Material",
        "",
        "Total Blocking Time, First Contentful Paint and Largest Contentful Paint in ms (median), the ratio",
        "ours ÷ bare (below 1: this site is faster; none where the bare time is 0), and for TBT the difference.",
        "Generated pages have no bare counterpart.",
        "",
        *side_by_side(results),
        "",
        *story_summary(results),
        *(weight_section(sizes) if sizes else []),
        "## Scores",
        "",
        "This site's four Lighthouse scores per page (median of the runs).",
        "",
        *scores_table(results),
        "",
        "## Scores below 100",
        "",
    ]
    below = [r for r in results if r.reasons]
    lines += [reason_line(r) for r in below] or ["None: every page scores 100 in all four categories."]
    lines += causes([text for r in below for why in r.reasons.values() for text in why])
    return "\n".join(lines) + "\n"


def weight_section(sizes: dict[str, tuple[int | None, int | None]]) -> list[str]:
    return [
        "## Page weight",
        "",
        "Each page's HTML as served (gzip), and whether this site's fits the first round trip of a new",
        f"connection (about {FIRST_ROUND_TRIP_BYTES / 1000:.1f} kB; Lighthouse's simulated slow 4G charges",
        "150 ms for each further one, before the first paint).",
        "",
        *weight_table(sizes),
        "",
    ]


# What we found when we looked into the audits that still cost points.
KNOWN_CAUSES = {
    "Total Blocking Time": (
        "Total Blocking Time is mostly Material's start-up: its bundle, and the work it does once the page "
        "is parsed (search, navigation, the components it mounts in the content); the bare build pays the "
        "same, so the ratio above is what the site adds. Annotations add almost nothing at load: "
        "the engine's previews.js (engine/src/explainer/theme/assets/) builds a preview only when a mark "
        "is first hovered, focused or tapped. "
        "What the site adds is mostly elements: Material's palette restyles every element of the page three "
        "times as it starts (a <meta name=color-scheme> added, its content set, <body>'s "
        "data-md-color-switching removed; the bare build also pays two more that this site makes before "
        "the body is parsed), so a story page with its note marks (two elements each, and an invisible "
        "target), chart and corrections pays for four times the bare page's elements each time. "
        "Also laying out longer pages (a story page's HTML is larger than the bare one, with its "
        "notes, marks and Key dates: see Page weight; the Glossary page is the longest of all). Under a busy machine "
        "(see the load average) a blocking time of a few tens of ms swings by a factor of two from run to run."
    ),
    "Largest Contentful Paint": (
        "Largest Contentful Paint: the LCP element is a story page's first paragraph on both sites, and in "
        "the browser it paints with the first paint. Lighthouse simulates slow 4G from its unthrottled run: "
        "its LCP counts every request that ended, and every script that began to run, before that paint "
        "was shown. The bare build's bundle blocks parsing, so on most runs it counts in its FCP and LCP "
        "alike. This site's scripts are requested by a loader two frames after the first contentful paint "
        "(the engine's theme/main.html), so none counts and its LCP is its FCP. (Deferred, as before, "
        "Material's bundle began to run before the paint was shown on 7 of 10 runs of /story/ai-competition/, "
        "and those runs' LCP was some 500 ms later: the spread between runs of earlier audits.) What this site adds "
        "before the paint is HTML and a third stylesheet: a page whose HTML does not fit TCP's first round "
        "trip (see Page weight) pays 150 ms more, and the simulation shares the network among the requests "
        "in flight, so explainer.css, however small, slows Material's main stylesheet (about 150 ms in one "
        "run of /story/ai-competition/)."
    ),
    "render-blocking": (
        "The render-blocking resources left are the three stylesheets every page needs before it "
        "can paint: Material's two and the site's one (the engine's explainer.css). No script is in the "
        "page's HTML: the loader requests them once the first paint is shown (tests/test_theme.py)."
    ),
    "unused CSS": (
        "Unused CSS is mostly Material's stylesheet, which styles every feature of the theme; a page uses part of it."
    ),
    "legacy JavaScript": "Legacy JavaScript is in Material's bundle, which the site ships as it comes.",
}


def causes(reasons: list[str]) -> list[str]:
    """The known cause of each kind of audit that appears among `reasons`, as paragraphs."""
    found = [cause for key, cause in KNOWN_CAUSES.items() if any(key in reason for reason in reasons)]
    return ["", "Why:", ""] + [f"- {cause}" for cause in found] if found else []


NO_SINGLE_AUDIT = "no single audit failed (rounding of metric scores)"


def reason_line(result: PageResult) -> str:
    """One bullet per page: each category below 100 with the audits that cost it points."""
    parts = [
        f"{category} {result.score(category)}: {'; '.join(why) or NO_SINGLE_AUDIT}"
        for category, why in result.reasons.items()
    ]
    return f"- /{result.path}: " + " · ".join(parts)


def bare_variant(args: argparse.Namespace) -> str:
    """The bare baseline in words, for the report."""
    tooltips = "Material's tooltips and footnote previews " + ("off" if args.bare_without_tooltips else "on")
    notes = (
        "each page's source notes written as plain Markdown footnotes (title, publisher, date)"
        if args.bare_notes
        else "no source notes (the `[^source]` references stay text)"
    )
    return (
        f"{tooltips}; no hooks, overrides, CSS or JavaScript of ours, so no generated pages or glossary marks; {notes}"
    )


def command_line(args: argparse.Namespace) -> str:
    """How the figures were made: `make audit`, or the script with the options that change them (not --out)."""
    options = ["--runs", str(args.runs)] if args.runs != DEFAULT_RUNS else []
    for page in args.page or []:
        options += ["--page", page]
    options += ["--bare-notes"] if args.bare_notes else []
    options += ["--bare-without-tooltips"] if args.bare_without_tooltips else []
    return f"scripts/audit.py {shlex.join(options)}" if options else "make audit"


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "AUDIT.md")
    parser.add_argument(
        "--runs", type=int, default=DEFAULT_RUNS, help="runs per page and site; medians are reported (default 3)"
    )
    parser.add_argument("--page", action="append", help="audit only this page path (repeatable), e.g. story/the-fall/")
    parser.add_argument(
        "--bare-notes",
        action="store_true",
        help="give the bare baseline the same source notes, as plain Markdown footnotes (default: text only)",
    )
    parser.add_argument(
        "--bare-without-tooltips",
        action="store_true",
        help="leave Material's tooltips and footnote previews off in the bare baseline (default: on)",
    )
    return parser.parse_args(argv)


def main() -> None:
    args = arguments()
    if not LIGHTHOUSE.exists():
        sys.exit("node_modules/.bin/lighthouse is missing: run `npm ci` (needs Node.js 18+ and npm)")
    load_before = load()
    with tempfile.TemporaryDirectory() as temp:
        ours_dir, bare_dir = Path(temp) / "ours", Path(temp) / "bare"
        mkdocs_build(REPO / "mkdocs.yml", ours_dir, strict=True)
        build_bare(Path(temp) / "bare-project", bare_dir, args.bare_notes, not args.bare_without_tooltips)
        with serving(ours_dir) as ours_url, serving(bare_dir) as bare_url:
            paths = args.page or page_paths(ours_dir)
            results = audit(ours_url, bare_url, paths, set(page_paths(bare_dir)), Path(temp), args.runs)
            sizes = {path: (gzipped_html_size(ours_dir, path), gzipped_html_size(bare_dir, path)) for path in paths}
    args.out.write_text(
        markdown(results, versions(), args.runs, load_before, sizes, bare_variant(args), command_line(args)),
        encoding="utf-8",
    )
    sys.stderr.write(f"wrote {args.out}\n")


if __name__ == "__main__":
    main()
