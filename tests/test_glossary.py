"""Glossary: the data file, the one-regex matcher, mentions in pages, and the Glossary page."""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup
from catalogue import DATA, MISTAKES
from conftest import REPO, BuiltSite
from factories import glossary_entry, mark_glossary_terms

from explainer.context import PageInfo
from explainer.data import check_document
from explainer.glossary.extension import GlossaryExtension
from explainer.glossary.matching import TermMatcher, match_variants, trie_pattern
from explainer.glossary.records import SPEC, GlossaryEntry, build_glossary
from explainer.registry import new_context
from explainer.yamlfile import parse_yaml


def entry(entry_id: str, term: str, *aliases: str, short: str = "Definition.") -> GlossaryEntry:
    return glossary_entry(entry_id, term, *aliases, short=short)


ENTRIES = {
    e.id: e
    for e in (
        entry("ant-group", "Ant Group", "Ant"),
        entry("jack-ma", "Jack Ma", "Ma"),
        entry("capex", "capex", "capital spending"),
        entry("pboc", "People's Bank of China"),
        entry("deepseek", "DeepSeek"),
        entry("deepseek-r1", "DeepSeek-R1", "DeepSeek R1"),
    )
}


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry_id) for m in TermMatcher(ENTRIES.values()).finditer(text)]


def test_the_forms_with_a_digit_are_found_once_per_build_longest_first():
    """Names with digits, which the origin rule takes out of every story page's sentences (not figures)."""
    context = new_context(glossary={**ENTRIES, "qwen": entry("qwen", "Qwen 2.5-Max", "Qwen2")})
    forms = context.glossary.forms_with_digits
    assert forms == ("Qwen 2.5-Max", "DeepSeek-R1", "DeepSeek R1", "Qwen2") or forms == (
        "Qwen 2.5-Max",
        "DeepSeek R1",
        "DeepSeek-R1",
        "Qwen2",
    )
    assert context.glossary.forms_with_digits is forms  # once per build: every page gets the same
    assert new_context(glossary=ENTRIES).glossary.forms_with_digits != forms  # a build of its own finds its own


# Matching -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ant Group and Ant", [("Ant Group", "ant-group"), ("Ant", "ant-group")]),  # longest first
        ("Ant Groupie", [("Ant", "ant-group")]),  # falls back to the shorter form at a word end
        ("Antler, ants, Giant", []),  # whole words only
        ("Jack Ma's memo; Ma agreed", [("Jack Ma", "jack-ma"), ("Ma", "jack-ma")]),
        ("ma, MA, karma, Mac", []),  # a form with a capital matches exactly
        ("capex. Capex. CAPEX.", [("capex", "capex"), ("Capex", "capex")]),  # lowercase form: also capitalized
        ("capital\n  spending", [("capital\n  spending", "capex")]),  # any whitespace between words
        ("the People’s Bank of China", [("People’s Bank of China", "pboc")]),  # either apostrophe
        (
            "DeepSeek-R1 and DeepSeek R1 and DeepSeek's",
            [("DeepSeek-R1", "deepseek-r1"), ("DeepSeek R1", "deepseek-r1"), ("DeepSeek", "deepseek")],
        ),
        ("DeepSeek-V3", [("DeepSeek", "deepseek")]),
    ],
)
def test_matcher_finds_whole_words_longest_first_with_the_case_rule(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("form", "variants"),
    [
        ("capex", ("capex", "Capex")),
        ("IPO", ("IPO",)),
        ("Jack Ma", ("Jack Ma",)),
        ("e-commerce", ("e-commerce", "E-commerce")),
    ],
)
def test_case_rule_variants(form, variants):
    assert match_variants(form) == variants


def test_trie_pattern_shares_prefixes_instead_of_listing_every_term():
    assert trie_pattern(["Ant", "Ant Group", "Alipay"]) == r"A(?:lipay|nt(?:\s+Group)?)"


# Marking in Markdown ------------------------------------------------------------------------


def html_of(markdown_text: str, **options) -> BeautifulSoup:
    return BeautifulSoup(mark_glossary_terms(markdown_text, ENTRIES, **options), "html.parser")


def marked(soup: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in soup.select("a.glossary-term")]


