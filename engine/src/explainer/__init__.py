"""The explainer's functional core: data loading, validation and text transformations.

Plain Python (plus Python-Markdown's extension API and Jinja2); no MkDocs imports, so everything
here runs and is tested without MkDocs. The MkDocs layer, explainer_mkdocs, adapts it to MkDocs'
events (a site's hooks/explainer_hooks.py imports its handlers).

- The concerns: one package each, with the same parts under the same names (`records`, `extension`,
  `page`, `checks`): `sources`, `glossary`, `events`, `corrections`, `figures`; `concern` says what a
  concern declares, `registry` lists them (adding a concern: one package, one registry entry).
- The data layer: `data` (every data file read, checked and cross-checked), `datafile` (what every
  data file has in common: records, references, per-build state), `yamlfile`, `schema`, `dates`,
  `errors`, `markup` (Markdown in data fields), `story` (the story's span of dates).
- What the concerns share: `context` (one build: each concern's state, where the pages are, the page
  being converted), `pages` (story pages, section ids, page files), `generated` (generated pages and
  files from templates), `backlinks`, `codeblocks` (what is code), `extensions` (the extensions'
  options), `markers` (a page's `<!-- … -->` markers), `elements` (data in element trees),
  `chapters` (the home page's list of chapters), `serving` (`mkdocs serve` keeps the last good data).
- What a pull request may not slip in (issue 21, SECURITY.md): `repository` (the site's files, checked
  before anything reads one) with `svgcheck`, `pagehtml` (the HTML pages write), `frontmatter`,
  `urlcheck` (sources' addresses a reviewer must answer), `sitesettings` (`extra: explainer:` in
  mkdocs.yml), `pagelines` (a problem's line, in time linear in the page), `placeholders`.
- `validate`: `python -m explainer.validate`, the quick check's command (it runs the build:
  explainer_mkdocs.quickcheck).
- `theme/`: the template additions, the generated pages' templates (explainer/*.html), CSS and JavaScript.
"""
