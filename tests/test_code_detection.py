"""Whatever Python-Markdown treats as code, every scanner treats as code (explainer.codeblocks).

Source notes, the key-dates marker, event links and correction anchors act on Python-Markdown's
own tree; `without_code`, which points messages at a line, is compared with Python-Markdown here.
"""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite

from explainer.codeblocks import without_code
from explainer.markup import SITE_CONFIGS, SITE_EXTENSIONS

TOKEN = re.compile(r"\bt\d+\b")


def tokens_in_code(text: str) -> set[str]:
    """The tokens Python-Markdown, with the site's extensions, puts inside <code> or <pre>."""
    html = markdown.markdown(text, extensions=list(SITE_EXTENSIONS), extension_configs=SITE_CONFIGS)
    soup = BeautifulSoup(html, "html.parser")
    return {token for element in soup.select("code, pre") for token in TOKEN.findall(element.get_text())}


@pytest.mark.parametrize(
    "text",
    [
        "t1 a paragraph\n\n    t2 indented code\n    t3 still code\n\nt4 a paragraph",
        "\tt1 a tab makes code at the start of a page",
        "t1 a paragraph\n    t2 indented, but a lazy continuation",
        "# t1 heading\n\n    t2 code after a heading",
        "> t1 a quote\n\n    t2 code after a quote",
        "- t1 an item\n\n    t2 the item's second paragraph",
        "1. t1 an item\n\n    t2 the item's second paragraph",
        "- t1 an item\n\n        t2 code inside the item",
        "- t1 an item\n- t2 another\n\nt3 a paragraph ends the list\n\n    t4 code",
        "!!! note\n    t1 an admonition's body",
        "??? note\n    t1 a collapsible block's body",
        "t1 a citation.[^n]\n\n[^n]: t2 a note\n\n    t3 the note's second paragraph",
        "```\nt1 fenced\n```\nt2 after the fence",
        "~~~~\n```\nt1 a fence inside a longer fence\n~~~~\nt2 after",
        "- t1 an item\n\n    ```\n    t2 a fence inside the item\n    ```",
        "t1 text `t2 a code span` t3 text ``t4 `with` a backtick`` t5",
        "t1 an unclosed `backtick t2 stays text",
        "t1 a paragraph\n    ```\n    t2 superfences opens a fence at any indentation\n    ```\nt3 after",
        "<div>\n\n    t1 raw HTML, kept as written, not code\n</div>\n\n    t2 code after it",
        "t1 a paragraph\n<div><div>\n\n    t2 raw HTML\n</div>\n\n    t3 still raw HTML\n</div>",
        "<div markdown>\n\n    t1 Markdown inside HTML has code\n\n</div>",
    ],
)
def test_without_code_blanks_what_python_markdown_makes_code(text: str):
    blanked = without_code(text)
    assert {token for token in TOKEN.findall(text) if token not in blanked} == tokens_in_code(text)
    assert [len(line) for line in blanked.split("\n")] == [len(line) for line in text.split("\n")]


def test_blanking_code_spans_is_linear():
    """A line of backtick runs that never close: each run is looked at once, not rescanned."""
    line = " ".join("`" * length for length in range(1, 400)) + " x" * 20_000
    assert without_code(line) == line


# A built page with examples in code -------------------------------------------------------------


@pytest.fixture
def examples_build(variant_build: BuiltSite) -> BuiltSite:
    """Code examples across every kind of page, as the built site shows them: the session's variant of the fixture
    (tests/conftest.py) has the catalogue's CODE_EXAMPLES at the end of story/timeline-cases.md."""
    return variant_build


def test_examples_in_code_build_without_problems(examples_build):
    assert examples_build.ok and examples_build.messages == [], examples_build.messages


def test_a_citation_in_code_makes_no_note(examples_build):
    page = examples_build.html("story/timeline-cases/")
    assert page.select("div.footnote") == [] and page.select_one("#sources-and-notes") is None
    assert "[^company-2023-split]" in page.select_one("pre code").get_text()


def test_every_back_link_on_the_page_leads_somewhere(examples_build):
    page = examples_build.html("story/timeline-cases/")
    ids = {element["id"] for element in page.select("[id]")}
    targets = [a["href"][1:] for a in page.select("article a[href^='#']")]
    assert targets and [target for target in targets if target not in ids] == []


def test_the_sources_page_does_not_credit_a_page_for_an_example(examples_build):
    sources = examples_build.html("sources/")
    cited_in = [a["href"] for a in sources.select("#company-2023-split .source-entry__cited a")]
    assert "../story/the-fall/#fnref:company-2023-split" in cited_in  # the positive control: a real citation is
    assert not [href for href in cited_in if "timeline-cases" in href]  # the example in code is not


def test_a_marker_in_code_is_not_the_marker(examples_build):
    page = examples_build.html("story/timeline-cases/")
    assert len(page.select("aside.key-dates")) == 1
    assert "<!-- key-dates -->" in page.select_one("pre code").get_text()


# That a real citation after the examples is reported at its own line, not at the example's: the
# catalogue's case "citation-after-indented-code-examples" (tests/catalogue.py), at the page layer.