@pytest.mark.parametrize(
    ("markdown_text", "expected"),
    [
        ("# Ant Group\n\nJack Ma.", ["Jack Ma"]),  # never in headings
        ("`Ant Group` and [Ant Group](https://x.example) and Ant.", ["Ant"]),  # nor code or links
        ("```\nAnt Group\n```\n\nMa.", ["Ma"]),  # nor fenced code
        ("*Ant Group* and **Jack Ma**", ["Ant Group", "Jack Ma"]),  # emphasis is fine
        ("Ant Group, Ant Group, Ant.", ["Ant Group"]),  # first mention only
        ("[Ma](glossary:none) then Ma.", ["Ma"]),  # suppressed, so the next one is first
        ("[the payments firm](glossary:ant-group), then Ant Group.", ["the payments firm"]),  # forced
    ],
)
def test_marks_first_mentions_outside_code_links_and_headings(markdown_text, expected):
    assert marked(html_of(markdown_text, extensions=["fenced_code"])) == expected


def test_every_mention_mode_keeps_text_in_reading_order_around_earlier_insertions():
    """Mentions in an element's text and in several tails are inserted after the right child."""
    text = "Ant and Ma, *one* capex and Ma, `two` DeepSeek and Ant, **three** Ma."
    page = PageInfo("story/p.md", "story/p/", "P", meta={"glossary": "every"})
    extension = GlossaryExtension(context=new_context(glossary=ENTRIES, page=page))
    soup = BeautifulSoup(markdown.markdown(text, extensions=[extension]), "html.parser")
    assert marked(soup) == ["Ant", "Ma", "capex", "Ma", "DeepSeek", "Ant", "Ma"]
    assert soup.get_text() == text.replace("*", "").replace("`", "")


def test_never_marks_footnote_references_notes_or_abbreviations():
    text = "Capex.[^n] PBOC.\n\n*[PBOC]: People's Bank of China\n\n[^n]: Ant Group in a note."
    soup = html_of(text, extensions=["footnotes", "abbr"])
    assert marked(soup) == ["Capex"]
    assert soup.select_one("div.footnote a.glossary-term") is None


def test_mention_is_a_focusable_link_with_the_definition_as_title():
    mention = html_of("Jack Ma spoke.").select_one("a.glossary-term")
    assert mention["href"] == "glossary.md#jack-ma"
    assert mention["id"] == "glossary-jack-ma"
    assert mention["title"] == "Definition."


def test_hostile_definition_reads_exactly_as_written():
    hostile = 'He said "no" & left; &amp; stays text; it\'s fine'
    entries = {"x": entry("x", "Xavier", short=hostile)}
    output = mark_glossary_terms("Xavier spoke.", entries)
    assert BeautifulSoup(output, "html.parser").select_one("a.glossary-term")["title"] == hostile
    assert "&amp;amp; stays" in output and "&quot;no&quot;" in output


# Data file ----------------------------------------------------------------------------------

GOOD = """\
- id: ant-group
  term: Ant Group
  aliases: [Ant]
  category: organization
  short: A payments company.
  long: Long.
  sources: [s]
"""


def problems_of(text: str) -> list[str]:
    """The problems the data layer finds in a glossary file: its schema, its Markdown, its entries."""
    document = parse_yaml(text.encode(), "data/glossary.yml")
    return [str(problem) for problem in check_document(document, SPEC)[1]]


# The mistakes an entry can make, each on the fixture at the data layer (tests/test_bad_inputs.py runs them).
ENTRY_MISTAKES = (
    "glossary-alias-claimed-twice",
    "glossary-alias-repeats-the-term",
    "glossary-relates-to-unknown-entry",
    "glossary-relates-to-itself",
    "tooltip-too-long",
    "glossary-unknown-key",
    "glossary-unknown-category",
    "glossary-id-none",
    "glossary-alias-not-a-whole-word",
)


def test_an_entry_s_mistakes_are_catalogued():
    assert all(MISTAKES[name].layer == DATA and MISTAKES[name].file == "data/glossary.yml" for name in ENTRY_MISTAKES)


def test_good_entry_has_no_problems():
    assert problems_of(GOOD) == []


# Fixture site -------------------------------------------------------------------------------


