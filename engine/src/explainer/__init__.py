"""The explainer's functional core: data loading, validation and text transformations.

Plain Python (plus Python-Markdown's extension API); no MkDocs imports, so everything here runs
and is tested without MkDocs. The hook files one directory up adapt it to MkDocs events, through
the MkDocs layer in hooks/explainer_mkdocs/.

- The data layer: `data` (every data file read, checked and cross-checked), `yamlfile`, `schema`,
  `datafile` (what every data file has in common), `dates`, `errors`, `checked` (checked once per
  content), `markup` (Markdown in data fields).
- One package per concern, each with the same parts (`records`, `extension`, `page`, `checks`):
  `sources`, `glossary`, `events`, `corrections`, `figures` (and its chart renderer).
- What they share: `context` (one build: data by concern, where the pages are, the page being
  converted), `pages` (story pages, section ids, page names), `codeblocks` (what is code),
  `extensions` (the extensions' options), `markers` (a page's `<!-- … -->` markers), `generated`
  (generated pages), `elements` (data in element trees), `backlinks`, `urls`, `pagefile`, `serving`.
- The whole site checked as the build checks it: `siteconfig` (mkdocs.yml as the checks need it),
  `links` and `nav` (links between pages and the nav, with page:line, in place of MkDocs' own
  checks), `chapters` (the home page's list of chapters), `sitecheck` (every check of a build, in
  the build's order, without MkDocs) and `validate` (the quick check's command line).
"""
