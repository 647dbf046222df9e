"""Hostile inputs: what an attacker or a careless contributor might put in the data, the pages, their
front matter, the files of docs/ or symlinks (everything a pull request can commit but the code).

Each must be refused with its located lines (one, or one per mistake), or built into a site where
nothing from the data runs as script, loads from another host or restyles the page; each within
three times the time of a normal build. After the catalogue, each cause of issue 21 has tests of
its own at the cheapest layer (a function, a build, `mkdocs serve`); tests/browser/test_hostile.py
opens what the catalogue builds in Chromium.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from catalogue import (  # noqa: F401 - re-exported to tests/browser/test_hostile.py
    CREDENTIALS,
    DATA,
    FIGURES,
    FILES,
    GLOSSARY,
    INDEX,
    OK_SVG,
    PAGE,
    PAGES,
    PBOC,
    PBOC_LONG,
    PNG,
    SITE,
    THE_FALL,
    TOO_LARGE,
    URL_WARNINGS,
    Hostile,
    changes_of,
    link,
    outside,
    overlap,
)
from catalogue import HOSTILE_CASES as CASES
from conftest import REPO, BuiltSite, build_project, read_yaml, write_project
from htmlcheck import java_and_vnu, style_attributes, unsafe_markup, vnu_errors
from layers import data_problems, page_problems, site_pages, written_html
from markdown import Markdown
from markupsafe import Markup
from test_bad_inputs import located_lines, replace
from test_serve import (
    STARTUP_SECONDS,
    free_port,
)

from explainer import frontmatter, repository
from explainer.anchors import anchor_counts
from explainer.codeblocks import without_code
from explainer.corrections.anchors import attach_mark, text_slots
from explainer.corrections.records import Correction
from explainer.dates import PartialDate
from explainer.errors import DataError, Problem, line_of
from explainer.events.exports import events_csv
from explainer.events.records import Event
from explainer.markup import SITE_CONFIGS, SITE_EXTENSIONS, parse_fragment, refusals
from explainer.pagehtml import PageHtmlExtension, page_allow_list
from explainer.pagelines import PageLines
from explainer.placeholders import masked
from explainer.reader_diff import render
from explainer.reader_diff.compare import ItemChanges, PageChange, Report
from explainer.registry import new_context
from explainer.repository import read_capped, repository_problems, site_folders
from explainer.svgcheck import svg_problems
from explainer.urlcheck import KNOWN_PUBLISHERS, KnownHosts, registrable, url_warnings
from explainer.yamlfile import invisible_character, parse_data_file
from explainer_checks.build import parsed_page
from explainer_mkdocs.safety import page_html_extension

# Published data: events.csv ---------------------------------------------------------------------


def event(**overrides) -> Event:
    fields = dict(id="e", date=PartialDate(2020, 11, 3), title="T", summary="S.", sources=("s",), section="the-fall")
    return Event(**{**fields, **overrides})


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_escaped(start: str):
    """OWASP's advice for CSV injection: a leading formula character is preceded by a quote."""
    formula = f'{start}HYPERLINK("https://example.com","x")'
    rows = list(csv.DictReader(io.StringIO(events_csv([event(title=formula, summary=formula)]), newline="")))
    assert rows[0]["title"] == "'" + formula
    assert rows[0]["summary"] == "'" + formula


def test_ordinary_cells_are_unchanged():
    rows = list(csv.DictReader(io.StringIO(events_csv([event(title="Plain = fine", summary="A 3% rise.")]))))
    assert (rows[0]["title"], rows[0]["summary"], rows[0]["date"]) == ("Plain = fine", "A 3% rise.", "2020-11-03")


def test_csv_lines_end_with_crlf_as_rfc_4180_says():
    data = events_csv([event(), event(id="f", summary="Two\nlines.")]).encode("utf-8")
    records = data.split(b"\r\n")
    assert records[0].startswith(b"id,date,precision,") and records[-1] == b""
    assert len(records) == 4  # header, two events, and the empty string after the last CRLF
    assert b'"Two\nlines."' in data  # a line break inside a quoted field stays as written


# The catalogue ------------------------------------------------------------------------------------
#
# The cases are tests/catalogue.py's HOSTILE_CASES. Each edits a copy of the fixture site. A refused case is
# run at the cheapest layer that finds it (tests/layers.py), which gives exactly its located lines; a built
# case must leave no event handler, no foreign scheme and no style attribute on any page, and its pages must
# pass the Nu HTML Checker. That each layer's lines stop the build is shown once per layer by
# tests/test_bad_inputs.py (the wiring). What the slowest of them costs against a normal build of the real
# site is a figure of `make bench` (bench/run.py, "Hostile input"), not a timed test: on a shared machine a
# bound on one run's time fails by noise; the linear-time guards below compare sizes within one call.
#
# - DATA: the data layer alone (no MkDocs), one case at a time: it costs a few milliseconds;
# - PAGE: one page converted, its bytes and front matter checked (no MkDocs), one case at a time;
# - PAGES: every page converted in one build context (layers.site_pages: MkDocs' files, nav and pages and the
#   engine's hooks, no theme and no file written); cases that touch different files share one run, and its
#   lines must be exactly theirs, so nothing one case adds or hides goes unseen;
# - FILES: the start-up check of the repository's files, in the build's on_config (run by site_pages, as
#   above). It reports every such file and then stops the checks, so these cases share runs with each other
#   only; that `mkdocs serve` stops at start with its line is below, and the summary line of such a stop
#   tests/test_bad_inputs.py's (a symlink out of the repository);
# - built cases share one site: they edit different lines (tests/browser/test_hostile.py opens most of them in
#   Chromium), the files crafted to be slow appended to after what the others edit;
# - the pages of thousands of mistakes (MANY, which `make bench` times together): each at its layer, PAGE for our
#   own checks, and MkDocs' link check (SITE) in tests/test_link_checks.py's strict build, with its page of links.

