"""The catalogue of mistakes (tests/catalogue.py), each run at the layer that finds it, and a few whole builds
that prove the layers are wired into the build.

- DATA cases: the data layer alone finds exactly the catalogued line;
- PAGE cases: the data is sound, and converting the one page finds exactly the catalogued line;
- PAGES cases (data checked against every page: a source no page cites, a glossary entry never mentioned, a
  page a record names, the sources' addresses; and the start-up check of the repository's files, which stops the
  checks): every page converted in one build context (`site_pages`: MkDocs' files, nav and pages and the engine's
  hooks, without the theme or writing a file) finds exactly the catalogued lines;
- SITE cases (they need MkDocs itself: its link and nav checks, mkdocs.yml): the quick check, which is the build
  without writing pages, finds exactly the catalogued lines;
- at both, cases that touch different files share one run, and a scenario's cases (several mistakes made in
  one project) one, each run's lines compared in full, so nothing one case adds goes unseen (the page of link
  mistakes: tests/test_link_checks.py);
- the wiring: the real `mkdocs build --strict` and quick check commands report a case of each layer and the
  documented scenario of the nav and links (eighteen mistakes in nine files) with their lines in file order; a file
  that cannot be read stops the checks and says so (that a warning fails the strict build only is
  tests/test_link_checks.py's, on its page of link mistakes).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from catalogue import (
    ALL,
    DATA,
    EVERY_LAYER_SUMMARY,
    LINK_CASES,
    LOCATED,
    MISTAKES,
    ONE_STOPPED_EARLY_SUMMARY,
    PAGE,
    PAGES,
    SITE,
    STOPPED_EARLY_SUMMARY,
    THE_FALL,
    Edit,
    Mistake,
    append,
    at_layer,
    changes_of,
    fixture_size,
    overlap,
    replace,
    together,
    write,
)
from conftest import REPO, BuiltSite, mkdocs_command, write_project
from layers import data_layer, data_problems, every_page_problems, page_problems, site_pages, site_problems
from test_annotations import annotation_of, annotations

from explainer import validate

# What tests/test_hostile_inputs.py and tests/test_properties.py import from here.
__all__ = ["LOCATED", "THE_FALL", "Edit", "append", "fixture_size", "located_lines", "replace", "together", "write"]


def located_lines(messages: list[str]) -> list[str]:
    """The `file:line: message` lines among the build's warnings and errors."""
    return [message for message in messages if LOCATED.match(message)]


def named(mistakes: list[Mistake]) -> list:
    return [pytest.param(mistake, id=mistake.name) for mistake in mistakes]


# The positive control: the fixture as it is has nothing to report at any layer -------------------------


def test_the_fixture_as_it_is_has_no_problem_at_any_layer(fixture_project: Path, fixture_build: BuiltSite) -> None:
    """The data layer, each page, every page, and the build: the session's build of the fixture, which the quick check
    is without writing pages (test_the_quick_check_reports_what_the_build_does compares their lines)."""
    assert data_problems(fixture_project) == []
    assert every_page_problems(fixture_project) == []
    converted = site_pages(fixture_project)
    assert converted.found == [] and converted.stopped == "" and converted.pages
    assert fixture_build.ok and fixture_build.problem_lines == [] and fixture_build.pages()


def test_the_catalogue_is_large_and_its_messages_are_distinct() -> None:
    assert len(at_layer(DATA)) >= 100 and len(at_layer(PAGE)) >= 30 and len(at_layer(PAGES)) + len(at_layer(SITE)) >= 15
    messages = [mistake.message for mistake in ALL]
    assert len(set(messages)) == len(messages) - 1  # a tab, indenting or after a colon, has one message
    assert all(LOCATED.match(message) for message in messages)
    assert {mistake.layer for mistake in ALL} == {DATA, PAGE, PAGES, SITE}


# Each mistake at its layer -----------------------------------------------------------------------------


@pytest.mark.parametrize("mistake", named(at_layer(DATA)))
def test_the_data_layer_finds_the_mistake(fixture_project: Path, mistake: Mistake) -> None:
    assert data_problems(mistake.make(fixture_project)) == [mistake.message]


