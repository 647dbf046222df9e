"""Check data/*.yml without building the site: `PYTHONPATH=hooks python -m explainer.validate [ROOT]`.

The same checks the build runs first (schemas, ids, dates, cross-references, references to
story pages and corrected pages), in about a second, for the pre-commit hook and for editors. Prints one
`file:line: what is wrong` per problem (and GitHub annotations under Actions); exits 1 if any.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .data import SiteData, check_page_references, concern_names, load_site_data
from .errors import DataError, under_github_actions
from .pages import is_story_page, section_id


def written_pages(root: Path) -> set[str]:
    """The docs/ paths of every page under `root`'s docs/ (as MkDocs' src_uri: 'story/the-fall.md')."""
    docs = root / "docs"
    return {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}


def validate(root: Path) -> SiteData:
    """Load and check every data file under `root`; raise DataError listing every problem."""
    site = load_site_data(root)
    pages = written_pages(root)
    check_page_references(site, {section_id(page) for page in pages if is_story_page(page)}, pages)
    return site


def summary(site: SiteData) -> str:
    counts = ", ".join(f"{len(getattr(site, name))} {name}" for name in concern_names())
    return f"data/*.yml: OK ({counts})"


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    root = Path(arguments[0] if arguments else ".").resolve()
    try:
        site = validate(root)
    except DataError as error:
        for problem in error.problems:
            if under_github_actions():
                print(problem.github_annotation(), flush=True)  # noqa: T201 - read by GitHub
            print(problem, file=sys.stderr)  # noqa: T201 - this is a command-line tool
        return 1
    print(summary(site))  # noqa: T201 - this is a command-line tool
    return 0


if __name__ == "__main__":
    sys.exit(main())
