"""The layers a mistake can be found at, each run without a whole MkDocs build where it can be.

- data: `explainer.registry.check_site_data`, the data layer (YAML, schemas, records, references
  between data files), exactly as the build's on_config calls it;
- page: one page converted by Python-Markdown with the site's extensions, every concern's and the check
  of the page's HTML against the allow-list, and its bytes and front matter checked, as the build's
  hooks do for each page (no MkDocs);
- pages: every page of the site converted as the build converts it, in one build context (the generated
  pages list every page that uses an item), through MkDocs' files, nav and pages and the engine's hooks, but
  without the theme, the search index or writing a file (`site_pages`);
- site: what needs every page or MkDocs itself (a source no page cites, a correction's anchor, links,
  the nav): the quick check, which is the build without writing pages (`explainer.validate`).

tests/catalogue.py says which layer finds each mistake; tests/test_bad_inputs.py runs them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import markdown
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from explainer import validate
from explainer.chapters import ChaptersExtension
from explainer.context import BuildContext, PageInfo, directory_url
from explainer.data import DataCheck
from explainer.errors import Problem
from explainer.frontmatter import front_matter_problems
from explainer.generated import PARTS_NAME, Body, GeneratedPagesExtension
from explainer.markup import MarkdownSetup
from explainer.pagehtml import WrittenHtmlListing
from explainer.pages import default_title, page_file_problems
from explainer.registry import CONCERNS, after_pages_problems, check_site_data, generated_pages, page_body
from explainer_mkdocs import hooks
from explainer_mkdocs.reporting import Stop
from explainer_mkdocs.safety import page_html_extension, source_address_warnings


def data_layer(project: Path) -> DataCheck:
    """The data files of `project` read and checked, with the site's Markdown set-up."""
    return check_site_data(project, MarkdownSetup())


def data_problems(project: Path) -> list[str]:
    """Every problem the data layer finds in `project`, as `file:line: message`."""
    return [str(problem) for problem in data_layer(project).problems]


def render_body(body: Body, md: markdown.Markdown) -> str:
    """A generated page's body as HTML, converted with `md` alone (without MkDocs)."""
    GeneratedPagesExtension(lambda: body).extendMarkdown(md)
    try:
        return md.convert(body.markdown)
    finally:
        md.treeprocessors.deregister(PARTS_NAME)


def written_html(markdown_text: str) -> list[str]:
    """What a page (`markdown_text`, without its front matter) writes as HTML, in order, as the reader's diff lists
    it: the raw HTML fragments and attribute lists, converted with the site's Markdown set-up."""
    setup, listing = MarkdownSetup(), WrittenHtmlListing()
    markdown.Markdown(extensions=[*setup.extensions, listing], extension_configs=setup.configs).convert(markdown_text)
    return listing.take()


def convert_page(project: Path, src_uri: str, data: DataCheck | None = None) -> tuple[str, BuildContext]:
    """The page `src_uri` (a path inside docs/) converted as a build converts it, with `project`'s data:
    its HTML, and the context the extensions reported into."""
    data = data or data_layer(project)
    context = BuildContext.of([concern.data for concern in CONCERNS], data.records or {})
    context.cited = data.cited
    context.site.relative = get_relative_url
    source = (project / "docs" / src_uri).read_text(encoding="utf-8")
    body, meta = get_data(source)
    title = meta.get("title") if isinstance(meta.get("title"), str) else default_title(src_uri)
    context.page = PageInfo(src_uri, directory_url(src_uri), title, source, False, meta)
    context.problems += front_matter_problems(source, context.page.file_label, meta=meta)
    setup = MarkdownSetup()
    extensions = [concern.extension(context=context) for concern in CONCERNS if concern.extension]
    md = markdown.Markdown(
        extensions=[
            *setup.extensions,
            GeneratedPagesExtension(context.current_body),
            ChaptersExtension(context=context),
            *extensions,
            page_html_extension(SimpleNamespace(config_file_path=str(project / "mkdocs.yml")), context),
        ],
        extension_configs=setup.configs,
    )
    return md.convert(body), context


def page_problems(project: Path, src_uri: str, data: DataCheck | None = None) -> list[str]:
    """Every problem found in the page `src_uri` of `project` (its bytes first: a page that cannot be read
    is not converted), as `file:line: message`; with `data`, the data layer's check of `project` made already."""
    unreadable = page_file_problems(project / "docs")
    if unreadable:
        return [str(problem) for problem in unreadable]
    _, context = convert_page(project, src_uri, data)
    return [str(problem) for problem in context.problems]


