"""The JSON Schemas of a site's data files, made from the engine's schemas and the story's vocabulary.

The engine's schemas (package data, explainer/schemas/) mark each value the vocabulary names with
`x-vocabulary`: a source's `stake` (relationships), a series' `unit` (units), an event figure's
`currency` (currencies), a correction's `kind` (kinds), a source's `kind` (source_kinds), a glossary
entry's `category` (categories). `schemas_for(story)` fills in each such value's enum, and its description, from the
story's vocabulary (data/story.yml, explainer.story); the build validates every data file with
those schemas, made in memory, never with files a pull request could edit.

`explainer schemas` writes the same schemas (`write_editor_schemas(root)`) into the site's `.schemas/`
folder (git-ignored; `make serve` and `make test` write it when they set up .venv), and each data
file's first line points editors there:

    # yaml-language-server: $schema=../.schemas/sources.schema.json
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from .errors import DataError
from .schema import SCHEMA_DIR, load_schema
from .story import DEFAULT_STORY, SCHEMA_NAME, STORY_FILE, Story, read_story
from .yamlfile import mappings_in, read_data_file

EDITOR_SCHEMA_DIR = ".schemas"  # in the site, next to mkdocs.yml


def schemas_for(story: Story) -> dict[str, dict]:
    """The schema of each data file (and of data/story.yml) for a site with this vocabulary, by name."""
    names = sorted(path.name.removesuffix(".schema.json") for path in SCHEMA_DIR.glob("*.schema.json"))
    return {name: fill_vocabulary(load_schema(name), story) for name in names}


def write_editor_schemas(root: Path, folder: str = EDITOR_SCHEMA_DIR) -> list[Path]:
    """Write the schemas of the site at `root` into root/folder, one file per data file; return the paths written.
    The vocabulary is data/story.yml's as far as it can be read (the build reports its problems; editors still
    get the rest)."""
    target = root / folder
    target.mkdir(parents=True, exist_ok=True)
    try:
        raw = read_data_file(root / STORY_FILE, STORY_FILE) if (root / STORY_FILE).is_file() else None
    except DataError:
        raw = None
    written = []
    for name, schema in schemas_for(read_story(raw, load_schema(SCHEMA_NAME))[0] or DEFAULT_STORY).items():
        path = target / f"{name}.schema.json"
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    (target / ".gitignore").write_text("# Written by `explainer schemas`; never edit.\n*\n", encoding="utf-8")
    return written


# Filling in the vocabulary ------------------------------------------------------------------------


def fill_vocabulary(schema: dict, story: Story) -> dict:
    """A copy of an engine schema with each `x-vocabulary` value's enum and description from `story`."""
    filled = copy.deepcopy(schema)
    for node in mappings_in(filled):
        if (name := node.get("x-vocabulary")) in _FILLERS:
            choices, said = _FILLERS[name](story)
            if choices is not None:
                node["enum"] = choices
            if said:
                node["description"] = f"{node.get('description', '')} {said}".strip()
    return filled


def _relationships(story: Story) -> tuple[list[str], str]:
    said = "; ".join(
        f"{key}: {relationship.disclosure or 'nothing shown'}"
        f" ({'counted as independent' if relationship.independent else 'not independent'})"
        for key, relationship in story.relationships.items()
    )
    return list(story.relationships), f"This site's relationships (data/story.yml): {said}."


def _units(story: Story) -> tuple[list[str], str]:
    own = ", ".join(f"{key} ({unit['axis']})" for key, unit in story.units.items())
    return story.unit_keys, "Built in: percent, count." + (f" This site's (data/story.yml): {own}." if own else "")


def _currencies(story: Story) -> tuple[list[str], str]:
    codes = ", ".join(story.currencies) or "none yet; add them under currencies: in data/story.yml"
    return list(story.currencies), f"This site's currencies (data/story.yml): {codes}."


def _kinds(story: Story) -> tuple[list[str], str]:
    said = " ".join(f"{key}: {kind.description or kind.label}" for key, kind in story.kinds.items())
    return list(story.kinds), f"This site's kinds (data/story.yml): {said}"


def _source_kinds(story: Story) -> tuple[list[str], str]:
    said = " ".join(f"{key}: {kind.description or kind.heading}" for key, kind in story.source_kinds.items())
    return list(story.source_kinds), f"This site's kinds of source (data/story.yml): {said}"


def _categories(story: Story) -> tuple[list[str], str]:
    said = ", ".join(f"{key} ({heading})" for key, heading in story.categories.items())
    return list(story.categories), f"This site's categories (data/story.yml): {said}."


def _span(story: Story) -> tuple[None, str]:
    return None, (f"This site's span (data/story.yml): {story.dates.text}." if story.dates else "")


def _headlines(story: Story) -> tuple[None, str]:
    least, most = story.headline_events
    return None, f"This site asks for at least {least} and at most {most} (data/story.yml, timeline: headline_events)."


_FILLERS = {
    "relationships": _relationships,
    "units": _units,
    "currencies": _currencies,
    "kinds": _kinds,
    "source_kinds": _source_kinds,
    "categories": _categories,
    "span": _span,
    "headline_events": _headlines,
}
