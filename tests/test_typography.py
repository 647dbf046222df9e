"""explainer.typography: smarty skips the runs of text it cannot change, and the page stays the same."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.smarty import SubstituteTextPattern

from explainer.typography import SmartyWhereItMattersExtension

# The site's own set-up around smarty (mkdocs.yml), and Markdown that exercises it.
EXTENSIONS = ["abbr", "attr_list", "footnotes", "md_in_html", "smarty", "tables", "toc"]
SAMPLE = """# A "quoted" title -- with dashes...

Alibaba's shares fell -- then rose.[^1] The '80s; <<angled>> "quotes" and 'single' ones.[^2]

<div markdown="1">
Inside a block: it's *emphasis* and `code 'kept'` --- and 1.5 points.
</div>

| Year | Value |
|------|-------|
| 2020 | "a" |

*[HTML]: Hyper Text Markup Language

HTML and more.

[^1]: A note, "quoted".
[^2]: Another -- note.
"""


def convert(text: str, skip: bool) -> str:
    extensions = [*EXTENSIONS, SmartyWhereItMattersExtension()] if skip else EXTENSIONS
    return markdown.markdown(text, extensions=extensions)


def hidden_runs(text: str) -> int:
    md = markdown.Markdown(extensions=[*EXTENSIONS, SmartyWhereItMattersExtension()])
    hide = md.treeprocessors["explainer-smarty-skip"]
    counts = []
    run = hide.run
    hide.run = lambda root: (run(root), counts.append(len(hide.hidden)))[0]
    md.convert(text)
    return counts[0]


def test_the_sample_page_is_the_same_and_smarty_skips_runs_of_it() -> None:
    assert convert(SAMPLE, skip=True) == convert(SAMPLE, skip=False)
    assert "&ldquo;" in convert(SAMPLE, skip=True)  # a positive control: smarty still works
    assert hidden_runs(SAMPLE) > 10


ALPHABET = st.sampled_from([*"ab Z9 '\"-.<>*_`[]^:!&#\n", "  \n", "[^1]", "\n\n", "--", "...", "\n\n[^1]: n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_any_text_converts_the_same_with_and_without_the_skip(text: str) -> None:
    assert convert(text, skip=True) == convert(text, skip=False)


def test_without_smarty_nothing_is_hidden() -> None:
    md = markdown.Markdown(extensions=["footnotes", SmartyWhereItMattersExtension()])
    md.convert("Text.[^1]\n\n[^1]: A note.")
    assert md.treeprocessors["explainer-smarty-skip"].hidden == []


def test_a_smarty_with_a_pattern_of_its_own_is_left_alone() -> None:
    md = markdown.Markdown(extensions=["smarty", SmartyWhereItMattersExtension()])
    md.treeprocessors["smarty"].inlinePatterns.register(SubstituteTextPattern(r"\bteh\b", ("the",), md), "typo", 1)
    hide = md.treeprocessors["explainer-smarty-skip"]
    seen = []
    run = hide.run
    hide.run = lambda root: (run(root), seen.append(list(hide.hidden)))[0]
    assert md.convert("teh cat") == "<p>the cat</p>"
    assert seen == [[]]


def test_a_sentence_smarty_cannot_change_is_skipped_and_one_it_can_is_not() -> None:
    # A single hyphen or dot is nothing to smarty (its dashes need --, its ellipsis ...).
    # (The line breaks around the paragraph are hidden in both.)
    assert hidden_runs("A year-on-year rise of 1.5 points.") == hidden_runs("A rise -- of 1.5 points...") + 1
