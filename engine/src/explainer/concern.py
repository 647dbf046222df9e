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
context (`context.NAME`), its extension, its generated page and files, its checks.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .backlinks import Backlink
from .datafile import DataFileSpec

if TYPE_CHECKING:
    from markdown import Extension

    from .context import BuildContext
    from .datafile import Records
    from .errors import Problem
    from .story import Story


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build writes from data: never a file in docs/, its body rendered from a template."""

    src_uri: str  # "glossary.md"
    title: str
    description: str | Callable[[Story], str]  # what search engines show (worded for the story, or not)
    variables: Callable[[BuildContext], dict[str, Any]]  # what its template shows, in this build
    template_name: str = ""  # its body's template, if not named after the page (explainer/kind-page.html)

    @property
    def template(self) -> str:
        """The template of its body in the theme: explainer/glossary.html for glossary.md."""
        return self.template_name or f"explainer/{self.src_uri.removesuffix('.md')}.html"

    def front_matter(self, story: Story) -> str:
        """What MkDocs reads as the page's front matter, before its body is rendered."""
        description = self.description(story) if callable(self.description) else self.description
        # JSON's strings are YAML's double-quoted scalars: each value reads back as written.
        title, description = (json.dumps(text, ensure_ascii=False) for text in (self.title, description))
        return f"---\ntitle: {title}\ndescription: {description}\n---\n"


def sources_listed_on(page: GeneratedPage, name: str, title: str) -> Callable[[BuildContext], None]:
    """`shown_on_pages` for a page that lists every record of concern `name`, anchored by its id, with its
    sources: each record among the places that use its sources ("Cited in" on the Sources page), by its
    field `title`."""

    def shown(context: BuildContext) -> None:
        url = context.site.url(page.src_uri)
        for record in getattr(context, name).records:
            for source_id in record.sources:
                link = Backlink(url, page.title, record.id, getattr(record, title), by_anchor=True)
                context.backlinks.add("source", source_id, link)

    return shown


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
    # Pages of its own that the story's vocabulary asks for (a kind of correction's own page).
    story_pages: Callable[[Story], tuple[GeneratedPage, ...]] | None = None

    @property
    def name(self) -> str:
        """data/NAME.yml, schemas/NAME.schema.json, `context.NAME`."""
        return self.data.name
