"""The record of one bootstrap run, so that it can be undone from the pages.

Reads: nothing at import. Writes: the ``documents_upload`` table. Every write a
bootstrap makes carries the upload's ``reason`` as its history change reason, so
``accord.documents.services.upload_undo`` finds exactly what the run created (and
soft-deletes it) and what it changed (and puts back, through the history).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.core.history import HistoricalRecords
from accord.core.models import AccordModel


class Upload(AccordModel):
    """One run of the bootstrap (an upload on the pages or ``accord bootstrap``)."""

    framework = models.ForeignKey(
        "cooperation.Framework",
        on_delete=models.CASCADE,
        related_name="uploads",
        verbose_name=_("framework"),
    )
    resolution = models.ForeignKey(
        "documents.Resolution",
        on_delete=models.CASCADE,
        related_name="uploads",
        verbose_name=_("resolution"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    reason = models.CharField(
        _("change reason"),
        max_length=100,
        unique=True,
        help_text=_("The history change reason of every write of this upload."),
    )
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("undone by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")

    def __str__(self) -> str:
        return f"{self.resolution_id}: {self.file_name}"
