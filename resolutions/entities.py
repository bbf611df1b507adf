"""Bodies named in paragraph text, matched against the gazetteer.

Reads (paragraph id, clean text) pairs; writes one `EntityMention` per body.
"""

from __future__ import annotations

from collections.abc import Sequence

from resolutions.model import EntityMention


def find_entities(paragraphs: Sequence[tuple[str, str]]) -> list[EntityMention]:
    """Return one mention per gazetteer entity named in the paragraphs."""
    return []
