"""The JSON Schemas in schemas/: valid themselves, matching the real data, refusing bad values.

The schemas are the one description of each data file's shape, used by the build
(explainer.schema) and by editors (the `yaml-language-server` modeline atop each file).
Bad values are generated from each schema's own vocabulary: every property that refers to
`plain_text` must refuse HTML, every `partial_date` a date in words, every https URL an http
one, and so on, so a new property or a new data file is covered without editing this file.
The catalogue of mistakes (tests/catalogue.py) holds the data files' mistakes with their messages;
tests/test_bad_inputs.py runs them through the data layer.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import FIXTURE_SITE, REPO, SCHEMA_DIR
from hypothesis import example, given, settings
from hypothesis import strategies as st

from explainer import schema
from explainer.yamlfile import load_yaml

SCHEMA_NAMES = sorted(path.name.removesuffix(".schema.json") for path in SCHEMA_DIR.glob("*.schema.json"))
DATA_ROOTS = {"data": REPO, "fixture": FIXTURE_SITE}
MODELINE = "# yaml-language-server: $schema="


def load_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = load_schema(name)
    return jsonschema.validators.validator_for(schema)(schema)


def subschemas(node: Any) -> Iterator[dict]:
    """Every schema object nested anywhere in `node` (properties, items, $defs, allOf, ...)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from subschemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from subschemas(value)


def data_file(root: str, name: str) -> Path:
    return DATA_ROOTS[root] / "data" / f"{name}.yml"


# The schemas themselves --------------------------------------------------------------------


def test_every_data_file_has_a_schema_and_every_schema_a_data_file() -> None:
    data_names = sorted(path.stem for path in (REPO / "data").glob("*.yml"))
    assert data_names == SCHEMA_NAMES
    assert set(SCHEMA_NAMES) >= {"sources", "glossary", "events", "corrections"}


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_json_schema_2020_12(name: str) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f"/{name}.schema.json")
    assert schema["title"] and schema["x-entry"]  # x-entry names one entry in messages


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_refuses_unknown_keys_everywhere(name: str) -> None:
    open_objects = [
        sorted(node["properties"])
        for node in subschemas(load_schema(name))
        if "properties" in node
        if node.get("additionalProperties") is not False
    ]
    assert not open_objects, f"add additionalProperties: false to the objects with keys {open_objects}"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_pattern_has_a_readable_message(name: str) -> None:
    bare = [node["pattern"] for node in subschemas(load_schema(name)) if "pattern" in node and "x-error" not in node]
    assert not bare, f"add an x-error message next to the patterns {bare}"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_key_is_described_for_editors(name: str) -> None:
    undescribed = [
        key
        for node in subschemas(load_schema(name))
        for key, property_schema in node.get("properties", {}).items()
        if isinstance(property_schema, dict) and not property_schema.get("description")
    ]
    assert not undescribed, f"describe these keys (editors show it on hover): {undescribed}"


# The data files ----------------------------------------------------------------------------


@pytest.mark.parametrize("root", sorted(DATA_ROOTS))
@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_data_file_starts_with_a_modeline_naming_its_schema(root: str, name: str) -> None:
    path = data_file(root, name)
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith(MODELINE), f"{path} must start with {MODELINE}<relative path to its schema>"
    target = (path.parent / first_line.removeprefix(MODELINE).strip()).resolve()
    assert target == SCHEMA_DIR / f"{name}.schema.json"


@pytest.mark.parametrize("root", sorted(DATA_ROOTS))
@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_data_file_validates_against_its_schema(root: str, name: str) -> None:
    path = data_file(root, name)
    document = load_yaml(path, f"data/{name}.yml")
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator(name).iter_errors(document.data)]
    assert not errors, f"{path}:\n" + "\n".join(errors)


# Bad values, generated from each schema's vocabulary -------------------------------------------

BAD_VALUES = {
    "plain_text": ["<b>bold</b>", "<script>alert(1)</script>", "", 42],
    "form": ["<i>Ant</i>", "", 42],
    "partial_date": ["27 March 2025", "2025/03/27", "25-03-27", 2025],
    "id": ["Ant_Group", "ant--group", "-ant", "ant group", 7],
    "https_url": ["http://example.com/a", "javascript:alert(1)", "https://example.com/a b", "example.com"],
    "enum": ["not-one-of-these"],
    "list": ["a text instead of a list"],
}
ID_DEFS = {"id", "id_reference"}


def kind_of(key: str, schema: dict) -> str | None:
    """Which family of bad values applies to a property, judged by the schema's own words."""
    refs = [schema.get("$ref", "")] + [part.get("$ref", "") for part in schema.get("allOf", [])]
    names = {ref.rsplit("/", 1)[-1] for ref in refs if ref}
    if names & ID_DEFS or (key == "id" and "pattern" in schema):
        return "id"
    for name in ("plain_text", "form", "partial_date"):
        if name in names:
            return name
    if schema.get("pattern", "").startswith("^https://"):
        return "https_url"
    if "enum" in schema:
        return "enum"
    return "list" if schema.get("type") == "array" else None


def example_entry(name: str) -> dict | None:
    """A real, valid entry to spoil: the first of the real data file, else of the fixture's (a copy of its own)."""
    return copy.deepcopy(_first_entry(name))


