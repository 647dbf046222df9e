"""Pages as files: read safely, listed as MkDocs lists them, split from their front matter as MkDocs splits them.

Every docs/*.md file is checked before MkDocs or a hook reads it.

A page that is not UTF-8 would otherwise crash the first hook that reads it with a traceback,
and a very large one would hold up the build; both are one-line problems instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem
from .yamlfile import decode_utf8

# A story chapter is about 5 KB, the benchmark's pages 13 KB; 256 KB is some 40,000 words.
MAX_PAGE_BYTES = 256 * 1024


def page_file_problems(docs_dir: Path, label_dir: str = "docs") -> list[Problem]:
    """Problems with the bytes of every Markdown page under `docs_dir` (labelled `label_dir/...`)."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{label_dir}/{path.relative_to(docs_dir).as_posix()}"
        if (size := path.stat().st_size) > MAX_PAGE_BYTES:
            limit = f"{MAX_PAGE_BYTES:,}-byte ({MAX_PAGE_BYTES // 1024} KB)"
            problems.append(Problem(name, 1, f"{size:,} bytes is over the {limit} limit for a page; split it"))
            continue
        try:
            decode_utf8(path.read_bytes(), name)
        except DataError as error:
            problems += error.problems
    return problems


def docs_files(docs_dir: Path) -> list[str]:
    """Every file under `docs_dir` as MkDocs lists it (its path inside docs/, 'story/the-fall.md').

    Hidden files and folders (a name starting with '.') and a top-level templates/ folder are left
    out, as MkDocs' default `exclude_docs` leaves them out of the site.
    """
    found = []
    for path in sorted(docs_dir.rglob("*")):
        src_uri = path.relative_to(docs_dir).as_posix()
        if path.is_file() and not is_excluded(src_uri):
            found.append(src_uri)
    return found


def is_excluded(src_uri: str) -> bool:
    """True for files MkDocs leaves out of the site by default: hidden ones, and templates/ at the top."""
    return any(part.startswith(".") for part in src_uri.split("/")) or src_uri.startswith("templates/")


# Front matter as MkDocs reads it (mkdocs.utils.meta.get_data; tests/test_pages.py keeps the two in step).
_YAML_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str) -> tuple[str, dict[str, Any]]:
    """A page's Markdown without its front matter, and the front matter's values, exactly as MkDocs splits them.

    YAML between `---` lines; without those, MultiMarkdown-style `key: value` lines at the top.
    """
    if found := _YAML_FRONT_MATTER.match(text):
        try:
            data = yaml.load(found.group(1), _SAFE_LOADER)  # a safe loader, as MkDocs uses
        except Exception:  # as MkDocs: such a block stays page text (explainer.yamlfile reports it)
            return text, {}
        if isinstance(data, dict):
            return text[found.end() :].lstrip("\n"), data
        return text, {}
    return _multimarkdown_meta(text)


def _multimarkdown_meta(text: str) -> tuple[str, dict[str, Any]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    data: dict[str, Any] = {}
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        if found := _META_LINE.match(line):
            key = found.group("key").lower().strip()
            value = found.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif (more := _META_MORE.match(line)) and key:
            data[key] += " {}".format(more.group("value").strip())
        else:
            lines.insert(0, line)
            break
    return "\n".join(lines).lstrip("\n"), data
