"""The generic checks of a built explainer, without a browser. A site's tests import them:

    from explainer_checks.site import *  # noqa: F403

Each check is a pytest test over the site built once per session (fixture `explainer_build`).
The helpers they use (`sentences`, `broken_links`, ...) can be imported for a site's own tests.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from bs4.element import PreformattedString

from explainer.claims import CLAIM, FIGURE_OR_DATE, NOTE, Block, needs_a_note, note_mark, sentences, unsourced  # noqa: F401 (re-exported: a site's tests use them)
from explainer.corrections.anchors import mark_id, note_id
from explainer.corrections.page import PAGE as CORRECTIONS
from explainer.glossary.matching import TermMatcher
from explainer.glossary.records import GlossaryState
from explainer.sources import origins
from explainer.yamlfile import load_yaml

from .build import BuiltSite, parsed_page
from .html import style_attributes, unsafe_markup, vnu_errors
from .plugin import ExplainerSite

__all__ = [
    "test_every_correction_is_published_and_marked_at_its_anchor",
    "test_every_external_address_in_data_is_well_formed_https",
    "test_every_external_link_is_https",
    "test_every_internal_link_and_fragment_resolves",
    "test_every_page_has_its_own_description_and_social_preview_tags",
    "test_every_sentence_with_a_figure_date_or_quotation_has_a_source_note",
    "test_every_story_page_counts_its_sources",
    "test_first_mentions_of_glossary_entries_are_explained",
    "test_no_page_carries_an_event_handler_a_foreign_scheme_or_a_style_attribute",
    "test_no_page_has_an_html_error_of_its_own",
    "test_reading_the_site_requests_nothing_from_another_host",
    "test_the_site_builds_without_a_warning",
]


def test_the_site_builds_without_a_warning(explainer_build: BuiltSite) -> None:
    """What `mkdocs build --strict` requires: not one warning."""
    assert explainer_build.messages == []


# Every factual sentence cited ----------------------------------------------------------------------
# The sentence rule is the engine's (explainer.claims), and so is the reading of a page's prose into its
# Blocks: the build's origin rule reads the Markdown tree with it, this check a copy of the built article.


def prose_blocks(page: BeautifulSoup, leaving_out: str = "") -> list[etree.Element]:
    """The story's own paragraphs and list items as the build reads them (explainer.sources.origins: the
    article's top-level <p>s and the items of its top-level lists; what the site adds around them, Key dates,
    notes, corrections, admonitions, is nested or carries a class), in a copy of the article without what the
    CSS selector `leaving_out` selects."""
    article = page if page.name == "article" else page.select_one("article")
    if article is None:
        return []
    return origins.prose_blocks(
        _element_tree(article, {id(each) for each in article.select(leaving_out)} if leaving_out else set())
    )


def _element_tree(tag: Tag, leaving_out: set[int]) -> etree.Element:
    """A copy of `tag` as an ElementTree element (the build's tree), without the tags in `leaving_out` (by id;
    the text after one is kept) and without comments and declarations."""
    element = etree.Element(
        tag.name, {key: " ".join(value) if isinstance(value, list) else value for key, value in tag.attrs.items()}
    )
    last = None
    for child in tag.children:
        if isinstance(child, Tag):
            if id(child) not in leaving_out:
                last = _element_tree(child, leaving_out)
                element.append(last)
        elif not isinstance(child, PreformattedString):
            if last is None:
                element.text = (element.text or "") + child
            else:
                last.tail = (last.tail or "") + child
    return element


def names_with_digits(site: ExplainerSite) -> list[str]:
    """Names that contain a digit but are no figure: the glossary's forms (as the build finds them) and the
    site's own list, longest first."""
    forms = GlossaryState(site.data.glossary).forms_with_digits
    return sorted({*forms, *site.names_with_digits}, key=len, reverse=True)


