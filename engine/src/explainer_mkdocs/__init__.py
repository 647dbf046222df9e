"""The explainer's MkDocs layer: everything that knows MkDocs, kept out of the core (hooks/explainer/).

The hook files (hooks/*_hook.py) call these helpers; nothing under hooks/explainer/ imports them.

- `build.py`: the build context on MkDocs' config object (one per build), and the clear start-up
  error when hooks/data_hook.py, which creates it, is missing from mkdocs.yml.
- `reporting.py`: problems as MkDocs reports them: one log line each, in file order, at its level,
  then a PluginError that stops the build without a traceback (GitHub annotations come from the
  quick check, `python -m explainer.validate`, so no line is annotated twice); a mistake in
  mkdocs.yml while serving in one line.
- `site.py`: what the core needs to know about MkDocs' pages and files (page info, generated pages).
- `reloading.py`: fresh hook code on every `mkdocs serve` rebuild.
- `safety.py`: the security checks as MkDocs runs them (issue 21): the site's files before anything reads
  one, the front matter the theme prints, and the check of the HTML pages write.

Each private MkDocs attribute used here has a test in tests/test_explainer_mkdocs.py that fails
when MkDocs changes it.
"""
