"""Figures: sourced, dated numbers from data/figures.yml, drawn at build time as charts.

Like the other concerns (sources, glossary, events, corrections), a package with:

- `records.py`: typed series (one unit per series, every point sourced, dated within the story),
  how they are built from data/figures.yml (`SPEC`), and `FiguresState`, what one build knows;
- `checks.py`: points tied to the sources and events they name;

and, for figures only, `units.py` (how each unit is written) and `chart_svg.py` (a series drawn
as an inline SVG with an HTML table as its text alternative). Not on any page yet, so no
extension or generated page.
"""