def base_report_ids(site: ExplainerSite) -> frozenset[str]:
    """The report the story retells (a source's `base_report: true`), if any: its note covers a paragraph."""
    sources = site.data.get("sources") or ()
    return frozenset(source.id for source in sources if getattr(source, "base_report", False))


def unsourced_sentences(page: BeautifulSoup, names: list[str], base: frozenset[str] = frozenset()) -> list[str]:
    """Sentences with a figure, a date or a quotation and no note; a paragraph with a note citing the report
    the story retells (`base`) is sourced by it throughout (issue 24.3: that report's note once per paragraph)."""
    return [sentence[:100] for sentence in unsourced(map(origins.read_block, prose_blocks(page)), names, base)]


def test_every_sentence_with_a_figure_date_or_quotation_has_a_source_note(
    explainer_site: ExplainerSite, explainer_build: BuiltSite, explainer_story_page: str
) -> None:
    """The audit rule: a figure, a date or a quotation is checked against a source, and the note says which
    (the retold report's note once in a paragraph sources the whole paragraph)."""
    page = explainer_build.html(explainer_site.built_path(explainer_story_page))
    base = base_report_ids(explainer_site)
    assert unsourced_sentences(page, names_with_digits(explainer_site), base) == [], (
        f"docs/{explainer_story_page}: these sentences need a [^source-id] note"
    )


def test_every_story_page_counts_its_sources(
    explainer_site: ExplainerSite, explainer_build: BuiltSite, explainer_story_page: str
) -> None:
    """A page with source notes gives how many distinct sources it cites, and how many are independent."""
    page = explainer_build.html(explainer_site.built_path(explainer_story_page))
    if page.select_one("article a.footnote-ref") is None:
        pytest.skip(f"docs/{explainer_story_page} cites no source")
    summary = page.select_one("div.footnote > p.source-summary")
    assert summary is not None and summary.get_text().strip()


# First mentions explained -----------------------------------------------------------------------------

_NOT_PROSE = ("a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "sup", "script", "style", "svg")


def prose_text(article: Tag, leaving_out: str = "") -> str:
    """The article's own running text: no headings, links, code, notes, Key dates, charts or corrections; nor
    what the CSS selector `leaving_out` selects (left out of a copy: `article` is not changed)."""

    def running(element: etree.Element) -> Iterator[str]:
        yield element.text or ""
        for child in element:
            if child.tag not in _NOT_PROSE and "glossary-skip" not in (child.get("class") or "").split():
                yield from running(child)
            yield child.tail or ""

    return "".join("".join(running(block)) + "\n" for block in prose_blocks(article, leaving_out))


def test_first_mentions_of_glossary_entries_are_explained(
    explainer_site: ExplainerSite, explainer_build: BuiltSite, explainer_story_page: str
) -> None:
    """Each glossary entry a story page names in its prose is explained there: a tooltip link to its entry
    (household names, `mark: false`, aside; a mention inside a corrected phrase does not count)."""
    if explainer_site.front_matter(explainer_story_page).get("glossary") in ("off", False):
        pytest.skip(f"docs/{explainer_story_page} turns glossary marking off (front matter `glossary: off`)")
    page = explainer_build.html(explainer_site.built_path(explainer_story_page))
    article = page.select_one("article")
    assert article is not None
    linked = {unquote(urlsplit(a.get("href", "")).fragment) for a in article.select("a.glossary-term")}
    marked = [entry for entry in explainer_site.data.glossary if getattr(entry, "mark", True)]  # not household names
    # no underline inside a corrected phrase (issue 24.4): explained at a later mention
    named = {match.entry_id for match in TermMatcher(marked).finditer(prose_text(article, leaving_out=".corrected"))}
    unexplained = sorted(named - linked)
    assert unexplained == [], (
        f"docs/{explainer_story_page} names {unexplained} without a tooltip; is the page's glossary marking off?"
    )


# Corrections intact ---------------------------------------------------------------------------------


def test_every_correction_is_published_and_marked_at_its_anchor(
    explainer_site: ExplainerSite, explainer_build: BuiltSite
) -> None:
    """Each correction of data/corrections.yml is on the Corrections page (or its kind's own page) and, if
    its kind is marked in the text, marked on its page at its anchor, the mark linking to its dated note."""
    problems = []
    lists: dict[str, BeautifulSoup] = {}
    for correction in explainer_site.data.corrections:
        kind = explainer_site.data.story.kind(correction.kind)  # data/story.yml's, else the engine's default
        listed_on = kind.page or CORRECTIONS.src_uri
        if listed_on not in lists:
            lists[listed_on] = explainer_build.html(explainer_site.built_path(listed_on))
        if lists[listed_on].find(id=correction.id) is None:
            problems.append(f"{correction.id}: not on the page that lists its kind, docs/{listed_on}")
        if not kind.inline:
            continue
        page = explainer_build.html(explainer_site.built_path(correction.page))
        mark = page.find(id=mark_id(correction.id))
        if mark is None:
            problems.append(f"{correction.id}: no mark at its anchor in docs/{correction.page}")
        elif page.find(id=note_id(correction.id)) is None or mark.find("a", href=f"#{note_id(correction.id)}") is None:
            problems.append(f"{correction.id}: its mark in docs/{correction.page} does not lead to its note")
    assert problems == []


# Links --------------------------------------------------------------------------------------------------

URL_LIKE = re.compile(r"^[a-z][a-z0-9+.-]*:(//)?\S", re.IGNORECASE)
WELL_FORMED_HTTPS = re.compile(r"^https://[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(/[^\s<>\"]*)?$", re.IGNORECASE)
LINKING_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "use": "href"}
_ROOT = "https://site.invalid"  # stands in for the site's host while resolving links


