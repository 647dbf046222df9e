"""Links between the site's pages: every link to a file of docs/ must lead to it, and every #anchor to an id.

The same rules as MkDocs' own link validation (mkdocs.structure.pages), checked here so that each
mistake is named with its page and line (`docs/index.md:9: link 'story/the-fal.md' leads to no
file ...`) and so that the check without MkDocs (`python -m explainer.validate`) finds the same.
mkdocs.yml turns MkDocs' own link and nav messages off (`validation:`), so nothing is said twice;
tests/test_link_checks.py checks that ours find every link MkDocs' would on a catalogue of mistakes.

While each page is converted, `LinksExtension` notes its ids (of elements, and in raw HTML, as
MkDocs does) and the targets of its links (`a` href, `img` src) before MkDocs rewrites them;
once every page is converted, `link_problems` checks each link. Link problems are warnings, as
mkdocs.yml's `validation:` made MkDocs' own: they fail `make build` and CI, not `make serve`.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from .context import BuildContext, PageInfo, PageLinks, directory_url
from .errors import Problem
from .pagelines import page_lines

# MkDocs finds raw HTML ids just before raw HTML blocks are stashed (20: it uses 21), and rewrites links at 0.
RAW_HTML_IDS_PRIORITY = 22  # after fenced code is stashed (25): ids in code are no ids
LINKS_PRIORITY = 0.5  # after every extension that writes links or ids (the table of contents: 5), before MkDocs


class LinksExtension(Extension):
    """Notes each page's ids and link targets in the build context (`context.links`), for `link_problems`."""

    def __init__(self, context: BuildContext):
        super().__init__()
        self.context = context

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_RawHtmlIds(md, self.context), "explainer-raw-html-ids", RAW_HTML_IDS_PRIORITY)
        md.treeprocessors.register(_LinksAndIds(md, self.context), "explainer-links", LINKS_PRIORITY)


def page_links(context: BuildContext) -> PageLinks | None:
    """The record of the page being converted (made on first use)."""
    page = context.page
    if page is None:
        return None
    if (found := context.links.get(page.src_uri)) is None or found.page is not page:
        found = context.links[page.src_uri] = PageLinks(page)
    return found


def add_ids(context: BuildContext, ids: set[str]) -> None:
    """Ids put into the page being converted after its conversion (a generated page's HTML parts)."""
    if (record := page_links(context)) is not None:
        record.ids |= ids


class _RawHtmlIds(Preprocessor):
    """Ids written in raw HTML, which Python-Markdown stashes away from its tree."""

    def __init__(self, md: Markdown, context: BuildContext):
        super().__init__(md)
        self.context = context

    def run(self, lines: list[str]) -> list[str]:
        if (record := page_links(self.context)) is not None:
            parser = _IdCollector()
            parser.feed("\n".join(lines))
            parser.close()
            record.ids |= parser.ids
        return lines


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


class _LinksAndIds(Treeprocessor):
    def __init__(self, md: Markdown, context: BuildContext):
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        if (record := page_links(self.context)) is None:
            return
        for element in root.iter():
            if anchor := element.get("id"):
                record.ids.add(anchor)
            if element.tag == "a":
                if anchor := element.get("name"):
                    record.ids.add(anchor)
                if (href := element.get("href")) is not None:
                    record.targets.setdefault(href, None)
            elif element.tag == "img" and (src := element.get("src")) is not None:
                record.targets.setdefault(src, None)


# After every page is converted ---------------------------------------------------------------------


def link_problems(
    pages: dict[str, PageLinks],
    files: set[str],
    use_directory_urls: bool = True,
    reported: dict[str, set[str] | None] | None = None,
) -> list[Problem]:
    """Every link of every page that leads to no file of the site, or to no id of its page (warnings).

    `reported` names, by page, ids whose absence is reported already (None: any id), such as an
    entry left out of a generated page for its own problem: links to them are not reported again.
    """
    checked = Links(pages, files, use_directory_urls, reported or {})
    return [
        problem.as_warning()
        for record in pages.values()
        for target in record.targets
        if (problem := checked.problem(record.page, target)) is not None
    ]


@dataclass(frozen=True)
class Links:
    """Everything a link is checked against."""

    pages: dict[str, PageLinks]
    files: set[str]
    use_directory_urls: bool
    reported: dict[str, set[str] | None]

    def problem(self, page: PageInfo, url: str) -> Problem | None:
        return _link_problem(page, url, self)

    def has_id(self, src_uri: str, anchor: str) -> bool | None:
        """Whether page `src_uri` has id `anchor` (True as well if its absence is reported already); None if no page."""
        record = self.pages.get(src_uri)
        if record is None:
            return None
        reported = self.reported.get(src_uri, set())
        return anchor in record.ids or reported is None or anchor in reported


