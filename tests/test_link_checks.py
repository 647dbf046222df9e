"""Our link and nav checks miss nothing MkDocs' own would catch, and name the page and line of each.

mkdocs.yml turns MkDocs' own link and nav validation off (`validation:`), because its messages
name no line ("Doc file 'x.md' contains a link 'y.md', but the target is not found ...") and so
make no annotation on a pull request; hooks/explainer/links.py and nav.py check the same. Here a
fixture with a catalogue of link and nav mistakes is built with MkDocs' checks at `warn`, once
with ours too and once (for contrast) with its validation off: every warning of MkDocs has a
line of ours that names the same page (or mkdocs.yml) and the same target.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import BuiltSite, build_project, write_project

from explainer import validate

GENERATED = ["timeline.md", "glossary.md", "sources.md", "corrections.md"]
CHAPTERS = ["story/the-fall.md", "story/glossary-cases.md", "story/timeline-cases.md", "story/glossary-every.md"]
# The nav leaves out ties.md and lists a file that does not exist.
NAV = [{"Home": "index.md"}, {"The story": CHAPTERS}, "corrected.md", "links.md", "gone.md", *GENERATED]

LINKS_PAGE = """---
title: Links
description: A catalogue of link mistakes.
---

# Links

A [missing page](nowhere.md) and a [missing page in a folder](story/nowhere.md).

A [heading the page lacks](story/the-fall.md#no-such-heading), and [one on this page](#not-here).

An [absolute link](/story/the-fall.md) and an [unrecognized one](story/the-fall).

An image that is not there: ![a chart](chart.png).

These are fine: [a page](story/the-fall.md), [a heading](#links), [another site](https://example.com/x),
[a folder's page](story/the-fall.md#the-fall), and `[code](nowhere-in-code.md)`.
"""

MKDOCS_WARNS = {
    "nav": {"omitted_files": "warn", "not_found": "warn", "absolute_links": "info"},
    "links": {"not_found": "warn", "anchors": "warn", "absolute_links": "warn", "unrecognized_links": "warn"},
}
MKDOCS_OFF = {
    "nav": {"omitted_files": "ignore", "not_found": "ignore", "absolute_links": "ignore"},
    "links": {"not_found": "ignore", "anchors": "ignore", "absolute_links": "ignore", "unrecognized_links": "ignore"},
}

# What MkDocs says, and what it is about: (the page or "mkdocs.yml", the target).
MKDOCS_LINK = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains an? (?:absolute |unrecognized relative )?link '(?P<target>[^']+)'"
)
MKDOCS_NAV_MISSING = re.compile(r"^A reference to '(?P<target>[^']+)' is included in the 'nav' configuration")
MKDOCS_NOT_IN_NAV = 'The following pages exist in the docs directory, but are not included in the "nav" configuration:'


def catalogue_project(tmp_path: Path, validation: dict) -> Path:
    project = write_project(tmp_path / "project", nav=NAV)
    (project / "docs" / "links.md").write_text(LINKS_PAGE, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["validation"] = validation
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


def mkdocs_findings(built: BuiltSite) -> set[tuple[str, str]]:
    """(page or 'mkdocs.yml', target) of every link or nav warning MkDocs logged."""
    found = set()
    for message in built.messages:
        if match := MKDOCS_LINK.match(message):
            found.add((f"docs/{match['page']}", match["target"]))
        elif match := MKDOCS_NAV_MISSING.match(message):
            found.add(("mkdocs.yml", match["target"]))
        elif message.startswith(MKDOCS_NOT_IN_NAV):
            found |= {(f"docs/{line.strip()[2:]}", "nav") for line in message.splitlines()[1:]}
    return found


def covers(ours: str, finding: tuple[str, str]) -> bool:
    """Whether our line `file:line: message` is about the same page (or mkdocs.yml) and target."""
    page, target = finding
    if not ours.startswith(f"{page}:"):
        return False
    if target == "nav":
        return "not in the nav of mkdocs.yml" in ours
    return f"'{target}'" in ours


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite, Path]:
    """The catalogue built with MkDocs' checks at `warn` (ours on too), and with MkDocs' off (ours alone);
    and the project of the second."""
    warned = build_project(catalogue_project(tmp_path_factory.mktemp("warn"), MKDOCS_WARNS), strict=False)
    project = catalogue_project(tmp_path_factory.mktemp("off"), MKDOCS_OFF)
    return warned, build_project(project, strict=False), project


def test_mkdocs_finds_the_whole_catalogue(both: tuple[BuiltSite, BuiltSite, Path]):
    """The catalogue is what it claims to be: each kind of mistake draws a warning from MkDocs."""
    found = mkdocs_findings(both[0])
    assert found >= {
        ("docs/links.md", "nowhere.md"),
        ("docs/links.md", "story/nowhere.md"),
        ("docs/links.md", "story/the-fall.md#no-such-heading"),
        ("docs/links.md", "#not-here"),
        ("docs/links.md", "/story/the-fall.md"),
        ("docs/links.md", "story/the-fall"),
        ("docs/links.md", "chart.png"),
        ("mkdocs.yml", "gone.md"),
        ("docs/ties.md", "nav"),
    }, both[0].messages


def test_every_mkdocs_warning_has_a_line_of_ours(both: tuple[BuiltSite, BuiltSite, Path]):
    warned, ours, _ = both
    lines = ours.located
    missed = [finding for finding in mkdocs_findings(warned) if not any(covers(line, finding) for line in lines)]
    assert missed == [], lines
    assert mkdocs_findings(ours) == set()  # with MkDocs' own checks off, only ours speak
    assert not any("nowhere-in-code.md" in line for line in lines)  # code is not a link


def test_ours_name_the_line_and_say_what_to_do(both: tuple[BuiltSite, BuiltSite, Path]):
    page = LINKS_PAGE.splitlines()
    line = {
        word: next(number for number, text in enumerate(page, 1) if word in text)
        for word in ("missing", "heading", "absolute", "image")
    }
    assert both[1].located == [
        f"docs/links.md:{line['missing']}: link 'nowhere.md' leads to no file: there is no docs/nowhere.md",
        f"docs/links.md:{line['missing']}: link 'story/nowhere.md' leads to no file: there is no docs/story/nowhere.md",
        f"docs/links.md:{line['heading']}: link '#not-here' leads to no heading or element with id 'not-here'"
        " on this page",
        f"docs/links.md:{line['heading']}: link 'story/the-fall.md#no-such-heading' leads to no heading or element"
        " with id 'no-such-heading' in docs/story/the-fall.md",
        f"docs/links.md:{line['absolute']}: link '/story/the-fall.md' starts with '/'; link the file relative to this"
        " page (did you mean 'story/the-fall.md'?)",
        f"docs/links.md:{line['absolute']}: link 'story/the-fall' is not a link to a file; link the page's .md file"
        " (did you mean 'story/the-fall.md'?)",
        f"docs/links.md:{line['image']}: link 'chart.png' leads to no file: there is no docs/chart.png",
        "docs/ties.md:1: page is not in the nav of mkdocs.yml, so no menu leads to it; add it to the nav",
        f"mkdocs.yml:{nav_line(both[2], 'gone.md')}: nav lists 'gone.md', which is no file of docs/",
    ]


def nav_line(project: Path, entry: str) -> int:
    """The line of a nav entry in the project's mkdocs.yml."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(text, 1) if line.strip() == f"- {entry}")


def test_the_quick_check_finds_the_same(both: tuple[BuiltSite, BuiltSite, Path]):
    _, ours, project = both
    assert [str(problem) for problem in validate.problems_of(project / "mkdocs.yml")] == ours.located