LOCATED_LINE = re.compile(r"^([^:]+):(\d+): (.*)$", re.DOTALL)


@dataclass
class Outcome:
    """What the run that holds a case found: its located lines (a refused case's run), or its site (built)."""

    cases: tuple[Hostile, ...]  # the cases of the run (one, or the cases sharing a quick check or a site)
    lines: list[str]
    built: BuiltSite | None = None


def found(find: Callable[[], list[str]]) -> list[str]:
    """The lines `find` returns, in the order the build prints them (each once, by file, line and message)."""
    located = [LOCATED_LINE.match(line).groups() for line in find()]
    return [f"{file}:{line}: {message}" for file, line, message in sorted({(f, int(n), m) for f, n, m in located})]


def sharing(cases: list[Hostile], folder: Path) -> list[tuple[Hostile, ...]]:
    """The cases in groups whose cases change different files, or different lines of a file without moving
    any (a case of more lines than the catalogue gives on its own)."""
    before = write_project(folder / "before")
    groups: list[tuple[list[Hostile], set[str]]] = []
    for case in cases:
        reported = {":".join(line.split(":", 2)[:2]) for line in case.every_line or (case.refused,)}  # file:line
        changes = changes_of(case.edit, folder / case.name, before) | reported
        shareable = [g for g in groups if case.every_line and g[0][0].every_line]
        group = next((g for g in shareable if not overlap(changes, g[1])), None)
        if group is None:
            groups.append(([case], changes))
        else:
            group[0].append(case)
            group[1].update(changes)
    return [tuple(group) for group, _ in groups]


def made(cases: tuple[Hostile, ...], folder: Path) -> Path:
    project = write_project(folder / "project")
    for case in cases:
        case.edit(project)
    return project


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every hostile input, run once at its layer (site_pages shared by cases that touch different files) or in the one
    site of the built cases; but for MkDocs' link check of a page of thousands of links (SITE: test_link_checks)."""
    runs: list[tuple[tuple[Hostile, ...], str]] = []  # (cases, how they are run)
    for case in CASES:
        if case.layer in (DATA, PAGE):
            runs.append(((case,), case.layer))
    for layer in (PAGES, FILES):
        cases = [case for case in CASES if case.layer == layer]
        runs += [(group, PAGES) for group in sharing(cases, tmp_path_factory.mktemp(f"touched-{layer}"))]
    runs.append((tuple(case for case in CASES if case.built), "build"))
    results = {}
    for cases, how in runs:
        project = made(cases, tmp_path_factory.mktemp(cases[0].name))
        built = None
        if how == "build":
            built = build_project(project, strict=True)
            lines = located_lines(built.messages)
        elif how == DATA:
            lines = found(lambda project=project: data_problems(project))
        elif how == PAGE:
            lines = found(lambda project=project, page=cases[0].converted_page: page_problems(project, page))
        else:
            lines = found(lambda project=project: site_pages(project).problems)
        for case in cases:
            results[case.name] = Outcome(cases, lines, built)
    assert set(results) == {case.name for case in CASES if case.layer != SITE}
    return results


def test_the_catalogue_covers_every_item_of_the_issue():
    assert len(CASES) >= 30 and len({case.name for case in CASES}) == len(CASES)
    assert sum(case.built for case in CASES) >= 8 and sum(not case.built for case in CASES) >= 30
    assert all(case.layer in (DATA, PAGE, PAGES, FILES, SITE) for case in CASES if not case.built)
    assert [case.name for case in CASES if case.layer == SITE] == ["page-of-3000-broken-links"]  # test_link_checks


def test_the_fixture_has_no_problem_at_the_layers_the_cases_run_at(fixture_project: Path, fixture_build: BuiltSite):
    """The positive control of the refusals below: without the hostile input, nothing is reported."""
    assert data_problems(fixture_project) == []
    pages = {
        case.converted_page
        for case in CASES
        if case.layer == PAGE and (fixture_project / "docs" / case.converted_page).is_file()
    }
    assert pages and all(page_problems(fixture_project, page) == [] for page in sorted(pages))
    converted = site_pages(fixture_project)
    assert converted.found == [] and converted.stopped == "" and converted.pages
    assert fixture_build.ok and fixture_build.problem_lines == []


