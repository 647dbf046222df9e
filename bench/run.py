"""`make bench`: what the hooks cost on top of a bare MkDocs build, and how that cost grows.

One run, on this machine, writes BENCHMARKS.md and exits non-zero if a goal is missed by more
than noise. Every build is a fresh `mkdocs build` process; its CPU time (user + system) and
peak memory (max RSS) come from os.wait4, its wall time from time.perf_counter. Goals are
judged on CPU time, because the build is single-threaded and CPU time does not change when
other processes share the machine; wall time is reported beside it.

Noise: a goal "A / B <= G" is missed by more than noise only if even the most favourable
pairing of runs, min(A) / max(B), is above G (the spread between the fastest and slowest
runs is the noise). A condition measured once has no spread and is reported, never judged.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution import ENGINE, OWNERS, Attribution
from corpus import (
    BASE,
    CONFIG_WITH_HOOKS,
    CONFIG_WITHOUT_HOOKS,
    REPO,
    SOURCES_PER_PAGE,
    TERMS_PER_PAGE,
    Scale,
    copy_real_site,
    write_corpus,
)

MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

GOAL_REAL = 1.5  # real site: hooks-on build at most 1.5x the hooks-off build
GOAL_SYNTHETIC = 2.5  # synthetic 1x: at most 2.5x (the hooks add four generated pages of thousands of entries)
GOAL_ENGINE_REAL = 0.10  # the engine's own code (hooks/): at most 10 % of the real site's profiled build
GOAL_ENGINE_SYNTHETIC = 0.15  # and at most 15 % of the synthetic 1x build's
GOAL_GROWTH = 4.4  # 4x content: at most 4.4x the time and memory of 1x
GOAL_HOSTILE = 3.0  # four pages of thousands of mistakes, refused: at most 3x a normal build of the real site
FACTORS = (1, 2, 4)


# Measuring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One child process: wall and CPU seconds, peak resident memory in MB."""

    wall: float
    cpu: float
    rss_mb: float


@dataclass
class Series:
    """Repeated runs of one condition."""

    runs: list[Run] = field(default_factory=list)

    def values(self, metric: str) -> list[float]:
        return [getattr(run, metric) for run in self.runs]

    def median(self, metric: str = "cpu") -> float:
        return statistics.median(self.values(metric))

    def low(self, metric: str = "cpu") -> float:
        return min(self.values(metric))

    def high(self, metric: str = "cpu") -> float:
        return max(self.values(metric))

    def summary(self, metric: str = "cpu") -> str:
        """'12.34 (12.01-12.90)': median (min-max), or the one value."""
        if len(self.runs) == 1:
            return f"{self.median(metric):.2f}"
        return f"{self.median(metric):.2f} ({self.low(metric):.2f}–{self.high(metric):.2f})"


