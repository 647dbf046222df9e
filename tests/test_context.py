"""What one build knows (explainer.context), at the function: a context with no page reports nothing, a site
map made without MkDocs has addresses but no relative links, and a concern's state is an attribute."""

from __future__ import annotations

import pytest

from explainer.context import PageInfo, SiteMap
from explainer.registry import new_context


def test_a_context_without_a_page_reports_nothing():
    context = new_context()
    context.report("needle", "words")
    context.report_at(3, "words")
    assert context.problems == []
    context.page = PageInfo("a.md", "a/", "A", "Text with a needle.\n", False, {})  # the positive control
    context.report("needle", "words")
    context.report_at(3, "words")
    assert [(problem.file, problem.line) for problem in context.problems] == [("docs/a.md", 1), ("docs/a.md", 3)]


def test_a_concern_is_an_attribute_and_anything_else_is_not():
    context = new_context()
    assert context.sources is context.states["sources"]
    with pytest.raises(AttributeError):
        context.no_such_concern  # noqa: B018 - the attribute is what is tested


def test_a_site_map_without_mkdocs_has_addresses_but_no_relative_links():
    site = SiteMap(urls={"story/the-fall.md": "story/the-fall/"})
    assert site.url("story/the-fall.md") == "story/the-fall/"
    assert site.url("story/unlisted.md") == "story/unlisted/"
    with pytest.raises(ValueError):
        site.link("story/the-fall/#a", "")
    site.relative = lambda path, from_url: "../" + path  # the positive control: with MkDocs' function
    assert site.link("story/the-fall/#a", "x/") == "../story/the-fall/#a"
