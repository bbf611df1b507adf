"""Undo one upload: find every history record its writes left, newest first, and take
each back through the core services (a creation is soft-deleted, a change restored to
the state before it).

Reads the history tables of every Accord model that keeps one; writes through
``accord.core.services.history_revert`` / ``object_soft_delete`` only.
"""

from __future__ import annotations

from django.apps import apps

from accord.core.services import history_revert, object_soft_delete

ACCORD_APPS = ("registry", "cooperation", "documents")


def _history_models():
    for label in ACCORD_APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models():
            if hasattr(model, "history") and hasattr(model, "all_objects"):
                yield model


def upload_records(reasons: list[str], since) -> list:
    """The history records whose change reason is one of ``reasons``, made at or after
    ``since``, newest first."""
    records = []
    for model in _history_models():
        records.extend(
            model.history.filter(history_change_reason__in=reasons, history_date__gte=since)
        )
    records.sort(key=lambda r: (r.history_date, r.history_id), reverse=True)
    return records


def take_back(records: list, user) -> int:
    """Revert ``records`` in the order given; return how many rows were touched."""
    touched = 0
    for record in records:
        model = record.instance_type
        current = model.all_objects.filter(pk=record.id).first()
        if record.history_type == "+":
            if current is None or current.deleted_at is not None:
                continue
            object_soft_delete(obj=current, user=user)
        elif record.history_type == "~":
            history_revert(record=record, user=user)
        else:
            continue
        touched += 1
    return touched