def run_child(command: list[str], cwd: Path | None = None) -> tuple[Run, str]:
    """Run a command to completion; its cost, and its stderr if it failed."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(command, cwd=cwd, env=ENVIRONMENT, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
        wall = time.perf_counter() - start
        errors.seek(0)
        failure = errors.read().decode(errors="replace")[-2000:] if child.returncode else ""
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024), failure


def build_once(project: Path, config: str) -> Run:
    """One full `mkdocs build` of `project` with `config`, in a fresh process and a fresh site dir."""
    site_dir = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        run, failure = run_child([MKDOCS, "build", "--quiet", "-f", str(project / config), "-d", str(site_dir)])
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    if failure:
        raise SystemExit(f"bench: building {project / config} failed:\n{failure}")
    return run


@dataclass
class Pair:
    """The same pages built with the hooks and without them."""

    with_hooks: Series = field(default_factory=Series)
    without: Series = field(default_factory=Series)

    def ratio(self, metric: str = "cpu") -> float:
        return self.with_hooks.median(metric) / self.without.median(metric)

    def best_ratio(self) -> float:
        """The most favourable pairing of runs (see the module docstring on noise)."""
        return self.with_hooks.low() / self.without.high()

    def judged(self) -> bool:
        return len(self.with_hooks.runs) > 1 and len(self.without.runs) > 1


def measure_pair(project: Path, runs: int, budget: float) -> Pair:
    """Alternate builds with and without hooks (ABBA...), `runs` each, fewer if over `budget` seconds.

    A first build with hooks warms the disk cache and is not timed (every build reads and checks the
    data: nothing checked is kept between builds).
    """
    build_once(project, CONFIG_WITH_HOOKS)
    pair, start = Pair(), time.perf_counter()
    for index in range(runs):
        order = [CONFIG_WITH_HOOKS, CONFIG_WITHOUT_HOOKS][:: 1 if index % 2 == 0 else -1]
        for config in order:
            series = pair.with_hooks if config == CONFIG_WITH_HOOKS else pair.without
            series.runs.append(build_once(project, config))
        if time.perf_counter() - start > budget and index >= 1:
            break
    return pair


# Hostile input against a normal build ------------------------------------------------------


def write_hostile_project(project: Path) -> Path:
    """The test fixture with tests/catalogue.py's pages of thousands of mistakes (the hostile cases that need a
    build of their own): every check must stay linear in its input, so refusing them all costs a few builds."""
    sys.path.insert(0, str(REPO / "tests"))
    from catalogue import HOSTILE_CASES, MANY
    from conftest import write_project

    write_project(project)
    for case in HOSTILE_CASES:
        if case.alone == MANY:
            case.edit(project)
    return project


def refused_once(project: Path) -> Run:
    """One `mkdocs build --strict` of the hostile project, which must stop with its located lines."""
    site_dir = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    try:
        command = [MKDOCS, "build", "--quiet", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
        run, failure = run_child(command)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    if "docs/" not in failure or "Traceback" in failure:
        raise SystemExit(f"bench: the hostile project was not refused with located lines:\n{failure or '(it built)'}")
    return run


def measure_hostile(real_site: Path, hostile: Path, runs: int) -> Pair:
    """The refused hostile build (as `with_hooks`) against a normal build of the real site (as `without`), both
    with the engine, alternated; a first build of each is not timed."""
    build_once(real_site, CONFIG_WITH_HOOKS)
    refused_once(hostile)
    pair = Pair()
    for index in range(runs):
        for refused in (True, False)[:: 1 if index % 2 == 0 else -1]:  # ABBA...
            if refused:
                pair.with_hooks.runs.append(refused_once(hostile))
            else:
                pair.without.runs.append(build_once(real_site, CONFIG_WITH_HOOKS))
    return pair


# Glossary pass against Material's native abbreviations --------------------------------------


@dataclass
class GlossaryPass:
    """Seconds to convert the same pages per variant; one list entry per round."""

    pages: int
    forms: int
    rounds: dict[str, list[float]] = field(default_factory=dict)
    snippets_seconds_per_page: float = 0.0

    def cost(self, variant: str) -> list[float]:
        """The pass alone: the variant minus the plain conversion of the same round."""
        return [total - plain for total, plain in zip(self.rounds[variant], self.rounds["plain"], strict=True)]


def measure_glossary_pass(project: Path, rounds: int, snippet_pages: int) -> GlossaryPass:
    """Convert every story page with the site's extensions: plain, + glossary pass, + native abbr."""
    from markdown.extensions.abbr import AbbrExtension
    from mkdocs.utils.meta import get_data

    from explainer.glossary.extension import GlossaryExtension
    from explainer.registry import load_site_data

    entries = load_site_data(project).glossary
    pages = [get_data(path.read_text(encoding="utf-8"))[0] for path in sorted(project.glob("docs/story/*.md"))]
    definitions = {form: entry.short for entry in entries for form in entry.forms}
    variants: dict[str, Callable[[], list]] = {
        "plain": lambda: [],
        "glossary": lambda: [GlossaryExtension(entries=entries)],
        "abbr": lambda: [AbbrExtension(glossary=definitions)],
    }
    result = GlossaryPass(len(pages), len(definitions), {name: [] for name in variants})
    for _ in range(rounds):
        for name, extensions in variants.items():
            result.rounds[name].append(_convert_all(pages, extensions()))
    result.snippets_seconds_per_page = _snippets_per_page(project, pages[:snippet_pages], definitions)
    return result


def _site_extensions() -> tuple[list, dict]:
    """The real mkdocs.yml's markdown_extensions, as Python-Markdown takes them."""
    import yaml

    names, configs = [], {}
    for item in yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name = item if isinstance(item, str) else next(iter(item))
        names.append(name)
        if isinstance(item, dict):
            configs[name] = item[name]
    return names, configs


def _convert_all(pages: list[str], extra: list, extra_configs: dict | None = None) -> float:
    """CPU seconds to convert every page with a fresh Markdown instance each (as MkDocs does)."""
    from markdown import Markdown

    names, configs = _site_extensions()
    configs |= extra_configs or {}
    start = time.process_time()
    for text in pages:
        Markdown(extensions=[*names, *extra], extension_configs=configs).convert(text)
    return time.process_time() - start


