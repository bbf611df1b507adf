"""The gazetteer of UN-system and partner-organization bodies.

Reads `resolutions/data/gazetteer.json` (described in docs/gazetteer.md);
writes nothing. `load_gazetteer()` reads and checks the file once per process.

Each entry has a stable id ("un.sg", "un.ohchr", "oic.gs", "oic.iphrc"), the
organization it belongs to (the id of a root entry of kind "organization":
"un", "oic", "au", ...), a kind, names in English, French and Arabic where
known, acronyms, former names (with the date the name stopped being used),
a parent id, aliases (other unambiguous surface forms) and context aliases
(surface forms such as "General Secretariat" that several organizations use:
they name this entry only in a resolution about its organization).

>>> g = load_gazetteer()
>>> g["oic.iphrc"].acronym
'IPHRC'
>>> g["oic.iphrc"].root
'oic'
>>> g["oic"].former_names[0].names["en"]
'Organization of the Islamic Conference'
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "gazetteer.json"

KINDS = (
    "principal organ",
    "department",
    "office",
    "agency",
    "fund",
    "programme",
    "subsidiary organ",
    "specialized institution",
    "affiliated institution",
    "standing committee",
    "organization",
    "other",
)
LANGUAGES = ("en", "fr", "ar")


class GazetteerError(ValueError):
    """The gazetteer file is malformed; the message names the entry and the field."""


@dataclass(frozen=True)
class FormerName:
    names: dict[str, str]  # {"en": "Organization of the Islamic Conference", "fr": ..., "ar": ...}
    until: date | None  # the day the name changed (2011-06-28); None when not recorded


@dataclass(frozen=True)
class Entry:
    id: str  # "oic.iphrc"
    organization: str  # "oic"
    kind: str  # one of KINDS
    names: dict[str, str]  # {"en": ..., "fr": ..., "ar": ...}; "en" always present
    acronyms: tuple[str, ...] = ()
    former_names: tuple[FormerName, ...] = ()
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The canonical English name."""
        return self.names["en"]

    @property
    def acronym(self) -> str | None:
        return self.acronyms[0] if self.acronyms else None

    @property
    def root(self) -> str:
        """Id of the organization entry this body belongs to ("oic" for "oic.gs")."""
        return self.organization


@dataclass(frozen=True)
class SurfaceForm:
    """One way of writing an entry's name in English text."""

    text: str  # "Independent Permanent Commission on Human Rights"
    entry: str  # "oic.iphrc"
    how: str  # "name", "acronym", "alias", "former", "context", "of-root"
    # "of-root" forms ("General Secretariat of the Organization of Islamic Cooperation")
    # also name the organization itself.


class Gazetteer:
    """The checked entries, by id, with the English surface forms the matcher uses."""

    def __init__(self, entries: tuple[Entry, ...]):
        self.entries = entries
        self.by_id = {e.id: e for e in entries}

    def __getitem__(self, entry_id: str) -> Entry:
        return self.by_id[entry_id]

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.by_id

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def organizations(self) -> tuple[str, ...]:
        """Ids of the root entries ("un", "oic", "au", ...)."""
        return tuple(e.id for e in self.entries if e.id == e.organization)

    def surface_forms(self) -> Iterator[SurfaceForm]:
        """Every English form: names, acronyms, aliases, former names, context aliases,
        and "<name> of the <organization name>" for bodies of an organization."""
        for e in self.entries:
            yield SurfaceForm(e.name, e.id, "context" if e.name in e.context_aliases else "name")
            for a in e.acronyms:
                yield SurfaceForm(a, e.id, "acronym")
            for a in e.aliases:
                yield SurfaceForm(a, e.id, "alias")
            for f in e.former_names:
                yield SurfaceForm(f.names["en"], e.id, "former")
            for a in e.context_aliases:
                if a != e.name:
                    yield SurfaceForm(a, e.id, "context")
            if e.id == e.organization:
                continue
            root = self.by_id[e.organization]
            root_names = [root.name, *root.aliases, *(f.names["en"] for f in root.former_names)]
            for own in sorted({e.name, *e.aliases, *e.context_aliases}):
                if any(rn in own for rn in root_names):
                    continue
                for rn in root_names:
                    yield SurfaceForm(f"{own} of the {rn}", e.id, "of-root")
                for ra in root.acronyms:
                    yield SurfaceForm(f"{own} of the {ra}", e.id, "of-root")


