"""Figures: sourced, dated numbers from data/figures.yml, drawn at build time as charts.

Besides the parts every concern has (explainer.concern), but no page of its own: `charts.py` (a chart as
pages show it, with its sources and events; the series marked `timeline: true` added to the Timeline
page), `units.py` (how each unit is written) and `chart_svg.py` (a series drawn as an inline SVG with an
HTML table as its text alternative).
"""

from ..concern import Concern
from .charts import sources_on_the_timeline, timeline_charts
from .extension import FiguresExtension
from .records import SPEC

CONCERN = Concern(
    SPEC,
    extension=FiguresExtension,
    adds_to={"timeline.md": {"charts": timeline_charts}},
    shown_on_pages=sources_on_the_timeline,
)
