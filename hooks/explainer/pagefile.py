"""Reading pages safely: every docs/*.md file is checked before MkDocs or a hook reads it.

A page that is not UTF-8 would otherwise crash the first hook that reads it with a traceback,
and a very large one would hold up the build; both are one-line problems instead.
"""

from __future__ import annotations

from pathlib import Path

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
