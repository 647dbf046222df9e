"""What the Markdown extensions (sources, glossary, events, corrections, figures) share.

Each works in a build, where the hooks pass the build's `BuildContext` as the `context` option (and
set the page being converted on it), or on its own, configured the Python-Markdown way: with its
data passed in from Python, or loaded (and checked) from its data file, and with the `page` option
naming the document being converted:

    markdown.markdown(text, extensions=["footnotes", SourceNotesExtension(sources={...}, page="index.md")])
    markdown.Markdown(extensions=["explainer.events.extension"],
                      extension_configs={"explainer.events.extension": {"data_file": "data/events.yml"}})
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .context import BuildContext
from .data import load_records, load_story
from .datafile import DataFileSpec
from .story import DEFAULT_STORY

CONTEXT_HELP = (
    "The BuildContext that a build's hooks and extensions share (MkDocs: made by explainer_mkdocs.hooks, which "
    "also sets the page being converted). Leave empty to use the extension on its own."
)
PAGE_HELP = "On its own: the document's path inside docs/ (e.g. story/the-fall.md), which decides its links."


class ExplainerExtension(Extension):
    """A Python-Markdown extension of the explainer: its data comes from the build, or is its own.

    `data` names the data files it reads, its own first: {option for the records from Python: the file's
    spec}; each file is also an option to load it from, `data_file` for its own, else NAME_file.
    """

    data: ClassVar[dict[str, DataFileSpec]] = {}

    def __init__(self, **kwargs: Any):
        self.config = {"context": ["", CONTEXT_HELP], "page": ["", PAGE_HELP]}
        for option, spec in self.data.items():
            name = spec.name
            self.config[option] = [{}, f"On its own: the {name} by id (records of explainer.{name}), from Python."]
            self.config[self._file_option(option)] = [
                spec.path,
                f"On its own, without `{option}`: the {name} file to load and check.",
            ]
        self.options_given = set(kwargs)
        super().__init__(**kwargs)

    def _file_option(self, option: str) -> str:
        return "data_file" if option == next(iter(self.data)) else f"{option}_file"

    @cached_property
    def context(self) -> BuildContext:
        """The build's context; on its own, one made once from the data passed in or loaded."""
        if context := self.getConfig("context"):
            return context
        files = {
            option: Path(self.getConfig(self._file_option(option)))
            for option in self.data
            if option not in self.options_given
        }
        # The story's vocabulary: story.yml beside the first data file loaded (data/story.yml), if any.
        story = load_story(next(iter(files.values())).parent / "story.yml") if files else DEFAULT_STORY
        records = {
            spec.name: load_records(files[option], spec, story=story) if option in files else self.getConfig(option)
            for option, spec in self.data.items()
        }
        return BuildContext.of(list(self.data.values()), records, self.getConfig("page"), story)


class ContextProcessor:
    """A Python-Markdown processor of the build (first among its bases): it holds the build's context and, if
    it has one, the processor that ran before it on the page and whose findings it uses (`earlier`)."""

    def __init__(self, md: Markdown, context: BuildContext, earlier: Any = None):
        super().__init__(md)  # type: ignore[call-arg] - the processor's own (Preprocessor, Treeprocessor)
        self.context = context
        self.earlier = earlier


class WrittenPageTreeprocessor(ContextProcessor, Treeprocessor):
    """A treeprocessor for the pages an author writes, never the generated ones: `run_on_page` is called with
    the page being converted (none when the document has no page)."""

    def run(self, root: etree.Element) -> None:
        page = self.context.page
        if page is not None and not page.generated:
            self.run_on_page(root, page)  # each subclass's own
