"""Events: dated facts from data/events.yml, shown where the story needs them.

Every concern of the explainer (sources, glossary, events, corrections) is a package with
the same parts:

- `records.py`: the typed records (`Event`, `Figure`), how they are built from data/events.yml
  (`SPEC`, with the checks of each entry's dates and summary), and `EventsState`, what one build
  knows of them;
- `extension.py`: the Python-Markdown extension (`EventsExtension`, loadable by name as
  `explainer.events.extension`): the "Key dates" block that replaces `<!-- key-dates -->` on a
  story page, and `[words](event:id)` links to the Timeline;
- `page.py`: the generated Timeline page;
- `checks.py`: checks against other files and the pages (sources, glossary ids, sections);

and, for events only, `timeline_svg.py` (the Timeline's picture, drawn at build time) and
`exports.py` (the published events.json and events.csv).
"""
