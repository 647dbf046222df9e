"""Property-based tests: arbitrary text in data never crashes the build, never injects markup,
never breaks page structure; text transformations never touch code, links or headings."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import generated_page, write_project
from factories import glossary_entry, mark_glossary_terms, source
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layers import ConvertedSite, site_pages
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor
from test_bad_inputs import LOCATED

from explainer.codeblocks import without_code
from explainer.context import PageInfo, SiteMap
from explainer.corrections.anchors import attach_mark
from explainer.corrections.records import Correction
from explainer.datafile import Records
from explainer.dates import PartialDate, parse_partial_date
from explainer.errors import DataError
from explainer.frontmatter import front_matter_problems
from explainer.glossary import page as glossary_page_module
from explainer.registry import new_context
from explainer.schema import check_against_schema
from explainer.sources.extension import SourceNotesExtension, citation
from explainer.sources.records import Claim, Source
from explainer.story import Relationship
from explainer.yamlfile import parse_yaml

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SPECIAL = "<>&\"'`[]^*_#!|:\n\t"
# Any text a data file can hold (YAML refuses control characters), with markup, quotes and entities.
ANY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])
    | st.sampled_from(list("<>&\"'`[]^*_#!|:\n\t")),
    min_size=1,
    max_size=80,
)
MARKUP = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "' onmouseover='alert(1)",
        "&lt;b&gt;",
        "<!-- backlinks source x -->",
        "javascript:alert(1)",
        "[^other]",
        "**bold** _em_ `code`",
    ]
)
HOSTILE_TEXT = st.one_of(ANY_TEXT, MARKUP, st.tuples(ANY_TEXT, MARKUP).map("".join))


# Dates --------------------------------------------------------------------------------------

PARTIAL_DATES = st.builds(
    lambda year, month, day, precision: PartialDate(
        year, month if precision != "year" else None, day if precision == "day" else None
    ),
    st.integers(1990, 2030),
    st.integers(1, 12),
    st.integers(1, 28),
    st.sampled_from(["year", "month", "day"]),
)


@FAST
@given(st.lists(PARTIAL_DATES, max_size=12))
def test_dates_of_any_precision_sort_without_error(dates):
    ordered = sorted(dates)
    assert [date.sort_key for date in ordered] == sorted(date.sort_key for date in dates)


@pytest.mark.parametrize(
    ("earlier", "later"),
    [("2023", "2023-03"), ("2023-03", "2023-03-01"), ("2022-12-31", "2023"), ("2023-02", "2023-03")],
)
def test_less_precise_date_sorts_first(earlier, later):
    assert parse_partial_date(earlier) < parse_partial_date(later)


@FAST
@given(PARTIAL_DATES)
def test_date_text_round_trips(date):
    assert parse_partial_date(date.iso) == date


@FAST
@given(st.text(max_size=20))
def test_any_date_text_parses_or_gives_a_reason(text):
    try:
        parse_partial_date(text)
    except ValueError as error:
        assert str(error)


# YAML loading -------------------------------------------------------------------------------


@FAST
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda text: text.encode("utf-8")))
def test_any_bytes_load_or_fail_with_a_located_problem(raw):
    try:
        document = parse_yaml(raw, "data/sources.yml")
    except DataError as error:
        assert error.problems
        assert all(problem.file == "data/sources.yml" and problem.line >= 1 for problem in error.problems)
        assert all("\n" not in problem.message for problem in error.problems)
        return
    for problem in check_against_schema(document, "sources").problems:
        assert problem.line >= 1 and problem.message


# Source notes -------------------------------------------------------------------------------

SOURCE_IDS = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}\Z")
AUTHORS = st.lists(HOSTILE_TEXT, min_size=1, max_size=3, unique=True).map(tuple)
SOURCES_WITH_ANY_TEXT = st.builds(
    Source,
    id=SOURCE_IDS,
    publisher=HOSTILE_TEXT,
    title=HOSTILE_TEXT,
    published=PARTIAL_DATES,
    url=HOSTILE_TEXT.map(lambda text: "https://example.com/" + text),
    kind=st.sampled_from(["primary", "news", "analysis", "reference"]),
    used_for=HOSTILE_TEXT,
    authors=st.just(()) | AUTHORS,
    notes=st.just("") | HOSTILE_TEXT,
    # data/story.yml's wording is checked as plain text, but a note escapes it like any text from data.
    relationship=st.builds(
        Relationship,
        key=st.just("any"),
        independent=st.booleans(),
        disclosure=st.just("") | HOSTILE_TEXT,
        emphasis=st.sampled_from(["strong", "normal"]),
    ),
    origin=st.just("") | HOSTILE_TEXT,
    single_source=st.just(())
    | AUTHORS.map(
        lambda claims: tuple(Claim("s", n, claim, page="p.md", anchor="a") for n, claim in enumerate(claims, 1))
    ),
)


def soup(fragment: str) -> BeautifulSoup:
    return BeautifulSoup(fragment, "html.parser")


def words(text: str) -> str:
    """Text with whitespace normalized, as a reader sees it."""
    return " ".join(text.split())


def tags_and_attributes(tree: BeautifulSoup) -> set[tuple[str, str]]:
    """Every (element, attribute) pair in the tree; injected markup would add new ones."""
    return {(tag.name, attribute) for tag in tree.find_all(True) for attribute in [*tag.attrs, ""]}


@FAST
@given(SOURCES_WITH_ANY_TEXT)
def test_citation_never_lets_data_text_become_markup(source):
    note = soup(to_html_string(citation(source, "../sources.md#" + source.id)))
    assert tags_and_attributes(note) == {
        ("span", ""), ("span", "class"), ("cite", ""), ("a", ""), ("a", "href"), ("a", "class"),
        ("time", ""), ("time", "datetime"),
    }  # fmt: skip
    assert note.select_one("cite a")["href"] == source.url
    assert words(note.select_one("cite").get_text()) == words(source.title)
    assert words(source.publisher) in words(note.get_text())
    if source.origin:
        assert words(note.select_one(".source-disclosure--origin").get_text()) == words(
            f"{source.origin} story, republished by {source.publisher}"
        )


def render_story(markdown_text: str, sources: dict[str, Source]) -> BeautifulSoup:
    """A story page converted as the build does, with the source-notes extension."""
    page = PageInfo("story/page.md", "story/page/", "Page", markdown_text)
    extension = SourceNotesExtension(context=new_context(sources=sources, page=page))
    md = markdown.Markdown(extensions=["footnotes", "attr_list", "md_in_html", "toc", extension])
    return soup(md.convert(markdown_text))


@FAST
@given(st.lists(SOURCES_WITH_ANY_TEXT, min_size=1, max_size=3, unique_by=lambda source: source.id))
def test_story_page_keeps_its_structure_whatever_the_sources_say(sources):
    text = "# Title\n\n" + "\n\n".join(f"Claim {n}.[^{source.id}]" for n, source in enumerate(sources))
    page = render_story(text, {source.id: source for source in sources})
    assert [h.get_text() for h in page.find_all(["h1", "h2"])] == ["Title", "Sources and notes"]
    assert len(page.select("div.footnote li")) == len(sources)
    assert len(page.find_all("p", recursive=False)) == len(sources)
    assert not page.find_all(["script", "img", "iframe", "style"])
    assert [words(cite.get_text()) for cite in page.select("div.footnote cite")] == [words(s.title) for s in sources]


@FAST
@given(st.lists(SOURCES_WITH_ANY_TEXT, max_size=4, unique_by=lambda source: source.id))
def test_sources_page_keeps_its_structure_whatever_the_sources_say(sources):
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"])
    page = soup(generated_page("sources.md", md=md, sources=Records({source.id: source for source in sources})))
    entries = page.select("div.source-entry")
    assert [entry["id"] for entry in entries] == [
        source.id for source in sorted(sources, key=lambda s: (list(KINDS).index(s.kind), s.published, s.publisher))
    ]
    assert not page.find_all(["script", "img", "iframe", "style"])
    for entry in entries:
        source = next(s for s in sources if s.id == entry["id"])
        assert words(entry.select_one(".source-entry__title").get_text()) == words(source.title)
        assert words(entry.select_one(".source-entry__use").get_text()) == words("Used for: " + source.used_for)


KINDS = {"primary": 0, "news": 1, "analysis": 2, "reference": 3}


# Locating problems in pages ------------------------------------------------------------------

MARKDOWN_LINES = st.lists(
    st.sampled_from(["```", "~~~", "````text", "`[^k]`", "[^k]", "text `code` text", "``a ` b``", "", "    indented"]),
    max_size=12,
).map("\n".join)


@FAST
@given(MARKDOWN_LINES)
def test_blanking_code_keeps_every_line_where_it_was(text):
    blanked = without_code(text)
    assert [len(line) for line in blanked.split("\n")] == [len(line) for line in text.split("\n")]


@FAST
@given(st.text(max_size=120).map(lambda text: f"---\n{text}\n---\n# Page\n"))
def test_any_front_matter_is_accepted_or_located(page_text):
    for problem in front_matter_problems(page_text, "docs/p.md"):
        assert problem.file == "docs/p.md" and 2 <= problem.line <= page_text.count("\n")


@pytest.mark.parametrize(
    ("markdown_text", "line"),
    [
        ("`[^k]` in code\n\nreal [^k]", 3),
        ("```\n[^k]\n```\nreal [^k]", 4),
        ("~~~~\n```\n[^k]\n~~~~\n[^k]", 5),
        ("only `[^k]` in code", 1),  # nothing outside code: the example itself is the best guess
    ],
)
def test_page_problems_point_past_code_examples(markdown_text, line):
    page = PageInfo("story/p.md", "story/p/", "P", markdown_text)
    assert page.problem("[^k]", "m").line == line


# Glossary matcher ---------------------------------------------------------------------------

GLOSSARY_ENTRIES = {
    "jack-ma": glossary_entry("jack-ma", "Jack Ma", "Ma", category="person", short="Founder."),
    "ant-group": glossary_entry("ant-group", "Ant Group", "Ant", category="organization", short="Payments."),
    "pboc": glossary_entry("pboc", "People's Bank of China", category="organization", short="Central bank."),
}
WORDS = st.sampled_from(
    ["Jack Ma", "Ma", "Ant Group", "Ant", "People's Bank of China", "karma", "ants", "the", "&", "*"]
)
PHRASE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
BLOCK = st.one_of(
    PHRASE,
    PHRASE.map(lambda text: f"## {text}"),
    PHRASE.map(lambda text: f"`{text}` and {text}"),
    PHRASE.map(lambda text: f"[{text}](https://example.com/) and {text}"),
    PHRASE.map(lambda text: f"```\n{text}\n```"),
    PHRASE.map(lambda text: f"> {text}"),
    PHRASE.map(lambda text: f"* {text}\n* {text}"),
)
MARKDOWN_OPTIONS = {"extensions": ["toc", "attr_list", "md_in_html", "tables", "smarty"]}


@FAST
@given(st.lists(BLOCK, min_size=1, max_size=6).map("\n\n".join))
def test_glossary_never_marks_code_links_or_headings(markdown_text):
    page = soup(mark_glossary_terms(markdown_text, GLOSSARY_ENTRIES, **MARKDOWN_OPTIONS))
    for mark in page.select("a.glossary-term"):
        assert not mark.find_parent(["code", "pre", "a", "h1", "h2", "h3", "h4", "h5", "h6"]), str(mark)
        assert not mark.find("a")


@FAST
@given(st.lists(BLOCK, min_size=1, max_size=6).map("\n\n".join))
def test_glossary_marks_change_no_text_and_no_other_structure(markdown_text):
    marked = soup(mark_glossary_terms(markdown_text, GLOSSARY_ENTRIES, **MARKDOWN_OPTIONS))
    plain = soup(markdown.Markdown(**MARKDOWN_OPTIONS).convert(markdown_text))
    assert marked.get_text() == plain.get_text()
    for mark in marked.select("a.glossary-term"):
        mark.unwrap()
    assert [tag.name for tag in marked.find_all(True)] == [tag.name for tag in plain.find_all(True)]


@FAST
@given(HOSTILE_TEXT)
def test_glossary_tooltip_is_the_definition_as_text(short):
    entries = {"jack-ma": glossary_entry("jack-ma", "Jack Ma", category="person", short=short)}
    page = soup(mark_glossary_terms("Jack Ma spoke.", entries, **MARKDOWN_OPTIONS))
    (mark,) = page.select("a.glossary-term")
    assert mark["title"] == short
    assert tags_and_attributes(page) == {
        ("p", ""),
        ("a", ""),
        ("a", "class"),
        ("a", "href"),
        ("a", "id"),
        ("a", "title"),
    }


# Terms as the schema allows them: a letter or digit at each end, punctuation inside.
TERMS = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9 .&+/-]{0,12}[A-Za-z0-9]\Z").filter(lambda term: "  " not in term)


@FAST
@given(TERMS)
def test_glossary_marks_any_allowed_term_exactly(term):
    entries = {"t": glossary_entry("t", term, short="Short.")}
    page = soup(mark_glossary_terms(f"Before {term} after.", entries, extensions=["toc", "attr_list"]))
    assert [mark.get_text() for mark in page.select("a.glossary-term")] == [term]
    assert words(page.get_text()) == words(f"Before {term} after.")


# Correction marks ---------------------------------------------------------------------------

ANCHOR = "Dan Ives"
CORRECTION = Correction("c", "p.md", ANCHOR, PartialDate(2026, 11, 20), "translation", "Dan Evez", "Right.", ("s",))
ANCHOR_BLOCK = st.one_of(
    st.sampled_from(["Analyst Dan Ives said.", "No name here.", "Dan  Ives, twice: Dan Ives"]),
    st.sampled_from(["## Dan Ives in a heading", "`Dan Ives` in code", "[Dan Ives](https://example.com/)"]),
    st.sampled_from(["```\nDan Ives\n```", "> Dan Ives quoted", "* Dan Ives listed", "*Dan Ives* emphasized"]),
)


class _MarkOnce(Treeprocessor):
    def run(self, root):
        attach_mark(root, CORRECTION)


def mark_correction(markdown_text: str) -> BeautifulSoup:
    """Markdown converted with the correction mark attached, as the corrections extension does."""
    md = markdown.Markdown(**MARKDOWN_OPTIONS)
    md.treeprocessors.register(_MarkOnce(md), "mark-once", 1)
    return soup(md.convert(markdown_text))


@FAST
@given(st.lists(ANCHOR_BLOCK, min_size=1, max_size=5).map("\n\n".join))
def test_correction_marks_stay_out_of_code_links_and_headings(markdown_text):
    page = mark_correction(markdown_text)
    plain = soup(markdown.Markdown(**MARKDOWN_OPTIONS).convert(markdown_text))
    phrases = page.select("span.corrected")
    assert len(phrases) <= 1 and len(page.select("sup.correction-ref")) == len(phrases)
    for phrase in phrases:
        assert not phrase.find_parent(["code", "pre", "a", "h1", "h2", "h3", "h4", "h5", "h6"])
        assert words(phrase.get_text()) == ANCHOR
    assert page.get_text() == plain.get_text()


# Any plain text in the data: every page, at the pages layer -----------------------------------
#
# What data text can change is each page's HTML and the headings of its table of contents, which the theme
# prints as they are (the rest it prints, titles and nav, comes from the pages and mkdocs.yml, not from the
# data; the whole builds this replaced compared whole pages). tests/layers.py `site_pages` gives every page as
# the build converts it, in one build context (the generated pages list every page that uses an item),
# without the theme or writing files. test_the_pages_layer_gives_each_page_what_the_build_gives_it shows
# these are the fixture build's pages.

# Fields that are plain text in each data file (glossary `long` is Markdown by design, so not here).
PLAIN_TEXT_FIELDS = {
    "sources": ["publisher", "title", "used_for", "notes", "origin"],
    "glossary": ["short"],
    "events": ["title", "summary", "date_note"],
    "corrections": ["wrong", "correction"],
}
# What schema-valid plain text can hold: anything but < and > (and control characters, refused by the loader).
SCHEMA_VALID_TEXT = st.one_of(
    ANY_TEXT.map(lambda text: text.replace("<", "").replace(">", "")),
    st.sampled_from(['"onmouseover="alert(1)', "[link](javascript:alert(1))", "&lt;script&gt;", "*em* `code` _u_"]),
).filter(lambda text: text.strip() and len(text) <= 60)


def with_text_everywhere(project: Path, text: str) -> None:
    """Write `text` into every plain-text field of every data file of `project`."""
    for name, fields in PLAIN_TEXT_FIELDS.items():
        path = project / "data" / f"{name}.yml"
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in entries:
            entry.update({field: text for field in fields if field in entry})
            for figure in entry.get("figures", ()):
                figure.update(label=text, unit=text)
        path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")


Structure = dict[str, list[tuple[str, tuple[str, ...]]]]


def structure(site: ConvertedSite) -> Structure:
    """Each page's elements with their attribute names, in document order, then those of the headings of its
    table of contents; in a picture, not the words drawn in it (how many lines a title wraps to, and which
    events the Timeline has room to name, follow the text's length)."""
    return {
        src_uri: elements(page.content) + elements("".join(site.headings(src_uri)))
        for src_uri, page in site.pages.items()
    }


def elements(html: str) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (tag.name, tuple(sorted(tag.attrs)))
        for tag in BeautifulSoup(html, "html.parser").find_all(True)
        if not _drawn_words(tag)
    ]


