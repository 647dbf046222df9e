"""The closed vocabulary of units a figure can be in, and how each is written for readers.

A new unit is added here and to the `unit` enum in schemas/figures.schema.json (a test checks
that the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass

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
        number = self.number(value)
        sign, digits = (MINUS, number[1:]) if number.startswith(MINUS) else ("", number)
        return f"{sign}{self.prefix}{digits}{self.suffix}"

    def format_range(self, low: float, high: float) -> str:
        """A disputed value: '$837.84 billion to $858 billion'."""
        return f"{self.format(low)} to {self.format(high)}"


UNITS: dict[str, Unit] = {
    unit.id: unit
    for unit in (
        Unit("usd-billion", "US$ billion", prefix="$", suffix=" billion"),
        Unit("cny-billion", "billion yuan", suffix=" billion yuan"),
        Unit("hkd-billion", "HK$ billion", prefix="HK$", suffix=" billion"),
        Unit("percent", "percent", suffix="%"),
    )
}
