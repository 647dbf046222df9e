"""Claims that rest on one report (issue 20 items 4 and 5) and fewer underlines (issue 24 item 4).

- the data layer: a source's `single_source` claims, each with where readers meet it (a page's phrase, or a
  chart's point), and at most one `base_report`;
- the rules (explainer.claims): which sentences state a figure, and which are cited to one origin only;
- one Markdown conversion: the mark after a declared claim (a button whose title previews.js shows), the
  origin rule's error, the "Retold from" line; the glossary's household names and corrected phrases;
- the real build: every declared claim marked once, listed on the Sources page, every source used somewhere.

The marker's preview on hover, focus and tap: tests/browser/test_single_source.py.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from explainer.anchors import mark_position
from explainer.claims import Block, has_figure, note_mark, one_origin
from explainer.context import PageInfo
from explainer.dates import PartialDate
from explainer.glossary.extension import GlossaryExtension
from explainer.glossary.records import GlossaryEntry
from explainer.registry import new_context
from explainer.sources.extension import SourceNotesExtension
from explainer.sources.origins import read_block
from explainer.sources.records import Claim, Source, build_sources
from explainer.yamlfile import parse_yaml


def source(source_id: str, publisher: str, **fields) -> Source:
    defaults = dict(title="T", published=PartialDate(2025, 3, 27), url="https://example.com/", kind="news")
    return Source(id=source_id, publisher=publisher, used_for="U", **{**defaults, **fields})


# The data layer -----------------------------------------------------------------------------------

SOURCES_YML = """\
- id: wire-2025-rally
  publisher: Example Wire
  title: The rally
  published: "2025-03-27"
  url: https://example.com/rally
  kind: news
  used_for: The rally.
  stake: independent
  base_report: true
  single_source:
    - claim: The size of the rally
      page: story/the-rally.md
      anchor: a rally of 100 billion
    - claim: The peak
      figure: group-value
      date: "2020-10"
