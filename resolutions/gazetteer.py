"""The gazetteer of UN-system and partner-organization bodies.

Reads `resolutions/data/gazetteer.json`; writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Entry:
    id: str
    organization: str
    kind: str
    names: dict
    acronyms: tuple[str, ...] = ()
    former_names: tuple[dict, ...] = ()
    parent: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[Entry, ...]


@cache
def load_gazetteer() -> Gazetteer:
    return Gazetteer(entries=())
