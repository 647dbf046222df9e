"""The registry: every concern of the explainer, in the order its pages, files and messages follow.

Adding a concern is one package (see explainer.concern) and one entry here. The build
(explainer_mkdocs.hooks), the quick check (the build itself) and the tests read this list;
nothing else names the concerns.
"""

from __future__ import annotations

from pathlib import Path

from . import corrections, events, figures, glossary, sources
from .concern import Concern, GeneratedPage
from .context import BuildContext, PageInfo
from .data import DataCheck, SiteRecords, check_data
from .datafile import Records
from .errors import DataError, Problem
from .generated import Body
from .markup import MarkdownSetup
from .story import Story

CONCERNS: tuple[Concern, ...] = (
    sources.CONCERN,
    glossary.CONCERN,
    events.CONCERN,
    corrections.CONCERN,
    figures.CONCERN,
)


def generated_pages(story: Story) -> list[tuple[Concern, GeneratedPage]]:
    """Every generated page of a site with this vocabulary, with the concern that makes it: each concern's
    own, then those the story asks for (a kind of correction's page)."""
    pages = []
    for concern in CONCERNS:
        if concern.page is not None:
            pages.append((concern, concern.page))
        if concern.story_pages is not None:
            pages += [(concern, page) for page in concern.story_pages(story)]
    return pages


def check_site_data(
    root: Path, markdown: MarkdownSetup | None = None, raw: dict[str, bytes] | None = None
) -> DataCheck:
    """Every data file under `root` read and checked (explainer.data.check_data)."""
    return check_data(root, CONCERNS, markdown, raw)


def load_site_data(root: Path, markdown: MarkdownSetup | None = None) -> SiteRecords:
    """Every data file's records under `root`, by concern (with the story's vocabulary as `.story`); DataError
    listing every problem, if any."""
    check = check_site_data(root, markdown)
    if check.problems:
        raise DataError(check.problems, stopped_early=check.stopped_early)
    return check.records


def new_context(
    records: dict[str, Records | dict] | None = None,
    page: PageInfo | str | None = None,
    story: Story | None = None,
    **by_name,
):
    """A build context for records by concern name (`records`, or keywords: `new_context(glossary={...})`);
    a concern not given has none. `page`, for a page converted without MkDocs: a PageInfo or its docs/ path;
    `story`, the vocabulary (by default that of `records` if load_site_data read them, else the engine's)."""
    story = story or getattr(records, "story", None)
    return BuildContext.of([concern.data for concern in CONCERNS], {**(records or {}), **by_name}, page, story)


def page_problems(context: BuildContext, story_sections: set[str], written_pages: set[str]) -> list[Problem]:
    """Data that names pages, once they are known: an event's section, a corrected page."""
    return [
        problem
        for concern in CONCERNS
        if concern.page_checks is not None
        for problem in concern.page_checks(context.records[concern.name], story_sections, written_pages)
    ]


def after_pages_problems(context: BuildContext) -> list[Problem]:
    """Once every page is converted: what no page uses (sources nothing cites, glossary entries no page mentions)."""
    return [problem for concern in CONCERNS if concern.after_pages for problem in concern.after_pages(context)]


def reported_ids(context: BuildContext) -> dict[str, set[str] | None]:
    """By generated page, the ids a link to it may lack because a data problem, reported already, left
    them out: an entry left out for its own problem, an id that data cites but its file lacks; None (any
    id) while an entry of the file has no usable id."""
    found: dict[str, set[str] | None] = {}
    for concern, page in generated_pages(context.story):
        records = context.records[concern.name]
        missing = context.cited.get(concern.name, set()) - records.by_id.keys()
        found[page.src_uri] = None if records.has_unnamed else set(records.left_out) | missing
    return found


def page_body(context: BuildContext, src_uri: str) -> Body | None:
    """The body of the generated page at `src_uri` (None if no concern makes it), from its template.

    Its variables: its concern's, those other concerns add to it, and `used(kind, id)`, the places that
    use an item (backlinks), linked from this page.
    """
    page = next((page for _, page in generated_pages(context.story) if page.src_uri == src_uri), None)
    if page is None:
        return None
    here = context.site.url(src_uri)
    variables = page.variables(context)
    for concern in CONCERNS:
        variables |= {name: value(context) for name, value in concern.adds_to.get(src_uri, {}).items()}
    variables["used"] = lambda kind, item_id: [
        {
            "href": context.site.link(f"{link.page_url}#{link.anchor}" if link.anchor else link.page_url, here),
            "label": link.label,
        }
        for link in context.backlinks.links(kind, item_id)
    ]
    return context.templates.body(page.template, variables)