def _snippets_per_page(project: Path, pages: list[str], definitions: dict[str, str]) -> float:
    """Material's documented glossary: an abbreviations file auto-appended to every page by snippets."""
    abbreviations = project / "includes" / "abbreviations.md"
    abbreviations.parent.mkdir(exist_ok=True)
    abbreviations.write_text("".join(f"*[{form}]: {text}\n" for form, text in definitions.items()), encoding="utf-8")
    options = {"pymdownx.snippets": {"auto_append": [str(abbreviations)], "base_path": [str(project)]}}
    plain = _convert_all(pages, [])
    return (_convert_all(pages, ["pymdownx.snippets"], options) - plain) / len(pages)


# `mkdocs serve` rebuilds ---------------------------------------------------------------------


@dataclass
class Rebuild:
    """One edit under `mkdocs serve`: seconds until the browsers were told to reload."""

    what: str
    to_reload: float  # from saving the file to the "Reloading browsers" log line
    build: float  # from "Building documentation..." to "Reloading browsers" (see measure_serve)
    cpu: float  # CPU seconds the server used in between


@dataclass
class ServeResult:
    site: str
    rebuilds: list[Rebuild]
    peak_rss_mb: float


REBUILD_FAILED = ("Aborted", "An error happened during the rebuild")


class _LogWatcher:
    """Reads a child's log lines in a thread, noting when each arrived."""

    def __init__(self, stream) -> None:
        self.lines: list[tuple[float, str]] = []
        self.changed = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for raw in stream:
            with self.changed:
                self.lines.append((time.perf_counter(), raw.decode(errors="replace").rstrip()))
                self.changed.notify_all()

    def wait_for(
        self, needle: str, after: int, timeout: float, failure: tuple[str, ...] = ()
    ) -> tuple[int, float, str]:
        """The first line from index `after` on that contains `needle`: (index, arrival time, text)."""
        deadline = time.perf_counter() + timeout
        with self.changed:
            while True:
                for index in range(after, len(self.lines)):
                    if needle in self.lines[index][1]:
                        return index, *self.lines[index]
                    if any(text in self.lines[index][1] for text in failure):
                        log = "\n".join(text for _, text in self.lines[-20:])
                        raise SystemExit(f"bench: mkdocs serve failed to rebuild:\n{log}")
                if not self.changed.wait(max(0.0, deadline - time.perf_counter())):
                    raise TimeoutError(f"bench: no '{needle}' from mkdocs serve within {timeout:.0f} s")


