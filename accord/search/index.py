"""Keeping the index current: one row indexed when it is saved, taken out when it is
deleted (or soft-deleted), and everything rebuilt by ``accord reindex``.

An entry's ``public`` is the permissions module's ``can_view`` for an anonymous visitor.
Some rows are public because their parent is (a progress update of a published activity,
a decision of a published meeting): when a parent's entry changes publication (or
framework, or title, which its dependants repeat), the dependants are indexed again. Who
depends on whom is read from the permissions module's ``published`` lookups."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from accord.accounts.permissions import can_view, kind_of
from accord.search import backends
from accord.search.models import SearchEntry
from accord.search.sources import BY_KIND, BY_LABEL, SOURCES, Source
from accord.search.text import terms

BATCH = 2000


def _entry(source: Source, obj) -> SearchEntry | None:
    if getattr(obj, "deleted_at", None) is not None:
        return None
    doc = source.build(obj)
    if doc is None:
        return None
    return SearchEntry(
        kind=source.kind,
        object_id=obj.pk,
        framework_id=doc.framework_id,
        title=doc.title[:500],
        ref=(doc.ref or "")[:60],
        body=doc.body,
        terms=" ".join(terms(f"{doc.title} {doc.ref} {doc.body}")),
        title_terms=" ".join(terms(doc.title)),
        dated=doc.on,
        url=doc.url[:300],
        public=can_view(AnonymousUser(), obj),
    )


# What an entry says; an entry that would say the same again is left as it is.
CONTENT = ("framework_id", "title", "ref", "body", "terms", "title_terms", "dated", "url", "public")


def _same(old: SearchEntry, new: SearchEntry | None) -> bool:
    return new is not None and all(getattr(old, f) == getattr(new, f) for f in CONTENT)


def _replace(source: Source, objs) -> tuple[list[SearchEntry], list[SearchEntry]]:
    """Put fresh entries for ``objs`` (rows of ``source``) in place of their old ones,
    leaving those that would not change (a status change does not touch the
    activity's entry); returns (old, new)."""
    built = {o.pk: _entry(source, o) for o in objs}
    old = list(SearchEntry.objects.filter(kind=source.kind, object_id__in=list(built)))
    kept = [e for e in old if _same(e, built[e.object_id])]
    kept_ids = {e.object_id for e in kept}
    gone = [e.pk for e in old if e.object_id not in kept_ids]
    backends.erase(gone)
    if gone:
        SearchEntry.objects.filter(pk__in=gone).delete()
    fresh = [e for pk, e in built.items() if e is not None and pk not in kept_ids]
    new = SearchEntry.objects.bulk_create(fresh) if fresh else []
    if new:
        backends.write(new)
    return old, kept + new


def _shown(entries: list[SearchEntry]) -> set[tuple]:
    """What the dependants of a row take from it."""
    return {(e.public, e.framework_id, e.title) for e in entries}


def index_object(obj, created: bool = False) -> None:
    """Index (or re-index, or take out when deleted) one saved row of a source model, and
    its dependants when what they take from it changed (a new row has none yet). Inside
    ``indexing_deferred`` the row waits for the end of the block (no savepoint taken)."""
    source = BY_LABEL.get(obj._meta.label_lower)
    if source is not None and not _defer(source, [obj.pk], created):
        _index_now(source, obj, created)


@transaction.atomic
def _index_now(source: Source, obj, created: bool) -> None:
    old, new = _replace(source, [obj])
    if not created and _shown(old) != _shown(new):
        index_dependants(obj)


_PENDING = threading.local()  # .rows: {source kind: {pk: created}} inside indexing_deferred


@contextmanager
def indexing_deferred() -> Iterator[None]:
    """Within the block, the rows saved are indexed when it ends, once each, one read and
    one write per kind (inside the caller's transaction): a resolution's upload saves
    some seventy rows, each of which otherwise read and wrote its own entry. A block
    inside another waits for the outer one; a block that raises indexes nothing (its
    transaction is rolled back)."""
    if getattr(_PENDING, "rows", None) is not None:
        yield
        return
    _PENDING.rows = {}
    try:
        yield
        pending = _PENDING.rows
    finally:
        _PENDING.rows = None
    _index_pending(pending)


def _defer(source: Source, pks, created: bool) -> bool:
    """Keep ``pks`` for the end of the current ``indexing_deferred`` block (False outside
    one). A row both created and saved again in the block counts as created."""
    rows = getattr(_PENDING, "rows", None)
    if rows is None:
        return False
    waiting = rows.setdefault(source.kind, {})
    for pk in pks:
        waiting[pk] = waiting.get(pk, False) or created
    return True


@transaction.atomic
def _index_pending(pending: dict[str, dict]) -> None:
    for kind, waiting in pending.items():
        source = BY_KIND[kind]
        rows = list(_rows(source).filter(pk__in=list(waiting)))
        if not rows:
            continue
        old, new = _replace(source, rows)
        before, after = _by_object(old), _by_object(new)
        for obj in rows:
            if not waiting[obj.pk] and _shown(before[obj.pk]) != _shown(after[obj.pk]):
                index_dependants(obj)


def _by_object(entries: list[SearchEntry]) -> defaultdict[int, list[SearchEntry]]:
    out: defaultdict[int, list[SearchEntry]] = defaultdict(list)
    for entry in entries:
        out[entry.object_id].append(entry)
    return out


def index_created(model, pks) -> None:
    """Index the rows ``pks`` of ``model`` that were just inserted together (a bulk
    create): read once with what their entries need, written in one pass, as ``accord
    reindex`` writes them (a new row has no dependants yet)."""
    source = BY_LABEL.get(model._meta.label_lower)
    if source is not None and not _defer(source, pks, True):
        _replace(source, list(source.rows(model._default_manager).filter(pk__in=pks)))


@cache
def dependants() -> dict[str, tuple[tuple[Source, str], ...]]:
    """For each model, the sources whose publication follows one of its rows, with the
    lookup from the source to that row: {"cooperation.activity": ((progress,
    "activity"),), "cooperation.meeting": ((decision, "meeting"), (actionitem,
    "decision__meeting")), ...}, from the ``published`` lookups of the permissions module."""
    out: dict[str, list[tuple[Source, str]]] = {}
    for source in SOURCES:
        kind = kind_of(source.model)
        paths = kind.published if kind is not None and isinstance(kind.published, tuple) else ()
        for path in paths:
            model, parts = source.model, path.split("__")[:-1]
            for i, part in enumerate(parts):
                model = model._meta.get_field(part).related_model
                out.setdefault(model._meta.label_lower, []).append(
                    (source, "__".join(parts[: i + 1]))
                )
    return {label: tuple(pairs) for label, pairs in out.items()}


def index_dependants(obj) -> None:
    """Index again the rows whose publication follows ``obj``."""
    for source, lookup in dependants().get(obj._meta.label_lower, ()):
        rows = list(_rows(source).filter(**{lookup: obj.pk}))
        if rows:
            _replace(source, rows)


@transaction.atomic
def unindex(label: str, pk) -> None:
    source = BY_LABEL.get(label.lower())
    if source is None:
        return
    ids = list(
        SearchEntry.objects.filter(kind=source.kind, object_id=pk).values_list("pk", flat=True)
    )
    backends.erase(ids)
    SearchEntry.objects.filter(pk__in=ids).delete()


def _rows(source: Source):
    manager = getattr(source.model, "all_objects", source.model._default_manager)
    qs = source.rows(manager).order_by("pk")
    if source.kind == "entity":
        qs = qs.prefetch_related("former_names")
    return qs


@transaction.atomic
def reindex() -> dict[str, int]:
    """Rebuild the whole index from the rows; returns how many entries of each kind."""
    backends.clear()
    SearchEntry.objects.all().delete()
    counts = {}
    for source in SOURCES:
        n, batch = 0, []
        for obj in _rows(source).iterator(chunk_size=BATCH):
            entry = _entry(source, obj)
            if entry is not None:
                batch.append(entry)
            if len(batch) >= BATCH:
                n += _flush(batch)
        n += _flush(batch)
        counts[source.kind] = n
    return counts


def _flush(batch: list[SearchEntry]) -> int:
    if not batch:
        return 0
    created = SearchEntry.objects.bulk_create(batch)
    backends.write(created)
    count = len(batch)
    batch.clear()
    return count