@pytest.mark.parametrize(
    "case", [case for case in CASES if not case.built and case.layer != SITE], ids=lambda case: case.name
)
def test_a_hostile_input_is_refused_with_its_located_lines(outcomes: dict[str, Outcome], case: Hostile):
    outcome = outcomes[case.name]
    if len(outcome.cases) == 1:
        assert outcome.lines[:1] == [case.refused]
        assert len(outcome.lines) == case.lines
    else:  # a shared run of site_pages: each case's lines, and nothing else
        assert set(case.every_line) <= set(outcome.lines)
        assert sorted(outcome.lines) == sorted(line for shared in outcome.cases for line in shared.every_line)


@functools.cache
def what_could_run(site_dir: Path) -> list[str]:
    """Every page of a built site with an event handler, a foreign scheme, a style attribute or a script
    that alerts (checked once per site: several cases share it; each page the tree the other tests of the site read,
    `parsed_page`)."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        page = parsed_page(path)
        where = path.relative_to(site_dir).as_posix()
        found += [f"{where}: {item}" for item in unsafe_markup(page)]
        found += [f"{where}: style {item}" for item in sorted(style_attributes(page))]
        found += [f"{where}: {script}" for script in page.find_all("script") if "alert" in script.get_text()]
    return found


def test_what_could_run_is_found_where_it_is():
    """The positive control of the test below: a page with each of those is found."""
    page = BeautifulSoup(
        '<a href="javascript:x">a</a><p onmouseover="x" style="color:red">p</p><script>alert(1)</script>', "html.parser"
    )
    assert unsafe_markup(page) and style_attributes(page)
    assert [script for script in page.find_all("script") if "alert" in script.get_text()]


@pytest.mark.parametrize("case", [case for case in CASES if case.built], ids=lambda case: case.name)
def test_a_hostile_input_that_builds_leaves_nothing_that_runs(outcomes: dict[str, Outcome], case: Hostile):
    built = outcomes[case.name].built
    assert built is not None and built.ok, built and built.messages
    assert what_could_run(built.site_dir) == []


@pytest.mark.slow
def test_pages_built_from_hostile_inputs_are_valid_html(outcomes: dict[str, Outcome], tmp_path_factory):
    """The Nu HTML Checker, once over every page the built inputs reach: no error but Material's."""
    java_and_vnu()
    root = tmp_path_factory.getbasetemp()
    paths = sorted(
        {
            outcomes[case.name].built.site_dir / page / "index.html"
            for case in CASES
            if case.built
            for page in case.pages
        }
    )
    assert paths
    assert [str(error) for error in vnu_errors(paths, root) if error.known is None] == []


# What readers get from the built inputs ----------------------------------------------------------


def test_a_title_with_quotes_and_an_ampersand_is_written_exactly(outcomes: dict[str, Outcome]):
    page = outcomes["title-with-quotes-and-ampersand"].built.html("story/the-fall/")
    title = 'Ant & "Friends" of Jack\'s fall'
    assert page.select_one('meta[property="og:title"]')["content"].startswith(title + " · ")
    assert page.title.get_text().startswith(title + " - ")
    assert page.select_one("article h1").get_text().startswith("The fall")


def test_a_description_that_tries_to_leave_its_attribute_stays_in_it(outcomes: dict[str, Outcome]):
    page = outcomes["description-with-quotes"].built.html("story/the-fall/")
    description = 'It "ends" here" onmouseover="alert(1)'
    assert page.select_one('meta[name="description"]')["content"] == description
    assert page.select_one('meta[property="og:description"]')["content"] == description


def test_markdown_in_a_vocabulary_heading_is_its_text(outcomes: dict[str, Outcome]):
    """A heading from data/story.yml (a kind of source's, a kind of correction's, a glossary category's) shows
    as written: no link, no attribute list (the test above: nothing runs). Quotes are compared without their
    typography."""
    built = outcomes["vocabulary-headings-with-markdown"].built
    for page, written in [
        ("sources/", "Primary [x](javascript:alert(3)) { onclick=alert(4) }"),
        ("corrections/", "Facts [x](javascript:alert(1)) { onclick=alert(2) }"),
        ("glossary/", "People [x](javascript:alert(5)) { onclick=alert(6) }"),
    ]:
        headings = built.html(page).select("article h2")
        shown = [re.sub("[“”]", "", heading.get_text().rstrip("¶")) for heading in headings]
        assert written in shown, page
        assert [link["href"][:1] for heading in headings for link in heading.find_all("a")] == ["#"] * len(headings)


def test_escaped_markup_in_a_long_explanation_is_text(outcomes: dict[str, Outcome]):
    page = outcomes["long-escaped-script-stays-text"].built.html("glossary/")
    entry = page.select_one("h3#pboc").find_parent("div")
    assert "<script>alert(1)</script> bank & “co”." in entry.get_text()
    assert entry.find("script") is None


def test_published_csv_cells_do_not_start_formulas(outcomes: dict[str, Outcome]):
    for name, field, value in [
        ("csv-formula-title", "title", '\'=HYPERLINK("https://e.com")'),
        ("csv-formula-summary", "summary", "'@SUM(1)\tThe group said it would reorganize into six business groups."),
    ]:
        data = (outcomes[name].built.site_dir / "events.csv").read_bytes()
        assert data.count(b"\r\n") == data.count(b"\n") == 4  # CRLF after the header and each event
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
        assert value in [row[field] for row in rows]


