"""Charts of the reports, drawn with matplotlib (Agg backend, no display): PNG bytes for
Word, SVG bytes for HTML and PDF. Reads only the numbers given; writes nothing.

Arabic labels are passed as they are: matplotlib (3.11) joins the letters and orders
right-to-left text itself. The SVG draws the text as outlines (``svg.fonttype: path``):
WeasyPrint lays out SVG text letter by letter and would break Arabic.
"""

from __future__ import annotations

import io
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from accord.cooperation.palette import status_colour

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Figure objects, never pyplot: pyplot keeps global state (the current figure), which a
# server process running several reports at once must not share.
STYLE: dict[Any, Any] = {"font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "path"}


def rc_context(style: dict[Any, Any]) -> AbstractContextManager[Any]:
    """matplotlib's ``rc_context``, imported only when a chart is drawn: matplotlib (and
    numpy under it) takes about a second to import, which every process loading the URLs
    (each ``accord`` command, each test worker) would otherwise pay without drawing."""
    import matplotlib

    return matplotlib.rc_context(style)


def _save(fig: Figure) -> tuple[bytes, bytes]:
    png, svg = io.BytesIO(), io.BytesIO()
    with rc_context(STYLE):
        fig.savefig(png, format="png", dpi=150, bbox_inches="tight")
        fig.savefig(svg, format="svg", bbox_inches="tight")
    return png.getvalue(), svg.getvalue()


def save_as(fig: Figure, fmt: str) -> bytes:
    """The figure as "png" (for Word) or "svg" (for HTML and PDF): a renderer asks only
    for the format it lays out, so each chart is drawn once per file."""
    out = io.BytesIO()
    with rc_context(STYLE):
        fig.savefig(out, format=fmt, dpi=150 if fmt == "png" else "figure", bbox_inches="tight")
    return out.getvalue()


# Charts drawn lately, by what they show: a report is often made again from the same
# numbers (its Word file and then its PDF, both with PNG charts; a coordinator making it
# again after a change elsewhere), and a chart takes 60-80 ms to draw; 20-30 kB each.
CACHED = 32


def stacked_bars_image(
    categories: list[str], series: dict[str, list[int]], labels: dict[str, str], fmt: str
) -> bytes:
    """``stacked_bars`` as "png" or "svg" bytes, drawn once for the same numbers and labels."""
    key = tuple((name, tuple(values)) for name, values in series.items())
    return _drawn("stacked", fmt, (tuple(categories), key, tuple(labels.items())))


def paired_bars_image(
    periods: list[str],
    first: list[int],
    second: list[int],
    first_label: str,
    second_label: str,
    fmt: str,
) -> bytes:
    """``paired_bars`` as "png" or "svg" bytes, drawn once for the same numbers and labels."""
    return _drawn(
        "paired", fmt, (tuple(periods), tuple(first), tuple(second), first_label, second_label)
    )


@lru_cache(maxsize=CACHED)
def _drawn(kind: str, fmt: str, args: tuple) -> bytes:
    if kind == "stacked":
        categories, series, labels = args
        fig = stacked_bars_figure(list(categories), {k: list(v) for k, v in series}, dict(labels))
    else:
        periods, first, second, first_label, second_label = args
        fig = paired_bars_figure(
            list(periods), list(first), list(second), first_label, second_label
        )
    return save_as(fig, fmt)


def _figure(width: float, height: float):
    """A figure and its one axes, drawn in the report's style (fonts are read when the
    text is created, so the style applies while drawing too)."""
    from matplotlib.figure import Figure

    with rc_context(STYLE):
        fig = Figure(figsize=(width, height))
        return fig, fig.add_subplot()


def stacked_bars(
    categories: list[str], series: dict[str, list[int]], labels: dict[str, str] | None = None
) -> tuple[bytes, bytes]:
    """Horizontal bars, one per category, stacked by series (e.g. status).
    Returns (png, svg)."""
    with rc_context(STYLE):
        return _save(stacked_bars_figure(categories, series, labels))


def stacked_bars_figure(categories, series, labels=None):
    """The figure of ``stacked_bars`` (not yet saved), drawn in the report's style."""
    with rc_context(STYLE):
        return _stacked(categories, series, labels or {})


def _stacked(categories, series, labels):
    fig, ax = _figure(6.3, 0.45 * max(len(categories), 2) + 1.0)
    left = [0] * len(categories)
    for name, values in series.items():
        ax.barh(
            categories,
            values,
            left=left,
            label=labels.get(name, name),
            color=status_colour(name),
            edgecolor="white",
            linewidth=0.5,
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlim(0, max([1, *left]))
    ax.set_xlabel("")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=min(len(series), 5),
        frameon=False,
        fontsize=8,
    )
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def paired_bars(
    periods: list[str], first: list[int], second: list[int], first_label: str, second_label: str
) -> tuple[bytes, bytes]:
    """Two bars per period side by side (e.g. action items opened and closed).
    Returns (png, svg)."""
    with rc_context(STYLE):
        return _save(paired_bars_figure(periods, first, second, first_label, second_label))


def paired_bars_figure(periods, first, second, first_label, second_label):
    """The figure of ``paired_bars`` (not yet saved), drawn in the report's style."""
    with rc_context(STYLE):
        return _paired(periods, first, second, first_label, second_label)


def _paired(periods, first, second, first_label, second_label):
    fig, ax = _figure(6.3, 2.2)
    xs = range(len(periods))
    ax.bar([x - 0.2 for x in xs], first, width=0.4, label=first_label, color="#fdae6b")
    ax.bar([x + 0.2 for x in xs], second, width=0.4, label=second_label, color="#31a354")
    ax.set_xticks(list(xs), periods, rotation=0 if len(periods) <= 8 else 45)
    ax.set_ylim(0, max([1, *first, *second]) * 1.1)
    ax.spines[["top", "right"]].set_visible(False)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, fontsize=8)
    return fig