def _link_problem(page: PageInfo, url: str, links: Links) -> Problem | None:
    scheme, netloc, path, query, anchor = urlsplit(url)
    if scheme or netloc or AMP_SUBSTITUTE in url:
        return None  # another site, or an e-mail address Markdown obfuscated
    files, use_directory_urls = links.files, links.use_directory_urls
    if url.startswith(("/", "\\")):
        hint = _suggestion(page, unquote(path), query, anchor, files, use_directory_urls, skip_first=False)
        return _problem(page, url, f"link '{url}' starts with '/'; link the file relative to this page{hint}")
    if not path:
        return _anchor_problem(page, url, page.src_uri, anchor, links)
    path = unquote(path)
    target = _target_uri(page.src_uri, path)
    if target in files:
        return _anchor_problem(page, url, target, anchor, links) if anchor else None
    hint = _suggestion(page, path, query, anchor, files, use_directory_urls)
    if not posixpath.splitext(path)[-1]:
        return _problem(page, url, f"link '{url}' is not a link to a file; link the page's .md file{hint}")
    return _problem(page, url, f"link '{url}' leads to no file: there is no docs/{target}{hint}")


def _anchor_problem(page: PageInfo, url: str, target: str, anchor: str, links: Links) -> Problem | None:
    if links.has_id(target, anchor) is not False:
        return None  # the id is there, or not a page (an image, a download)
    record = links.pages[target]
    if target == page.src_uri:
        return _problem(page, url, f"link '{url}' leads to no heading or element with id '{anchor}' on this page")
    where = record.page.file_label if not record.page.generated else f"the {record.page.title} page ({target})"
    return _problem(page, url, f"link '{url}' leads to no heading or element with id '{anchor}' in {where}")


def _problem(page: PageInfo, url: str, message: str) -> Problem:
    """A problem at the first line of the page that holds the link as written (outside code).

    The link whole, as Markdown writes it (`(url)`, `(url "title")`, `[ref]: url`), before the bare
    address, so 'a.md' is not found in '(a.md#top)' on an earlier line.
    """
    forms = (f"({url})", f"({url} ", f"]: {url}", f"({url}", url)
    return page.problem(page_lines(page).first_present(forms), message)  # issue 21: linear (explainer.pagelines)


def _target_uri(src_uri: str, path: str) -> str:
    """The docs/ path a relative link from `src_uri` leads to (as MkDocs resolves it)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path).lstrip("/"))


def _suggestion(
    page: PageInfo,
    path: str,
    query: str,
    anchor: str,
    files: set[str],
    use_directory_urls: bool,
    skip_first: bool = True,
) -> str:
    """' (did you mean 'x.md'?)' when a likely intended file exists (MkDocs' guesses), else ''."""
    guesses = _possible_targets(page, path, use_directory_urls)
    if skip_first:
        next(guesses)
    for guess in guesses:
        if guess in files:
            link = (
                ""
                if anchor and guess == page.src_uri
                else posixpath.relpath(guess, posixpath.dirname(page.src_uri) or ".")
            )
            return f" (did you mean '{urlunsplit(('', '', link, query, anchor))}'?)"
    return ""


def _possible_targets(page: PageInfo, path: str, use_directory_urls: bool) -> Iterator[str]:
    """The file a link names, then guesses at what a mistaken link meant (mkdocs.structure.pages)."""
    target = _target_uri(page.src_uri, path)
    yield target
    if posixpath.normpath(path) == ".":
        yield page.src_uri
        return
    tried = {target}
    prefixes = list(dict.fromkeys([target, _target_uri(page.url or directory_url(page.src_uri), path)]))
    suffixes = [lambda p: p] if use_directory_urls else []
    if not posixpath.splitext(target)[-1]:
        suffixes += [lambda p: posixpath.join(p, "index.md"), lambda p: posixpath.join(p, "README.md")]
    if not target.endswith(".") and not path.endswith(".md") and (use_directory_urls or not path.endswith("/")):
        suffixes.append(lambda p: p.removesuffix(".html") + ".md")
    for prefix in prefixes:
        for suffix in suffixes:
            guess = posixpath.normpath(suffix(prefix))
            if guess not in tried and not guess.startswith("../"):
                tried.add(guess)
                yield guess
