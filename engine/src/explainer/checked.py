"""Data checked once per content: the build remembers the data it has checked and found sound.

Checking the data files (JSON Schemas, the links in glossary text, references between files)
costs more than reading them. So a build remembers a fingerprint (SHA-256) of what passed: every
data file's bytes, the schemas, and the code that checks them, with the files as parsed. A build
that finds the same fingerprint only builds the records from them; one byte changed anywhere,
and everything is read and checked again. Under MkDocs this is kept in .cache/explainer/ in the
project (beside Material's own .cache/), so it also holds from one `mkdocs build` to the next;
`mkdocs serve` keeps the last data in memory as well.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib.metadata import version
from pathlib import Path

from .markup import CheckedMarkdown
from .schema import SCHEMA_DIR
from .yamlfile import YamlDocument

CORE = Path(__file__).resolve().parent
# Where the build and `python -m explainer.validate` keep the data that passed, in the project (git-ignored).
CHECKED_DATA = ".cache/explainer/checked-data.json"


def fingerprint(data_files: dict[str, bytes], markdown_setup: str = "") -> str:
    """SHA-256 over the data files' names and bytes, the Markdown set-up that renders their Markdown
    fields, the schemas, and the code that checks them."""
    digest = hashlib.sha256(f"{_code_and_schemas()}\0{markdown_setup}".encode())
    for name, raw in sorted(data_files.items()):
        digest.update(f"\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


@cache
def _code_and_schemas() -> str:
    """One digest of every module of the core, every schema and the versions of the libraries that read
    and check data (computed once per process: `mkdocs serve` loads the core anew when its code changes)."""
    libraries = ("PyYAML", "jsonschema", "Markdown", "pymdown-extensions")
    digest = hashlib.sha256(" ".join(version(name) for name in libraries).encode())
    files = [(path.relative_to(CORE).as_posix(), path) for path in CORE.rglob("*.py")]
    files += [(f"schemas/{path.name}", path) for path in SCHEMA_DIR.glob("*.json")]
    for label, path in sorted(files):
        digest.update(f"\0{label}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class CheckedData:
    """The last data that passed every check: its fingerprint, and its files as parsed (JSON, in one file).

    Keeping the parsed files spares the next build reading YAML again: it finds each value and
    each value's line exactly as the YAML parser gave them.
    """

    def __init__(self, record: Path):
        self.record = record

    def documents(self, key: str) -> dict[str, YamlDocument] | None:
        """The data files as parsed, by path, if the data that passed last has fingerprint `key`."""
        try:
            kept = json.loads(self.record.read_text(encoding="utf-8"))
            if kept["fingerprint"] != key:
                return None
            return {name: _document(name, parsed) for name, parsed in kept["documents"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def remember(self, key: str, documents: dict[str, YamlDocument]) -> None:
        """Keep what passed (quietly skipped where the project is read-only)."""
        try:
            kept = {"fingerprint": key, "documents": {name: _parsed(doc) for name, doc in documents.items()}}
            text = json.dumps(kept, allow_nan=False)
        except (TypeError, ValueError):  # a value JSON cannot hold exactly: read the YAML next time
            return
        try:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            partial = self.record.with_name(f"{self.record.name}.{os.getpid()}")
            partial.write_text(text, encoding="utf-8")
            partial.replace(self.record)  # atomic: a concurrent build never reads half a file
        except OSError:
            pass


def _parsed(document: YamlDocument) -> dict:
    if any(not isinstance(key, str) for key in _mapping_keys(document.data)):
        raise TypeError("only text keys survive JSON")
    return {
        "data": document.data,
        "lines": [[list(path), line] for path, line in document.lines.items()],
        "rendered": [[list(path), field.html, list(field.links)] for path, field in document.rendered.items()],
    }


def _document(name: str, parsed: dict) -> YamlDocument:
    lines = {tuple(path): line for path, line in parsed["lines"]}
    rendered = {tuple(path): CheckedMarkdown(html, tuple(links)) for path, html, links in parsed["rendered"]}
    return YamlDocument(name, parsed["data"], lines, rendered)


def _mapping_keys(value: object) -> list:
    if isinstance(value, dict):
        return [*value, *(key for item in value.values() for key in _mapping_keys(item))]
    if isinstance(value, list):
        return [key for item in value for key in _mapping_keys(item)]
    return []
