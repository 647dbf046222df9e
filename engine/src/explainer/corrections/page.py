"""The generated Corrections page, and the page of each kind of correction that has one of its own.

Each lists its kinds (data/story.yml's, in its order) under their headings, linking each entry to its
spot. On the Corrections page the entries of a kind are newest first; on a kind's own page (a
translation log: `page:` in data/story.yml; then its entries are not on the Corrections page) they
follow the story, chapter by chapter in reading order, each led by its chapter's title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..concern import GeneratedPage
from ..sources.page import PAGE as SOURCES
from .records import Correction, newest_first

if TYPE_CHECKING:
    from ..context import BuildContext
    from ..story import Story

SRC_URI = "corrections.md"
ATOM_FEED, JSON_FEED = "corrections.xml", "corrections.json"  # explainer.corrections.feeds


def listing(src_uri: str, kinds_page: str):
    """The variables of the page at `src_uri` that lists the kinds whose `page` is `kinds_page` ('' for the
    Corrections page: the kinds without a page of their own)."""

    def variables(context: BuildContext) -> dict[str, Any]:
        site, story = context.site, context.story
        kinds = [kind for kind in story.kinds.values() if kind.page == kinds_page]
        sources_url = site.link(site.url(SOURCES.src_uri), site.url(src_uri))
        names = {source.id: source.credit for source in context.sources.records}
        records = list(context.corrections.records)
        in_order = sorted(records, key=reading_order(context)) if kinds_page else newest_first(records)
        groups = [(kind, [c for c in in_order if c.kind == kind.key]) for kind in kinds]
        return {
            "title": kinds[0].page_title if kinds_page and kinds else "Corrections",
            "intro": Markup("" if kinds_page else story.corrections_intro_html),  # checked by the data layer
            "count": sum(len(entries) for kind, entries in groups if kind.inline or kinds_page),
            "kinds": [(kind.heading, entries) for kind, entries in groups if entries],
            "descriptions": [kind.description for kind in kinds if kind.description],
            "labels": {kind.key: kind.label for kind in story.kinds.values()},
            "feeds": {"atom": ATOM_FEED, "json": JSON_FEED},
            "cited": lambda correction: [(f"{sources_url}#{s}", names.get(s, s)) for s in correction.sources],
            "chapter": (lambda correction: _chapter(context, correction)) if kinds_page else (lambda correction: ""),
        }

    return variables


def reading_order(context: BuildContext):
    """Sort key: the corrected page's place in the story (chapters in the nav's order, then the other pages
    in the site's order), then the correction's place in that page, then the data file's order."""
    chapters = {chapter.src_uri: position for position, chapter in enumerate(context.site.chapters)}
    files = {src_uri: position for position, src_uri in enumerate(context.site.urls)}
    places = context.corrections.places

    def key(correction: Correction) -> tuple:
        page = chapters.get(correction.page, len(chapters) + files.get(correction.page, len(files)))
        return (page, places.get(correction.id, 0), correction.index)

    return key


def _chapter(context: BuildContext, correction: Correction) -> str:
    """The title of the page a correction is on, as its entry is led by it."""
    links = context.backlinks.links("correction", correction.id)
    return links[0].page_title if links else context.site.story_titles.get(correction.page) or correction.page


_DESCRIPTION = "Every correction this explainer has published, newest first, with a link to the exact spot it corrects."
PAGE = GeneratedPage(SRC_URI, title="Corrections", description=_DESCRIPTION, variables=listing(SRC_URI, ""))


def kind_pages(story: Story) -> tuple[GeneratedPage, ...]:
    """The page of each kind of correction with one of its own (data/story.yml: `page:`, `page_title:`)."""
    return tuple(
        GeneratedPage(
            kind.page,
            title=kind.page_title,
            description=(
                f"Every {_lower_first(kind.label)} this explainer has published, chapter by chapter, "
                "with a link to the phrase it is about."
            ),
            variables=listing(kind.page, kind.page),
            template_name="explainer/correction-kind.html",
        )
        for kind in story.kind_pages
    )


def _lower_first(text: str) -> str:
    """'Translation note' -> 'translation note' (but 'AI note' stays as it is)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
