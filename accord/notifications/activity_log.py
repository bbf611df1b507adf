"""The framework's activity log: who changed what and when, from the simple-history
records every model keeps, across every kind of row of a framework.

Reads: the history tables of the kinds the permissions module ties to a framework (one
query per kind, at most a page's worth each), then, for the page's entries only, the
previous record and the current row (to show the change and offer undo). Writes nothing.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from accord.accounts.permissions import KINDS

PAGE = 50
# A value longer than this is shown cut (a resolution's parse or Akoma Ntoso text, tens
# of thousands of characters, made the log's row taller than a hundred screens).
SHOWN = 200
TYPES = {"+": "created", "~": "changed", "-": "deleted"}


def log_kinds() -> dict[str, tuple[Any, str]]:
    """label -> (model, lookup from the model to its framework id) for every kind with a
    framework and a history (``Any``: simple_history adds ``history`` at run time)."""
    out = {}
    for label, kind in KINDS.items():
        if not kind.framework or kind.framework == "pk":
            continue
        model = apps.get_model(label)
        if hasattr(model, "history"):
            out[label] = (model, kind.framework)
    return out


@dataclass
class Filters:
    person: int | None = None
    entity: int | None = None
    kind: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None


def _people_of(entity_id: int, framework_id: int) -> list[int]:
    from accord.accounts.models import Membership

    return list(
        Membership.all_objects.filter(entity_id=entity_id, framework_id=framework_id).values_list(
            "user_id", flat=True
        )
    )


def records(framework, filters: Filters, page: int = 1) -> tuple[list, bool]:
    """The history records of ``framework`` matching ``filters``, newest first: the
    ``page``-th page of ``PAGE`` and whether there is a next page."""
    wanted = page * PAGE + 1
    people = _people_of(filters.entity, framework.pk) if filters.entity else None
    found = []
    for label, (model, path) in log_kinds().items():
        if filters.kind and filters.kind != label:
            continue
        lookup = f"{path}_id" if "__" not in path else path
        rows = model.history.filter(**{lookup: framework.pk}).select_related("history_user")
        if filters.person:
            rows = rows.filter(history_user_id=filters.person)
        if people is not None:
            rows = rows.filter(history_user_id__in=people)
        if filters.start:
            rows = rows.filter(history_date__date__gte=filters.start)
        if filters.end:
            rows = rows.filter(history_date__date__lte=filters.end)
        found.extend(rows.order_by("-history_date", "-history_id")[:wanted])
    found.sort(key=lambda r: (r.history_date, r.history_id), reverse=True)
    start = (page - 1) * PAGE
    return found[start : start + PAGE], len(found) > start + PAGE


def change_of(record) -> list[dict]:
    """What the record changed: one dict per field (name, before, after)."""
    prev = record.prev_record
    if prev is None:
        return []
    model = record.instance_type
    out = []
    for change in record.diff_against(prev).changes:
        try:
            name = str(model._meta.get_field(change.field).verbose_name)
        except Exception:  # noqa: BLE001 - a many-to-many or removed field
            name = change.field
        if change.field in {"version", "updated_at"}:
            continue
        out.append({"field": name, "old": shown(change.old), "new": shown(change.new)})
    if prev.deleted_at is None and record.deleted_at is not None:
        out.append({"field": _("deleted"), "old": "", "new": "✓"})
    elif prev.deleted_at is not None and record.deleted_at is None:
        out.append({"field": _("restored"), "old": "", "new": "✓"})
    return out


def shown(value):
    """A field's value as the log shows it: a JSON field's value as JSON, text cut to
    ``SHOWN`` characters with an ellipsis; a date or number as it is (the template
    localizes it)."""
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    return Truncator(value).chars(SHOWN) if isinstance(value, str) else value


def record_of(label: str, history_id: int, framework):
    """One history record of ``framework`` by kind and id, or None."""
    kinds = log_kinds()
    if label not in kinds:
        return None
    model, path = kinds[label]
    lookup = f"{path}_id" if "__" not in path else path
    return model.history.filter(history_id=history_id, **{lookup: framework.pk}).first()
