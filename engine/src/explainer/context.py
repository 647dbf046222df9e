"""One build as its hooks and Markdown extensions share it: what it knows of each concern, where the
site's pages are, the page being converted, the problems found in pages, the backlinks.

A `BuildContext` is made once per build from the checked data (explainer_mkdocs.hooks, on_config), so
nothing of one `mkdocs serve` rebuild leaks into the next. `context.glossary` is what this build knows of
the glossary (its `State`, with `.records`), and so for each concern; the Markdown extensions read the
page being converted from `page` and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .backlinks import BacklinkIndex
from .datafile import Records
from .errors import Problem
from .generated import Body, Templates
from .pagelines import page_lines
from .pages import Chapter, default_title, doc_link, is_story_page, section_id, story_page
from .story import DEFAULT_STORY, Story

if TYPE_CHECKING:
    from .datafile import DataFileSpec


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


def directory_url(src_uri: str) -> str:
    """A page's address with `use_directory_urls`, for pages converted without MkDocs (tests, the
    extensions on their own); a build takes every address from MkDocs' own list of files."""
    path = src_uri.removesuffix(".md")
    if not src_uri.endswith(".md") or path == "index" or path.endswith("/index"):
        return src_uri if not src_uri.endswith(".md") else path.removesuffix("index")
    return path + "/"


@dataclass
class SiteMap:
    """Where the site's pages are, filled from MkDocs once it has listed the files and read the nav
    (explainer_mkdocs.site)."""

    urls: dict[str, str] = field(default_factory=dict)  # src_uri -> URL ('sources.md' -> 'sources/'), MkDocs' order
    story_titles: dict[str, str] = field(default_factory=dict)  # src_uri of each story page -> its title
    chapters: list[Chapter] = field(default_factory=list)  # the story pages in reading order (the nav's)
    relative: Callable[[str, str], str] | None = None  # MkDocs' relative URL from a page to another
    name: str = ""  # the site's name, absolute address (ending in '/') and author, for the feeds
    base_url: str = "/"
    author: str = ""

    def url(self, src_uri: str) -> str:
        return self.urls.get(src_uri) or directory_url(src_uri)

    def section_title(self, section: str) -> str:
        return self.story_titles.get(story_page(section)) or default_title(story_page(section))

    @property
    def section_ids(self) -> set[str]:
        return {section_id(src_uri) for src_uri in self.story_titles}

    def link(self, target_url: str, from_url: str) -> str:
        """The address of `target_url` (with any #fragment) as the page at `from_url` links to it."""
        if self.relative is None:
            raise ValueError("a site map made without MkDocs has no relative addresses")
        path, hash_, fragment = target_url.partition("#")
        return self.relative(path, from_url) + hash_ + fragment

    @property
    def order(self) -> dict[str, int]:
        """Each page's position in the site's order of files, by URL as pages give it (backlinks are listed
        in it; the home page's file is at './', the page at '')."""
        return {url.removeprefix("./"): position for position, url in enumerate(self.urls.values())}


@dataclass
class BuildContext:
    """Everything one build knows: by concern (`context.NAME`), the story's vocabulary, the site, the page
    being converted."""

    states: dict[str, Any]  # each concern's State, by its name
    story: Story = DEFAULT_STORY  # data/story.yml over the engine's defaults, with the story's span
    site: SiteMap = field(default_factory=SiteMap)
    backlinks: BacklinkIndex = field(default_factory=BacklinkIndex)
    problems: list[Problem] = field(default_factory=list)
    # Under `mkdocs serve` only: problems shown at the top of every page instead of stopping the
    # build, and whether the data they concern was replaced by the last good data (explainer.serving).
    preview_problems: list[Problem] = field(default_factory=list)
    stale_data: bool = False
    page: PageInfo | None = None
    bodies: dict[str, Body] = field(default_factory=dict)  # generated pages' bodies, by docs/ path
    cited: dict[str, set[str]] = field(default_factory=dict)  # by concern, the ids data cites (explainer.data)
    templates: Templates = field(default_factory=Templates)

    def __getattr__(self, name: str) -> Any:
        """`context.glossary`: what this build knows of a concern."""
        try:
            return self.__dict__["states"][name]
        except KeyError:
            raise AttributeError(name) from None

    @classmethod
    def of(
        cls,
        files: list[DataFileSpec],
        records: Mapping[str, Records | dict | None],
        page: PageInfo | str | None = None,
        story: Story | None = None,
    ) -> BuildContext:
        """A fresh context for the records of each data file (by name: records, or a dict of them by id); `page`,
        for a document converted without MkDocs, a PageInfo or its docs/ path; `story` the vocabulary (by
        default the records', if they were read with one, else the engine's)."""
        story = story or getattr(records, "story", None) or DEFAULT_STORY
        context = cls({spec.name: spec.state(_records(records.get(spec.name))) for spec in files}, story)
        if isinstance(page, str) and page:
            page = PageInfo(page, directory_url(page), default_title(page))
        context.page = page or None
        return context

    @property
    def records(self) -> dict[str, Records]:
        """Every concern's records, by name."""
        return {name: state.records for name, state in self.states.items()}

    def current_body(self) -> Body | None:
        """The body of the generated page being converted (None for a page written by hand)."""
        return self.bodies.get(self.page.src_uri) if self.page is not None else None

    def report(self, needle: str, message: str) -> None:
        """A problem on the page being converted, at the first line containing `needle`."""
        if self.page is not None:
            self.problems.append(self.page.problem(needle, message))

    def report_at(self, line: int, message: str) -> None:
        """A problem on the page being converted, at `line`."""
        if self.page is not None:
            self.problems.append(Problem(self.page.file_label, line, message))


def _records(records: Records | dict | None) -> Records:
    return records if isinstance(records, Records) else Records(dict(records or {}))
