"""Checking a data file against its JSON Schema (schemas/*.schema.json) with readable messages.

The schemas are the one description of each file's shape: editors use them through the
`yaml-language-server` modeline, the build uses them here. Custom messages come from an
`x-error` keyword next to a `pattern` in the schema (`x-type-error` next to a `type`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Problem
from .yamlfile import YamlDocument

if TYPE_CHECKING:
    import jsonschema

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"  # package data

_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of keys to values",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


@cache
def load_schema(name: str) -> dict:
    """The JSON Schema for data file `name` (e.g. 'events'), read once per process."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    import jsonschema  # here, not at the top: only a build that reads a data file needs it

    schema = load_schema(name)
    # The schemas are the engine's own files; tests/test_schemas.py checks each against its metaschema.
    return jsonschema.validators.validator_for(schema)(schema)


def markdown_fields(schema_name: str) -> tuple[str, ...]:
    """The entry fields the schema marks as Markdown (`"contentMediaType": "text/markdown"`)."""
    properties = load_schema(schema_name).get("items", {}).get("properties", {})
    return tuple(name for name, value in properties.items() if value.get("contentMediaType") == "text/markdown")


def entry_label(document: YamlDocument, index: int, schema_name: str) -> str:
    """How messages name entry `index`: "glossary entry 'capex'"."""
    return _entry_label(document.data, (index,), load_schema(schema_name).get("x-entry", "entry"))


@dataclass(frozen=True)
class SchemaCheck:
    """Every way a data file breaks its schema, and the entries concerned (by index)."""

    problems: list[Problem]
    unusable: frozenset[int] | None  # entries with a problem; None when the file as a whole is wrong
    unnamed: frozenset[int] = frozenset()  # entries whose id is missing or malformed


def check_against_schema(document: YamlDocument, schema_name: str) -> SchemaCheck:
    """Every way `document` breaks its schema, one Problem each, in file order; and the entries concerned.

    The entries are given by index, so the rest of the file can still be built and checked; none
    when the file as a whole is wrong (empty, or not a list), so no entry of it can be used.
    """
    schema = load_schema(schema_name)
    if document.data is None:
        return SchemaCheck(
            [document.problem((), f"is empty; expected a list of {schema.get('x-entry', 'entries')}s")], None
        )
    errors = list(_validator(schema_name).iter_errors(document.data))
    problems = sorted({_describe(error, document, schema) for error in errors}, key=lambda problem: problem.line)
    paths = [tuple(error.absolute_path) for error in errors]
    if any(not path or not isinstance(path[0], int) for path in paths):
        return SchemaCheck(problems, None)
    unnamed = {path[0] for error, path in zip(errors, paths, strict=True) if _about_the_id(error, path)}
    return SchemaCheck(problems, frozenset(path[0] for path in paths), frozenset(unnamed))


def _about_the_id(error: jsonschema.ValidationError, path: tuple) -> bool:
    """True if the error is that an entry's id is missing or malformed."""
    if path[1:2] == ("id",):
        return True
    return len(path) == 1 and error.validator == "required" and "id" not in (error.instance or {})


def _describe(error: jsonschema.ValidationError, document: YamlDocument, schema: dict) -> Problem:
    path = tuple(error.absolute_path)
    label = _entry_label(document.data, path, schema.get("x-entry", "entry"))
    field = _field_name(path)
    message = _message(error, field, is_entry=len(path) == 1 and isinstance(path[0], int))
    if error.validator == "additionalProperties":
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        path = (*path, unknown[0]) if unknown else path
    prefix = f"{label}: " if label else ""
    return document.problem(path, prefix + message)


def _message(error: jsonschema.ValidationError, field: str, is_entry: bool = False) -> str:
    what = f"'{field}'" if field else "the entry" if is_entry else "the file"
    validator, expected, value = error.validator, error.validator_value, error.instance
    if "x-error" in error.schema and validator in ("pattern", "not", "format"):
        return f"{what} {error.schema['x-error']} (got {_short(value)})"
    if "x-type-error" in error.schema and validator == "type":
        return f"{what} {error.schema['x-type-error']} (got {_short(value)})"
    if validator == "required":
        missing = [key for key in expected if key not in value]
        return f"missing required key '{missing[0]}'"
    if validator == "additionalProperties":
        unknown = sorted(set(value) - set(error.schema.get("properties", {})))
        allowed = ", ".join(error.schema.get("properties", {}))
        return f"unknown key '{unknown[0]}' (allowed: {allowed})"
    if validator == "type":
        expected_names = [expected] if isinstance(expected, str) else expected
        names = " or ".join(_TYPE_NAMES.get(name, name) for name in expected_names)
        return f"{what} must be {names} (got {_short(value)})"
    if validator == "enum":
        return f"{what} must be one of: {', '.join(map(str, expected))} (got {_short(value)})"
    if validator == "minLength" and expected == 1:
        return f"{what} is empty"
    if validator == "maxLength":
        return f"{what} is {len(value)} characters long; the limit is {expected}"
    if validator == "minItems":
        return f"{what} needs at least {expected} item{'s' if expected != 1 else ''}"
    if validator == "uniqueItems":
        return f"{what} lists the same item twice"
    return f"{what}: {error.message}"


def _entry_label(data: Any, path: tuple, noun: str) -> str:
    if not path or not isinstance(path[0], int) or not isinstance(data, list):
        return ""
    entry = data[path[0]]
    if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"]:
        return f"{noun} '{entry['id']}'"
    return f"{noun} #{path[0] + 1}"


def _field_name(path: tuple) -> str:
    parts = path[1:] if path and isinstance(path[0], int) else path
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."
