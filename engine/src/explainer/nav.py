"""The nav of mkdocs.yml against the site's pages: every entry leads to a page, every page is in it.

The same rules as MkDocs' own nav validation (mkdocs.structure.nav), checked here so each mistake
has its line (`mkdocs.yml:22: nav lists 'story/the-fal.md', ...`) and the check without MkDocs
finds it too; mkdocs.yml turns MkDocs' own messages off. Warnings, as MkDocs' were: a page left
out of the nav still builds, but no menu leads to it (and a chapter left out is missing from the
home page's list of chapters).
"""

from __future__ import annotations

from pathspec import GitIgnoreSpec

from .errors import Problem
from .pages import GENERATED_FILES, is_story_page
from .siteconfig import SiteConfig


def nav_problems(config: SiteConfig, pages: set[str], files: set[str]) -> list[Problem]:
    """Nav entries that name no file, and pages (docs/ paths) the nav leaves out; none without a nav."""
    if config.nav is None:
        return []
    problems = [
        Problem(config.label, entry.line, f"nav lists '{entry.src_uri}', which is no file of docs/").as_warning()
        for entry in config.nav
        if entry.src_uri not in files
    ]
    listed = {entry.src_uri for entry in config.nav}
    meant = GitIgnoreSpec.from_lines(config.not_in_nav)  # pages meant to be left out (MkDocs: not_in_nav)
    left_out = sorted(page for page in pages - listed if not meant.match_file(page))
    return problems + [_left_out(config, page).as_warning() for page in left_out]


def _left_out(config: SiteConfig, page: str) -> Problem:
    if page in GENERATED_FILES:
        return Problem(config.label, config.nav_line, f"nav leaves out '{page}', a page the build makes; add it")
    if is_story_page(page):
        message = (
            "chapter is not in the nav of mkdocs.yml, so neither the menu nor the home page's list of chapters "
            "shows it; add it to the nav, among the other chapters in reading order"
        )
    else:
        message = "page is not in the nav of mkdocs.yml, so no menu leads to it; add it to the nav"
    return Problem(f"{config.docs_label}/{page}", 1, message)
