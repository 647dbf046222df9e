"""Links and the nav are checked by MkDocs' own validation (`validation:` in mkdocs.yml, at `warn`), and
each of its findings is reported with its page and line (explainer_mkdocs.reporting): a catalogue of
link and nav mistakes (tests/catalogue.py: LINK_CASES, with their lines), built once, gives one located
line each, worded as the rest, and no raw MkDocs message. The page is run here only: that the quick check,
which is the build, reports what the build does is tests/test_bad_inputs.py's (the wiring).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from catalogue import LINK_CASES, links_page
from conftest import BuiltSite, build_project, write_project

# MkDocs' own wording, which must never reach the contributor: every finding is reworded at its line.
MKDOCS_WORDING = re.compile(r"^(Doc file '|A reference to '|The following pages exist)")


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, Path]:
    """Needs a build: links and the nav are checked by MkDocs itself (one build for the catalogue, module-scoped). The
    catalogue built with the site's own validation settings, and its project.
    """
    project = write_project(tmp_path_factory.mktemp("links") / "project")
    links_page(project)
    return build_project(project, strict=False), project


def test_ours_name_the_line_and_say_what_to_do(catalogue: tuple[BuiltSite, Path]):
    """The build reports each at its line, worded as the rest, and nothing else: every line compared."""
    assert catalogue[0].problem_lines == [(mistake.level, mistake.message) for mistake in LINK_CASES]


def test_no_message_of_mkdocs_gets_through_unplaced(catalogue: tuple[BuiltSite, Path]):
    built, _ = catalogue
    assert [message for message in built.messages if MKDOCS_WORDING.match(message)] == []
    assert not any("nowhere-in-code.md" in line for line in built.located)  # code is not a link


def test_the_site_decides_what_mkdocs_checks(variant_build: BuiltSite):
    """The session's variant of the fixture (tests/conftest.py): the same page of link mistakes and nav, with every
    check of MkDocs' `validation:` turned off."""
    assert variant_build.ok
    assert variant_build.html("links/").find("a", string="missing page") is not None  # the positive control: built
    assert variant_build.located == []
