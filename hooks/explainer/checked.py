"""Data checked once per content: the build remembers the data it has checked and found sound.

Checking the data files (JSON Schemas, the links in glossary text, references between files)
costs more than reading them. So a build remembers a fingerprint (SHA-256) of what passed: every
data file's bytes, the schemas, and the code that checks them. A build that finds the same
fingerprint only reads the files into records; one byte changed anywhere, and everything is
checked again. Under MkDocs the fingerprint is kept in .cache/explainer/ in the project (beside
Material's own .cache/), so it also holds from one `mkdocs build` to the next; `mkdocs serve`
keeps the last data in memory as well.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib.metadata import version
from pathlib import Path

from .schema import SCHEMA_DIR

CORE = Path(__file__).resolve().parent


def fingerprint(data_files: dict[str, bytes]) -> str:
    """SHA-256 over the data files' names and bytes, the schemas, and the code that checks them."""
    digest = hashlib.sha256(_code_and_schemas().encode())
    for name, raw in sorted(data_files.items()):
        digest.update(f"\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


@cache
def _code_and_schemas() -> str:
    """One digest of every module of the core, every schema and the versions of the libraries that read
    and check data (computed once per process: `mkdocs serve` loads the core anew when its code changes)."""
    digest = hashlib.sha256(" ".join(version(name) for name in ("PyYAML", "jsonschema", "Markdown")).encode())
    files = [(path.relative_to(CORE).as_posix(), path) for path in CORE.rglob("*.py")]
    files += [(f"schemas/{path.name}", path) for path in SCHEMA_DIR.glob("*.json")]
    for label, path in sorted(files):
        digest.update(f"\0{label}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class CheckedData:
    """The fingerprint of the last data that passed every check, kept in one small file."""

    def __init__(self, record: Path):
        self.record = record

    def passed(self, key: str) -> bool:
        try:
            return self.record.read_text(encoding="ascii").strip() == key
        except (OSError, UnicodeDecodeError):
            return False

    def remember(self, key: str) -> None:
        """Note that the data with fingerprint `key` passed (quietly skipped where the project is read-only)."""
        try:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            partial = self.record.with_name(f"{self.record.name}.{os.getpid()}")
            partial.write_text(key + "\n", encoding="ascii")
            partial.replace(self.record)  # atomic: a concurrent build never reads half a line
        except OSError:
            pass
