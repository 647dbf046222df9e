"""What the Markdown extensions (sources, glossary, events, corrections, figures) share.

Each works in a build, where the hooks pass the build's `BuildContext` as the `context` option (and
set the page being converted on it), or on its own, configured the Python-Markdown way: with its
data passed in from Python, or loaded (and checked) from its data file, and with the `page` option
naming the document being converted.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .context import BuildContext, PageInfo
from .data import load_records, load_story
from .datafile import DataFileSpec, Records
from .story import DEFAULT_STORY, Story

CONTEXT_HELP = (
    "The BuildContext that a build's hooks and extensions share (MkDocs: made by explainer_mkdocs.hooks, which "
    "also sets the page being converted). Leave empty to use the extension on its own."
)
PAGE_HELP = "On its own: the document's path inside docs/ (e.g. story/the-fall.md), which decides its links."


class ExplainerExtension(Extension):
    """A Python-Markdown extension of the explainer: its data comes from the build, or is its own.

    `data` names each data file it reads: {concern: (option for its records from Python, option for
    its file, the file's spec)}; its own file first.
    """

    data: ClassVar[dict[str, tuple[str, str, DataFileSpec]]] = {}

    def __init__(self, **kwargs: Any):
        self.config = {"context": ["", CONTEXT_HELP], "page": ["", PAGE_HELP]}
        for name, (option, file_option, spec) in self.data.items():
            self.config[option] = [{}, f"On its own: the {name} by id (records of explainer.{name}), from Python."]
            self.config[file_option] = [
                spec.path,
                f"On its own, without `{option}`: the {name} file to load and check.",
            ]
        self.options_given = set(kwargs)
        super().__init__(**kwargs)

    @cached_property
    def context(self) -> BuildContext:
        """The build's context; on its own, one made once from the data passed in or loaded."""
        if context := self.getConfig("context"):
            return context
        story = self._story()
        records = {name: self._records(*where, story) for name, where in self.data.items()}
        return BuildContext.of([spec for _, _, spec in self.data.values()], records, self.getConfig("page"), story)

    def _story(self) -> Story:
        """The story's vocabulary: story.yml beside the first data file loaded (data/story.yml), if any."""
        loaded = [file_option for option, file_option, _ in self.data.values() if option not in self.options_given]
        return load_story(Path(self.getConfig(loaded[0])).parent / "story.yml") if loaded else DEFAULT_STORY

    def _records(self, option: str, file_option: str, spec: DataFileSpec, story: Story) -> Records | dict:
        if option in self.options_given:
            return self.getConfig(option)
        return load_records(Path(self.getConfig(file_option)), spec, story=story)


class ContextProcessor:
    """A Python-Markdown processor of the build (first among its bases): it holds the build's context."""

    def __init__(self, md: Markdown, context: BuildContext):
        super().__init__(md)  # type: ignore[call-arg] - the processor's own (Preprocessor, Treeprocessor)
        self.context = context


class WrittenPageTreeprocessor(ContextProcessor, Treeprocessor):
    """A treeprocessor for the pages an author writes, never the generated ones: `run_on_page` is called with
    the page being converted (none when the document has no page)."""

    def run(self, root: etree.Element) -> None:
        page = self.context.page
        if page is not None and not page.generated:
            self.run_on_page(root, page)

    def run_on_page(self, root: etree.Element, page: PageInfo) -> None:
        raise NotImplementedError
