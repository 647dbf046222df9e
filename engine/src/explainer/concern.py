"""What a concern of the explainer is: one kind of data, and everything the build does with it, declared once.

A concern (sources, glossary, events, corrections, figures) is one package with the same parts
under the same names, and one entry in `explainer.registry`:

- `records.py`: its data file (`DATA`: data/NAME.yml, checked against schemas/NAME.schema.json and
  built into typed records, with the checks within the file, and what one build knows of them),
  its record type, and the ids its records cite (`references`);
- `extension.py`: its Python-Markdown extension (usable on its own, by name);
- `page.py`: its generated page, whose body is a template of the theme (explainer/glossary.html);
- `checks.py`: its checks against the site's pages and, once every page is converted, its warnings;
- `__init__.py`: `CONCERN`, the `Concern` below that ties them together.

The build (explainer_mkdocs.hooks) reads the registry and nothing else: its field in the build
context (`context.NAME`), its extension, its generated page and files, its checks. Adding a concern
is one package and one registry entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .datafile import DataFileSpec

if TYPE_CHECKING:
    from markdown import Extension

    from .context import BuildContext
    from .datafile import Records
    from .errors import Problem


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build writes from data: never a file in docs/, its body rendered from a template."""

    src_uri: str  # "glossary.md"
    title: str
    description: str  # what search engines show
    variables: Callable[[BuildContext], dict[str, Any]]  # what its template shows, in this build

    @property
    def template(self) -> str:
        """The template of its body in the theme: explainer/glossary.html for glossary.md."""
        return f"explainer/{self.src_uri.removesuffix('.md')}.html"

    @property
    def front_matter(self) -> str:
        """What MkDocs reads as the page's front matter, before its body is rendered."""
        return f"---\ntitle: {self.title}\ndescription: {self.description}\n---\n"


@dataclass(frozen=True)
class GeneratedFile:
    """A file the build writes from data (an export, a feed), from a template of the theme or Python."""

    src_uri: str  # "events.json"
    content: Callable[[BuildContext], str | bytes]
    after_pages: bool = False  # written once every page is converted (the feeds say where each mark is)


@dataclass(frozen=True)
class Concern:
    """One concern of the explainer, declared once (see the module's docstring)."""

    data: DataFileSpec  # data/NAME.yml: its schema, records, checks within the file, State, references
    extension: type[Extension] | None = None
    page: GeneratedPage | None = None
    files: tuple[GeneratedFile, ...] = ()
    # Checks once the pages are known: (records, the section ids of the story pages, every written page).
    page_checks: Callable[[Records, set[str], set[str]], list[Problem]] | None = None
    # Warnings once every page is converted (a source nothing cites).
    after_pages: Callable[[BuildContext], list[Problem]] | None = None
    # Variables this concern adds to another concern's page template, by page: {"timeline.md": {"charts": f}}.
    adds_to: Mapping[str, Mapping[str, Callable[[BuildContext], Any]]] = field(default_factory=dict)
    # What this concern shows on generated pages, said before any is written: (kind, id) uses, for backlinks.
    shown_on_pages: Callable[[BuildContext], None] | None = None
    # The words and lists a story may set in data/story.yml (issue 23), with the engine's defaults.
    vocabulary: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """data/NAME.yml, schemas/NAME.schema.json, `context.NAME`."""
        return self.data.name
