"""Figures: sourced, dated numbers from data/figures.yml, drawn at build time as charts.

`records` reads the data file into typed series (one unit per series, every point sourced,
dated within the story) and holds its `DataFileSpec`; `checks` ties points to the sources and
events they name; `units` says how each unit is written; `chart_svg` draws a series as an
inline SVG with an HTML table as its text alternative. Nothing here depends on MkDocs.
"""