def test_an_id_that_is_a_list_beside_an_entry_left_out_is_reported(fixture_project: Path) -> None:
    """The ids cited by entries left out were looked up by every entry's id: a list id raised TypeError."""
    left_out, listed = MISTAKES["authors-not-a-list"], MISTAKES["id-is-a-list"]  # each alone: their own cases
    left_out.make(listed.make(fixture_project))
    assert data_problems(fixture_project) == [left_out.message, listed.message]


@pytest.mark.parametrize("mistake", named(at_layer(PAGE)))
def test_converting_the_page_finds_the_mistake(fixture_project: Path, mistake: Mistake) -> None:
    mistake.make(fixture_project)
    data = None  # the data layer's check, made once: asserted, then the page converted with it
    if not mistake.name.startswith(("page-not-utf-8", "page-over-the-size-limit")):
        data = data_layer(fixture_project)
        assert [str(problem) for problem in data.problems] == []  # the data is sound: the page's conversion finds it
    assert page_problems(fixture_project, mistake.converted_page, data) == [mistake.message]


# A mistake of each kind, none moving another's line: schema (the entry left out, and nothing that cites it
# reported again), a cross-reference, front matter, a page's conversion, data checked against a converted page,
# data checked against every page (a warning, which fails a strict build), a link MkDocs itself warns about on the
# line of the page's unknown source (both lines given, by message), a heading the linked page lacks; and the
# documented scenario of the nav and links (a nav, a new chapter, links appended to a chapter: MkDocs' link and nav
# checks, the chapter checks). tests/test_annotations.py: under GitHub Actions the quick check annotates each on its
# line (a data error, a page error, a link MkDocs finds, a warning), the build none.
NAV_AND_LINKS = "contributing-nav-and-links"
EVERY_LAYER = [
    *(
        MISTAKES[name]
        for name in (
            "required-field-missing",
            "event-cites-unknown-source",
            "front-matter-title-a-number",
            "page-cites-unknown-source",
            "correction-anchor-missing",
            "glossary-entry-never-mentioned",
            "link-to-a-missing-heading",
            "page-links-to-a-missing-page",
        )
    ),
    *(mistake for mistake in ALL if mistake.scenario == NAV_AND_LINKS),
]

# A case that adds or removes a page, or gives the site a nav, changes the list of pages; a case whose line
# names that list (the story pages, a page unknown, the nav) depends on it: the two never share a build.
PAGE_LIST = "the list of pages"
STOPS_THE_CHECKS = "stops the checks"  # such a case shares no build
NAMES_THE_PAGES = re.compile(r"story pages:|unknown page|the nav|^mkdocs\.yml:")


def site_groups(layer: str) -> list:
    """The cases of `layer` (PAGES or SITE) in groups whose cases change different files, or different lines of a
    file without moving any (catalogue.changes_of), and report at different lines, each group made in one project
    and checked by one run; and each scenario (several mistakes made by one edit) in one run. The page of link
    mistakes (LINK_CASES) is not run here: tests/test_link_checks.py builds it, and compares every line; nor are
    the SITE cases of EVERY_LAYER and its scenario of the nav and links, whose lines the real commands give with the
    others' (the wiring, below)."""
    groups: list[tuple[list[Mistake], set[str]]] = []
    with tempfile.TemporaryDirectory() as folder:
        before = write_project(Path(folder) / "before")
        before_pages = {path.relative_to(before).as_posix() for path in before.glob("docs/**/*.md")}
        changed = {
            mistake.name: changes_of(mistake.edit, Path(folder) / mistake.name, before)
            for mistake in at_layer(layer)
            if not mistake.scenario and not (layer == SITE and mistake in EVERY_LAYER)
        }
    for mistake in at_layer(layer):
        if mistake.scenario:
            continue  # made together with its scenario's other cases, below
        if layer == SITE and mistake in EVERY_LAYER:
            continue  # the real commands' project holds it, their every line compared (the wiring, below)
        changes = changed[mistake.name] | {f"{mistake.file}:{mistake.line}"}
        files = {change.split(":", 1)[0] for change in changes}
        changes_pages = any(name.endswith(".md") and name not in before_pages for name in files)
        if changes_pages or "mkdocs.yml" in files or NAMES_THE_PAGES.search(mistake.message):
            changes.add(PAGE_LIST)
        if mistake.stops:
            changes.add(STOPS_THE_CHECKS)
        shareable = [group for group in groups if not mistake.stops and STOPS_THE_CHECKS not in group[1]]
        group = next((group for group in shareable if not overlap(changes, group[1])), None)
        if group is None:
            groups.append(([mistake], changes))
        else:
            group[0].append(mistake)
            group[1].update(changes)
    scenarios: dict[str, list[Mistake]] = {}
    for mistake in at_layer(layer):
        if mistake.scenario and mistake.scenario not in (LINK_CASES[0].scenario, NAV_AND_LINKS):
            scenarios.setdefault(mistake.scenario, []).append(mistake)
    return [
        *(pytest.param(cases, id="+".join(case.name for case in cases)) for cases, _ in groups),
        *(pytest.param(cases, id=name) for name, cases in scenarios.items()),
    ]


