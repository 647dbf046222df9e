"""Links and the nav are checked by MkDocs' own validation (`validation:` in mkdocs.yml, at `warn`), and
each of its findings is reported with its page and line (explainer_mkdocs.reporting): a catalogue of
link and nav mistakes, built once, gives one located line each, worded as the rest, and no raw
MkDocs message; the quick check, which is the build, finds the same.
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

# MkDocs' own wording, which must never reach the contributor: every finding is reworded at its line.
MKDOCS_WORDING = re.compile(r"^(Doc file '|A reference to '|The following pages exist)")
MKDOCS_OFF = {
    "nav": {"omitted_files": "ignore", "not_found": "ignore", "absolute_links": "ignore"},
    "links": {"not_found": "ignore", "anchors": "ignore", "absolute_links": "ignore", "unrecognized_links": "ignore"},
}


def catalogue_project(tmp_path: Path, validation: dict | None = None) -> Path:
    project = write_project(tmp_path / "project", nav=NAV)
    (project / "docs" / "links.md").write_text(LINKS_PAGE, encoding="utf-8")
    if validation is not None:
        config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
        config["validation"] = validation
        (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, Path]:
    """The catalogue built with the site's own validation settings, and its project."""
    project = catalogue_project(tmp_path_factory.mktemp("links"))
    return build_project(project, strict=False), project


def test_ours_name_the_line_and_say_what_to_do(catalogue: tuple[BuiltSite, Path]):
    page = LINKS_PAGE.splitlines()
    line = {
        word: next(number for number, text in enumerate(page, 1) if word in text)
        for word in ("missing", "heading", "absolute", "image")
    }
    assert catalogue[0].located == [
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
        f"mkdocs.yml:{nav_line(catalogue[1], 'gone.md')}: nav lists 'gone.md', which is no file of docs/",
    ]


def nav_line(project: Path, entry: str) -> int:
    """The line of a nav entry in the project's mkdocs.yml."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(text, 1) if line.strip() == f"- {entry}")


def test_the_quick_check_finds_the_same(catalogue: tuple[BuiltSite, Path]):
    ours, project = catalogue
    assert [str(problem) for problem in validate.problems_of(project / "mkdocs.yml")] == ours.located


def test_no_message_of_mkdocs_gets_through_unplaced(catalogue: tuple[BuiltSite, Path]):
    built, _ = catalogue
    assert [message for message in built.messages if MKDOCS_WORDING.match(message)] == []
    assert not any("nowhere-in-code.md" in line for line in built.located)  # code is not a link


def test_the_site_decides_what_mkdocs_checks(tmp_path: Path):
    built = build_project(catalogue_project(tmp_path, MKDOCS_OFF), strict=False)
    assert built.located == []
