"""The home page's list of chapters, made from the nav: `<!-- chapters -->` becomes one line per chapter.

Each story page (docs/story/*.md), in the nav's order, is listed as its title linked to the page,
then its front matter `description`; a new chapter appears once it has a file, a description and
a nav entry, without editing the page that lists them. A story page without a description, and a
misspelt or doubled marker, are one-line problems.

The list is written as Markdown where the marker was (after raw HTML is stashed, so a marker
inside code stays code), so the site's extensions treat it like the rest of the page: MkDocs
checks and rewrites its links, smartypants curls its quotes.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from .errors import Problem
from .extensions import ContextProcessor, ExplainerExtension
from .generated import markdown_text
from .markers import find_marker
from .pages import is_story_page

CHAPTERS_MARKER = "<!-- chapters -->"

# Any HTML comment that looks like it means the marker, so a typo is reported, not ignored.
_MARKER_LIKE = re.compile(r"^\s*<!--\s*(?:list[\s_-]*of[\s_-]*)?chapters?\b.*-->\s*$", re.IGNORECASE)
_FRONT_MATTER_BLOCK = re.compile(r"^-{3}[ \t]*\n")


class ChaptersExtension(ExplainerExtension):
    """Replaces `<!-- chapters -->` with the list of chapters of the build's site map."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After raw HTML blocks are stashed (20) and the Key dates marker is found (19), before block parsing.
        md.preprocessors.register(_Chapters(md, self.context), "explainer-chapters", 18.5)


class _Chapters(ContextProcessor, Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        placeholder, _ = find_marker(self.md, CHAPTERS_MARKER, _MARKER_LIKE, self.context.report)
        page = self.context.page
        if not placeholder or page is None:
            return lines
        # A numbered Markdown list: '1. [Title](story/x.md): Description'.
        listing = [
            f"{number}. [{markdown_text(' '.join(chapter.title.split()))}]({page.link_to(chapter.src_uri)})"
            + (f": {markdown_text(' '.join(chapter.description.split()))}" if chapter.description else "")
            for number, chapter in enumerate(self.context.site.chapters, start=1)
        ]
        return [added for line in lines for added in (["", *listing, ""] if line.strip() == placeholder else [line])]


def chapter_problems(pages: dict[str, tuple[str, dict]]) -> list[Problem]:
    """Story pages (docs/ path -> text and front matter, as MkDocs read it) whose front matter gives no
    description for the list of chapters."""
    problems = []
    for src_uri, (text, meta) in sorted(pages.items()):
        broken = _FRONT_MATTER_BLOCK.match(text) and not meta  # its own problem (explainer.yamlfile)
        if is_story_page(src_uri) and not broken and meta.get("description") in (None, ""):
            message = (
                "chapter has no description: add `description:` to its front matter, one sentence on what it "
                "tells (the home page lists each chapter with it)"
            )
            problems.append(Problem(f"docs/{src_uri}", 1, message))
    return problems