def measure_serve(project: Path, site: str, edits: list[tuple[str, Path, Callable[[str], str]]]) -> ServeResult:
    """Start `mkdocs serve` (livereload on, as authors use it), save each edit, time its rebuild."""
    command = [MKDOCS, "serve", "-f", str(project / CONFIG_WITH_HOOKS), "-a", f"127.0.0.1:{_free_port()}"]
    child = subprocess.Popen(command, env=ENVIRONMENT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watcher, rebuilds = _LogWatcher(child.stderr), []
    try:
        seen, _, _ = watcher.wait_for("Serving on", 0, timeout=600)
        time.sleep(3.0)  # the file watcher sets up its watches in a thread, after this line
        for what, path, change in edits:
            cpu_before, saved = _cpu_seconds(child.pid), time.perf_counter()
            path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
            saved = _until_detected(watcher, seen, path, saved)
            # Not MkDocs' own "Documentation built in N seconds": its logger drops a message it has
            # logged before (mkdocs.utils.DuplicateFilter), so a rebuild as fast as an earlier one
            # logs nothing. "Building documentation..." and "Reloading browsers" always appear.
            building, started, _ = watcher.wait_for("Building documentation", seen, timeout=600)
            seen, reloaded, _ = watcher.wait_for("Reloading browsers", building, timeout=600, failure=REBUILD_FAILED)
            build_seconds = reloaded - started
            rebuilds.append(Rebuild(what, reloaded - saved, build_seconds, _cpu_seconds(child.pid) - cpu_before))
    finally:
        child.terminate()
        _, _, usage = os.wait4(child.pid, 0)
        child.returncode = 0
    return ServeResult(site, rebuilds, usage.ru_maxrss / 1024)


def _until_detected(watcher: _LogWatcher, seen: int, path: Path, saved: float) -> float:
    """Save the file again until the server notices (a busy machine can delay its watches); the last save time."""
    for _ in range(5):
        try:
            watcher.wait_for("Detected file changes", seen, timeout=10)
            return saved
        except TimeoutError:
            saved = time.perf_counter()
            path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    raise SystemExit(f"bench: mkdocs serve never noticed the change to {path}")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _first_story_page(project: Path) -> Path:
    return sorted(project.glob("docs/story/*.md"))[0]


def _edit_page(text: str) -> str:
    """Add a sentence at the end of the page, as an author saving a page would (no anchor can break)."""
    return text.rstrip("\n") + "\n\nOne more sentence, added while editing.\n"


def _edit_glossary(text: str) -> str:
    """Reword the first glossary definition slightly (a real change of a value, still valid)."""
    head, line, rest = re.split(r"^(  short: .*)$", text, maxsplit=1, flags=re.MULTILINE)
    for old, new in ((" the ", " this "), (" of ", " for "), (" a ", " one ")):
        if old in line:
            return head + line.replace(old, new, 1) + rest
    return head + line + " " + rest


# Profile ------------------------------------------------------------------------------------


@dataclass
class HotSpot:
    function: str
    seconds: float  # cumulative, under the profiler
    calls: int


@dataclass
class Profile:
    """One profiled build: CPU seconds by part, seconds by whose code ran, the costliest engine functions."""

    site: str
    parts: dict[str, float]
    owners: dict[str, float]  # see bench/attribution.py
    hot_spots: list[HotSpot]

    @property
    def engine_share(self) -> float:
        return self.owners[ENGINE] / sum(self.owners.values())


def profile_build(project: Path, site: str) -> Profile:
    """cProfile one in-process build with hooks: its parts, whose code it ran, the costliest hook functions."""
    out = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    script = Path(__file__).with_name("profile_build.py")
    _, failure = run_child([sys.executable, str(script), str(project / CONFIG_WITH_HOOKS), str(out)])
    if failure:
        raise SystemExit(f"bench: profiling failed:\n{failure}")
    parts = json.loads((out / "parts.json").read_text(encoding="utf-8"))
    stats = pstats.Stats(str(out / "build.prof"))
    ours = (str(REPO / "engine" / "src") + os.sep, str(REPO / "hooks") + os.sep)
    spots = [
        HotSpot(f"{path.removeprefix(ours[0]).removeprefix(ours[1])}:{line} {name}", entry[3], entry[1])
        for (path, line, name), entry in stats.stats.items()
        if path.startswith(ours) and name != "<module>"
    ]
    theme = (str(REPO / "engine" / "src" / "explainer" / "theme") + os.sep,)
    owners = Attribution(stats, ours, theme).seconds_by_owner()
    shutil.rmtree(out, ignore_errors=True)
    return Profile(site, parts, owners, sorted(spots, key=lambda spot: -spot.seconds)[:15])


# Report -------------------------------------------------------------------------------------


@dataclass
class Goal:
    name: str
    target: str
    measured: str
    met: bool
    missed_beyond_noise: bool
    why: str = ""


def machine() -> dict[str, str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines() if "model name" in line),
        platform.processor() or "unknown",
    )
    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Memory": _memory_total(),
        "OS": f"{platform.system()} {platform.release()} ({_os_name()})",
        "Python": platform.python_version(),
        "MkDocs / Material / Markdown": _versions(),
        "Commit": _commit(),
    }


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _memory_total() -> str:
    match = re.search(r"MemTotal:\s+(\d+) kB", _read("/proc/meminfo"))
    return f"{int(match.group(1)) / 1024 / 1024:.1f} GB" if match else "unknown"


def _os_name() -> str:
    match = re.search(r'PRETTY_NAME="([^"]+)"', _read("/etc/os-release"))
    return match.group(1) if match else platform.platform()


def _versions() -> str:
    from importlib.metadata import version

    return " / ".join(version(name) for name in ("mkdocs", "mkdocs-material", "markdown"))


REPORTS = ("BENCHMARKS.md", "AUDIT.md")


def _commit() -> str:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()
        except OSError:  # no git: a copy of the repository, not a clone
            return ""

    # The reports this repository's tools write (this one included) change nothing that is measured.
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", *(f":!{r}" for r in REPORTS))
    dirty = " (with uncommitted changes)" if changed else ""
    return (git("rev-parse", "--short", "HEAD") or "unknown") + dirty


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def pair_row(label: str, pair: Pair) -> str:
    added = (pair.ratio() - 1) * 100
    return (
        f"| {label} | {len(pair.with_hooks.runs)} | {pair.without.summary()} | {pair.with_hooks.summary()} "
        f"| {pair.ratio():.2f}× ({added:+.0f} %) | {pair.without.median('wall'):.2f} / "
        f"{pair.with_hooks.median('wall'):.2f} | {pair.without.median('rss_mb'):.0f} / "
        f"{pair.with_hooks.median('rss_mb'):.0f} |"
    )


