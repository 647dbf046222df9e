"""One build as its hooks and Markdown extensions share it: the data of each concern, where the
site's pages are, the page being converted, the problems found in pages, the backlinks, and each
page's ids and links.

A `BuildContext` is made once per build from the validated data (under MkDocs by
hooks/data_hook.py, in on_config), so nothing of one `mkdocs serve` rebuild leaks into the
next. Before each page is converted the build sets `page` (MkDocs: on_page_markdown); the
Markdown extensions read the page from there and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .backlinks import BacklinkIndex
from .corrections.records import CorrectionsState
from .data import SiteData
from .datafile import Records
from .errors import Problem
from .events.records import EventsState
from .figures.records import FiguresState
from .generated import GeneratedPage
from .glossary.records import GlossaryState
from .pagefile import split_front_matter
from .pagelines import page_lines
from .pages import Chapter, chapter_order, default_title, doc_link, is_story_page, section_id, story_page
from .sources.records import SourcesState

if TYPE_CHECKING:
    from .siteconfig import NavPage, SiteConfig


@dataclass
class PageInfo:
    """The page being converted, as the Markdown extensions need to know it."""

    src_uri: str  # path inside docs/, e.g. "story/the-fall.md"
    url: str  # site URL, e.g. "story/the-fall/"
    title: str
    source_text: str = ""  # the file as written (front matter included), for line numbers
    generated: bool = False
    meta: dict[str, Any] = field(default_factory=dict)  # the page's front matter

    @property
    def file_label(self) -> str:
        """The page's path as contributors see it in the repository."""
        return f"docs/{self.src_uri}"

    @property
    def is_story(self) -> bool:
        return is_story_page(self.src_uri) and not self.generated

    @property
    def section(self) -> str | None:
        """The story section this page is (see explainer.pages.section_id); None for other pages."""
        return section_id(self.src_uri) if self.is_story else None

    def problem(self, needle: str, message: str) -> Problem:
        """A problem located at the first line of this page that contains `needle` outside code."""
        return Problem(self.file_label, page_lines(self).line_of(needle), message)  # issue 21: linear in the page

    def link_to(self, target_src_uri: str) -> str:
        """A Markdown link target from this page to another docs/ file (MkDocs rewrites and checks it)."""
        return doc_link(self.src_uri, target_src_uri)


@dataclass
class PageLinks:
    """One converted page as the link checks see it (explainer.links): the ids a link may point at,
    and the link targets it holds (href or src as written, each once, in order)."""

    page: PageInfo
    ids: set[str] = field(default_factory=set)
    targets: dict[str, None] = field(default_factory=dict)


def directory_url(src_uri: str) -> str:
    """The address MkDocs gives a file with `use_directory_urls` (the default): 'story/a.md' is 'story/a/'.

    Only for contexts made without MkDocs (tests, the extensions used on their own); a build
    takes every address from MkDocs' own list of files.
    """
    if not src_uri.endswith(".md"):
        return src_uri
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


@dataclass
class SiteMap:
    """Where the site's pages are: each page's address by its docs/ path, and the story pages' titles.

    Filled once MkDocs has listed the files (MkDocs: hooks/data_hook.py, on_files), before any
    page is converted; until then (and without MkDocs) addresses follow `directory_url`.
    """

    urls: dict[str, str] = field(default_factory=dict)  # src_uri -> URL, e.g. 'sources.md' -> 'sources/'
    story_titles: dict[str, str] = field(default_factory=dict)  # src_uri of each story page -> its title
    chapters: list[Chapter] = field(default_factory=list)  # the story pages in reading order (the nav's)

    def url(self, src_uri: str) -> str:
        return self.urls.get(src_uri) or directory_url(src_uri)

    def section_url(self, section: str) -> str:
        return self.url(story_page(section))

    def section_title(self, section: str) -> str:
        return self.story_titles.get(story_page(section)) or default_title(story_page(section))

    @property
    def section_ids(self) -> set[str]:
        return {section_id(src_uri) for src_uri in self.story_titles}