"""


def sources_of(text: str):
    return build_sources(parse_yaml(text.encode(), "data/sources.yml"))


def test_claims_are_read_with_their_place_and_line():
    sources, problems = sources_of(SOURCES_YML)
    assert problems == []
    wire = sources["wire-2025-rally"]
    assert wire.base_report
    page_claim, point_claim = wire.single_source
    assert (page_claim.page, page_claim.anchor, page_claim.line) == ("story/the-rally.md", "a rally of 100 billion", 13)
    assert (point_claim.figure, point_claim.date, point_claim.line) == ("group-value", PartialDate(2020, 10), 15)
    assert page_claim.mark_id == "one-report-wire-2025-rally-1" and point_claim.key == "wire-2025-rally/2"


def test_a_claim_in_two_places_at_once_is_refused():
    text = SOURCES_YML.replace('      date: "2020-10"\n', '      date: "2020-10"\n      page: story/x.md\n')
    _, problems = sources_of(text)
    assert [str(problem) for problem in problems] == [
        "data/sources.yml:14: source 'wire-2025-rally': single-source claim 2 is either on a page (page:, anchor:)"
        " or on a chart's point (figure:, date:), not both: keep one"
    ]


def test_a_second_base_report_is_refused():
    second = SOURCES_YML.split("  single_source:")[0].replace("wire-2025-rally", "post-2025-rally")
    _, problems = sources_of(SOURCES_YML + second)
    assert [str(problem) for problem in problems] == [
        "data/sources.yml:25: source 'post-2025-rally': base_report is already set on source 'wire-2025-rally'"
        " (line 9); a story retells one report: keep one"
    ]


# The rules ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Shares fell 7.8% that day.", True),
        ("It lost $230 billion of market value.", True),
        ("18 of the 20 analysts rated it a buy.", True),
        ("He vanished for 88 days.", True),
        ("On 27 March 2025 the shares rose.", False),  # a date is no figure
        ("Qwen 2.5-Max and the H800 chip, in the 1990s.", False),  # names and decades
        ("Ernie 4.5 was cheaper.", False),  # a version after a name
    ],
)
def test_which_sentences_state_a_figure(sentence, figure):
    assert has_figure(sentence) is figure


def test_a_figure_cited_to_one_origin_is_found_unless_declared():
    origins = {"a": frozenset({"Wire"}), "b": frozenset({"Wire"}), "c": frozenset({"Post"})}.get
    blocks = [
        Block(
            f"It fell 7.8%.{note_mark(0)}{note_mark(1)} It rose 3%.{note_mark(2)}{note_mark(3)}", ("a", "b", "a", "c")
        ),
        Block(f"It lost $5 billion\x01.{note_mark(0)}", ("a",)),  # \x01: a single-source mark
    ]
    found = one_origin(blocks, lambda key: origins(key, frozenset()))
    assert [(each.sentence.plain, each.origin) for each in found] == [("It fell 7.8%.", "Wire")]


def test_a_block_citing_the_base_report_covers_its_sentences_without_a_note():
    origins = {"base": frozenset({"Wire"})}.get
    block = Block(f"It rose 60%. It was worth $100 billion.{note_mark(0)}", ("base",))
    found = one_origin([block], lambda key: origins(key, frozenset()), base_notes=frozenset({"base"}))
    assert [each.sentence.plain for each in found] == ["It rose 60%.", "It was worth $100 billion."]


# One Markdown conversion --------------------------------------------------------------------------

WIRE = source("wire-2025-rally", "Example Wire")
POST = source("post-2025-rally", "Example Post")


def convert(text: str, sources: dict[str, Source], src_uri: str = "story/the-rally.md", meta=None, **records):
    page = PageInfo(src_uri, src_uri.removesuffix(".md") + "/", "The rally", text, meta=meta or {})
    context = new_context(sources=sources, page=page, **records)
    md = markdown.Markdown(extensions=["footnotes", "attr_list", "md_in_html", SourceNotesExtension(context=context)])
    return BeautifulSoup(md.convert(text), "html.parser"), context


@pytest.mark.parametrize(
    ("text", "anchor", "before_mark"),
    [
        ("a rally of $100 billion. Then", "$100 billion", "a rally of $100 billion."),
        ("a rally of $100 billion, another", "$100 billion", "a rally of $100 billion,"),
        ('the "old people’s club." Then', "club", 'the "old people’s club."'),  # full stop and quote
        ("Alibaba’s shares", "Alibaba", "Alibaba"),  # positive control: an apostrophe inside a word
        ("a rally of $100 billion", "$100 billion", "a rally of $100 billion"),  # nothing follows
        ("a rally of $100 billion and more", "$100 billion", "a rally of $100 billion"),  # a word follows
    ],
)
def test_a_mark_goes_after_the_punctuation_that_closes_its_anchor(text: str, anchor: str, before_mark: str):
    end = text.index(anchor) + len(anchor)
    assert text[: mark_position(text, end)] == before_mark


class CountingList(list):
    """A list that counts how often it is walked."""

    scans = 0

    def __iter__(self):
        self.scans += 1
        return super().__iter__()


def test_claims_are_grouped_by_page_and_chart_once_per_build():
    """Every story page and chart asks for its claims: one walk of them all, not one per page (pages x claims)."""
    on_page = Claim(WIRE.id, 1, "c", page="story/the-rally.md", anchor="a")
    on_chart = Claim(WIRE.id, 2, "c", figure="rally", date=PartialDate(2025, 3, 27))
    both = Claim(POST.id, 1, "c", page="story/the-rally.md", anchor="b", figure="rally")  # hand-built only
    records = {
        WIRE.id: source(WIRE.id, "W", single_source=(on_page, on_chart)),
        POST.id: source(POST.id, "P", single_source=(both,)),
    }
    state = new_context(sources=records).sources
    state.claims = CountingList(state.claims)
    pages = ["story/the-rally.md", "story/other.md"] * 3
    assert [state.claims_on_page(page) for page in pages] == [[on_page, both], []] * 3
    assert [state.claims_on_figure(series) for series in ["rally", "other"] * 3] == [[on_chart, both], []] * 3
    assert state.claims.scans == 1


def test_a_declared_claim_carries_a_mark_that_names_its_report():
    claim = Claim(WIRE.id, 1, "The size of the rally", page="story/the-rally.md", anchor="a rally of $100 billion")
    wire = source(WIRE.id, "Example Wire", single_source=(claim,))
    page, context = convert("# The rally\n\nIt was a rally of $100 billion.[^wire-2025-rally]\n", {WIRE.id: wire})
    assert context.problems == []
    mark = page.select_one("p sup.one-report")
    assert mark["id"] == "one-report-wire-2025-rally-1"
    # after the anchor and the full stop that closes it, right before the note: "billion.¹ ²"
    assert mark.previous_sibling == "It was a rally of $100 billion."
    assert mark.next_sibling.name == "sup" and mark.next_sibling.get("id", "").startswith("fnref")
    link = mark.a
    assert (link["href"], link["aria-label"], link.get_text()) == ("../sources.md#wire-2025-rally", "1 report", "1")
    assert link["title"] == "One report: Example Wire, 27 March 2025; not confirmed elsewhere"
    assert context.backlinks.used_ids("one-report") == {claim.key}


def test_marks_side_by_side_are_marked_in_the_built_page():
    """Notes cited together read "1,2" (the second marked, a comma before its number), and a single-source
    mark right before a note is marked for its space: by the build, so no script restyles the page at load."""
    claim = Claim(WIRE.id, 1, "The size of the rally", page="story/the-rally.md", anchor="a rally of $100 billion")
    wire = source(WIRE.id, "Example Wire", single_source=(claim,))
    notes = "[^wire-2025-rally][^post-2025-rally] Then [^post-2025-rally] more."
    text = f"# The rally\n\nIt was a rally of $100 billion.{notes}\n"
    page, context = convert(text, {WIRE.id: wire, POST.id: POST})
    assert context.problems == []
    mark, first, second, apart = page.select("p > sup")
    assert mark["class"] == ["one-report", "one-report--before-ref"]
    assert "class" not in first.attrs  # the first of two: no comma before it
    assert second["class"] == ["footnote-ref--follows"]
    assert [mark.get_text() for mark in (first, second, apart)] == ["1", ",2", "2"]
    assert "class" not in apart.attrs  # text between (a space): not side by side


def test_an_undeclared_figure_cited_to_one_origin_is_refused_with_both_fixes():
    text = "---\ntitle: The rally\n---\n# The rally\n\nShares rose 60% in three months.[^wire-2025-rally]\n"
    _, context = convert(text, {WIRE.id: WIRE})
    assert [str(problem) for problem in context.problems] == [
        'docs/story/the-rally.md:6: the figure in "Shares rose 60% in three months." is cited only to Example Wire:'
        " add a second report of another origin, or declare it single-source in data/sources.yml"
        " (single_source: claim, page, anchor)"
    ]
    two_origins = text.replace("[^wire-2025-rally]", "[^wire-2025-rally][^post-2025-rally]")
    _, context = convert(two_origins, {WIRE.id: WIRE, POST.id: POST})
    assert context.problems == []


def test_a_figure_in_a_nested_list_is_read_with_its_item():
    """A nested list's items are read as part of their item (explainer.sources.origins.read_block), as the
    generic checks of a built site read them: a figure there cited to one origin is refused too."""
    text = "# The rally\n\n- How it went:\n    - Shares rose 60% in three months.[^wire-2025-rally]\n"
    _, context = convert(text, {WIRE.id: WIRE})
    assert ["Shares rose 60% in three months" in str(problem) for problem in context.problems] == [True]
    two_origins = text.replace("[^wire-2025-rally]", "[^wire-2025-rally][^post-2025-rally]")
    _, context = convert(two_origins, {WIRE.id: WIRE, POST.id: POST})
    assert context.problems == []


def test_a_nested_list_starts_a_sentence_of_its_own():
    """Read from Python-Markdown's tree, before it writes the newlines between blocks, an item's last sentence
    and its nested list's first (or two items', or a loose item's paragraphs) ran together into one sentence
    with both notes: two origins, and the figure cited to one was let through."""
    nested = "- Revenue was flat.[^post-2025-rally]\n    - Shares rose 60% in three months.[^wire-2025-rally]\n"
    siblings = "- How it went:\n    - Revenue was flat.[^post-2025-rally]\n    - Shares rose 60%.[^wire-2025-rally]\n"
    loose = "- Revenue was flat.[^post-2025-rally]\n\n    Shares rose 60% in three months.[^wire-2025-rally]\n"
    for text in (nested, siblings, loose):
        _, context = convert("# The rally\n\n" + text, {WIRE.id: WIRE, POST.id: POST})
        refused = [str(problem) for problem in context.problems]
        assert len(refused) == 1 and "Shares rose 60%" in refused[0] and "Revenue" not in refused[0], text
        both = text.replace("[^wire-2025-rally]", "[^wire-2025-rally][^post-2025-rally]")
        _, context = convert("# The rally\n\n" + both, {WIRE.id: WIRE, POST.id: POST})
        assert context.problems == [], both


def test_a_story_page_names_the_report_it_retells_under_its_title():
    base = source(WIRE.id, "Example Wire", base_report=True)
    page, _ = convert("# The rally\n\nShares rose sharply.[^wire-2025-rally]\n", {WIRE.id: base})
    line = page.find("h1").find_next_sibling()
    assert line["class"] == ["retold-from"]
    assert line.get_text() == "Retold from Example Wire’s report of 27 March 2025"
    assert line.a["href"] == "../sources.md#wire-2025-rally"
    about, _ = convert("# About\n\nShares rose.[^wire-2025-rally]\n", {WIRE.id: base}, src_uri="about.md")
    assert not about.select(".retold-from")  # story pages only
    own, _ = convert("# Since then\n\nShares rose.[^wire-2025-rally]\n", {WIRE.id: base}, meta={"retold": False})
    assert not own.select(".retold-from")  # a page of the site's own reporting says so in its front matter


def entry(entry_id: str, term: str, **fields) -> GlossaryEntry:
    return GlossaryEntry(id=entry_id, term=term, category="organization", short="S", long="L", **fields)


class _Corrected(Treeprocessor):
    """Wraps the words between [[ and ]] in span.corrected, as the corrections' extension marks a phrase."""

    def run(self, root):
        for paragraph in root.iter("p"):
            before, _, rest = (paragraph.text or "").partition("[[")
            phrase, _, after = rest.partition("]]")
            if phrase:
                paragraph.text = before
                span = etree.SubElement(paragraph, "span", {"class": "corrected"})
                span.text, span.tail = phrase, after


