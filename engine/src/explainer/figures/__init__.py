"""Figures: sourced, dated numbers from data/figures.yml, drawn at build time as charts.

Like the other concerns (sources, glossary, events, corrections), a package with:

- `records.py`: typed series (one unit per series, every point sourced, dated within the story),
  how they are built from data/figures.yml (`SPEC`), and `FiguresState`, what one build knows;
- `checks.py`: points tied to the sources and events they name;
- `extension.py`: the Python-Markdown extension that puts a chart where a page says
  `<!-- chart: SERIES -->`;
- `page.py`: a chart as pages show it, with its sources' names and its events (the Timeline page,
  which events/page.py writes, shows the series marked `timeline: true`);

and, for figures only, `units.py` (how each unit is written) and `chart_svg.py` (a series drawn
as an inline SVG with an HTML table as its text alternative).
"""