def html_pages(site_dir: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    """Each built page as (its path relative to the site root, parsed HTML)."""
    for path in sorted(site_dir.rglob("*.html")):
        yield path.relative_to(site_dir).as_posix(), parsed_page(path)


def internal_links(base: str, page_path: str, page: BeautifulSoup) -> Iterator[tuple[str, str]]:
    """(link as written, absolute URL under `base`) for every link that stays inside the site."""
    for tag_name, attribute in LINKING_ATTRIBUTES.items():
        for tag in page.find_all(tag_name):
            target = tag.get(attribute) or tag.get("xlink:href")
            if not target or URL_LIKE.match(target) or target.startswith("//"):
                continue
            yield target, urljoin(base + page_path, target)


def _file_for(site_dir: Path, base: str, absolute_url: str) -> Path | None:
    path, root = unquote(urlsplit(absolute_url).path), urlsplit(base).path
    if not path.startswith(root):
        return None
    target = site_dir / path.removeprefix(root)
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def _ids_in(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        page = parsed_page(path)
        cache[path] = {tag["id"] for tag in page.find_all(id=True)} | {
            tag["name"] for tag in page.find_all(attrs={"name": True})
        }
    return cache[path]


def broken_links(site_dir: Path, base_path: str = "/") -> list[str]:
    """Every internal link whose file or fragment does not exist, as 'page: link (why)'.

    `base_path` is the path the site is published under (404.html links from there)."""
    base = _ROOT + base_path
    problems, ids_cache = [], {}
    for page_path, page in html_pages(site_dir):
        for written, absolute in internal_links(base, page_path, page):
            target = _file_for(site_dir, base, absolute)
            fragment = unquote(urlsplit(absolute).fragment)
            if target is None:
                problems.append(f"{page_path}: {written} (outside the site)")
            elif not target.is_file():
                problems.append(f"{page_path}: {written} (no file {target.relative_to(site_dir)})")
            elif fragment and target.suffix == ".html" and fragment not in _ids_in(target, ids_cache):
                problems.append(f"{page_path}: {written} (no id '{fragment}' in {target.relative_to(site_dir)})")
    return problems


def test_every_internal_link_and_fragment_resolves(explainer_site: ExplainerSite, explainer_build: BuiltSite) -> None:
    assert list(html_pages(explainer_build.site_dir)), "the site has pages"
    assert broken_links(explainer_build.site_dir, explainer_site.base_path) == []


def external_addresses(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    """(key, text) for every string in a data file that is a URL or sits under a url-ish key."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from external_addresses(child, str(child_key))
    elif isinstance(value, list):
        for child in value:
            yield from external_addresses(child, key)
    elif isinstance(value, str) and ("url" in key.lower() or URL_LIKE.match(value)):
        yield key, value


def test_every_external_address_in_data_is_well_formed_https(explainer_site: ExplainerSite) -> None:
    bad = [
        f"data/{path.name}: {key}: {value}"
        for path in sorted((explainer_site.root / "data").glob("*.yml"))
        for key, value in external_addresses(load_yaml(path, f"data/{path.name}").data)
        if not WELL_FORMED_HTTPS.match(value)
    ]
    assert bad == []


def test_every_external_link_is_https(explainer_build: BuiltSite) -> None:
    insecure = {
        f"{page_path}: {tag['href']}"
        for page_path, page in html_pages(explainer_build.site_dir)
        for tag in page.find_all("a", href=True)
        if tag["href"].lower().startswith(("http:", "javascript:", "data:", "vbscript:"))
    }
    assert sorted(insecure) == []


def test_reading_the_site_requests_nothing_from_another_host(explainer_build: BuiltSite) -> None:
    remote = {
        f"{page_path}: <{tag.name} {attribute}={tag[attribute]}>"
        for page_path, page in html_pages(explainer_build.site_dir)
        for tag in page.find_all(["img", "script", "iframe", "link", "source", "video", "audio", "embed", "object"])
        for attribute in ("src", "href", "data", "srcset")
        if tag.get(attribute)
        and (URL_LIKE.match(tag[attribute]) or tag[attribute].startswith("//"))
        and not (tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]))
    }
    assert sorted(remote) == []


# Pages: descriptions, safe markup, valid HTML ---------------------------------------------------------------

SOCIAL_TAGS = ("description", "og:title", "og:description", "og:url", "og:type", "og:site_name", "twitter:card")


def test_every_page_has_its_own_description_and_social_preview_tags(explainer_build: BuiltSite) -> None:
    """Search engines and link previews show each page's own description (front matter `description:`)."""
    site_dir = explainer_build.site_dir
    home = parsed_page(site_dir / "index.html")
    home_description = (home.find("meta", attrs={"name": "description"}) or {}).get("content")
    missing: dict[str, list[str]] = {}
    for index in sorted(site_dir.rglob("index.html")):
        path = index.parent.relative_to(site_dir).as_posix()
        head = parsed_page(index).head
        tags = {tag.get("name") or tag.get("property"): tag.get("content", "") for tag in head.find_all("meta")}
        if lacking := [name for name in SOCIAL_TAGS if not tags.get(name)]:
            missing[path] = lacking
        elif path != "." and tags["description"] == home_description:
            missing[path] = ["a description of its own (front matter `description:`)"]
    assert missing == {}


def test_no_page_carries_an_event_handler_a_foreign_scheme_or_a_style_attribute(explainer_build: BuiltSite) -> None:
    """Presentation lives in stylesheets and behaviour in scripts: such attributes could only have got through."""
    found = {}
    for page_path, page in html_pages(explainer_build.site_dir):
        if problems := unsafe_markup(page) + sorted(style_attributes(page)):
            found[page_path] = problems
    assert found == {}


@pytest.mark.slow
def test_no_page_has_an_html_error_of_its_own(explainer_site: ExplainerSite, explainer_build: BuiltSite) -> None:
    """The Nu HTML Checker finds no error but those of Material's own markup (explainer_checks.html)."""
    errors = vnu_errors(explainer_site.root, explainer_build.pages(), explainer_build.site_dir)
    assert [str(error) for error in errors if error.known is None] == []