def site_map(urls: dict[str, str], story_pages: dict[str, str], nav: list[NavPage] | None) -> SiteMap:
    """Where the pages are: every file's address, and the story pages' titles and order.

    `story_pages` holds each story page's text by docs/ path (its front matter gives the title and
    description), `nav` the nav of mkdocs.yml (None without one).
    """
    meta = {src_uri: split_front_matter(text)[1] for src_uri, text in story_pages.items()}
    titles = {src_uri: str(meta[src_uri].get("title") or default_title(src_uri)) for src_uri in story_pages}
    chapters = [
        Chapter(src_uri, nav_title or titles[src_uri], _plain(meta[src_uri].get("description")))
        for src_uri, nav_title in chapter_order(list(story_pages), nav)
    ]
    return SiteMap(urls, titles, chapters)


def _plain(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


@dataclass
class BuildContext:
    """Everything one build knows, one typed field per concern."""

    sources: SourcesState
    glossary: GlossaryState
    events: EventsState
    corrections: CorrectionsState
    figures: FiguresState
    site: SiteMap = field(default_factory=SiteMap)
    backlinks: BacklinkIndex = field(default_factory=BacklinkIndex)
    problems: list[Problem] = field(default_factory=list)
    # Under `mkdocs serve` only: problems shown at the top of every page instead of stopping the
    # build, and whether the data they concern was replaced by the last good data (explainer.serving).
    preview_problems: list[Problem] = field(default_factory=list)
    stale_data: bool = False
    page: PageInfo | None = None
    generated_pages: dict[str, GeneratedPage] = field(default_factory=dict)  # by docs/ path, once written
    links: dict[str, PageLinks] = field(default_factory=dict)  # by docs/ path, once converted (explainer.links)
    config: SiteConfig | None = None  # what the checks need of mkdocs.yml (explainer.siteconfig)

    @classmethod
    def for_data(cls, data: SiteData) -> BuildContext:
        """A fresh context for one build of the validated `data`."""
        return cls(
            SourcesState(data.sources),
            GlossaryState(data.glossary),
            EventsState(data.events),
            CorrectionsState(data.corrections),
            FiguresState(data.figures),
        )

    @classmethod
    def of(
        cls,
        *,
        sources: Records | dict | None = None,
        glossary: Records | dict | None = None,
        events: Records | dict | None = None,
        corrections: Records | dict | None = None,
        figures: Records | dict | None = None,
        page: PageInfo | str | None = None,
    ) -> BuildContext:
        """A context for records passed in from Python (tests, the extensions used on their own).

        `page` is the document to convert: a PageInfo, or its path inside docs/.
        """
        context = cls(
            SourcesState(_records(sources)),
            GlossaryState(_records(glossary)),
            EventsState(_records(events)),
            CorrectionsState(_records(corrections)),
            FiguresState(_records(figures)),
        )
        if isinstance(page, str) and page:
            page = PageInfo(page, directory_url(page), default_title(page))
        context.page = page or None
        return context

    @property
    def data(self) -> SiteData:
        """The build's data files, as the data layer's checks take them."""
        return SiteData(
            self.sources.records,
            self.glossary.records,
            self.events.records,
            self.corrections.records,
            self.figures.records,
        )

    def current_generated_page(self) -> GeneratedPage | None:
        """The generated page being converted (None for a page written by hand)."""
        return self.generated_pages.get(self.page.src_uri) if self.page is not None else None

    def report(self, needle: str, message: str) -> None:
        """A problem on the page being converted, at the first line containing `needle`."""
        if self.page is not None:
            self.problems.append(self.page.problem(needle, message))


def _records(records: Records | dict | None) -> Records:
    if isinstance(records, Records):
        return records
    return Records(dict(records or {}))
