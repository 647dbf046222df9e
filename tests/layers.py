"""The layers a mistake can be found at, each run without a whole MkDocs build where it can be.

- data: `explainer.registry.check_site_data`, the data layer (YAML, schemas, records, references
  between data files), exactly as the build's on_config calls it;
- page: one page converted by Python-Markdown with the site's extensions, every concern's and the check
  of the page's HTML against the allow-list, and its bytes and front matter checked, as the build's
  hooks do for each page (no MkDocs);
- site: what needs every page or MkDocs itself (a source no page cites, a correction's anchor, links,
  the nav): the quick check, which is the build without writing pages (`explainer.validate`).

tests/catalogue.py says which layer finds each mistake; tests/test_bad_inputs.py runs them.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import markdown
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from explainer import validate
from explainer.chapters import ChaptersExtension
from explainer.context import BuildContext, PageInfo, directory_url
from explainer.data import DataCheck
from explainer.frontmatter import front_matter_problems
from explainer.generated import GeneratedPagesExtension
from explainer.markup import MarkdownSetup
from explainer.pages import default_title, page_file_problems
from explainer.registry import CONCERNS, check_site_data, generated_pages, page_body
from explainer_mkdocs.safety import page_html_extension


def data_layer(project: Path) -> DataCheck:
    """The data files of `project` read and checked, with the site's Markdown set-up."""
    return check_site_data(project, MarkdownSetup())


def data_problems(project: Path) -> list[str]:
    """Every problem the data layer finds in `project`, as `file:line: message`."""
    return [str(problem) for problem in data_layer(project).problems]


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
            ChaptersExtension(context),
            *extensions,
            page_html_extension(SimpleNamespace(config_file_path=str(project / "mkdocs.yml")), context),
        ],
        extension_configs=setup.configs,
    )
    return md.convert(body), context


def page_problems(project: Path, src_uri: str) -> list[str]:
    """Every problem found in the page `src_uri` of `project` (its bytes first: a page that cannot be read
    is not converted), as `file:line: message`."""
    unreadable = page_file_problems(project / "docs")
    if unreadable:
        return [str(problem) for problem in unreadable]
    _, context = convert_page(project, src_uri)
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
    """The body (HTML) of every page of `project` as the build converts it, without MkDocs: each page written
    by hand converted on its own, then each generated page from its template with the site's extensions."""
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
        bodies[page.src_uri] = page_body(context, page.src_uri).render(md)
    return bodies


def site_problems(project: Path) -> list[tuple[str, str]]:
    """(level, `file:line: message`) of every problem the quick check (the build, no pages written) finds."""
    return [(problem.level, str(problem)) for problem in validate.problems_of(project / "mkdocs.yml")]