PAIR_HEADER = (
    "| Site | Runs | CPU s, no hooks: median (min–max) | CPU s, hooks | Ratio | Wall s (no hooks / hooks) "
    "| Peak RSS MB (no hooks / hooks) |\n|---|---|---|---|---|---|---|"
)


def ratio_goal(name: str, pair: Pair, goal: float) -> Goal:
    ratio = pair.ratio()
    measured = f"{ratio:.2f}× (best pairing {pair.best_ratio():.2f}×)"
    missed = pair.judged() and pair.best_ratio() > goal
    return Goal(name, f"≤ {goal:.2f}×", measured, ratio <= goal, missed)


def growth_goal(name: str, small: Series, large: Series, metric: str) -> Goal:
    ratio = large.median(metric) / small.median(metric)
    best = large.low(metric) / small.high(metric)
    judged = len(small.runs) > 1 and len(large.runs) > 1
    measured = f"{ratio:.2f}× (best pairing {best:.2f}×)"
    return Goal(name, f"≤ {GOAL_GROWTH}×", measured, ratio <= GOAL_GROWTH, judged and best > GOAL_GROWTH)


def engine_goal(name: str, profile: Profile, goal: float) -> Goal:
    """One profiled build has no spread: reported against the goal, never judged beyond noise."""
    share = profile.engine_share
    return Goal(name, f"≤ {goal * 100:.0f} % of the build", f"{share * 100:.1f} %", share <= goal, False)


def glossary_goal(result: GlossaryPass) -> Goal:
    ours, native = result.cost("glossary"), result.cost("abbr")
    measured = f"{statistics.median(ours):.2f} s vs {statistics.median(native):.2f} s"
    met = statistics.median(ours) <= statistics.median(native)
    return Goal("Glossary pass vs native `abbr` (same terms)", "no slower", measured, met, min(ours) > max(native))


@dataclass
class Results:
    started: float
    load_before: str
    real: Pair
    synthetic: dict[int, Pair]
    scales: dict[int, Scale]
    glossary: GlossaryPass
    serve: list[ServeResult]
    profiles: list[Profile] = field(default_factory=list)  # the real site, then synthetic 1x
    hostile: Pair | None = None  # the refused hostile build against a normal build of the real site

    def goals(self) -> list[Goal]:
        base, large = self.synthetic[1], self.synthetic[max(self.synthetic)]
        engine_goals = [
            engine_goal(f"{profile.site}: the engine's own code", profile, goal)
            for profile, goal in zip(self.profiles, (GOAL_ENGINE_REAL, GOAL_ENGINE_SYNTHETIC), strict=False)
        ]
        return [
            ratio_goal("Real site: hooks on ÷ hooks off", self.real, GOAL_REAL),
            ratio_goal("Synthetic 1×: hooks on ÷ hooks off", base, GOAL_SYNTHETIC),
            *engine_goals,
            glossary_goal(self.glossary),
            *self.growth_goals(base, large),
            *([ratio_goal(HOSTILE_GOAL, self.hostile, GOAL_HOSTILE)] if self.hostile else []),
        ]

    def growth_goals(self, base: Pair, large: Pair) -> list[Goal]:
        """From 1× to 4× content, the goal's sizes; none when 4× was not measured (`--factors 1`, say)."""
        if max(self.synthetic) != 4:
            return []
        return [
            growth_goal("Growth 4×/1×: build time (hooks)", base.with_hooks, large.with_hooks, "cpu"),
            growth_goal("Growth 4×/1×: peak memory (hooks)", base.with_hooks, large.with_hooks, "rss_mb"),
        ]


HOSTILE_GOAL = "Hostile input refused ÷ a normal build of the real site"


def write_report(results: Results, path: Path, total_seconds: float) -> None:
    path.write_text(render_report(results, total_seconds), encoding="utf-8")


