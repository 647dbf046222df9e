"""The published data files: events.json and events.csv, every event, stable byte for byte."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .records import Event

CSV_FIELDS = (
    "id",
    "date",
    "precision",
    "title",
    "summary",
    "sources",
    "section",
    "involved",
    "figures",
    "date_note",
    "outside_story_range",
)


def events_json(events: list[Event]) -> str:
    """events.json: every event, chronological, keys sorted, stable byte for byte."""
    return json.dumps([event.as_data() for event in events], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def events_csv(events: list[Event]) -> str:
    """events.csv: the same fields; lists are joined with '; ', figures are JSON."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({key: _csv_value(key, value) for key, value in event.as_data().items()})
    return buffer.getvalue()


def _csv_value(key: str, value: Any) -> str:
    if key == "figures":
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
