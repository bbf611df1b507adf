"""The abstract base of Accord's data models.

Every data model inherits ``AccordModel``: ``created_at``/``updated_at``; soft delete
(``deleted_at``/``deleted_by``, ``objects`` hides deleted rows, ``all_objects`` shows
them, ``soft_delete(user)``/``restore(user)``); and ``version``, an integer that the
services check and increment in one ``UPDATE ... WHERE version = expected`` so that two
people cannot overwrite each other silently (see ``accord.core.services``).

Each concrete model declares its own ``history = HistoricalRecords()`` (simple_history),
so every save, soft delete and restore leaves a record of who, when and what.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accord.core.actors import recorded_user
from accord.core.errors import AlreadyDeleted, NotDeleted


class AliveQuerySet(models.QuerySet):
    """A queryset that knows about soft delete."""

    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)

    # update() and bulk_update() send no post_save: they send rows_updated instead, so
    # that whoever derives data from rows (the page cache, accord/web/cache.py) follows.
    def update(self, **kwargs):
        from accord.core.signals import rows_updated

        count = super().update(**kwargs)
        rows_updated.send(sender=self.model)
        return count

    def bulk_update(self, objs, fields, batch_size=None):
        from accord.core.signals import rows_updated

        count = super().bulk_update(objs, fields, batch_size=batch_size)
        rows_updated.send(sender=self.model)
        return count


# Named at module level so that django-stubs' plugin can resolve the generated manager.
_AliveQuerySetManager = models.Manager.from_queryset(AliveQuerySet)


class AliveManager(_AliveQuerySetManager):
    """The default manager: rows that are not soft-deleted."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class AllObjectsManager(_AliveQuerySetManager):
    """Every row, soft-deleted or not (admin, history, restore)."""


class AccordModel(models.Model):
    """Timestamps, soft delete and an optimistic-locking version."""

    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, editable=False)
    deleted_at = models.DateTimeField(
        _("deleted at"), null=True, blank=True, editable=False, db_index=True
    )
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("deleted by"),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = AliveManager()
    all_objects = AllObjectsManager()

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def soft_delete(self, user=None) -> None:
        """Mark the row deleted (it stays in the database and its history)."""
        if self.deleted_at is not None:
            raise AlreadyDeleted(_("%(obj)s is already deleted.") % {"obj": self})
        self.deleted_at = timezone.now()
        self.deleted_by = recorded_user(user)
        self.version += 1
        self._history_user = recorded_user(user)
        self.save()

    def restore(self, user=None) -> None:
        """Bring a soft-deleted row back."""
        if self.deleted_at is None:
            raise NotDeleted(_("%(obj)s is not deleted.") % {"obj": self})
        self.deleted_at = None
        self.deleted_by = None
        self.version += 1
        self._history_user = recorded_user(user)
        self.save()


class NamedInLanguages(models.Model):
    """Names in English, French and Arabic; ``name`` picks the active language."""

    name_en = models.CharField(_("name (English)"), max_length=300)
    name_fr = models.CharField(_("name (French)"), max_length=300, blank=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=300, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        lang = (get_language() or "en")[:2]
        return getattr(self, f"name_{lang}", "") or self.name_en


class BackgroundJob(models.Model):
    """What every job run by the task worker records for its page to show: what was
    asked (``params``, in the language ``lang``), how far it got (``status``,
    ``progress`` from 0 to 1), why it failed, and when. ``ReportJob`` and ``UploadJob``
    add their kind, their file and who asked."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    params = models.JSONField(_("parameters"), default=dict, blank=True)
    lang = models.CharField(_("language"), max_length=8, default="en")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.FloatField(_("progress"), default=0.0, help_text=_("From 0 to 1."))
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(_("task id"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def percent(self) -> int:
        return round(self.progress * 100)

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def record(self, **fields) -> None:
        """Set ``fields`` on this job and write them to its row at once (the job's page
        polls the row while the worker still holds this object)."""
        for name, value in fields.items():
            setattr(self, name, value)
        type(self)._default_manager.filter(pk=self.pk).update(**fields)