def test_story_page_marks_first_mentions(fixture_build: BuiltSite):
    page = fixture_build.html("story/glossary-cases/")
    mentions = page.select("article a.glossary-term")
    assert [(a.get_text(), a["href"]) for a in mentions] == [
        ("Jack Ma", "../../glossary/#jack-ma"),
        ("Ant Group", "../../glossary/#ant-group"),
        ("Capex", "../../glossary/#capex"),
        ("Tongyi Qianwen", "../../glossary/#qwen"),
        ("People’s Bank of China", "../../glossary/#pboc"),
    ]
    assert mentions[0]["title"] == "Founder of the fixture's group."
    assert page.select_one("span.glossary-skip").get_text() == "Ma"
    for skipped in ("h1", "h2", "code", "pre", "abbr", "div.footnote", "a[href^='https']"):
        assert page.select_one(f"article {skipped} a.glossary-term") is None, skipped


def test_front_matter_every_marks_each_mention_and_forced_links_work(fixture_build: BuiltSite):
    page = fixture_build.html("story/glossary-every/")
    mentions = page.select("article a.glossary-term")
    assert [a["id"] for a in mentions] == [
        "glossary-ant-group",
        "glossary-ant-group-2",
        "glossary-pboc",
        "glossary-fish-and-chips",
        "glossary-ant-group-3",
    ]
    assert mentions[-1].get_text() == "The payments giant"


def test_hostile_definition_is_escaped_in_the_built_page(fixture_build: BuiltSite):
    raw = (fixture_build.site_dir / "story/glossary-every/index.html").read_text(encoding="utf-8")
    assert (
        "title=\"A hostile definition: &quot;quotes&quot;, 'apostrophes', an ampersand &amp; and &amp;amp; as text.\""
        in raw
    )
    title = fixture_build.html("story/glossary-every/").select_one("#glossary-fish-and-chips")["title"]
    assert title == "A hostile definition: \"quotes\", 'apostrophes', an ampersand & and &amp; as text."


def test_pages_that_are_not_story_pages_are_not_marked(fixture_build: BuiltSite):
    assert fixture_build.html("").select("article a.glossary-term") == []


def test_glossary_page_groups_sorts_and_anchors_entries(fixture_build: BuiltSite):
    page = fixture_build.html("glossary/")
    headings = [(h.name, h.get("id")) for h in page.select("article h2, article h3.glossary-entry")]
    assert headings == [
        ("h2", "category-people"),
        ("h3", "jack-ma"),
        ("h2", "category-companies-and-institutions"),
        ("h3", "ant-group"),
        ("h3", "fish-and-chips"),
        ("h3", "pboc"),
        ("h2", "category-products-and-models"),
        ("h3", "qwen"),
        ("h2", "category-concepts"),
        ("h3", "capex"),
    ]
    assert page.select_one("h3#capex").get_text().startswith("Capex")
    jumps = [a["href"] for a in page.select("article p a[href^='#category-']")]
    assert jumps == [f"#{heading_id}" for name, heading_id in headings if name == "h2"]


def test_glossary_page_wraps_each_entry_in_one_block(fixture_build: BuiltSite):
    """One block per entry (heading to backlinks), grouped by initial letter, keeps the page's Markdown
    linear in entries: no element has thousands of children."""
    page = fixture_build.html("glossary/")
    groups = page.select("article > div.glossary-group")
    assert [[h3["id"] for h3 in group.select("h3")] for group in groups] == [
        ["jack-ma"],
        ["ant-group"],
        ["fish-and-chips"],
        ["pboc"],
        ["qwen"],
        ["capex"],
    ]
    blocks = page.select("article > div.glossary-group > div.glossary-entry")
    assert [block.select_one("h3")["id"] for block in blocks] == [h["id"] for h in page.select("article h3")]
    assert all(len(block.select("h3")) == 1 for block in blocks)
    ant_group = blocks[[block.h3["id"] for block in blocks].index("ant-group")].find_all(recursive=False)
    assert ant_group[-2].get_text() == "Mentioned in:" and ant_group[-1].select("a")  # its backlinks


def entry_block(page: BeautifulSoup, entry_id: str) -> list:
    """The elements of one glossary entry: from its heading to the next heading."""
    block = []
    for element in page.select_one(f"h3#{entry_id}").find_next_siblings():
        if element.name in ("h2", "h3"):
            break
        block.append(element)
    return block


