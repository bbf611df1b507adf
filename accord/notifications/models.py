"""Notifications: what happened that concerns a user, how they want to hear of it, and
what was already mailed.

Reads: nothing at import. Writes: the notification tables (only through
``accord.notifications.services``). These rows are messages to people, not domain data:
they carry no history and are never soft-deleted.

- ``Notification``: one event for one recipient, about one object (content type + id),
  in one framework; ``dedupe_key`` is unique per recipient, so an event announced twice
  (``accord remind`` run twice a day) makes one row; ``read_at`` when opened or marked,
  ``mailed_at`` when it went out in a mail.
- ``NotificationPreference``: per user per kind, immediately / daily / weekly / off.
- ``SentMail``: one row per mail sent, unique per recipient and key (``n:<id>`` for an
  immediate mail, ``daily:<date>``, ``weekly:<year>-W<week>`` for a digest).
- ``Profile``: a user's language for mails, and the secret of their calendar feed.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ASSIGNED = "assigned", _("an action item assigned to my entity")
    DUE_SOON = "due_soon", _("an action item due in 7 days")
    OVERDUE = "overdue", _("an action item overdue")
    MANDATE_DUE = "mandate_due", _("a report obligation due at the next session")
    AGREEMENT_EXPIRING = "agreement_expiring", _("an agreement expiring in 90 or 30 days")
    STALE_EDIT = "stale_edit", _("an edit of mine refused (someone saved first)")
    RESOLUTION_UPLOADED = "resolution_uploaded", _("a resolution uploaded into my framework")
    REVIEW_WAITING = "review_waiting", _("review items waiting for my decision")
    CONTRIBUTION_REQUESTED = (
        "contribution_requested",
        _("a call for contributions to the report opened for my entity"),
    )
    CONTRIBUTION_DUE = "contribution_due", _("my entity's contribution to the report due in 7 days")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("immediately")
    DAILY = "daily", _("daily digest")
    WEEKLY = "weekly", _("weekly digest")
    OFF = "off", _("off")


# What a user gets before choosing: what needs them now at once, reminders in a digest.
DEFAULT_FREQUENCY = {
    Kind.ASSIGNED: Frequency.IMMEDIATELY,
    Kind.DUE_SOON: Frequency.DAILY,
    Kind.OVERDUE: Frequency.DAILY,
    Kind.MANDATE_DUE: Frequency.DAILY,
    Kind.AGREEMENT_EXPIRING: Frequency.DAILY,
    Kind.STALE_EDIT: Frequency.IMMEDIATELY,
    Kind.RESOLUTION_UPLOADED: Frequency.DAILY,
    Kind.REVIEW_WAITING: Frequency.IMMEDIATELY,
    Kind.CONTRIBUTION_REQUESTED: Frequency.IMMEDIATELY,
    Kind.CONTRIBUTION_DUE: Frequency.DAILY,
}


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    framework = models.ForeignKey(
        "cooperation.Framework",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("framework"),
    )
    params = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)
    dedupe_key = models.CharField(_("dedupe key"), max_length=200)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"], name="notification_once_per_recipient"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["mailed_at", "recipient"], name="notification_unmailed_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.kind} {self.dedupe_key}"


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    frequency = models.CharField(_("frequency"), max_length=12, choices=Frequency.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="preference_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.frequency}"


class SentMail(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(_("key"), max_length=60)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    count = models.PositiveIntegerField(_("notifications"), default=1)

    class Meta:
        verbose_name = _("mail sent")
        verbose_name_plural = _("mails sent")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="sentmail_once_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.key}"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class Profile(models.Model):
    """What Accord keeps about a user beyond Django's user: their language (for mails
    and notifications) and the secret of their personal calendar feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="accord_profile",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    calendar_token = models.CharField(
        _("calendar secret"), max_length=64, unique=True, default=new_calendar_token
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"{self.user_id} {self.language}"
