"""What the core needs to know of MkDocs' pages, files and nav, and the files the build adds."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from explainer.concern import GeneratedPage
from explainer.context import PageInfo, SiteMap
from explainer.generated import THEME
from explainer.pages import Chapter, is_story_page
from explainer.story import Story


def page_info(page: Page) -> PageInfo:
    """What the Markdown extensions need to know about the page MkDocs is converting."""
    file = page.file
    generated = bool(file.generated_by)  # the page's own file: no scan of every file per page
    source_text = "" if generated else file.content_string
    title = page.title if isinstance(page.title, str) and page.title else file.name  # front matter may hold 2020
    return PageInfo(file.src_uri, page.url, title, source_text, generated, dict(page.meta))


def site_map(files: Files, config: MkDocsConfig) -> SiteMap:
    """Every file's address (in MkDocs' order of files), and the site as the feeds name it."""
    return SiteMap(
        urls={file.src_uri: file.url for file in files},
        relative=get_relative_url,
        name=config.site_name,
        base_url=(config.site_url or "/").rstrip("/") + "/",  # feeds need absolute addresses; '/' without one
        author=config.site_author or "",
    )


def story_pages(nav: Navigation, files: Files, config: MkDocsConfig) -> dict[str, Page]:
    """The story pages written by hand, read as MkDocs reads them (front matter, title), in the nav's order
    (those the nav leaves out after, in the order of files)."""
    pages = [page for page in nav.pages if page.file.generated_by is None]
    pages += [file.page for file in files.documentation_pages() if file.page is not None and file.page not in pages]
    found = {}
    for page in pages:
        if is_story_page(page.file.src_uri) and not page.file.generated_by:
            if page.markdown is None:
                page.read_source(config)
            found[page.file.src_uri] = page
    return found


def chapters(nav: Navigation, pages: dict[str, Page]) -> list[Chapter]:
    """The chapters for the home page's list: story pages in the nav's order, with their title and description."""
    described = [(page, page.meta.get("description")) for page in nav.pages if page.file.src_uri in pages]
    return [
        Chapter(page.file.src_uri, str(page.title), text.strip() if isinstance(text, str) else "")
        for page, text in described
    ]


def add_generated_file(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes = "") -> File:
    """Add a page or file built from data without writing into docs/ (which would loop `mkdocs serve`)."""
    if existing := files.get_file_from_path(src_uri):
        files.remove(existing)
    file = File.generated(config, src_uri, content=content)
    files.append(file)
    return file


def add_generated_page(files: Files, config: MkDocsConfig, page: GeneratedPage, data_file: str, story: Story) -> None:
    """A generated page, its front matter now (MkDocs lists it), its body once every page is converted.

    "Edit this page" leads to the data file it is made from (`data_file`, e.g. "data/glossary.yml"):
    edit_uri is relative to docs/ in the repository; the browser resolves the "..".
    """
    file = add_generated_file(files, config, page.src_uri, page.front_matter(story))
    file.edit_uri = posixpath.relpath(data_file, "docs")


def add_engine_theme(config: MkDocsConfig) -> None:
    """Put the engine's theme directory (its templates, CSS and JavaScript) after the site's own
    `custom_dir`, which may override any of its files, and before the theme's (Material)."""
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))


def docs_label(config: MkDocsConfig) -> str:
    """The docs directory as contributors see it in the repository ("docs")."""
    docs, root = Path(config.docs_dir).resolve(), Path(config.config_file_path).resolve().parent
    return docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.name
