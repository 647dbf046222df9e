"""The site's pages by name: which pages are story pages, their section ids, the generated pages, the chapters.

Every rule about page paths lives here, so the build, the checks without MkDocs
(`python -m explainer.validate`) and the Markdown extensions agree. Paths are MkDocs'
`src_uri`: the page's path inside docs/, with forward slashes, e.g. "story/the-fall.md".
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .siteconfig import NavPage

STORY_DIR = "story/"

# The pages and files the build writes from data/*.yml (never written into docs/).
SOURCES_PAGE = "sources.md"
GLOSSARY_PAGE = "glossary.md"
TIMELINE_PAGE = "timeline.md"
CORRECTIONS_PAGE = "corrections.md"
EVENTS_JSON = "events.json"
EVENTS_CSV = "events.csv"
CORRECTIONS_JSON_FEED = "corrections.json"
CORRECTIONS_ATOM_FEED = "corrections.xml"
# Their order in the site's list of files (the sitemap and the search index follow it), whatever
# the order in which the hooks add them.
GENERATED_FILES = (
    SOURCES_PAGE,
    GLOSSARY_PAGE,
    TIMELINE_PAGE,
    EVENTS_JSON,
    EVENTS_CSV,
    CORRECTIONS_PAGE,
    CORRECTIONS_JSON_FEED,
    CORRECTIONS_ATOM_FEED,
)


def front_matter(title: str, description: str) -> str:
    """The front matter of a generated page (its title, and the description search engines show)."""
    return f"---\ntitle: {title}\ndescription: {description}\n---\n"


def is_story_page(src_uri: str) -> bool:
    """A chapter of the story: any Markdown page under docs/story/, at any depth."""
    return src_uri.startswith(STORY_DIR) and src_uri.endswith(".md")


def section_id(src_uri: str) -> str:
    """A story page's section id: its path below docs/story/ without '.md'.

    'story/the-fall.md' is 'the-fall'. A page in a subfolder keeps the folder ('story/a/b.md'
    is 'a/b'), so two pages never share an id; events name sections with a plain id (see
    schemas/events.schema.json), so only pages directly in docs/story/ can have events.
    """
    return src_uri.removeprefix(STORY_DIR).removesuffix(".md")


def story_page(section: str) -> str:
    """The story page of a section id: 'the-fall' is 'story/the-fall.md' (the inverse of `section_id`)."""
    return f"{STORY_DIR}{section}.md"


def default_title(src_uri: str) -> str:
    """A page's title when its front matter gives none: 'the-fall.md' reads 'The fall'."""
    return posixpath.basename(src_uri).removesuffix(".md").replace("-", " ").capitalize()


def doc_link(from_src_uri: str, to_src_uri: str) -> str:
    """A Markdown link target from one docs/ file to another, e.g. '../glossary.md'.

    Links between pages are written to the Markdown file, never to its URL: MkDocs checks that
    the target exists (and the #anchor, if any) and turns the path into the page's address.
    A link to the page itself is '' (so 'glossary.md#x' on the Glossary page is '#x').
    """
    if from_src_uri == to_src_uri:
        return ""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


@dataclass(frozen=True)
class Chapter:
    """A story page as the home page lists it: where it is, its title, and its one-sentence description."""

    src_uri: str
    title: str
    description: str


def chapter_order(story_pages: list[str], nav: list[NavPage] | None) -> list[tuple[str, str | None]]:
    """The story pages in reading order, each with the title the nav gives it (None if it gives none).

    The nav's order when mkdocs.yml has a nav (a chapter it leaves out is not listed: explainer.nav
    reports it); without one, MkDocs' order of files: index first, then by name, folders last.
    """
    if nav is None:
        return [(src_uri, None) for src_uri in sorted(story_pages, key=file_sort_key)]
    known = set(story_pages)
    listed: dict[str, str | None] = {}
    for entry in nav:
        if entry.src_uri in known:
            listed.setdefault(entry.src_uri, entry.title)
    return list(listed.items())


def file_sort_key(src_uri: str) -> tuple:
    """MkDocs' order of files without a nav (mkdocs.structure.files.file_sort_key)."""
    parts = PurePosixPath(src_uri).parts
    name = PurePosixPath(src_uri).stem
    return (parts[:-1], name != "index", parts[-1]) if parts else ()
