"""The build validates against each schema with its own `$defs` resolved in advance
(explainer.schema.resolve_local_refs): it must find exactly the errors the schema as written finds.

Every bad value test_schemas.py generates from the schemas' vocabulary, and whole files of the wrong
shape, are checked both ways; each error is compared by what the messages use (keyword, its value,
the subschema's custom message and properties, the place in the data, jsonschema's own message).
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from test_schemas import SCHEMA_NAMES, bad_cases, load_schema, spoiled_entry

from explainer.schema import resolve_local_refs


def errors(schema: dict, document: Any) -> list[tuple]:
    validator = jsonschema.validators.validator_for(schema)(schema)
    return sorted(
        (
            str(error.validator),
            repr(error.validator_value),
            repr(error.instance),
            tuple(map(str, error.absolute_path)),
            error.message,
            str(error.schema.get("x-error")) if isinstance(error.schema, dict) else "",
            repr(sorted(error.schema.get("properties", {}))) if isinstance(error.schema, dict) else "",
        )
        for error in validator.iter_errors(document)
    )


def both_ways(name: str, document: Any) -> tuple[list, list]:
    schema = load_schema(name)
    return errors(schema, document), errors(resolve_local_refs(schema), document)


@pytest.mark.parametrize(("name", "key", "value", "expected_keyword"), list(bad_cases()))
def test_resolved_schema_finds_the_same_errors(name: str, key: str, value: Any, expected_keyword: str | None) -> None:
    entry, spoiled = spoiled_entry(name, key, value, expected_keyword)
    as_written, resolved = both_ways(name, [entry, spoiled])
    assert as_written  # a positive control: the spoiled entry is refused
    assert resolved == as_written


@pytest.mark.parametrize("name", SCHEMA_NAMES)
@pytest.mark.parametrize("document", [{"id": "a-mapping"}, "text", 42, ["text"], [None], [{}]])
def test_resolved_schema_refuses_the_same_shapes(name: str, document: Any) -> None:
    as_written, resolved = both_ways(name, document)
    assert as_written
    assert resolved == as_written


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_no_local_reference_is_left(name: str) -> None:
    resolved = resolve_local_refs(load_schema(name))
    resolved.pop("$defs", None)
    assert '"$ref": "#/$defs/' not in repr(resolved).replace("'", '"')


def test_a_definition_that_refers_to_itself_is_left_to_jsonschema() -> None:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": {"tree": {"type": "array", "items": {"$ref": "#/$defs/tree"}}},
        "$ref": "#/$defs/tree",
    }
    resolved = resolve_local_refs(schema)
    assert resolved["allOf"][0] == {"type": "array", "items": {"$ref": "#/$defs/tree"}}
    assert errors(schema, [[["leaf"]]]) == errors(resolved, [[["leaf"]]])
    assert errors(resolved, [[["leaf"]]])
