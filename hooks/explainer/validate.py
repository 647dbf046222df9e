"""Check data/*.yml without building the site: `PYTHONPATH=hooks python -m explainer.validate [ROOT]`.

The same checks the build runs first (schemas, ids, dates, cross-references, references to
story pages), in about a second, for the pre-commit hook and for editors. Prints one
`file:line: what is wrong` per problem (and GitHub annotations under Actions); exits 1 if any.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .data import SiteData, check_page_references, load_site_data
from .errors import DataError, under_github_actions
from .pages import STORY_DIR, section_id


def story_page_ids(root: Path) -> set[str]:
    """Section ids of the story pages (docs/story/**/*.md), as the build knows them."""
    docs = root / "docs"
    return {section_id(path.relative_to(docs).as_posix()) for path in (docs / STORY_DIR).rglob("*.md")}


def validate(root: Path) -> SiteData:
    """Load and check every data file under `root`; raise DataError listing every problem."""
    site = load_site_data(root)
    check_page_references(site, story_page_ids(root))
    return site


def summary(site: SiteData) -> str:
    counts = ", ".join(f"{len(records)} {name}" for name, records in site.records.items())
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