def render_report(results: Results, total_seconds: float) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py); do not edit by hand: rerun it. Notes on reading the",
        "figures and on the gaps are at the end (bench/notes.md, included verbatim).",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; whole `make bench` run: {total_seconds / 60:.1f} min",
        *[f"- {key}: {value}" for key, value in machine().items()],
        f"- Load average (1/5/15 min) at start: {results.load_before}; at end: {load_average()}",
        "- Times are CPU seconds (user + system) of each `mkdocs build` process unless marked wall;",
        "  the machine is shared, so CPU time is the stable measure of what a build costs.",
        "",
        "## Goals",
        "",
        "| Goal | Target | Measured (medians) | Met | Missed beyond noise |",
        "|---|---|---|---|---|",
        *[
            f"| {g.name} | {g.target} | {g.measured} | {'yes' if g.met else 'no'} | "
            f"{'yes' if g.missed_beyond_noise else 'no'} |"
            for g in results.goals()
        ],
        "",
        "## Full builds: hooks on and off",
        "",
        "Same pages and data; 'no hooks' is the same mkdocs.yml without `hooks:`, markers left as written.",
        "",
        PAIR_HEADER,
        pair_row("Real site", results.real),
        *[pair_row(f"Synthetic {factor}×", pair) for factor, pair in results.synthetic.items()],
        "",
        *_growth_lines(results),
        *_corpus_lines(results),
        *_glossary_lines(results.glossary),
        *_serve_lines(results.serve),
        *_hostile_lines(results.hostile),
        *_profile_lines(results),
    ]
    notes = Path(__file__).with_name("notes.md")
    if notes.is_file():
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    return "\n".join(lines) + "\n"


