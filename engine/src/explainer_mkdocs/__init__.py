"""The explainer's MkDocs layer: everything that knows MkDocs, kept out of the core (explainer).

A site's hook file is `from explainer_mkdocs.hooks import *`; nothing in the core imports this
package (but `python -m explainer.validate`, which starts the quick check from here).

- `hooks.py`: every event handler of a build, driven by the registry of concerns (explainer.registry).
- `site.py`: what the core needs to know of MkDocs' pages, files and nav, and the files the build adds.
- `reporting.py`: problems as MkDocs reports them (one log line each, then a stop without a traceback),
  MkDocs' own link and nav warnings among them at their line; a mistake in mkdocs.yml while serving.
- `quickcheck.py`: the quick check, the build itself into a temporary folder, its problems printed.
- `reloading.py`: fresh hook code on every `mkdocs serve` rebuild.
- `safety.py`: the security checks as MkDocs runs them (issue 21).
- `unindexed.py`: what Material's search leaves out of its index, kept out of a page's HTML until indexed.
- `written.py`: what each page writes as HTML, listed by the build when the reader's diff asks for it.

Each private MkDocs attribute and each MkDocs message used here has a test in
tests/test_explainer_mkdocs.py that fails when MkDocs changes it.
"""
