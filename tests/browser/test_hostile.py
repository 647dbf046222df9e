"""Hostile inputs run nothing in a real browser (tests/test_hostile_inputs.py has the catalogue).

Two sites are served and opened in Chromium, each page listened to for dialogs and console
messages while it loads and while the pointer rests on its links and elements, and each page asked
whether any of the payloads ran (they set `window.__pwned` as well as opening a dialog):

- the fixture site with every built hostile input that can share it (what the checks let through:
  quotes and ampersands in titles, allowed HTML in a page, an allowed SVG opened on its own, ...);
- the preview `make serve` shows of inputs the build refuses (front matter the theme prints, raw
  HTML in pages, a data attribute list): `mkdocs serve` goes on with the problems in a box on every
  page, so a reviewer previewing a pull request opens exactly these pages.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import build_project, write_project
from test_bad_inputs import append, replace, together, write
from test_hostile_inputs import CASES, FIGURES, INDEX, THE_FALL

from .conftest import serve

# What the pages log is listened to: as a reader's, with the real search index (conftest.Contexts).
pytestmark = pytest.mark.real_search

# Built inputs that edit different lines, so one site can hold them all.
TOGETHER = (
    "title-with-quotes-and-ampersand",
    "description-with-quotes",
    "event-title-with-quotes-and-ampersand",
    "tooltip-breaking-out-of-title",
    "long-escaped-script-stays-text",
    "citation-and-marker-in-indented-code",
    "page-allowed-html",
    "front-matter-allowed-keys",
    "plain-svg-png-and-font",
    "symlink-within-the-site",
    "figures-at-the-limits",
    "source-url-look-alike-answered",
)
PAGES = ("", "story/the-fall/", "story/glossary-cases/", "story/timeline-cases/", "glossary/", "timeline/", "home/")
FILES = ("assets/ok.svg",)  # opened on their own, as a link to them would

PAYLOAD = "window.__pwned=1;console.log(1337);alert(document.domain)"
# Inputs the build refuses, as `make serve` shows them (see the module's docstring).
PREVIEWED = together(
    replace(INDEX, "title: Home\n", f'title: Home\nsubtitle: "<svg width=0 height=0 onload={PAYLOAD}></svg>"\n'),
    write(
        "docs/notes.md",
        f"---\ntitle: Notes\ndescription: Notes.\nstatus: 'new\" onmouseover=\"{PAYLOAD}'\n---\n# Notes\n\nText.\n",
    ),
    write("docs/more.md", f"subtitle: <img src=x onerror={PAYLOAD}>\n\n# More\n\nText.\n"),
    append(
        THE_FALL,
        f"\n<script>{PAYLOAD}</script>\n\n"
        f'Some <span onmouseover="{PAYLOAD}">words</span> here.\n\n'
        f'A paragraph.\n{{: onmouseover="{PAYLOAD}" }}\n\n'
        f"A [link](javascript:{PAYLOAD}) and ![x](https://e.example/x.png).\n\n"
        f'<div markdown="1" onmouseover="{PAYLOAD}">\n*inside*\n</div>\n\n'
        f"<!--><img src=x onerror={PAYLOAD}>-->\n\n"
        f'<svg><a href="javascript:{PAYLOAD}"><text>x</text></a></svg>\n',
    ),
    replace(FIGURES, "note: Month-level figure.", f"note: 'Month-level figure. {{: onmouseover={PAYLOAD} }}'"),
)
PREVIEW_PAGES = ("", "notes/", "more/", "story/the-fall/", "glossary/")
SERVING_FLAG = "EXPLAINER_RELOAD_HOOKS"  # what `mkdocs serve` sets (explainer_mkdocs.reloading)


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


@pytest.fixture(scope="module")
def preview_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The refused inputs built as `mkdocs serve` builds them: problems in a box, the site still written.

    In a process of its own: `mkdocs serve`'s mode also reloads the engine's modules after a build.
    """
    project = write_project(tmp_path_factory.mktemp("preview") / "project")
    PREVIEWED(project)
    env = {**os.environ, SERVING_FLAG: "1", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")]
    built = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert built.stderr.count("HTML in the page") >= 8
    yield from serve(project / "site")


# Where the pointer rests on an element, as Playwright's hover puts it: scrolled into view, the middle of
# its first box; a picture's mark on its shape (a named event's link also spans the empty space to its
# label). Null when something else lies over that point, which hover would wait for.
RESTING_POINT = """el => {
  const shape = el.querySelector(':scope > circle, :scope > rect') || el;
  shape.scrollIntoView({block: 'nearest', inline: 'nearest'});
  const box = shape.getClientRects()[0];
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  return shape.contains(document.elementFromPoint(x, y)) ? {x, y} : null;
}"""


def visit(page, url: str) -> tuple[list[str], list[str]]:
    """Open `url`, rest the pointer on its links and elements; the dialogs and console messages that came up."""
    dialogs: list[str] = []
    console: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: console.append(message.text))
    page.goto(url)
    page.wait_for_load_state("load")
    elements = page.locator("article a:visible, article span:visible, article p:visible")
    # Two calls to Chromium an element (where, then the pointer there) instead of a hover's checks.
    for element in elements.element_handles()[:120]:
        if point := element.evaluate(RESTING_POINT):
            page.mouse.move(point["x"], point["y"])
        else:  # covered: let Playwright wait for it, as it would have
            shape = element.query_selector(":scope > circle, :scope > rect")
            (shape or element).hover()
    page.mouse.move(0, 0)
    page.wait_for_timeout(200)
    return dialogs, [text for text in console if "1337" in text]


def nothing_ran(page) -> bool:
    return page.evaluate(
        "() => window.__pwned === undefined && !document.querySelector('[onmouseover], [onclick], [onerror], [onload]')"
    )


@pytest.mark.parametrize("path", PAGES)
def test_no_script_from_the_data_runs(page, hostile_site_url: str, path: str):
    dialogs, console = visit(page, hostile_site_url + path)
    assert (dialogs, console) == ([], [])
    assert nothing_ran(page)


@pytest.mark.parametrize("path", FILES)
def test_an_allowed_file_opened_on_its_own_runs_nothing(page, hostile_site_url: str, path: str):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_site_url + path)
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.evaluate("() => document.querySelectorAll('script').length") == 0


@pytest.mark.parametrize("path", PREVIEW_PAGES)
def test_what_the_build_refuses_runs_nothing_in_the_preview(page, preview_site_url: str, path: str):
    dialogs, console = visit(page, preview_site_url + path)
    assert (dialogs, console) == ([], [])
    assert nothing_ran(page)
    assert page.locator(".explainer-preview-problems").count() == 1  # the problems are shown, not hidden


def test_the_preview_shows_a_refused_subtitle_as_text(page, preview_site_url: str):
    page.goto(preview_site_url)
    subtitles = page.locator("nav small").all_inner_texts()
    assert any("<svg width=0 height=0 onload=" in text for text in subtitles), subtitles
