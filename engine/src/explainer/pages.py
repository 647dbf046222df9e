"""The site's pages by name: which pages are story pages, their section ids, the chapters; pages as files.

Every rule about page paths lives here, so the build and the Markdown extensions agree. Paths are
MkDocs' `src_uri`: the page's path inside docs/, with forward slashes, e.g. "story/the-fall.md".
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .yamlfile import decode_utf8

STORY_DIR = "story/"
# A story chapter is about 5 KB, the benchmark's pages 13 KB; 256 KB is some 40,000 words.
MAX_PAGE_BYTES = 256 * 1024


def is_story_page(src_uri: str) -> bool:
    """A chapter of the story: any Markdown page under docs/story/, at any depth."""
    return src_uri.startswith(STORY_DIR) and src_uri.endswith(".md")


def section_id(src_uri: str) -> str:
    """A story page's section id, its path below docs/story/ without '.md': 'story/the-fall.md' is 'the-fall',
    'story/a/b.md' is 'a/b' (two pages never share an id). Events name sections with a plain id
    (schemas/events.schema.json), so only pages directly in docs/story/ can have events."""
    return src_uri.removeprefix(STORY_DIR).removesuffix(".md")


def story_page(section: str) -> str:
    """The story page of a section id: 'the-fall' is 'story/the-fall.md' (the inverse of `section_id`)."""
    return f"{STORY_DIR}{section}.md"


def default_title(src_uri: str) -> str:
    """A page's title when its front matter gives none: 'the-fall.md' reads 'The fall'."""
    return posixpath.basename(src_uri).removesuffix(".md").replace("-", " ").capitalize()


def doc_link(from_src_uri: str, to_src_uri: str) -> str:
    """A Markdown link target from one docs/ file to another ('../glossary.md'; '' to the page itself, so
    'glossary.md#x' on the Glossary page is '#x'). Links name the file, never its URL: MkDocs checks the
    target (and its #anchor) and writes the page's address."""
    if from_src_uri == to_src_uri:
        return ""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


@dataclass(frozen=True)
class Chapter:
    """A story page as the home page lists it: where it is, its title, and its one-sentence description."""

    src_uri: str
    title: str
    description: str


def page_file_problems(docs_dir: Path, label_dir: str = "docs") -> list[Problem]:
    """Problems with the bytes of every Markdown page under `docs_dir` (labelled `label_dir/...`), found
    before MkDocs or a hook reads a page: one that is not UTF-8 would crash the first reader with a
    traceback, a very large one would hold up the build; both are one-line problems instead."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{label_dir}/{path.relative_to(docs_dir).as_posix()}"
        if (size := path.stat().st_size) > MAX_PAGE_BYTES:
            limit = f"{MAX_PAGE_BYTES:,}-byte ({MAX_PAGE_BYTES // 1024} KB)"
            problems.append(Problem(name, 1, f"{size:,} bytes is over the {limit} limit for a page; split it"))
            continue
        try:
            decode_utf8(path.read_bytes(), name)
        except DataError as error:
            problems += error.problems
    return problems
