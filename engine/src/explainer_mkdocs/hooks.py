"""The explainer's MkDocs hooks: every event handler of a build, driven by the registry of concerns.

A site lists one hook file in mkdocs.yml, whose body is `from explainer_mkdocs.hooks import *`
(hooks/explainer_hooks.py); it may add hooks of its own beside it. Each build makes a fresh
`BuildContext` in on_config, kept on MkDocs' config object, so nothing of one `mkdocs serve`
rebuild leaks into the next:

- on_config: the engine's theme; the site's files checked before anything reads one (symlinks, special
  files, types, sizes: safety.py); the data files read and checked (explainer.registry); the context;
  every concern's Markdown extension, and the check of the HTML pages write;
- on_files: the generated pages and files, where each page is;
- on_nav: the story pages and chapters as MkDocs read them; data that names pages checked;
- on_page_markdown: the page being converted, its front matter checked and made safe to print; a generated
  page's body from its template;
- on_env: every page converted: the checks that need every page, then every problem of the build in
  file order (an error stops the build here), then the files written last;
- on_post_page: under `mkdocs serve`, the problems in a box on every page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from explainer.chapters import ChaptersExtension, chapter_problems
from explainer.context import BuildContext
from explainer.data import DataCheck
from explainer.errors import DataError
from explainer.frontmatter import front_matter_problems
from explainer.generated import GeneratedPagesExtension, Templates
from explainer.lastupdated import LastUpdatedExtension
from explainer.markup import setup_from_config
from explainer.pages import page_file_problems, section_id
from explainer.registry import (
    CONCERNS,
    after_pages_problems,
    check_site_data,
    generated_pages,
    page_body,
    page_problems,
    reported_ids,
)
from explainer.serving import last_good, remember, with_banner
from explainer.typography import SmartyWhereItMattersExtension

from .reloading import forget_loaded_hooks, reload_hooks_on_every_rebuild, serving
from .reporting import MkDocsWarnings, config_errors_in_one_line, report, reporting_data_errors, show_while_serving
from .safety import check_files, page_html_extension, safe_front_matter, source_address_warnings
from .site import add_engine_theme, add_generated_file, add_generated_page, chapters, docs_label, page_info, site_map
from .site import story_pages as read_story_pages
from .unindexed import put_back, search_enabled, set_aside
from .written import list_page, listing_extensions, write_listing

# Hooks ------------------------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    if dirty:  # MkDocs would convert only the pages changed since the last build (DIRTY_REFUSED says why not)
        raise PluginError(DIRTY_REFUSED)
    if command == "serve":
        reload_hooks_on_every_rebuild()


def on_serve(server, *, config: MkDocsConfig, builder):
    """A mistake in mkdocs.yml while serving is one line, not MkDocs' traceback."""
    server.builder = config_errors_in_one_line(server.builder, config.config_file_path)
    return server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    add_engine_theme(config)
    root = Path(config.config_file_path).resolve().parent
    with reporting_data_errors():
        check_files(config)  # issue 21: before anything reads a file, nothing outside the repository (safety.py)
        # Before anything reads a page: one that is not UTF-8 or too large is a one-line problem.
        unreadable_pages = page_file_problems(Path(config.docs_dir), docs_label(config))
        data = check_site_data(root, setup_from_config(config))
        # A file that cannot be read: later checks would mislead. (Serving, the last good data stands in.)
        if unreadable_pages or (data.stopped_early and not serving()):
            raise DataError(unreadable_pages + data.problems, stopped_early=True)
        context = _build_context(data, root, config)
    context.templates = Templates(list(config.theme.dirs))
    titles = {page.src_uri: page.title for _, page in generated_pages(context.story)}
    warnings = MkDocsWarnings(Path(config.config_file_path), docs_label(config), titles)
    warnings.install()
    setattr(config, _CONTEXT, (context, warnings))
    setattr(config, _UNINDEXED, {})
    extensions = [concern.extension(context=context) for concern in CONCERNS if concern.extension]
    config.markdown_extensions += [
        GeneratedPagesExtension(context.current_body),
        ChaptersExtension(context=context),
        LastUpdatedExtension(context=context),
        *extensions,
        *listing_extensions(config),  # for the reader's diff, when it asks; before the check, which may escape
        page_html_extension(config, context),  # issue 21: pages get the allow-list
        SmartyWhereItMattersExtension(),  # speed only: the pages are the same without it
    ]
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The generated pages (their bodies are written once every other page is converted) and files."""
    context, warnings = _of(config)
    for concern, page in generated_pages(context.story):
        add_generated_page(files, config, page, concern.data.path, context.story)
    for concern in CONCERNS:
        for generated in concern.files:
            add_generated_file(files, config, generated.src_uri)  # its content below, or once pages are converted
    context.site = site_map(files, config)
    context.backlinks.order = context.site.order
    _write_generated_files(files, context, after_pages=False)
    warnings.files = files
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Once MkDocs has read the nav: the story pages and chapters, and the data that names pages."""
    context, _ = _of(config)
    story = read_story_pages(nav, files, config)
    context.site.story_titles = {src_uri: str(page.title) for src_uri, page in story.items()}  # front matter: 2020
    context.site.chapters = chapters(nav, story)
    written = {file.src_uri for file in files.documentation_pages() if not file.generated_by}
    context.problems += page_problems(context, {section_id(src_uri) for src_uri in story}, written)
    context.problems += chapter_problems(
        {src_uri: (page.file.content_string, page.meta) for src_uri, page in story.items()}
    )
    for concern in CONCERNS:
        if concern.shown_on_pages is not None:
            concern.shown_on_pages(context)
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    context, _ = _of(config)
    context.page = page_info(page)
    safe_front_matter(page, config, context)  # issue 21: what the theme prints is plain text, even under serve
    if not page.file.generated_by:
        meta = context.page.meta  # as MkDocs read it (the MultiMarkdown form too)
        context.problems += front_matter_problems(context.page.source_text, context.page.file_label, meta=meta)
        return markdown
    if (body := page_body(context, page.file.src_uri)) is None:
        return markdown  # a page another plugin generates
    # Written now, once every page written by hand is converted: it lists where each item is used.
    context.bodies[page.file.src_uri] = body
    return body.markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """MkDocs finds a page's ids (for its check of links to #anchors) while converting it: the ids in a
    generated page's HTML parts, which Python-Markdown never parses, are added here."""
    context, _ = _of(config)
    list_page(page, config)
    if (body := context.bodies.get(page.file.src_uri)) is not None:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | body.anchor_ids
    # What the search index leaves out, set aside until the search plugin has indexed the page (not in the
    # quick check, which stops before it).
    if search_enabled(config) and not getattr(config, CHECK_ONLY, False):
        html, getattr(config, _UNINDEXED)[page.file.src_uri] = set_aside(html)
    return html


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav: Navigation):
    """After the search plugin's: the parts set aside in on_page_content go back (explainer_mkdocs.unindexed)."""
    page.content = put_back(page.content, getattr(config, _UNINDEXED).pop(page.file.src_uri, []))
    return context


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Every page is converted: MkDocs checks the links to #anchors (here, not after writing the pages, so
    its findings are reported with the rest), then every problem of the build in file order; an error
    stops the build here, before any file is written. Then the files that say where things ended up."""
    context, warnings = _of(config)
    warnings.reported = reported_ids(context)
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    addresses = source_address_warnings(config, context)  # issue 21: sources' addresses a reviewer must answer
    report(context, context.problems + warnings.problems + after_pages_problems(context) + addresses)
    if getattr(config, CHECK_ONLY, False):
        raise Checked  # the quick check: every check has run, nothing left but writing the pages
    _write_generated_files(files, context, after_pages=True)
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    context, _ = _of(config)
    if context.preview_problems:  # only ever under `mkdocs serve`
        problems = {"problems": sorted(set(context.preview_problems)), "stale_data": context.stale_data}
        output = with_banner(output, context.templates.text("explainer/preview-problems.html", problems).strip())
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    write_listing(config)
    _done()


def on_build_error(*, error: Exception) -> None:
    _done()


# Helper functions -------------------------------------------------------------------------------

DIRTY_REFUSED = (
    "--dirty is not supported: the Glossary, Sources, Timeline and Corrections pages list every page "
    "that uses an item, so every build converts every page; run the command without --dirty"
)
_CONTEXT = "_explainer_build"  # MkDocs makes a new config object for every build
_UNINDEXED = "_explainer_unindexed"  # each page's parts set aside until the search plugin has indexed it
CHECK_ONLY = "_explainer_check_only"  # set by the quick check on its config (explainer_mkdocs.quickcheck)


class Checked(Exception):
    """Raised at the end of on_env in the quick check: the checks are done, the pages need not be written."""


def _of(config: MkDocsConfig) -> tuple[BuildContext, MkDocsWarnings]:
    """This build's context, and the warnings of MkDocs' link and nav checks it keeps."""
    return getattr(config, _CONTEXT)


def built_context(config: MkDocsConfig) -> BuildContext:
    """The context of the build that `config` was built with (the quick check counts what it checked)."""
    return _of(config)[0]


def _done() -> None:
    """The build is over, written or stopped: our filters come off MkDocs' loggers, the hooks load anew next time."""
    MkDocsWarnings.remove_all()
    forget_loaded_hooks()