def _growth_lines(results: Results) -> list[str]:
    base = results.synthetic[1]
    rows = []
    for factor, pair in results.synthetic.items():
        added = pair.with_hooks.median() - pair.without.median()
        rows.append(
            f"| {factor}× | {pair.without.median() / base.without.median():.2f}× "
            f"| {pair.with_hooks.median() / base.with_hooks.median():.2f}× "
            f"| {added:.2f} s ({added / (base.with_hooks.median() - base.without.median()):.2f}×) "
            f"| {pair.with_hooks.median('rss_mb') / base.with_hooks.median('rss_mb'):.2f}× |"
        )
    return [
        "## Growth",
        "",
        "Each figure relative to 1× (medians).",
        "",
        "| Content | Time, no hooks | Time, hooks | Time the hooks add | Peak memory, hooks |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ]


def _corpus_lines(results: Results) -> list[str]:
    rows = [
        f"| {factor}× | {s.pages} | {s.paragraphs} | {s.terms} | {s.events} | {s.corrections} | {s.sources} |"
        for factor, s in results.scales.items()
    ]
    return [
        "The synthetic corpus (bench/corpus.py) is deterministic and valid against the engine's schemas. Each story",
        f"page has a Key dates marker, names a cast of {TERMS_PER_PAGE} glossary terms (every fourth also by its",
        f"alias) and cites {SOURCES_PER_PAGE} sources, one or two per paragraph, like the real story pages; the nav",
        "lists the five top pages only (see notes).",
        "",
        "| Content | Story pages | Paragraphs each | Glossary terms | Events | Corrections | Sources |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]


def _glossary_lines(result: GlossaryPass) -> list[str]:
    def cell(variant: str) -> str:
        costs = result.cost(variant)
        return f"{statistics.median(costs):.2f} ({min(costs):.2f}–{max(costs):.2f})"

    plain = result.rounds["plain"]
    return [
        "## Glossary pass against Material's native abbreviations",
        "",
        f"All {result.pages} story pages of the synthetic 1× corpus converted with the site's Markdown extensions",
        f"(a fresh Markdown instance per page, as MkDocs does), {len(plain)} interleaved rounds in one process;",
        f"the pass alone is each variant minus the plain conversion of the same round. Same {result.forms} term",
        "forms (terms and aliases) with the same tooltip text in both.",
        "",
        "| Variant | CPU s for all pages: median (min–max) |",
        "|---|---|",
        f"| Plain conversion (no glossary) | {statistics.median(plain):.2f} ({min(plain):.2f}–{max(plain):.2f}) |",
        f"| + our glossary pass (`GlossaryExtension`: first mention, one trie regex) | {cell('glossary')} |",
        f"| + native `abbr` with its `glossary` option (every mention) | {cell('abbr')} |",
        f"| + native `abbr` + `pymdownx.snippets` `auto_append` (Material's documented setup) "
        f"| {result.snippets_seconds_per_page:.2f} per page, measured on one page "
        f"(≈ {result.snippets_seconds_per_page * result.pages / 60:.0f} min for all) |",
        "",
    ]


def _serve_lines(serve: list[ServeResult]) -> list[str]:
    rows = [
        f"| {result.site} | {rebuild.what} | {rebuild.to_reload:.2f} | {rebuild.build:.2f} | {rebuild.cpu:.2f} "
        f"| {result.peak_rss_mb:.0f} |"
        for result in serve
        for rebuild in result.rebuilds
    ]
    return [
        "## `mkdocs serve`: rebuild after an edit",
        "",
        "`mkdocs serve` (live reload on) runs in a subprocess; the bench saves a file and times, in wall seconds,",
        "until the server logs 'Reloading browsers'. Serve rebuilds the whole site with a fresh config in the same",
        "process (MkDocs has no incremental build), so this is the full build minus process start-up, plus the",
        "file watcher's 0.1 s settle delay. 'Rebuild' is the part from the server's 'Building documentation...' to",
        "'Reloading browsers' (MkDocs logs its own build time only once per distinct value, so it can't be used).",
        "",
        "| Site | Edit | Save → reload, wall s | Rebuild, wall s | Server CPU s | Serve peak RSS MB |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
    ]


def _hostile_lines(pair: Pair | None) -> list[str]:
    if pair is None:
        return []
    return [
        "## Hostile input",
        "",
        "tests/catalogue.py's pages of thousands of mistakes (3,000 unknown citations, 3,000 unknown glossary links,",
        "3,000 broken links, 5,000 times the same mistake, each on a page of the test fixture), built in one",
        "`mkdocs build --strict` that refuses them with every located line, against a normal build of the real",
        "site; alternated, CPU seconds. Every check is meant to be linear in its input: a quadratic one shows here.",
        "(Until December 2026 this was a timed test, which a shared machine failed by noise.)",
        "",
        "| Build | Runs | CPU s: median (min–max) | Wall s | Peak RSS MB |",
        "|---|---|---|---|---|",
        f"| Real site, normal | {len(pair.without.runs)} | {pair.without.summary()} "
        f"| {pair.without.median('wall'):.2f} | {pair.without.median('rss_mb'):.0f} |",
        f"| Hostile fixture, refused | {len(pair.with_hooks.runs)} | {pair.with_hooks.summary()} "
        f"| {pair.with_hooks.median('wall'):.2f} | {pair.with_hooks.median('rss_mb'):.0f} |",
        "",
    ]


def _profile_lines(results: Results) -> list[str]:
    if not results.profiles:
        return []
    return [
        "## Whose code the build runs",
        "",
        "One in-process build with hooks of each site under cProfile (bench/profile_build.py), from loading",
        "mkdocs.yml (when MkDocs imports the hooks) to the last file written. Every function's own time goes to",
        "whoever owns its code (bench/attribution.py): the engine is hooks/ (the hook files, the explainer core",
        "and its Markdown extensions' processors); Python's standard library and built-ins (regexes,",
        "html.parser, list methods) are charged to the code that called them. The profiler slows Python code",
        "2-3× and counts wall time (a CPU clock would slow it fivefold), so read the shares.",
        "",
        "| Whose code | " + " | ".join(f"{profile.site}: s | share" for profile in results.profiles) + " |",
        "|---|" + "---|---|" * len(results.profiles),
        *_owner_rows(results.profiles),
        "",
        *[line for profile in results.profiles for line in _parts_of(profile)],
        "Costliest functions in hooks/ by cumulative time, synthetic 1× (nested entries overlap):",
        "",
        "| Function | Cumulative s | Share of build | Calls |",
        "|---|---|---|---|",
        *_spot_rows(results.profiles[-1]),
        "",
    ]


def _owner_rows(profiles: list[Profile]) -> list[str]:
    rows = []
    for owner in OWNERS:
        cells = [f"{p.owners[owner]:.2f} | {p.owners[owner] / sum(p.owners.values()) * 100:.1f} %" for p in profiles]
        rows.append(f"| {owner} | " + " | ".join(cells) + " |")
    totals = [f"{sum(p.owners.values()):.2f} | 100 %" for p in profiles]
    return [*rows, "| whole build | " + " | ".join(totals) + " |"]


def _parts_of(profile: Profile) -> list[str]:
    total = profile.parts["whole build"]
    return [
        f"{profile.site}, the same build by part ({total:.1f} CPU s; hook handlers by event, page conversions with",
        "the hooks' Markdown extensions), parts of 1 % or more:",
        "",
        "| Part | CPU s | Share |",
        "|---|---|---|",
        *_part_rows(profile.parts),
        "",
    ]


def _spot_rows(profile: Profile) -> list[str]:
    total = profile.parts["whole build"]
    return [
        f"| `{spot.function}` | {spot.seconds:.2f} | {spot.seconds / total * 100:.0f} % | {spot.calls} |"
        for spot in profile.hot_spots
    ]


def _part_rows(parts: dict[str, float]) -> list[str]:
    total = parts["whole build"]
    measured = {name: seconds for name, seconds in parts.items() if name != "whole build"}
    measured["everything else (MkDocs: templates, search index, writing files)"] = total - sum(measured.values())
    return [
        f"| {name} | {seconds:.2f} | {seconds / total * 100:.0f} % |"
        for name, seconds in sorted(measured.items(), key=lambda item: -item[1])
        if seconds / total >= 0.01
    ]


# Main ---------------------------------------------------------------------------------------


def main() -> int:
    options = _arguments()
    started, load_before = time.perf_counter(), load_average()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        results = _measure_everything(work, options, started, load_before)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - started
    write_report(results, options.output, total)
    goals = results.goals()
    for goal in goals:
        verdict = "met" if goal.met else ("MISSED beyond noise" if goal.missed_beyond_noise else "missed within noise")
        print(f"{goal.name}: {goal.measured} (target {goal.target}): {verdict}")  # noqa: T201
    print(f"wrote {options.output} in {total / 60:.1f} min")  # noqa: T201
    return 1 if any(goal.missed_beyond_noise for goal in goals) else 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--real-runs", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3, help="builds per condition of the synthetic corpus")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the glossary pass comparison")
    parser.add_argument("--factors", type=int, nargs="+", default=list(FACTORS), help="content sizes (1 is needed)")
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument("--no-serve", dest="serve", action="store_false")
    parser.add_argument("--hostile-runs", type=int, default=3, help="builds of the hostile input and of the real site")
    return parser.parse_args()


def compile_engine() -> None:
    """Bytecode for the engine's modules and the site's hook files, as an installed engine has them (pip
    compiles a package when it installs it; a first build writes it). Without it, where
    PYTHONDONTWRITEBYTECODE is set, every timed build would compile the engine from source again
    (about 0.08 CPU s on the real site), a cost no reader's build pays. Writes __pycache__/ (ignored by git)."""
    for folder in (REPO / "engine" / "src", REPO / "hooks"):
        compileall.compile_dir(folder, quiet=1)


def _measure_everything(work: Path, options: argparse.Namespace, started: float, load_before: str) -> Results:
    compile_engine()
    _say("real site: builds with and without hooks")
    real_site = copy_real_site(work / "real")
    real = measure_pair(real_site, options.real_runs, budget=60)
    synthetic, scales = {}, {}
    for factor in options.factors:
        scales[factor] = BASE.times(factor)
        _say(f"synthetic {factor}×: {scales[factor]}")
        project = write_corpus(work / f"synthetic-{factor}", scales[factor])
        runs = options.runs if factor != 2 else 1  # 2× shows the curve's shape; the goals use 1× and 4×
        synthetic[factor] = measure_pair(project, runs, budget=120 * factor)
        if factor != 1:
            shutil.rmtree(project)
    base = work / "synthetic-1"
    _say("glossary pass against native abbr")
    glossary = measure_glossary_pass(base, options.rounds, snippet_pages=1)
    profiles = []
    if options.profile:
        _say("profiling a build of the real site and of synthetic 1×")
        # The projects the builds above used: their data is checked already, as for those builds.
        profiles = [profile_build(real_site, "Real site"), profile_build(base, "Synthetic 1×")]
    serve = []
    if options.serve:
        _say("mkdocs serve rebuilds")
        serve = [_serve_real(work), _serve_synthetic(base)]  # last: they edit the pages
    _say("hostile input against a normal build of the real site")
    hostile = measure_hostile(real_site, write_hostile_project(work / "hostile"), options.hostile_runs)
    return Results(started, load_before, real, synthetic, scales, glossary, serve, profiles, hostile)


def _serve_real(work: Path) -> ServeResult:
    project = copy_real_site(work / "real-serve")
    edits = [
        ("one story page", _first_story_page(project), _edit_page),
        ("data/glossary.yml", project / "data" / "glossary.yml", _edit_glossary),
    ]
    return measure_serve(project, "Real site", edits)


def _serve_synthetic(project: Path) -> ServeResult:
    edits = [
        ("one story page", _first_story_page(project), _edit_page),
        ("data/glossary.yml", project / "data" / "glossary.yml", _edit_glossary),
    ]
    return measure_serve(project, "Synthetic 1×", edits)


def _say(message: str) -> None:
    print(f"[bench {datetime.now(UTC):%H:%M:%S}] {message}", flush=True)  # noqa: T201


if __name__ == "__main__":
    raise SystemExit(main())
