"""The units a figure can be in, and how each is written for readers.

`percent` and `count` are built in; a site adds its own in data/story.yml (`units:`), whose keys
are then the values a series' `unit` may take (explainer.editor_schemas fills in the schema's enum).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..story import Story

MINUS = "\u2212"


@dataclass(frozen=True)
class Unit:
    """How numbers in one unit read in prose ('$858 billion') and on an axis ('US$ billion', '800')."""

    id: str
    axis_label: str
    prefix: str = ""
    suffix: str = ""

    def number(self, value: float) -> str:
        """The bare number, grouped, without a trailing '.0', with a real minus sign."""
        text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
        return f"{MINUS}{text}" if value < 0 else text

    def format(self, value: float) -> str:
        """A value as readers see it in text: '$858 billion', '18%', '280.2 billion yuan'."""
        return f"{MINUS if value < 0 else ''}{self.prefix}{self.number(abs(value))}{self.suffix}"

    def format_range(self, low: float, high: float) -> str:
        """A disputed value: '$837.84 billion to $858 billion'."""
        return f"{self.format(low)} to {self.format(high)}"


BUILT_IN = {"percent": Unit("percent", "percent", suffix="%"), "count": Unit("count", "number")}


def units_of(story: Story) -> dict[str, Unit]:
    """Every unit a series of this story may be in: the built-in ones, then data/story.yml's."""
    return BUILT_IN | {
        key: Unit(key, spec["axis"], spec.get("prefix", ""), spec.get("suffix", ""))
        for key, spec in story.units.items()
    }
