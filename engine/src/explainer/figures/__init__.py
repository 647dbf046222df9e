"""Figures: sourced, dated numbers from data/figures.yml, drawn at build time as charts.

- `records.py`: typed series (one unit per series, every point sourced, dated within the story's span),
  how they are built and checked from data/figures.yml (`SPEC`), and the ids their points cite
  (`references`: sources, events);
- `extension.py`: `FiguresExtension`: a chart where a page says `<!-- chart: SERIES -->`;
- no page of its own: `charts.py` makes a chart as pages show it, with its sources' names and its
  events, and adds the series marked `timeline: true` to the Timeline page;
- for figures only: `units.py` (how each unit is written: the built-in ones and data/story.yml's)
  and `chart_svg.py` (a series drawn as an inline SVG with an HTML table as its text alternative).
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
