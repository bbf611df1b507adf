"""A report generated in the background: what was asked, how far it got, the file;
and the calls for contributions to the Secretary-General's report with each UN entity's
contribution.

Reads: nothing at import. Writes: the ``ReportJob`` table (by ``accord.reports.tasks``)
and the generated file under MEDIA_ROOT/reports/; ``ContributionCall`` and
``Contribution`` (and their history) through ``accord.reports.contributions`` only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.core.history import HistoricalRecords
from accord.core.models import AccordModel, BackgroundJob


class ReportJob(BackgroundJob):
    class Kind(models.TextChoices):
        SG_REPORT = "sg_report", _("report of the Secretary-General")
        REVIEW_PACK = "review_pack", _("review pack")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    fmt = models.CharField(_("format"), max_length=8)
    file = models.FileField(_("file"), upload_to="reports/", blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_jobs",
        verbose_name=_("requested by"),
    )

    class Meta(BackgroundJob.Meta):
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.fmt}, {self.lang}) {self.get_status_display()}"


class ContributionCall(AccordModel):
    """The Secretariat's request to the UN entities for their input to the report on one
    framework and period (the entities answer with a ``Contribution`` each)."""

    framework = models.ForeignKey(
        "cooperation.Framework",
        on_delete=models.CASCADE,
        related_name="contribution_calls",
        verbose_name=_("framework"),
    )
    start = models.DateField(_("period start"))
    end = models.DateField(_("period end"))
    due_on = models.DateField(_("due on"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contribution_calls",
        verbose_name=_("opened by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-end", "-pk"]
        verbose_name = _("call for contributions")
        verbose_name_plural = _("calls for contributions")

    def __str__(self) -> str:
        return f"{self.framework} {self.start:%Y-%m} – {self.end:%Y-%m}"


class Contribution(AccordModel):
    """One UN entity's paragraphs for the report: written by its focal point, submitted,
    then accepted (and possibly edited) by the coordinator."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")

    call = models.ForeignKey(
        ContributionCall,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("call for contributions"),
    )
    entity = models.ForeignKey(
        "registry.Entity",
        on_delete=models.PROTECT,
        related_name="contributions",
        verbose_name=_("UN entity"),
    )
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "entity__acronym", "entity__name_en"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "entity"], name="contribution_one_per_entity_and_call"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entity} ({self.get_status_display()})"

    def paragraphs(self) -> list[str]:
        """The text as the report's paragraphs: one per block separated by a blank line."""
        return [" ".join(b.split()) for b in self.text.replace("\r", "").split("\n\n") if b.strip()]
