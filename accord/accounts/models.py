"""Roles: who holds which role, in which framework, for which side or entity.

Reads: nothing at import. Writes: the ``Membership`` table and its history.

A user's roles are their active ``Membership`` rows. ``accord.accounts.permissions``
reads them (once per request, cached on the user) and decides everything else.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accord.core.history import HistoricalRecords
from accord.core.models import AccordModel, AliveManager, AliveQuerySet


class MembershipQuerySet(AliveQuerySet):
    def active(self, on=None):
        """Memberships in force on ``on`` (today by default): start and end dates included."""
        on = on or timezone.localdate()
        return self.filter(
            models.Q(start_on__isnull=True) | models.Q(start_on__lte=on),
            models.Q(end_on__isnull=True) | models.Q(end_on__gte=on),
            deleted_at__isnull=True,
        )


# The default manager: rows that are not soft-deleted (``AliveManager``), with
# ``active()``. Named at module level so that django-stubs' plugin resolves it.
MembershipManager = AliveManager.from_queryset(MembershipQuerySet)


class Membership(AccordModel):
    """One role of one user.

    - administrator: everything (``framework``, ``organization`` and ``entity`` empty);
    - coordinator: the secretariat coordinator of ``organization`` (one of the two sides)
      in ``framework``;
    - focal point: the focal point of ``entity`` in ``framework``;
    - viewer: reads everything of ``framework``.
    """

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("administrator")
        COORDINATOR = "coordinator", _("coordinator")
        FOCAL_POINT = "focal_point", _("focal point")
        VIEWER = "viewer", _("viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    framework = models.ForeignKey(
        "cooperation.Framework",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("framework"),
    )
    organization = models.ForeignKey(
        "registry.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organization"),
        help_text=_("The side a coordinator edits."),
    )
    entity = models.ForeignKey(
        "registry.Entity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("entity"),
        help_text=_("The entity of a focal point."),
    )
    start_on = models.DateField(_("start"), null=True, blank=True)
    end_on = models.DateField(_("end"), null=True, blank=True)

    objects: ClassVar = MembershipManager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["user", "role", "framework"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["user", "role"], name="membership_user_role_idx")]

    def __str__(self) -> str:
        where = self.entity or self.organization or ""
        parts = [str(self.user), self.get_role_display(), str(self.framework or ""), str(where)]
        return " / ".join(p for p in parts if p)

    def clean(self) -> None:
        """Each role names exactly what it needs: see the class docstring."""
        errors: dict[str, str | Promise] = {}
        role = self.role
        if role == self.Role.ADMINISTRATOR:
            for field in ("framework", "organization", "entity"):
                if getattr(self, f"{field}_id"):
                    errors[field] = _(
                        "An administrator's role is not limited to one %(field)s."
                    ) % {"field": field}
        else:
            if not self.framework_id:
                errors["framework"] = _("This role needs a framework.")
            if role == self.Role.COORDINATOR:
                if not self.organization_id:
                    errors["organization"] = _(
                        "A coordinator needs the organization (the side) they edit."
                    )
                elif self.framework is not None and self.organization_id not in (
                    self.framework.un_organization_id,
                    self.framework.partner_id,
                ):
                    errors["organization"] = _(
                        "The organization must be one of the two sides of the framework."
                    )
            if role == self.Role.FOCAL_POINT:
                if not self.entity_id:
                    errors["entity"] = _("A focal point needs an entity.")
                elif (
                    self.framework is not None
                    and self.entity is not None
                    and self.entity.organization_id
                    not in (self.framework.un_organization_id, self.framework.partner_id)
                ):
                    errors["entity"] = _(
                        "The entity must belong to one of the two sides of the framework."
                    )
        if self.start_on and self.end_on and self.end_on < self.start_on:
            errors["end_on"] = _("The end is before the start.")
        if errors:
            raise ValidationError(errors)