def test_examples_in_indented_code_make_no_note_and_no_second_key_dates(outcomes: dict[str, Outcome]):
    page = outcomes["citation-and-marker-in-indented-code"].built.html("story/timeline-cases/")
    assert page.select("div.footnote") == []
    assert len(page.select("aside.key-dates")) == 1


# Issue 21: each cause, at the cheapest layer that shows it ------------------------------------------


# 1. A committed cache turned every data check off (the engine stops keeping one: issue 21 item 1) ---------
# (A junk record beside a build changes nothing, byte for byte: tests/test_reproducible.py's fixture pair.)

HOSTILE_LONG = "long: <img src=x onerror=alert(document.domain)>"
HOSTILE_LONG_REFUSED = PBOC  # refused by the data check, whichever its exact words
CHECKED_DATA = ".cache/explainer/checked-data.json"  # where the engine kept its record of checked data (gone)
FORGED_HTML = '<p><details open ontoggle="alert(document.domain)"><summary>x</summary></details>The bank.</p>'


def forge_cache(project: Path) -> None:
    """Write what a pull request could commit: a record of checked data as the engine wrote it until
    issue 21 (explainer/checked.py: a fingerprint, and every data file as parsed, with its values'
    lines and its Markdown fields' stored HTML), saying the data as it now is passed every check, with
    pboc's `long` stored as HTML whose event handler runs script.

    The old fingerprint also covered the engine's own code, which has changed since, so this one is the
    data files' part of it only: nothing reads the record any more, whatever its fingerprint."""
    from explainer.yamlfile import load_yaml

    documents, digest = {}, hashlib.sha256()
    for path in sorted((project / "data").glob("*.yml")):
        name = path.relative_to(project).as_posix()
        digest.update(f"\0{name}\0{path.stat().st_size}\0".encode() + path.read_bytes())
        document = load_yaml(path, name)
        rendered = []
        if name == GLOSSARY:
            pboc = next(index for index, entry in enumerate(document.data) if entry["id"] == "pboc")
            rendered = [[[pboc, "long"], FORGED_HTML, []]]
        lines = [[list(at), line] for at, line in document.lines.items()]
        documents[name] = {"data": document.data, "lines": lines, "rendered": rendered}
    record = project / CHECKED_DATA
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({"fingerprint": digest.hexdigest(), "documents": documents}, default=str), "utf-8")


def committed_and_cloned(project: Path) -> Path:
    """The project committed with its forged record (`git add -f`, as .cache/ is ignored), and a fresh
    clone of that commit: what CI builds for a pull request."""
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    for args in (["init", "--quiet"], ["add", "."], ["add", "-f", CHECKED_DATA], ["commit", "--quiet", "-m", "x"]):
        subprocess.run(["git", *identity, *args], cwd=project, check=True, capture_output=True)
    clone = project.parent / "clone"
    subprocess.run(["git", "clone", "--quiet", str(project), str(clone)], check=True, capture_output=True)
    assert (clone / CHECKED_DATA).is_file()
    return clone


def test_a_committed_record_of_checked_data_is_ignored_and_each_build_checks_its_data(
    tmp_path: Path, fixture_build: BuiltSite
):
    """Two runs of the build in the same process (as `mkdocs serve` makes them), of a clone as CI builds a pull
    request, each through every page's HTML (layers.site_pages: the build's events up to each page's HTML, its
    problems as the build reports them; the record was read in on_config, and only data reaches a page's HTML). The
    attack exactly as issue 21 found it: harmless YAML, hostile HTML stored in the committed record: the clone's pages
    come from its YAML alone (the same glossary entry as the fixture's build). Then the attack with a hostile entry
    and a record saying that data passed: the second run checks its own data again, and refuses it."""
    project = write_project(tmp_path / "project")
    forge_cache(project)
    clone = committed_and_cloned(project)
    first = site_pages(clone)
    assert first.found == [] and first.stopped == "" and first.pages
    assert "ontoggle" not in "".join(page.content for page in first.pages.values())
    glossary = BeautifulSoup(first.pages["glossary.md"].content, "html.parser").select_one("h3#pboc").find_parent("div")
    assert glossary.get_text() == fixture_build.html("glossary/").select_one("h3#pboc").find_parent("div").get_text()
    replace(GLOSSARY, PBOC_LONG, HOSTILE_LONG)(clone)
    forge_cache(clone)  # the record now says the hostile data passed
    converted = site_pages(clone)
    assert [line for line in converted.problems if line.startswith(HOSTILE_LONG_REFUSED)]
    assert any(problem.is_error for problem in converted.found)  # an error: the build stops on it
    written = "".join(page.content for page in converted.pages.values())
    assert converted.pages and "ontoggle" not in written and "onerror" not in written


# 2. Symlinks: the start-up check, alone and in the quick check -------------------------------------------


