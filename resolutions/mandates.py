"""Requests for action in operative paragraphs.

Reads operative paragraphs and the entity mentions; writes `Mandate`s.
"""

from __future__ import annotations

from collections.abc import Sequence

from resolutions.model import EntityMention, Mandate, OperativeParagraph


def find_mandates(
    operative: Sequence[OperativeParagraph], entities: Sequence[EntityMention]
) -> list[Mandate]:
    """Return one mandate per operative paragraph that asks someone to act."""
    return []