class CorrectedPhrases(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_Corrected(md), "test-corrected", 17)  # as the corrections' marks (17)


def glossary_page(text: str, entries: list[GlossaryEntry]) -> BeautifulSoup:
    page = PageInfo("story/p.md", "story/p/", "P", text)
    context = new_context(glossary={each.id: each for each in entries}, page=page)
    extensions = [CorrectedPhrases(), GlossaryExtension(context=context)]
    return BeautifulSoup(markdown.markdown(text, extensions=extensions), "html.parser")


def test_a_household_name_is_never_underlined_but_its_entry_stays():
    entries = [entry("cnbc", "CNBC", mark=False), entry("qwen", "Qwen")]
    page = glossary_page("CNBC reported on Qwen. CNBC again.", entries)
    assert [link.get_text() for link in page.select("a.glossary-term")] == ["Qwen"]


def test_no_underline_inside_a_corrected_phrase_the_next_mention_is():
    text = "He said [[Qwen was first]] and Qwen was."
    page = glossary_page(text, [entry("qwen", "Qwen")])
    links = page.select("a.glossary-term")
    assert len(links) == 1 and links[0].find_parent("span") is None


# The real build ------------------------------------------------------------------------------------


def test_every_declared_claim_is_marked_and_listed_on_the_sources_page(real_build: BuiltSite):
    sources = real_build.html("sources/")
    listed = sources.select(".source-entry__single > ul > li")
    assert len(listed) >= 60
    for item in listed:
        links = item.select(".backlinks a")
        assert links, item.get_text()
        path, _, mark_id = links[0]["href"].partition("#")
        page_url = posixpath.normpath(posixpath.join("sources", path)).removeprefix(".") + "/"
        assert real_build.html(page_url.lstrip("/")).find(id=mark_id) is not None, links[0]["href"]
    marks = real_build.html("story/since-then/").select("sup.one-report a[title^='One report: ']")
    assert len(marks) >= 15