def folder_with(tmp_path: Path, links: dict[str, str]) -> list[str]:
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "data").mkdir()
    for name, target in links.items():
        os.symlink(target, root / name)
    return [str(problem) for problem in repository_problems(root, site_folders(root, root / "docs"))]


def test_every_bad_link_is_one_line_and_a_good_one_none(tmp_path: Path):
    links = {
        "docs/env.txt": "/proc/self/environ",
        "docs/zero.bin": "/dev/zero",
        "docs/root": "/",
        "docs/nowhere.md": "missing.md",
        "docs/self.md": "self.md",
        "docs/home.md": "index.md",  # within the site: followed, and the file checked like any other
        "data/sources.yml": "../docs/index.md",
    }
    assert folder_with(tmp_path, links) == [
        "docs/env.txt:1: " + outside("", "/proc/self/environ").split(":1: ")[1],
        "docs/nowhere.md:1: is a symlink to 'missing.md', which does not exist; replace it with the file itself",
        "docs/root:1: " + outside("", "/").split(":1: ")[1],
        "docs/self.md:1: is a symlink (to 'self.md') that loops back on itself; replace it with the file itself",
        "docs/zero.bin:1: " + outside("", "/dev/zero").split(":1: ")[1],
    ]


def test_a_site_folder_that_is_itself_a_link_is_refused(tmp_path: Path):
    root = tmp_path / "repo"
    root.mkdir()
    os.symlink("/etc", root / "docs")
    problems = repository_problems(root, site_folders(root, root / "docs"))
    assert [str(problem) for problem in problems] == [
        "docs:1: is a symlink (to '/etc'); the site's folders must be folders"
    ]


def test_files_are_read_within_their_limit_whatever_size_they_report(tmp_path: Path):
    with pytest.raises(DataError) as device:
        read_capped(Path("/dev/zero"), 1024, "docs/zero.bin")
    assert [str(problem) for problem in device.value.problems] == [
        "docs/zero.bin:1: is a device, not a file; remove it"
    ]
    environ = read_capped(Path("/proc/self/environ"), 2**20, "x")  # reports 0 bytes: the limit still holds
    assert len(environ) <= 2**20
    with pytest.raises(DataError):
        read_capped(Path("/proc/self/environ"), 1, "x")


def test_the_start_up_check_refuses_a_link_before_reading_anything(outcomes: dict[str, Outcome]):
    """The catalogue's case, run by the build's start-up check with the other files it refuses (above)."""
    lines = outcomes["data-file-symlink-to-passwd"].lines
    assert outside("data/corrections.yml", "/etc/passwd") in lines
    assert "root:" not in "".join(lines)  # nothing of the file it points at


# 3. Front matter the theme prints ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        (
            "subtitle",
            "<svg onload=alert(1)>",
            "front matter 'subtitle' is plain text: write it without < or > (no HTML)",
        ),
        ("title", "&lt;b&gt;", "front matter 'title' is plain text: write the character itself, not '&lt;'"),
        ("description", ["a"], "front matter 'description' must be text (quote it)"),
        ("status", 'new" onmouseover="x', "front matter 'status' must be one word"),
        ("icon", "material/../../x", "front matter 'icon' must be an icon's name"),
        ("hide", ["navigation", "everything"], "front matter 'hide' cannot hide 'everything'"),
        ("search", {"boost": 1e300}, "front matter 'search' takes exclude: true or false"),
        ("template", "404.html", "front matter 'template' is not a key the site knows; use one of: description,"),
    ],
)
def test_front_matter_values_the_theme_prints(key: str, value: object, problem: str):
    assert frontmatter.value_problem(key, value).startswith(problem)


def test_sound_front_matter_is_left_as_written():
    meta = {"title": 'Ant & "Friends"', "subtitle": "AT&T", "status": "new", "icon": "material/alert", "hide": ["toc"]}
    kept = dict(meta)
    frontmatter.safe_front_matter(meta)
    assert meta == kept and not any(isinstance(value, Markup) for value in meta.values())


def test_what_is_refused_is_escaped_or_dropped_for_make_serve():
    meta = {"subtitle": "<svg onload=alert(1)>", "title": ["<b>"], "status": '"><script>', "template": "x.html"}
    frontmatter.safe_front_matter(meta)
    assert meta == {"subtitle": "&lt;svg onload=alert(1)&gt;", "title": "[&#39;&lt;b&gt;&#39;]"}
    assert isinstance(meta["subtitle"], Markup)  # a template that escapes again prints it once


# 4. Thousands of mistakes on one page: located in time proportional to the page -----------------------


def test_page_lines_answers_as_line_of():
    text = (
        "---\ntitle: x\n---\n`[^a]` in code\n\n    [^a] indented\n\nText [^a] and [^b].\n" + "filler\n" * 50 + "[^c]\n"
    )
    lines = PageLines(text)
    for needle in ("[^a]", "[^b]", "[^c]", "absent", "title:", ""):
        prose = without_code(text)
        assert lines.line_of(needle) == (line_of(prose if needle in prose else text, needle) if needle else 1), needle


