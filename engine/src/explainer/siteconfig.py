"""mkdocs.yml as the checks need it: where the pages are, the nav (with its lines), the Markdown set-up.

The check without MkDocs (`python -m explainer.validate`) reads the configuration file here, since
the core imports no MkDocs; the build reads its nav here too, for the line of each entry. A
mistake in the file is one line, `mkdocs.yml:12: YAML syntax error: tab character; indent with
spaces`, worded as for the data files (explainer.yamlfile).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError, Problem
from .markup import MarkdownSetup
from .yamlfile import YamlDocument, parse_config_file

# The extensions MkDocs gives every site before those of `markdown_extensions` (its config default).
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class NavPage:
    """A file the nav lists: its path inside docs/, the title given there (if any), and its line in mkdocs.yml."""

    src_uri: str
    title: str | None
    line: int


@dataclass
class SiteConfig:
    """What the checks need of mkdocs.yml."""

    file: Path
    label: str  # the file as contributors see it: "mkdocs.yml"
    docs_dir: Path
    docs_label: str  # the docs directory as contributors see it: "docs"
    markdown: MarkdownSetup = field(default_factory=MarkdownSetup)
    nav: list[NavPage] | None = None  # None without a nav: MkDocs then lists every page
    nav_line: int = 1  # the line of `nav:`
    not_in_nav: tuple[str, ...] = ()  # gitignore-like patterns of pages meant to be left out of the nav
    use_directory_urls: bool = True

    @property
    def root(self) -> Path:
        return self.file.parent


def read_site_config(config_file: Path) -> tuple[SiteConfig | None, list[Problem]]:
    """mkdocs.yml read for the checks; None, with the problems, if it cannot be read."""
    label = config_file.name
    try:
        document = parse_config_file(config_file.read_bytes(), label)
    except DataError as error:
        return None, error.problems
    except OSError as error:
        return None, [Problem(label, 1, f"cannot be read ({error.strerror})")]
    if not isinstance(document.data, dict):
        return None, [Problem(label, 1, "must be 'key: value' lines (the site's settings)")]
    return site_config(document, config_file), []


def site_config(document: YamlDocument, config_file: Path) -> SiteConfig:
    """The settings the checks use, from the parsed configuration file."""
    settings = document.data
    docs = str(settings.get("docs_dir") or "docs")
    docs_dir = (config_file.parent / docs).resolve()
    root = config_file.parent.resolve()
    docs_label = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else docs_dir.name
    nav = settings.get("nav")
    return SiteConfig(
        file=config_file,
        label=config_file.name,
        docs_dir=docs_dir,
        docs_label=docs_label,
        markdown=markdown_setup(settings.get("markdown_extensions")),
        nav=nav_pages(nav, document) if isinstance(nav, list) else None,
        nav_line=document.line_of(("nav",)),
        not_in_nav=tuple(str(settings.get("not_in_nav") or "").splitlines()),
        use_directory_urls=settings.get("use_directory_urls", True) is not False,
    )


def markdown_setup(extensions: Any) -> MarkdownSetup:
    """The Markdown set-up MkDocs makes of `markdown_extensions`: its built-ins first, each name once."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in [*BUILTIN_EXTENSIONS, *(extensions if isinstance(extensions, list) else [])]:
        if isinstance(item, dict) and len(item) == 1:
            name, settings = next(iter(item.items()))
            configs[name] = dict(settings or {})
        else:
            name = item
        if isinstance(name, str) and name not in names:
            names.append(name)
    return MarkdownSetup(names, configs)


def nav_pages(nav: list, document: YamlDocument) -> list[NavPage]:
    """Every entry of the nav that is a path (not an address), in the nav's order, with its line."""
    found: list[NavPage] = []
    _walk(nav, ("nav",), document, found)
    return found


def _walk(items: Any, path: tuple, document: YamlDocument, found: list[NavPage], title: str | None = None) -> None:
    if isinstance(items, str):
        if not _is_address(items):
            found.append(NavPage(items, title, document.line_of(path)))
    elif isinstance(items, list):
        for index, item in enumerate(items):
            _walk(item, (*path, index), document, found)
    elif isinstance(items, dict):
        for key, value in items.items():
            _walk(value, (*path, key), document, found, key if isinstance(key, str) else None)


def _is_address(entry: str) -> bool:
    """A nav entry that is an address (https://..., /path) rather than a file of docs/."""
    return "://" in entry or entry.startswith(("/", "mailto:"))