def made(project: Path, mistakes: list[Mistake]) -> list[tuple[str, str]]:
    """The mistakes made in `project`; (level, line) of each, sorted."""
    for edit in dict.fromkeys(mistake.edit for mistake in mistakes):  # a scenario's cases share one edit
        edit(project)
    return sorted((mistake.level, mistake.message) for mistake in mistakes)


@pytest.mark.parametrize("mistakes", site_groups(PAGES))
def test_converting_every_page_finds_each_mistake_that_needs_every_page(
    fixture_project: Path, mistakes: list[Mistake]
) -> None:
    """Each of these checks data against every page, or the repository's files before anything is read (the start-up
    check in the build's on_config, which stops the checks): every page converted in one build context finds it, no
    build. One per group or scenario, its every line compared, and the line that sums up a stop."""
    expected = made(fixture_project, mistakes)
    converted = site_pages(fixture_project)
    assert sorted(converted.levelled()) == expected
    stops = any(mistake.stops for mistake in mistakes)
    assert converted.stopped == (ONE_STOPPED_EARLY_SUMMARY if stops else "") and bool(converted.pages) != stops


@pytest.mark.parametrize("mistakes", site_groups(SITE))
def test_the_build_finds_each_mistake_that_needs_mkdocs(fixture_project: Path, mistakes: list[Mistake]) -> None:
    """Needs the quick check (the build without writing pages): each of these needs MkDocs' link or nav checks,
    or its reading of mkdocs.yml. One per group or scenario, its every line compared."""
    expected = made(fixture_project, mistakes)
    assert sorted(site_problems(fixture_project)) == expected


# The wiring: each layer's findings stop a whole build with their lines ------------------------------------
#
# Four commands in all: `mkdocs build --strict` and the quick check with a mistake of each layer (and MkDocs' own
# link checks), as CI runs them; the files that cannot be read through both commands. Each assertion compares every
# line, so nothing one layer adds or repeats goes unseen.

IN_FILE_ORDER = sorted(EVERY_LAYER, key=lambda mistake: (mistake.file, mistake.line, mistake.message))
MKDOCS = Path(sys.executable).with_name("mkdocs")  # the console script, as CI's runner calls it


@dataclass
class EveryLayerRuns:
    """What the two commands CI runs printed for the project with a mistake of each layer, under GitHub Actions."""

    build: subprocess.CompletedProcess  # `mkdocs build --strict` (CI's build job)
    check: subprocess.CompletedProcess  # `python -m explainer.validate --strict` (CI's lint job)