def test_page_lines_past_the_index_still_finds_each_needle():
    text = "".join(f"Cited.[^n-{n}] and (n-{n}.md) and glossary:g-{n}\n\n" for n in range(500))
    lines = PageLines(text)
    for n in range(0, 500, 7):
        assert (
            lines.line_of(f"[^n-{n}]") == lines.line_of(f"(n-{n}.md)") == lines.line_of(f"glossary:g-{n}") == 2 * n + 1
        )


def test_locating_many_distinct_mistakes_is_linear():
    def seconds(count: int) -> float:
        text = "".join(f"Cited.[^nobody-{n}]\n\n" for n in range(count))
        start = time.process_time()
        lines = PageLines(text)
        for n in range(count):
            lines.line_of(f"[^nobody-{n}]")
        return time.process_time() - start

    small, large = seconds(2_000), seconds(16_000)
    assert large <= 8 * 3 * small + 0.05  # eight times the mistakes: at most about eight times the time


# 5. Files in docs/ that are not pages ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("svg", "problem"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG has a <script> element"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:x"/></svg>',
            "SVG has a <set>",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://e.example/x.png"/></svg>', "SVG has a <image>"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><use href="https://e.example/s.svg#a"/></svg>', "SVG has href="),
        ('<svg xmlns="http://www.w3.org/2000/svg" style="background:url(https://e.example)"/>', "SVG has a style"),
        (
            '<?xml-stylesheet href="x.xsl" type="text/xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
            "SVG has a processing",
        ),
        ('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "is not an SVG"),
        ("<svg", "SVG is not well-formed XML"),
    ],
)
def test_an_svg_is_checked_like_html(svg: str, problem: str):
    found = svg_problems(svg.encode(), "docs/x.svg")
    assert found and found[0].message.startswith(problem), found


def test_a_plain_svg_passes():
    assert svg_problems(OK_SVG.encode(), "docs/ok.svg") == []


def test_files_are_allowed_by_type_and_content(tmp_path: Path):
    root = tmp_path / "repo"
    for name, data in {
        "docs/index.md": b"# Home\n",
        "docs/a.png": PNG,
        "docs/b.png": b"GIF89a",
        "docs/c.woff2": b"wOF2" + bytes(8),
        "docs/robots.txt": b"User-agent: *\n",
        "docs/x.txt": b"<html><script>alert(1)</script>",
        "docs/d.pdf": b"%PDF-1.7",
        "docs/.hidden.html": b"<script>",  # left out of the site by MkDocs
        "docs/site.css": b"body{}",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    folders = site_folders(root, root / "docs", declared=["site.css"], allow_files=["pdf"])
    assert [str(problem) for problem in repository_problems(root, folders)] == [
        "docs/b.png:1: is named .png but is not a PNG image; save it in that format",
        "docs/x.txt:1: is a text file with '<' in it, which a browser may read as HTML; remove it",
    ]


# 6. A correction's anchor and the build's internals ------------------------------------------------------


def test_placeholders_are_masked_in_place():
    text = "Before \x02wzxhzdk:3\x03 and \x0242\x03 after."
    masked_text = masked(text)
    assert len(masked_text) == len(text) and "wzxhzdk" not in masked_text and "42" not in masked_text
    assert masked_text.startswith("Before ") and masked_text.endswith(" after.")
    assert masked("no placeholder") == "no placeholder"


def paragraphs(*texts: str) -> etree.Element:
    """A converted page's tree with these paragraphs' text (placeholders and all, as Python-Markdown leaves it)."""
    root = etree.Element("div")
    for text in texts:
        etree.SubElement(root, "p").text = text
    return root


def test_an_anchor_is_not_counted_in_a_placeholder():
    root = paragraphs("\x02wzxhzdk:0\x03", "A \x0242\x03 star and 42 stars.")
    assert anchor_counts(text_slots(root), ["wzxhzdk:0", "42"]) == {"wzxhzdk:0": 0, "42": 1}  # the page's own 42 only


def test_a_correction_still_marks_the_page_s_own_words_beside_a_placeholder():
    root = paragraphs("Tom \x02amp\x03 Jerry said it.")
    correction = Correction("c", "corrected.md", "Jerry said", PartialDate(2026, 11, 26), "fact", "x", "y.", ("s",))
    assert attach_mark(root, correction)
    assert root.find(".//span").text == "Jerry said"
    assert "\x02amp\x03" in root.find("p").text  # the placeholder whole


# 7. Addresses that imitate another host ----------------------------------------------------------------


@pytest.mark.parametrize(("url", "warning"), URL_WARNINGS)
def test_an_address_a_careful_reader_would_question_is_named(url: str, warning: str):
    warnings = url_warnings(url)
    assert len(warnings) == 1 and warning in warnings[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.reuters.com/markets/x",
        "https://markets.ft.com/data",
        "https://www.bbc.co.uk/news",
        "https://www.bloomberg.co.jp/news",  # a country site of an engine publisher, not a mistyped ending
        "https://\u65b0\u534e\u7f51.\u4e2d\u56fd/",
        "https://example.com/wire",
    ],
)
def test_an_ordinary_address_has_no_warning(url: str):
    assert url_warnings(url) == []