def test_every_source_is_listed_where_it_is_used(real_build: BuiltSite):
    page = real_build.html("sources/")
    assert not page.select(".source-entry__cited .backlinks--none")
    timeline = [a.get_text() for a in page.select("#reuters-2021-ma-reappears .source-entry__cited a")]
    assert timeline == ["Timeline: Jack Ma reappears in a video for rural teachers"]
    glossary = [a.get_text() for a in page.select("#nist-2011-cloud-definition .source-entry__cited a")]
    assert glossary == ["Glossary: cloud computing"]


def test_household_names_are_not_underlined_in_the_story(real_build: BuiltSite):
    for chapter in ("story/the-fall/", "story/ai-competition/", "story/since-then/"):
        page = real_build.html(chapter)
        ids = {link["href"].rpartition("#")[2] for link in page.select("a.glossary-term")}
        assert ids.isdisjoint({"cnbc", "nvidia", "beijing", "artificial-intelligence"}), chapter
        assert not page.select(".corrected a.glossary-term")
    glossary = real_build.html("glossary/")
    assert glossary.find(id="cnbc").find_parent("div").select(".backlinks a")  # its mentions, not underlined


def test_the_retold_reports_note_sources_its_whole_paragraph():
    from explainer_checks.site import unsourced_sentences

    html = (
        '<article><p>It rose 60%. It was worth $100 billion.<sup id="fnref:cnbc"><a href="#fn:cnbc">1</a></sup></p>'
        "<p>It fell 5% in 2024.</p></article>"
    )
    page = BeautifulSoup(html, "html.parser")
    assert unsourced_sentences(page, [], frozenset({"cnbc"})) == ["It fell 5% in 2024."]
    assert unsourced_sentences(page, []) == ["It rose 60%.", "It fell 5% in 2024."]


def test_a_block_is_read_as_a_reader_reads_it_code_decoded_and_an_ampersand_without_a_semicolon_as_written():
    read = []

    class Read(Treeprocessor):
        def run(self, root: etree.Element) -> None:
            read.append(read_block(root.find("p"), self.md).text)

    md = markdown.Markdown()
    md.treeprocessors.register(Read(md), "read", 0)
    md.convert("Q&notes &copy, &amp; and `a<b &copy`.")
    # The page shows "Q&notes &copy" (no ";": no reference) and the code as written; "&amp;" is an "&".
    assert read == ["Q&notes &copy, & and a<b &copy."]
