"""Markdown in data fields (explainer.markup): the site's own set-up, checked as a tree against an allow-list."""

from __future__ import annotations

import time

import pytest
from conftest import REPO
from mkdocs.config import load_config

from explainer.markup import (
    DataMarkdown,
    MarkdownSetup,
    fragment_elements,
    parse_fragment,
    setup_from_config,
    url_allowed,
)

RENDERER = DataMarkdown(site_schemes=frozenset({"glossary"}))


def problems(text: str) -> list[str]:
    return list(RENDERER.render(text, "long").problems)


def test_the_default_set_up_is_the_sites(tmp_path):
    """validate and the tests render data as the build does: the same extensions, the same settings."""
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    assert setup_from_config(config) == MarkdownSetup()


@pytest.mark.parametrize(
    "text",
    [
        "Plain words, *emphasis*, **strong** and `code`.",
        "A [page](https://example.com/a?b=c&d=e), a [mail](mailto:desk@example.com) and [HTTPS](HTTPS://example.com/).",
        "An [entry](glossary:ant-group), a [heading](#ant-group) and a [page](../story/the-fall.md#a-split).",
        'Quotes "curled", it\'s -- dashes... and &amp; &lt;b&gt; as text.',
        "- a list\n- of items\n\n1. and\n2. numbers",
        "> a quotation",
        "A [titled](https://example.com/ 'The title') link.",
        "Literal \\[brackets\\] and (parentheses (nested)) are text.",
    ],
)
def test_ordinary_markdown_is_allowed(text: str):
    assert problems(text) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # attr_list: attributes on links and paragraphs
        ('[bank](https://e.com){: onmouseover="alert(1)" }', "'long' has an attribute 'onmouseover' on <a>"),
        ('[bank](https://e.com){: href="javascript:alert(1)" }', "'long' links to 'javascript:alert(1)'"),
        ('A paragraph.\n{: style="position:fixed;inset:0" }', "'long' has an attribute 'style' on <p>"),
        ("A paragraph.\n{: .md-header #x }", "'long' has an attribute 'class' on <p>"),
        ('- item\n{: onclick="alert(1)" }', "'long' has an attribute 'onclick' on <li>"),
        # footnotes only the site's extensions understand
        ("See[^x].\n\n[^x]: [click](javascript:alert(1))", "'long' has a footnote ([^…])"),
        # URLs split the way only a browser rejoins them
        ("[x](java&#9;script:alert(1))", "'long' links to 'java\\tscript:alert(1)'"),
        ("[x](java&#10;script:alert(1))", "'long' links to 'java\\nscript:alert(1)'"),
        ("[x](java&#x0D;script:alert(1))", "'long' links to 'java\\rscript:alert(1)'"),
        ("[x](jav&#x61;script:alert(1))", "'long' links to 'javascript:alert(1)'"),
        ("[x](&#1;javascript:alert(1))", "'long' links to 'javascript:alert(1)'"),  # Python drops U+0001
        ("[x](&#32;javascript:alert(1))", "'long' links to ' javascript:alert(1)'"),
        ("[x](JaVaScRiPt:alert(1))", "'long' links to 'JaVaScRiPt:alert(1)'"),
        ("[x](vbscript:msgbox)", "'long' links to 'vbscript:msgbox'"),
        ("[x](data:text/html,hi)", "'long' links to 'data:text/html,hi'"),
        ("[x](http://example.com/)", "'long' links to 'http://example.com/'"),
        ("[x](//evil.example/)", "'long' links to '//evil.example/'"),
        ("[x](/\\evil.example/)", "'long' links to '/\\\\evil.example/'"),
        ("[x](/etc/passwd)", "'long' links to '/etc/passwd'"),
        ("[x][r]\n\n[r]: javascript:alert(1)", "'long' links to 'javascript:alert(1)'"),
        # constructs the site has but data has no use for
        ("# A heading", "'long' has a <h1> element (a heading"),
        ("| a |\n|---|\n| b |", "'long' has a <table> element (a table"),
        ("!!! note\n    An admonition.", "'long' has a <div> element (an admonition"),
        ("??? note\n    Hidden.", "'long' has a <details> element (a collapsible block"),
        ("HTML here.\n\n*[HTML]: Hyper Text", "'long' has a <abbr> element (an abbreviation"),
        ("```\ncode\n```", "'long' has a <div> element (an admonition or a code block"),
        ("Text:\n\n    indented code", "'long' has a <pre> element (a code block"),
        ("Above\n\n---\n\nbelow", "'long' has a <hr> element (a horizontal rule"),
        ("![logo](https://example.com/logo.png)", "'long' embeds an image"),
        # shapes that would make Python-Markdown slow
        ("[[nested]](https://e.com)", "'long' has a [ inside [ ]"),
        ("[unclosed", "'long' has a [ that is never closed with ]"),
        ("[a](https://e.com/(x", "'long' has a ( that is never closed with )"),
    ],
)
def test_hostile_markdown_is_refused_by_name(text: str, message: str):
    found = problems(text)
    assert found and found[0].startswith(message), found


def test_each_problem_is_named_once():
    text = '[a](https://e.com){: onclick="x" } and [b](https://e.com){: onclick="y" }'
    assert problems(text) == ["'long' has an attribute 'onclick' on <a> (not allowed in data)"]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.com/", True),
        ("mailto:a@example.com", True),
        ("#anchor", True),
        ("page.md", True),
        ("../story/the-fall/", True),
        ("glossary:ant-group", False),  # only where the site says it is its own scheme
        (" javascript:alert(1)", False),
        ("\x00javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("//evil.example", False),
        ("\\\\evil.example", False),
        ("/root", False),
        ("ftp://example.com", False),
    ],
)
def test_urls_are_read_as_a_browser_reads_them(url: str, allowed: bool):
    assert url_allowed(url) is allowed


def test_the_page_gets_the_tree_that_was_checked():
    checked = RENDERER.render("It's [an entry](glossary:jack-ma) & *more*.", "long")
    assert checked.problems == () and checked.links == ("glossary:jack-ma",)
    elements = fragment_elements(checked.html)
    root, *_ = parse_fragment(checked.html)
    assert [element.tag for element in elements] == ["p"] == [element.tag for element in root]
    assert "".join(elements[0].itertext()) == "It’s an entry & more."


def test_link_references_do_not_leak_from_one_field_to_the_next():
    assert problems("[x][r]\n\n[r]: https://example.com/") == []
    assert RENDERER.render("[y][r]", "long").links == ()


@pytest.mark.parametrize("text", ["[" * 1500, "[a " * 500, "[a](" * 375, "(" * 1500, "[a]" * 500])
def test_hostile_brackets_are_refused_or_rendered_quickly(text: str):
    """Python-Markdown takes about a second for 1,000 unclosed [ (its link search is quadratic)."""
    baseline_start = time.process_time()
    RENDERER.render("An ordinary [link](https://example.com/) in a sentence. " * 25, "long")
    baseline = time.process_time() - baseline_start
    start = time.process_time()
    RENDERER.render(text, "long")
    assert time.process_time() - start <= 20 * baseline + 0.05
