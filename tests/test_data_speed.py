"""Fast paths found by `make bench` give exactly what the slower code gave (see BENCHMARKS.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer import yamlfile
from explainer.backlinks import Backlink, BacklinkIndex
from explainer.errors import DataError

REPO = Path(__file__).resolve().parents[1]
DATA_FILES = sorted((REPO / "data").glob("*.yml")) + sorted((REPO / "tests/fixtures/site/data").glob("*.yml"))


def careful(text: str) -> yamlfile.YamlDocument | str:
    """The pure-Python loader's result, or its one-line problem."""
    try:
        return yamlfile._parse(text, "data/x.yml", None, yamlfile._Loader)
    except DataError as error:
        return str(error)


def parsed(text: str) -> yamlfile.YamlDocument | str:
    """What the data layer gets (libyaml first), or its one-line problem."""
    try:
        return yamlfile.parse_yaml(text.encode(), "data/x.yml")
    except DataError as error:
        return str(error)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_data_files_parse_the_same_with_libyaml(path: Path):
    assert parsed(path.read_text(encoding="utf-8")) == careful(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "- id: a\n  published: '2020-01-02'\n  date: 2020-01-02\n  n: 3\n  f: 1.5\n  b: true\n  z: null\n",
        "- {id: a, tags: [x, y]}\n- id: b\n  note: >\n    folded\n    text\n",
        "<<: {a: 1}\n",
        "",
        "# only a comment\n",
        "- anchored: &name value\n",
        "- &a [1]\n- *a\n",  # alias
        "a: &x {b: 1}\nc: *x\n",  # alias of a mapping
        "v: " + "[" * 51 + "]" * 51 + "\n",  # deeper than the careful loader allows
        "v: " + "[" * 49 + "]" * 49 + "\n",  # just within it
        "- a: 1\n  a: 2\n",  # duplicate key
        "- !!python/name:os.system x\n",  # unsupported tag
        "- a: 'unclosed\n",
        "- a:\n\t- b\n",  # tab
        "- kind:\tnews\n",  # tab after a colon: libyaml accepts it
        "a: 1\n---\nb: 2\n",  # two documents
        'a: "\\x02"\n',  # control character by escape
        "? [a, b]\n: c\n",  # a key that is not text
    ],
)
def test_libyaml_path_matches_careful_path(text: str):
    assert parsed(text) == careful(text)


@pytest.mark.skipif(not yamlfile.yaml.__with_libyaml__, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_valid_data_files_take_the_libyaml_path(path: Path):
    text = path.read_text(encoding="utf-8")
    assert not yamlfile._needs_careful(text)
    assert yamlfile._parse(text, "data/x.yml", None, yamlfile._FastLoader) is not None  # raises for a problem


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab1 :-#&*!'\"[]{},?|>\n\t\\%@`.", max_size=60))
def test_any_text_parses_the_same_with_libyaml(text: str):
    assert parsed(text) == careful(text)


# What goes to the careful loader, as first written: one alternation tried at every character.
LEFT_TO_CAREFUL_AS_WRITTEN = re.compile(r"\t|(?:^|[\s\[{,])!|[|>][^\n|>]*#|[\[{][^\[{\]}]*\?|^(?:---|\.\.\.)", re.M)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="\t\n\r\x0b\x0c\x1c\x85\u2028 a!|>[]{},#?-.", max_size=16))
def test_text_goes_to_the_careful_loader_as_the_alternation_as_written_says(text: str):
    """The faster search (from a match's first character) sends the same texts to the careful loader."""
    assert yamlfile._needs_careful(text) == bool(LEFT_TO_CAREFUL_AS_WRITTEN.search(text))


@pytest.mark.parametrize(
    ("text", "careful"),
    [
        ("a: b\n", False),
        ("!a", True),
        ("a: [b, !c]", True),
        ("a: x!y", False),
        ("a: |x\n#", False),
        ("a: |x #", True),
        ("a: [b ? c]", True),
        ("a: [b] ?", False),
        ("---\na: b", True),
        ("a: b\n...", True),
        ("a: b ---", False),
        ("a:\tb", True),
    ],
)
def test_what_goes_to_the_careful_loader(text: str, careful: bool):
    assert yamlfile._needs_careful(text) is careful
    assert bool(LEFT_TO_CAREFUL_AS_WRITTEN.search(text)) is careful


def test_backlinks_keep_one_link_per_page_section_in_first_use_order():
    index = BacklinkIndex()
    for anchor, page, section in [
        ("a1", "p/", ""),
        ("a2", "p/", ""),
        ("a3", "p/", "S"),
        ("a4", "q/", ""),
        ("a5", "p/", "S"),
    ]:
        index.add("glossary", "x", Backlink(page, "P", anchor, section))
    assert [link.anchor for link in index.links("glossary", "x")] == ["a1", "a3", "a4"]
    assert index.used_ids("glossary") == {"x"}


def test_backlinks_are_listed_in_the_site_s_order_of_pages_whenever_they_were_found():
    index = BacklinkIndex()
    index.order = {"": 0, "p/": 1, "timeline/": 2}
    for page in ("timeline/", "p/", ""):
        index.add("source", "x", Backlink(page, page or "Home", "a"))
    assert [link.page_url for link in index.links("source", "x")] == ["", "p/", "timeline/"]