def every_page_problems(project: Path) -> list[str]:
    """The problems of every page written by hand in `project`, each converted on its own."""
    data = data_layer(project)
    found = []
    for path in sorted((project / "docs").rglob("*.md")):
        _, context = convert_page(project, path.relative_to(project / "docs").as_posix(), data)
        found += [str(problem) for problem in context.problems]
    return found


def every_page_body(project: Path, data: DataCheck | None = None) -> dict[str, str]:
    """The body (HTML) of every page of `project` without MkDocs: each page written by hand converted on its
    own (its links as Markdown wrote them), then each generated page from its template with the site's
    extensions, from a context no page reported into (so its backlinks are empty: for those, `site_pages`)."""
    data = data or data_layer(project)
    bodies = {}
    for path in sorted((project / "docs").rglob("*.md")):
        src_uri = path.relative_to(project / "docs").as_posix()
        bodies[src_uri], _ = convert_page(project, src_uri, data)
    context = BuildContext.of([concern.data for concern in CONCERNS], data.records or {})
    context.cited = data.cited
    context.site.relative = get_relative_url
    setup = MarkdownSetup()
    for _, page in generated_pages(context.story):
        md = markdown.Markdown(extensions=setup.extensions, extension_configs=setup.configs)
        bodies[page.src_uri] = render_body(page_body(context, page.src_uri), md)
    return bodies


@dataclass
class ConvertedSite:
    """Every page of a site as the build converts it (`site_pages`)."""

    pages: dict[str, Page]  # by docs/ path, in MkDocs' order of files: each with its .content (HTML) and .toc
    found: list[Problem]  # the build's problems (data, pages, the sources' addresses), each with its level
    stopped: str = ""  # the line that sums up the problems, when they stopped the build before any page

    @property
    def problems(self) -> list[str]:
        """The problems as `file:line: message`."""
        return [str(problem) for problem in self.found]

    def levelled(self) -> list[tuple[str, str]]:
        """(level, `file:line: message`) of each problem, as the quick check's `site_problems` gives them."""
        return [(problem.level, str(problem)) for problem in self.found]

    def headings(self, src_uri: str) -> list[str]:
        """The titles of the page's table of contents, which the theme prints as they are (HTML)."""
        found, pending = [], list(self.pages[src_uri].toc)
        while pending:
            item: AnchorLink = pending.pop(0)
            found.append(item.title)
            pending[:0] = item.children
        return found


PROBLEMS_LOGGER = "mkdocs.plugins.explainer"  # where the hooks log each problem (explainer_mkdocs.reporting)


class _Logged(logging.Handler):
    """The problems the hooks log (each record carries its problem)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        if (problem := getattr(record, "problem", None)) is not None:
            self.problems.append(problem)


def site_pages(project: Path) -> ConvertedSite:
    """Every page of `project` converted as `mkdocs build` converts it, in one build context, so each generated
    page lists every page that uses an item (backlinks), as the build's do: MkDocs' own files, nav and pages
    (its public API) and the plugins' events in the build's order (mkdocs.commands.build) up to each page's
    HTML (Page.render), and the problems on_env would report (the sources' addresses among them) but MkDocs' own
    (links, the nav). Not the rest of a build: no theme, search index or file written (a third of a fixture
    build's time, about as long as the quick check; `pytest --count-builds` does not count it).

    Data that stops a build before any page (a file that cannot be read) gives no page: the problems the build
    logs, and the line that sums them up."""
    config = load_config(str(project / "mkdocs.yml"))
    plugins = config.plugins
    logged = _Logged()
    logging.getLogger(PROBLEMS_LOGGER).addHandler(logged)
    try:
        config = plugins.run_event("config", config)
    except Stop as stop:
        return ConvertedSite({}, logged.problems, str(stop))
    finally:
        logging.getLogger(PROBLEMS_LOGGER).removeHandler(logged)
    try:
        files = plugins.run_event("files", get_files(config), config=config)
        nav = plugins.run_event("nav", get_navigation(files, config), config=config, files=files)
        pages = {}
        for file in files.documentation_pages():
            page = file.page or Page(None, file, config)
            page.read_source(config)
            page.markdown = plugins.run_event("page_markdown", page.markdown, page=page, config=config, files=files)
            page.render(config, files)
            pages[file.src_uri] = page
        assert nav is not None
        context = hooks.built_context(config)
        return ConvertedSite(
            pages, context.problems + after_pages_problems(context) + source_address_warnings(config, context)
        )
    finally:
        hooks.on_post_build(config=config)  # the hooks' logging handlers removed (not the search plugin's index)


def site_problems(project: Path) -> list[tuple[str, str]]:
    """(level, `file:line: message`) of every problem the quick check (the build, no pages written) finds."""
    return [(problem.level, str(problem)) for problem in validate.problems_of(project / "mkdocs.yml")]
