"""What the core needs to know about MkDocs' pages and files, and the pages the build adds."""

from __future__ import annotations

import posixpath

from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from explainer.context import PageInfo

from .build import context_of


def use_extension(config: MkDocsConfig, name: str, extension: Extension) -> None:
    """Convert every page with `extension`, kept in the build context as `name` for the later events."""
    context_of(config).state[name] = extension
    config.markdown_extensions.append(extension)


def page_info(page: Page) -> PageInfo:
    """What the Markdown extensions need to know about the page MkDocs is converting."""
    file = page.file
    generated = bool(file.generated_by)  # the page's own file: no scan of every file per page
    source_text = "" if generated else file.content_string
    title = page.title if isinstance(page.title, str) and page.title else file.name  # front matter may hold 2020
    return PageInfo(file.src_uri, page.url, title, source_text, generated)


def add_generated_page(
    files: Files, config: MkDocsConfig, src_uri: str, content: str, *, edit_path: str | None = None
) -> File:
    """Add a page built from data without writing into docs/ (which would loop `mkdocs serve`).

    `edit_path` (repo-relative, e.g. "data/glossary.yml") is where "Edit this page" leads,
    since a generated page has no file of its own to edit.
    """
    if existing := files.get_file_from_path(src_uri):
        files.remove(existing)
    file = File.generated(config, src_uri, content=content)
    if edit_path:
        # edit_uri is relative to docs/ in the repository; the browser resolves the "..".
        file.edit_uri = posixpath.relpath(edit_path, "docs")
    files.append(file)
    return file