def _build_context(data: DataCheck, root: Path, config: MkDocsConfig) -> BuildContext:
    """This build's context, with the data and its problems (reported with the rest at the end).

    Under `mkdocs serve`, data with a problem is replaced by the last data that had none (and the
    problems are shown on every page); without such data the first build stops.
    """
    if not (data.problems and serving()):
        if serving():  # the data has no problem: the last good data from now on
            remember(config.config_file_path, data.raw)
        context = _context(data)
        context.problems += data.problems
        return context
    remembered = last_good(config.config_file_path)
    last = None if remembered is None else check_site_data(root, setup_from_config(config), remembered)
    if last is None or last.problems:  # none yet, or the schemas or the engine changed since: no help
        raise DataError(data.problems, stopped_early=data.stopped_early)
    context = _context(last)
    context.stale_data = True
    show_while_serving(context, data.problems)
    return context


def _context(data: DataCheck) -> BuildContext:
    context = BuildContext.of([concern.data for concern in CONCERNS], data.records, story=data.story)
    context.cited = data.cited
    return context


def _write_generated_files(files: Files, context: BuildContext, after_pages: bool) -> None:
    """The content of each generated file written before the pages are converted, or once they all are."""
    for generated in (generated for concern in CONCERNS for generated in concern.files):
        if generated.after_pages == after_pages:
            content = generated.content(context)
            file = files.get_file_from_path(generated.src_uri)
            file.content_bytes = content.encode("utf-8") if isinstance(content, str) else content


__all__ = [name for name in dir() if name.startswith("on_")]  # what a site's hook file imports
