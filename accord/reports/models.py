"""A report generated in the background: what was asked, how far it got, the file.

Reads: nothing at import. Writes: the ``ReportJob`` table (by ``accord.reports.tasks``)
and the generated file under MEDIA_ROOT/reports/.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    class Kind(models.TextChoices):
        SG_REPORT = "sg_report", _("report of the Secretary-General")
        REVIEW_PACK = "review_pack", _("review pack")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    fmt = models.CharField(_("format"), max_length=8)
    lang = models.CharField(_("language"), max_length=8, default="en")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.FloatField(_("progress"), default=0.0, help_text=_("From 0 to 1."))
    file = models.FileField(_("file"), upload_to="reports/", blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(_("task id"), max_length=100, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_jobs",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.fmt}, {self.lang}) {self.get_status_display()}"

    @property
    def percent(self) -> int:
        return round(self.progress * 100)
