"""Server-side SVG chart of activities by priority area and status: plain numbers in,
bar geometry out (the template draws it; no JavaScript library)."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.cooperation.palette import status_colour

BAR_HEIGHT = 22
BAR_GAP = 10
LABEL_HEIGHT = 18
ROW = LABEL_HEIGHT + BAR_HEIGHT + BAR_GAP
CHART_WIDTH = 600


@dataclass
class Segment:
    status: str
    label: str
    count: int
    x: float
    width: float
    colour: str


@dataclass
class Bar:
    label: str
    total: int
    y: int
    label_y: int = 0
    segments: list[Segment] = field(default_factory=list)


def stacked_bars(rows: list[tuple[str, dict[str, int]]], statuses: list[tuple[str, str]]) -> dict:
    """Lay out one horizontal stacked bar per ``(label, {status: count})`` row.

    ``statuses`` is the ordered ``(value, label)`` list of Activity.Status. Widths are
    proportional to the largest row total. Returns ``{"bars", "width", "height"}``.
    """
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    bars = []
    for index, (label, counts) in enumerate(rows):
        bar = Bar(
            label=label,
            total=sum(counts.values()),
            y=index * ROW + LABEL_HEIGHT,
            label_y=index * ROW + LABEL_HEIGHT - 5,
        )
        x = 0.0
        for value, status_label in statuses:
            count = counts.get(value, 0)
            if not count:
                continue
            width = CHART_WIDTH * count / largest
            bar.segments.append(
                Segment(
                    value,
                    status_label,
                    count,
                    round(x, 1),
                    round(width, 1),
                    status_colour(value),
                )
            )
            x += width
        bars.append(bar)
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": max(len(bars) * ROW, ROW),
        "bar_height": BAR_HEIGHT,
    }
