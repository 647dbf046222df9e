"""Sources: `[^source-id]` in a page becomes a numbered note citing data/sources.yml.

Every concern of the explainer (sources, glossary, events, corrections) is a package with
the same parts:

- `records.py`: the typed records (`Source`), how they are built from data/sources.yml (`SPEC`),
  and `SourcesState`, what one build knows of them;
- `extension.py`: the Python-Markdown extension (`SourceNotesExtension`, loadable by name as
  `explainer.sources.extension`): the notes under each page;
- `page.py`: the generated Sources page;
- `checks.py`: checks that need more than the file itself (sources nobody cites).
"""