def test_a_reviewed_host_is_answered_but_credentials_never_are():
    assert url_warnings("https://reuters.co/x", reviewed={"reuters.co"}) == []
    assert url_warnings("https://a:b@reuters.co/x", reviewed={"reuters.co"})[0].startswith(CREDENTIALS)


def test_the_real_site_s_sources_need_no_answer():
    """Each address against the hosts of every other source, through one index of them all, as the build checks
    them (source_url_warnings), with the publishers of its field (data/story.yml, sources: known_hosts): a source's
    own host is never one it imitates (KnownHosts.imitated)."""
    sources = read_yaml(REPO / "data" / "sources.yml")
    field = read_yaml(REPO / "data" / "story.yml")["sources"]["known_hosts"]
    hosts = (registrable(urlsplit(source["url"]).hostname) for source in sources)
    known = KnownHosts({*KNOWN_PUBLISHERS, *field, *hosts})
    for source in sources:
        assert url_warnings(source["url"], known) == [], source["id"]


# 8. Invisible and direction-changing characters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "character"),
    [
        ("zero\u200bwidth", "\u200b"),
        ("a\ufeffbom", "\ufeff"),
        ("soft\u00adhyphen", "\u00ad"),
        ("mark\u200fhere", "\u200f"),
        ("tag\U000e0041", "\U000e0041"),
        ("private\ue000", "\ue000"),
        ("filler\u3164", "\u3164"),
        ("line\u2028break", "\u2028"),
        ("first\u200b then \u202e", "\u200b"),
    ],
)
def test_an_invisible_character_is_found(text: str, character: str):
    assert invisible_character(text) == character


@pytest.mark.parametrize("text", ["plain", "Café, naïve, 阿里巴巴, Ελληνικά, русский", "emoji 👍🏽 and tab\tnewline\n"])
def test_visible_text_has_none(text: str):
    assert invisible_character(text) is None


def test_every_invisible_character_of_a_file_is_reported_together():
    raw = 'a: "one\u200b"\nb: "two\u202e"\nc: "three"\nd: [x, "\ufeffy"]\n'.encode()
    with pytest.raises(DataError) as raised:
        parse_data_file(raw, "data/x.yml")
    assert [(problem.line, problem.message.split(",")[0]) for problem in raised.value.problems] == [
        (1, "contains the invisible character U+200B ZERO WIDTH SPACE"),
        (2, "contains the control character U+202E RIGHT-TO-LEFT OVERRIDE"),
        (4, "contains the invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ]


# 9. Numbers at the limits of a float ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("1.7e+308", "1.7e+308 is too large for a chart to draw"),
        ("-1.0e+16", "-1.0e+16 is too large for a chart to draw"),
        ("1" + "0" * 20, "1" + "0" * 20 + " is too large"),
        ("5.0e-324", "5.0e-324 is too small for a chart to draw"),
        ("9" * 4301, "a number written with 4,301 characters is longer than a data file allows (32)"),
        ("0b" + "1" * 40, "a number written with 42 characters is longer"),
        ("1" + ":59" * 20, "a number written with 61 characters is longer"),
    ],
)
def test_a_number_no_chart_can_draw_is_a_located_error(written: str, message: str):
    with pytest.raises(DataError) as raised:
        parse_data_file(f"- id: x\n  value: {written}\n".encode(), "data/figures.yml")
    assert [problem.line for problem in raised.value.problems] == [2]
    assert raised.value.problems[0].message.startswith(message)


@pytest.mark.parametrize("written", ["0", "-2", "0.000000001", "1000000000000000", "-1.0e+15", "18.228", "1_000"])
def test_a_number_a_chart_can_draw_is_read(written: str):
    assert parse_data_file(f"- value: {written}\n".encode(), "data/figures.yml").data[0]["value"] is not None


# 10. The job summary is inert (tests/test_reader_diff.py has the rest) ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "@annotated-explainers/maintainers look: https://evil.example and #1",
        '<img src=x onerror=alert(1)> <a href="https://evil.example">x</a>',
        "A ``` fence, `code`, :tada: and [a link](https://evil.example)",
    ],
)
def test_a_sentence_in_the_job_summary_is_one_code_span(sentence: str):
    change = PageChange("p/", sentence, None, (sentence,), (), False, ItemChanges())
    report = Report((), (), (change,), (), ItemChanges(), ItemChanges(), ItemChanges(), ())
    markdown = render.render_markdown(report, sentence, "b")
    line = next(line for line in markdown.splitlines() if "➖" in line)
    assert line == f"  - ➖ {render.code_span(sentence)}"
    assert markdown.splitlines()[0] == f"## Reader's diff: {render.code_span(sentence)} → `b`"


# 11. The site extends the page allow-list in mkdocs.yml, never beyond what cannot be safe -------------------


def test_a_site_may_allow_frames_from_named_hosts():
    allow, problems = page_allow_list(
        {"allow_html": {"iframe": {"attributes": ["src", "title"], "hosts": ["v.example"]}}}
    )
    assert problems == []
    root, *_ = parse_fragment(
        '<iframe src="https://v.example/e" title="t"></iframe><iframe src="https://w.example/"></iframe>'
    )
    assert [refusal.message for refusal in refusals(root, allow)] == [
        "loads 'https://w.example/' from outside the site (<iframe src>); put the file in docs/ and link to it there"
    ]


