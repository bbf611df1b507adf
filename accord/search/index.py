"""Keeping the index current: one row indexed when it is saved, taken out when it is
deleted (or soft-deleted), and everything rebuilt by ``accord reindex``."""

from __future__ import annotations

from django.db import transaction

from accord.search import backends
from accord.search.models import SearchEntry
from accord.search.sources import BY_LABEL, SOURCES, Source
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
        dated=doc.on,
        url=doc.url[:300],
    )


@transaction.atomic
def index_object(obj) -> None:
    """Index (or re-index, or take out when deleted) one saved row of a source model."""
    source = BY_LABEL.get(obj._meta.label_lower)
    if source is None:
        return
    old = list(SearchEntry.objects.filter(kind=source.kind, object_id=obj.pk))
    backends.erase([e.pk for e in old])
    SearchEntry.objects.filter(pk__in=[e.pk for e in old]).delete()
    entry = _entry(source, obj)
    if entry is not None:
        entry.save()
        backends.write([entry])


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
    qs = manager.select_related(*source.related).order_by("pk")
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
