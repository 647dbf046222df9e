"""The catalogue of mistakes (tests/catalogue.py), each run at the layer that finds it, and a few whole builds
that prove the layers are wired into the build.

- DATA cases: the data layer alone finds exactly the catalogued line;
- PAGE cases: the data is sound, and converting the one page finds exactly the catalogued line;
- SITE cases (they need every page, the nav or MkDocs' link checks): the quick check, which is the
  build without writing pages, finds exactly the catalogued lines; cases that touch different files
  share one build, each group's lines compared in full, so nothing one case adds goes unseen;
- the wiring: a case of each layer through a whole `--strict` build, in this process and with the real
  `mkdocs build --strict` command, stops it with that one line; six mistakes in five files are reported
  by one build in file order; a file that cannot be read stops the checks and says so.
"""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from catalogue import (
    ALL,
    DATA,
    LOCATED,
    MISTAKES,
    PAGE,
    SITE,
    THE_FALL,
    Edit,
    Mistake,
    append,
    at_layer,
    fixture_size,
    replace,
    together,
    write,
)
from conftest import REPO, build_project, write_project
from layers import data_problems, every_page_problems, page_problems, site_problems

# What tests/test_hostile_inputs.py and tests/test_properties.py import from here.
__all__ = ["LOCATED", "THE_FALL", "Edit", "append", "fixture_size", "located_lines", "replace", "together", "write"]


def located_lines(messages: list[str]) -> list[str]:
    """The `file:line: message` lines among the build's warnings and errors."""
    return [message for message in messages if LOCATED.match(message)]


def named(mistakes: list[Mistake]) -> list:
    return [pytest.param(mistake, id=mistake.name) for mistake in mistakes]


# The positive control: the fixture as it is has nothing to report at any layer -------------------------


def test_the_fixture_as_it_is_has_no_problem_at_any_layer(fixture_project: Path, fixture_check: list) -> None:
    assert data_problems(fixture_project) == []
    assert every_page_problems(fixture_project) == []
    assert fixture_check == []


def test_the_catalogue_is_large_and_its_messages_are_distinct() -> None:
    assert len(at_layer(DATA)) >= 100 and len(at_layer(PAGE)) >= 30 and len(at_layer(SITE)) >= 15
    messages = [mistake.message for mistake in ALL]
    assert len(set(messages)) == len(messages) - 1  # a tab, indenting or after a colon, has one message
    assert all(LOCATED.match(message) for message in messages)
    assert {mistake.layer for mistake in ALL} == {DATA, PAGE, SITE}


# Each mistake at its layer -----------------------------------------------------------------------------


@pytest.mark.parametrize("mistake", named(at_layer(DATA)))
def test_the_data_layer_finds_the_mistake(fixture_project: Path, mistake: Mistake) -> None:
    assert data_problems(mistake.make(fixture_project)) == [mistake.message]


@pytest.mark.parametrize("mistake", named(at_layer(PAGE)))
def test_converting_the_page_finds_the_mistake(fixture_project: Path, mistake: Mistake) -> None:
    mistake.make(fixture_project)
    if not mistake.name.startswith(("page-not-utf-8", "page-over-the-size-limit")):
        assert data_problems(fixture_project) == []  # the data is sound: the page's conversion finds it
    assert page_problems(fixture_project, mistake.converted_page) == [mistake.message]


def touched_files(mistake: Mistake, folder: Path, before: Path) -> set[str]:
    """The files of the fixture project (`before`, unchanged) that making `mistake` adds, removes or changes."""
    project = write_project(folder / mistake.name)
    mistake.make(project)
    names = {path.relative_to(project).as_posix() for path in project.rglob("*") if path.is_file()}
    names |= {path.relative_to(before).as_posix() for path in before.rglob("*") if path.is_file()}
    return {
        name
        for name in names
        if not (project / name).is_file()
        or not (before / name).is_file()
        or not filecmp.cmp(project / name, before / name, shallow=False)
    }


# A case that adds or removes a page, or gives the site a nav, changes the list of pages; a case whose line
# names that list (the story pages, a page unknown, the nav) depends on it: the two never share a build.
PAGE_LIST = "the list of pages"
STOPS_THE_CHECKS = "stops the checks"  # such a case shares no build
NAMES_THE_PAGES = re.compile(r"story pages:|unknown page|the nav|^mkdocs\.yml:")


def site_groups() -> list:
    """The SITE cases in groups whose cases touch different files (and report in different files), each
    group made in one project and checked by one build."""
    groups: list[tuple[list[Mistake], set[str]]] = []
    with tempfile.TemporaryDirectory() as folder:
        before = write_project(Path(folder) / "before")
        before_pages = {path.relative_to(before).as_posix() for path in before.glob("docs/**/*.md")}
        touched = {
            mistake.name: touched_files(mistake, Path(folder), before)
            for mistake in at_layer(SITE)
            if not mistake.scenario
        }
    for mistake in at_layer(SITE):
        if mistake.scenario:
            continue  # made together with its scenario's other cases, below
        files = touched[mistake.name] | {mistake.file}
        changes_pages = any(name.endswith(".md") and name not in before_pages for name in files)
        if changes_pages or "mkdocs.yml" in files or NAMES_THE_PAGES.search(mistake.message):
            files.add(PAGE_LIST)
        if mistake.stops:
            files.add(STOPS_THE_CHECKS)
        shareable = [group for group in groups if not mistake.stops and STOPS_THE_CHECKS not in group[1]]
        group = next((group for group in shareable if not group[1] & files), None)
        if group is None:
            groups.append(([mistake], files))
        else:
            group[0].append(mistake)
            group[1].update(files)
    scenarios: dict[str, list[Mistake]] = {}
    for mistake in at_layer(SITE):
        if mistake.scenario:
            scenarios.setdefault(mistake.scenario, []).append(mistake)
    return [
        *(pytest.param(cases, id="+".join(case.name for case in cases)) for cases, _ in groups),
        *(pytest.param(cases, id=name) for name, cases in scenarios.items()),
    ]


