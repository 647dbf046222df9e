"""The whole check of the site without MkDocs: data, pages, links and nav, every problem in one pass.

`check_site` runs the build's checks in the build's order, on the files themselves:

1. reading: mkdocs.yml, every page's bytes (UTF-8, size limit), every data file on its own (YAML,
   schema, records) and against the others. A file that cannot be read at all stops here, since
   whatever refers to it would look wrong (`SiteCheck.stopped_early`, said after the problems);
2. once the pages are known (MkDocs: on_files): data against pages, the nav, the chapters
   (`site_problems`);
3. every page converted with the site's Markdown set-up and the explainer's extensions (MkDocs:
   each page), each extension noting the problems it meets;
4. once every page is converted (MkDocs: on_env): sources nothing cites, glossary entries nothing
   mentions, links that lead nowhere (`after_conversion_problems`).

The build calls the same functions from hooks/data_hook.py, so both find the same problems and
word them the same (tests/test_bad_inputs.py runs both on every catalogued mistake).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Extension, Markdown

from .chapters import ChaptersExtension, chapter_problems
from .checked import CHECKED_DATA, CheckedData
from .context import BuildContext, PageInfo, directory_url, site_map
from .corrections import page as corrections_page
from .corrections.extension import CorrectionsExtension
from .data import SiteData, check_site_data, page_reference_problems
from .errors import Problem
from .events import page as timeline_page
from .events.extension import EventsExtension
from .figures.extension import FiguresExtension
from .frontmatter import front_matter_problems
from .generated import GeneratedPage, GeneratedPagesExtension
from .glossary import page as glossary_page
from .glossary.checks import unused_entries
from .glossary.extension import GlossaryExtension
from .links import LinksExtension, add_ids, link_problems
from .nav import nav_problems
from .pagefile import docs_files, page_file_problems, split_front_matter
from .pagehtml import PageHtmlExtension, page_allow_list
from .pages import (
    CORRECTIONS_PAGE,
    GENERATED_FILES,
    GLOSSARY_PAGE,
    SOURCES_PAGE,
    TIMELINE_PAGE,
    default_title,
    is_story_page,
    section_id,
)
from .repository import folders_from_config_file, repository_problems
from .siteconfig import SiteConfig, read_site_config
from .sitesettings import explainer_settings, reviewed_hosts
from .sources import page as sources_page
from .sources.checks import uncited_sources
from .sources.extension import SourceNotesExtension
from .urlcheck import source_url_warnings

# The pages the build makes from data: each one's front matter and body (the hooks add the same).
GENERATED_PAGES: dict[str, tuple[str, Callable[[BuildContext], GeneratedPage]]] = {
    SOURCES_PAGE: (sources_page.FRONT_MATTER, sources_page.for_build),
    GLOSSARY_PAGE: (glossary_page.FRONT_MATTER, glossary_page.for_build),
    TIMELINE_PAGE: (timeline_page.FRONT_MATTER, timeline_page.for_build),
    CORRECTIONS_PAGE: (corrections_page.FRONT_MATTER, corrections_page.for_build),
}


@dataclass
class SiteCheck:
    """What the whole check found, and what it looked at."""

    problems: list[Problem]
    stopped_early: bool = False
    data: SiteData | None = None
    pages: int = 0  # pages converted
    links: int = 0  # link targets checked
    files: set[str] = field(default_factory=set)


def check_site(config_file: Path, checked: CheckedData | None = None) -> SiteCheck:
    """Every problem the build of the site that `config_file` (mkdocs.yml) describes would report.

    `checked` remembers data that passed before (explainer.checked); by default the build's own
    record in the project's .cache/explainer/.
    """
    config, problems = read_site_config(config_file)
    if config is None:
        return SiteCheck(problems, stopped_early=True)
    if file_problems := repository_problems(config.root, folders_from_config_file(config.file, config.docs_dir)):
        return SiteCheck(file_problems, stopped_early=True)  # issue 21: before anything reads a file
    page_problems = page_file_problems(config.docs_dir, config.docs_label)
    data = check_site_data(config.root, checked or CheckedData(config.root / CHECKED_DATA), config.markdown)
    problems += page_problems + data.problems
    if page_problems or data.site is None:
        return SiteCheck(problems, stopped_early=True)
    files = set(docs_files(config.docs_dir)) | set(GENERATED_FILES)
    written = {
        src_uri: (config.docs_dir / src_uri).read_text(encoding="utf-8")
        for src_uri in docs_files(config.docs_dir)
        if src_uri.endswith(".md")
    }
    context = BuildContext.for_data(data.site)
    context.config = config
    story = {src_uri: text for src_uri, text in written.items() if is_story_page(src_uri)}
    context.site = site_map({src_uri: _url(src_uri, config) for src_uri in sorted(files)}, story, config.nav)
    problems += site_problems(context, config, written, files)
    _convert_every_page(context, config, written)
    problems += context.problems + after_conversion_problems(context, files, config.use_directory_urls)
    links = sum(len(record.targets) for record in context.links.values())
    return SiteCheck(problems, data=data.site, pages=len(context.links), links=links, files=files)


def site_problems(context: BuildContext, config: SiteConfig, written: dict[str, str], files: set[str]) -> list[Problem]:
    """Checks once the pages are known, before any is converted: data against pages, the nav, the chapters.

    `written` holds the text of each page written by hand, by docs/ path; `files` every file of the site.
    """
    story = {src_uri: text for src_uri, text in written.items() if is_story_page(src_uri)}
    pages = set(written) | {src_uri for src_uri in GENERATED_PAGES if src_uri in files}
    return [
        *page_reference_problems(context.data, {section_id(src_uri) for src_uri in story}, set(written)),
        *nav_problems(config, pages, files),
        *chapter_problems(story),
    ]


def after_conversion_problems(context: BuildContext, files: set[str], use_directory_urls: bool = True) -> list[Problem]:
    """Checks once every page is converted: uncited sources and unused glossary entries (warnings), links."""
    cited = context.backlinks.used_ids("source") | context.data.referenced_source_ids()
    mentioned = context.backlinks.used_ids("glossary")
    unused = unused_entries(context.glossary.records, mentioned, context.glossary.matched_forms)
    return [
        *(problem.as_warning() for problem in uncited_sources(context.sources.records, cited)),
        *(problem.as_warning() for problem in unused),
        *link_problems(context.links, files, use_directory_urls, _reported_ids(context.data)),
        *source_url_warnings(context.sources.records, reviewed_hosts(context.config and context.config.file)),  # 21
    ]


def _reported_ids(data: SiteData) -> dict[str, set[str] | None]:
    """By generated page, the ids its links may lack because a data problem, reported already, left them out.

    An entry left out for its own problem, and an id that data cites but its file lacks, have no
    entry on their page; None (any id) while an entry of the file has no usable id.
    """
    cited = {
        SOURCES_PAGE: (data.sources, data.referenced_source_ids()),
        GLOSSARY_PAGE: (
            data.glossary,
            {i for event in data.events for i in event.involved}
            | {i for entry in data.glossary for i in entry.related},
        ),
        TIMELINE_PAGE: (data.events, {point.event for series in data.figures for point in series.points}),
        CORRECTIONS_PAGE: (data.corrections, set()),
    }
    return {
        page: None if records.has_unnamed else set(records.left_out) | (ids - records.by_id.keys())
        for page, (records, ids) in cited.items()
    }


def explainer_extensions(context: BuildContext) -> list[Extension]:
    """The explainer's Markdown extensions for one build, as the hooks add them to MkDocs' list."""
    return [
        GeneratedPagesExtension(context.current_generated_page),
        LinksExtension(context),
        ChaptersExtension(context),
        SourceNotesExtension(context=context),
        GlossaryExtension(context=context),
        EventsExtension(context=context),
        CorrectionsExtension(context=context),
        FiguresExtension(context=context),
        PageHtmlExtension(context, page_allow_list(explainer_settings(context.config and context.config.file)[0])[0]),
    ]


def _convert_every_page(context: BuildContext, config: SiteConfig, written: dict[str, str]) -> None:
    """Convert each page as MkDocs would (the written pages, then the generated ones), noting problems."""
    extensions = explainer_extensions(context)
    for src_uri, text in written.items():
        body, meta = split_front_matter(text)
        page = PageInfo(src_uri, _url(src_uri, config), _title(src_uri, meta), text, meta=meta)
        context.problems += front_matter_problems(text, page.file_label)
        _convert(context, config, extensions, page, body)
    for src_uri, (front_matter, make) in GENERATED_PAGES.items():
        _, meta = split_front_matter(front_matter)
        page = PageInfo(src_uri, _url(src_uri, config), _title(src_uri, meta), generated=True, meta=meta)
        context.page = page
        generated = context.generated_pages[src_uri] = make(context)
        generated.fill(_convert(context, config, extensions, page, generated.markdown()))
        add_ids(context, generated.anchor_ids)


def _convert(context: BuildContext, config: SiteConfig, extensions: list[Extension], page: PageInfo, body: str) -> str:
    context.page = page
    md = Markdown(extensions=[*config.markdown.extensions, *extensions], extension_configs=config.markdown.configs)
    return md.convert(body)


def _url(src_uri: str, config: SiteConfig) -> str:
    if config.use_directory_urls:
        return directory_url(src_uri)
    return src_uri.removesuffix(".md") + ".html" if src_uri.endswith(".md") else src_uri


def _title(src_uri: str, meta: dict) -> str:
    title = meta.get("title")
    return title if isinstance(title, str) and title else default_title(src_uri)
