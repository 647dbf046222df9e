"""Corrections: dated notes attached to an exact phrase of a page, listed on the page and site-wide.

Each entry of data/corrections.yml names a page and an anchor, a phrase that must occur exactly
once in that page's text. Every concern of the explainer (sources, glossary, events,
corrections) is a package with the same parts:

- `records.py`: the typed records (`Correction`), how they are built from data/corrections.yml
  (`SPEC`), and `CorrectionsState`, what one build knows of them;
- `extension.py`: the Python-Markdown extension (`CorrectionsExtension`, loadable by name as
  `explainer.corrections.extension`): wraps each anchor, adds its mark (C1, C2, ... in reading
  order, previewed like a footnote by docs/assets/previews.js), dates the page under its title and ends it with its
  "Corrections" block;
- `page.py`: the generated Corrections page;
- `checks.py`: checks against other files and pages (sources, corrected pages), and the messages
  for an anchor that is missing, repeated or overlaps another;

and, for corrections only, `anchors.py` (finding a phrase in a page's text and marking it) and
`feeds.py` (the Atom and JSON feeds of every correction).
"""
