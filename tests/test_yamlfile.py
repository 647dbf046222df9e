"""Reading data files (explainer.yamlfile) and their records (explainer.datafile): the paths the data layer's
catalogued cases (tests/catalogue.py) do not take. The words of each problem are catalogued there; these tests
check where a problem is and that it is one, each beside a positive control."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from catalogue import MISTAKES, STORY
from conftest import FIXTURE_SITE

from explainer import yamlfile
from explainer.data import load_records, load_story
from explainer.datafile import Records, entry_dates
from explainer.errors import DataError
from explainer.registry import load_site_data
from explainer.sources.records import SPEC as SOURCES
from explainer.yamlfile import (
    MAX_DATA_FILE_BYTES,
    parse_config_file,
    parse_data_file,
    parse_yaml,
    read_data_file,
)

NAME = "data/sources.yml"


def problem_lines(call) -> list[tuple[str, int]]:
    with pytest.raises(DataError) as raised:
        call()
    return [(problem.file, problem.line) for problem in raised.value.problems]


def test_a_data_file_is_read_whole_within_the_limit(tmp_path: Path):
    path = tmp_path / "sources.yml"
    path.write_bytes(b"- id: a\n")
    assert read_data_file(path, NAME) == b"- id: a\n"  # the positive control for the refusals below


@pytest.mark.parametrize("kind", ["device", "folder", "sparse file over the limit"])
def test_what_is_no_data_file_is_one_problem_at_line_1_and_is_never_read(tmp_path: Path, kind: str):
    if kind == "device":
        path = Path(os.devnull)  # a character device: opened, never read
    elif kind == "folder":
        path = tmp_path / "sources.yml"
        path.mkdir()
    else:
        path = tmp_path / "sources.yml"
        with open(path, "wb") as file:
            file.truncate(MAX_DATA_FILE_BYTES + 1)  # its size, without writing it
    assert problem_lines(lambda: read_data_file(path, NAME)) == [(NAME, 1)]


def test_bytes_over_the_limit_are_refused_before_they_are_parsed():
    assert parse_data_file(b"[]" + b" " * (MAX_DATA_FILE_BYTES - 2), NAME).data == []  # at the limit: read
    assert problem_lines(lambda: parse_data_file(b"[]" + b" " * (MAX_DATA_FILE_BYTES - 1), NAME)) == [(NAME, 1)]


def test_a_list_over_the_entry_limit_is_refused_without_the_careful_loader(monkeypatch):
    """libyaml counts the entries; the pure-Python loader, several times slower, never reads them (a pull request
    of 10,001 small entries would otherwise cost seconds before its one-line refusal)."""
    careful = []

    class Careful(yamlfile._Loader):
        def __init__(self, text: str):
            careful.append(text)
            super().__init__(text)

    monkeypatch.setattr(yamlfile, "_Loader", Careful)
    assert problem_lines(lambda: parse_yaml(b"- 1\n" * 11, NAME, max_entries=10)) == [(NAME, 11)]
    assert careful == []
    with pytest.raises(DataError):  # the positive control: a syntax error is the careful loader's
        parse_yaml(b"- 1\n- [\n", NAME, max_entries=10)
    assert careful  # read by the careful loader (and by its scanner, for the wording)


def test_mkdocs_yml_keeps_the_values_of_its_own_tags_as_written():
    """mkdocs.yml is the site's code: MkDocs' tags (!ENV, !!python/name:) are its own; a data file refuses them."""
    text = b"a: !ENV SITE_URL\nb: !ENV [SITE_URL, 'https://example.com/']\nc: plain\n"
    document = parse_config_file(text, "mkdocs.yml")
    assert document.data == {"a": "SITE_URL", "b": ["SITE_URL", "https://example.com/"], "c": "plain"}
    assert problem_lines(lambda: parse_yaml(text, NAME)) == [(NAME, 1)]


LARGE_PADDING = "# padding\n" * 14_000  # over the careful reader's 128 KB: libyaml reads the file alone


@pytest.mark.parametrize(
    ("text", "line"),
    [("- id: a\n  title: 'x\x07'\n", 2), ("- id: a\n  title: x\n  authors: " + "[" * 60 + "]" * 60 + "\n", 3)],
)
def test_a_large_file_has_the_same_checks_of_our_own(text: str, line: int):
    """A control character, lists nested too deep: refused at their lines in a file too large for the careful
    reader."""
    assert problem_lines(lambda: parse_yaml(text.encode(), NAME)) == [(NAME, line)]
    assert problem_lines(lambda: parse_yaml((text + LARGE_PADDING).encode(), NAME)) == [(NAME, line)]
    control = parse_yaml(("- id: a\n  title: x\n" + LARGE_PADDING).encode(), NAME)  # the positive control
    assert control.data == [{"id": "a", "title": "x"}]


# Records without a file (passed in from Python), and the dates of the story's span --------------------------


def test_records_passed_in_have_nothing_left_out_and_problems_at_line_1():
    records = Records({"a": object()})
    assert records.left_out == frozenset() and records.has_unnamed is False and records.left_out_entries() == []
    assert records.knows("a") and not records.knows("b")
    problem = records.problem(("a",), "words")
    assert (problem.file, problem.line) == ("(records passed in)", 1)


def test_an_id_that_is_a_list_or_a_mapping_is_no_id_and_stops_nothing():
    document = parse_yaml(b"- id: a\n- id: [b]\n- id: {c: d}\n- id: e\n", "data/sources.yml")
    records = Records({"a": object()}, document)
    assert records.left_out == frozenset({"e"})  # the string ids only: the positive control


def test_the_span_takes_the_real_dates_of_usable_entries_only():
    text = (
        '- {id: a, date: "2021-03"}\n- {id: b}\n- {id: c, date: "2021-02-30"}\n'
        '- {id: d, date: "2022", skip: true}\n- {id: e, date: "2020"}\n'
    )
    document = parse_yaml(text.encode(), "data/events.yml")
    dates = list(entry_dates(document, "date", skip=lambda entry: entry.get("skip") is True))
    assert [date.display for date in dates] == ["March 2021", "2020"]


# The data layer's other ways in: one file's records, every file's records, their attributes ----------------


def test_one_data_file_of_the_wrong_shape_is_refused_with_its_line(tmp_path: Path):
    story = load_story(FIXTURE_SITE / STORY)
    good = load_records(FIXTURE_SITE / NAME, SOURCES, label=NAME, story=story)  # the positive control
    assert "wire-2020-ipo" in good
    path = tmp_path / "sources.yml"
    path.write_text("id: wire-2020-ipo\n", encoding="utf-8")  # a mapping, not a list (catalogued: file-is-a-mapping)
    assert problem_lines(lambda: load_records(path, SOURCES, label=NAME, story=story)) == [(NAME, 1)]


def test_every_data_file_is_loaded_or_every_problem_raised(fixture_project: Path):
    records = load_site_data(fixture_project)
    assert "wire-2020-ipo" in records.sources
    with pytest.raises(AttributeError):
        records.no_such_concern  # noqa: B018 - the attribute is what is tested
    MISTAKES["required-field-missing"].make(fixture_project)
    with pytest.raises(DataError) as raised:
        load_site_data(fixture_project)
    assert [str(problem) for problem in raised.value.problems] == [MISTAKES["required-field-missing"].message]


# Every tag the loaders construct, each with a value of its type (the positive control) and one that is not.
TAGGED = [
    ("!!str", "x", "[x]"),
    ("!!int", "0x1F", "abc"),
    ("!!int", "12", "''"),
    ("!!float", "1.5", "1:x"),
    ("!!bool", "yes", "maybe"),
    ("!!null", "~", "abc"),
    ("!!seq", "[x]", "abc"),
    ("!!map", "{x: 1}", "[x]"),
    ("", "0b101", "0b_"),  # no tag: YAML 1.1 reads both as binary integers, the second with no digits
    ("", "-0x1F", "+0x_"),
]
PARSERS = {
    "libyaml": lambda raw: parse_yaml(raw, NAME),
    "careful": lambda raw: parse_yaml(b"---\n" + raw, NAME),  # text libyaml leaves to the careful loader
    "libyaml alone": lambda raw: parse_yaml(raw + b"#" * yamlfile.CAREFUL_READER_MAX_BYTES, NAME),  # a large file
    "mkdocs.yml": lambda raw: yamlfile.parse_config_file(raw, NAME),
}


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(("tag", "good", "bad"), TAGGED)
def test_a_value_that_is_not_of_its_tags_type_is_a_problem_on_its_line(parser: str, tag: str, good: str, bad: str):
    parse = PARSERS[parser]
    offset = 1 if parser == "careful" else 0
    assert parse(f"a: {tag} {good}\n".encode()).data is not None  # the positive control
    assert problem_lines(lambda: parse(f"a: 1\nb: {tag} {bad}\n".encode())) == [(NAME, 2 + offset)]
    if not bad.startswith("["):  # as keys (a list is no key at all): each reported, neither a duplicate of the other
        keys = f"{tag} {bad}: 1\n{tag} {bad}: 2\n".encode()
        assert problem_lines(lambda: parse(keys)) == [(NAME, 1 + offset), (NAME, 2 + offset)]