def check(data: Any) -> list[str]:
    """Problems in gazetteer data (the parsed JSON); an empty list means well-formed."""
    problems: list[str] = []
    rows = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return ['the file has no "entries" list']
    ids = [r.get("id") for r in rows if isinstance(r, dict)]
    seen: set[str] = set()
    roots = {r["id"] for r in rows if isinstance(r, dict) and r.get("kind") == "organization"}
    for n, r in enumerate(rows):
        if not isinstance(r, dict) or not isinstance(r.get("id"), str) or not r["id"]:
            problems.append(f"entry {n}: no id")
            continue
        rid = r["id"]
        if rid in seen:
            problems.append(f"{rid}: duplicate id")
        seen.add(rid)
        org = r.get("organization")
        if org not in roots:
            problems.append(f"{rid}: organization {org!r} has no root entry of kind 'organization'")
        elif rid != org and not rid.startswith(f"{org}."):
            problems.append(f"{rid}: id does not start with its organization {org!r}")
        if r.get("kind") not in KINDS:
            problems.append(f"{rid}: unknown kind {r.get('kind')!r}")
        if r.get("kind") == "organization" and rid != org:
            problems.append(f"{rid}: kind 'organization' is for root entries only")
        names = r.get("names")
        if not isinstance(names, dict) or not names.get("en"):
            problems.append(f"{rid}: no English name")
        elif set(names) - set(LANGUAGES):
            problems.append(f"{rid}: unknown name languages {sorted(set(names) - set(LANGUAGES))}")
        parent = r.get("parent")
        if parent is not None and parent not in ids:
            problems.append(f"{rid}: parent {parent!r} does not exist")
        if parent == rid:
            problems.append(f"{rid}: is its own parent")
        for f in r.get("former_names", []):
            until = f.get("until") if isinstance(f, dict) else None
            if not isinstance(f, dict) or not f.get("names", {}).get("en"):
                problems.append(f"{rid}: a former name without an English name")
            elif until is not None:
                try:
                    date.fromisoformat(until)
                except (TypeError, ValueError):
                    problems.append(f"{rid}: former name date {until!r} is not YYYY-MM-DD")
        for key in ("acronyms", "aliases", "context_aliases"):
            value = r.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                problems.append(f"{rid}: {key} must be a list of non-empty strings")
    return problems


def _entry(r: dict[str, Any]) -> Entry:
    return Entry(
        id=r["id"],
        organization=r["organization"],
        kind=r["kind"],
        names=dict(r["names"]),
        acronyms=tuple(r.get("acronyms", ())),
        former_names=tuple(
            FormerName(
                names=dict(f["names"]),
                until=date.fromisoformat(f["until"]) if f.get("until") else None,
            )
            for f in r.get("former_names", ())
        ),
        parent=r.get("parent"),
        aliases=tuple(r.get("aliases", ())),
        context_aliases=tuple(r.get("context_aliases", ())),
    )


def read_gazetteer(path: Path | str) -> Gazetteer:
    """Read and check a gazetteer file; raises GazetteerError listing the first problems."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GazetteerError(f"cannot read the gazetteer {path}: {exc}") from exc
    problems = check(data)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise GazetteerError(f"{path}: " + "; ".join(problems[:3]) + more)
    return Gazetteer(tuple(_entry(r) for r in data["entries"]))


@cache
def load_gazetteer() -> Gazetteer:
    """The package's gazetteer, read once per process."""
    return read_gazetteer(DATA)
