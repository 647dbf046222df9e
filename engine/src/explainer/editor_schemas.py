"""The JSON Schemas that editors use to check a site's data files as they are typed.

`explainer schemas` writes them into the site's `.schemas/` folder (git-ignored; `make serve` and
`make test` write it when they set up .venv), and each data file's first line points there:

    # yaml-language-server: $schema=../.schemas/sources.schema.json

`site_schemas(root)` is the one place that says what those schemas are for a given site. Today
they are the engine's own schemas (package data, explainer/schemas/); once the story's vocabulary
(data/story.yml: relationships, units, currencies, correction kinds, glossary categories) is the
site's configuration, this function fills their enums from it, and the build validates with the
same function's output, made in memory, never with the files written here (a pull request could
edit those).
"""

from __future__ import annotations

import json
from pathlib import Path

from .schema import SCHEMA_DIR, load_schema

EDITOR_SCHEMA_DIR = ".schemas"  # in the site, next to mkdocs.yml
MODELINE = "# yaml-language-server: $schema=../{folder}/{name}.schema.json"


def schema_names() -> list[str]:
    """Every data file the engine has a schema for: 'corrections', 'events', ..."""
    return sorted(path.name.removesuffix(".schema.json") for path in SCHEMA_DIR.glob("*.schema.json"))


def site_schemas(root: Path) -> dict[str, dict]:
    """The schema of each data file of the site at `root`, by name ('sources': {...})."""
    del root  # the vocabulary (data/story.yml) will shape them; until then every site gets the engine's
    return {name: load_schema(name) for name in schema_names()}


def write_editor_schemas(root: Path, folder: str = EDITOR_SCHEMA_DIR) -> list[Path]:
    """Write `site_schemas(root)` into root/folder, one file per data file; return the paths written."""
    target = root / folder
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in site_schemas(root).items():
        path = target / f"{name}.schema.json"
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    (target / ".gitignore").write_text("# Written by `explainer schemas`; never edit.\n*\n", encoding="utf-8")
    return written


def modeline(name: str, folder: str = EDITOR_SCHEMA_DIR) -> str:
    """The first line of data/<name>.yml, which points editors at its schema."""
    return MODELINE.format(folder=folder, name=name)
