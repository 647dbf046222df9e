"""Checking a data file against its JSON Schema (schemas/*.schema.json) with readable messages.

The schemas are the one description of each file's shape: editors use them through the
`yaml-language-server` modeline, the build uses them here. Custom messages come from an `x-error` keyword
next to a `pattern` (`x-type-error` next to a `type`), the fix for a missing key from `x-required`. A value
the story's vocabulary names (a source's `stake`, a series' `unit`: `x-vocabulary` in the engine's schema)
is checked against the enum explainer.editor_schemas fills in from data/story.yml: the site's schemas,
made in memory for every build, never read from the site.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
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


@lru_cache(maxsize=64)
def _validator(text: str) -> jsonschema.protocols.Validator:
    """A validator for the schema `text` (json.dumps of it: keys in the schema's order, which messages list
    them in), made once per distinct schema (a site's schemas change only with its data/story.yml)."""
    import jsonschema  # here, not at the top: only a build that reads a data file needs it

    schema = json.loads(text)
    # Made from the engine's own files; tests/test_schemas.py checks each against its metaschema.
    checker = jsonschema.validators.extend(jsonschema.validators.validator_for(schema), {"uniqueItems": _unique_items})
    return checker(resolve_local_refs(schema))


def _unique_items(validator: Any, unique: bool, instance: Any, schema: dict) -> Iterator[jsonschema.ValidationError]:
    """uniqueItems in linear time: jsonschema's own compares every pair of a list it cannot sort (a number among
    strings; mappings), so a data file of a few MB could hold a build for minutes. Each item is hashed as
    jsonschema's `equal` compares them (`_item_key`): the answer of comparing every pair, which jsonschema's
    sort-then-neighbours shortcut misses for `[[1], [true], [1]]` (it sorts [1] and [true] as ties)."""
    import jsonschema

    if unique and validator.is_type(instance, "array") and len({_item_key(item) for item in instance}) < len(instance):
        yield jsonschema.ValidationError(f"{instance!r} has non-unique elements")


def _item_key(value: Any) -> Any:
    """A key equal for two values exactly when jsonschema's `equal` says they are: true is not 1, 1 is 1.0, lists
    and mappings item by item (the data layer's values: text, numbers, booleans, null, lists, mappings)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return (bool, value)
    if isinstance(value, list | tuple):
        return (list, tuple(_item_key(item) for item in value))
    if isinstance(value, dict):
        return (dict, frozenset((key, _item_key(item)) for key, item in value.items()))
    return (None, value)


# Keywords that only describe: beside a $ref, they check nothing.
_ANNOTATIONS = frozenset(
    {"description", "title", "$comment", "examples", "default", "deprecated", "markdownDescription"}
)


def resolve_local_refs(schema: dict) -> dict:
    """`schema` with each reference to its own `$defs` replaced by the definition, resolved once here.

    jsonschema would look each up again for every value it checks (a third of the time spent validating the
    real site's data). A `$ref` with only annotations beside it becomes its definition; one beside other
    keywords becomes `allOf: [definition]` in its place, so every keyword is checked in the same order and the
    errors are the same but for `schema_path`, which no message uses. Other references, and a definition that
    refers back to itself, are left to jsonschema.
    """
    definitions = schema.get("$defs", {})

    def resolve(node: Any, refs: tuple[str, ...] = ()) -> Any:
        if isinstance(node, list):
            return [resolve(item, refs) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        name = ref.removeprefix("#/$defs/") if isinstance(ref, str) else None
        if name in definitions and "/" not in name and "~" not in name and ref not in refs:
            definition = resolve(definitions[name], (*refs, ref))
            if set(node) - {"$ref"} <= _ANNOTATIONS:
                return definition
            if "allOf" not in node:
                return {
                    ("allOf" if key == "$ref" else key): [definition] if key == "$ref" else resolve(value, refs)
                    for key, value in node.items()
                }
        return {key: value if key == "$defs" else resolve(value, refs) for key, value in node.items()}

    return resolve(schema)


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


def check_against_schema(document: YamlDocument, schema_name: str, schema: dict | None = None) -> SchemaCheck:
    """Every way `document` breaks its schema, one Problem each, in file order; and the entries concerned, by
    index, so the rest can still be built and checked (None when the file as a whole is empty or not a list).
    `schema` is the site's (explainer.editor_schemas.schemas_for); by default the engine's own, which leaves
    the values the story's vocabulary names unchecked."""
    schema = schema or load_schema(schema_name)
    if document.data is None:
        return SchemaCheck(
            [document.problem((), f"is empty; expected a list of {schema.get('x-entry', 'entries')}s")], None
        )
    errors = list(_validator(json.dumps(schema)).iter_errors(document.data))
    # by line, and by message on one line: the set's order would change from run to run (PYTHONHASHSEED)
    problems = sorted(
        {_describe(error, document, schema) for error in errors}, key=lambda problem: (problem.line, problem.message)
    )
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


def schema_problems(
    document: YamlDocument, schema: dict, label: Callable[[tuple], str]
) -> tuple[list[Problem], set[tuple]]:
    """Every way a configuration file (a mapping: data/story.yml) breaks its schema, one Problem each, in
    file order, each led by `label(path)` (what is at the path, '' for none); and the paths of the
    settings concerned. An unknown key is reported with the one it may be a misspelling of."""
    problems, broken = set(), set()
    for error in _validator(json.dumps(schema)).iter_errors(document.data):
        path = tuple(error.absolute_path)
        if "propertyNames" in error.schema_path:
            path = (*path, error.instance)  # the key that is wrong, not the mapping holding it
        broken.add(path)
        message = _message(error, _field_name(path), suggest=True)
        path = _at_unknown_key(error, path)
        problems.add(document.problem(path, f"{label(path)}: {message}" if label(path) else message))
    return sorted(problems, key=lambda problem: (problem.line, problem.message)), broken  # the same order every run


def _describe(error: jsonschema.ValidationError, document: YamlDocument, schema: dict) -> Problem:
    path = tuple(error.absolute_path)
    label = _entry_label(document.data, path, schema.get("x-entry", "entry"))
    message = _message(error, _field_name(path), is_entry=len(path) == 1 and isinstance(path[0], int))
    return document.problem(_at_unknown_key(error, path), f"{label}: {message}" if label else message)


def _at_unknown_key(error: jsonschema.ValidationError, path: tuple) -> tuple:
    """Where the problem is: at the first unknown key, for a mapping with keys the schema does not know."""
    if error.validator == "additionalProperties":
        unknown = _unknown_keys(error)
        return (*path, unknown[0]) if unknown else path
    return path


def _unknown_keys(error: jsonschema.ValidationError) -> list:
    """The keys of the mapping the schema does not know, in order (YAML keys may be numbers or null, and mixed)."""
    return sorted(set(error.instance) - set(error.schema.get("properties", {})), key=str)


# What a value named in the story's vocabulary must be one of, as messages say it.
VOCABULARY_NOUNS = {
    "relationships": "relationships",
    "units": "units",
    "currencies": "currencies",
    "kinds": "kinds of correction",
    "source_kinds": "kinds of source",
    "categories": "glossary categories",
}


def _message(error: jsonschema.ValidationError, field: str, is_entry: bool = False, suggest: bool = False) -> str:
    what = f"'{field}'" if field else "the entry" if is_entry else "the file"
    validator, expected, value = error.validator, error.validator_value, error.instance
    if "propertyNames" in error.schema_path and "x-error" in error.schema:
        where = f" in '{field.rpartition('.')[0]}'" if "." in field else ""
        return f"key '{value}'{where} {error.schema['x-error']}"
    if "x-error" in error.schema and validator in ("pattern", "not", "format"):
        return f"{what} {error.schema['x-error']} (got {_short(value)})"
    if validator == "enum" and error.schema.get("x-vocabulary") in VOCABULARY_NOUNS:  # where to add it, or what to use
        noun, known = VOCABULARY_NOUNS[error.schema["x-vocabulary"]], ", ".join(map(str, expected)) or "none yet"
        if not isinstance(value, str) or not value:
            return f"'{field}' must be one of the {noun} in data/story.yml ({known}) (got {_short(value)})"
        name = field.rpartition(".")[2] or field
        return f"{name} '{value}' is not one of the {noun} in data/story.yml ({known}); add it there or use one of them"
    if "x-type-error" in error.schema and validator == "type":
        return f"{what} {error.schema['x-type-error']} (got {_short(value)})"
    if validator == "required":
        missing = [key for key in expected if key not in value]
        hint = error.schema.get("x-required", {}).get(missing[0])
        return f"missing required key '{missing[0]}'" + (f"; {hint}" if hint else "")
    if validator == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        unknown = _unknown_keys(error)[0]
        close = difflib.get_close_matches(str(unknown), known, 1, 0.75) if suggest else []
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown key '{unknown}'{hint} (allowed: {', '.join(known)})"
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
