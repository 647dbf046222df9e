"""The home page's list of chapters is made at build time from the nav and each chapter's front matter.

`<!-- chapters -->` on a page becomes one numbered line per story page (docs/story/*.md): its title
linked to it, then its front matter `description`, in the nav's order. A new chapter appears on
the home page without editing it.
"""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, BuiltSite
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data


def listed(built: BuiltSite) -> list[tuple[str, str, str]]:
    """(title, href, whole text) of each item of the home page's list of chapters."""
    items = built.html("").select("article ol > li")
    return [(item.a.get_text(), item.a["href"], item.get_text(" ", strip=True)) for item in items]


def test_the_list_follows_the_nav_with_each_chapter_s_description_and_a_new_chapter_appears(variant_build: BuiltSite):
    """The session's variant of the fixture (tests/conftest.py): a new chapter, given a file and a nav entry, appears
    without editing the home page."""
    assert variant_build.ok, variant_build.messages
    assert listed(variant_build) == [
        ("The fall", "story/the-fall/", "The fall : The fixture’s story page."),
        # Front matter is plain text: shown as written, never read as Markdown.
        ("A new chapter", "story/new/", "A new chapter : What happened next, in *one* sentence & [no link]."),
        ("Glossary cases", "story/glossary-cases/", "Glossary cases : Where glossary mentions are and are not marked."),
        (
            "Timeline cases",
            "story/timeline-cases/",
            "Timeline cases : A fixture page for the Key dates block and inline event links.",
        ),
        (
            "Every mention",
            "story/glossary-every/",
            "Every mention : A page that marks every glossary mention and forces one.",
        ),
    ]


def test_without_a_nav_the_chapters_come_in_file_order(default_vocabulary_build: BuiltSite):
    """Without a nav, MkDocs' own order of files: the session's build of the fixture with no nav (tests/conftest.py)."""
    built = default_vocabulary_build
    assert built.ok, built.messages
    assert [href for _, href, _ in listed(built)] == [
        "story/glossary-cases/",
        "story/glossary-every/",
        "story/the-fall/",
        "story/timeline-cases/",
    ]


# A chapter without a description, one out of the nav, a misspelt marker: tests/catalogue.py (the
# documented cases contributing-chapter-*), run at their layer by tests/test_bad_inputs.py.


def test_the_real_home_page_lists_every_chapter_of_the_nav(real_build: BuiltSite):
    # Read from mkdocs.yml, not counted here: adding a chapter must not break this test.
    config = load_config(str(REPO / "mkdocs.yml"))
    chapters = [
        page
        for section in config.nav
        if isinstance(section, dict)
        for pages in section.values()
        if isinstance(pages, list)
        for page in pages
        if isinstance(page, str) and page.startswith("story/")
    ]
    items = real_build.html("").select("article h2#the-chapters + ol > li")
    shown = [straight_quotes(item.a.get_text()) for item in items]  # smartypants curls them
    assert shown == [front_matter_title(REPO / "docs" / page) for page in chapters]


def straight_quotes(text: str) -> str:
    return text.translate(str.maketrans("‘’“”", "''\"\""))


def front_matter_title(page: Path) -> str:
    return get_data(page.read_text(encoding="utf-8"))[1]["title"]
