"""Search, as the pages and the API ask it:

    find(query, user, framework=None, kinds=(), since=None, until=None, limit=50, offset=0)
        -> Results

Matches come from the index best first, the database keeping only the entries the
visitor may read (public ones, and those of the frameworks the permissions module says
the visitor reads everything of), ranked among a bounded set of candidates
(accord.search.backends.Ranking: every match, or for a broad query the most recent ones
and those whose title matches; ``count`` then says "more than"); each is then asked of the permissions module
(``viewable`` on its own model) as the final guard, so a visitor finds only what they
may read: the public, only what is published. Snippets show the text around the first words found, marked.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape  # django.utils.html.escape is this, behind a lazy wrapper

from django.utils.safestring import SafeString, mark_safe

from accord.accounts.permissions import grants, viewable
from accord.search import backends
from accord.search.models import SearchEntry
from accord.search.query import parse, stems
from accord.search.sources import BY_KIND
from accord.search.text import language_of, plain, term, words

CANDIDATES = 500  # at most this many matches read from the index at a time
BATCHES = 20  # at most this many reads for one search
WINDOW = 14  # words either side of the first word found


@dataclass
class Results:
    query: str
    hits: list[SearchEntry] = field(default_factory=list)
    more: bool = False  # more candidates after this page
    count: int = 0  # the matches (at most backends.RANKED)
    capped: bool = False  # more matches than ``count``: only the candidates are ranked
    offset: int = 0  # the hits are the candidates from this one on


def readable(user) -> set[int] | None:
    """The frameworks whose unpublished rows ``user`` reads (None: every row)."""
    g = grants(user)
    return None if g.is_admin else set(g.frameworks)


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
    word found in <mark>; the text is escaped. The text's words are stemmed once (not a
    token at a time: a search makes a hundred snippets), and only the tokens up to the
    first one found and those of the window are looked at."""
    tokens = text.split()[:5000]  # bounded, whatever the length of the text
    if not tokens:
        return mark_safe("")
    ws = words(text)
    lang = language_of(ws)
    hits = {w for w in set(ws) if term(w, lang) in wanted}

    def found(token: str) -> bool:
        if not hits:
            return False
        folded = plain(token)  # a cheap test first, then the token's own words
        return any(h in folded for h in hits) and any(w in hits for w in words(token))

    first = next((i for i, t in enumerate(tokens) if found(t)), 0)
    start = max(0, first - WINDOW)
    end = min(len(tokens), start + 2 * WINDOW)
    out = [f"<mark>{escape(t)}</mark>" if found(t) else escape(t) for t in tokens[start:end]]
    prefix = "… " if start else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(prefix + " ".join(out) + suffix)


def find(
    query: str,
    user,
    framework=None,
    kinds: tuple[str, ...] = (),
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Results:
    groups = parse(query)
    filters = {
        "framework": getattr(framework, "pk", None),
        "kinds": list(kinds),
        "since": since,
        "until": until,
        "readable": readable(user),
    }
    ranked = backends.ranking(groups, filters)
    found, more = _visible_matches(ranked, user, offset + limit)
    ids = [i for i, _kind, _pk in found[offset : offset + limit]]
    rows = SearchEntry.objects.defer("terms", "title_terms").in_bulk(ids)
    wanted = stems(groups)
    hits = []
    for i in ids:
        entry = rows[i]
        # the template reads the marked title and the snippet beside the entry's fields
        entry.marked_title = snippet(entry.title, wanted)  # type: ignore[attr-defined]
        entry.snippet = snippet(entry.body or entry.title, wanted)  # type: ignore[attr-defined]
        hits.append(entry)
    return Results(query, hits, more, ranked.count, ranked.capped, offset)


def _visible_matches(ranked: backends.Ranking, user, limit: int):
    """The best matches the user may read (up to ``limit`` + 1) and whether there are
    more. The database already drops what the user may not read, so the first batch
    asks for ``limit`` + 1; each batch is filtered by the permissions and, should they drop
    some (an entry not yet indexed again), the next batch is read, so that a visitor's
    results are not crowded out by rows they may not see."""
    size = min(CANDIDATES, limit + 1)
    out: list[tuple[int, str, int]] = []
    for batch in range(BATCHES):
        matches = ranked.page(size + 1, batch * size)
        page = matches[:size]
        allowed = _allowed(user, page)
        out += [m for m in page if (m[1], m[2]) in allowed]
        if len(out) > limit or len(matches) <= size:
            return out, len(out) > limit
    return out, True
