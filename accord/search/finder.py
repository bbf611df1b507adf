"""Search, as the pages and the API ask it:

    find(query, user, framework=None, kinds=(), since=None, until=None, limit=50) -> Results

Matches come from the index best first; each is then asked of the permissions module
(``viewable`` on its own model), so a visitor finds only what they may read: the public,
only what is published. Snippets show the text around the first words found, marked.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from accord.accounts.permissions import viewable
from accord.search import backends
from accord.search.models import SearchEntry
from accord.search.query import parse, stems
from accord.search.sources import BY_KIND
from accord.search.text import language_of, term, words

CANDIDATES = 500  # matches read from the index at a time, then filtered by the permissions
BATCHES = 20  # at most this many reads for one search (10,000 matches)
WINDOW = 14  # words either side of the first word found


@dataclass
class Results:
    query: str
    hits: list[SearchEntry] = field(default_factory=list)
    more: bool = False  # the index had more matches than were read


def _allowed(user, matches: list[tuple[int, str, int]]) -> set[tuple[str, int]]:
    by_kind: dict[str, list[int]] = {}
    for _id, kind, object_id in matches:
        by_kind.setdefault(kind, []).append(object_id)
    allowed = set()
    for kind, ids in by_kind.items():
        model = BY_KIND[kind].model
        for pk in viewable(user, model._default_manager.filter(pk__in=ids)).values_list(
            "pk", flat=True
        ):
            allowed.add((kind, pk))
    return allowed


def snippet(text: str, wanted: set[str]) -> SafeString:
    """About ``2 * WINDOW`` words of ``text`` around the first word found, with every
    word found in <mark>; the text is escaped."""
    tokens = text.split()[:5000]  # bounded, whatever the length of the text
    if not tokens:
        return mark_safe("")
    lang = language_of(words(text))
    found = [i for i, t in enumerate(tokens) if any(term(w, lang) in wanted for w in words(t))]
    start = max(0, (found[0] if found else 0) - WINDOW)
    end = min(len(tokens), start + 2 * WINDOW)
    hit = set(found)
    out = [f"<mark>{escape(t)}</mark>" if i in hit else escape(t) for i, t in enumerate(tokens)]
    prefix = "… " if start else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(prefix + " ".join(out[start:end]) + suffix)


def find(
    query: str,
    user,
    framework=None,
    kinds: tuple[str, ...] = (),
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    limit: int = 50,
) -> Results:
    groups = parse(query)
    filters = {
        "framework": getattr(framework, "pk", None),
        "kinds": list(kinds),
        "since": since,
        "until": until,
    }
    found, more = _visible_matches(groups, filters, user, limit)
    ids = [i for i, _kind, _pk in found[:limit]]
    rows = SearchEntry.objects.defer("terms").in_bulk(ids)
    wanted = stems(groups)
    hits = []
    for i in ids:
        entry = rows[i]
        # the template reads the marked title and the snippet beside the entry's fields
        entry.marked_title = snippet(entry.title, wanted)  # type: ignore[attr-defined]
        entry.snippet = snippet(entry.body or entry.title, wanted)  # type: ignore[attr-defined]
        hits.append(entry)
    return Results(query, hits, more)


def _visible_matches(groups, filters, user, limit: int):
    """The best matches the user may read (up to ``limit`` + 1) and whether there are
    more: the index is read a batch at a time and each batch filtered by the permissions,
    so that a visitor's results are not crowded out by rows they may not see."""
    out: list[tuple[int, str, int]] = []
    for batch in range(BATCHES):
        matches = backends.match(groups, filters, CANDIDATES + 1, batch * CANDIDATES)
        page = matches[:CANDIDATES]
        allowed = _allowed(user, page)
        out += [m for m in page if (m[1], m[2]) in allowed]
        if len(out) > limit or len(matches) <= CANDIDATES:
            return out, len(out) > limit
    return out, True
