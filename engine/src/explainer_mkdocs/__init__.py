"""The explainer's MkDocs layer: everything that knows MkDocs, kept out of the core (explainer).

A site's hook file is `from explainer_mkdocs.hooks import *`; nothing in the core imports this
package (but `python -m explainer.validate`, which starts the quick check from here).

- `hooks.py`: every event handler of a build, driven by the registry of concerns (explainer.registry).
- `site.py`: what the core needs to know of MkDocs' pages, files and nav, and the files the build adds.
- `reporting.py`: problems as MkDocs reports them (one log line each, in file order, then a
  PluginError that stops the build without a traceback); MkDocs' own link and nav warnings taken as
  problems at their line; GitHub annotations; a mistake in mkdocs.yml while serving in one line.
- `quickcheck.py`: the quick check, the build itself into a temporary folder, its problems printed.
- `reloading.py`: fresh hook code on every `mkdocs serve` rebuild.
- `safety.py`: the security checks as MkDocs runs them (issue 21): the site's files before anything reads
  one, the front matter the theme prints, the check of the HTML pages write, and the sources' addresses.
- `unindexed.py`: what Material's search leaves out of its index (`data-search-exclude`), kept out of a
  page's HTML until the search plugin has indexed it, so it does not parse it for nothing.
- `written.py`: what each page writes as HTML, listed by the build when the reader's diff asks for it.

Each private MkDocs attribute and each MkDocs message used here has a test in
tests/test_explainer_mkdocs.py that fails when MkDocs changes it.
"""