@pytest.mark.parametrize("mistakes", site_groups())
def test_the_build_finds_each_mistake_that_needs_every_page(fixture_project: Path, mistakes: list[Mistake]) -> None:
    for edit in dict.fromkeys(mistake.edit for mistake in mistakes):  # a scenario's cases share one edit
        edit(fixture_project)
    expected = sorted((mistake.level, mistake.message) for mistake in mistakes)
    assert sorted(site_problems(fixture_project)) == expected


# The wiring: each layer's findings stop a whole build with that one line -------------------------------

WIRED = [
    "required-field-missing",  # data: the entry left out, and nothing that cites it reported again
    "page-not-utf-8",  # a page's bytes, before MkDocs reads it
    "front-matter-title-a-number",  # a page's front matter
    "page-cites-unknown-source",  # a page's conversion
    "correction-anchor-in-link",  # data checked against a converted page
    "source-never-cited",  # every page converted: a warning, which fails a strict build
]


@pytest.mark.parametrize("mistake", named([MISTAKES[name] for name in WIRED]))
def test_a_mistake_of_each_layer_stops_the_strict_build_with_its_one_line(
    fixture_project: Path, mistake: Mistake
) -> None:
    built = build_project(mistake.make(fixture_project), strict=True)
    assert not built.ok
    assert built.problem_lines == [(mistake.level, mistake.message)]
    assert not any("Traceback" in message for message in built.messages)
    if mistake.level == "warning":  # fails a strict build only
        assert build_project(fixture_project, strict=False).ok


def test_the_unchanged_fixture_builds_strict(fixture_build) -> None:
    """The positive control of the builds above: without the mistake the same build passes."""
    assert fixture_build.ok and fixture_build.problem_lines == []


# The real command ---------------------------------------------------------------------------

COMMAND_CASES = ["tab-indentation", "page-cites-unknown-source"]  # one that stops the checks early, one that does not


def run_mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as a contributor runs it, in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("mistake", named([MISTAKES[name] for name in COMMAND_CASES]))
def test_mkdocs_build_command_fails_cleanly(fixture_project: Path, mistake: Mistake) -> None:
    result = run_mkdocs_build(mistake.make(fixture_project))
    assert result.returncode != 0
    logged = [line.split("-  ", 1)[-1] for line in result.stderr.splitlines() if "-  " in line]
    assert located_lines(logged) == [mistake.message], result.stderr
    assert "Traceback" not in result.stdout + result.stderr


# Warnings are errors ------------------------------------------------------------------------


def test_make_build_and_ci_treat_warnings_as_errors():
    recipe = subprocess.run(["make", "-n", "build"], cwd=REPO, capture_output=True, text=True, check=False).stdout
    build_line = next(line for line in recipe.splitlines() if "mkdocs build" in line)
    assert "--strict" in build_line
    assert not re.search(r"\s(-q|--quiet)\b", build_line), "-q hides warnings, so --strict would not count them"
    # pages.yml builds through the reusable workflow every explainer calls
    for workflow in ("ci.yml", "explainer-pages.yml", "explainer-site.yml"):
        assert "run: make build" in (REPO / ".github/workflows" / workflow).read_text(encoding="utf-8")


# Every mistake in one build -------------------------------------------------------------------

# One of each kind: schema, cross-reference, an anchor the page lacks, an unknown citation, a link MkDocs
# itself warns about, a heading the linked page lacks.
SIX_MISTAKES = [
    MISTAKES[name]
    for name in (
        "http-url",
        "event-cites-unknown-source",
        "correction-anchor-missing",
        "page-cites-unknown-source",
        "contributing-link-misspelt",
        "link-to-a-missing-heading",
    )
]


def test_six_mistakes_in_five_files_are_reported_by_one_build_in_file_order(fixture_project: Path):
    """Issue 14: six mistakes across four files once took four builds to see; now one build shows them all."""
    for mistake in SIX_MISTAKES:
        mistake.make(fixture_project)
    built = build_project(fixture_project, strict=True)
    assert not built.ok
    expected = [(mistake.level, mistake.message) for mistake in sorted(SIX_MISTAKES, key=lambda m: (m.file, m.line))]
    assert built.problem_lines == expected
    assert (
        built.messages[-1] == "4 errors and 2 warnings in 5 files, listed above in file order; fix them and run again."
    )
    assert site_problems(fixture_project) == expected


def test_a_file_that_cannot_be_read_stops_the_checks_and_says_so(fixture_project: Path):
    """The one exception: whatever refers to a file that does not parse would look wrong, so the checks stop."""
    unreadable = MISTAKES["tab-indentation"]
    unreadable.make(fixture_project)
    MISTAKES["page-cites-unknown-source"].make(fixture_project)  # not reported: its sources cannot be read
    built = build_project(fixture_project, strict=True)
    assert built.located == [unreadable.message]
    assert built.messages[-1].startswith("1 error in 1 file. Stopped early: a file above cannot be read, so the")
    result = subprocess.run(
        [sys.executable, "-m", "explainer.validate"],
        cwd=fixture_project,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"ERROR   -  {unreadable.message}",
        built.messages[-1],
    ]