def test_glossary_entry_has_definition_sources_related_and_backlinks(fixture_build: BuiltSite):
    block = entry_block(fixture_build.html("glossary/"), "ant-group")
    links = [(a.get_text(), a["href"]) for element in block for a in element.select("a")]
    assert block[0].get_text() == "The fixture's payments company."
    assert ("Example Wire, 3 November 2020", "../sources/#wire-2020-ipo") in links
    assert ("Jack Ma", "#jack-ma") in links
    assert ("Glossary cases: Qwen in a section heading", "../story/glossary-cases/#glossary-ant-group") in links
    assert ("Every mention", "../story/glossary-every/#glossary-ant-group") in links


def test_long_explanation_is_markdown_and_may_link_entries(fixture_build: BuiltSite):
    block = entry_block(fixture_build.html("glossary/"), "jack-ma")
    link = block[1].select_one("a.glossary-term")
    assert link["href"] == "#ant-group" and link["title"] == "The fixture's payments company."


# Problems in a build --------------------------------------------------------------------------


# Mistakes in glossary links, entries and front matter, an entry or alias no page uses (warnings that fail
# --strict only): tests/catalogue.py, run at their layer and wired into the build by tests/test_bad_inputs.py.


# The real site --------------------------------------------------------------------------------


def test_every_real_entry_is_marked_on_a_story_page_or_flagged_unused(real_build: BuiltSite):
    site_dir, messages = real_build.site_dir, real_build.messages
    document = parse_yaml((REPO / "data/glossary.yml").read_bytes(), "data/glossary.yml")
    entries = build_glossary(document)[0]
    assert len(entries) >= 40
    marked_ids = set()
    for page in sorted((site_dir / "story").glob("*/index.html")):
        soup = real_build.html(f"story/{page.parent.name}/")
        marked_ids |= {a["href"].rpartition("#")[2] for a in soup.select("article a.glossary-term")}
    glossary = real_build.html("glossary/")
    for entry_id, entry in entries.items():
        flagged = any(re.search(rf"glossary entry '{entry_id}' is never mentioned", m) for m in messages)
        # A household name (mark: false), or a term named only inside corrected phrases, is not underlined
        # (issue 24.4), but its entry lists the pages that mention it.
        mentioned = glossary.find(id=entry_id).find_parent("div").select(".backlinks a")
        unmarked = (not entry.mark or entry_id not in marked_ids) and mentioned
        assert entry_id in marked_ids or unmarked or flagged, f"{entry_id} is neither marked nor flagged unused"


@pytest.mark.slow
def test_every_real_story_page_has_glossary_mentions(real_build: BuiltSite):
    site_dir = real_build.site_dir
    for page in sorted((site_dir / "story").glob("*/index.html")):
        soup = real_build.html(f"story/{page.parent.name}/")
        marked = soup.select("article a.glossary-term")
        assert marked, (
            f"docs/story/{page.parent.name}.md: no glossary term is marked; does it name nobody in data/glossary.yml?"
        )


# What a long explanation may not hold (raw HTML, unsafe links and images, unknown entries), each on the fixture at
# the data layer; tests/catalogue.py's HOSTILE_CASES have many more (a link by reference: long-reference-javascript).
LONG_MISTAKES = (
    "raw-html-in-glossary-explanation",
    "javascript-link-in-glossary-explanation",
    "http-link-in-glossary-explanation",
    "remote-image-in-glossary-explanation",
    "unknown-entry-in-glossary-explanation",
)


def test_what_a_long_explanation_may_not_hold_is_catalogued():
    assert all(MISTAKES[name].layer == DATA and "'long'" in MISTAKES[name].message for name in LONG_MISTAKES)


def test_a_link_reference_in_one_long_explanation_does_not_reach_the_next():
    first = "|\n    The [bank][b].\n\n    [b]: javascript:alert(1)"
    second = "- id: b\n  term: B\n  category: concept\n  short: S.\n  long: See [it][b].\n  sources: [s]\n"
    problems = problems_of(GOOD.replace("long: Long.", f"long: {first}") + second)
    assert [problem.split(":")[2].strip() for problem in problems] == ["glossary entry 'ant-group'"]


def test_safe_links_in_a_long_explanation_are_fine():
    long = "See [A](https://example.com/), [B](#b), [C](glossary:ant-group), [D](sources.md#d) and [E](../x.md)."
    assert problems_of(GOOD.replace("long: Long.", f"long: '{long}'")) == []
