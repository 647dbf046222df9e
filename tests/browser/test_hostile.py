"""Hostile inputs that build (tests/test_hostile_inputs.py) run nothing in a real browser.

The fixture site, with every built hostile input that can share it, is served and opened in
Chromium: no dialog opens while each page loads and while the pointer rests on every link.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import build_project, write_project
from test_hostile_inputs import CASES

from .conftest import serve

# Built inputs that edit different lines, so one site can hold them all.
TOGETHER = (
    "title-with-quotes-and-ampersand",
    "description-with-quotes",
    "event-title-with-quotes-and-ampersand",
    "tooltip-breaking-out-of-title",
    "long-escaped-script-stays-text",
    "citation-and-marker-in-indented-code",
)
PAGES = ("", "story/the-fall/", "story/glossary-cases/", "story/timeline-cases/", "glossary/", "timeline/")


@pytest.fixture(scope="module")
def hostile_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = write_project(tmp_path_factory.mktemp("hostile") / "project")
    cases = {case.name: case for case in CASES}
    for name in TOGETHER:
        assert cases[name].built
        cases[name].edit(project)
    built = build_project(project)
    assert built.ok, built.messages
    yield from serve(Path(built.site_dir))


@pytest.mark.parametrize("path", PAGES)
def test_no_script_from_the_data_runs(page, hostile_site_url: str, path: str):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_site_url + path)
    page.wait_for_load_state("load")
    for link in page.locator("article a:visible").all()[:80]:
        # A picture's mark: its shape (a named event's link also spans the empty space to its label).
        shape = link.locator(":scope > circle, :scope > rect")
        (shape.first if shape.count() else link).hover()
    page.mouse.move(0, 0)
    assert dialogs == []
    assert page.evaluate("() => document.querySelectorAll('[onmouseover], [onclick], [onerror]').length") == 0
