"""The one colour of each activity status, used by the web chart, the reports' charts and
the stylesheet (``base.html`` writes them as ``--status-<value>`` custom properties in a
``<style>`` element, which the Content Security Policy allows by its hash alone).

Each colour keeps at least 4.5:1 contrast against white (so it serves for text too) and
stays apart from the others.
"""

from __future__ import annotations

import base64
import hashlib

STATUS_COLOURS = {
    "planned": "#5a6b7b",
    "ongoing": "#005a9c",
    "completed": "#1d7a3a",
    "postponed": "#a35200",
    "cancelled": "#8a0019",
}

# The colour of a value that has none (an unknown status).
FALLBACK_COLOUR = "#333333"


def status_colour(status: str) -> str:
    """The colour of ``status``, or the fallback for a value without one."""
    return STATUS_COLOURS.get(status, FALLBACK_COLOUR)


def status_css_properties() -> str:
    """The palette as CSS custom properties, e.g. ``--status-planned: #5a6b7b;``."""
    return " ".join(f"--status-{name}: {colour};" for name, colour in STATUS_COLOURS.items())


def status_stylesheet() -> str:
    """The text of the ``<style>`` element of every page: ``:root { --status-...; }``."""
    return ":root { " + status_css_properties() + " }"


def status_stylesheet_source() -> str:
    """The CSP source that allows that element and no other inline style
    (``style-src 'sha256-...'``): the browser hashes the element's text as written."""
    digest = hashlib.sha256(status_stylesheet().encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
