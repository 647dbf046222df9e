"""HTML written in pages (explainer.pagehtml), at the function: what mkdocs.yml adds to the page allow-list, and
what a page writes, listed for the reader's diff. The mistakes' lines are catalogued (tests/catalogue.py)."""

from __future__ import annotations

from layers import written_html

from explainer.pagehtml import page_allow_list


def test_mkdocs_yml_adds_elements_with_or_without_hosts_and_a_list_is_one_problem():
    default, problems = page_allow_list({})
    assert problems == [] and "video" not in default.elements
    added, problems = page_allow_list({"allow_html": {"video": {"attributes": ["src", "controls"]}, "track": None}})
    assert problems == []
    assert added.elements["video"] == {"src", "controls"} and "video" not in added.hosts
    assert added.elements["track"] == frozenset()
    listed, problems = page_allow_list({"allow_html": ["video"]})
    assert [(problem.file, problem.line) for problem in problems] == [("mkdocs.yml", 1)]
    assert listed.elements == default.elements  # nothing added


def test_what_a_page_writes_in_a_markdown_block_is_listed_element_by_element():
    listed = written_html('<div markdown="1" class="box">\n*x* <b title="t">y</b>\n</div>\n\nPlain *text*.\n')
    assert listed[0] == '<div markdown="block" class="box">'
    assert '<b title="t">' in listed
    assert written_html("Plain *text*.\n") == []  # the positive control: Markdown alone writes no HTML
