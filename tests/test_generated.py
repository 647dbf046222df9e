"""Generated pages: Markdown parts converted with the site, HTML parts back where raw HTML blocks would be."""

from __future__ import annotations

import markdown
import pytest

from explainer.generated import GeneratedPage, Html


def page_of(*parts: str | Html) -> GeneratedPage:
    page = GeneratedPage()
    for part in parts:
        page.add(part)
    return page


def test_html_parts_come_back_as_raw_html_blocks_would():
    """The same page with its HTML written in the Markdown gives the same bytes."""
    entries = ['<div class="e" id="a">\n<p>A &amp; B</p>\n</div>', '<div class="e" id="b">\n<p>C</p>\n</div>']
    generated = page_of("# T\n\nIntro.\n", "## Kind\n", Html("\n\n".join(entries)), "## Next\n", Html(entries[0]))
    as_markdown = "# T\n\nIntro.\n\n## Kind\n\n" + "\n\n".join(entries) + "\n\n## Next\n\n" + entries[0] + "\n"
    md = markdown.Markdown(extensions=["toc"])
    assert generated.render(md) == md.reset().convert(as_markdown)


def test_html_that_opens_an_element_around_markdown_is_followed_by_one_newline():
    generated = page_of(Html('<div class="x">', tail="\n"), "### Term\n", Html("</div>", tail="\n"), "Text.\n")
    assert generated.render(markdown.Markdown()) == '<div class="x">\n<h3>Term</h3>\n</div>\n<p>Text.</p>'


def test_consecutive_parts_of_one_kind_become_one():
    generated = page_of("A.\n", "B.\n", Html("<p>1</p>", tail="\n"), Html("<p>2</p>"))
    assert generated.parts == ["A.\n\nB.\n", Html("<p>1</p>\n<p>2</p>")]


def test_the_ids_of_the_html_parts_are_known():
    generated = page_of("# T {#title}\n", Html('<div id="one"><span id="two">x</span></div>'))
    assert generated.anchor_ids == {"one", "two"}


def test_a_lost_placeholder_is_an_error_not_a_silent_gap():
    generated = page_of("# T\n", Html("<p>x</p>"))
    with pytest.raises(ValueError, match="lost some of its HTML parts"):
        generated.fill("<h1>T</h1>")
