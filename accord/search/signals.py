"""The index follows every write: a post_save or post_delete of a source model (and of
an entity's former name) re-indexes the row, whoever wrote it (services, admin,
bootstrap, import), and the rows whose publication follows it (accord.search.index)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from accord.search.sources import SOURCES


def _saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    if raw:  # fixtures being loaded
        return
    from accord.search.index import index_object

    index_object(instance, created=created)


def _deleted(sender, instance, **kwargs) -> None:
    from accord.search.index import unindex

    unindex(sender._meta.label_lower, instance.pk)


def _former_name(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        from accord.search.index import index_object

        index_object(instance.entity)


def _bulk(sender, rows, **kwargs) -> None:
    from accord.search.index import index_created

    index_created(sender, [r.pk for r in rows])


def connect() -> None:
    from accord.core.signals import rows_bulk_created
    from accord.registry.models import EntityFormerName

    rows_bulk_created.connect(_bulk, dispatch_uid="search-bulk")
    for source in SOURCES:
        post_save.connect(_saved, sender=source.model, dispatch_uid=f"search-{source.kind}")
        post_delete.connect(_deleted, sender=source.model, dispatch_uid=f"search-del-{source.kind}")
    post_save.connect(_former_name, sender=EntityFormerName, dispatch_uid="search-former")
