"""A query typed in the search box, in web-search syntax, for either database.

``parse("mou \\"general meeting\\" -rabat or geneva")`` reads: words and "quoted
phrases" (all of them must match), ``-`` before a word or phrase (must not match), and
``or`` between two items (either may match), as PostgreSQL's websearch_to_tsquery does.
``to_fts5`` writes it for SQLite's FTS5 MATCH, ``to_tsquery`` for PostgreSQL's
``to_tsquery('simple', ...)``; both over the index terms of accord.search.text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.search.text import query_terms, terms

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


@dataclass(frozen=True)
class Item:
    """A word (one entry in ``alternatives``: its possible stems) or a phrase
    (several entries, one stem each), negated or not."""

    alternatives: tuple[frozenset[str], ...]
    negated: bool = False


def _item(text: str, negated: bool, phrase: bool) -> Item | None:
    if phrase:
        stems = terms(text)
        return Item(tuple(frozenset([s]) for s in stems), negated) if stems else None
    words = [query_terms(w) for w in terms(text, "english")]  # the words only
    if not words:
        return None
    if len(words) > 1:  # "l'organisation", "co-operation": a phrase of its words
        return _item(text, negated, phrase=True)
    return Item((frozenset(query_terms(text.strip("-'’"))),), negated)


def parse(text: str) -> list[list[Item]]:
    """The query as groups that must all match, each a list of items any of which may."""
    groups: list[list[Item]] = []
    joining = False
    for m in _TOKEN.finditer(text or ""):
        neg_phrase, phrase, neg_word, word = m.groups()
        if word is not None and word.lower() == "or" and groups:
            joining = True
            continue
        item = (
            _item(phrase, bool(neg_phrase), True)
            if phrase is not None
            else _item(word, bool(neg_word), False)
        )
        if item is None:
            continue
        if joining and not item.negated and not groups[-1][0].negated:
            groups[-1].append(item)
        else:
            groups.append([item])
        joining = False
    return groups


def _quote(stem: str, q: str) -> str:
    return q + stem.replace(q, q + q) + q


def _fts5_item(item: Item) -> str:
    if len(item.alternatives) == 1:
        return "(" + " OR ".join(_quote(s, '"') for s in sorted(item.alternatives[0])) + ")"
    return '"' + " ".join(next(iter(a)).replace('"', '""') for a in item.alternatives) + '"'


def to_fts5(groups: list[list[Item]]) -> str | None:
    """The FTS5 MATCH expression, or None when nothing positive is asked."""
    positives = [g for g in groups if not g[0].negated]
    if not positives:
        return None
    expr = " AND ".join("(" + " OR ".join(_fts5_item(i) for i in g) + ")" for g in positives)
    for g in groups:
        if g[0].negated:
            expr = f"({expr}) NOT {_fts5_item(g[0])}"
    return expr


def _ts_item(item: Item) -> str:
    parts = ["(" + " | ".join(_quote(s, "'") for s in sorted(a)) + ")" for a in item.alternatives]
    body = " <-> ".join(parts)
    return f"!({body})" if item.negated else f"({body})"


def to_tsquery(groups: list[list[Item]]) -> str | None:
    """The text for ``to_tsquery('simple', ...)``, or None when nothing positive is asked."""
    if not any(not g[0].negated for g in groups):
        return None
    return " & ".join("(" + " | ".join(_ts_item(i) for i in g) + ")" for g in groups)


def stems(groups: list[list[Item]]) -> set[str]:
    """Every stem asked for (not negated): the words the snippets highlight."""
    return {s for g in groups for i in g if not i.negated for a in i.alternatives for s in a}
