"""Links and the nav are checked by MkDocs' own validation (`validation:` in mkdocs.yml, at `warn`), and
each of its findings is reported with its page and line (explainer_mkdocs.reporting): a catalogue of
link and nav mistakes (tests/catalogue.py: LINK_CASES, with their lines), built once, gives one located
line each, worded as the rest, and no raw MkDocs message; the quick check, which is the build, finds
the same (tests/test_bad_inputs.py runs the catalogue's cases that need a whole build through it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from catalogue import LINK_CASES, links_page
from conftest import BuiltSite, build_project, write_project

# MkDocs' own wording, which must never reach the contributor: every finding is reworded at its line.
MKDOCS_WORDING = re.compile(r"^(Doc file '|A reference to '|The following pages exist)")
MKDOCS_OFF = {
    "nav": {"omitted_files": "ignore", "not_found": "ignore", "absolute_links": "ignore"},
    "links": {"not_found": "ignore", "anchors": "ignore", "absolute_links": "ignore", "unrecognized_links": "ignore"},
}


def catalogue_project(tmp_path: Path, validation: dict | None = None) -> Path:
    """The fixture with the catalogue's page of link mistakes (tests/catalogue.py: LINK_CASES)."""
    project = write_project(tmp_path / "project")
    links_page(project)
    if validation is not None:
        config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
        config["validation"] = validation
        (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, Path]:
    """Needs a build: links and the nav are checked by MkDocs itself (one build for the catalogue, module-scoped). The
    catalogue built with the site's own validation settings, and its project.
    """
    project = catalogue_project(tmp_path_factory.mktemp("links"))
    return build_project(project, strict=False), project


def test_ours_name_the_line_and_say_what_to_do(catalogue: tuple[BuiltSite, Path]):
    """The build reports each at its line, worded as the rest (the quick check finds the same:
    tests/test_bad_inputs.py runs the catalogue's scenario through it)."""
    assert catalogue[0].problem_lines == [(mistake.level, mistake.message) for mistake in LINK_CASES]


def test_no_message_of_mkdocs_gets_through_unplaced(catalogue: tuple[BuiltSite, Path]):
    built, _ = catalogue
    assert [message for message in built.messages if MKDOCS_WORDING.match(message)] == []
    assert not any("nowhere-in-code.md" in line for line in built.located)  # code is not a link


def test_the_site_decides_what_mkdocs_checks(tmp_path: Path):
    """Needs a build: MkDocs' `validation:` settings."""
    built = build_project(catalogue_project(tmp_path, MKDOCS_OFF), strict=False)
    assert built.ok and built.pages()  # the positive control: the page of mistakes built
    assert built.located == []