@pytest.fixture(scope="module")
def every_layer(tmp_path_factory: pytest.TempPathFactory) -> EveryLayerRuns:
    """Needs the real commands, each in a process of its own as on a runner: that the layers are wired into the
    build, and that the quick check, which is the build into a temporary folder, reports the same lines."""
    project = write_project(tmp_path_factory.mktemp("every-layer") / "project")
    made(project, EVERY_LAYER)
    env = {**os.environ, "GITHUB_ACTIONS": "true", "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    build = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(project.parent / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    env["PYTHONPATH"] = str(Path(validate.__file__).parents[1])
    check = subprocess.run(
        [sys.executable, "-m", "explainer.validate", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return EveryLayerRuns(build, check)


def levelled(lines: list[str]) -> list[tuple[str, str]]:
    """(level, `file:line: message`) of each located line the commands print (`ERROR   -  ...`, `WARNING -  ...`)."""
    found = []
    for line in lines:
        level, _, message = line.partition("-  ")
        if LOCATED.match(message):
            found.append((level.strip().lower(), message))
    return found


def test_a_mistake_of_each_layer_is_reported_by_one_strict_build_in_file_order(every_layer: EveryLayerRuns):
    """Issue 14: mistakes across files once took a build each to see; now one build shows them all, each with its
    one line, in file order, and sums them up."""
    result = every_layer.build
    assert result.returncode == 1
    assert levelled(result.stderr.splitlines()) == [(mistake.level, mistake.message) for mistake in IN_FILE_ORDER]
    assert logged(result)[-1] == EVERY_LAYER_SUMMARY
    assert "Traceback" not in result.stdout + result.stderr
    assert annotations(result.stdout) == []  # under GitHub Actions too: the quick check annotates, not the build


def test_the_quick_check_reports_what_the_build_does(every_layer: EveryLayerRuns):
    """The same lines, in the same order, and the same last line; and under GitHub Actions each is annotated."""
    result = every_layer.check
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert levelled(lines) == levelled(every_layer.build.stderr.splitlines())
    assert lines[-1] == EVERY_LAYER_SUMMARY
    assert "Traceback" not in result.stdout + result.stderr
    # CI's lint job: each problem annotated on its line, at its level (--strict: a warning fails too), a link
    # MkDocs itself finds among them (its own message names no line: only through the quick check)
    assert annotations(result.stdout) == [annotation_of(mistake) for mistake in IN_FILE_ORDER]
    assert {mistake.level for mistake in IN_FILE_ORDER} == {"error", "warning"}


# The real commands ---------------------------------------------------------------------------------------


def logged(result: subprocess.CompletedProcess) -> list[str]:
    return [line.split("-  ", 1)[-1] for line in result.stderr.splitlines() if "-  " in line]


# The files that cannot be read: a data file's YAML, a page's bytes. Whatever refers to a file that does not
# parse would look wrong, so the checks stop after these, and say so; the page's unknown source is not reported.
UNREADABLE = [MISTAKES["tab-indentation"], MISTAKES["page-not-utf-8"]]


def test_files_that_cannot_be_read_stop_the_checks_and_say_so(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """The real commands' code, `python -m explainer.validate` and `mkdocs build --strict` (MkDocs' own command line),
    run in this process (their processes, as CI runs them: the two tests above): both print the lines of the files
    that cannot be read, and the same last line. The build stops at its start (on_config), so a process of its own
    would cost its start-up alone."""
    for mistake in UNREADABLE:
        mistake.make(fixture_project)
    MISTAKES["event-cites-unknown-source"].make(fixture_project)  # not reported: its sources cannot be read
    monkeypatch.chdir(fixture_project)
    assert validate.main([]) == 1
    checked = capsys.readouterr().err.splitlines()
    result = mkdocs_command(fixture_project, "build", "--strict", "-d", str(fixture_project / "site"))
    assert result.returncode != 0
    lines = logged(result)
    assert located_lines(lines) == [mistake.message for mistake in UNREADABLE], result.stderr
    assert lines[-1] == STOPPED_EARLY_SUMMARY
    assert "Traceback" not in result.stdout + result.stderr
    assert checked == [*(f"ERROR   -  {mistake.message}" for mistake in UNREADABLE), lines[-1]]


# Warnings are errors ------------------------------------------------------------------------


def test_make_build_and_ci_treat_warnings_as_errors():
    recipe = subprocess.run(["make", "-n", "build"], cwd=REPO, capture_output=True, text=True, check=False).stdout
    build_line = next(line for line in recipe.splitlines() if "mkdocs build" in line)
    assert "--strict" in build_line
    assert not re.search(r"\s(-q|--quiet)\b", build_line), "-q hides warnings, so --strict would not count them"
    # pages.yml builds through the reusable workflow every explainer calls
    for workflow in ("ci.yml", "explainer-pages.yml", "explainer-site.yml"):
        assert "run: make build" in (REPO / ".github/workflows" / workflow).read_text(encoding="utf-8")