def _drawn_words(tag) -> bool:
    """A picture's text or a label's leader line (its layout depends on the words)."""
    if tag.find_parent("svg") is None:
        return False
    return tag.name in ("text", "tspan") or "timeline-headline__leader" in tag.get("class", [])


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> ConvertedSite:
    site = site_pages(write_project(tmp_path_factory.mktemp("baseline") / "project"))
    assert site.problems == []
    return site


@pytest.fixture(scope="module")
def baseline_structure(baseline: ConvertedSite) -> Structure:
    """The fixture's structure, worked out once: each example of the property below compares its own with it."""
    return structure(baseline)


THEME_LINKS = re.compile(r"/edit/main/|/issues/new\?")  # the theme's "edit this page" and "report a mistake"


def test_the_pages_layer_gives_each_page_what_the_build_gives_it(baseline: ConvertedSite, fixture_build):
    """The layer the property below runs at, against the fixture's build (shared): every page, its links in
    order (the generated pages' backlinks: 31 on the Sources page), its ids, and the headings the theme lists."""
    built_pages = sorted(path.relative_to(fixture_build.site_dir) for path in fixture_build.site_dir.rglob("*.html"))
    assert [str(path) for path in built_pages if path.name == "index.html" and str(path) != "404.html"] == [
        page.url + "index.html" for page in sorted(baseline.pages.values(), key=lambda page: page.url + "index.html")
    ]
    for src_uri, page in baseline.pages.items():
        built = BeautifulSoup(
            (fixture_build.site_dir / page.url / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        article, converted = built.select_one("article.md-content__inner"), BeautifulSoup(page.content, "html.parser")
        links = [a.get("href") for a in article.find_all("a") if not THEME_LINKS.search(a.get("href", ""))]
        assert [a.get("href") for a in converted.find_all("a")] == links, src_uri
        assert [tag["id"] for tag in converted.find_all(id=True)] == [tag["id"] for tag in article.find_all(id=True)]
        toc = [
            words(link.get_text())
            for link in built.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
        ]
        titles = [words(BeautifulSoup(title, "html.parser").get_text()) for title in baseline.headings(src_uri)]
        assert titles[1:] == toc  # the page's title (its h1) is not in the theme's list of its contents
    assert len(BeautifulSoup(baseline.pages["sources.md"].content, "html.parser").find_all("a")) == 29


def test_the_structure_would_see_an_element_or_an_attribute_data_text_adds(
    tmp_path: Path, baseline_structure: Structure
):
    """The positive control of the property below: text that made markup, in a page or a heading of its table
    of contents, would change the structure."""
    project = write_project(tmp_path / "project")
    with_text_everywhere(project, "x")
    site = site_pages(project)
    assert structure(site) == baseline_structure
    content = site.pages["sources.md"].content
    site.pages["sources.md"].content = content.replace(">x<", '><b onmouseover="a">x</b><', 1)
    assert structure(site) != baseline_structure
    site.pages["sources.md"].content = content
    heading = next(iter(site.pages["timeline.md"].toc)).children[0]  # a year: no data text is a heading as yet
    heading.title = f"<b>{heading.title}</b>"
    assert structure(site) != baseline_structure


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=SCHEMA_VALID_TEXT)
def test_any_plain_text_in_data_gives_every_page_the_same_structure(tmp_path_factory, baseline_structure, text):
    project = write_project(tmp_path_factory.mktemp("hostile") / "project")
    with_text_everywhere(project, text)
    site = site_pages(project)
    if site.problems:  # e.g. an event summary of four sentences: refused, cleanly, each problem at its line
        assert all(LOCATED.match(problem) for problem in site.problems), site.problems
        assert not LOCATED.match(site.stopped)  # the line that sums them up, if they stopped the build
        return
    assert not site.stopped
    assert structure(site) == baseline_structure


# The Glossary page writes plain lines as the HTML Markdown would give -------------------------------

PAGE_WORDS = st.text(alphabet=st.sampled_from("Ab c-.'\"&<>*_[]()#!…’–0"), min_size=1, max_size=12).filter(str.strip)


@FAST
@given(aliases=st.lists(PAGE_WORDS, max_size=2, unique=True), publisher=PAGE_WORDS, related=PAGE_WORDS)
def test_glossary_lines_read_the_same_written_as_html_or_as_markdown(aliases, publisher, related):
    entries = {
        "a": glossary_entry("a", "Alpha", *aliases, short="S.", long="L.", sources=("s",), related=("b",)),
        "b": glossary_entry("b", related, short="S.", long="L."),
    }
    sources = {"s": source(publisher=publisher, published=PartialDate(2020, 1))}
    extensions = ["toc", "attr_list", "md_in_html", "smarty", "footnotes", "abbr"]

    def rendered() -> str:
        context = new_context(glossary=entries, sources=sources)
        # Links as Markdown writes them, unresolved: the same on both paths without MkDocs.
        context.site = SiteMap({"sources.md": "sources.md"}, relative=lambda url, other: url)
        return generated_page("glossary.md", context, markdown.Markdown(extensions=extensions))

    fast = rendered()
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(glossary_page_module, "plain", lambda text: False)  # every line through Markdown
        assert rendered() == fast