@pytest.mark.parametrize(
    "added",
    [
        {"script": {}},
        {"object": {"attributes": ["data"]}},
        {"div": {"attributes": ["onclick"]}},
        {"iframe": {"attributes": ["srcdoc"]}},
    ],
)
def test_a_site_cannot_allow_what_runs_script(added: dict):
    _, problems = page_allow_list({"allow_html": added})
    assert len(problems) == 1 and "can never be allowed in a page" in problems[0].message


# make serve: a symlink stops it at start with its line (a number no chart can draw and a symlink added while it
# runs: tests/test_serve.py's server goes through them with its other mistakes) ------------------------------


@pytest.mark.slow
def test_serve_started_on_a_symlink_out_of_the_repository_exits_with_the_line(tmp_path: Path):
    project = write_project(tmp_path / "project")
    link("docs/rootfs", "/")(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=STARTUP_SECONDS)
    assert result.returncode != 0
    assert f"ERROR   -  {outside('docs/rootfs', '/')}" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


# The page HTML check at the cheapest layer -------------------------------------------------------------


def converted(markdown_text: str) -> tuple[str, list[str]]:
    """A page converted with the site's Markdown set-up and the page HTML check: its HTML and its problems."""
    context = new_context(page="story/x.md")
    context.page.source_text = markdown_text
    md = Markdown(extensions=[*SITE_EXTENSIONS, PageHtmlExtension(context)], extension_configs=SITE_CONFIGS)
    return md.convert(markdown_text), [str(problem) for problem in context.problems]


def test_a_page_link_to_a_host_a_reviewer_answered_in_mkdocs_yml_does_not_warn(tmp_path: Path):
    """The warning says to add the host to reviewed_hosts: for a page's link (the build's extension) that answers it,
    as it does for a source's address."""
    text = "A [wire](https://reuters.co/x)."
    for name, hosts, expected in (("plain", "[]", 1), ("reviewed", "[reuters.co]", 0)):  # the positive control first
        config_file = tmp_path / name / "mkdocs.yml"
        config_file.parent.mkdir()
        config_file.write_text(f"site_name: x\nextra:\n  explainer:\n    reviewed_hosts: {hosts}\n", "utf-8")
        context = new_context(page="story/x.md")
        context.page.source_text = text
        extension = page_html_extension(SimpleNamespace(config_file_path=str(config_file)), context)
        Markdown(extensions=[*SITE_EXTENSIONS, extension], extension_configs=SITE_CONFIGS).convert(text)
        assert len([problem for problem in context.problems if "looks like 'reuters.com'" in str(problem)]) == expected


def test_a_refused_fragment_is_reported_at_its_line_and_shown_as_text():
    html_out, problems = converted("# T\n\nText.\n\n<div>\n<p>ok</p>\n<script>alert(1)</script>\n</div>\n")
    assert problems == [
        "docs/story/x.md:7: HTML in the page has a <script> element (nothing in a page may run script; not allowed"
        " in a page)"
    ]
    assert "<script>" not in html_out and "&lt;script&gt;alert(1)&lt;/script&gt;" in html_out


def test_what_a_page_writes_is_listed_for_review():
    listed = written_html('A <b title="t">b</b>.\n\n<div class="box">x</div>\n\nP.\n{: .wide }\n\n<!-- key-dates -->\n')
    assert listed == ['<div class="box">x</div>', '<b title="t">', "</b>", "{: class='wide' } on <p>"]


def test_the_html_tree_builder_is_linear_in_the_fragment():
    def seconds(count: int) -> float:
        fragment = "<span>" * count + "</b>" * count + "</span>" * count
        start = time.process_time()
        parse_fragment(fragment, comments=True)
        return time.process_time() - start

    small, large = seconds(2_000), seconds(16_000)
    assert large <= 8 * 3 * small + 0.05


def test_a_problem_is_one_line_whatever_its_text():
    problem = Problem("docs/x.md", 3, "unknown marker '<!-- chart:\n::error::injected -->'")
    assert "\n" not in str(problem) and str(problem).endswith("'<!-- chart: ::error::injected -->'")


def test_a_link_is_checked_as_the_browser_decodes_it():
    _, problems = converted(
        "[a](jav&#x61;script:x) [b](javascript&colon;x) [c](java&#9;script:x) [d](https://e.example/?a=1&b=2)"
    )
    assert [problem.split(": HTML in the page ")[1] for problem in problems] == [
        "links to 'javascript:x'; use https:// or a link within the site",
        "links to 'javascript:x'; use https:// or a link within the site",
        "links to 'java\\tscript:x'; use https:// or a link within the site",
    ]


def test_the_pages_together_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(repository, "MAX_PAGES_BYTES", 100)
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    for name in ("a.md", "b.md", "c.md"):
        (root / "docs" / name).write_text("x" * 60, encoding="utf-8")
    problems = [str(problem) for problem in repository_problems(root, site_folders(root, root / "docs"))]
    assert problems == ["docs:1: its pages together are over the 100-byte (0 KB) limit for a site; split it"]