@functools.cache
def _first_entry(name: str) -> dict | None:
    """Read once per process: reading the real data file is most of what a case costs, and 400 cases read it."""
    for root in ("data", "fixture"):
        entries = load_yaml(data_file(root, name), name).data or []
        if entries:
            return entries[0]
    return None


def spoiled_entry(name: str, key: str, value: Any, expected_keyword: str | None) -> tuple[dict, dict]:
    """A real entry of `name` and a copy with `key` set to `value` (removed, for a `required` case); skips
    the test when there is no entry to spoil."""
    entry = example_entry(name)
    if entry is None:
        pytest.skip(f"SCHEMA CASE NOT RUN: data/{name}.yml and the fixture's are both empty")
    spoiled = copy.deepcopy(entry)
    if expected_keyword == "required":
        spoiled.pop(key)
    else:
        spoiled[key] = value
    return entry, spoiled


def bad_cases() -> Iterator[Any]:
    for name in SCHEMA_NAMES:
        if load_schema(name).get("type") != "array":
            continue  # data/story.yml, a mapping of settings: tests/test_vocabulary.py
        properties = load_schema(name).get("items", {}).get("properties", {})
        yield pytest.param(name, "colour", "an unknown key", "additionalProperties", id=f"{name}-unknown-key")
        for key in load_schema(name).get("items", {}).get("required", []):
            yield pytest.param(name, key, None, "required", id=f"{name}-{key}-missing")
        for key, property_schema in properties.items():
            for value in _spoils_for(key, property_schema):
                yield pytest.param(name, key, value, None, id=f"{name}-{key}={json.dumps(value)[:30]}")


def _spoils_for(key: str, property_schema: dict) -> Iterator[Any]:
    kind = kind_of(key, property_schema)
    if kind == "list":
        yield from BAD_VALUES["list"]
        if property_schema.get("minItems"):
            yield []
        item_kind = kind_of(key, property_schema.get("items", {}))
        yield from ([value] for value in BAD_VALUES.get(item_kind or "", []))
    elif kind:
        yield from BAD_VALUES[kind]
    if key != "id" and kind not in ("list", None) and "type" not in property_schema:
        yield ["a", "list"]  # a list where one value is expected


MISSING = object()


@pytest.mark.parametrize(("name", "key", "value", "expected_keyword"), list(bad_cases()))
def test_schema_refuses_bad_value(name: str, key: str, value: Any, expected_keyword: str | None) -> None:
    _, spoiled = spoiled_entry(name, key, value, expected_keyword)
    errors = list(validator(name).iter_errors([spoiled]))
    assert errors, f"schemas/{name}.schema.json accepts {key}: {value!r}"
    if expected_keyword:
        assert {error.validator for error in errors} == {expected_keyword}
    else:
        assert all(list(error.absolute_path)[:2] == [0, key] for error in errors), [e.message for e in errors]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
@pytest.mark.parametrize("document", [{"id": "a-mapping"}, "text", 42], ids=["mapping", "text", "number"])
def test_a_data_file_must_be_a_list(name: str, document: Any) -> None:
    assert not validator(name).is_valid(document)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
@pytest.mark.parametrize("entry", ["just text", None, ["a", "list"]], ids=["text", "null", "list"])
def test_each_entry_must_be_a_mapping(name: str, entry: Any) -> None:
    assert not validator(name).is_valid([entry])


# uniqueItems: the engine's check gives jsonschema's answer without comparing every pair (schema._unique_items).
UNIQUE = json.dumps({"type": "array", "uniqueItems": True})
_json_values = st.recursive(
    st.none() | st.booleans() | st.sampled_from([0, 1, 2, 0.0, 1.0, 2.5]) | st.sampled_from(["", "a", "1", "true"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "b"]), inner, max_size=2),
    max_leaves=6,
)


def pairwise_unique(items: list) -> bool:
    """The reference: no two items equal by jsonschema's own `equal` (true is not 1), every pair compared."""
    values = [jsonschema._utils.unbool(item) for item in items]
    return not any(jsonschema._utils.equal(values[i], values[j]) for i in range(len(values)) for j in range(i))


@settings(max_examples=400, deadline=None)
@given(st.lists(_json_values, max_size=6))
@example([[1], [True], [1]])  # jsonschema's own check sorts [1] and [true] as ties and misses the repeat
def test_unique_items_gives_the_answer_of_comparing_every_pair(items: list) -> None:
    assert schema._validator(UNIQUE).is_valid(items) == pairwise_unique(items)


def test_unique_items_compares_no_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    """A list jsonschema cannot sort (a number among texts) is not checked pair by pair: 300 items, 44,850 pairs."""
    compared = []
    real_equal = jsonschema._utils.equal
    monkeypatch.setattr(jsonschema._utils, "equal", lambda one, two: compared.append(1) or real_equal(one, two))
    items = [1, *(f"alias {n}" for n in range(299))]
    assert jsonschema.Draft202012Validator({"uniqueItems": True}).is_valid(items)  # the positive control: jsonschema
    assert len(compared) > 40_000  # compares the pairs
    compared.clear()
    assert schema._validator(UNIQUE).is_valid(items)
    assert not schema._validator(UNIQUE).is_valid([*items, "alias 7"])  # a repeat is still found
    assert compared == []
