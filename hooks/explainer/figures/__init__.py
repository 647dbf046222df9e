"""Figures: sourced, dated numbers from data/figures.yml, drawn at build time as charts.

`records` reads and checks the data file (one series per chart, one unit per series, every
point sourced); `units` says how each unit is written; `chart_svg` draws a series as an
inline SVG with an HTML table as its text alternative. Nothing here depends on MkDocs.
"""
