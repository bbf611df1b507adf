"""Citations of resolutions and documents in paragraph text.

Reads (paragraph id, clean text) pairs; writes `Citation`s.
"""

from __future__ import annotations

from collections.abc import Sequence

from resolutions.model import Citation


def find_citations(paragraphs: Sequence[tuple[str | None, str]]) -> list[Citation]:
    """Return every citation in the paragraphs, in text order."""
    return []
