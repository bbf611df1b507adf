"""Organizations and their entities, focal points and agreements.

Reads: nothing at import. Writes: the registry tables and their history tables.
Entity identity survives renaming: former names are kept in ``EntityFormerName``.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.core.history import HistoricalRecords
from accord.core.models import (
    AccordModel,
    AliveManager,
    AliveQuerySet,
    AllObjectsManager,
    NamedInLanguages,
)


class Organization(NamedInLanguages, AccordModel):
    """An intergovernmental organization: the UN (code "un") or a partner ("oic")."""

    class Kind(models.TextChoices):
        UNIVERSAL = "universal", _("universal organization")
        REGIONAL = "regional", _("regional or intergovernmental organization")
        OTHER = "other", _("other")

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_('e.g. "un", "oic"'))
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGIONAL)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.acronym or self.name_en


class Entity(NamedInLanguages, AccordModel):
    """A body of an organization (an office, agency, subsidiary organ, ...)."""

    class Kind(models.TextChoices):
        PRINCIPAL_ORGAN = "principal_organ", _("principal organ")
        DEPARTMENT = "department", _("department")
        OFFICE = "office", _("office")
        AGENCY = "agency", _("agency")
        FUND = "fund", _("fund")
        PROGRAMME = "programme", _("programme")
        SUBSIDIARY_ORGAN = "subsidiary_organ", _("subsidiary organ")
        SPECIALIZED_INSTITUTION = "specialized_institution", _("specialized institution")
        AFFILIATED_INSTITUTION = "affiliated_institution", _("affiliated institution")
        STANDING_COMMITTEE = "standing_committee", _("standing committee")
        OTHER = "other", _("other")

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="entities",
        verbose_name=_("organization"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("parent"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    acronym = models.CharField(_("acronym"), max_length=60, blank=True)
    gazetteer_id = models.CharField(
        _("gazetteer id"),
        max_length=120,
        unique=True,
        null=True,
        blank=True,
        help_text=_('The parser gazetteer\'s id, e.g. "un.ohchr".'),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__code", "name_en"]
        verbose_name = _("entity")
        verbose_name_plural = _("entities")

    def __str__(self) -> str:
        return self.acronym or self.name_en


class EntityFormerName(AccordModel):
    """A name an entity used to have, with the dates it was used."""

    entity = models.ForeignKey(
        Entity, on_delete=models.CASCADE, related_name="former_names", verbose_name=_("entity")
    )
    name = models.CharField(_("name"), max_length=300)
    from_date = models.DateField(_("from"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["entity", "until"]
        verbose_name = _("former name")
        verbose_name_plural = _("former names")

    def __str__(self) -> str:
        return self.name


class FocalPoint(AccordModel):
    """A person who answers for an entity in one or more priority areas."""

    person_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="focal_points", verbose_name=_("entity")
    )
    priority_areas = models.ManyToManyField(
        "cooperation.PriorityArea",
        blank=True,
        related_name="focal_points",
        verbose_name=_("priority areas"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="focal_points",
        verbose_name=_("user"),
    )
    start_on = models.DateField(_("start"), null=True, blank=True)
    end_on = models.DateField(_("end"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[priority_areas])

    class Meta:
        ordering = ["entity", "person_name"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")

    def __str__(self) -> str:
        return f"{self.person_name} ({self.entity})"

    def clean(self) -> None:
        """The role ends after it starts."""
        super().clean()
        if self.start_on and self.end_on and self.end_on < self.start_on:
            raise ValidationError(
                {"end_on": _("A focal point's role cannot end before it starts.")}
            )


class AgreementQuerySet(AliveQuerySet):
    """The domain's questions about agreements, asked in the database."""

    def expiring(self, on, days: int = 90):
        """Agreements still in effect (not expired nor terminated) whose expiry date
        falls within ``days`` days from ``on`` (``on`` included)."""
        return self.filter(
            expires_on__gte=on, expires_on__lte=on + datetime.timedelta(days=days)
        ).exclude(status__in=(Agreement.Status.EXPIRED, Agreement.Status.TERMINATED))


_AgreementManager = AliveManager.from_queryset(AgreementQuerySet)
_AllAgreementManager = AllObjectsManager.from_queryset(AgreementQuerySet)


class Agreement(AccordModel):
    """A memorandum of understanding or of cooperation, or an exchange of letters."""

    class Kind(models.TextChoices):
        MOU = "mou", _("memorandum of understanding")
        MOC = "moc", _("memorandum of cooperation")
        LETTERS = "letters", _("exchange of letters")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SIGNED = "signed", _("signed")
        IN_FORCE = "in_force", _("in force")
        EXPIRED = "expired", _("expired")
        TERMINATED = "terminated", _("terminated")
        RENEWED = "renewed", _("renewed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MOU)
    title = models.CharField(_("title"), max_length=500)
    framework = models.ForeignKey(
        "cooperation.Framework",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
        verbose_name=_("framework"),
    )
    parties = models.ManyToManyField(
        Entity, blank=True, related_name="agreements", verbose_name=_("parties")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    renewed_on = models.DateField(_("renewed on"), null=True, blank=True)
    renewal = models.CharField(
        _("renewal"),
        max_length=300,
        blank=True,
        help_text=_("e.g. renewed automatically for two years"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SIGNED
    )
    source_paragraph = models.ForeignKey(
        "documents.Paragraph",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
        verbose_name=_("source paragraph"),
    )
    notes = models.TextField(_("notes"), blank=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown to the public (read-only).")
    )

    objects: ClassVar = _AgreementManager()
    all_objects: ClassVar = _AllAgreementManager()

    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self) -> str:
        return self.title
