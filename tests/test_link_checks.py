"""Links and the nav are checked by MkDocs' own validation (`validation:` in mkdocs.yml, at `warn`), and
each of its findings is reported with its page and line (explainer_mkdocs.reporting): a catalogue of
link and nav mistakes (tests/catalogue.py: LINK_CASES, with their lines), built once, gives one located
line each, worded as the rest, and no raw MkDocs message. The page is run here only: that the quick check,
which is the build, reports what the build does is tests/test_bad_inputs.py's (the wiring).

Every one of them is a warning, as is the engine's own in the same project (a glossary entry never mentioned): the
real `mkdocs build --strict` builds every page and then fails, MkDocs counting these warnings and nothing else. The
same project holds the hostile inputs' page of 3,000 broken links (tests/catalogue.py: HOSTILE_CASES, SITE), each
one line too, on a page of its own.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from catalogue import HOSTILE_CASES, LINK_CASES, MISTAKES, MKDOCS_STRICT_ABORT, SITE, links_page
from conftest import BuiltSite, mkdocs_command, write_project
from test_bad_inputs import levelled, logged

# MkDocs' own wording, which must never reach the contributor: every finding is reworded at its line.
MKDOCS_WORDING = re.compile(r"^(Doc file '|A reference to '|The following pages exist)")


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess:
    """Needs a build: links and the nav are checked by MkDocs itself, and strictness is MkDocs' own. The catalogue built
    once for the module by the real `mkdocs build --strict` (MkDocs' command line, in this process: a process of its
    own is tests/test_bad_inputs.py's), with the site's own validation settings; with the engine's own warning of a
    glossary entry never mentioned (in data/glossary.yml, the first file); and the hostile inputs' page of thousands
    of broken links (docs/corrected.md, which no other case touches).
    """
    project = write_project(tmp_path_factory.mktemp("links") / "project")
    links_page(project)
    ENGINE_WARNING.make(project)
    MANY_LINKS.edit(project)
    return mkdocs_command(project, "build", "--strict", "-d", str(project / "site"))


ENGINE_WARNING = MISTAKES["glossary-entry-never-mentioned"]
IN_FILE_ORDER = [ENGINE_WARNING, *LINK_CASES]
(MANY_LINKS,) = [case for case in HOSTILE_CASES if case.layer == SITE]  # page-of-3000-broken-links
MANY_LINKS_PAGE = MANY_LINKS.refused.split(":", 1)[0]  # docs/corrected.md


def file_of(line: tuple[str, str]) -> str:
    return line[1].split(":", 1)[0]


def test_ours_name_the_line_and_say_what_to_do(catalogue: subprocess.CompletedProcess):
    """The build reports each at its line, worded as the rest, and nothing else: every line compared, each at the
    warning level, which MkDocs' --strict counts, the engine's own too."""
    lines = levelled(catalogue.stderr.splitlines())
    assert [line for line in lines if file_of(line) != MANY_LINKS_PAGE] == [
        (mistake.level, mistake.message) for mistake in IN_FILE_ORDER
    ]
    assert {mistake.level for mistake in IN_FILE_ORDER} == {"warning"}


def test_a_page_of_thousands_of_broken_links_gives_one_line_each(catalogue: subprocess.CompletedProcess):
    """Issue 21 (tests/test_hostile_inputs.py): MkDocs warns of each link, and each is reported at its own line, in
    order (a link every other line), worded as the first: every line compared."""
    first = int(MANY_LINKS.refused.split(":")[1])
    expected = [
        ("warning", MANY_LINKS.refused.replace(f":{first}:", f":{first + 2 * n}:").replace("-0.md", f"-{n}.md"))
        for n in range(MANY_LINKS.lines)
    ]
    lines = levelled(catalogue.stderr.splitlines())
    assert [line for line in lines if file_of(line) == MANY_LINKS_PAGE] == expected


def test_a_warning_fails_the_strict_command_only(catalogue: subprocess.CompletedProcess):
    """Needs the real `mkdocs build --strict` (strictness is MkDocs' own): it fails on these warnings. The positive
    control of "only": MkDocs built every page and then aborted for these warnings, counted once each, and for nothing
    else (a problem that stopped the build would have ended it before, with another last line)."""
    assert catalogue.returncode != 0
    assert catalogue.stdout.splitlines()[-1:] == [
        MKDOCS_STRICT_ABORT.format(count=len(IN_FILE_ORDER) + MANY_LINKS.lines)
    ]
    assert "Traceback" not in catalogue.stdout + catalogue.stderr


def test_no_message_of_mkdocs_gets_through_unplaced(catalogue: subprocess.CompletedProcess):
    messages = logged(catalogue)
    assert [message for message in messages if MKDOCS_WORDING.match(message)] == []
    assert not any("nowhere-in-code.md" in message for message in messages)  # code is not a link


def test_the_site_decides_what_mkdocs_checks(variant_build: BuiltSite):
    """The session's variant of the fixture (tests/conftest.py): the same page of link mistakes and nav, with every
    check of MkDocs' `validation:` turned off."""
    assert variant_build.ok
    assert variant_build.html("links/").find("a", string="missing page") is not None  # the positive control: built
    assert variant_build.located == []
