"""The glossary: who and what the story mentions, explained where the reader meets it.

data/glossary.yml holds the entries. On story pages the first mention of each entry becomes a
link to its glossary entry whose `title` is the short definition, which docs/assets/previews.js
shows as a tooltip on hover, keyboard focus and a first tap on touch screens (built on first use,
nothing at page load).

Every concern of the explainer (sources, glossary, events, corrections) is a package with
the same parts:

- `records.py`: the typed records (`GlossaryEntry`), how they are built from data/glossary.yml
  (`SPEC`), and `GlossaryState`, what one build knows of them;
- `extension.py`: the Python-Markdown extension (`GlossaryExtension`, loadable by name as
  `explainer.glossary.extension`): marks mentions in pages, honours `[x](glossary:id)` links;
- `page.py`: the generated Glossary page;
- `checks.py`: checks within the file (links in `long`, related entries, forms claimed twice),
  against other files (sources) and after the build (entries and aliases no page uses);

and, for the glossary only, `matching.py`: which words of a text name which entry (the rules
are in its docstring).
"""
