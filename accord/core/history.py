"""History records with a cheaper many-to-many snapshot and a history manager's class
made once per model.

django-simple-history copies an object's many-to-many links into each new history
record by reading the link table with both sides joined in (whole rows of the object
and of every linked row) and building the copies from those instances. The copy needs
only the link table's ids: ``copy_links`` reads them in one light query per relation
(no join, no instance), which is what every save of an activity pays (a status change
included). The records written are the same rows as the library's.

The library's descriptor (``Model.history``, ``instance.history``) builds its manager's
class anew at every access (``from_queryset``: a ``type()`` and an ``inspect.getmembers``
over the queryset's methods, about 90 microseconds), and every save with history asks
for it once to write the record. ``OnceHistoryDescriptor`` builds that class when the
model is prepared and returns a new manager of it at each access, as the library does.
Every model of Accord takes its ``HistoricalRecords`` from here.
"""

from __future__ import annotations

from typing import Any

from simple_history import utils
from simple_history.manager import HistoryDescriptor
from simple_history.models import HistoricalRecords as LibraryHistoricalRecords
from simple_history.signals import (
    post_create_historical_m2m_records,
    pre_create_historical_m2m_records,
)


def copy_links(record: Any, field: Any, m2m_model: Any, instance: Any) -> list:
    """Copy the current links of ``instance`` through the many-to-many ``field`` into
    the history record ``record`` (rows of ``m2m_model``); returns the rows written."""
    through = field.remote_field.through
    names = [f.attname for f in through._meta.fields]
    links = through.objects.filter(**{utils.get_m2m_field_name(field): instance.pk})
    rows = [
        m2m_model(history=record, **dict(zip(names, values, strict=True)))
        for values in links.values_list(*names)
    ]
    pre_create_historical_m2m_records.send(
        sender=m2m_model, rows=rows, history_instance=record, instance=instance, field=field
    )
    created = m2m_model.objects.bulk_create(rows) if rows else []
    post_create_historical_m2m_records.send(
        sender=m2m_model,
        created_rows=created,
        history_instance=record,
        instance=instance,
        field=field,
    )
    return created


class OnceHistoryDescriptor(HistoryDescriptor):
    """The library's descriptor, its manager's class made once."""

    def __init__(self, descriptor: HistoryDescriptor):
        super().__init__(descriptor.model, descriptor.manager_class, descriptor.queryset_class)
        self.manager = self.manager_class.from_queryset(self.queryset_class)

    def __get__(self, instance, owner):
        return self.manager(self.model, instance)


def _once(cls: type, name: str) -> HistoryDescriptor | None:
    """Put ``OnceHistoryDescriptor`` in place of the library's descriptor ``name`` of
    ``cls``; the library's, or None when it set none there (an abstract model)."""
    descriptor = cls.__dict__.get(name)
    if type(descriptor) is not HistoryDescriptor:
        return None
    setattr(cls, name, OnceHistoryDescriptor(descriptor))
    return descriptor


class HistoricalRecords(LibraryHistoricalRecords):
    """The library's history, its many-to-many snapshot taken by ``copy_links`` and its
    descriptors' manager classes made once (``OnceHistoryDescriptor``)."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        descriptor = _once(sender, self.manager_name)
        if descriptor is not None:
            for field in self.m2m_models:  # the links' history, on the history model
                _once(descriptor.model, field.name)

    def create_historical_record_m2ms(self, history_instance, instance):
        for field in history_instance._history_m2m_fields:
            copy_links(history_instance, field, self.m2m_models[field], instance)
