"""The review list: proposals of a bootstrap that a coordinator confirms or corrects.

Reads: nothing at import. Writes: the ``documents_reviewitem`` table and its history.
A ``ReviewItem`` keeps one proposal of ``accord.documents.bootstrap.propose`` as plain
JSON (``data``), with the parser's confidence and the paragraph it came from. Confirming
it (``accord.documents.services.bootstrap_confirm``) writes the proposal as it is or as
corrected; rejecting it writes nothing but the decision. Natural key: the resolution,
the proposal kind and the proposal key, so a second bootstrap adds no duplicate.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.core.history import HistoricalRecords
from accord.core.models import AccordModel


class ReviewItem(AccordModel):
    """A proposal the parser is unsure of, waiting for a coordinator."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        CONFIRMED = "confirmed", _("confirmed")
        CORRECTED = "corrected", _("confirmed as corrected")
        REJECTED = "rejected", _("rejected")

    framework = models.ForeignKey(
        "cooperation.Framework",
        on_delete=models.CASCADE,
        related_name="review_items",
        verbose_name=_("framework"),
    )
    resolution = models.ForeignKey(
        "documents.Resolution",
        on_delete=models.CASCADE,
        related_name="review_items",
        verbose_name=_("resolution"),
    )
    kind = models.CharField(
        _("kind"), max_length=30, help_text=_('e.g. "meeting", "entity", "mandate"')
    )
    key = models.CharField(_("key"), max_length=200, help_text=_("The proposal's natural key."))
    label = models.CharField(_("label"), max_length=500, blank=True)
    data = models.JSONField(_("proposed data"), default=dict, blank=True)
    confidence = models.FloatField(_("confidence"), default=0.0)
    reason = models.CharField(_("why it needs review"), max_length=300, blank=True)
    paragraph = models.CharField(
        _("source paragraph"), max_length=30, blank=True, help_text=_('e.g. "pre-27"')
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_decisions",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "status", "resolution", "kind", "key"]
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "kind", "key"], name="reviewitem_unique_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.label or self.key}"
